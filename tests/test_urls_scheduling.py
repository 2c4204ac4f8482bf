"""Scheduling of the URL stage (issue 18): archive lookups and soft-404 probes run beside the live checks, one
URL's time is bounded, and one slow host never holds up the others. Loopback fakes only; orderings are
observed by the fakes themselves (a handler waits for an event), so the tests do not race the clock."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from audit.findings import Location
from audit.urls import UrlSite, UrlStatus, audit_urls
from audit.urls.check import Target, check_urls
from audit.urls.http_client import Fetcher
from tests.url_fakes import cdx_handler, fast_config, loopback_only, threaded_httpserver  # noqa: F401

ARTICLE = "<html><head><title>Routes</title></head><body>" + "A long article on drug routes. " * 40 + "</body>"
PROBE = re.compile(r"^/(?:.*/)?[a-z]{25}$")  # the soft-404 probe: a sibling named by 25 letters


@pytest.fixture
def site() -> Iterator[HTTPServer]:
    with threaded_httpserver() as server:
        yield server


@pytest.fixture
def other_site() -> Iterator[HTTPServer]:
    with threaded_httpserver() as server:
        yield server


def waiting_page(event: threading.Event, seen: list[bool]) -> object:
    """A page that answers once `event` is set (or after 3 s), noting whether it was set by then."""
    def handle(request: Request) -> Response:
        seen.append(event.wait(3.0))
        return Response(ARTICLE, content_type="text/html")
    return handle


def test_archive_lookups_start_while_the_live_checks_are_still_running(site: HTTPServer, other_site: HTTPServer,
                                                                       tmp_path) -> None:
    archive_asked, seen = threading.Event(), []
    cdx = cdx_handler([])

    def lookup(request: Request) -> Response:
        archive_asked.set()
        return cdx(request)

    other_site.expect_request("/cdx/search/cdx").respond_with_handler(lookup)
    site.expect_request(PROBE).respond_with_data("no", status=404)
    site.expect_request(re.compile(r"^/docs/.*$")).respond_with_handler(waiting_page(archive_asked, seen))
    urls = [site.url_for(f"/docs/page{i}.html") for i in range(3)]
    config = fast_config(tmp_path, no_archive=False, archive_url=other_site.url_for("").rstrip("/"))
    result = audit_urls([UrlSite(f"Report, retrieved 7 September 2011, {u}", Location.entry(i + 1, i + 1))
                         for i, u in enumerate(urls)], config)
    assert seen and all(seen)  # every live answer came after the archive had been asked
    assert {r.status for r in result.records} == {UrlStatus.ALIVE}
    assert {r.archive.status.value for r in result.records} == {"NOT_ARCHIVED"}


def test_soft_404_probe_is_asked_beside_the_first_check_of_its_directory(site: HTTPServer, tmp_path) -> None:
    probed, seen = threading.Event(), []

    def probe(request: Request) -> Response:
        probed.set()
        return Response("no", status=404)

    site.expect_request(PROBE).respond_with_handler(probe)
    site.expect_request("/docs/report.html").respond_with_handler(waiting_page(probed, seen))
    url = site.url_for("/docs/report.html")
    result = audit_urls([UrlSite(f"See {url}", Location.note(1, 1))], fast_config(tmp_path))
    assert seen and all(seen)  # the page was answered only after the probe had been asked
    assert result.records[0].status is UrlStatus.ALIVE


def test_a_slow_host_is_bounded_per_url_and_holds_up_no_other_host(site: HTTPServer, other_site: HTTPServer,
                                                                   tmp_path) -> None:
    """The slow host answers after 3 s; with a 1 s budget per URL (time-outs, retries and back-off together)
    each of its URLs gives up after about a second, and the fast host's URLs are all done meanwhile, though
    there are only two workers and the slow host's URLs come first."""
    def slow(request: Request) -> Response:
        time.sleep(3.0)
        return Response(ARTICLE, content_type="text/html")

    site.expect_request(PROBE).respond_with_data("no", status=404)
    site.expect_request(re.compile(r"^/slow/.*$")).respond_with_handler(slow)
    other_site.expect_request(PROBE).respond_with_data("no", status=404)
    other_site.expect_request(re.compile(r"^/fast/.*$")).respond_with_data(ARTICLE, content_type="text/html")
    slow_urls = [site.url_for(f"/slow/p{i}.html") for i in range(2)]
    fast_urls = [other_site.url_for(f"/fast/p{i}.html") for i in range(3)]
    config = fast_config(tmp_path, read_timeout=2.0, max_retries=2, retry_backoff=0.5, url_timeout=1.0,
                         host_concurrency=1, max_concurrency=2)
    finished: list[tuple[str, float]] = []
    fetcher = Fetcher(config)
    started = time.monotonic()
    try:
        results = check_urls([Target(u) for u in slow_urls + fast_urls], fetcher, workers=2, host_concurrency=1,
                             url_timeout=config.url_timeout,
                             on_checked=lambda key, _: finished.append((key, time.monotonic() - started)))
    finally:
        fetcher.close()
    order = [key for key, _ in finished]
    assert set(order[:3]) == set(fast_urls)  # the fast host was not made to wait for the slow one
    assert {results[u][0].status for u in fast_urls} == {UrlStatus.ALIVE}
    for url in slow_urls:
        assert results[url][0].status is UrlStatus.BLOCKED and "timed out" in results[url][0].reason
    # Unbounded, each slow URL would take HEAD 2 s + three GETs of 2 s + back-off, one after the other: ~19 s.
    assert finished[-1][1] < 6.0
    slow_asks = [request.path for request, _ in site.log if request.path.startswith("/slow/")]
    assert len(slow_asks) <= 2 * len(slow_urls)  # no retry fits in the budget


def test_requests_beyond_a_hosts_slots_wait_for_one_when_no_budget_is_set(site: HTTPServer, tmp_path) -> None:
    """Archive lookups run without a budget: with more of them than the host's slots, the rest must wait for a
    slot, not give up (a Semaphore given a -1 time-out gives up at once)."""
    def slow(request: Request) -> Response:
        time.sleep(0.1)
        return Response("[]", content_type="application/json")

    site.expect_request("/cdx").respond_with_handler(slow)
    fetcher = Fetcher(fast_config(tmp_path, host_concurrency=1))
    answers: list[object] = []
    try:
        threads = [threading.Thread(target=lambda: answers.append(fetcher.get(site.url_for("/cdx")))) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        fetcher.close()
    assert [getattr(a, "status", None) for a in answers] == [200] * 4
