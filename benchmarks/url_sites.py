"""Loopback web sites for the URL benchmarks, served from a separate process (as real sites would be: the
audit's own threads do not share an interpreter with the servers). Every request is counted.

Paths: /docs/page* exist; /soft/* answer 200 with an error page (a soft 404); /slow/* answer after 40 s;
/busy/* say 503; /limited/* say 429; anything else is an honest 404. Every answer takes DELAY seconds.
The archive host answers at once: CDX queries with one capture per URL, on 2011-09-05; replays with the page.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

DELAY = 0.25
SLOW = 40.0  # the trial's slow host
ARTICLE = b"<html><title>Report</title><body>" + b"Text of the report on drug routes. " * 20 + b"</body></html>"
ERROR_PAGE = b"<html><title>Page not found</title><body>Sorry, this page does not exist.</body></html>"

_counter: Any = None  # a multiprocessing.Value set in the server process


class _Site(BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
        with _counter.get_lock():
            _counter.value += 1
        path = self.path
        time.sleep(SLOW if path.startswith("/slow/") else DELAY)
        status, payload = 404, b"missing"
        if path.startswith(("/docs/page", "/soft/")):
            status, payload = 200, ARTICLE if path.startswith("/docs/") else ERROR_PAGE
        elif path.startswith(("/busy/", "/limited/")):
            status = 503 if path.startswith("/busy/") else 429
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the access log
        pass


class _Archive(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        with _counter.get_lock():
            _counter.value += 1
        if self.path.startswith("/web/"):  # a replay: the capture is the page as it is now (no drift)
            payload, kind = ARTICLE, "text/html"
        else:
            url = parse_qs(urlsplit(self.path).query).get("url", [""])[0]
            payload, kind = json.dumps([["timestamp", "original", "statuscode", "digest"],
                                        ["20110905093000", url, "200", "X"]]).encode(), "application/json"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up on the slow host closed its end: nothing to report


def _serve(hosts: Sequence[str], archive_host: str, counter: Any, ready: Any, stop: Any) -> None:
    global _counter
    _counter = counter
    servers = [_Server((host, 0), _Site) for host in hosts] + [_Server((archive_host, 0), _Archive)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ready.put([f"http://{server.server_address[0]}:{server.server_address[1]}" for server in servers])
    stop.wait()


@dataclass
class Sites:
    bases: list[str]  # one per host
    archive: str
    _counter: Any

    @property
    def requests(self) -> int:
        return int(self._counter.value)


@contextmanager
def serving(hosts: Sequence[str], archive_host: str = "127.0.0.99") -> Iterator[Sites]:
    context = multiprocessing.get_context("fork")
    counter, ready, stop = context.Value("i", 0), context.Queue(), context.Event()
    process = context.Process(target=_serve, args=(hosts, archive_host, counter, ready, stop), daemon=True)
    process.start()
    try:
        bases = ready.get(timeout=30)
        yield Sites(bases[:-1], bases[-1], counter)
    finally:
        stop.set()
        process.join(timeout=5)
        if process.is_alive():
            process.terminate()
