"""What a short form names: its author(s), short title, year, and whether it cites an interview.

Read from the citation's own text, not from the parser: short forms are too short for a
statistical parser, and their parts are conventional ("Author, Short Title, op. cit., p. 4").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.extract.patterns import ITALIC_TITLE, LOC_CIT, OP_CIT, PINPOINT, QUOTED_TITLE, SUPRA, YEAR
from audit.extract.segments import top_level_parts
from audit.persons import PersonName, names_of
from audit.textnorm import clean_title

_INTERVIEW = re.compile(r"^(?:an?\s+)?(?:interview|entretien|interview mit|entrevista|intervista)\s+"
                        r"(?:with|avec|mit|con)\s+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s+(?:and|&|et|und|y|e)\s+")
_DATE_PART = re.compile(r"^(?:\d{1,2}\s+)?(?:[A-Za-zéû]+\s+)?(?:1[5-9]\d\d|20\d\d)$")


@dataclass(frozen=True, slots=True)
class ShortForm:
    authors: tuple[PersonName, ...]
    title: str | None
    year: str | None
    interview: bool


def read_short_form(text: str) -> ShortForm:
    """The parts of "Author, "Short title", op. cit., 2009, p. 4" before and around the short-form token."""
    cut = len(text)
    for pattern in (OP_CIT, LOC_CIT, SUPRA):
        match = pattern.search(text)
        if match:
            cut = min(cut, match.start())
    head = text[:cut].rstrip(" ,*_")
    tail = text[cut:]
    parts = [p for p in top_level_parts(head) if p]
    interview = False
    authors: tuple[PersonName, ...] = ()
    title = None
    if parts and not (QUOTED_TITLE.match(parts[0]) or ITALIC_TITLE.match(parts[0])):
        first = parts.pop(0)
        if _INTERVIEW.match(first):
            interview = True
            first = _INTERVIEW.sub("", first)
        authors = names_of(tuple(p for p in _AUTHOR_SPLIT.split(first) if p.strip()))
    for part in parts:
        if PINPOINT.fullmatch(", " + part) or _DATE_PART.match(part.strip(" .")):
            continue
        title = clean_title(part)
        break
    year = None
    for match in YEAR.finditer(tail + " " + " ".join(p for p in parts if _DATE_PART.match(p.strip(" .")))):
        year = match.group(0)
        break
    return ShortForm(authors=authors, title=title or None, year=year, interview=interview)
