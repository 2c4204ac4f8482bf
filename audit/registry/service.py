"""Polite JSON GETs to the registries, on the URL stage's Fetcher (its session, SQLite cache and expiry).

Each service has a gate: a concurrency limit, a rate limit, a shared pause after 429/503 (one thread's
Retry-After holds back every thread of that service), and a breaker that stops asking a service that
fails to connect several times running, so an unreachable registry costs seconds, not a time-out per work.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Literal

from audit.config import AuditConfig
from audit.urls.check import NO_NETWORK_ERRORS
from audit.urls.http_client import UNREACHABLE_ERRORS, Answer, Fetcher
from audit.urls.limits import RateLimiter, retry_after_seconds

log = logging.getLogger(__name__)

MAX_JSON_BYTES = 4 * 1024 * 1024  # a Crossref page of 5 works with their reference lists stays far below
FAILURES_BEFORE_STOP = 3  # one lost connection can happen; three in a row means the service is out of reach
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
UNLIMITED_RATE = 1e6  # requests per second standing for "no rate limit" (mirrors, local test servers)


@dataclass(frozen=True, slots=True)
class ServiceLimits:
    rate: float | None  # requests per second; None: no limit
    concurrency: int  # requests in flight at once


@dataclass(frozen=True, slots=True)
class Reply:
    outcome: Literal["ok", "not-found", "unreachable"]
    data: Any = None
    detail: str = ""
    from_cache: bool = False


class _Gate:
    def __init__(self, name: str, limits: ServiceLimits) -> None:
        self.name = name
        self.slots = threading.BoundedSemaphore(max(1, limits.concurrency))
        self.limiter = RateLimiter(limits.rate or UNLIMITED_RATE)
        self.down = threading.Event()
        self._failures = 0
        self._lock = threading.Lock()

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self.slots:
            self.limiter.acquire(self.down)
            yield

    def answered(self) -> None:
        with self._lock:
            self._failures = 0

    def failed(self) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= FAILURES_BEFORE_STOP and not self.down.is_set():
                log.warning("%s cannot be reached; no more look-ups there in this run", self.name)
                self.down.set()


class RegistryHttp:
    """JSON look-ups for every registry service of one run; close() when done."""

    def __init__(self, config: AuditConfig, limits: dict[str, ServiceLimits], *,
                 session_factory: Callable[[], Any] | None = None) -> None:
        self._config = config
        most = sum(limit.concurrency for limit in limits.values())
        # Retries are ours (per-service pause); the Fetcher's host limit must not be the tighter one.
        fetch_config = replace(config, max_retries=0, host_concurrency=max(most, 1), max_concurrency=max(most, 1))
        self.fetcher = Fetcher(fetch_config, session_factory=session_factory)
        self._gates = {name: _Gate(name, limit) for name, limit in limits.items()}
        self.requests = 0  # answers that came over the network (not from the cache)
        self.errors: set[str] = set()  # kinds of failure with no HTTP answer (dns, refused, timeout …)
        self._count_lock = threading.Lock()

    def close(self) -> None:
        self.fetcher.close()

    @property
    def network_missing(self) -> bool:
        """Nothing answered and every failure was a missing route or name: this machine is offline."""
        return not self.fetcher.network_seen.is_set() and self.errors <= NO_NETWORK_ERRORS

    def get_json(self, service: str, url: str) -> Reply:
        gate = self._gates[service]
        answer = Answer(url, error="other")
        for attempt in range(self._config.max_retries + 1):
            if gate.down.is_set():
                return Reply("unreachable", detail=f"{service} stopped answering")
            with gate.slot():
                answer = self.fetcher.get(url, max_bytes=MAX_JSON_BYTES)
            if not answer.from_cache and answer.status is not None:
                with self._count_lock:
                    self.requests += 1
            if answer.status is not None:
                gate.answered()
            else:
                self.errors.add(answer.error or "other")
            if answer.status is None and answer.error in UNREACHABLE_ERRORS:
                gate.failed()
                if answer.error != "timeout":  # refused, no route, no such host: asking again will not help
                    break
            retryable = answer.status in RETRY_STATUSES or answer.error == "timeout"
            if not retryable or attempt == self._config.max_retries:
                break
            wait = retry_after_seconds(answer.header("retry-after"))
            if wait is None:
                wait = self._config.retry_backoff * (2 ** attempt) * (1 + random.random() / 4)
            elif wait > self._config.retry_after_max:
                log.info("%s asks to wait %.0f s; not waiting that long", service, wait)
                break
            gate.limiter.pause(wait)  # every thread of this service waits, not only this one
        return _reply(answer)


def _reply(answer: Answer) -> Reply:
    if answer.status == 404:
        return Reply("not-found", from_cache=answer.from_cache)
    if not answer.ok:
        what = f"HTTP {answer.status}" if answer.status is not None else (answer.error or "no answer")
        return Reply("unreachable", detail=what)
    try:
        data = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Reply("unreachable", detail="the answer was not JSON")
    return Reply("ok", data, from_cache=answer.from_cache)
