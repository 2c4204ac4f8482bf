"""Rule cues that are certain: URLs, DOIs, ISBNs, access dates, pinpoints and signals.

Each `take_*` function removes what it found from the text and returns both, so that the
structural parser and the CRF only see what the rules could not decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit import patterns


@dataclass(frozen=True, slots=True)
class Cues:
    """What the certain rules found, and the text left over for the parser."""

    rest: str
    fields: dict[str, str] = field(default_factory=dict)
    pinpoint: str | None = None
    signal: str | None = None


_LONE_COMMA = re.compile(r"\s+,(?=\s|$)")
_ACCESS_WORDS = ("access", "retriev", "consult", "abgerufen", "zugegriffen", "visited", "recuperado")


def tidy(text: str) -> str:
    """Collapse spaces and drop dangling separators left where a cue was cut out."""
    text = patterns.SPACES.sub(" ", text).strip()
    # Only a comma the cut left standing alone; a PDF's ",Phys" glued to its word stays as it is.
    text = _LONE_COMMA.sub(",", text).replace(",,", ",").replace(", .", ".")
    return patterns.TRAILING_PUNCT.sub("", text).strip()


def join_url_breaks(text: str) -> str:
    """Close the spaces a line break left inside a URL ("http://www. gesis.org/en/" → "http://www.gesis.org/en/")."""
    return patterns.URL_BROKEN.sub(lambda m: patterns.SPACES.sub("", m.group(0)), text)


def take_identifiers(text: str) -> tuple[str, dict[str, str]]:
    """Cut out access dates, DOIs, ISBNs and URLs (in that order: a DOI URL is a DOI)."""
    found: dict[str, str] = {}
    lower = text.lower()
    # Cheap substring gates first: most references have none of these, and the patterns are costly.
    match = patterns.ACCESSED.search(text) if any(w in lower for w in _ACCESS_WORDS) else None
    if match:
        found["accessed"] = patterns.TRAILING_PUNCT.sub("", match.group(1))
        text = text[: match.start()] + text[match.end():]
    match = patterns.DOI.search(text) if "10." in text else None
    if match:
        found["doi"] = match.group(1)
        text = text[: match.start()] + text[match.end():]
    match = patterns.ISBN.search(text) if "isbn" in lower else None
    if match:
        found["isbn"] = match.group(1)
        text = text[: match.start()] + text[match.end():]
    if "http" in lower or "www." in lower or "ftp:" in lower:
        text = join_url_breaks(text)
    match = patterns.URL.search(text) if ("http" in lower or "www." in lower or "ftp:" in lower) else None
    if match:
        found["url"] = match.group(1)
        before = text[: match.start()]
        lead = patterns.URL_LEAD.search(before)
        if lead:
            before = before[: lead.start()]
        text = before + text[match.end():]
    return text, found


def take_pinpoint(text: str) -> tuple[str, str | None]:
    """A locator at the end of a note citation ("p. 84" -> "84", "article 4" -> "4")."""
    match = patterns.PINPOINT.search(text.rstrip())
    if not match:
        bare = patterns.BARE_PINPOINT.search(text.rstrip())
        if bare:
            return text[: bare.start() + 1], bare.group(1).replace("–", "-").replace(" ", "")
        bare = patterns.TRAILING_NUMBER.search(text.rstrip())
        if bare and not patterns.YEAR.fullmatch(bare.group(1)) and not _ends_with_series_number(text, bare):
            return text[: bare.start()], bare.group(1).replace("–", "-").replace(" ", "")
        return text, None
    return text[: match.start()], match.group(2).replace("–", "-").replace(" ", "")


def _ends_with_series_number(text: str, match: object) -> bool:
    """`…, no. 3` or `…, vol. 3` end in a number that is not a page."""
    before = text[: match.start()].rstrip().lower()  # type: ignore[attr-defined]
    return before.endswith(("no.", "vol.", "n°", "nr."))


def take_signal(text: str) -> tuple[str, str | None]:
    """An introductory signal ("See also", "Cf.") at the start of a note citation."""
    match = patterns.SIGNAL.match(text)
    if not match:
        return text, None
    return text[match.end():], match.group(0).strip().rstrip(":")


def find_cues(text: str, *, context: str = "bibliography") -> Cues:
    """Apply the certain rules; notes also lose their signal and trailing pinpoint."""
    rest = patterns.SPACES.sub(" ", text).strip()
    signal = pinpoint = None
    if context == "note":
        rest, signal = take_signal(rest)
    # Tidy only where something was cut: the CRF learnt on the text as written, so gluing a
    # PDF's "merger ,Phys .Rev" into "merger,Phys" or dropping the final period costs it tokens.
    cut, found = take_identifiers(rest)
    if found:
        rest = tidy(cut)
    if context == "note":
        cut, pinpoint = take_pinpoint(rest)
        if pinpoint is not None:
            rest = tidy(cut)
    return Cues(rest=rest, fields=found, pinpoint=pinpoint, signal=signal)
