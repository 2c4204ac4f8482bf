"""URL records -> findings: severities, suggestions and messages per the rule catalogue."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from audit.findings import Location, Severity
from audit.rules.urls import find_url_findings
from audit.urls import ArchiveResult, ArchiveStatus, UrlRecord, UrlStatus, url_record_to_dict
from cli import cli
from tests.conftest import validate_against_contracts
from tests.url_fakes import loopback_only  # noqa: F401  (autouse guard)

SNAP = "http://127.0.0.1:9/web/20110905093000/http://x.org/r"
NEAR = ArchiveResult(ArchiveStatus.ARCHIVED_NEAR_DATE, SNAP, "20110905093000", "http://x.org/r")
FAR = ArchiveResult(ArchiveStatus.ARCHIVED, SNAP.replace("20110905", "20150101"), "20150101093000", "http://x.org/r")
NONE = ArchiveResult(ArchiveStatus.NOT_ARCHIVED)
DOWN = ArchiveResult(ArchiveStatus.ARCHIVE_UNREACHABLE)
WHERE = (Location.entry(3, 620), Location.note(88, 482))


def record(status: UrlStatus, archive: ArchiveResult = NEAR, **kw) -> UrlRecord:
    values = {"url": "http://x.org/r", "normalised": "http://x.org/r", "accessed": "2011-09-07", "status": status,
              "http_status": 404, "final_url": None, "archive": archive, "locations": WHERE, **kw}
    return UrlRecord(**values)


@pytest.mark.parametrize(("rec", "rules", "suggestion"), [
    pytest.param(record(UrlStatus.DEAD), ["url-dead"], SNAP, id="dead-near"),
    pytest.param(record(UrlStatus.DEAD, FAR), ["url-dead", "url-unarchived"], FAR.snapshot, id="dead-far"),
    pytest.param(record(UrlStatus.DEAD, NONE), ["url-dead", "url-unarchived"], None, id="dead-unarchived"),
    pytest.param(record(UrlStatus.DEAD, DOWN), ["url-dead"], None, id="dead-archive-down"),
    pytest.param(record(UrlStatus.SOFT_404), ["url-soft-404"], SNAP, id="soft-404"),
    pytest.param(record(UrlStatus.MOVED_TO_ROOT), ["url-moved-to-root"], SNAP, id="moved-to-root"),
    pytest.param(record(UrlStatus.BLOCKED, reason="HTTP 403"), ["url-blocked"], SNAP, id="blocked"),
    pytest.param(record(UrlStatus.REDIRECTED, final_url="https://y.org/r"), ["url-redirected"], "https://y.org/r",
                 id="redirected"),
    pytest.param(record(UrlStatus.ALIVE), [], None, id="alive"),
    pytest.param(record(UrlStatus.NOT_CHECKED, ArchiveResult(ArchiveStatus.NOT_CHECKED)), [], None, id="offline"),
    pytest.param(record(UrlStatus.ALIVE, NONE, accessed=None), [], None, id="no-date-no-unarchived"),
    pytest.param(record(UrlStatus.NOT_CHECKED, ArchiveResult(ArchiveStatus.NOT_CHECKED), url="www.x.org/r",
                        repairs=("missing scheme",), repaired="http://www.x.org/r"),
                 ["url-malformed"], "http://www.x.org/r", id="repaired"),
])
def test_findings_per_status(rec: UrlRecord, rules: list[str], suggestion: str | None) -> None:
    findings = find_url_findings([rec])
    assert [f.rule for f in findings] == rules
    if findings:
        first = findings[0]
        assert first.suggestion == suggestion
        assert first.locations == WHERE
        assert first.values == (rec.url,)
        assert first.severity is {"url-dead": Severity.ERROR, "url-soft-404": Severity.ERROR,
                                  "url-moved-to-root": Severity.ERROR, "url-blocked": Severity.INFO,
                                  "url-redirected": Severity.INFO, "url-malformed": Severity.WARNING}[first.rule]


def test_unarchived_is_a_warning_and_uses_document_date() -> None:
    (finding,) = find_url_findings([record(UrlStatus.ALIVE, NONE, accessed=None)], document_date="2011-09")
    assert finding.rule == "url-unarchived" and finding.severity is Severity.WARNING
    assert "2011-09" in finding.message


def test_record_dict_matches_contract() -> None:
    out = url_record_to_dict(record(UrlStatus.DEAD))
    assert out == {"url": "http://x.org/r", "normalised": "http://x.org/r", "accessed": "2011-09-07",
                   "status": "DEAD", "http_status": 404, "final_url": None, "reason": None, "repairs": [],
                   "archive": {"status": "ARCHIVED_NEAR_DATE", "snapshot": SNAP, "timestamp": "20110905093000"},
                   "locations": [{"kind": "bibliography", "index": 3, "line": 620},
                                 {"kind": "note", "number": 88, "line": 482}]}
    assert UrlStatus.DEAD.is_dead and UrlStatus.BLOCKED.is_inconclusive and not UrlStatus.ALIVE.is_dead


def test_cli_urls_offline_json_validates(tmp_path) -> None:
    doc = tmp_path / "paper.txt"
    doc.write_text("Intro.\n\n¹ See www.x.org/a//b.pdf, retrieved on 7 September 2011.\n\n"
                   "² <http://x.org/c>\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["urls", str(doc), "--offline", "--format", "json",
                                      "--cache", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    validate_against_contracts(report)
    assert [u["status"] for u in report["urls"]] == ["NOT_CHECKED", "NOT_CHECKED"]
    assert report["urls"][0]["accessed"] == "2011-09-07"
    assert [f["rule"] for f in report["findings"]] == ["url-malformed"]


def test_cli_urls_table(tmp_path) -> None:
    doc = tmp_path / "paper.txt"
    doc.write_text("See http://x.org/c today.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["urls", str(doc), "--offline"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["STATUS", "CODE", "ARCHIVE", "URL"]
    assert lines[1].split() == ["NOT_CHECKED", "-", "NOT_CHECKED", "http://x.org/c"]


def test_address_without_scheme_in_running_text_is_not_damage(tmp_path) -> None:
    from audit.config import AuditConfig
    from audit.pipeline import audit_document
    from tests.factories import text_document

    doc = text_document("Visit www.example.org/about for more.¹\n\n¹ See www.example.org/report.\n")
    report = audit_document(doc, AuditConfig(offline=True))
    malformed = [f.finding for f in report.findings if f.finding.rule == "url-malformed"]
    assert [f.values for f in malformed] == [("www.example.org/report",)]
    assert {u.url for u in report.urls} == {"www.example.org/about", "www.example.org/report"}
