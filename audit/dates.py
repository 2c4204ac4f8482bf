"""Dates as written → comparable parts (year, month, days), in the languages citeaudit reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.extract.patterns import YEAR
from audit.textnorm import strip_accents

_MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "januar": 1, "enero": 1, "gennaio": 1,
    "february": 2, "feb": 2, "fevrier": 2, "februar": 2, "febrero": 2, "febbraio": 2,
    "march": 3, "mar": 3, "mars": 3, "marz": 3, "maerz": 3, "marzo": 3,
    "april": 4, "apr": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5,
    "june": 6, "jun": 6, "juin": 6, "juni": 6, "junio": 6, "giugno": 6,
    "july": 7, "jul": 7, "juillet": 7, "juli": 7, "julio": 7, "luglio": 7,
    "august": 8, "aug": 8, "aout": 8, "agosto": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "settembre": 9,
    "october": 10, "oct": 10, "octobre": 10, "oktober": 10, "octubre": 10, "ottobre": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11,
    "december": 12, "dec": 12, "decembre": 12, "dezember": 12, "diciembre": 12, "dicembre": 12,
}
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
_DAYS = re.compile(r"(?<![\d/])(\d{1,2})(?:\s*[-–/]\s*(\d{1,2}))?(?![\d/])")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class DateParts:
    year: int | None
    month: int | None
    days: frozenset[int]

    def conflicts_with(self, other: DateParts) -> bool:
        """Different, not merely less precise: 2010 vs 2011, May vs June, 21-22 vs 22."""
        if self.year and other.year and self.year != other.year:
            return True
        if self.month and other.month and self.month != other.month:
            return True
        return bool(self.days and other.days and self.days != other.days)


def read_date(text: str | None) -> DateParts:
    if not text:
        return DateParts(None, None, frozenset())
    iso = _ISO.search(text)
    if iso:
        day = frozenset({int(iso.group(3))}) if iso.group(3) else frozenset()
        return DateParts(int(iso.group(1)), int(iso.group(2)), day)
    folded = strip_accents(text).lower()
    years = YEAR.findall(folded)
    month = next((_MONTHS[w] for w in _WORD.findall(folded) if w in _MONTHS), None)
    days: set[int] = set()
    if month:
        without_years = YEAR.sub(" ", folded)
        for match in _DAYS.finditer(without_years):
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            if 1 <= first <= last <= 31:
                days.update(range(first, last + 1))
    return DateParts(int(years[0]) if len(set(years)) == 1 else (int(years[0]) if years else None), month,
                     frozenset(days))
