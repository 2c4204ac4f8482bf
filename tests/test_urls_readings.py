"""Damaged URLs read two ways (a hyphen at a line end, a doubled slash), checked online on loopback fakes:
the reading as printed is asked first, the other only when it fails; the report gives the one chosen and
the repair."""

from __future__ import annotations

import re

import pytest
from pytest_httpserver import HTTPServer

from audit.findings import Location
from audit.urls import UrlSite, UrlStatus, audit_urls
from tests.url_fakes import fast_config, loopback_only  # noqa: F401  (autouse guard)

ARTICLE = "<html><head><title>Drug routes</title></head><body>" + "A long article on drug routes. " * 40 + "</body>"


def honest_404(server: HTTPServer) -> None:
    server.expect_request(re.compile(r"^/.*$")).respond_with_data("no", status=404)


@pytest.mark.parametrize(("written_path", "good_path"), [
    pytest.param("/docu-\nments/wdr.pdf", "/documents/wdr.pdf", id="hyphen-dropped-answers"),
    pytest.param("/annual-\nreport.pdf", "/annual-report.pdf", id="hyphen-kept-answers"),
    pytest.param("/docs//wdr.pdf", "/docs/wdr.pdf", id="collapsed-slash-answers"),
])
def test_alternate_readings_keep_the_one_that_answers(httpserver: HTTPServer, tmp_path, written_path,
                                                        good_path) -> None:
    httpserver.expect_request(good_path).respond_with_data("%PDF-1.4", content_type="application/pdf")
    honest_404(httpserver)
    base = httpserver.url_for("")
    site = UrlSite(f"Report, {base.rstrip('/')}{written_path}, 2010.", Location.entry(1, 5))
    result = audit_urls([site], fast_config(tmp_path))
    (record,) = result.records
    assert record.status is UrlStatus.ALIVE
    (malformed,) = [f for f in result.findings if f.rule == "url-malformed"]
    assert malformed.suggestion == base.rstrip("/") + good_path
    assert malformed.values == (record.url,) and "\n" in record.url or "//" in written_path


@pytest.mark.parametrize(("printed", "good_path"), [
    pytest.param("central-\nasia-strategy.html", "/central-asia-strategy.html", id="hyphen-is-the-urls-own"),
    pytest.param("docu-\nments/wdr.pdf", "/documents/wdr.pdf", id="hyphen-is-a-word-break"),
])
def test_url_broken_at_a_hyphen_in_a_note_tries_the_hyphen_first(httpserver: HTTPServer, tmp_path, printed,
                                                                   good_path) -> None:
    """Issue 18: a note's lines are joined before the URL stage reads them; the hyphen ending a line inside a
    URL must reach it, so the reading with the hyphen is asked first and the other only if that one fails."""
    from audit.urls.command import read_sites

    httpserver.expect_request(good_path).respond_with_data(ARTICLE, content_type="text/html")
    honest_404(httpserver)
    base = httpserver.url_for("").rstrip("/")
    doc = tmp_path / "paper.txt"
    doc.write_text(f"A claim.¹\n\n______\n¹ EU, Strategy, 2019, {base}/{printed}, accessed 3 March 2020.\n",
                   encoding="utf-8")
    _, _, _, sites, date = read_sites(doc)
    result = audit_urls(sites, fast_config(tmp_path), document_date=date)
    (record,) = result.records
    with_hyphen, without = "/" + printed.replace("\n", ""), "/" + printed.replace("-\n", "")
    assert record.normalised == base + with_hyphen and record.status is UrlStatus.ALIVE
    readings_asked = [request.path for request, _ in httpserver.log if request.path in (with_hyphen, without)]
    assert readings_asked[0] == with_hyphen  # the reading with the hyphen is asked first
    (malformed,) = [f for f in result.findings if f.rule == "url-malformed"]
    assert malformed.suggestion == base + good_path  # the chosen reading ...
    assert "line break (after a hyphen)" in malformed.message  # ... and the repair
    other = without if good_path == with_hyphen else with_hyphen
    assert f"other possible reading: {base + other}" in malformed.message
