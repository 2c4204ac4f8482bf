"""The verdict store: what the URL stage concluded per URL, kept beside the HTTP cache so a re-run asks nothing.

The HTTP cache alone cannot make a re-run free: time-outs leave no answer to cache, 429/503 answers must not be
cached as answers (they would be replayed and retried), and archive lookups would still wait for the archive's
rate limiter. So the stage also keeps its verdicts: a conclusive one (alive, dead, soft 404 with its probe
already weighed, archived or not) for `cache_expiry_days`, an inconclusive one (time-out, 429, 503, 5xx,
refused, archive unreachable) for `inconclusive_expiry_hours` only, so a passing outage is soon asked again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from audit.config import AuditConfig
from audit.urls.records import ArchiveResult, ArchiveStatus, CheckResult, Drift, UrlStatus

log = logging.getLogger(__name__)
T = TypeVar("T")

TABLE = "url_verdicts"
# Error kinds of the last attempt that say "try again soon", not "gone": the next run should ask again.
TRANSIENT_ERRORS = frozenset({"timeout", "reset", "dns-temporary", "unreachable", "refused", "budget", "other"})
DAY = 86400.0
HOUR = 3600.0

CheckEntry = tuple[CheckResult, str | None]  # the result and the error kind of its last attempt
ArchiveEntry = tuple[ArchiveResult, Drift | None]


def is_inconclusive_check(result: CheckResult, error: str | None) -> bool:
    """Blocked, or a verdict resting on an answer that may be gone in an hour (408, 429, 5xx, time-out)."""
    code = result.http_status or 0
    return (result.status is UrlStatus.BLOCKED or code in (408, 429) or code >= 500
            or (error is not None and error in TRANSIENT_ERRORS))


class VerdictStore:
    """One SQLite table in the HTTP cache's file; used by one thread at a time (before and after the network
    pass; it may be opened by another)."""

    def __init__(self, path: Path, config: AuditConfig, *, clock: Any = time.time) -> None:
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: no fsync per commit (WAL stays consistent)
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (kind TEXT, key TEXT, payload TEXT, expires REAL,"
                         " PRIMARY KEY (kind, key))")
        self._db.commit()
        self._conclusive = config.cache_expiry_days * DAY
        self._inconclusive = config.inconclusive_expiry_hours * HOUR
        self._clock = clock

    @classmethod
    def open(cls, path: Path | None, config: AuditConfig) -> VerdictStore | None:
        """The store, or None (no cache file, or an unusable one: the run then asks the network)."""
        if path is None:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(path, config)
        except (OSError, sqlite3.Error) as exc:
            log.warning("verdict cache %s unusable (%s); every URL is checked", path, exc)
            return None

    def close(self) -> None:
        self._db.close()

    # -- reading ---------------------------------------------------------------------------------

    def checks(self, targets: Mapping[str, tuple[str, ...]]) -> dict[str, CheckEntry]:
        """key -> cached (result, error) for the targets (key -> alternate readings) still fresh."""
        found = self._read("check", {check_key(k, alts): k for k, alts in targets.items()})
        return _decoded(found, _check_from)

    def archives(self, lookups: Mapping[str, tuple[str, str | None]], base: str) -> dict[str, ArchiveEntry]:
        """key -> cached (archive, drift) for lookups (key -> (URL looked up, date)) still fresh."""
        found = self._read("archive", {archive_key(base, url, date): k for k, (url, date) in lookups.items()})
        return _decoded(found, _archive_from)

    def _read(self, kind: str, wanted: Mapping[str, str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        now = self._clock()
        keys = list(wanted)
        try:
            for start in range(0, len(keys), 500):  # SQLite's bound-parameter limit
                chunk = keys[start:start + 500]
                rows = self._db.execute(f"SELECT key, payload FROM {TABLE} WHERE kind = ? AND expires > ? AND key IN"
                                        f" ({','.join('?' * len(chunk))})", (kind, now, *chunk))
                for stored_key, payload in rows:
                    out[wanted[stored_key]] = json.loads(payload)
        except (sqlite3.Error, ValueError) as exc:
            log.warning("verdict cache unreadable (%s); checking again", exc)
            return {}
        return out

    # -- writing ---------------------------------------------------------------------------------

    def save(self, checks: Iterable[tuple[str, tuple[str, ...], CheckEntry]],
             archives: Iterable[tuple[str, str | None, ArchiveEntry]], base: str) -> None:
        """Store fresh verdicts: (key, alternates, (result, error)) and (URL looked up, date, (archive, drift))."""
        now = self._clock()
        rows: list[tuple[str, str, str, float]] = []
        for key, alternates, (result, error) in checks:
            if result.status is UrlStatus.NOT_CHECKED:
                continue
            life = self._inconclusive if is_inconclusive_check(result, error) else self._conclusive
            if life > 0:
                rows.append(("check", check_key(key, alternates), json.dumps(_check_to(result, error)), now + life))
        for url, date, (archive, drift) in archives:
            if archive.status is ArchiveStatus.NOT_CHECKED:
                continue
            life = self._inconclusive if archive.status is ArchiveStatus.ARCHIVE_UNREACHABLE else self._conclusive
            if life > 0:
                rows.append(("archive", archive_key(base, url, date), json.dumps(_archive_to(archive, drift)),
                             now + life))
        try:
            with self._db:
                self._db.executemany(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?)", rows)
                self._db.execute(f"DELETE FROM {TABLE} WHERE expires <= ?", (now,))
        except sqlite3.Error as exc:
            log.warning("could not store URL verdicts: %s", exc)


def _decoded(found: Mapping[str, Mapping[str, Any]], decode: Callable[[Mapping[str, Any]], T]) -> dict[str, T]:
    """Decoded entries; one written by another version (a field missing or renamed) is asked again."""
    out: dict[str, T] = {}
    for key, payload in found.items():
        try:
            out[key] = decode(payload)
        except (KeyError, ValueError, TypeError, IndexError):
            continue
    return out


def resolve_cache_file(config: AuditConfig) -> Path:
    """--cache / CITEAUDIT_CACHE (a directory means a file inside it), else the user's cache directory."""
    if config.cache:
        path = Path(config.cache).expanduser()
        if path.is_dir() or config.cache.endswith(("/", "\\")):
            return path / "http.sqlite"
        return path
    home = Path(config.cache_home).expanduser() if config.cache_home else Path.home() / ".cache"
    return home / "citeaudit" / "http.sqlite"


def check_key(key: str, alternates: tuple[str, ...]) -> str:
    """The verdict depends on the readings tried, not only on the URL."""
    return "\n".join((key, *alternates))


def archive_key(base: str, url: str, date: str | None) -> str:
    return "\n".join((base.rstrip("/"), url, date or ""))


def _check_to(result: CheckResult, error: str | None) -> dict[str, Any]:
    return {"status": result.status.value, "http_status": result.http_status, "final_url": result.final_url,
            "reason": result.reason, "checked_url": result.checked_url, "content_type": result.content_type,
            "error": error}


def _check_from(payload: Mapping[str, Any]) -> CheckEntry:
    return (CheckResult(UrlStatus(payload["status"]), payload["http_status"], payload["final_url"],
                        payload["reason"], payload["checked_url"], payload["content_type"]), payload["error"])


def _archive_to(archive: ArchiveResult, drift: Drift | None) -> dict[str, Any]:
    return {"status": archive.status.value, "snapshot": archive.snapshot, "timestamp": archive.timestamp,
            "original": archive.original,
            "drift": None if drift is None else [drift.shingle_jaccard, drift.sequence_ratio]}


def _archive_from(payload: Mapping[str, Any]) -> ArchiveEntry:
    drift = payload["drift"]
    return (ArchiveResult(ArchiveStatus(payload["status"]), payload["snapshot"], payload["timestamp"],
                          payload["original"]), None if drift is None else Drift(drift[0], drift[1]))
