"""The registry stage: does each cited work exist, is it cited as published, has it been retracted.

Public interface: `cited_works(...)` builds what is verified from the clustered works and where they are
cited; `verify_works(works, config)` -> `RegistryAudit`; `verdict_to_dict` for the report's `works[].registry`.
Offline or with --no-registry nothing is asked and every work is NOT_CHECKED; identifiers are still checked.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from audit.config import DEFAULT_CROSSREF_URL, DEFAULT_OPENALEX_URL, DEFAULT_OPENLIBRARY_URL, AuditConfig
from audit.findings import Finding, Location
from audit.registry.identifiers import Identifier, find_identifiers, identifiers_of_fields
from audit.registry.records import CitedWork, RegistryStatus, Update, Verdict
from audit.registry.service import ServiceLimits

log = logging.getLogger(__name__)

__all__ = ["CitedWork", "RegistryAudit", "RegistryStatus", "Verdict", "cited_works", "registry_sites",
           "verdict_to_dict", "verify_works"]

NO_NETWORK_NOTICE = "No network: works were not verified against the registries."
SILENT_NOTICE = "The registries did not answer for {count} works; they are UNREACHABLE, not missing."
OFFLINE_REASON = "offline: the registries were not asked"
NO_REGISTRY_REASON = "--no-registry: the registries were not asked"

# The public services' published limits. Crossref (2025): anonymous clients 5 requests/s with one in
# flight, clients that give a mailto ("polite pool") 10/s with three. OpenAlex: 10 requests/s. Open Library
# asks API users to stay near one request a second.
CROSSREF_POLITE = ServiceLimits(rate=10.0, concurrency=3)
CROSSREF_PUBLIC = ServiceLimits(rate=5.0, concurrency=1)
OPENALEX_PUBLIC = ServiceLimits(rate=10.0, concurrency=5)
OPENLIBRARY_PUBLIC = ServiceLimits(rate=1.0, concurrency=1)
# Any other base URL (a mirror, a local test server) has no published limit: no rate limit, and this
# many requests in flight, as polite to one server as the URL stage's per-host limit doubled.
OTHER_BASE = ServiceLimits(rate=None, concurrency=8)


@dataclass(frozen=True, slots=True)
class RegistryAudit:
    verdicts: dict[str, Verdict]  # by work id
    findings: tuple[Finding, ...]
    notice: str | None
    requests: int = 0  # answers that came over the network (0 when everything came from the cache)


def service_limits(config: AuditConfig) -> dict[str, ServiceLimits]:
    def public(url: str, default: str) -> bool:
        return url.rstrip("/") == default

    crossref = (CROSSREF_POLITE if config.mailto else CROSSREF_PUBLIC) \
        if public(config.crossref_url, DEFAULT_CROSSREF_URL) else OTHER_BASE
    return {"crossref": crossref,
            "openalex": OPENALEX_PUBLIC if public(config.openalex_url, DEFAULT_OPENALEX_URL) else OTHER_BASE,
            "openlibrary": OPENLIBRARY_PUBLIC if public(config.openlibrary_url, DEFAULT_OPENLIBRARY_URL)
            else OTHER_BASE}


def cited_works(works: Iterable[Any], sites: dict[str, Sequence[tuple[str, Location]]]) -> list[CitedWork]:
    """One CitedWork per clustered work: its fields, and the identifiers in its fields and in the texts that
    cite or list it (`sites`: work id -> (text, location) pairs, bibliography entries first)."""
    out = []
    for work in works:
        found: list[Identifier] = list(identifiers_of_fields(_text(work.fields.get("doi")),
                                                             _text(work.fields.get("isbn"))))
        locations: list[Location] = []
        for text, location in sites.get(work.id, ()):
            found += find_identifiers(text)
            if location not in locations:
                locations.append(location)
        out.append(CitedWork(work.id, work.type, dict(work.fields), tuple(dict.fromkeys(found)), tuple(locations)))
    return out


def registry_sites(citations: Iterable[Any], entries: Iterable[Any],
                   entry_work: dict[int, str]) -> dict[str, list[tuple[str, Location]]]:
    """Work id -> the texts that list or cite it, with their locations: entries first, then citations."""
    sites: dict[str, list[tuple[str, Location]]] = {}
    for entry in entries:
        if entry.index in entry_work:
            sites.setdefault(entry_work[entry.index], []).append(
                (entry.text, Location.entry(entry.index, entry.span.line)))
    for citation in citations:
        if citation.work:
            where = Location.note(citation.note, citation.span.line) if citation.note is not None \
                else Location.body(citation.span.line)
            sites.setdefault(citation.work, []).append((citation.text, where))
    return sites


def _text(value: Any) -> str | None:
    if isinstance(value, tuple | list):
        return " ".join(str(v) for v in value) or None
    return str(value) if value else None


def verify_works(works: Sequence[CitedWork], config: AuditConfig, *, session_factory: Any = None,
                 progress: Callable[[int, int], None] | None = None) -> RegistryAudit:
    """A verdict per work (looked up once each, concurrently), and the stage's findings."""
    from audit.rules.registry import find_registry_findings  # rules import our records: import at call time

    if config.offline or config.no_registry or not works:
        reason = OFFLINE_REASON if config.offline else NO_REGISTRY_REASON
        verdicts = {w.work_id: Verdict(RegistryStatus.NOT_CHECKED, reason=reason) for w in works}
        return RegistryAudit(verdicts, find_registry_findings(works, verdicts), None)
    verdicts, notice, requests = _ask_registries(works, config, session_factory, progress)
    return RegistryAudit(verdicts, find_registry_findings(works, verdicts), notice, requests)


def _ask_registries(works: Sequence[CitedWork], config: AuditConfig, session_factory: Any,
                    progress: Callable[[int, int], None] | None) -> tuple[dict[str, Verdict], str | None, int]:
    from audit.registry.lookups import Services, add_notices, verify_work  # the network side loads only when used
    from audit.registry.service import RegistryHttp

    limits = service_limits(config)
    http = RegistryHttp(config, limits, session_factory=session_factory)
    services = Services(http, config)
    done = itertools.count(1)  # next() on a count is atomic under the GIL: a thread-safe tally

    def one(work: CitedWork) -> Verdict:
        try:
            return verify_work(work, services)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            # An answer of a shape we did not expect: that work is undecided, the others go on.
            log.warning("registry answer for %s could not be read: %s: %s", work.work_id, type(exc).__name__, exc)
            return Verdict(RegistryStatus.UNREACHABLE, reason="a registry's answer could not be read")
        finally:
            finished = next(done)
            if progress:
                progress(finished, len(works))

    try:
        workers = max(1, sum(limit.concurrency for limit in limits.values()))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="citeaudit-registry") as pool:
            verdicts = dict(zip((w.work_id for w in works), pool.map(one, works), strict=True))
        verdicts = add_notices(verdicts, services)
    finally:
        http.close()
    statuses = {v.status for v in verdicts.values()}
    if statuses <= {RegistryStatus.UNREACHABLE, RegistryStatus.NOT_CHECKED} and http.network_missing:
        # Nothing answered at all: this machine is offline, which says nothing about the works.
        return ({k: Verdict(RegistryStatus.NOT_CHECKED, reason="no network") for k in verdicts},
                NO_NETWORK_NOTICE, http.requests)
    silent = sum(1 for v in verdicts.values() if v.status is RegistryStatus.UNREACHABLE)
    notice = SILENT_NOTICE.format(count=silent) if silent else None
    return verdicts, notice, http.requests


def is_registry_notice(notice: str) -> bool:
    """Whether a report notice is this stage's (commands that show only this stage pick them out)."""
    return notice == NO_NETWORK_NOTICE or notice.startswith(SILENT_NOTICE.split("{", 1)[0])


def _update_to_dict(update: Update | None) -> dict[str, Any] | None:
    if update is None:
        return None
    return {"type": update.kind, "notice": update.notice, "label": update.label, "source": update.source,
            "date": update.date}


def verdict_to_dict(verdict: Verdict) -> dict[str, Any]:
    """The contract's `works[].registry` object."""
    return {
        "status": verdict.status.value,
        "source": verdict.source,
        "id": verdict.id,
        "score": verdict.score,
        "differences": [{"field": d.field, "cited": d.cited, "registered": d.registered}
                        for d in verdict.differences],
        "retraction": _update_to_dict(verdict.retraction),
        "notices": [_update_to_dict(n) for n in verdict.notices],
        "reason": verdict.reason or None,
        "link": verdict.link,
    }
