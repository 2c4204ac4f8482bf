"""Frozen records of the URL stage: the contract's statuses and one record per URL as written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from audit.findings import Location


class UrlStatus(StrEnum):
    """`urls[].status` in the contract."""

    ALIVE = "ALIVE"
    REDIRECTED = "REDIRECTED"
    MOVED_TO_ROOT = "MOVED_TO_ROOT"
    DEAD = "DEAD"
    SOFT_404 = "SOFT_404"
    BLOCKED = "BLOCKED"
    MALFORMED = "MALFORMED"
    NOT_CHECKED = "NOT_CHECKED"

    @property
    def is_dead(self) -> bool:
        """Confirmed gone: the finding is an error and suggests a snapshot."""
        return self in (UrlStatus.DEAD, UrlStatus.SOFT_404, UrlStatus.MOVED_TO_ROOT)

    @property
    def is_inconclusive(self) -> bool:
        """No verdict: blocked, or never checked."""
        return self in (UrlStatus.BLOCKED, UrlStatus.NOT_CHECKED)

    @property
    def is_alive(self) -> bool:
        return self in (UrlStatus.ALIVE, UrlStatus.REDIRECTED)


class ArchiveStatus(StrEnum):
    """`urls[].archive.status` in the contract."""

    ARCHIVED_NEAR_DATE = "ARCHIVED_NEAR_DATE"
    ARCHIVED = "ARCHIVED"
    NOT_ARCHIVED = "NOT_ARCHIVED"
    ARCHIVE_UNREACHABLE = "ARCHIVE_UNREACHABLE"
    NOT_CHECKED = "NOT_CHECKED"

    @property
    def has_snapshot(self) -> bool:
        return self in (ArchiveStatus.ARCHIVED_NEAR_DATE, ArchiveStatus.ARCHIVED)


@dataclass(frozen=True, slots=True)
class UrlRef:
    """One URL occurrence found in the text, with its repairs."""

    written: str  # exactly as in the document (line breaks included)
    normalised: str | None  # None when it cannot be repaired into a URL (MALFORMED)
    repairs: tuple[str, ...]  # plain-English names of the damage repaired, e.g. "missing scheme"
    alternates: tuple[str, ...]  # other readings to try when `normalised` fails (hyphen kept/dropped, "//")
    accessed: str | None  # ISO date, YYYY-MM or YYYY
    location: Location
    offset: int  # start in the site's text; keeps document order within a site

    @property
    def key(self) -> str | None:
        """What is checked once: the normalised URL without its fragment (servers never see it)."""
        return None if self.normalised is None else self.normalised.split("#", 1)[0]


@dataclass(frozen=True, slots=True)
class ArchiveResult:
    status: ArchiveStatus
    snapshot: str | None = None  # BASE/web/<timestamp>/<original>
    timestamp: str | None = None  # 14 digits, UTC
    original: str | None = None  # the capture's URL as the archive stores it (for the id_ replay form)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What the live check concluded for one normalised URL."""

    status: UrlStatus
    http_status: int | None = None
    final_url: str | None = None
    reason: str = ""  # plain English, for the finding's message
    checked_url: str | None = None  # the reading that was judged (an alternate when it answered better)
    content_type: str | None = None  # of the final answer; drift is only measured on HTML


@dataclass(frozen=True, slots=True)
class Drift:
    """Live text compared with the archived capture near the access date."""

    shingle_jaccard: float
    sequence_ratio: float


@dataclass(frozen=True, slots=True)
class UrlRecord:
    """One distinct URL as written; attribute names follow the contract's JSON."""

    url: str
    normalised: str | None
    accessed: str | None
    status: UrlStatus
    http_status: int | None
    final_url: str | None
    archive: ArchiveResult
    locations: tuple[Location, ...]
    repairs: tuple[str, ...] = ()
    repaired: str | None = None  # the repair suggested to the author (may be an alternate that answered)
    reason: str = ""  # plain English, why the status ("" when the stage gives none: null in the JSON)
    drift: Drift | None = None
    alternates: tuple[str, ...] = ()  # other readings of a damaged URL (hyphen dropped, '//' collapsed)


@dataclass(frozen=True, slots=True)
class Answer:
    """One HTTP exchange, as the checker needs it. `error` names a failure with no HTTP answer."""

    url: str
    status: int | None = None
    final_url: str | None = None
    redirects: tuple[int, ...] = ()  # status codes of the redirect hops, in order
    hops: tuple[str, ...] = ()  # URLs of the redirect hops, in order
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    # timeout | dns | dns-temporary | refused | unreachable | tls | redirect-loop | invalid | reset | other
    # | budget (the URL's time budget was spent before this request could start)
    error: str | None = None
    detail: str = ""
    from_cache: bool = False

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300
