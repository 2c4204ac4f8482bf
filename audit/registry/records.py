"""Frozen records of the registry stage: what a registry says about a work, and the verdict on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from audit.findings import Location
from audit.registry.identifiers import Identifier


class RegistryStatus(StrEnum):
    VERIFIED = "VERIFIED"  # found, and every field compared agrees
    MISMATCH = "MISMATCH"  # found, but a field (or the DOI) disagrees
    NOT_FOUND = "NOT_FOUND"  # a covered type, and no registry that answered knows it
    RETRACTED = "RETRACTED"  # found, and retracted (or withdrawn)
    NOT_CHECKED = "NOT_CHECKED"  # offline, --no-registry, or a type no registry covers
    UNREACHABLE = "UNREACHABLE"  # no registry answered


@dataclass(frozen=True, slots=True)
class Update:
    """A notice about a work: a retraction, withdrawal, expression of concern, correction …"""

    kind: str  # Crossref's update type: retraction, withdrawal, expression_of_concern, correction, erratum …
    notice: str | None = None  # the notice's DOI, when the registry gives one
    label: str = ""  # "Retraction", as the registry labels it
    source: str = ""  # "publisher", "retraction-watch", "openalex"
    date: str | None = None  # YYYY[-MM[-DD]]

    @property
    def is_retraction(self) -> bool:
        return self.kind in RETRACTING_UPDATES


# Update types that take a work out of the record (Crossref's vocabulary); the rest are corrections.
RETRACTING_UPDATES = frozenset({"retraction", "withdrawal", "removal", "partial_retraction"})


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    """One work as a registry describes it, in the contract's field vocabulary."""

    source: str  # crossref | openalex | openlibrary
    id: str  # DOI when there is one, else the registry's own id (W123…, /books/OL…M)
    type: str  # the registry's type, e.g. journal-article, article, book
    title: str = ""
    subtitle: str = ""
    authors: tuple[tuple[str, str], ...] = ()  # (family, given); a body's name as family with empty given
    years: tuple[int, ...] = ()  # every publication year the registry gives (online, print, issued)
    container: tuple[str, ...] = ()  # journal / book / proceedings titles, long and short
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    isbns: tuple[str, ...] = ()
    publisher: str = ""
    updates: tuple[Update, ...] = ()  # notices about this work (updated-by, or a notice's update-to)
    is_notice: bool = False  # the record is itself a retraction / correction notice
    link: str = ""  # a page of the record a reader can open


@dataclass(frozen=True, slots=True)
class Difference:
    field: str  # a contract field name: author, title, date, container-title, volume, issue, pages, doi
    cited: str
    registered: str


@dataclass(frozen=True, slots=True)
class Verdict:
    status: RegistryStatus
    source: str | None = None  # the registry whose record decided it
    id: str | None = None  # DOI or the registry's id
    score: float | None = None  # 0-100 agreement of the cited work with that record
    differences: tuple[Difference, ...] = ()
    retraction: Update | None = None
    notices: tuple[Update, ...] = ()  # corrections and expressions of concern (reported as info)
    reason: str = ""  # plain English: why this verdict
    link: str | None = None  # the record in the registry
    registered: RegistryRecord | None = None  # the record itself (for enrichment)


@dataclass(frozen=True, slots=True)
class CitedWork:
    """A work as the document cites it: the merged fields, its identifiers and where it is cited."""

    work_id: str
    type: str
    fields: dict
    identifiers: tuple[Identifier, ...]
    locations: tuple[Location, ...]


@dataclass(frozen=True, slots=True)
class Lookup:
    """One registry's answer to one question: records (best first by the registry), nothing, or silence."""

    source: str
    outcome: str  # ok | not-found | unreachable
    records: tuple[RegistryRecord, ...] = ()
    detail: str = ""
