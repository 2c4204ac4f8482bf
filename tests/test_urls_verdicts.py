"""Re-runs served from the verdict store (issue 18): no request within the expiry, inconclusive verdicts kept
for a short time only, the soft-404 probe's outcome kept with the page."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from audit.config import AuditConfig, load_config
from audit.findings import Location
from audit.urls import UrlSite, UrlStatus, audit_urls
from audit.urls.records import ArchiveResult, ArchiveStatus, CheckResult
from audit.urls.verdicts import VerdictStore
from tests.url_fakes import fast_config, loopback_only, threaded_httpserver  # noqa: F401  (autouse guard)

NOT_FOUND_PAGE = "<html><head><title>Page not found</title></head><body>Sorry.</body></html>"
ARTICLE = "<html><head><title>Routes</title></head><body>" + "A long article on drug routes. " * 40 + "</body>"


def trial_site(server: HTTPServer) -> list[str]:
    """A live page, a soft 404 (any path under /soft/ shows an error page), a 503, a 429 and a page too slow
    for the read time-out; anything else is an honest 404."""
    def slow(request: Request) -> Response:
        time.sleep(0.4)
        return Response("late")

    server.expect_request("/live.html").respond_with_data(ARTICLE, content_type="text/html")
    server.expect_request(re.compile(r"^/soft/.*$")).respond_with_data(NOT_FOUND_PAGE, content_type="text/html")
    server.expect_request("/busy").respond_with_data("", status=503)
    server.expect_request("/limited").respond_with_data("", status=429)
    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request(re.compile(r"^/.*$")).respond_with_data("no", status=404)
    return [server.url_for(p) for p in ("/live.html", "/soft/report.html", "/busy", "/limited", "/slow", "/gone")]


@pytest.fixture
def site() -> Iterator[HTTPServer]:
    with threaded_httpserver() as server:
        yield server


def run(config: AuditConfig, urls: list[str]):
    sites = [UrlSite(f"See {u} for details.", Location.note(i + 1, i + 1)) for i, u in enumerate(urls)]
    return audit_urls(sites, config)


EXPECTED = [UrlStatus.ALIVE, UrlStatus.SOFT_404, UrlStatus.BLOCKED, UrlStatus.BLOCKED, UrlStatus.BLOCKED,
            UrlStatus.DEAD]


def test_rerun_within_the_hour_asks_nothing_even_for_inconclusive_answers(site: HTTPServer, tmp_path) -> None:
    httpserver = site
    urls = trial_site(httpserver)
    config = fast_config(tmp_path, read_timeout=0.2, max_retries=1)
    first = run(config, urls)
    asked = len(httpserver.log)
    assert [r.status for r in first.records] == EXPECTED
    started = time.monotonic()
    again = run(config, urls)
    assert len(httpserver.log) == asked  # time-out, 503, 429, soft-404 probe: nothing asked again
    assert time.monotonic() - started < 1.0  # no retries, no back-off, no time-outs waited out
    assert [(r.status, r.http_status, r.reason) for r in again.records] == \
        [(r.status, r.http_status, r.reason) for r in first.records]
    run(fast_config(tmp_path, read_timeout=0.2, max_retries=1, refresh=True), urls)
    assert len(httpserver.log) > asked  # --refresh asks again


def test_inconclusive_verdicts_expire_and_conclusive_ones_stay(site: HTTPServer, tmp_path) -> None:
    """With no time for inconclusive verdicts, only the live page, the soft 404 and the dead page are reused."""
    httpserver = site
    urls = trial_site(httpserver)
    config = fast_config(tmp_path, read_timeout=0.2, max_retries=0, inconclusive_expiry_hours=0)
    run(config, urls)
    before = len(httpserver.log)
    again = run(config, urls)
    asked_again = {request.path for request, _ in httpserver.log[before:]}
    probes = {path for path in asked_again if re.fullmatch(r"/[a-z]{25}", path)}
    assert asked_again - probes == {"/busy", "/limited", "/slow"}
    assert len(probes) == 1  # their directory's soft-404 probe, asked beside them
    assert [r.status for r in again.records] == EXPECTED


def test_store_keeps_inconclusive_verdicts_one_hour_and_others_a_week(tmp_path) -> None:
    now = [1_000_000.0]
    store = VerdictStore(tmp_path / "c.sqlite", AuditConfig(), clock=lambda: now[0])
    alive = CheckResult(UrlStatus.ALIVE, 200, "http://x.org/a", "", "http://x.org/a", "text/html")
    timed_out = CheckResult(UrlStatus.BLOCKED, None, None, "timed out", "http://x.org/b")
    busy_dead = CheckResult(UrlStatus.DEAD, 502, None, "HTTP 502 after retries", "http://x.org/c")
    unreachable = ArchiveResult(ArchiveStatus.ARCHIVE_UNREACHABLE)
    store.save([("http://x.org/a", (), (alive, None)), ("http://x.org/b", (), (timed_out, "timeout")),
                ("http://x.org/c", (), (busy_dead, None))],
               [("http://x.org/a", "2011", (ArchiveResult(ArchiveStatus.NOT_ARCHIVED), None)),
                ("http://x.org/b", "2011", (unreachable, None))], "http://archive")
    wanted = {"http://x.org/a": (), "http://x.org/b": (), "http://x.org/c": ()}
    lookups = {"http://x.org/a": ("http://x.org/a", "2011"), "http://x.org/b": ("http://x.org/b", "2011")}
    now[0] += 59 * 60
    assert set(store.checks(wanted)) == set(wanted) and set(store.archives(lookups, "http://archive")) == set(lookups)
    now[0] += 2 * 60
    assert set(store.checks(wanted)) == {"http://x.org/a"}
    assert set(store.archives(lookups, "http://archive")) == {"http://x.org/a"}
    assert store.checks({"http://x.org/a": ("http://x.org/a2",)}) == {}  # other readings: another question
    now[0] += 7 * 86400
    assert store.checks(wanted) == {}


def test_inconclusive_expiry_and_url_timeout_are_options_and_environment_variables() -> None:
    from click.testing import CliRunner

    from cli import cli

    config = load_config(environ={"CITEAUDIT_INCONCLUSIVE_EXPIRY": "0.5", "CITEAUDIT_URL_TIMEOUT": "7"})
    assert (config.inconclusive_expiry_hours, config.url_timeout) == (0.5, 7.0)
    assert (AuditConfig().inconclusive_expiry_hours, AuditConfig().url_timeout) == (1.0, 20.0)
    help_text = CliRunner().invoke(cli, ["urls", "--help"]).output
    assert "--inconclusive-expiry" in help_text and "--url-timeout" in help_text
