"""The URL stage: find and repair cited URLs, check them, pair them with archived copies.

Public interface: `audit_urls(sites, config)` -> `UrlAudit`; `url_record_to_dict` for the JSON report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from audit.config import AuditConfig
from audit.findings import Finding, Location
from audit.urls.collect import UrlSite, collect_urls, split_paragraphs
from audit.urls.records import (
    ArchiveResult,
    ArchiveStatus,
    CheckResult,
    UrlRecord,
    UrlRef,
    UrlStatus,
)

log = logging.getLogger(__name__)

__all__ = ["ArchiveResult", "ArchiveStatus", "UrlAudit", "UrlRecord", "UrlSite", "UrlStatus", "audit_urls",
           "split_paragraphs", "url_record_to_dict"]


@dataclass(frozen=True, slots=True)
class UrlAudit:
    records: tuple[UrlRecord, ...]  # one per distinct URL as written, locations merged, in document order
    findings: tuple[Finding, ...]
    notice: str | None  # e.g. "No network: URLs were not checked."


def audit_urls(sites: Sequence[UrlSite], config: AuditConfig, *, document_date: str | None = None,
               progress: Callable[[int, int], None] | None = None, session_factory: Any = None) -> UrlAudit:
    """Collect, check and archive every URL in the sites; `document_date` stands in for missing access dates."""
    refs = collect_urls(sites)
    targets = _targets(refs)
    checks: dict[str, CheckResult] = {}
    archives: dict[str, ArchiveResult] = {}
    drifts: dict[str, Any] = {}
    notice = None
    if targets and not (config.offline or config.no_urls):
        from audit.urls.network import run_network_checks  # imports requests only when the network is used

        outcome = run_network_checks(targets, config, document_date=document_date, progress=progress,
                                     session_factory=session_factory)
        checks, archives, drifts, notice = outcome.checks, outcome.archives, outcome.drifts, outcome.notice
        if notice:
            log.info(notice)  # said once, by the caller that shows the returned notice
    from audit.rules.urls import find_url_findings  # rules import our records: import at call time

    records = _records(refs, checks, archives, drifts)
    return UrlAudit(records, find_url_findings(records, document_date=document_date), notice)


def _targets(refs: Sequence[UrlRef]) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Distinct check keys -> (alternate readings, access date), in document order."""
    targets: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for ref in refs:
        if ref.key is None:
            continue
        alternates, accessed = targets.get(ref.key, ((), None))
        targets[ref.key] = (tuple(dict.fromkeys(alternates + ref.alternates)), accessed or ref.accessed)
    return targets


def _records(refs: Sequence[UrlRef], checks: dict[str, CheckResult], archives: dict[str, ArchiveResult],
             drifts: dict[str, Any]) -> tuple[UrlRecord, ...]:
    by_written: dict[str, UrlRecord] = {}
    for ref in refs:
        existing = by_written.get(ref.written)
        if existing is not None:
            locations = existing.locations if ref.location in existing.locations \
                else existing.locations + (ref.location,)
            by_written[ref.written] = replace(existing, locations=locations,
                                              accessed=existing.accessed or ref.accessed)
            continue
        by_written[ref.written] = _record(ref, checks, archives, drifts)
    return tuple(by_written.values())


def _record(ref: UrlRef, checks: dict[str, CheckResult], archives: dict[str, ArchiveResult],
            drifts: dict[str, Any]) -> UrlRecord:
    if ref.key is None:
        return UrlRecord(ref.written, None, ref.accessed, UrlStatus.MALFORMED, None, None,
                         ArchiveResult(ArchiveStatus.NOT_CHECKED), (ref.location,), ref.repairs,
                         reason="no host name could be read from it")
    check = checks.get(ref.key, CheckResult(UrlStatus.NOT_CHECKED))
    repaired = ref.normalised
    if check.checked_url and check.checked_url != ref.key:  # an alternate reading answered: that is the repair
        repaired = check.checked_url
    return UrlRecord(ref.written, ref.normalised, ref.accessed, check.status, check.http_status, check.final_url,
                     archives.get(ref.key, ArchiveResult(ArchiveStatus.NOT_CHECKED)), (ref.location,),
                     ref.repairs, repaired, check.reason, drifts.get(ref.key), ref.alternates)


def url_record_to_dict(record: UrlRecord) -> dict[str, Any]:
    """The contract's `urls[]` object."""
    return {
        "url": record.url,
        "normalised": record.normalised,
        "accessed": record.accessed,
        "status": record.status.value,
        "http_status": record.http_status,
        "final_url": record.final_url,
        "reason": record.reason or None,
        "repairs": list(record.repairs),
        "archive": {"status": record.archive.status.value, "snapshot": record.archive.snapshot,
                    "timestamp": record.archive.timestamp},
        "locations": [location_to_dict(loc) for loc in record.locations],
    }


def location_to_dict(location: Location) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": location.kind}
    for name in ("number", "index", "line"):
        value = getattr(location, name)
        if value is not None:
            out[name] = value
    return out
