"""The URL stage once per collection: every distinct URL of every document checked once.

`check_collection_urls()` gathers the URL sites of all documents and calls the URL stage's public entry
point (`audit_urls`) once, so one cache, one per-host limit and one archive rate limit serve the whole
collection. `SharedUrlChecks` then stands in for the URL stage of each document: it collects the
document's own URLs offline (their locations, repairs, access dates) and takes each URL's verdict from
the collection's check. It is a picklable value, so worker processes receive it with their task.

The one difference from auditing documents alone: a URL without an access date is looked up in the
archive without the document's year as a stand-in (the collection check serves several documents).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from audit.config import AuditConfig
from audit.errors import UnreadableInput
from audit.ingest import ingest
from audit.pipeline import collect_url_sites
from audit.urls import UrlAudit, UrlRecord, UrlSite, audit_urls


@dataclass(frozen=True, slots=True)
class SharedUrlChecks:
    """A document's URL stage answered from the collection's checks (by URL as written)."""

    checked: dict[str, UrlRecord]
    notice: str | None

    def __call__(self, sites: Sequence[UrlSite], config: AuditConfig, *, document_date: str | None = None,
                 progress: Callable[[int, int], None] | None = None) -> UrlAudit:
        from audit.rules.urls import find_url_findings

        local = audit_urls(sites, replace(config, offline=True), document_date=document_date)
        records = tuple(_with_verdict(record, self.checked.get(record.url)) for record in local.records)
        return UrlAudit(records, find_url_findings(records, document_date=document_date), self.notice)


def _with_verdict(local: UrlRecord, checked: UrlRecord | None) -> UrlRecord:
    if checked is None:
        return local
    return replace(local, status=checked.status, http_status=checked.http_status, final_url=checked.final_url,
                   archive=checked.archive, repaired=checked.repaired, reason=checked.reason, drift=checked.drift)


def check_collection_urls(documents: Sequence[Path], config: AuditConfig) -> SharedUrlChecks | None:
    """Check every distinct URL of the collection once; None when URLs are not checked at all."""
    if config.offline or config.no_urls:
        return None
    sites: list[UrlSite] = []
    for path in documents:
        try:
            sites += collect_url_sites(ingest(path, max_bytes=config.max_input_bytes))
        except UnreadableInput:
            continue  # reported when the document itself is audited
    checked = audit_urls(sites, config)
    return SharedUrlChecks({record.url: record for record in checked.records}, checked.notice)
