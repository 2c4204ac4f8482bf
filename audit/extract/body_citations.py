"""extract_body_citations(): citations in the running text: author-date "(Smith 2004, 12)",
narrative "Smith (2004)", and numeric "[3-5]" when the reference list is numbered."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from audit.extract.note_citations import as_listed, entry_heads
from audit.extract.patterns import (
    AUTHOR_DATE_NARRATIVE,
    AUTHOR_DATE_PIECE,
    NOT_A_NAME,
    NUMERIC_CITATION,
    PARENTHESIS,
)
from audit.models import BibEntry, Line, Span
from audit.textnorm import fold

_NAME_SPLIT = re.compile(r",\s*|\s*/\s*|\s+(?:and|&|und|et|y|e)\s+")  # "Wacker/Wahl (2007)"
MAX_AUTHOR_CHARS = 120  # the authors of an entry come first, well within this many characters
MIN_KNOWN_AUTHOR_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class BodyCitation:
    text: str
    span: Span
    form: str  # "author-date" or "numeric"
    names: tuple[str, ...] = ()
    year: str | None = None
    pinpoint: str | None = None
    numbers: tuple[int, ...] = ()


def _names(raw: str) -> tuple[str, ...] | None:
    raw = re.sub(r",?\s+et\s+al\.?$", "", raw.strip())
    names = tuple(n.strip() for n in _NAME_SPLIT.split(raw) if n.strip())
    if not names or any(NOT_A_NAME.match(n) for n in names):
        return None
    if any(not n.split()[-1][:1].isupper() for n in names):
        return None  # "(ab 1941)": the piece pattern ignores case for its cue words, names start upper-case
    return names


def _author_date(line: Line) -> list[BodyCitation]:
    found: list[BodyCitation] = []
    taken: list[tuple[int, int]] = []
    for match in AUTHOR_DATE_NARRATIVE.finditer(line.text):
        names = _names(match.group("names"))
        if names:
            taken.append(match.span())
            found.append(BodyCitation(match.group(0), Span(line.start + match.start(), line.start + match.end(),
                                                           line.number), "author-date", names,
                                      match.group("year"), match.group("pin")))
    for paren in PARENTHESIS.finditer(line.text):
        if any(a <= paren.start() < b for a, b in taken):
            continue
        offset = paren.start("inner")
        for piece in re.finditer(r"[^;]+", paren.group("inner")):
            match = AUTHOR_DATE_PIECE.match(piece.group(0))
            names = _names(match.group("names")) if match else None
            if match and names:
                start = line.start + offset + piece.start()
                found.append(BodyCitation(piece.group(0).strip(), Span(start, start + len(piece.group(0)),
                                                                       line.number),
                                          "author-date", names, match.group("year"), match.group("pin")))
    return found


def _numbers(raw: str) -> tuple[int, ...]:
    out: list[int] = []
    for part in re.split(r"\s*,\s*", raw):
        bounds = [int(x) for x in re.split(r"\s*[-–]\s*", part) if x]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] < 100:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return tuple(out)


def extract_body_citations(body_lines: Sequence[Line], entries: Sequence[BibEntry], *,
                           numeric_markers_are_notes: bool) -> list[BodyCitation]:
    """Body citations in reading order. Numeric ones only when the reference list is numbered and
    bracketed numbers are not the document's note markers."""
    numbered = bool(entries) and sum(1 for e in entries if e.label) >= len(entries) / 2
    found: list[BodyCitation] = []
    author_date: list[BodyCitation] = []
    for line in body_lines:
        author_date += _author_date(line)
        if numbered and not numeric_markers_are_notes:
            for match in NUMERIC_CITATION.finditer(line.text):
                found.append(BodyCitation(match.group(0), Span(line.start + match.start(),
                                                               line.start + match.end(), line.number),
                                          "numeric", numbers=_numbers(match.group("numbers"))))
    if _cites_author_date(author_date, entries):
        heads = entry_heads(entries)  # "die Arbeit von Lewis und Linzer (2005)": "von" is the sentence's
        found += [replace(c, names=as_listed(c.names, heads)) for c in author_date]
    return sorted(found, key=lambda c: c.span.start)


def _cites_author_date(candidates: Sequence[BodyCitation], entries: Sequence[BibEntry]) -> bool:
    """Does the document cite author-date? Only if most "(Name 2004)" look-alikes name an author who
    heads a reference-list entry: "Université Libre de Bruxelles (2010)" in a note-style paper does not."""
    if not candidates or not entries:
        return False
    heads = " ".join(fold(e.text[:MAX_AUTHOR_CHARS]) for e in entries)
    known = sum(1 for c in candidates if fold(as_listed(c.names, heads)[0]) in heads)
    return known >= len(candidates) * MIN_KNOWN_AUTHOR_SHARE
