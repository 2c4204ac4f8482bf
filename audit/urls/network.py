"""The networked part of the URL stage: live checks, archive lookups and drift, on one Fetcher.

Each archive lookup starts when its URL comes in, beside the live checks, in a pool of its own: the live
pass never waits for a rate-limited archive. Drift (live text against the archived capture) is measured
once both are known. Verdicts still fresh in the verdict store are reused and ask nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from audit.config import AuditConfig
from audit.urls.archive import find_snapshot
from audit.urls.check import NO_NETWORK_ERRORS, Target, check_urls
from audit.urls.drift import measure_drift
from audit.urls.records import ArchiveResult, ArchiveStatus, CheckResult, Drift
from audit.urls.verdicts import ArchiveEntry, CheckEntry, VerdictStore, resolve_cache_file

if TYPE_CHECKING:
    from audit.urls.http_client import Fetcher  # imports requests: at run time only when something is asked

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


class _ArchivePass:
    """Archive lookups (started at once) and drift (started when a URL's check and lookup are both in)."""

    def __init__(self, pool: ThreadPoolExecutor, fetcher: Fetcher, config: AuditConfig,
                 on_done: Callable[[], None]) -> None:
        self._pool, self._fetcher, self._config, self._on_done = pool, fetcher, config, on_done
        self._lock = threading.Lock()
        self._finished = threading.Condition(self._lock)
        self._pending: set[str] = set()  # keys whose (archive, drift) is not in yet
        self._lookups: dict[str, tuple[str, str | None, Future[ArchiveResult]]] = {}
        self._checks: dict[str, CheckResult] = {}
        self.results: dict[str, Future[ArchiveEntry]] = {}

    def look_up(self, key: str, url: str, date: str | None) -> None:
        future = self._pool.submit(find_snapshot, url, date, self._fetcher, self._config.archive_url)
        with self._lock:
            self._lookups[key] = (url, date, future)
            self._pending.add(key)
        future.add_done_callback(lambda _: self._maybe_finish(key))

    def checked(self, key: str, result: CheckResult) -> None:
        """The live verdict is in; an alternate reading that answered is looked up under its own address."""
        with self._lock:
            self._checks[key] = result
            url, date, _ = self._lookups[key]
        if result.checked_url and result.checked_url != url:
            self.look_up(key, result.checked_url, date)
        else:
            self._maybe_finish(key)

    def looked_up(self) -> list[tuple[str, str | None, ArchiveEntry]]:
        """(URL looked up, date, (archive, drift)) of every finished lookup, for the verdict store."""
        return [(url, date, self.results[key].result()) for key, (url, date, _) in self._lookups.items()
                if key in self.results]

    def _maybe_finish(self, key: str) -> None:
        with self._lock:
            url, _, lookup = self._lookups[key]
            check = self._checks.get(key)
            if check is None or not lookup.done() or key in self.results or (check.checked_url or url) != url:
                return
            self.results[key] = self._pool.submit(self._drift, url, lookup, check)
        self.results[key].add_done_callback(lambda _: self._done(key))

    def wait(self) -> None:
        """Until every URL looked up has its (archive, drift): callbacks submit drift work, so the pool must
        not shut down before."""
        with self._finished:
            self._finished.wait_for(lambda: not self._pending)

    def _done(self, key: str) -> None:
        with self._finished:
            self._pending.discard(key)
            self._finished.notify_all()
        self._on_done()

    def _drift(self, url: str, lookup: Future[ArchiveResult], check: CheckResult) -> ArchiveEntry:
        """The live page is asked for by the address that was checked: its GET (redirects followed) is then
        already in the cache, and drift costs only the archived copy."""
        archive = lookup.result()
        if (check.status.is_alive and archive.status is ArchiveStatus.ARCHIVED_NEAR_DATE
                and "html" in (check.content_type or "").lower()):
            with self._fetcher.budget(self._config.url_timeout):
                return archive, measure_drift(url, archive, self._fetcher, self._config.archive_url)
        return archive, None


def run_network_checks(targets: Targets, config: AuditConfig, *, document_date: str | None,
                       progress: Callable[[int, int], None] | None, session_factory: Any = None) -> NetworkOutcome:
    """Check every target once; look each up in the archive; compare live and archived HTML text."""
    path = resolve_cache_file(config) if session_factory is None else None
    # A cache file that does not exist yet holds nothing: create it beside the checks, not before them.
    store = VerdictStore.open(path, config) if path is not None and path.exists() else None
    steps = _Progress(len(targets), progress)
    dates = {key: date or document_date for key, (_, date) in targets.items()}
    try:
        cached, cached_archives = _cached(store, targets, dates, config)
        for _ in range(len(cached) if config.no_archive else len(cached_archives)):
            steps.step()
        if len(cached) == len(targets) and (config.no_archive or len(cached_archives) == len(targets)):
            return _outcome(cached, cached_archives)  # nothing to ask: requests is not even imported
        from audit.urls.http_client import Fetcher

        fetcher = Fetcher(config, session_factory=session_factory)
        try:
            with ThreadPoolExecutor(max_workers=max(1, config.max_concurrency),
                                    thread_name_prefix="citeaudit-archive") as archive_pool:
                opening = archive_pool.submit(VerdictStore.open, path, config) if store is None else None
                archive = _ArchivePass(archive_pool, fetcher, config, steps.step)
                if not config.no_archive:
                    for key in targets:
                        if key not in cached_archives:
                            archive.look_up(key, cached[key][0].checked_url or key if key in cached else key,
                                            dates[key])
                    for key, (result, _) in cached.items():
                        if key not in cached_archives:
                            archive.checked(key, result)

                def on_checked(key: str, result: CheckResult) -> None:
                    if config.no_archive:
                        steps.step()
                    else:
                        archive.checked(key, result)

                fresh = check_urls([Target(key, alts) for key, (alts, _) in targets.items() if key not in cached],
                                   fetcher, workers=config.max_concurrency, host_concurrency=config.host_concurrency,
                                   url_timeout=config.url_timeout, head_first=config.no_archive,
                                   on_checked=on_checked)
                archive.wait()
            if _network_missing(fresh, fetcher, config, targets, document_date):
                return NetworkOutcome({}, {}, {}, NO_NETWORK_NOTICE)
        finally:
            fetcher.close()
        store = store or (opening.result() if opening is not None else None)
        if store is not None:
            store.save([(key, targets[key][0], entry) for key, entry in fresh.items()], archive.looked_up(),
                       config.archive_url)
        return _outcome({**cached, **fresh}, {**cached_archives,
                                              **{key: future.result() for key, future in archive.results.items()}})
    finally:
        if store is not None:
            store.close()


def _cached(store: VerdictStore | None, targets: Targets, dates: Mapping[str, str | None],
            config: AuditConfig) -> tuple[dict[str, CheckEntry], dict[str, ArchiveEntry]]:
    """Verdicts still fresh in the store (none with --refresh): live checks, and archive lookups of those."""
    if store is None or config.refresh:
        return {}, {}
    cached = store.checks({key: alternates for key, (alternates, _) in targets.items()})
    if config.no_archive:
        return cached, {}
    lookups = {key: (result.checked_url or key, dates[key]) for key, (result, _) in cached.items()}
    return cached, store.archives(lookups, config.archive_url)


def _outcome(checks: Mapping[str, CheckEntry], archives: Mapping[str, ArchiveEntry]) -> NetworkOutcome:
    return NetworkOutcome({key: result for key, (result, _) in checks.items()},
                          {key: archive for key, (archive, _) in archives.items()},
                          {key: drift for key, (_, drift) in archives.items() if drift is not None}, None)


def _network_missing(raw: Mapping[str, CheckEntry], fetcher: Fetcher, config: AuditConfig,
                     targets: Targets, document_date: str | None) -> bool:
    """True when nothing answered (not even the archive) and every failure was DNS/no route: the machine is
    offline, not the links. Never report DEAD from such a run."""
    if fetcher.network_seen.is_set() or not raw:
        return False
    if not all(error in NO_NETWORK_ERRORS for _, error in raw.values()):
        return False
    if not config.no_archive:  # the archive was asked for every URL: it is the canary, and it failed too
        return True
    key = next(iter(raw))  # archive off: one CDX call to the archive host decides, as a canary
    find_snapshot(key, targets[key][1] or document_date, fetcher, config.archive_url)
    return not fetcher.network_seen.is_set()
