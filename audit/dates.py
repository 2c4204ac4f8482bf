"""Dates as written → comparable parts, in the languages citeaudit reads: the one month table and date reader.

`read_date` scans a date field loosely (days, ranges, months anywhere) for comparing variants; `date_at` reads
one date form at a given place (an access date after "accessed", a whole BibTeX date field).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from audit.extract.patterns import YEAR
from audit.textnorm import strip_accents

# English, as the BibTeX export writes months and the style rules compare them.
MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December")
# English abbreviations; the first of each is BibTeX's predefined month macro (jan … dec), "Sept" the US form.
ENGLISH_ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("Jan",), ("Feb",), ("Mar",), ("Apr",), ("May",), ("Jun",), ("Jul",), ("Aug",), ("Sep", "Sept"), ("Oct",),
    ("Nov",), ("Dec",),
)
# Every other name and abbreviation per month: French, German, Italian, Spanish, Russian (genitive, nominative).
# Lookups fold accents and case ("fevrier", "FÉVRIER" read as "février"), so only "Maerz" needs its own spelling.
_OTHER_NAMES: tuple[str, ...] = (
    "janvier janv Januar Jän gennaio gen enero ene января январь",
    "février févr Februar febr febbraio febrero февраля февраль",
    "mars März Maerz marzo марта март",
    "avril aprile abril апреля апрель",
    "mai maggio mag mayo мая май",
    "juin Juni giugno giu junio июня июнь",
    "juillet juil Juli luglio lug julio июля июль",
    "août agosto ago августа август",
    "septembre settembre set septiembre setiembre сентября сентябрь",
    "octobre Oktober Okt ottobre ott octubre октября октябрь",
    "novembre noviembre ноября ноябрь",
    "décembre Dezember Dez dicembre dic diciembre декабря декабрь",
)


def _key(word: str) -> str:
    return strip_accents(word).casefold().rstrip(".")


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, (name, short, others) in enumerate(zip(MONTH_NAMES, ENGLISH_ABBREVIATIONS, _OTHER_NAMES,
                                                       strict=True), start=1):
        for word in (name, *short, *others.split()):
            table.setdefault(_key(word), number)
    return table


_MONTHS: dict[str, int] = _month_table()


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in any language read ('Sept.', 'août', 'Maerz', 'мая'), else None."""
    return _MONTHS.get(_key(word))


def _month_in_date(word: str) -> int | None:
    """Also a name cut short or run on ('Septemb', 'Jänner'): only where a date form expects a month."""
    key = _key(word)
    return _MONTHS.get(key) or _MONTHS.get(key[:4]) or _MONTHS.get(key[:3])


# ---- loose reading of a date field ----------------------------------------------------------------

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
_DAYS = re.compile(r"(?<![\d/])(\d{1,2})(?:\s*[-–/]\s*(\d{1,2}))?(?![\d/])")
_WORD = re.compile(r"[^\W\d_]+")


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
    month = next((n for n in map(month_number, _WORD.findall(folded)) if n), None)
    days: set[int] = set()
    if month:
        without_years = YEAR.sub(" ", folded)
        for match in _DAYS.finditer(without_years):
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            if 1 <= first <= last <= 31:
                days.update(range(first, last + 1))
    return DateParts(int(years[0]) if len(set(years)) == 1 else (int(years[0]) if years else None), month,
                     frozenset(days))


# ---- one date form at a given place ---------------------------------------------------------------

# Not YEAR itself: its (?!\d) would refuse a date that PDF text glued to a note number ("accessed 12 May 201115").
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?"
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
# Tried in order, the first that reads as a real date wins: "2011-05-12", "12.05.2011" or "12/05/2011",
# "7 septembre 2011" or "12 de mayo de 2011", "September 7, 2011", "May 2011", "2011".
_DATE_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(_YEAR + r"-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?\b"),
    re.compile(r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})[./]" + _YEAR + r"\b"),
    re.compile(_DAY + r"\s*(?:de\s+)?" + _MONTH + r",?\s*(?:de\s+|del\s+)?" + _YEAR, re.IGNORECASE),
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s*" + _YEAR, re.IGNORECASE),
    re.compile(_MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_YEAR + r"\b"),
)


@dataclass(frozen=True, slots=True)
class WrittenDate:
    year: int
    month: int | None
    day: int | None
    end: int  # offset just past the date in the text read
    guessed: bool  # "12/05/2011": slashed day and month that fit either way round, read day first

    @property
    def iso(self) -> str:
        """ISO 8601 to the precision written: '2011', '2011-05' or '2011-05-12'."""
        return "-".join([f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n is not None])


def date_at(text: str, pos: int = 0, *, whole: bool = False) -> WrittenDate | None:
    """The date written at `pos` (with `whole`: the text from `pos` to its end is one date), else None."""
    for form in _DATE_FORMS:
        m = form.fullmatch(text, pos) if whole else form.match(text, pos)
        if m and (found := _read_form(m)):
            return found
    return None


def _read_form(m: re.Match[str]) -> WrittenDate | None:
    groups = m.groupdict()
    month: int | None = None
    day: int | None = int(groups["day"]) if groups.get("day") else None
    guessed = False
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        # Day first unless impossible: the papers audited are mostly European (12/05/2011 = 12 May).
        day, month = (second, first) if second > 12 and first <= 12 else (first, second)
        # Dots are day-first by convention (12.05.2011); slashes are also written month-first in the US.
        guessed = groups["sep"] == "/" and first != second and max(first, second) <= 12
    elif written := groups.get("month"):
        month = int(written) if written.isdigit() else _month_in_date(written)
        if month is None:
            return None
    year = int(groups["year"])
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    return WrittenDate(year, month, day, m.end(), guessed)
