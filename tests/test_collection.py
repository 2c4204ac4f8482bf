"""Collections (issue 16): `citeaudit audit DIR --jobs N` audits in worker processes, keeps each
document's failure to one line, and gives the same reports as one process."""

from __future__ import annotations

import json
from dataclasses import replace

from click.testing import CliRunner

from audit.collection import audit_documents
from audit.config import AuditConfig
from cli import cli
from tests.test_cli_audit import BROKEN, PAPER


def _collection(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "a.txt").write_text(PAPER, encoding="utf-8")
    (folder / "b.md").write_text(BROKEN, encoding="utf-8")
    (folder / "c.docx").write_bytes(b"this is not a zip archive")  # unreadable: a one-line error
    (folder / "d.txt").write_text(PAPER.replace("Smith", "Smyth"), encoding="utf-8")
    return folder


def _reports(out):
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))
            if p.name not in ("manifest.json", "collection.json")}


def test_parallel_run_isolates_a_broken_document_and_matches_one_process(tmp_path):
    folder = _collection(tmp_path)
    results = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--jobs", jobs, "--out", str(out)])
        assert result.exit_code == 3, result.output  # the unreadable document decides the exit code
        errors = [line for line in result.stderr.splitlines() if "c.docx" in line]
        assert len(errors) == 1 and "Traceback" not in result.stderr
        assert "1 of 4 documents could not be audited" in result.stderr
        results[jobs] = _reports(out)
    assert sorted(results["2"]) == ["a.json", "b.json", "d.json"]
    for name, report in results["1"].items():
        report.pop("tool")
        other = dict(results["2"][name])
        other.pop("tool")
        assert report == other, name


def test_outcomes_keep_the_input_order_and_report_progress(tmp_path):
    folder = _collection(tmp_path)
    documents = sorted(folder.iterdir())
    seen = []
    outcomes = audit_documents(documents, AuditConfig(offline=True), out_dir=None, jobs=2,
                               progress=lambda done, total, failed: seen.append((done, total, failed)))
    assert [o.path for o in outcomes] == documents
    assert [o.error is not None for o in outcomes] == [False, False, True, False]
    assert outcomes[2].unreadable
    assert [s[0] for s in seen] == [1, 2, 3, 4] and seen[-1] == (4, 4, 1)


def test_a_bug_in_one_document_is_an_internal_error_line(tmp_path, monkeypatch):
    import audit.collection as collection

    folder = _collection(tmp_path)
    real = collection.run_audit

    def flaky(path, config, **kwargs):
        if path.name == "b.md":
            raise ValueError("boom")
        return real(path, config, **kwargs)

    monkeypatch.setattr(collection, "run_audit", flaky)
    outcomes = audit_documents(sorted(folder.iterdir()), AuditConfig(offline=True), out_dir=None, jobs=1)
    assert outcomes[1].error.endswith("internal error: ValueError: boom") and not outcomes[1].unreadable
    assert outcomes[0].report is not None and outcomes[3].report is not None


def test_the_url_stage_runs_once_for_the_collection(tmp_path, monkeypatch):
    import audit.collection_urls as collection_urls
    from audit.urls import ArchiveResult, ArchiveStatus, UrlStatus

    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("a", "b"):  # both cite the same URL; b cites one more
        extra = " See also https://example.org/b-only." if name == "b" else ""
        (folder / f"{name}.txt").write_text(
            f"A claim.¹\n\n¹ J. Smith, *Water*, 2001, https://example.org/shared (accessed 3 May 2020).{extra}\n",
            encoding="utf-8")
    calls = []
    real = collection_urls.audit_urls

    def counting(sites, config, **kwargs):
        calls.append(sorted({s.text for s in sites}))
        audit = real(sites, config.__class__(offline=True), **kwargs)  # no network in tests: mark them dead
        dead = tuple(replace(r, status=UrlStatus.DEAD, http_status=404,
                             archive=ArchiveResult(ArchiveStatus.NOT_ARCHIVED)) for r in audit.records)
        return audit.__class__(dead, (), None)

    monkeypatch.setattr(collection_urls, "audit_urls", counting)
    shared = collection_urls.check_collection_urls(sorted(folder.iterdir()), AuditConfig())
    assert len(calls) == 1 and len(shared.checked) == 2  # one call; two distinct URLs for two documents
    monkeypatch.setattr(collection_urls, "audit_urls", real)
    outcomes = audit_documents(sorted(folder.iterdir()), AuditConfig(offline=True), out_dir=None, jobs=1)
    assert all(o.report is not None for o in outcomes)
    from audit.collection import audit_one

    report = audit_one(folder / "b.txt", AuditConfig(), None, shared).report
    assert {u.status for u in report.urls} == {UrlStatus.DEAD}
    assert [f.finding.rule for f in report.findings if f.finding.rule.startswith("url-")].count("url-dead") == 2


def test_rerun_audits_only_changed_documents_and_force_redoes_all(tmp_path):
    folder = _collection(tmp_path)
    out = tmp_path / "out"

    def audit(*extra):
        return CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--jobs", "1", "--out", str(out), *extra])

    first = audit()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in manifest["documents"]) == ["a.txt", "b.md", "d.txt"]
    entry = next(d for d in manifest["documents"] if d["path"].endswith("a.txt"))
    assert set(entry) >= {"path", "sha256", "tool_version", "report"} and entry["report"] == "a.html"
    (folder / "d.txt").write_text(PAPER + "\nOne more line.\n", encoding="utf-8")
    second = audit()
    assert second.exit_code == first.exit_code == 3  # the unreadable document is tried again, each time
    kept = [line for line in second.stderr.splitlines() if "unchanged since the last run" in line]
    assert len(kept) == 2 and any("a.txt" in line for line in kept) and any("b.md" in line for line in kept)
    assert "d.txt: " in second.stderr and "index.html" in {p.name for p in out.iterdir()}
    assert "a.txt" in (out / "index.html").read_text(encoding="utf-8")  # kept documents stay in the index
    forced = audit("--force")
    assert "unchanged since the last run" not in forced.stderr
    other_options = audit("--no-archive")  # options that shape the reports: audited again
    assert "unchanged since the last run" not in other_options.stderr
    assert "unchanged since the last run" in audit("--no-archive", "--fail-on", "never").stderr
    (out / "manifest.json").write_text("{not json", encoding="utf-8")  # a damaged manifest: audit everything
    assert "unchanged since the last run" not in audit().stderr


_LOADED_AFTER_RUN = """
import runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    print("loaded:", " ".join(sorted(sys.modules)), file=sys.stderr)
"""
# What auditing a document needs; a re-run that finds every document unchanged needs none of it.
_AUDIT_MODULES = ("audit.pipeline", "audit.rules", "audit.report", "audit.ingest", "audit.parse", "audit.urls",
                  "audit.registry", "eyecite", "pdfplumber", "bs4", "requests", "pycrfsuite", "rapidfuzz")


def test_rerun_with_nothing_changed_only_hashes_and_reads_the_manifest(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(PAPER, encoding="utf-8")
    out = tmp_path / "out"
    cli_path = str(Path(__file__).resolve().parent.parent / "cli.py")

    def run() -> tuple[set[str], str]:
        done = subprocess.run([sys.executable, "-c", _LOADED_AFTER_RUN, cli_path, "audit", str(folder), "--offline",
                               "--jobs", "1", "--out", str(out)], capture_output=True, text=True, check=False)
        assert done.returncode in (0, 1), done.stderr
        line = next(x for x in done.stderr.splitlines() if x.startswith("loaded: "))
        return set(line.split()[1:]), done.stderr

    first, _ = run()
    assert "audit.pipeline" in first  # the check below can fail: the first run does load the audit
    manifest = out / "manifest.json"
    written = manifest.stat().st_mtime_ns
    again, stderr = run()
    assert stderr.count("unchanged since the last run") == 2
    assert not {m for m in again if m.split(".")[0] in _AUDIT_MODULES or m.startswith(_AUDIT_MODULES)}
    assert manifest.stat().st_mtime_ns == written  # nothing audited: the manifest is not rewritten
    assert (out / "index.html").exists() and (out / "collection.json").exists()


def test_collection_json_follows_its_schema_with_link_rot_and_shared_works(tmp_path):
    import jsonschema

    from audit.collection_report import SCHEMA_PATH

    folder = _collection(tmp_path)
    (folder / "e.txt").write_text(PAPER.replace("Water and Power", "Water and power"), encoding="utf-8")
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--jobs", "1", "--out", str(out)])
    collection = json.loads((out / "collection.json").read_text(encoding="utf-8"))
    jsonschema.validate(collection, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert collection["totals"]["documents"] == 5 and collection["totals"]["failed"] == 1
    assert [d["report"] for d in collection["documents"]] == ["a.html", "b.html", "d.html", "e.html"]
    assert sum(collection["findings_by_rule"].values()) == sum(collection["totals"]["findings"].values())
    # a.txt and e.txt cite Water and Power, written two ways (d.txt's "Smyth" is not matched across documents)
    shared = [w for w in collection["shared_works"] if "Water and Power" in w["work"]]
    assert len(shared) == 1 and [p.rsplit("/", 1)[-1] for p in shared[0]["documents"]] == ["a.txt", "e.txt"]
    assert len(shared[0]["variants"]) == 2
    rerun = CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--jobs", "1", "--out", str(out)])
    assert "unchanged since the last run" in rerun.stderr
    assert json.loads((out / "collection.json").read_text(encoding="utf-8"))["totals"] == collection["totals"]


def test_link_rot_shares_per_access_year():
    from audit.collection_report import link_rot_by_year
    from audit.manifest import DocumentSummary

    checks = (("2010", "DEAD", "ARCHIVED"), ("2010", "ALIVE", "NOT_ARCHIVED"), ("", "REDIRECTED", "NOT_CHECKED"))
    doc = DocumentSummary("a.txt", 0, 0, 0, 0, 3, {"error": 0, "warning": 0, "info": 0}, (), {}, checks)
    assert link_rot_by_year([doc]) == [
        {"year": "2010", "urls": 2, "dead": 0.5, "moved": 0.0, "archived": 0.5},
        {"year": "unknown", "urls": 1, "dead": 0.0, "moved": 1.0, "archived": 0.0}]


def test_collection_index_has_totals_rules_link_rot_and_shared_works(tmp_path):
    from bs4 import BeautifulSoup

    folder = _collection(tmp_path)
    (folder / "e.txt").write_text(PAPER.replace("Water and Power", "Water and power"), encoding="utf-8")
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--jobs", "1", "--out", str(out)])
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "5 documents (4 audited, 1 could not be audited)" in soup.select_one("#totals").get_text(" ")
    collection = json.loads((out / "collection.json").read_text(encoding="utf-8"))
    rules = [tr.find_all("td")[0].get_text() for tr in soup.select("#by-rule tbody tr")]
    assert rules == list(collection["findings_by_rule"])
    assert len(soup.select("#documents tbody tr")) == 4 and soup.find("script") is not None  # sortable
    shared = [tr.get_text(" ") for tr in soup.select("#shared-works tbody tr") if "Water" in tr.get_text()]
    assert len(shared) == 1 and "Water and Power" in shared[0] and "Water and power" in shared[0]
    assert len(soup.select("#shared-works tbody tr")) == len(collection["shared_works"])
    assert [tr.find("td").get_text() for tr in soup.select("#link-rot tbody tr")] == [
        row["year"] for row in collection["link_rot_by_access_year"]]


def test_workers_send_back_the_summary_not_the_report(tmp_path):
    from audit.manifest import summarise

    folder = _collection(tmp_path)
    documents = sorted(folder.iterdir())
    config = AuditConfig(offline=True)
    full = audit_documents(documents, config, out_dir=tmp_path / "full", jobs=1)
    slim = audit_documents(documents, config, out_dir=tmp_path / "slim", jobs=2, keep_reports=False)
    for whole, small in zip(full, slim, strict=True):
        assert small.report is None and small.error == whole.error
        if whole.error is None:
            assert small.summary == whole.summary == summarise(whole.report)
