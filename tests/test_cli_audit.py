"""`citeaudit audit`: outputs, exit codes and one-line errors (CliRunner)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import cli

PAPER = ("A claim.¹ Another claim.²\n\n¹ J. Smith, *Water and Power*, London, Routledge, 2001, p. 3.\n\n"
         "² Ibid., p. 4.\n\nBibliography\n\nBrown, Bob, *Unused Book*, Paris, Seuil, 1999.\n\n"
         "Smith, John, *Water and Power*, London, Routledge, 2001.\n")
BROKEN = "A claim.¹ A gap.³\n\n¹ J. Smith, *Water*, London, 2001.\n\n³ K. Jones, *Fire*, Paris, 2002.\n"


def run(*args):
    return CliRunner().invoke(cli, ["audit", *args, "--offline"])


def test_json_to_stdout_follows_the_schema(tmp_path, validate_report):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    result = run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    report = validate_report(json.loads(result.stdout))
    assert report["stats"]["notes"] == 2 and report["stats"]["bibliography_entries"] == 2
    assert [f["rule"] for f in report["findings"]] == ["uncited-entry"]
    assert report["notes"][1]["citations"][0]["antecedent"] == "n1.1"


def test_out_directory_gets_every_format(tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(PAPER, encoding="utf-8")
    out = tmp_path / "reports"
    result = run(str(path), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.json", "paper.bib", "paper.html", "paper.json", "paper.md"]
    assert "@book{smith2001water," in (out / "paper.bib").read_text(encoding="utf-8")


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("never", 0)])
def test_exit_code_follows_fail_on(tmp_path, fail_on, code):
    path = tmp_path / "gap.txt"
    path.write_text(BROKEN, encoding="utf-8")
    result = run(str(path), "--format", "json", "--fail-on", fail_on)
    assert result.exit_code == code
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "note-numbering" in rules and "marker-without-note" not in rules


def test_warning_threshold(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER.replace("Unused Book", "Water and Power").replace("Brown, Bob", "Smith, John")
                    .replace("Paris, Seuil, 1999", "London, Routledge, 2001"), encoding="utf-8")
    result = run(str(path), "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 1  # the two entries are duplicates: a warning


def _file(name, content):
    def make(folder):
        (folder / name).write_bytes(content)
        return folder / name
    return make


def _folder(folder):
    (folder / "sub").mkdir()
    return folder / "sub"


@pytest.mark.parametrize("make, message", [
    pytest.param(lambda d: d / "absent.txt", "no such file", id="missing"),
    pytest.param(_file("empty.txt", b""), "empty", id="empty"),
    pytest.param(_file("bin.txt", b"\x00\x01" * 100), "binary", id="binary"),
    pytest.param(_folder, "no supported documents", id="empty-directory"),
])
def test_bad_input_is_one_line_and_exit_3(tmp_path, make, message):
    result = run(str(make(tmp_path)), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_directory_audits_every_supported_file_and_keeps_going(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(PAPER, encoding="utf-8")
    (docs / "b.md").write_text(PAPER, encoding="utf-8")
    (docs / "c.txt").write_bytes(b"")
    (docs / "notes.csv").write_text("x,y\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(docs), "--out", str(out), "--format", "json,md")
    assert result.exit_code == 3  # one unreadable document, the others audited
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "a.json", "a.md", "b.json", "b.md", "collection.json", "manifest.json"]
    assert "c.txt: the file is empty" in result.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    result = run(str(path), "--format", "pdf")
    assert result.exit_code == 2


def test_cp1252_input_is_read_with_an_info_finding(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(PAPER.replace("¹", "[1]").replace("²", "[2]").replace("Brown", "Délétroz").encode("cp1252"))
    result = run(str(path), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert any(f["rule"] == "style-inconsistent" and f["values"] == ["cp1252"] for f in findings)


def test_reports_are_readable_by_others(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    out = tmp_path / "reports"
    assert run(str(path), "--out", str(out), "--format", "json").exit_code == 0
    assert (out / "paper.json").stat().st_mode & 0o777 == 0o644
