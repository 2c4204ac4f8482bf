"""check_urls: the live status of each distinct URL (HEAD, GET fallback, soft-404 probe)."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from audit.urls.page_text import extract_page_text, looks_like_error_page, sequence_ratio
from audit.urls.records import Answer, CheckResult, UrlStatus

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
    "budget": "gave up: the time allowed for one URL ran out",
}
NO_NETWORK_ERRORS = frozenset({"dns", "dns-temporary", "unreachable"})


class Fetch(Protocol):
    def head(self, url: str) -> Answer: ...
    def get(self, url: str, *, max_bytes: int | None = None) -> Answer: ...
    def budget(self, seconds: float | None) -> AbstractContextManager[None]: ...
    def remaining(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class Target:
    key: str  # normalised URL without fragment
    alternates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _ProbeJob:
    url: str  # a cited URL whose directory is probed


def check_urls(targets: Sequence[Target], fetch: Fetch, *, workers: int = 16, host_concurrency: int = 4,
               url_timeout: float | None = None, head_first: bool = True,
               on_checked: Callable[[str, CheckResult], None] | None = None
               ) -> dict[str, tuple[CheckResult, str | None]]:
    """Check each target once, concurrently; returns key -> (result, error kind of the last attempt).

    A host never has more than `host_concurrency` jobs running, so a slow host holds that many workers and
    no more: the others keep checking. Each directory's soft-404 probe is queued before its first URL, so it
    runs beside the first checks instead of after them. `url_timeout` bounds each URL (time-outs and retries
    together); `head_first=False` asks with GET at once (when the page's text is wanted anyway).
    `on_checked(key, result)` runs as each finishes, so later stages can start before the pass ends."""
    prober = _Prober(fetch)
    queues = plan_by_host(targets)
    results: dict[str, tuple[CheckResult, str | None]] = {}
    running: dict[Future[object], tuple[str, Target | _ProbeJob]] = {}
    busy: Counter[str] = Counter()

    def run(job: Target | _ProbeJob) -> object:
        with fetch.budget(url_timeout):
            if isinstance(job, _ProbeJob):
                return prober.probe(job.url)
            return check_url(job.key, job.alternates, fetch, prober, head_first=head_first)

    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="citeaudit-url") as pool:
        def fill() -> None:
            """Round-robin over hosts with a free slot, one job each turn, until the workers are busy."""
            started = True
            while started and len(running) < workers:
                started = False
                for host, queue in queues.items():
                    if queue and busy[host] < host_concurrency and len(running) < workers:
                        job = queue.popleft()
                        busy[host] += 1
                        running[pool.submit(run, job)] = (host, job)
                        started = True

        fill()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                host, job = running.pop(future)
                busy[host] -= 1
                if isinstance(job, Target):
                    results[job.key] = future.result()  # type: ignore[assignment]
                    if on_checked:
                        on_checked(job.key, results[job.key][0])
            fill()
    return results


def plan_by_host(targets: Sequence[Target]) -> dict[str, deque[Target | _ProbeJob]]:
    """Host -> its jobs in document order, each directory's soft-404 probe just before its first URL.
    A probe whose URL turns out dead was not needed; it costs one request, and saves a round on every live one."""
    queues: dict[str, deque[Target | _ProbeJob]] = defaultdict(deque)
    probed: set[str] = set()
    for target in targets:
        parts = urlsplit(target.key)
        queue = queues[parts.netloc.lower()]
        if parts.scheme in ("http", "https") and not _is_root(target.key):
            directory = sibling_probe_url(target.key)
            if directory not in probed:
                probed.add(directory)
                queue.append(_ProbeJob(target.key))
        queue.append(target)
    return dict(queues)


def check_url(url: str, alternates: Sequence[str], fetch: Fetch, prober: _Prober | None = None, *,
              head_first: bool = True) -> tuple[CheckResult, str | None]:
    """The status of one URL; alternate readings are tried when it is dead."""
    prober = prober or _Prober(fetch)
    result, error = _check_one(url, fetch, prober, head_first)
    if result.status.is_dead or result.status is UrlStatus.MALFORMED:
        for alternate in alternates:
            other, other_error = _check_one(alternate, fetch, prober, head_first)
            if other.status.is_alive:
                return other, other_error
    return result, error


def _check_one(url: str, fetch: Fetch, prober: _Prober, head_first: bool = True) -> tuple[CheckResult, str | None]:
    scheme = urlsplit(url).scheme
    if scheme not in ("http", "https"):
        return CheckResult(UrlStatus.BLOCKED, reason=f"{scheme}:// links are not fetched", checked_url=url), None
    answer = fetch.head(url) if head_first else fetch.get(url)
    if head_first and (not answer.ok or _challenged(answer)) and answer.error != "budget":
        again = fetch.get(url)  # HEAD is refused or misanswered by many servers: GET decides
        if again.error != "budget" or answer.status is not None:
            answer = again  # ... unless the budget ran out first: then a HEAD time-out says more than "gave up"
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
        probe = self.probe(answer.final_url or url)
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

    def probe(self, url: str) -> Answer | None:
        """The answer for a surely-missing sibling of `url` (None: no verdict); asked once per directory.
        Waiting for another thread's probe counts against this thread's budget."""
        probe_url = sibling_probe_url(url)
        with self._lock:
            lock = self._locks.setdefault(probe_url, threading.Lock())
        remaining = self._fetch.remaining()
        if not lock.acquire(timeout=-1.0 if remaining is None else max(0.0, remaining)):
            return None
        try:
            if probe_url not in self._probes:
                answer = self._fetch.head(probe_url)
                if answer.ok or answer.status not in (404, 410):
                    answer = self._fetch.get(probe_url)
                self._probes[probe_url] = answer if answer.status is not None else None
            return self._probes[probe_url]
        finally:
            lock.release()


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
