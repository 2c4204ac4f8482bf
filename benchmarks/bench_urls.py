"""URL stage speed: 200 URLs over 10 loopback hosts, each answering after 0.25 s; target under 6 s end to end.

Run: .venv/bin/python -m benchmarks.bench_urls   (prints the figures; touches loopback only)
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from audit.config import AuditConfig
from audit.findings import Location
from audit.urls import UrlSite, UrlStatus, audit_urls

HOSTS = [f"127.0.0.{i}" for i in range(2, 12)]  # 10 hosts; all of 127/8 is loopback on Linux
URLS_PER_HOST = 20
DELAY = 0.25
TARGET_SECONDS = 6.0


class _SlowSite(BaseHTTPRequestHandler):
    """A cited site: pages under /docs/ exist, anything else is an honest 404; every answer takes 0.25 s."""

    def _answer(self, body: bool) -> None:
        time.sleep(DELAY)
        ok = self.path.startswith("/docs/page")
        payload = b"<html><title>Report</title><body>Text of the report.</body></html>" if ok else b"missing"
        self.send_response(200 if ok else 404)
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
    """An instant CDX stand-in: one capture per URL, on 2011-09-05."""

    def do_GET(self) -> None:  # noqa: N802
        from urllib.parse import parse_qs, urlsplit

        url = parse_qs(urlsplit(self.path).query).get("url", [""])[0]
        payload = json.dumps([["timestamp", "original", "statuscode", "digest"],
                              ["20110905093000", url, "200", "X"]]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


@contextmanager
def serving(host: str, handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = _Server((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run_benchmark(with_archive: bool) -> tuple[float, int, list[str]]:
    from contextlib import ExitStack

    with ExitStack() as stack, tempfile.TemporaryDirectory() as cache:
        bases = [stack.enter_context(serving(h, _SlowSite)) for h in HOSTS]
        archive = stack.enter_context(serving("127.0.0.12", _Archive))
        urls = [f"{base}/docs/page{i}.html" for base in bases for i in range(URLS_PER_HOST)]
        sites = [UrlSite(f"Report, retrieved on 7 September 2011, {u}", Location.entry(i + 1, i + 1))
                 for i, u in enumerate(urls)]
        config = AuditConfig(cache=cache, no_archive=not with_archive, archive_url=archive)
        started = time.perf_counter()
        result = audit_urls(sites, config)
        elapsed = time.perf_counter() - started
        alive = sum(r.status is UrlStatus.ALIVE for r in result.records)
        return elapsed, alive, urls


def time_linkchecker(binary: str) -> tuple[float, str]:
    """The same 200 URLs through LinkChecker (installed in a separate venv), for comparison."""
    from contextlib import ExitStack

    with ExitStack() as stack, tempfile.TemporaryDirectory() as work:
        bases = [stack.enter_context(serving(h, _SlowSite)) for h in HOSTS]
        urls = [f"{base}/docs/page{i}.html" for base in bases for i in range(URLS_PER_HOST)]
        page = os.path.join(work, "links.html")
        with open(page, "w", encoding="utf-8") as out:
            out.write("<html><body>" + "".join(f'<a href="{u}">{i}</a>' for i, u in enumerate(urls)) + "</body>")
        os.chmod(work, 0o755)
        os.chmod(page, 0o644)
        started = time.perf_counter()
        done = subprocess.run([binary, "--check-extern", "--no-status", "--threads", "32", "-r", "1", page],
                              capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        summary = [line for line in done.stdout.splitlines() if "links in" in line or "checked" in line.lower()]
        return elapsed, (summary[-1] if summary else f"exit {done.returncode}")


def main() -> None:
    for with_archive in (False, True):
        elapsed, alive, urls = run_benchmark(with_archive)
        label = "with fake archive" if with_archive else "archive off"
        verdict = "OK" if elapsed < TARGET_SECONDS else "TOO SLOW"
        print(f"bench_urls ({label}): {len(urls)} URLs on {len(HOSTS)} hosts, {DELAY} s per answer: "
              f"{elapsed:.2f} s, {alive} alive (target < {TARGET_SECONDS:.0f} s: {verdict})")
    # Optional comparison: LINKCHECKER=/tmp/lcvenv/bin/linkchecker (never install it into the project's venv).
    if binary := os.environ.get("LINKCHECKER"):
        elapsed, summary = time_linkchecker(binary)
        print(f"linkchecker on the same {len(HOSTS) * URLS_PER_HOST} URLs: {elapsed:.2f} s ({summary})")


if __name__ == "__main__":
    main()
