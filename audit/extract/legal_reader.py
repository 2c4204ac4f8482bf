"""read_legal_citations(): Bluebook citations in plain text, found by eyecite (the only module that imports it).

eyecite knows the reporters (reporters-db), so it tells "740 F.3d 623" from a date or a page range, finds
"Id." and "supra", and reads volume, reporter and page. Its case names and its resolution of short forms
are weaker; citeaudit takes the names from its own segmentation and resolves short forms itself
(`audit/resolve_legal.py`), so only what eyecite does well is kept here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from eyecite import get_citations
from eyecite import helpers as eyecite_helpers
from eyecite.models import (
    FullCaseCitation,
    FullJournalCitation,
    FullLawCitation,
    IdCitation,
    ShortCaseCitation,
    SupraCitation,
)

# eyecite maps a court parenthetical ("D.C. Cir. 2014") to a court by normalising every court name in courts-db on
# each call (tens of milliseconds); the answer depends on the string alone, so it is kept per string.
eyecite_helpers.get_court_by_paren = lru_cache(maxsize=2048)(eyecite_helpers.get_court_by_paren)
# eyecite logs its own parsing doubts ("Unknown overlap case") as warnings: they are not the user's business.
logging.getLogger("eyecite").setLevel(logging.ERROR)

LegalKind = Literal["case", "short-case", "law", "journal", "id", "supra"]
_PIN_PAGE = re.compile(r"^(?:at\s+)?\*?(?P<page>\d{1,5}(?:\s?[-–]\s?\d{1,5})?)")
_IBID = re.compile(r"^ib", re.IGNORECASE)
# "accessed 28 Mar. 2011": reporters-db has a reporter "Mar." (and others named like months); a month between a
# day and a year is a date, not volume 28 page 2011
_MONTH = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class LegalCite:
    """One citation eyecite found: offsets are into the plain text it was given."""

    kind: LegalKind
    start: int  # the citation proper ("740 F.3d 623", "Id.", "supra")
    end: int
    full_start: int  # with the case name eyecite guessed and the pinpoint and parentheticals that follow
    full_end: int
    volume: str | None = None
    reporter: str | None = None
    page: str | None = None  # the first page (full citations) or the page cited (short citations)
    pin: str | None = None  # the page cited after the first page, "at 659" after Id.
    year: str | None = None
    name: str | None = None  # the name a short citation gives ("Verizon" in "Verizon, 740 F.3d at 650")


def _pin_page(raw: str | None) -> str | None:
    match = _PIN_PAGE.match((raw or "").strip(" ,"))
    return match.group("page").replace(" ", "") if match else None


def _kind(cite) -> LegalKind | None:
    if isinstance(cite, FullCaseCitation):
        return "case"
    if isinstance(cite, ShortCaseCitation):
        return "short-case"
    if isinstance(cite, FullLawCitation):
        return "law"
    if isinstance(cite, FullJournalCitation):
        return "journal"
    if isinstance(cite, IdCitation):
        return None if _IBID.match(cite.matched_text()) else "id"  # "Ibid." is the notes-style repeat
    if isinstance(cite, SupraCitation):
        return "supra"
    return None


@lru_cache(maxsize=4096)
def read_legal_citations(text: str) -> tuple[LegalCite, ...]:
    """The legal citations in `text` (plain, without emphasis marks), in order."""
    if not text.strip():
        return ()
    found = []
    for cite in get_citations(text):
        kind = _kind(cite)
        if kind is None:
            continue
        start, end = cite.span()
        full_start, full_end = cite.full_span()
        groups = cite.groups or {}
        metadata = cite.metadata
        volume = groups.get("volume") or groups.get("title") or groups.get("chapter")
        page = groups.get("page") or groups.get("section")
        pin = _pin_page(getattr(metadata, "pin_cite", None))
        if kind in ("case", "short-case") and _MONTH.match(groups.get("reporter") or "") and _YEAR.match(page or ""):
            continue
        found.append(LegalCite(kind=kind, start=start, end=end, full_start=min(start, full_start),
                               full_end=max(end, full_end), volume=volume, reporter=groups.get("reporter"),
                               page=page, pin=pin, year=getattr(metadata, "year", None),
                               name=getattr(metadata, "antecedent_guess", None)))
    return tuple(found)
