"""What tells look-alike works apart, and what forgives a slip: editions, numbered volumes, journal years.

Pure predicates on a description's fields (the contract's field names), used by the clustering:
- two editions, or an edition and a reprint, of one book are distinct works;
- "Title, Volume 1" and "Title, Volume 2" (or "Title") are distinct works;
- an article whose journal, volume and first page agree is one article even when one year is off by one
  (the volume pins the year: the other year is a slip).
"""

from __future__ import annotations

import re

from audit.textnorm import fold

_ORDINAL_WORDS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
                  "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10", "revised": "revised"}
_REPRINT = re.compile(r"\b(?:reprint(?:ed)?|repr|nachdruck|reimpr\w*)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
# "volume 2", "vol 2", "part iii", "tome 1", "band 3", "book 2" in a folded title
_VOLUME_MARK = re.compile(r"\b(?:volume|vol|part|pt|tome|band|bd|book)\s+([0-9]+|[ivxlc]+)\b")
_FIRST_PAGE = re.compile(r"^\s*([A-Za-z]?\d+)")


def edition_statement(fields: dict) -> str:
    """'2', 'revised', 'reprint' or '' (no statement): the edition a description claims."""
    edition = fold(str(fields.get("edition", "")))
    if edition:
        number = _NUMBER.search(edition)
        if number:
            return number.group()
        return next((n for word, n in _ORDINAL_WORDS.items() if word in edition.split()), edition)
    if _REPRINT.search(str(fields.get("note", ""))):
        return "reprint"
    return ""


def distinct_editions(a: dict, b: dict) -> bool:
    """Both descriptions state an edition (or a reprint) and the statements differ."""
    x, y = edition_statement(a), edition_statement(b)
    return bool(x and y) and x != y


def volume_marks(title_key: str) -> tuple[str, ...]:
    """The numbers of the volumes a folded title names ('… volume 2: …' -> ('2',))."""
    return tuple(_VOLUME_MARK.findall(title_key))


def distinct_volumes(title_a: str, title_b: str) -> bool:
    """One title names a volume the other does not (or another one): parts of a series, not one work."""
    return volume_marks(title_a) != volume_marks(title_b)


def first_page(fields: dict) -> str:
    match = _FIRST_PAGE.match(str(fields.get("pages", "")))
    return match.group(1) if match else ""


def journal_year_slip(a: dict, b: dict, years_a: frozenset[str], years_b: frozenset[str]) -> bool:
    """Same journal, volume and first page, years one apart: one article with a mistyped year."""
    if len(years_a) != 1 or len(years_b) != 1:
        return False
    if abs(int(next(iter(years_a))) - int(next(iter(years_b)))) != 1:
        return False
    same = [fold(str(a.get(name, ""))) == fold(str(b.get(name, ""))) != "" for name in ("container-title", "volume")]
    page = first_page(a)
    return all(same) and page != "" and page == first_page(b)
