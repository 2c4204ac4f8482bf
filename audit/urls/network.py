"""The networked part of the URL stage: live checks, then archive lookups, then drift, on one Fetcher."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from audit.config import AuditConfig
from audit.urls.archive import find_snapshot, find_snapshots
from audit.urls.check import NO_NETWORK_ERRORS, Target, check_urls, interleave_by_host
from audit.urls.drift import measure_drift
from audit.urls.http_client import Fetcher
from audit.urls.records import ArchiveResult, ArchiveStatus, CheckResult, Drift, UrlStatus

log = logging.getLogger(__name__)

NO_NETWORK_NOTICE = "No network: URLs were not checked."


@dataclass(frozen=True, slots=True)
class NetworkOutcome:
    checks: dict[str, CheckResult]
    archives: dict[str, ArchiveResult]
    drifts: dict[str, Drift]
    notice: str | None


class _Progress:
    def __init__(self, total: int, callback: Callable[[int, int], None] | None) -> None:
        self.total, self.done, self._callback = total, 0, callback
        self._lock = threading.Lock()

    def step(self) -> None:
        with self._lock:
            self.done += 1
            done = self.done
        if self._callback:
            self._callback(done, self.total)


def run_network_checks(targets: Mapping[str, tuple[tuple[str, ...], str | None]], config: AuditConfig, *,
                       document_date: str | None, progress: Callable[[int, int], None] | None,
                       session_factory: Any = None) -> NetworkOutcome:
    """Check every target once; then look each checked one up in the archive; then compare live and archived."""
    fetcher = Fetcher(config, session_factory=session_factory)
    use_archive = not config.no_archive
    steps = _Progress(len(targets) * (2 if use_archive else 1), progress)
    try:
        raw = check_urls([Target(key, alts) for key, (alts, _) in targets.items()], fetcher,
                         workers=config.max_concurrency, progress=steps.step)
        checks = {key: result for key, (result, _) in raw.items()}
        if _network_missing(raw, fetcher, config, targets, document_date):
            log.debug("every request failed at DNS/route level and nothing answered")
            return NetworkOutcome({}, {}, {}, NO_NETWORK_NOTICE)
        archives: dict[str, ArchiveResult] = {}
        drifts: dict[str, Drift] = {}
        if use_archive:
            # Dead links first: their snapshot is what the report needs most if the run is cut short.
            order = sorted(checks, key=lambda k: not checks[k].status.is_dead)
            items = [(checks[k].checked_url or k, targets[k][1] or document_date) for k in order]
            found = find_snapshots(items, fetcher, config.archive_url, workers=config.max_concurrency,
                                   progress=steps.step)
            archives = {k: found[checks[k].checked_url or k] for k in order}
            drifts = _drifts(checks, archives, fetcher, config)
        return NetworkOutcome(checks, archives, drifts, None)
    finally:
        fetcher.close()


def _network_missing(raw: Mapping[str, tuple[CheckResult, str | None]], fetcher: Fetcher, config: AuditConfig,
                     targets: Mapping[str, tuple[tuple[str, ...], str | None]], document_date: str | None) -> bool:
    """True when nothing answered and every failure was DNS/no route: the machine is offline, not the links."""
    if fetcher.network_seen.is_set() or not raw:
        return False
    if not all(error in NO_NETWORK_ERRORS for _, error in raw.values()):
        return False
    if not config.no_archive:  # the archive host is the canary: if it answers, the DNS failures are real
        key = next(iter(targets))
        find_snapshot(key, targets[key][1] or document_date, fetcher, config.archive_url)
    return not fetcher.network_seen.is_set()


def _drifts(checks: Mapping[str, CheckResult], archives: Mapping[str, ArchiveResult], fetcher: Fetcher,
            config: AuditConfig) -> dict[str, Drift]:
    candidates = [k for k, c in checks.items() if c.status in (UrlStatus.ALIVE, UrlStatus.REDIRECTED)
                  and archives[k].status is ArchiveStatus.ARCHIVED_NEAR_DATE
                  and "html" in (c.content_type or "").lower()]
    if not candidates:
        return {}
    # Round-robin by host so the per-host limits, not the pool, pace the work.
    candidates = [t.key for t in interleave_by_host([Target(k) for k in candidates])]
    with ThreadPoolExecutor(max_workers=max(1, config.max_concurrency)) as pool:
        measured = pool.map(lambda k: measure_drift(checks[k].final_url or k, archives[k], fetcher,
                                                    config.archive_url), candidates)
        return {k: d for k, d in zip(candidates, measured, strict=True) if d is not None}
