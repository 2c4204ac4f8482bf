"""cite_author_year_in_notes(): author-year citations inside notes, linked like running-text ones.

Papers that cite in footnotes often cite author-year there: "Vgl. Kirton / Koch (2008), S. 12.",
"Petty/Cacioppo 1986; Eagly/Chaiken 1993: 305-325.", "… bei Flynn et al. (1992: 419ff)". Such a citation
names a reference-list entry, exactly as "(Kirton 2008)" in the running text does; it is not a full
reference to parse. A note made only of such citations (and cue words like "Vgl.", "see also") is cited
that way alone; a note with prose around a narrative "Name (Year)" keeps its other citations but gives up
the segments that hold the author-year citation.

Only when most of the names found head an entry of the reference list does the document cite this way:
"Bundesministerium (2005)" in a paper with full-citation notes and no matching entry stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from audit.extract.patterns import NOTE_AUTHOR_YEAR, NOTE_AUTHOR_YEAR_NARRATIVE, NOTE_CITATION_CUE, YEAR
from audit.models import BibEntry, Citation, Note
from audit.textnorm import fold

_PIECES = re.compile(r";\s*|(?<=\.)\s+(?=[A-ZÀ-ÞĀ-Ž])")
_NAME_SPLIT = re.compile(r"\s*/\s*|,\s*|\s+(?:and|&|und|et|y|e)\s+")
_ET_AL = re.compile(r",?\s+et\s+al\.?$")
MAX_AUTHOR_CHARS = 120  # an entry's authors come first, well within this many characters
MAX_HEAD_CHARS = 60  # an entry without a year near its start: its first characters stand for its authors
MIN_KNOWN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class AuthorYear:
    text: str
    names: tuple[str, ...]
    year: str
    pinpoint: str | None
    start: int  # offset in the note's text


def _names(raw: str) -> tuple[str, ...]:
    return tuple(n for n in _NAME_SPLIT.split(_ET_AL.sub("", raw.strip())) if n)


def _piece(text: str, offset: int) -> AuthorYear | None | bool:
    """An author-year citation; True for a piece that is only a cue word or punctuation; None otherwise."""
    stripped = text.strip()
    rest = NOTE_CITATION_CUE.sub("", stripped + " ").strip(" .,")
    if not rest:
        return True
    match = NOTE_AUTHOR_YEAR.match(rest)
    if match is None:
        return None
    start = offset + text.find(rest)
    return AuthorYear(rest.rstrip(" ."), _names(match.group("names")), match.group("year"),
                      match.group("pin") or match.group("pin2"), start)


def read_author_year(note_text: str) -> tuple[list[AuthorYear], bool]:
    """The author-year citations of a note, and whether the note is made of nothing else."""
    found: list[AuthorYear] = []
    only = True
    position = 0
    for separator in [*_PIECES.finditer(note_text), None]:
        end = separator.start() if separator else len(note_text)
        piece = _piece(note_text[position:end], position)
        if isinstance(piece, AuthorYear):
            found.append(piece)
        elif piece is None:
            only = False
        position = separator.end() if separator else end
    if only and found:
        return found, True
    narrative = [AuthorYear(m.group(0), _names(m.group("names")), m.group("year"), m.group("pin"), m.start())
                 for m in NOTE_AUTHOR_YEAR_NARRATIVE.finditer(note_text)]
    return narrative, False


def _listed(found: AuthorYear, heads: str) -> bool:
    """Its first author heads an entry (the surname's last word: "von Kunreuther" is "Kunreuther, H.")."""
    words = fold(found.names[0]).split() if found.names else []
    return bool(words) and words[-1] in heads


def entry_heads(entries: Sequence[BibEntry]) -> str:
    """The authors' part of every entry, folded: the text before its first year (or its first characters)."""
    heads = []
    for entry in entries:
        year = YEAR.search(entry.text[:MAX_AUTHOR_CHARS])
        heads.append(fold(entry.text[:year.start()] if year else entry.text[:MAX_HEAD_CHARS]))
    return " ".join(heads)


def as_listed(names: tuple[str, ...], heads: str) -> tuple[str, ...]:
    """ "von Kunreuther" as the reference list writes it: "Kunreuther" when no entry has the particle (in
    "die Sichtweise von Kunreuther (1989)" the "von" is the sentence's)."""
    out = []
    for name in names:
        words = name.split()
        if len(words) > 1 and words[0].islower() and fold(name) not in heads and fold(words[-1]) in heads:
            name = " ".join(words[1:])
        out.append(name)
    return tuple(out)


def _known_share(found: Sequence[AuthorYear], heads: str) -> float:
    return sum(1 for a in found if _listed(a, heads)) / len(found) if found else 0.0


def cite_author_year_in_notes(citations: Sequence[Citation], notes: Sequence[Note],
                              entries: Sequence[BibEntry]) -> list[Citation]:
    """The note citations, with author-year citations in notes turned into reference-list citations."""
    if not entries:
        return list(citations)
    heads = entry_heads(entries)
    read = {}
    for note in notes:
        found, only = read_author_year(note.text)
        # inside prose, "Politische Einstellungen (1992)" names a study: only listed authors count there
        read[note.number] = (note, found if only else [a for a in found if _listed(a, heads)], only)
    if _known_share([a for _, found, _ in read.values() for a in found], heads) < MIN_KNOWN_SHARE:
        return list(citations)
    by_note: dict[int | None, list[Citation]] = {}
    for citation in citations:
        by_note.setdefault(citation.note, []).append(citation)
    out: list[Citation] = list(by_note.pop(None, []))
    for number in dict.fromkeys([*by_note, *read]):
        cited = by_note.get(number, [])
        note, found, only = read.get(number, (None, [], False))
        if note is None or not found:
            out += cited
            continue
        kept = [] if only else [(note.text.find(c.text[:20]), c) for c in cited
                                if not any(a.text in c.text for a in found)]
        added = [(a.start, Citation(id="", kind="short", text=a.text, span=note.span, note=number,
                                    fields={"author": as_listed(a.names, heads), "date": a.year},
                                    pinpoint=a.pinpoint,
                                    form="author-date")) for a in found]
        ordered = [c for _, c in sorted([*kept, *added], key=lambda pair: pair[0])]
        out += [replace(c, id=f"n{number}.{k}") for k, c in enumerate(ordered, start=1)]
    return out
