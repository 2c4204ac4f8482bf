"""check_urls: the live status of each distinct URL (HEAD, GET fallback, soft-404 probe)."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from itertools import zip_longest
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from audit.urls.http_client import Answer
from audit.urls.page_text import extract_page_text, looks_like_error_page, sequence_ratio
from audit.urls.records import CheckResult, UrlStatus

log = logging.getLogger(__name__)

BLOCKING_STATUSES = frozenset({401, 402, 403, 407, 429, 451, 999})  # 999: LinkedIn's anti-bot answer
PERMANENT_REDIRECTS = frozenset({301, 308})
SAME_PAGE_RATIO = 0.95  # soft404.py: a page this similar to a surely-missing sibling is an error page
ERROR_URL_MARKERS = ("/404", "404.htm", "notfound", "not-found", "not_found", "/error")
LOGIN_MARKERS = ("login", "signin", "sign-in", "logon", "/auth", "sso")
ERROR_REASONS = {
    "timeout": "timed out", "tls": "TLS/certificate error", "redirect-loop": "redirect loop",
    "dns-temporary": "temporary DNS failure", "reset": "connection reset", "unreachable": "network unreachable",
    "other": "request failed", "dns": "host name does not resolve", "refused": "connection refused",
}
NO_NETWORK_ERRORS = frozenset({"dns", "dns-temporary", "unreachable"})


class Fetch(Protocol):
    def head(self, url: str) -> Answer: ...
    def get(self, url: str, *, max_bytes: int | None = None) -> Answer: ...


@dataclass(frozen=True, slots=True)
class Target:
    key: str  # normalised URL without fragment
    alternates: tuple[str, ...] = ()


def check_urls(targets: Sequence[Target], fetch: Fetch, *, workers: int = 16,
               on_checked: Callable[[str, CheckResult], None] | None = None
               ) -> dict[str, tuple[CheckResult, str | None]]:
    """Check each target once, concurrently; returns key -> (result, error kind of the last attempt).
    `on_checked(key, result)` runs as each finishes, so later stages can start before the pass ends."""
    prober = _Prober(fetch)
    results: dict[str, tuple[CheckResult, str | None]] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="citeaudit-url") as pool:
        futures = {pool.submit(check_url, t.key, t.alternates, fetch, prober): t.key
                   for t in interleave_by_host(targets)}
        for future in as_completed(futures):
            key = futures[future]
            results[key] = future.result()
            if on_checked:
                on_checked(key, results[key][0])
    return results


def interleave_by_host(targets: Sequence[Target]) -> list[Target]:
    """Round-robin by host, so workers do not all queue behind one host's limit."""
    by_host: dict[str, list[Target]] = defaultdict(list)
    for target in targets:
        by_host[urlsplit(target.key).netloc].append(target)
    return [t for group in zip_longest(*by_host.values()) for t in group if t is not None]


def check_url(url: str, alternates: Sequence[str], fetch: Fetch,
              prober: _Prober | None = None) -> tuple[CheckResult, str | None]:
    """The status of one URL; alternate readings are tried when it is dead."""
    prober = prober or _Prober(fetch)
    result, error = _check_one(url, fetch, prober)
    if result.status.is_dead or result.status is UrlStatus.MALFORMED:
        for alternate in alternates:
            other, other_error = _check_one(alternate, fetch, prober)
            if other.status.is_alive:
                return other, other_error
    return result, error


def _check_one(url: str, fetch: Fetch, prober: _Prober) -> tuple[CheckResult, str | None]:
    scheme = urlsplit(url).scheme
    if scheme not in ("http", "https"):
        return CheckResult(UrlStatus.BLOCKED, reason=f"{scheme}:// links are not fetched", checked_url=url), None
    answer = fetch.head(url)
    if not answer.ok or _challenged(answer):
        answer = fetch.get(url)  # HEAD is refused or misanswered by many servers: GET decides
    return judge(url, answer, prober), answer.error


def judge(url: str, answer: Answer, prober: _Prober | None = None) -> CheckResult:
    """Apply the status table (url-audit.md §3) to one final answer."""
    def result(status: UrlStatus, reason: str) -> CheckResult:
        return CheckResult(status, answer.status, answer.final_url, reason, checked_url=url,
                           content_type=answer.header("content-type"))

    if answer.error and answer.status is None:
        if answer.error == "invalid":
            return result(UrlStatus.MALFORMED, "not a fetchable URL")
        status = UrlStatus.DEAD if answer.error in ("dns", "refused") else UrlStatus.BLOCKED
        return result(status, ERROR_REASONS.get(answer.error, answer.error) + " (twice)" * (status.is_dead))
    code = answer.status or 0
    if answer.error == "reset":
        return result(UrlStatus.BLOCKED, "connection reset while reading the page")
    if _challenged(answer):
        return result(UrlStatus.BLOCKED, "bot challenge page")
    if code in BLOCKING_STATUSES:
        return result(UrlStatus.BLOCKED, f"HTTP {code} (access refused or rate-limited)")
    if code == 408 or code == 503 or (code >= 500 and answer.header("retry-after")):
        return result(UrlStatus.BLOCKED, f"HTTP {code} (temporarily unavailable)")
    if 400 <= code < 600:
        return result(UrlStatus.DEAD, f"HTTP {code}" + (" after retries" if code >= 500 else ""))
    if not 200 <= code < 300:
        return result(UrlStatus.BLOCKED, f"HTTP {code} (no final page)")
    final = answer.final_url or url
    if answer.redirects:
        if any(m in final.lower() for m in LOGIN_MARKERS) and not any(m in url.lower() for m in LOGIN_MARKERS):
            return result(UrlStatus.BLOCKED, "redirected to a login page")
        if _is_root(final) and not _is_root(url):
            return result(UrlStatus.MOVED_TO_ROOT, f"redirected to the site's home page {final}")
        if any(m in final.lower() for m in ERROR_URL_MARKERS) and not any(m in url.lower() for m in ERROR_URL_MARKERS):
            return result(UrlStatus.SOFT_404, f"redirected to an error page {final}")
    if prober is not None and not _is_root(url) and prober.is_soft_404(url, answer):
        return result(UrlStatus.SOFT_404, "answers 200 but shows an error page")
    if set(answer.redirects) & PERMANENT_REDIRECTS and not _trivial_move(url, final):
        return result(UrlStatus.REDIRECTED, f"permanently moved to {final}")
    return result(UrlStatus.ALIVE, "")


class _Prober:
    """Bar-Yossef's random-sibling probe, run once per (host, directory)."""

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._probes: dict[str, Answer | None] = {}

    def is_soft_404(self, url: str, answer: Answer) -> bool:
        probe = self._probe(answer.final_url or url)
        if probe is None or not probe.ok:
            return False  # the host says 404 for a missing page (or no verdict): the cited page is real
        page = answer if answer.body else self._fetch.get(url)
        if not page.ok:
            return False
        if answer.redirects and probe.redirects and (page.final_url == probe.final_url):
            return True
        cited = extract_page_text(page.body, page.header("content-type"))
        missing = extract_page_text(probe.body, probe.header("content-type"))
        if cited.text and sequence_ratio(cited.text, missing.text) >= SAME_PAGE_RATIO:
            return True
        return looks_like_error_page(cited)

    def _probe(self, url: str) -> Answer | None:
        probe_url = sibling_probe_url(url)
        with self._lock:
            lock = self._locks.setdefault(probe_url, threading.Lock())
        with lock:
            if probe_url not in self._probes:
                answer = self._fetch.head(probe_url)
                if answer.ok or answer.status not in (404, 410):
                    answer = self._fetch.get(probe_url)
                self._probes[probe_url] = answer if answer.status is not None else None
            return self._probes[probe_url]


def sibling_probe_url(url: str) -> str:
    """Parent directory + 25 letters that surely name nothing; derived from the directory, so a re-run asks
    the same (cached) question."""
    parts = urlsplit(url)
    parent = parts.path.rsplit("/", 1)[0] + "/"
    digest = hashlib.sha256(f"{parts.netloc}{parent}".encode()).digest()
    letters = "".join(chr(ord("a") + b % 26) for b in digest[:25])
    return urlunsplit((parts.scheme, parts.netloc, parent + letters, "", ""))


def _challenged(answer: Answer) -> bool:
    return (answer.header("cf-mitigated") or "").lower() == "challenge"


def _is_root(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _trivial_move(a: str, b: str) -> bool:
    """http→https, host case, 'www.', trailing slash: the same address for a reader."""
    def canon(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url)
        host = parts.netloc.lower().removeprefix("www.")
        return host, parts.path.rstrip("/") or "/", parts.query
    return canon(a) == canon(b)
