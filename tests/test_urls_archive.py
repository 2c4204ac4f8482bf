"""Archive lookups against a fake CDX server and replay path on loopback."""

from __future__ import annotations

import re
import socket

import pytest
from pytest_httpserver import HTTPServer

from audit.config import DEFAULT_ARCHIVE_URL, AuditConfig
from audit.findings import Location
from audit.urls import ArchiveStatus, UrlSite, UrlStatus, audit_urls
from audit.urls.archive import choose_capture, parse_date
from audit.urls.http_client import PUBLIC_ARCHIVE_RATE, archive_rate
from audit.urls.limits import RateLimiter
from tests.url_fakes import cdx_handler, fast_config, loopback_only  # noqa: F401  (autouse guard)

ARTICLE = "<html><head><title>Report</title></head><body>" + "Drug routes through Central Asia. " * 40 + "</body>"


def cited(url: str, accessed: str = "7 September 2011") -> UrlSite:
    return UrlSite(f"UNODC, Report, retrieved on {accessed}, {url}", Location.entry(1, 10))


def archive_run(server: HTTPServer, tmp_path, captures, *, page_status: int = 404, **overrides):
    page = server.url_for("/report.pdf")
    server.expect_request("/cdx/search/cdx").respond_with_handler(cdx_handler(
        [(ts, page, code) for ts, code in captures]))
    server.expect_request("/report.pdf").respond_with_data("", status=page_status)
    server.expect_request(re.compile(r"^/[a-z]{25}$")).respond_with_data("", status=404)
    settings = {"no_archive": False, "archive_url": server.url_for("").rstrip("/"), **overrides}
    config = fast_config(tmp_path, **settings)
    result = audit_urls([cited(page)], config)
    return page, result.records[0], result.findings


@pytest.mark.parametrize(("captures", "status", "timestamp"), [
    pytest.param([("20110905093000", "200")], ArchiveStatus.ARCHIVED_NEAR_DATE, "20110905093000", id="near-date"),
    pytest.param([("20110820120000", "200"), ("20110901120000", "200"), ("20110910120000", "200")],
                 ArchiveStatus.ARCHIVED_NEAR_DATE, "20110901120000", id="latest-before-preferred"),
    pytest.param([("20110915120000", "200"), ("20111001120000", "200")],
                 ArchiveStatus.ARCHIVED_NEAR_DATE, "20110915120000", id="shortly-after-accepted"),
    pytest.param([("20050101000000", "200"), ("20150101000000", "200")],
                 ArchiveStatus.ARCHIVED, "20050101000000", id="only-far-dates"),
    pytest.param([], ArchiveStatus.NOT_ARCHIVED, None, id="none"),
    pytest.param([("20110905093000", "404"), ("20110906093000", "302")], ArchiveStatus.NOT_ARCHIVED, None,
                 id="only-non-200-captures"),
])
def test_snapshot_choice(httpserver: HTTPServer, tmp_path, captures, status, timestamp) -> None:
    page, record, findings = archive_run(httpserver, tmp_path, captures)
    assert record.status is UrlStatus.DEAD
    assert record.archive.status is status
    assert record.archive.timestamp == timestamp
    dead = next(f for f in findings if f.rule == "url-dead")
    if timestamp:
        snapshot = f"{httpserver.url_for('').rstrip('/')}/web/{timestamp}/{page}"
        assert record.archive.snapshot == snapshot
        assert dead.suggestion == snapshot  # ARCHIVED or ARCHIVED_NEAR_DATE: the snapshot is the suggestion
    else:
        assert dead.suggestion is None
    assert any(f.rule == "url-unarchived" for f in findings) is (status is not ArchiveStatus.ARCHIVED_NEAR_DATE)


def test_archive_down_is_unreachable_and_not_unarchived(httpserver: HTTPServer, tmp_path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    httpserver.expect_request("/p").respond_with_data("", status=404)
    page = httpserver.url_for("/p")
    config = fast_config(tmp_path, no_archive=False, archive_url=f"http://127.0.0.1:{port}")
    result = audit_urls([cited(page)], config)
    assert result.records[0].archive.status is ArchiveStatus.ARCHIVE_UNREACHABLE
    assert [f.rule for f in result.findings] == ["url-dead"]


def test_archive_5xx_is_unreachable(httpserver: HTTPServer, tmp_path) -> None:
    httpserver.expect_request("/cdx/search/cdx").respond_with_data("", status=502)
    httpserver.expect_request("/p").respond_with_data("", status=404)
    page = httpserver.url_for("/p")
    config = fast_config(tmp_path, no_archive=False, archive_url=httpserver.url_for("").rstrip("/"))
    assert audit_urls([cited(page)], config).records[0].archive.status is ArchiveStatus.ARCHIVE_UNREACHABLE


def test_alive_links_are_archived_too_and_no_archive_skips(httpserver: HTTPServer, tmp_path) -> None:
    _, record, findings = archive_run(httpserver, tmp_path, [("20110905093000", "200")], page_status=200)
    assert record.status is UrlStatus.ALIVE
    assert record.archive.status is ArchiveStatus.ARCHIVED_NEAR_DATE
    assert findings == ()
    _, record, _ = archive_run(httpserver, tmp_path / "2", [("20110905093000", "200")], page_status=200,
                               no_archive=True)
    assert record.archive.status is ArchiveStatus.NOT_CHECKED


def test_document_date_stands_in_for_a_missing_access_date(httpserver: HTTPServer, tmp_path) -> None:
    page = httpserver.url_for("/p")
    httpserver.expect_request("/cdx/search/cdx").respond_with_handler(cdx_handler([("20090310000000", page, "200")]))
    httpserver.expect_request("/p").respond_with_data("", status=404)
    config = fast_config(tmp_path, no_archive=False, archive_url=httpserver.url_for("").rstrip("/"))
    result = audit_urls([UrlSite(f"See {page}.", Location.note(1, 3))], config, document_date="2009-03")
    assert result.records[0].accessed is None
    assert result.records[0].archive.status is ArchiveStatus.ARCHIVED_NEAR_DATE


def test_content_drift_is_info(httpserver: HTTPServer, tmp_path) -> None:
    page = httpserver.url_for("/news/item.html")
    httpserver.expect_request("/cdx/search/cdx").respond_with_handler(cdx_handler([("20110905093000", page, "200")]))
    then = "<html><body>" + " ".join(f"Original statement on drug routes number {i}." for i in range(60)) + "</body>"
    now = "<html><body>" + " ".join(f"Completely different shop offer item {i} today." for i in range(60)) + "</body>"
    httpserver.expect_request(f"/web/20110905093000id_/{page}").respond_with_data(then, content_type="text/html")
    httpserver.expect_request("/news/item.html").respond_with_data(now, content_type="text/html")
    httpserver.expect_request(re.compile(r"^/news/[a-z]{25}$")).respond_with_data("", status=404)
    config = fast_config(tmp_path, no_archive=False, archive_url=httpserver.url_for("").rstrip("/"))
    result = audit_urls([cited(page)], config)
    assert result.records[0].status is UrlStatus.ALIVE
    drift = [f for f in result.findings if f.rule == "url-content-drift"]
    assert len(drift) == 1 and drift[0].severity.value == "info"


def test_unchanged_page_has_no_drift(httpserver: HTTPServer, tmp_path) -> None:
    page = httpserver.url_for("/news/item.html")
    httpserver.expect_request("/cdx/search/cdx").respond_with_handler(cdx_handler([("20110905093000", page, "200")]))
    httpserver.expect_request(f"/web/20110905093000id_/{page}").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request("/news/item.html").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request(re.compile(r"^/news/[a-z]{25}$")).respond_with_data("", status=404)
    config = fast_config(tmp_path, no_archive=False, archive_url=httpserver.url_for("").rstrip("/"))
    assert audit_urls([cited(page)], config).findings == ()


def test_rate_limit_defaults() -> None:
    assert archive_rate(AuditConfig()) == PUBLIC_ARCHIVE_RATE < 1.0  # under 60 a minute for the public archive
    assert archive_rate(AuditConfig(archive_url="http://127.0.0.1:9")) is None
    assert archive_rate(AuditConfig(archive_url="http://127.0.0.1:9", archive_rate=5.0)) == 5.0
    assert archive_rate(AuditConfig(archive_url=DEFAULT_ARCHIVE_URL + "/")) == PUBLIC_ARCHIVE_RATE


def test_rate_limiter_spaces_calls_and_pauses() -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    limiter = RateLimiter(2.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        limiter.acquire()
    assert waits == [0.5, 0.5]
    limiter.pause(10)
    limiter.acquire()
    assert waits[-1] == 10.0


def test_capture_preference_and_partial_dates() -> None:
    when = parse_date("2011-09-07")
    caps = [{"timestamp": "20110901000000"}, {"timestamp": "20110906000000"}, {"timestamp": "20110908000000"}]
    assert choose_capture(caps, when)["timestamp"] == "20110906000000"
    assert parse_date("2011-09").day == 15 and parse_date("2011").month == 7
    assert parse_date("garbage") is None


def test_persistent_archive_429_stops_lookups(httpserver: HTTPServer, tmp_path, caplog) -> None:
    httpserver.expect_request("/cdx/search/cdx").respond_with_data("slow down", status=429)
    httpserver.expect_request(re.compile(r"^/p\d+$")).respond_with_data("", status=404)
    pages = [httpserver.url_for(f"/p{i}") for i in range(12)]
    config = fast_config(tmp_path, no_archive=False, archive_url=httpserver.url_for("").rstrip("/"),
                         retry_after_max=0.1, max_retries=1, max_concurrency=2, host_concurrency=2)
    result = audit_urls([cited(p) for p in pages], config)
    assert {r.archive.status for r in result.records} == {ArchiveStatus.ARCHIVE_UNREACHABLE}
    assert "no more archive lookups" in caplog.text
    cdx_calls = sum(1 for request, _ in httpserver.log if request.path == "/cdx/search/cdx")
    assert cdx_calls < 2 * len(pages)
    assert not any(f.rule == "url-unarchived" for f in result.findings)


def test_rerun_with_archive_makes_no_new_requests(httpserver: HTTPServer, tmp_path) -> None:
    page = httpserver.url_for("/news/item.html")
    httpserver.expect_request("/cdx/search/cdx").respond_with_handler(cdx_handler([("20110905093000", page, "200")]))
    httpserver.expect_request(f"/web/20110905093000id_/{page}").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request("/news/item.html").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request(re.compile(r"^/news/[a-z]{25}$")).respond_with_data("", status=404)
    config = fast_config(tmp_path, no_archive=False, archive_url=httpserver.url_for("").rstrip("/"))
    first = audit_urls([cited(page)], config)
    count = len(httpserver.log)
    second = audit_urls([cited(page)], config)
    assert len(httpserver.log) == count
    assert second.records == first.records


def test_third_party_libraries_stay_in_their_module() -> None:
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "audit"
    for path in [*sorted((root / "urls").glob("*.py")), root / "rules" / "urls.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
        names |= {(node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        if path.name != "http_client.py":
            assert not names & {"requests", "requests_cache"}, path
        assert not names & {"click", "bs4", "rapidfuzz"}, path


@pytest.mark.parametrize(("timegate", "status", "timestamp"), [
    pytest.param("near", ArchiveStatus.ARCHIVED_NEAR_DATE, "20110905093000", id="timegate-near"),
    pytest.param("far", ArchiveStatus.ARCHIVED, "20050101000000", id="timegate-far"),
    pytest.param("none", ArchiveStatus.NOT_ARCHIVED, None, id="timegate-404"),
    pytest.param("bad-capture", ArchiveStatus.ARCHIVE_UNREACHABLE, None, id="timegate-capture-not-200"),
])
def test_timegate_fallback_when_cdx_is_down(httpserver: HTTPServer, tmp_path, timegate, status, timestamp) -> None:
    page = httpserver.url_for("/report.pdf")
    httpserver.expect_request("/cdx/search/cdx").respond_with_data("", status=503)
    httpserver.expect_request("/report.pdf").respond_with_data("", status=404)
    memento = {"near": "20110905093000", "far": "20050101000000", "bad-capture": "20110905093000"}.get(timegate)
    gate = f"/web/20110907120000/{page}"
    if memento:
        httpserver.expect_request(gate).respond_with_data("", status=302,
                                                          headers={"Location": f"/web/{memento}/{page}"})
        code = 404 if timegate == "bad-capture" else 200
        httpserver.expect_request(f"/web/{memento}id_/{page}").respond_with_data("%PDF", status=code)
    else:
        httpserver.expect_request(gate).respond_with_data("", status=404)
    config = fast_config(tmp_path, no_archive=False, archive_url=httpserver.url_for("").rstrip("/"), max_retries=0)
    record = audit_urls([cited(page)], config).records[0]
    assert record.archive.status is status
    assert record.archive.timestamp == timestamp


def test_unreachable_archive_stops_lookups_instead_of_waiting_out_the_rate_limit(httpserver: HTTPServer,
                                                                                 tmp_path) -> None:
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    httpserver.expect_request(re.compile(r"^/p\d+$")).respond_with_data("", status=404)
    pages = [httpserver.url_for(f"/p{i}") for i in range(12)]
    config = fast_config(tmp_path, no_archive=False, archive_url=f"http://127.0.0.1:{port}", archive_rate=1.0)
    started = time.monotonic()
    result = audit_urls([cited(p) for p in pages], config)
    assert time.monotonic() - started < 6  # 12 lookups + 12 fallbacks at 1/s would take 20 s or more
    assert {r.archive.status for r in result.records} == {ArchiveStatus.ARCHIVE_UNREACHABLE}
    assert {r.status for r in result.records} == {UrlStatus.DEAD}
