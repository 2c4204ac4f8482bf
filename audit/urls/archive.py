"""find_snapshots: the Wayback capture nearest the access date, through the CDX API."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Protocol

from audit.urls import url_patterns as P
from audit.urls.records import Answer, ArchiveResult, ArchiveStatus

log = logging.getLogger(__name__)

NEAR_DAYS = 30  # the contract's "near date" window
FIELDS = "timestamp,original,statuscode,digest"


class ArchiveFetch(Protocol):
    def get_archive(self, url: str, params: Mapping[str, str]) -> Answer: ...
    def get_replay(self, url: str, *, follow: bool = True) -> Answer: ...


def find_snapshots(items: Sequence[tuple[str, str | None]], fetch: ArchiveFetch, base: str, *,
                   workers: int = 4, progress: Callable[[], None] | None = None) -> dict[str, ArchiveResult]:
    """(url, ISO date or None) pairs -> url -> ArchiveResult; the shared rate limiter paces the calls."""
    results: dict[str, ArchiveResult] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="citeaudit-cdx") as pool:
        futures = {pool.submit(find_snapshot, url, date, fetch, base): url for url, date in items}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            if progress:
                progress()
    return results


def find_snapshot(url: str, date: str | None, fetch: ArchiveFetch, base: str) -> ArchiveResult:
    """Latest 200 capture at or before the date within 30 days, else the earliest after it within 30 days
    (ARCHIVED_NEAR_DATE); else, among the ten nearest, the latest before, else the earliest after (ARCHIVED):
    what the author saw matters more than closeness. None at all: NOT_ARCHIVED."""
    base = base.rstrip("/")
    endpoint = f"{base}/cdx/search/cdx"
    when = parse_date(date)
    common = {"url": url, "output": "json", "fl": FIELDS, "filter": "statuscode:200"}
    if when is not None:
        window = {"from": ts14(when - dt.timedelta(days=NEAR_DAYS)), "to": ts14(when + dt.timedelta(days=NEAR_DAYS)),
                  "collapse": "timestamp:8"}
        captures = _query(fetch, endpoint, {**common, **window})
        if captures is None:
            return ask_timegate(url, when, fetch, base)
        near = [c for c in captures if abs(_parse_ts(c["timestamp"]) - when) <= dt.timedelta(days=NEAR_DAYS)]
        if near:
            return _result(ArchiveStatus.ARCHIVED_NEAR_DATE, choose_capture(near, when), base)
        params = {**common, "closest": ts14(when), "sort": "closest", "limit": "10"}
    else:
        params = {**common, "limit": "-1", "fastLatest": "true"}  # no date to be near: the latest capture
    captures = _query(fetch, endpoint, params)
    if captures is None:
        return ask_timegate(url, when, fetch, base)
    if not captures:
        return ArchiveResult(ArchiveStatus.NOT_ARCHIVED)
    if when is None:
        return _result(ArchiveStatus.ARCHIVED, max(captures, key=lambda c: c["timestamp"]), base)
    return _result(ArchiveStatus.ARCHIVED, choose_capture(captures, when), base)


def ask_timegate(url: str, when: dt.datetime | None, fetch: ArchiveFetch, base: str) -> ArchiveResult:
    """Fallback when CDX does not answer: BASE/web/<ts>/<url> redirects to the nearest capture (Memento
    TimeGate behaviour). The redirect does not say the capture was a 200, so its raw form is fetched too."""
    when = when or dt.datetime.now(dt.UTC)
    answer = fetch.get_replay(f"{base}/web/{ts14(when)}/{url}", follow=False)
    if answer.status == 404:
        return ArchiveResult(ArchiveStatus.NOT_ARCHIVED)
    location = answer.header("location") or ""
    found = P.TIMEGATE_LOCATION.search(location)
    if answer.status not in (301, 302, 303, 307, 308) or found is None:
        return ArchiveResult(ArchiveStatus.ARCHIVE_UNREACHABLE)
    timestamp, original = found.group(1), found.group(2)
    check = fetch.get_replay(replay_url(base, timestamp, original, raw=True))
    if not check.ok:
        return ArchiveResult(ArchiveStatus.ARCHIVE_UNREACHABLE)  # no verdict on this capture; CDX was down
    near = abs(_parse_ts(timestamp) - when) <= dt.timedelta(days=NEAR_DAYS)
    status = ArchiveStatus.ARCHIVED_NEAR_DATE if near else ArchiveStatus.ARCHIVED
    return _result(status, {"timestamp": timestamp, "original": original}, base)


def choose_capture(captures: Sequence[Mapping[str, str]], when: dt.datetime) -> Mapping[str, str]:
    """IABot's preference: the latest capture at or before the date, else the earliest after it."""
    before = [c for c in captures if _parse_ts(c["timestamp"]) <= when]
    if before:
        return max(before, key=lambda c: c["timestamp"])
    return min(captures, key=lambda c: c["timestamp"])


def replay_url(base: str, timestamp: str, original: str, *, raw: bool = False) -> str:
    """BASE/web/<ts>/<original>; raw=True gives the unmodified capture (id_ flag) for comparisons."""
    return f"{base.rstrip('/')}/web/{timestamp}{'id_' if raw else ''}/{original}"


def _result(status: ArchiveStatus, capture: Mapping[str, str], base: str) -> ArchiveResult:
    ts = capture["timestamp"].ljust(14, "0")[:14]
    return ArchiveResult(status, replay_url(base, ts, capture["original"]), ts, capture["original"])


def _query(fetch: ArchiveFetch, endpoint: str, params: Mapping[str, str]) -> list[dict[str, str]] | None:
    """The CDX rows as dicts with a 200 status and a valid timestamp; None when the archive did not answer."""
    answer = fetch.get_archive(endpoint, params)
    if answer.status is None or answer.status >= 400 and answer.status != 404:
        log.info("archive did not answer for %s: %s", params.get("url"), answer.error or answer.status)
        return None
    if answer.status == 404 or not answer.body.strip():
        return []
    try:
        rows = json.loads(answer.body)
    except ValueError:
        log.info("archive answered non-JSON for %s", params.get("url"))
        return None
    if not isinstance(rows, list) or not rows or not isinstance(rows[0], list):
        return []
    header = [str(h) for h in rows[0]]
    captures = [dict(zip(header, map(str, row), strict=False)) for row in rows[1:] if isinstance(row, list) and row]
    return [c for c in captures
            if c.get("statuscode") == "200" and c.get("timestamp", "").isdigit() and c.get("original")]


def parse_date(date: str | None) -> dt.datetime | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) as noon UTC; a partial date means its middle."""
    if not date:
        return None
    try:
        parts = [int(p) for p in date.split("-")]
        if len(parts) == 1:
            return dt.datetime(parts[0], 7, 1, 12, tzinfo=dt.UTC)
        if len(parts) == 2:
            return dt.datetime(parts[0], parts[1], 15, 12, tzinfo=dt.UTC)
        return dt.datetime(parts[0], parts[1], parts[2], 12, tzinfo=dt.UTC)
    except ValueError:
        return None


def ts14(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def _parse_ts(ts: str) -> dt.datetime:
    ts = ts.ljust(14, "0")[:14]
    try:
        return dt.datetime.strptime(ts, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return dt.datetime(int(ts[:4]), 1, 1, tzinfo=dt.UTC)
