"""Extraction on the real seed documents (read from ../shared/seeds, never copied).

Expected counts and line numbers were established by reading the documents.
"""

from __future__ import annotations

from collections import Counter

import pytest

from audit.config import AuditConfig
from audit.extract.bibliography import extract_bibliography
from audit.ingest import ingest
from audit.pipeline import audit_document
from audit.render.json_report import report_to_dict
from tests.factories import title_only_parse

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@pytest.fixture(scope="module")
def paper_report(request):
    from tests.conftest import SEED_PAPER, seed_path

    doc = ingest(seed_path(SEED_PAPER))
    return doc, audit_document(doc, AuditConfig(offline=True, no_urls=True), parse=title_only_parse)


def test_seed_paper_notes_and_markers(paper_report):
    _, report = paper_report
    assert [r.note.number for r in report.notes] == list(range(1, 111))
    assert report.marker_count == 110
    numbering = {"note-numbering", "marker-without-note", "note-without-marker"}
    assert [f for f in report.findings if f.finding.rule in numbering] == []


@pytest.mark.parametrize("number, line", [(7, 117), (18, 161), (22, 182), (49, 309), (70, 404), (102, 534),
                                          (110, 570)])
def test_seed_paper_note_texts_are_whole(paper_report, number, line):
    doc, report = paper_report
    record = next(r for r in report.notes if r.note.number == number)
    expected = doc.lines[line - 1].text.lstrip(SUPERSCRIPTS).strip()  # the line as printed, marker removed
    assert record.note.span.line == line
    assert record.note.text == expected


def test_seed_paper_bibliography(paper_report):
    doc, report = paper_report
    bib = extract_bibliography(doc)
    assert bib.heading == "Bibliography" and bib.heading_line == 614
    assert bib.sections == ("Documents and reports", "Articles", "Books", "News Articles", "Interviews")
    counts = Counter(e.entry.section for e in report.bibliography)
    assert [counts[s] for s in bib.sections] == [23, 21, 8, 5, 3]
    assert report.bibliography[0].entry.span.line == 618
    assert report.bibliography[-1].entry.span.line == 744
    # nothing from the publisher's series lists after the bibliography (they start at line 746)
    assert bib.end_line == 744
    assert all(e.entry.span.line < 746 for e in report.bibliography)


def test_seed_paper_source_lines_are_body_citations(paper_report):
    _, report = paper_report
    assert [(c.id, c.span.line, c.kind) for c in report.body_citations] == [
        ("b.1", 190, "op-cit"), ("b.2", 325, "short")]


def test_seed_paper_short_form_kinds(paper_report):
    _, report = paper_report
    kinds = {c.id: c.kind for r in report.notes for c in r.citations}
    assert kinds["n18.1"] == "ibid" and kinds["n29.1"] == "op-cit" and kinds["n7.1"] == "full"
    assert kinds["n49.1"] == "op-cit"  # the discursive first sentence of note 49 is not a citation
    assert "n5.1" not in kinds  # note 5 is commentary only


def test_seed_webpage_has_nothing_to_report(seed_webpage, validate_report):
    doc = ingest(seed_webpage)
    report = audit_document(doc, AuditConfig(offline=True, no_urls=True), parse=title_only_parse)
    assert report.notes == () and report.bibliography == () and report.marker_count == 0
    assert [f for f in report.findings if f.finding.severity.value == "error"] == []
    assert "No notes or note markers were found in this document." in report.notices
    assert "No bibliography was found in this document." in report.notices
    validate_report(report_to_dict(report))
