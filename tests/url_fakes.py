"""Test helpers for the URL stage: a loopback-only network guard, a fake CDX server, quick configs."""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from werkzeug import Request, Response

from audit.config import AuditConfig

_real_connect = socket.socket.connect
_real_getaddrinfo = socket.getaddrinfo


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Refuse any connection or name lookup that is not loopback: tests never reach the internet."""
    def guarded_connect(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):  # type: ignore[index]
            raise ConnectionRefusedError(f"test network guard: {address} is not loopback")
        return _real_connect(self, address)  # type: ignore[arg-type]

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if not _is_loopback(host.decode() if isinstance(host, bytes) else host):
            raise socket.gaierror(socket.EAI_NONAME, f"test network guard: {host!r} is not loopback")
        return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield


def fast_config(tmp_path: object, **overrides: object) -> AuditConfig:
    """Tiny time-outs and back-offs so the suite never really waits; cache in tmp_path."""
    base = AuditConfig(cache=str(tmp_path), connect_timeout=0.5, read_timeout=0.5, retry_backoff=0.01,
                       retry_after_max=0.5, no_archive=True, max_concurrency=8)
    return replace(base, **overrides)  # type: ignore[arg-type]


def cdx_handler(captures: Sequence[tuple[str, str, str]]):
    """A Wayback CDX stand-in honouring from/to, filter=statuscode:200, limit, closest: (timestamp, original,
    statuscode) rows."""
    def handle(request: Request) -> Response:
        args = request.args
        rows = [c for c in captures]
        if "from" in args:
            rows = [c for c in rows if c[0] >= args["from"].ljust(14, "0")]
        if "to" in args:
            rows = [c for c in rows if c[0] <= args["to"].ljust(14, "9")]
        for flt in args.getlist("filter"):
            if flt == "statuscode:200":
                rows = [c for c in rows if c[2] == "200"]
        if "closest" in args:
            target = int(args["closest"])
            rows.sort(key=lambda c: abs(int(c[0]) - target))
        if "limit" in args:
            limit = int(args["limit"])
            rows = rows[:limit] if limit > 0 else rows[limit:]
        body = [["timestamp", "original", "statuscode", "digest"]] + [[t, o, s, "X"] for t, o, s in rows] \
            if rows else []
        return Response(json.dumps(body), content_type="application/json")
    return handle



@contextmanager
def threaded_httpserver() -> Iterator[Any]:
    """pytest-httpserver answering each request in its own thread: a slow page does not hold up the others."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()
