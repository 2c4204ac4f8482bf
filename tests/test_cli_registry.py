"""`citeaudit verify`, `audit` and `bib --enrich` with the registries (loopback fakes), end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.registry_fakes import FakeRegistries, switchboard
from tests.registry_testset import HAND_WRITTEN
from tests.url_fakes import loopback_only  # noqa: F401  (autouse guard)

REFS = Path(__file__).parent / "data" / "registry_refs.bib"
EXPECTED = ["VERIFIED", "MISMATCH", "RETRACTED", "NOT_FOUND", "NOT_CHECKED", "NOT_CHECKED"]


@pytest.fixture(scope="module")
def board():
    with switchboard() as plugged:
        yield plugged


@pytest.fixture
def fake(board):
    registries = FakeRegistries(list(HAND_WRITTEN))
    board.serve(registries)
    return registries


def options(board, tmp_path) -> list[str]:
    return ["--crossref-url", board.urls["crossref_url"], "--openalex-url", board.urls["openalex_url"],
            "--openlibrary-url", board.urls["openlibrary_url"], "--cache", f"{tmp_path}/"]


def test_verify_table(board, fake, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["verify", str(REFS), *options(board, tmp_path)])
    assert result.exit_code == 1, result.output  # a retraction is an error
    lines = result.stdout.splitlines()
    assert lines[0].split()[:5] == ["WORK", "STATUS", "SCORE", "SOURCE", "ID"]
    assert [line.split()[1] for line in lines[1:]] == EXPECTED
    assert "10.2307/1914185" in lines[2]


def test_verify_json_follows_the_schema(board, fake, tmp_path, validate_report) -> None:
    result = CliRunner().invoke(cli, ["verify", str(REFS), "--format", "json", "--fail-on", "never",
                                      *options(board, tmp_path)])
    assert result.exit_code == 0, result.output
    report = validate_report(json.loads(result.stdout))
    assert [w["registry"]["status"] for w in report["works"]] == EXPECTED
    mismatch = report["works"][1]["registry"]
    assert mismatch["differences"] == [{"field": "date", "cited": "1981", "registered": "1979"}]
    assert report["works"][2]["registry"]["retraction"]["type"] == "retraction"
    rules = sorted(f["rule"] for f in report["findings"])
    assert rules == ["identifier-invalid", "reference-mismatch", "reference-not-found", "reference-retracted"]
    mismatch_finding = next(f for f in report["findings"] if f["rule"] == "reference-mismatch")
    assert mismatch_finding["values"] == ["1981", "1979"] and mismatch_finding["suggestion"] == "1979"
    assert mismatch_finding["locations"][0]["kind"] == "bibliography"


def test_audit_with_no_urls_keeps_the_registry_and_the_env_vars_work(board, fake, tmp_path, validate_report,
                                                                       monkeypatch) -> None:
    monkeypatch.setenv("CITEAUDIT_CROSSREF_URL", board.urls["crossref_url"])
    monkeypatch.setenv("CITEAUDIT_OPENALEX_URL", board.urls["openalex_url"])
    monkeypatch.setenv("CITEAUDIT_OPENLIBRARY_URL", board.urls["openlibrary_url"])
    monkeypatch.setenv("CITEAUDIT_MAILTO", "editor@example.org")
    result = CliRunner().invoke(cli, ["audit", str(REFS), "--format", "json", "--no-urls", "--cache", f"{tmp_path}/"])
    report = validate_report(json.loads(result.stdout))
    assert [w["registry"]["status"] for w in report["works"]] == EXPECTED
    assert all("mailto=editor%40example.org" in r for r in fake.requests if "/openlibrary/" not in r)


def test_offline_audit_asks_nothing(board, fake, tmp_path, validate_report) -> None:
    result = CliRunner().invoke(cli, ["audit", str(REFS), "--format", "json", "--offline",
                                      *options(board, tmp_path)])
    report = validate_report(json.loads(result.stdout))
    assert {w["registry"]["status"] for w in report["works"]} == {"NOT_CHECKED"}
    assert [f["rule"] for f in report["findings"] if f["rule"].startswith(("reference", "identifier"))] == [
        "identifier-invalid"]
    assert fake.requests == []


def test_no_registry_option(board, fake, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["verify", str(REFS), "--no-registry", *options(board, tmp_path)])
    assert result.exit_code == 0 and fake.requests == []
    assert {line.split()[1] for line in result.stdout.splitlines()[1:]} == {"NOT_CHECKED"}


def test_bib_enrich_adds_dois_and_fixes_fields_listing_each_change(board, fake, tmp_path) -> None:
    out = tmp_path / "clean.bib"
    result = CliRunner().invoke(cli, ["bib", str(REFS), "--enrich", "-o", str(out), *options(board, tmp_path)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert 'year = "1979"' in text and 'doi = "10.2307/1914185"' in text
    assert "Year '1981' -> '1979' (Crossref)" in result.stderr
    assert "DOI 10.2307/1914185 added (Crossref)" in result.stderr
    assert "retracted according to Crossref" in result.stderr


def test_bib_without_enrich_asks_nothing(board, fake, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["bib", str(REFS), *options(board, tmp_path)])
    assert result.exit_code == 0 and fake.requests == []
    assert 'year = "1981"' in result.stdout


def test_html_shows_each_verdict_with_the_differences(board, fake, tmp_path) -> None:
    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["audit", str(REFS), "--out", str(out), "--format", "html", "--no-urls",
                                      *options(board, tmp_path)])
    assert result.exit_code == 1, result.output
    page = (out / "registry_refs.html").read_text(encoding="utf-8")
    for status in ("VERIFIED", "MISMATCH", "RETRACTED", "NOT_FOUND", "NOT_CHECKED"):
        assert f"</span>{status}</span>" in page
    assert '<table class="registry-differences">' in page
    assert "<td>date</td><td>1981</td><td>1979</td>" in page
    assert 'href="https://doi.org/10.2307/1914185"' in page


def test_verify_a_missing_file_is_one_line_and_exit_3(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["verify", str(tmp_path / "nope.txt"), "--offline"])
    assert result.exit_code == 3 and result.stderr.strip().startswith("citeaudit:")
