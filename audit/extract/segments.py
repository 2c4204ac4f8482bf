"""split_citations(): cut a note into its citations, strip signals, label each with a kind guess,
and leave commentary out (it stays in the note's text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from audit.extract.patterns import (
    ABBREVIATION,
    ACCESS_CONTINUES,
    AUTHOR_COLON_TITLE,
    BARE_PAGE,
    CITATION_CONTINUES,
    CONTAINER_CONTINUES,
    CONTAINER_INSIDE,
    CROSS_REF,
    EMBEDDED_SIGNAL,
    IBID,
    ID_FORM,
    INFRA,
    ITALIC_TITLE,
    LOC_CIT,
    NAME_LIKE,
    OP_CIT,
    PINPOINT,
    PLACE_PUBLISHER_YEAR,
    QUOTED_TITLE,
    QUOTED_TITLE_THEN_PAGE,
    SIGNAL,
    STRUCTURAL,
    SUPRA,
    URL_LIKE,
    YEAR,
)
from audit.models import CitationKind

_OPENERS = {"“": "”", "«": "»", "„": "“", "(": ")", "[": "]"}
# A full citation names at least this many comma-separated parts besides its pinpoint.
MIN_FULL_PARTS = 3


@dataclass(frozen=True, slots=True)
class Segment:
    text: str  # the citation, signal stripped
    start: int  # offsets of `text` within the note's text
    end: int
    kind: CitationKind
    signal: str | None = None
    pinpoint: str | None = None
    target_note: int | None = None  # for supra/infra/cross-ref "note N"
    fields: dict = field(default_factory=dict)  # known without parsing (legal citations read by eyecite)
    type: str = "other"


def _depth_walk(text: str, separators: str):
    """Yield (index, char, at_top_level) for each separator, tracking quotes, brackets and *italics*.

    Only characters that change the depth or may separate are visited (a regex finds them), which
    keeps long notes cheap."""
    stack: list[str] = []
    straight_open = False
    italic_open = False
    for match in STRUCTURAL.finditer(text):
        ch = match.group()
        i = match.start()
        if ch in separators:
            yield i, ch, not stack and not straight_open and not italic_open
        if ch == '"':
            straight_open = not straight_open
        elif ch == "*":
            italic_open = not italic_open
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in _OPENERS and not (ch == "„" and stack and stack[-1] == "“"):
            stack.append(_OPENERS[ch])


def _split_top_level(text: str, separators: str, sentence: bool) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    begin = 0
    for i, _, top in _depth_walk(text, separators):
        if not top:
            continue
        if sentence:
            rest = text[i + 1:i + 3]
            if not rest.startswith(" ") or len(rest) < 2 or not (rest[1].isupper() or rest[1] in "\"“*_<"):
                continue
            if ABBREVIATION.search(text[max(begin, i - 12):i + 1]):
                continue
            pieces.append((begin, i + 1))
        else:
            pieces.append((begin, i))
        begin = i + 1
    pieces.append((begin, len(text)))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


@lru_cache(maxsize=4096)  # a citation's parts are asked for by several checks in turn
def top_level_parts(text: str) -> tuple[str, ...]:
    return tuple(text[a:b].strip() for a, b in _split_top_level(text, ",", sentence=False))


def _bare_page(parts: Sequence[str]) -> str | None:
    """The page of a Chicago short note, "Author, Short Title, 14." or 'Author, "Title," 14.', and of
    "Ibid., 240.": a bare number after a name and a title, or after Ibid."""
    if len(parts) == 2 and (IBID.match(parts[0]) or ID_FORM.match(parts[0])):
        match = BARE_PAGE.match(parts[1])
        return match.group("pin").replace(" ", "") if match else None
    if len(parts) == 2 and NAME_LIKE.match(parts[0]):
        match = QUOTED_TITLE_THEN_PAGE.match(parts[1])
        return match.group("pin").replace(" ", "") if match else None
    if len(parts) < 3 or not NAME_LIKE.match(parts[0]):
        return None
    match = BARE_PAGE.match(parts[-1])
    if not match or YEAR.fullmatch(match.group("pin")):
        return None
    return match.group("pin").replace(" ", "")


def find_pinpoint(text: str) -> str | None:
    match = PINPOINT.search(text.rstrip(" *_"))
    if not match:
        return _bare_page(top_level_parts(text))
    pin = match.group("pin").replace(" ", "")
    return f"{match.group('label')} {pin}" if match.group("label") else pin


def _has_title(parts: Sequence[str]) -> bool:
    """A title in a citation is a part of its own ("Title", *Title*), not a quotation inside prose."""
    return any(QUOTED_TITLE.match(p) or ITALIC_TITLE.match(p) for p in parts)


def _is_citation_like(text: str) -> bool:
    if URL_LIKE.search(text):
        return True
    parts = top_level_parts(text)
    has_title = _has_title(parts)
    has_anchor = has_title or bool(YEAR.search(text) or PINPOINT.search(text) or _bare_page(parts))
    return len(parts) >= 2 and has_anchor and (has_title or len(parts) >= MIN_FULL_PARTS or bool(YEAR.search(text)))


def _kind(text: str) -> tuple[CitationKind, int | None]:
    if IBID.match(text):
        return "ibid", None
    if ID_FORM.match(text):
        return "id", None
    cross = CROSS_REF.match(text)
    if cross:
        return "cross-ref", int(cross.group("num"))
    supra = SUPRA.search(text)
    if supra:
        return "supra", int(supra.group("num")) if supra.group("num") else None
    infra = INFRA.search(text)
    if infra:
        return "infra", int(infra.group("num")) if infra.group("num") else None
    if LOC_CIT.search(text):
        return "loc-cit", None
    if OP_CIT.search(text):
        return "op-cit", None
    all_parts = top_level_parts(text)
    parts = [p for p in all_parts if not PINPOINT.fullmatch(", " + p)]
    if _bare_page(all_parts):
        parts = parts[:-1]
    has_title = _has_title(parts)
    if URL_LIKE.search(text) or len(parts) >= MIN_FULL_PARTS or (has_title and YEAR.search(text)):
        return "full", None
    if YEAR.search(text) and (AUTHOR_COLON_TITLE.match(text) or PLACE_PUBLISHER_YEAR.search(text)
                              or CONTAINER_INSIDE.search(text)):
        return "full", None  # "Hans Müller: Grenzen. Berlin: Suhrkamp 2005": no commas, no quotes
    return "short", None


def _segment(note_text: str, start: int, end: int) -> Segment | None:
    raw = note_text[start:end]
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start += lead
    signal = SIGNAL.match(text)
    if signal and not IBID.match(text):
        start += signal.end()
        text = text[signal.end():]
    kind, target = _kind(text)
    if kind in ("full", "short") and not _is_citation_like(text):
        embedded = None
        for match in EMBEDDED_SIGNAL.finditer(text):
            if _is_citation_like(text[match.end():]):
                embedded = match
                break
        if embedded is None:
            return None
        start += embedded.end()
        text = text[embedded.end():]
        kind, target = _kind(text.rstrip())
    text = text.rstrip()
    return Segment(text=text, start=start, end=start + len(text), kind=kind,
                   signal=signal.group(0).strip() if signal else None, pinpoint=find_pinpoint(text),
                   target_note=target)


def _sentences(note_text: str) -> list[tuple[int, int]]:
    """Sentence spans, with the full stops inside unquoted citations healed: in German and APA styles
    a title ends with a full stop ("Hans Müller: Grenzen. Berlin: Suhrkamp 2005, S. 12.")."""
    merged: list[tuple[int, int]] = []
    for start, end in _split_top_level(note_text, ".", sentence=True):
        if merged:
            previous = note_text[merged[-1][0]:merged[-1][1]].strip()
            current = note_text[start:end].strip()
            if (ACCESS_CONTINUES.match(current) or CONTAINER_CONTINUES.match(current)
                    or CITATION_CONTINUES.match(current) and (AUTHOR_COLON_TITLE.match(previous)
                                                               or not _is_citation_like(previous))
                    or _title_goes_on(previous, current)):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _title_goes_on(previous: str, current: str) -> bool:
    """"Almut Metz: Ein Ausgang des Krisenjahres. Bilanz des Rates vom 15.12.2005. Abrufbar unter: …": after
    an "Author: Title." opening with nothing else yet (no comma-separated place, date or pages), the next
    sentence is the subtitle or the rest of the reference, unless it opens a citation of its own."""
    if not AUTHOR_COLON_TITLE.match(previous) or len(top_level_parts(previous)) > 1 or URL_LIKE.search(previous):
        return False
    return not (SIGNAL.match(current + " ") or AUTHOR_COLON_TITLE.match(current) or IBID.match(current)
                or ID_FORM.match(current))


def split_citations(note_text: str) -> list[Segment]:
    """The citations in one note, in order; commentary sentences yield none."""
    segments: list[Segment] = []
    for s_start, s_end in _sentences(note_text):
        sentence = note_text[s_start:s_end]
        for p_start, p_end in _split_top_level(sentence, ";", sentence=False):
            segment = _segment(note_text, s_start + p_start, s_start + p_end)
            if segment is not None:
                segments.append(segment)
    return segments
