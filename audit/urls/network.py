"""The networked part of the URL stage: live checks, archive lookups and drift, on one Fetcher.

Archive lookups and drift run in their own pool as each live check finishes: the live pass never waits
for a rate-limited archive, and the archive work overlaps the live pass instead of following it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from audit.config import AuditConfig
from audit.urls.archive import find_snapshot
from audit.urls.check import NO_NETWORK_ERRORS, Target, check_urls
from audit.urls.drift import measure_drift
from audit.urls.http_client import Fetcher
from audit.urls.records import ArchiveResult, ArchiveStatus, CheckResult, Drift, UrlStatus

log = logging.getLogger(__name__)

NO_NETWORK_NOTICE = "No network: URLs were not checked."
Targets = Mapping[str, tuple[tuple[str, ...], str | None]]  # key -> (alternate readings, access date)


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


def run_network_checks(targets: Targets, config: AuditConfig, *, document_date: str | None,
                       progress: Callable[[int, int], None] | None, session_factory: Any = None) -> NetworkOutcome:
    """Check every target once; look each up in the archive; compare live and archived HTML text."""
    fetcher = Fetcher(config, session_factory=session_factory)
    steps = _Progress(len(targets), progress)
    later: dict[str, Future[tuple[ArchiveResult, Drift | None]]] = {}
    try:
        with ThreadPoolExecutor(max_workers=max(1, config.max_concurrency),
                                thread_name_prefix="citeaudit-archive") as archive_pool:
            def on_checked(key: str, result: CheckResult) -> None:
                if config.no_archive:
                    steps.step()
                    return
                date = targets[key][1] or document_date
                future = archive_pool.submit(_archive_and_drift, result.checked_url or key, date, result,
                                             fetcher, config)
                future.add_done_callback(lambda _: steps.step())
                later[key] = future

            raw = check_urls([Target(key, alts) for key, (alts, _) in targets.items()], fetcher,
                             workers=config.max_concurrency, on_checked=on_checked)
        checks = {key: result for key, (result, _) in raw.items()}
        done = {key: future.result() for key, future in later.items()}
        if _network_missing(raw, fetcher, config, targets, document_date):
            return NetworkOutcome({}, {}, {}, NO_NETWORK_NOTICE)
        archives = {key: archive for key, (archive, _) in done.items()}
        drifts = {key: drift for key, (_, drift) in done.items() if drift is not None}
        return NetworkOutcome(checks, archives, drifts, None)
    finally:
        fetcher.close()


def _archive_and_drift(url: str, date: str | None, check: CheckResult, fetcher: Fetcher,
                       config: AuditConfig) -> tuple[ArchiveResult, Drift | None]:
    archive = find_snapshot(url, date, fetcher, config.archive_url)
    drift = None
    if (check.status in (UrlStatus.ALIVE, UrlStatus.REDIRECTED) and archive.status is ArchiveStatus.ARCHIVED_NEAR_DATE
            and "html" in (check.content_type or "").lower()):
        drift = measure_drift(check.final_url or url, archive, fetcher, config.archive_url)
    return archive, drift


def _network_missing(raw: Mapping[str, tuple[CheckResult, str | None]], fetcher: Fetcher, config: AuditConfig,
                     targets: Targets, document_date: str | None) -> bool:
    """True when nothing answered (not even the archive) and every failure was DNS/no route: the machine is
    offline, not the links. Never report DEAD from such a run."""
    if fetcher.network_seen.is_set() or not raw:
        return False
    if not all(error in NO_NETWORK_ERRORS for _, error in raw.values()):
        return False
    if not config.no_archive:  # the archive was asked for every URL: it is the canary, and it failed too
        return True
    key = next(iter(targets))  # archive off: one CDX call to the archive host decides, as a canary
    find_snapshot(key, targets[key][1] or document_date, fetcher, config.archive_url)
    return not fetcher.network_seen.is_set()
