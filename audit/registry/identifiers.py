"""Identifiers in citations: DOI, ISBN-10/13, arXiv, PMID, Handle, URN:NBN, found, repaired and checked.

A DOI or ISBN that is written as one (after "doi:", "ISBN", in a doi.org link, or in a DOI/ISBN field) but
fails its syntax or check digit is kept with `valid=False`: that is an `identifier-invalid` finding, and it
is never looked up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from audit.registry import id_patterns as P

IdentifierKind = Literal["doi", "isbn", "arxiv", "pmid", "handle", "urn-nbn"]


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: IdentifierKind
    value: str  # normalised: DOI lower-cased without resolver, ISBN digits only, arXiv id without version
    written: str  # as found in the text (line breaks folded to spaces)
    valid: bool = True
    problem: str = ""  # why it is invalid, in plain English


def find_identifiers(text: str) -> tuple[Identifier, ...]:
    """Every identifier in one citation or entry text, in order of kind, without duplicates."""
    found = [*find_dois(text), *find_isbns(text)]
    if P.ARXIV_CUE.search(text):
        found += _simple(text, P.ARXIV, "arxiv", _arxiv)
    if "PMID" in text:
        found += _simple(text, P.PMID, "pmid", lambda t: (t.lstrip("0") or t, ""))
    if P.HANDLE_CUE.search(text):
        found += _simple(text, P.HANDLE, "handle", lambda t: (t.rstrip(P.TRAILING), ""))
    if P.URN_NBN_CUE.search(text):
        found += _simple(text, P.URN_NBN, "urn-nbn", lambda t: (t.lower(), ""))
    return tuple(dict.fromkeys(found))


def identifiers_of_fields(doi: str | None, isbn: str | None) -> tuple[Identifier, ...]:
    """Identifiers a parser or a .bib file put in the `doi` / `isbn` fields (no cue needed there)."""
    out: list[Identifier] = []
    if doi:
        out += find_dois(doi if P.DOI_WORD.search(doi) else f"doi:{doi.strip()}")
    if isbn:
        out += find_isbns(f"ISBN {isbn}")
    return tuple(out)


# -- DOI ---------------------------------------------------------------------------------------------

# Typographic hyphens a word processor or PDF converter puts into a DOI; the registered DOI has "-".
_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "−": "-"})


def doi_value(token: str) -> str:
    """The DOI as registries key it: percent-escapes decoded, typographic hyphens made "-", lower case."""
    return unquote(token).translate(_HYPHENS).lower()


def _strip_unbalanced(token: str) -> str:
    """Drop trailing punctuation, but keep a closing bracket the DOI itself opened: 10.1016/0021-9258(19)…(5)."""
    while token and token[-1] in P.TRAILING:
        if token[-1] in ")]" and token.count("(" if token[-1] == ")" else "[") >= \
                token.count(")" if token[-1] == ")" else "]"):
            break
        token = token[:-1]
    return token


def _joined_across_break(text: str, end: int, token: str) -> tuple[str, int]:
    """A DOI cut in conversion. An incomplete DOI ("10.12759/ hsr.40…", "doi:10 .1088/…", a prefix alone)
    takes the next run of DOI characters across a space or a line break; a complete one continues on the
    next line only when that line starts like a DOI's tail (lower case or digits, with a digit or a dot)."""
    for _ in range(2):  # a DOI is cut at most twice in practice (prefix, then suffix)
        rest = text[end:]
        stripped = token.rstrip(P.TRAILING)
        incomplete = not P.DOI_VALID.match(stripped.lower()) or stripped[-1:] in ("/", "-", "_")
        gap = (P.DOI_GAP if incomplete else P.DOI_LINE_BREAK).match(rest)
        if not gap or not gap.group(0):
            break
        after = rest[gap.end():]
        cont = P.DOI_PIECE.match(after) if incomplete else P.DOI_CONTINUATION.match(after)
        if cont is None:
            break
        piece = cont.group(0)
        if not incomplete and not (P.DOI_TAIL_MARK.search(piece) and not P.PLAIN_WORD.match(piece)):
            break
        if incomplete and not (piece[0] in "./" or P.DOI_TAIL_MARK.search(piece.rstrip(P.TRAILING))):
            break  # "doi: 10.1111/ The next sentence": a word, not the DOI's tail
        token, end = token + piece, end + gap.end() + cont.end()
    return token, end


def find_dois(text: str) -> list[Identifier]:
    out: list[Identifier] = []
    if "10" not in text:
        return out  # every DOI starts "10": most texts are done with here
    taken: list[tuple[int, int]] = []
    for pattern, cued in ((P.DOI_CUED, True), (P.DOI_BARE, False)):
        for match in pattern.finditer(text):
            start, end = match.span("token")
            if any(a <= start < b for a, b in taken):
                continue
            joined, end = _joined_across_break(text, end, match.group("token"))
            token = _strip_unbalanced(joined)
            taken.append((start, end))
            end -= len(joined) - len(token)
            value = doi_value(token)
            written = " ".join(text[match.start():end].split())
            if P.DOI_VALID.match(value):
                out.append(Identifier("doi", value, written))
            elif cued:
                out.append(Identifier("doi", value, written, False, _doi_problem(value)))
    return out


def _doi_problem(value: str) -> str:
    if "/" not in value:
        return "a DOI has a prefix and a suffix separated by '/' (10.1000/xyz)"
    prefix, suffix = value.split("/", 1)
    if not P.DOI_PREFIX.match(prefix):
        return f"'{prefix}' is not a DOI prefix (10. followed by four to nine digits)"
    if not suffix:
        return "the DOI has no suffix after the '/'"
    return "the DOI contains characters a DOI cannot have"


# -- ISBN --------------------------------------------------------------------------------------------

def isbn10_check(digits: str) -> bool:
    if not P.ISBN10_SHAPE.match(digits):
        return False
    total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(digits))
    return total % 11 == 0


def isbn13_check(digits: str) -> bool:
    if not P.ISBN13_SHAPE.match(digits):
        return False
    total = sum(int(ch) * (1 if i % 2 == 0 else 3) for i, ch in enumerate(digits))
    return total % 10 == 0


def isbn10_to_13(digits: str) -> str:
    """978-prefixed ISBN-13 of a valid ISBN-10 (one book, two numbers)."""
    core = "978" + digits[:9]
    check = (10 - sum(int(ch) * (1 if i % 2 == 0 else 3) for i, ch in enumerate(core)) % 10) % 10
    return core + str(check)


def find_isbns(text: str) -> list[Identifier]:
    out: list[Identifier] = []
    if not P.ISBN_CUE.search(text):
        return out
    for match in P.ISBN_CUED.finditer(text):
        written = " ".join(match.group(0).split())
        digits = P.NOT_ISBN_DIGIT.sub("", match.group("token").upper())
        if len(digits) == 10:
            valid = isbn10_check(digits)
            problem = "" if valid else "its check digit is wrong (ISBN-10 checksum)"
        elif len(digits) == 13:
            valid = isbn13_check(digits)
            problem = "" if valid else ("an ISBN-13 starts with 978 or 979" if not digits.startswith(("978", "979"))
                                        else "its check digit is wrong (ISBN-13 checksum)")
        else:
            valid, problem = False, f"an ISBN has 10 or 13 digits, this one has {len(digits)}"
        out.append(Identifier("isbn", digits, written, valid, problem))
    return out


# -- the others --------------------------------------------------------------------------------------

def _arxiv(token: str) -> tuple[str, str]:
    value = P.ARXIV_VERSION.sub("", token.rstrip(P.TRAILING))
    new = P.ARXIV_NEW.match(value)
    if new and not 1 <= int(new.group("mm")) <= 12:
        return value, "an arXiv id starts with the year and month (YYMM)"
    return value, ""


def _simple(text: str, pattern: re.Pattern[str], kind: IdentifierKind, normalise) -> Iterable[Identifier]:
    for match in pattern.finditer(text):
        value, problem = normalise(match.group("token"))
        yield Identifier(kind, value, " ".join(match.group(0).split()), not problem, problem)
