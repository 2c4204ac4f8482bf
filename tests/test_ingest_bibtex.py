"""audit/ingest/bibtex_doc.py: a tolerant .bib splitter; one bad entry never costs the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import AuditConfig
from audit.errors import UnreadableInput
from audit.extract.bibliography import extract_bibliography
from audit.ingest import ingest
from audit.ingest.bibtex_doc import render_entry, split_bibtex
from audit.models import SourceEntry
from audit.pipeline import audit_document
from audit.render.json_report import report_to_dict
from tests.factories import title_only_parse

GOOD_BEFORE = "@book{before2000,\n  author = {Before, Ann},\n  title = {Earlier Book},\n  year = {2000}\n}\n"
GOOD_AFTER = "@article{after2010,\n  author = {After, Bob},\n  title = {Later Paper},\n  year = 2010\n}\n"


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_entries_fields_macros_and_concatenation():
    text = """@string{jdp = "Journal of Drug Policy"}
@comment{ignored}
@Article{doe2010,
  Author = {Doe, Jane and M{\\"u}ller, Hans},
  title = "Seizures and {Prices}",
  journal = jdp,
  month = mar,
  note = "Part " # {one},
  year = 2010,
}
"""
    entries, problems = split_bibtex(text, "x.bib")
    assert problems == []
    (entry,) = entries
    assert (entry.key, entry.type, entry.source_line) == ("doe2010", "article", 3)
    assert entry.fields == {"author": 'Doe, Jane and M{\\"u}ller, Hans', "title": "Seizures and {Prices}",
                            "journal": "Journal of Drug Policy", "month": "March", "note": "Part one",
                            "year": "2010"}
    assert render_entry(entry) == ("Doe, Jane; Müller, Hans (2010). Seizures and Prices. Journal of Drug Policy. "
                                   "Part one.")


@pytest.mark.parametrize("broken, reason", [
    pytest.param("@misc{broken1,\n  title = {No closing brace},\n  year = {2005}\n\n", "missing closing brace",
                 id="missing-closing-brace"),
    pytest.param("@misc{broken1,\n  title = {Unbalanced {inner},\n  year = {2005}\n}\n", "missing closing brace",
                 id="unbalanced-inner-brace"),
    pytest.param("@misc{broken1,\n  title = {Extra}},\n  year = {2005}\n}\n", "extra closing brace",
                 id="extra-closing-brace"),
    pytest.param("@misc{broken1,\n  title {no equals sign},\n}\n", "cannot read the fields", id="no-equals"),
    pytest.param("@misc{broken1,\n  title = \"open quote,\n}\n", "", id="unclosed-quote"),
])
def test_a_broken_entry_is_reported_and_its_neighbours_read(broken, reason):
    text = GOOD_BEFORE + "\n" + broken + GOOD_AFTER
    entries, problems = split_bibtex(text, "refs.bib")
    assert [e.key for e in entries] == ["before2000", "after2010"]
    assert len(problems) == 1
    assert problems[0].line == 7 and problems[0].what == "BibTeX entry 'broken1'"
    assert reason in problems[0].reason


def test_non_utf8_bytes_in_one_entry_of_a_utf8_file(tmp_path):
    data = ("@book{ok1, author={Müller, Hans}, title={Gut}, year={1999}}\n"
            "@book{bad1, author={").encode() + "Délétroz".encode("latin-1") + b"}, year={2001}}\n" + \
        GOOD_AFTER.encode()
    doc = ingest(write(tmp_path, "mixed.bib", data))
    assert [e.key for e in doc.bib_entries] == ["ok1", "after2010"]
    assert [(p.what, p.reason, p.line) for p in doc.parts_unreadable] == [
        ("BibTeX entry 'bad1'", "it holds bytes that are not valid UTF-8", 2)]


def test_a_latin1_file_is_read_whole(tmp_path):
    doc = ingest(write(tmp_path, "old.bib", "@book{a1, author={Délétroz, Alain}, title={Été}, year={1990}}\n"
                       .encode("cp1252")))
    assert doc.encoding == "cp1252" and doc.parts_unreadable == ()
    assert doc.bib_entries[0].fields["author"] == "Délétroz, Alain"


def test_bib_file_is_a_bibliography_document(tmp_path, validate_report):
    broken = "@misc{broken1,\n  title = {No closing brace},\n  year = {2005}\n\n"
    doc = ingest(write(tmp_path, "refs.bib", GOOD_BEFORE + "\n" + broken + GOOD_AFTER))
    assert doc.format == "bibtex"
    assert doc.text.split("\n")[0] == "References"
    bib = extract_bibliography(doc)
    assert [e.text for e in bib.entries] == ["Before, Ann (2000). Earlier Book.", "After, Bob (2010). Later Paper."]
    assert [e.span.line for e in bib.entries] == [e.line for e in doc.bib_entries]
    report = validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                           parse=title_only_parse)))
    assert report["document"]["format"] == "bibtex"
    assert len(report["bibliography"]) == 2


def test_unreadable_part_finding_names_the_source_line(tmp_path):
    from audit.extract.notes import extract_notes
    from audit.rules.context import AuditContext
    from audit.rules.ingest_rules import check_unreadable_parts

    broken = "@misc{broken1,\n  title = {No closing brace},\n  year = {2005}\n\n"
    doc = ingest(write(tmp_path, "refs.bib", GOOD_BEFORE + "\n" + broken + GOOD_AFTER))
    ctx = AuditContext(document=doc, notes=extract_notes(doc), bibliography=extract_bibliography(doc))
    (finding,) = check_unreadable_parts(ctx)
    assert finding.rule == "unreadable-part" and finding.locations[0].line == 7
    assert "BibTeX entry 'broken1' could not be read: missing closing brace" in finding.message


def test_empty_bib_is_refused(tmp_path):
    with pytest.raises(UnreadableInput, match="no BibTeX entries"):
        ingest(write(tmp_path, "empty.bib", "% only a comment\n"))


@pytest.mark.parametrize("fields, expected", [
    pytest.param({"author": "Smith, J.", "title": "Chapter", "booktitle": "Big Book", "editor": "Ed, E.",
                  "pages": "1--9", "publisher": "Press", "address": "Paris", "year": "2001"},
                 "Smith, J. (2001). Chapter. In Big Book ed. Ed, E., pp. 1–9. Paris: Press.", id="chapter"),
    pytest.param({"title": "Web page", "url": "https://x.org/a_b", "urldate": "2020-01-02"},
                 "(n.d.). Web page. <https://x.org/a_b>. Accessed 2020-01-02.", id="web"),
    pytest.param({"author": "{World Bank}", "title": "Report", "institution": "WB", "year": "2019",
                  "doi": "10.1/abc"}, "World Bank (2019). Report. WB. doi:10.1/abc.", id="corporate-doi"),
])
def test_render_entry(fields, expected):
    assert render_entry(SourceEntry("k", "misc", fields, "", 0)) == expected


def test_benchmark_runs_small():
    from benchmarks.bench_bibtex import make_bib, time_split

    seconds, entries, problems = time_split(make_bib(2_000, broken_every=500))
    assert len(entries) == 1_996 and len(problems) == 4 and seconds < 5
