"""Live checks against loopback fakes: every status class, retries, limits, cache, offline, no network."""

from __future__ import annotations

import re
import socket
import threading
import time

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from audit.findings import Location
from audit.urls import UrlSite, UrlStatus, audit_urls
from tests.url_fakes import fast_config, loopback_only  # noqa: F401  (autouse guard)

NOT_FOUND_PAGE = "<html><head><title>Page not found</title></head><body>Sorry, nothing here.</body></html>"
ARTICLE = "<html><head><title>Drug routes</title></head><body>" + "A long article on drug routes. " * 40 + "</body>"


def run(config, *urls: str, **kwargs):
    sites = [UrlSite(f"See {u} for details.", Location.note(i + 1, i + 1)) for i, u in enumerate(urls)]
    return audit_urls(sites, config, **kwargs)


def status_of(result, url: str):
    return next(r for r in result.records if r.url == url)


def honest_404(server: HTTPServer) -> None:
    """Unknown paths (the random sibling probe) get a real 404, like an honest server."""
    server.expect_request(re.compile(r"^/.*$")).respond_with_data("no", status=404)


@pytest.mark.parametrize(("setup", "expected", "code"), [
    pytest.param(lambda s: s.expect_request("/p").respond_with_data(ARTICLE, content_type="text/html"),
                 UrlStatus.ALIVE, 200, id="alive"),
    pytest.param(lambda s: (s.expect_request("/p", method="HEAD").respond_with_data("", status=405),
                            s.expect_request("/p", method="GET").respond_with_data(ARTICLE)),
                 UrlStatus.ALIVE, 200, id="head-refused-get-ok"),
    pytest.param(lambda s: s.expect_request("/p").respond_with_data("", status=404), UrlStatus.DEAD, 404, id="404"),
    pytest.param(lambda s: s.expect_request("/p").respond_with_data("", status=410), UrlStatus.DEAD, 410, id="410"),
    pytest.param(lambda s: s.expect_request("/p").respond_with_data("", status=500), UrlStatus.DEAD, 500,
                 id="500-after-retries"),
    pytest.param(lambda s: s.expect_request("/p").respond_with_data("", status=403), UrlStatus.BLOCKED, 403,
                 id="403"),
    pytest.param(lambda s: s.expect_request("/p").respond_with_data("", status=200,
                                                                     headers={"cf-mitigated": "challenge"}),
                 UrlStatus.BLOCKED, 200, id="cloudflare-challenge"),
    pytest.param(lambda s: s.expect_request("/p").respond_with_data("", status=429, headers={"Retry-After": "30"}),
                 UrlStatus.BLOCKED, 429, id="429-long-retry-after"),
    pytest.param(lambda s: s.expect_request("/p").respond_with_data("", status=503), UrlStatus.BLOCKED, 503,
                 id="503-persistent"),
    pytest.param(lambda s: (s.expect_request("/p").respond_with_data("", status=301, headers={"Location": "/new"}),
                            s.expect_request("/new").respond_with_data(ARTICLE)),
                 UrlStatus.REDIRECTED, 200, id="permanent-redirect"),
    pytest.param(lambda s: (s.expect_request("/p").respond_with_data("", status=302, headers={"Location": "/tmp"}),
                            s.expect_request("/tmp").respond_with_data(ARTICLE)),
                 UrlStatus.ALIVE, 200, id="temporary-redirect-is-alive"),
    pytest.param(lambda s: (s.expect_request("/p").respond_with_data("", status=301, headers={"Location": "/a"}),
                            s.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"}),
                            s.expect_request("/b").respond_with_data(ARTICLE)),
                 UrlStatus.REDIRECTED, 200, id="redirect-chain"),
    pytest.param(lambda s: (s.expect_request("/p").respond_with_data("", status=301, headers={"Location": "/q"}),
                            s.expect_request("/q").respond_with_data("", status=301, headers={"Location": "/p"})),
                 UrlStatus.BLOCKED, None, id="redirect-loop"),
    pytest.param(lambda s: (s.expect_request("/p").respond_with_data("", status=301, headers={"Location": "/"}),
                            s.expect_request("/").respond_with_data("home")),
                 UrlStatus.MOVED_TO_ROOT, 200, id="redirect-to-root"),
    pytest.param(lambda s: (s.expect_request("/p").respond_with_data("", status=302,
                                                                      headers={"Location": "/errors/404.htm"}),
                            s.expect_request("/errors/404.htm").respond_with_data("oops")),
                 UrlStatus.SOFT_404, 200, id="redirect-to-error-url"),
])
def test_status_classes(httpserver: HTTPServer, tmp_path, setup, expected, code) -> None:
    setup(httpserver)
    honest_404(httpserver)
    url = httpserver.url_for("/p")
    record = status_of(run(fast_config(tmp_path), url), url)
    assert record.status is expected, record.reason
    assert record.http_status == code


def test_json_gives_the_reason_for_a_dead_url(httpserver: HTTPServer, tmp_path) -> None:
    from audit.urls import url_record_to_dict

    httpserver.expect_request("/p").respond_with_data("", status=404)
    honest_404(httpserver)
    url = httpserver.url_for("/p")
    record = status_of(run(fast_config(tmp_path), url), url)
    item = url_record_to_dict(record)
    assert item["status"] == "DEAD" and item["reason"] == record.reason and "404" in item["reason"]
    assert item["repairs"] == []


def test_soft_404_when_random_sibling_also_answers(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request(re.compile(r"^/docs/.*$")).respond_with_data(NOT_FOUND_PAGE, content_type="text/html")
    url = httpserver.url_for("/docs/report.html")
    result = run(fast_config(tmp_path), url)
    assert status_of(result, url).status is UrlStatus.SOFT_404
    assert [f.rule for f in result.findings] == ["url-soft-404"]


def test_page_on_catch_all_host_with_real_content_stays_alive(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/docs/report.html").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request(re.compile(r"^/docs/.*$")).respond_with_data(NOT_FOUND_PAGE, content_type="text/html")
    url = httpserver.url_for("/docs/report.html")
    assert status_of(run(fast_config(tmp_path), url), url).status is UrlStatus.ALIVE


def test_transient_503_then_200_is_alive(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/p", method="HEAD").respond_with_data("", status=405)
    httpserver.expect_oneshot_request("/p", method="GET").respond_with_data("", status=503)
    httpserver.expect_request("/p").respond_with_data(ARTICLE)
    honest_404(httpserver)
    url = httpserver.url_for("/p")
    assert status_of(run(fast_config(tmp_path, retry_after_max=2.0), url), url).status is UrlStatus.ALIVE


def test_429_retry_after_is_honoured(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/p", method="HEAD").respond_with_data("", status=405)
    httpserver.expect_oneshot_request("/p", method="GET").respond_with_data("", status=429,
                                                                            headers={"Retry-After": "1"})
    httpserver.expect_request("/p").respond_with_data(ARTICLE)
    honest_404(httpserver)
    url = httpserver.url_for("/p")
    started = time.monotonic()
    record = status_of(run(fast_config(tmp_path, retry_after_max=2.0), url), url)
    assert record.status is UrlStatus.ALIVE
    assert time.monotonic() - started >= 0.9


def test_slow_page_is_blocked_not_dead(httpserver: HTTPServer, tmp_path) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    url = httpserver.url_for("/slow")
    result = run(fast_config(tmp_path, read_timeout=0.2, max_retries=0), url)
    record = status_of(result, url)
    assert record.status is UrlStatus.BLOCKED
    assert "timed out" in record.reason
    assert [f.rule for f in result.findings] == ["url-blocked"]


def test_connection_refused_is_dead_after_a_recheck(tmp_path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again on exit: nothing listens there
    url = f"http://127.0.0.1:{port}/gone"
    result = run(fast_config(tmp_path), url)
    assert status_of(result, url).status is UrlStatus.DEAD
    assert result.notice is None


@pytest.fixture
def threaded_server():
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def test_per_host_limit_caps_concurrent_requests(threaded_server: HTTPServer, tmp_path) -> None:
    httpserver = threaded_server
    lock, state = threading.Lock(), {"now": 0, "peak": 0}

    def counted(request: Request) -> Response:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return Response("ok" if "page" in request.path else "no", status=200 if "page" in request.path else 404)

    httpserver.expect_request(re.compile(r"^/.*$")).respond_with_handler(counted)
    urls = [httpserver.url_for(f"/d{i}/page{i}") for i in range(24)]
    result = run(fast_config(tmp_path, host_concurrency=3, max_concurrency=16), *urls)
    assert all(r.status is UrlStatus.ALIVE for r in result.records)
    assert state["peak"] == 3


def test_second_run_is_served_from_the_cache(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/p", method="HEAD").respond_with_data("", status=405)
    httpserver.expect_request("/p", method="GET").respond_with_data(ARTICLE)
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    honest_404(httpserver)
    urls = (httpserver.url_for("/p"), httpserver.url_for("/gone"))
    first = run(fast_config(tmp_path), *urls)
    count = len(httpserver.log)
    assert count > 0
    second = run(fast_config(tmp_path), *urls)
    assert len(httpserver.log) == count
    assert [r.status for r in second.records] == [r.status for r in first.records] == [UrlStatus.ALIVE,
                                                                                       UrlStatus.DEAD]
    run(fast_config(tmp_path, refresh=True), *urls)
    assert len(httpserver.log) > count


def test_429_answer_is_never_cached_as_an_answer(httpserver: HTTPServer, tmp_path) -> None:
    """With inconclusive verdicts not kept (expiry 0), nothing of a 429 is reused: the HTTP cache keeps none."""
    httpserver.expect_request("/p").respond_with_data("", status=429)
    url = httpserver.url_for("/p")
    config = fast_config(tmp_path, max_retries=0, inconclusive_expiry_hours=0)
    run(config, url)
    count = len(httpserver.log)
    run(config, url)
    assert len(httpserver.log) == 2 * count


def test_offline_makes_no_request_and_no_session(httpserver: HTTPServer, tmp_path) -> None:
    def no_session():
        raise AssertionError("offline must not create a session")

    url = httpserver.url_for("/p")
    result = run(fast_config(tmp_path, offline=True, no_archive=False, archive_url=httpserver.url_for("")),
                 url, session_factory=no_session)
    assert len(httpserver.log) == 0
    assert status_of(result, url).status is UrlStatus.NOT_CHECKED
    assert status_of(result, url).archive.status.value == "NOT_CHECKED"
    assert result.findings == ()


class _NoNetworkSession(requests.Session):
    def send(self, request, **kwargs):
        raise requests.ConnectionError(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))


def test_no_network_marks_not_checked_with_one_notice(tmp_path) -> None:
    urls = ("http://example.org/a", "http://example.net/b")
    config = fast_config(tmp_path, no_archive=False, archive_url="http://127.0.0.1:9")
    result = run(config, *urls, session_factory=_NoNetworkSession)
    assert result.notice == "No network: URLs were not checked."
    assert {r.status for r in result.records} == {UrlStatus.NOT_CHECKED}
    assert not any(f.rule == "url-dead" for f in result.findings)


def test_progress_callback_counts_every_url(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/a").respond_with_data("x")
    honest_404(httpserver)
    seen: list[tuple[int, int]] = []
    run(fast_config(tmp_path), httpserver.url_for("/a"), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1, 1)


def test_ftp_is_blocked_without_a_request(httpserver: HTTPServer, tmp_path) -> None:
    result = run(fast_config(tmp_path), "ftp://127.0.0.1/pub/file.txt")
    assert result.records[0].status is UrlStatus.BLOCKED
    assert len(httpserver.log) == 0


def test_redirect_to_login_is_blocked(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/paper").respond_with_data("", status=302, headers={"Location": "/login?next=/paper"})
    httpserver.expect_request("/login").respond_with_data("<form>sign in</form>")
    honest_404(httpserver)
    url = httpserver.url_for("/paper")
    assert status_of(run(fast_config(tmp_path), url), url).status is UrlStatus.BLOCKED


def test_each_distinct_url_is_checked_once(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/p").respond_with_data(ARTICLE)
    honest_404(httpserver)
    url = httpserver.url_for("/p")
    shouting = url.replace("http://localhost", "HTTP://LOCALHOST")
    sites = [UrlSite(f"See {url}.", Location.note(1, 10)), UrlSite(f"Again {url}", Location.note(2, 12)),
             UrlSite(f"And {shouting}", Location.entry(1, 40))]
    result = audit_urls(sites, fast_config(tmp_path))
    assert [(r.url, len(r.locations)) for r in result.records] == [(url, 2), (shouting, 1)]
    assert [r.normalised for r in result.records] == [url, url]
    assert sum(1 for request, _ in httpserver.log if request.path == "/p") == 1


def test_retry_after_http_date() -> None:
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    from audit.urls.limits import retry_after_seconds

    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (retry_after_seconds(later) or 0) <= 31
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("soon") is None


def test_no_network_with_archive_off_uses_one_canary(tmp_path) -> None:
    result = run(fast_config(tmp_path), "http://example.org/a", session_factory=_NoNetworkSession)
    assert result.notice == "No network: URLs were not checked."
    assert result.records[0].status is UrlStatus.NOT_CHECKED


def test_network_guard_refuses_the_internet() -> None:
    with pytest.raises(ConnectionRefusedError):
        socket.socket().connect(("192.0.2.1", 80))
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.org", 80)


def test_body_is_capped_and_the_cap_is_what_is_cached(httpserver: HTTPServer, tmp_path) -> None:
    from audit.urls.http_client import Fetcher

    httpserver.expect_request("/big").respond_with_data(b"x" * 1_000_000)
    config = fast_config(tmp_path, max_body_bytes=64 * 1024)
    fetcher = Fetcher(config)
    first = fetcher.get(httpserver.url_for("/big"))
    again = Fetcher(config).get(httpserver.url_for("/big"))
    assert len(first.body) == 64 * 1024 and not first.from_cache
    assert len(again.body) == 64 * 1024 and again.from_cache
    assert len(httpserver.log) == 1


@pytest.mark.parametrize(("cache", "home", "expected"), [
    pytest.param(None, None, "~/.cache/citeaudit/http.sqlite", id="default"),
    pytest.param(None, "/xdg", "/xdg/citeaudit/http.sqlite", id="xdg-cache-home"),
    pytest.param("/tmp/c/my.sqlite", "/xdg", "/tmp/c/my.sqlite", id="file"),
    pytest.param("/tmp/c/", None, "/tmp/c/http.sqlite", id="directory"),
])
def test_cache_location(cache, home, expected) -> None:
    from pathlib import Path

    from audit.config import AuditConfig, load_config
    from audit.urls.http_client import resolve_cache_file

    config = AuditConfig(cache=cache, cache_home=home)
    assert resolve_cache_file(config) == Path(expected).expanduser()
    assert load_config(environ={"XDG_CACHE_HOME": "/xdg", "CITEAUDIT_CACHE": "/c/x.sqlite"}).cache_home == "/xdg"


def test_cli_urls_checks_and_archives_on_loopback(httpserver: HTTPServer, tmp_path) -> None:
    import json

    from click.testing import CliRunner

    from cli import cli
    from tests.url_fakes import cdx_handler

    gone = httpserver.url_for("/gone.pdf")
    httpserver.expect_request("/cdx/search/cdx").respond_with_handler(cdx_handler([("20110901000000", gone, "200")]))
    httpserver.expect_request("/gone.pdf").respond_with_data("", status=404)
    doc = tmp_path / "paper.txt"
    doc.write_text(f"¹ Report, retrieved on 7 September 2011, {gone}.\n", encoding="utf-8")
    args = ["urls", str(doc), "--format", "json", "--cache", str(tmp_path / "cache.sqlite"),
            "--archive-url", httpserver.url_for("").rstrip("/")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output  # an error-level finding: url-dead
    report = json.loads(result.output)
    (url,) = report["urls"]
    assert (url["status"], url["http_status"], url["archive"]["status"]) == ("DEAD", 404, "ARCHIVED_NEAR_DATE")
    (finding,) = report["findings"]
    assert finding["rule"] == "url-dead" and finding["suggestion"] == url["archive"]["snapshot"]
    table = CliRunner().invoke(cli, args[:2] + args[4:])
    assert table.output.splitlines()[1].split()[:3] == ["DEAD", "404", "ARCHIVED_NEAR_DATE"]

