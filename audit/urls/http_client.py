"""All network access of the URL stage: sessions, the SQLite answer cache, per-host limits, the archive rate
limit, retries, and each URL's time budget.

The only module that imports requests / requests_cache. Callers get frozen `Answer`s, never exceptions.
Verdicts (what the answers decided) are kept apart, in verdicts.py, so HEAD answers are not cached here.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import random
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import TimeoutSauce  # urllib3's Timeout, as requests exposes it

from audit import __version__
from audit.config import DEFAULT_ARCHIVE_URL, AuditConfig
from audit.urls.limits import RateLimiter, retry_after_seconds
from audit.urls.records import Answer
from audit.urls.verdicts import resolve_cache_file

__all__ = ["Answer", "Fetcher", "archive_rate", "resolve_cache_file"]  # Answer and the cache path live apart:
# a re-run served from the verdict store never imports requests

log = logging.getLogger(__name__)

# Wikimedia-style agent with a contact: some sites block generic python-requests agents.
USER_AGENT = (f"citeaudit/{__version__} (+https://github.com/citeaudit/citeaudit; citeaudit@users.noreply.github.com)"
              f" python-requests/{requests.__version__}")
# Public Wayback CDX: about 60 requests a minute is the reported hard limit; 0.4/s (24/min) is what the
# `wayback` client settled on after being firewalled at higher rates.
PUBLIC_ARCHIVE_RATE = 0.4
PUBLIC_REPLAY_RATE = 1.0  # replays (drift comparisons) of the public archive: at most one a second
MAX_REDIRECTS = 10  # lychee's default; requests' 30 only prolongs loops
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# GET answers worth keeping (capped bodies, for drift and CDX): all but the transient ones, 408/429 and 5xx
# (and time-outs, which have no answer); the verdict store keeps what those decided, for a shorter time.
CACHEABLE_STATUSES = tuple(code for code in range(200, 500) if code not in (408, 429))
READ_CHUNK = 16384
UNREACHABLE_ERRORS = frozenset({"dns", "dns-temporary", "refused", "unreachable", "timeout"})
MIN_ATTEMPT_SECONDS = 0.05  # less time than this left in a URL's budget: no request is worth starting
ARCHIVE_FAILURES_BEFORE_STOP = 3  # one blip is possible; three in a row means the archive is out of reach

SessionFactory = Callable[[], Any]


def archive_rate(config: AuditConfig) -> float | None:
    """Requests per second to the archive: given, else the public default only for the public archive."""
    if config.archive_rate is not None:
        return config.archive_rate if config.archive_rate > 0 else None
    return PUBLIC_ARCHIVE_RATE if config.archive_url.rstrip("/") == DEFAULT_ARCHIVE_URL else None


class Fetcher:
    """Polite, cached HTTP for many threads: one session per thread, per-host and global limits."""

    def __init__(self, config: AuditConfig, *, session_factory: SessionFactory | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._config = config
        self._factory = session_factory or requests.Session
        self._local = threading.local()
        self._sessions: list[Any] = []
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._global = threading.BoundedSemaphore(max(1, config.max_concurrency))
        self._sleep = sleep
        rate = archive_rate(config)
        self.archive_limiter = RateLimiter(rate, sleep=sleep) if rate else None
        self.replay_limiter = RateLimiter(PUBLIC_REPLAY_RATE, sleep=sleep) if rate else None
        self.archive_host = urlsplit(config.archive_url).netloc.lower()
        self.network_seen = threading.Event()  # set on the first HTTP answer: the network works
        self.archive_stopped = threading.Event()  # set when the archive's 429s outlast our patience
        self._archive_429_since: float | None = None
        self._archive_failures = 0  # consecutive connection-level failures
        self._cache_file = resolve_cache_file(config) if session_factory is None else None
        self._backend: Any = None  # opened by the first GET that needs it (a run of HEADs never does)
        self._backend_lock = threading.Lock()
        self._fresh_keys: set[str] = set()  # GETs cached by this run: served again even with --refresh

    def _answer_cache(self) -> Any:
        """The SQLite cache of capped GET answers, or None when there is none or it cannot be opened."""
        with self._backend_lock:
            if self._backend is None and self._cache_file is not None:
                try:
                    self._cache_file.parent.mkdir(parents=True, exist_ok=True)
                    import requests_cache  # only when an answer is cached: a run of HEADs never imports it

                    self._backend = requests_cache.SQLiteCache(str(self._cache_file), wal=True, busy_timeout=30_000)
                except (OSError, sqlite3.Error) as exc:  # a read-only home must not stop the audit
                    log.warning("HTTP cache %s unusable (%s); checking without a cache", self._cache_file, exc)
                    self._cache_file = None
            return self._backend

    # -- sessions --------------------------------------------------------------------------------

    def _thread_session(self) -> Any:
        """This thread's session (requests does not promise thread safety). HEADs are not cached: the verdict
        store keeps what they decided, and caching each answer cost more CPU than the whole check. GET bodies
        are cached here, capped (see _get), on one shared SQLite backend whose lock serialises writers."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._prepared(self._factory())
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    @staticmethod
    def _prepared(session: Any) -> Any:
        session.headers["User-Agent"] = USER_AGENT
        session.max_redirects = MAX_REDIRECTS
        return session

    def close(self) -> None:
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()

    @contextmanager
    def budget(self, seconds: float | None) -> Iterator[None]:
        """Every request this thread makes inside the block shares one deadline (--url-timeout): time-outs,
        retries, back-off and waits for a host's slot together, so one slow host cannot hold a URL for a minute."""
        previous = getattr(self._local, "deadline", None)
        self._local.deadline = time.monotonic() + seconds if seconds and seconds > 0 else None
        try:
            yield
        finally:
            self._local.deadline = previous

    def remaining(self) -> float | None:
        """Seconds left in this thread's budget; None when unbounded."""
        deadline = getattr(self._local, "deadline", None)
        return None if deadline is None else deadline - time.monotonic()

    def _semaphore_wait(self) -> float | None:
        """A semaphore's time-out for what is left of the budget: None waits as long as it takes (unlike a
        Lock, a Semaphore gives up at once on -1)."""
        remaining = self.remaining()
        return None if remaining is None else max(0.0, remaining)

    @contextmanager
    def _slot(self, url: str) -> Iterator[bool]:
        """Hold one of the host's slots and one global slot; yields False when the budget ran out waiting."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            limit = self._hosts.setdefault(host, threading.BoundedSemaphore(max(1, self._config.host_concurrency)))
        if not limit.acquire(timeout=self._semaphore_wait()):
            yield False
            return
        try:
            if not self._global.acquire(timeout=self._semaphore_wait()):
                yield False
                return
            try:
                yield True
            finally:
                self._global.release()
        finally:
            limit.release()

    # -- requests --------------------------------------------------------------------------------

    def head(self, url: str) -> Answer:
        """One HEAD, no retries: any answer but 2xx is re-asked with GET, which retries."""
        return self._with_retries("HEAD", url, retries=0)

    def get(self, url: str, *, max_bytes: int | None = None) -> Answer:
        return self._with_retries("GET", url, max_bytes=max_bytes or self._config.max_body_bytes)

    def get_archive(self, url: str, params: Mapping[str, str]) -> Answer:
        """A rate-limited archive API call. A 429 pauses every archive call; 429s that persist longer than
        `retry_after_max` stop all further archive calls (ignoring them gets an IP firewalled for hours)."""
        if self.archive_stopped.is_set():
            return Answer(url, error="archive-stopped")
        answer = self._with_retries("GET", url, params=params, archive=True, max_bytes=4 * 1024 * 1024)
        self._note_archive_answer(answer)
        return answer

    def _note_archive_answer(self, answer: Answer) -> None:
        """Stop asking the archive after persistent 429s or a run of connection failures: without this, a
        machine with no route to the archive would wait out the rate limit for every remaining URL."""
        with self._lock:
            if answer.error in UNREACHABLE_ERRORS:
                self._archive_failures += 1
                if self._archive_failures >= ARCHIVE_FAILURES_BEFORE_STOP and not self.archive_stopped.is_set():
                    log.warning("the web archive cannot be reached (%s); no more archive lookups", answer.error)
                    self.archive_stopped.set()
                return
            self._archive_failures = 0
            if answer.status == 429:
                if self._archive_429_since is None:
                    self._archive_429_since = time.monotonic()
                elif time.monotonic() - self._archive_429_since > self._config.retry_after_max:
                    if not self.archive_stopped.is_set():
                        log.warning("the web archive keeps refusing requests (HTTP 429); no more archive lookups")
                    self.archive_stopped.set()
            elif answer.status is not None and answer.status < 500:
                self._archive_429_since = None  # a real answer: the archive serves us again

    def get_replay(self, url: str, *, follow: bool = True) -> Answer:
        """An archived page, paced like the public archive wants replays paced. follow=False shows where a
        TimeGate redirects (its Location names the nearest capture); such answers are not cached."""
        if self.archive_stopped.is_set() or (self.replay_limiter
                                             and not self.replay_limiter.acquire(self.archive_stopped)):
            return Answer(url, error="archive-stopped")
        answer = self.get(url) if follow else self._with_retries("GET", url, retries=0, max_bytes=1024, follow=False)
        self._note_archive_answer(answer)
        return answer

    def _with_retries(self, method: str, url: str, *, params: Mapping[str, str] | None = None,
                      retries: int | None = None, archive: bool = False, max_bytes: int = 0,
                      follow: bool = True) -> Answer:
        answer = Answer(url, error="other")
        retries = self._config.max_retries if retries is None else retries
        for attempt in range(retries + 1):
            remaining = self.remaining()
            if remaining is not None and remaining < MIN_ATTEMPT_SECONDS:
                return answer if attempt else Answer(url, error="budget")
            if archive and self.archive_limiter and not self.archive_limiter.acquire(self.archive_stopped):
                return Answer(url, error="archive-stopped")
            answer = self._once(method, url, params=params, max_bytes=max_bytes, follow=follow)
            retryable = answer.status in RETRY_STATUSES or answer.error == "timeout"
            if not retryable or attempt == retries:
                break
            wait = retry_after_seconds(answer.header("retry-after")) if answer.status in (429, 503) else None
            if wait is None and archive and answer.status == 429:
                wait = self._config.retry_after_max  # the archive's 429 without Retry-After: pause everyone
            if wait is None:
                wait = self._config.retry_backoff * (2 ** attempt) * (1 + random.random() / 4)
            elif wait > self._config.retry_after_max:
                log.info("%s asks to wait %.0f s; not waiting that long", url, wait)
                break
            remaining = self.remaining()
            if remaining is not None and wait + MIN_ATTEMPT_SECONDS >= remaining:
                break  # no time left in this URL's budget for another try: the last answer stands
            if archive and self.archive_limiter and answer.status == 429:
                self.archive_limiter.pause(wait)
            self._sleep(wait)
        return answer

    def _once(self, method: str, url: str, *, params: Mapping[str, str] | None, max_bytes: int,
              follow: bool = True) -> Answer:
        session = self._thread_session()
        try:
            with self._slot(url) as free:
                timeout = self._timeouts()
                if not free or timeout is None:
                    return Answer(url, error="budget")
                if method == "HEAD":
                    response = session.request("HEAD", url, params=params, timeout=timeout, allow_redirects=True)
                    return self._answer(url, response, b"")
                return self._get(session, url, params, timeout, max_bytes, follow)
        except requests.exceptions.TooManyRedirects as exc:
            return Answer(url, error="redirect-loop", detail=str(exc)[:200])
        except requests.exceptions.SSLError as exc:
            return Answer(url, error="tls", detail=str(exc)[:200])
        except (requests.exceptions.Timeout, TimeoutError) as exc:
            return Answer(url, error="timeout", detail=str(exc)[:200])
        except requests.exceptions.ConnectionError as exc:
            return Answer(url, error=classify_connection_error(exc), detail=str(exc)[:200])
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema, UnicodeError, ValueError) as exc:
            return Answer(url, error="invalid", detail=str(exc)[:200])
        except requests.exceptions.RequestException as exc:
            return Answer(url, error="other", detail=str(exc)[:200])

    def _timeouts(self) -> Any:
        """The request's time-outs: (connect, read), or within a budget urllib3's Timeout whose `total` caps
        connect and wait for the answer together at what is left; None when nothing is left."""
        remaining = self.remaining()
        if remaining is None:
            return self._config.connect_timeout, self._config.read_timeout
        if remaining < MIN_ATTEMPT_SECONDS:
            return None
        return TimeoutSauce(connect=min(self._config.connect_timeout, remaining),
                            read=min(self._config.read_timeout, remaining), total=remaining)

    def _get(self, session: Any, url: str, params: Mapping[str, str] | None, timeout: Any,
             max_bytes: int, follow: bool = True) -> Answer:
        """GET at most `max_bytes` of the body; the truncated answer is what the cache keeps."""
        cache = self._answer_cache() if follow else None  # the cache key does not say whether redirects were followed
        key = None
        if cache is not None:
            key = exact_cache_key(session.prepare_request(requests.Request("GET", url, params=params)))
            if not self._config.refresh or key in self._fresh_keys:
                cached = cache.get_response(key)
                if cached is not None and not cached.is_expired:
                    return self._answer(url, cached, cached.content or b"", from_cache=True)
        response = session.request("GET", url, params=params, timeout=timeout, stream=True,
                                   allow_redirects=follow)
        body = bytearray()
        remaining = self.remaining()
        allowed = 2 * self._config.read_timeout if remaining is None else min(2 * self._config.read_timeout, remaining)
        deadline = time.monotonic() + allowed  # the read time-out bounds each socket read, not the download
        try:
            for chunk in response.iter_content(READ_CHUNK):
                body += chunk
                if len(body) >= max_bytes or time.monotonic() > deadline:
                    break
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError,
                requests.exceptions.ConnectionError) as exc:
            response.close()
            return Answer(url, status=response.status_code, final_url=response.url, error="reset",
                          detail=str(exc)[:200])
        finally:
            response.close()
        payload = bytes(body[:max_bytes])
        if cache is not None and response.status_code in CACHEABLE_STATUSES:
            response._content = payload  # what the cache stores: the capped body, never a whole download
            expires = datetime.now(UTC) + timedelta(days=self._config.cache_expiry_days)
            try:
                cache.save_response(response, cache_key=key, expires=expires)
                self._fresh_keys.add(key)
            except Exception as exc:  # noqa: BLE001 - a cache write failure must not fail the check
                log.warning("could not cache %s: %s", url, exc)
        return self._answer(url, response, payload)

    def _answer(self, url: str, response: Any, body: bytes, *, from_cache: bool = False) -> Answer:
        self.network_seen.set()
        history = list(getattr(response, "history", []) or [])
        return Answer(url, status=response.status_code, final_url=str(response.url),
                      redirects=tuple(r.status_code for r in history), hops=tuple(str(r.url) for r in history),
                      headers={k.lower(): v for k, v in response.headers.items()}, body=body,
                      from_cache=from_cache or bool(getattr(response, "from_cache", False)))


def exact_cache_key(request: Any, **_: Any) -> str:
    """Method + URL exactly as sent. requests-cache's own key normalises URLs (it folds '//' into '/'),
    which would answer the collapsed-slash reading of a damaged URL with the original's cached 404."""
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    return hashlib.sha256(f"{request.method} {request.url} ".encode() + body).hexdigest()[:32]


def classify_connection_error(exc: BaseException) -> str:
    """dns | dns-temporary | refused | unreachable | reset | other, from the exception's cause chain."""
    seen: set[int] = set()
    current: BaseException | None = exc
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, socket.gaierror):
            return "dns-temporary" if current.errno == socket.EAI_AGAIN else "dns"
        if isinstance(current, ConnectionRefusedError):
            return "refused"
        if isinstance(current, ConnectionResetError):
            return "reset"
        if isinstance(current, OSError) and current.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "unreachable"
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        for attr in ("reason", "__cause__", "__context__"):
            nested = getattr(current, attr, None)
            if isinstance(nested, BaseException):
                stack.append(nested)
    text = str(exc)
    if "Name or service not known" in text or "NameResolutionError" in text or "nodename nor servname" in text:
        return "dns"
    if "Connection refused" in text:
        return "refused"
    return "other"
