"""extract_notes() on text as PDF-to-text tools give it: what is never a note, and foot-note layouts."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.extract.notes import extract_notes
from audit.pipeline import audit_document
from tests.factories import text_document, title_only_parse

NUMBERING_RULES = {"note-numbering", "marker-without-note", "note-without-marker"}


def _numbers(extraction):
    return [n.number for n in extraction.notes], [m.number for m in extraction.markers]


def _numbering_findings(text: str) -> list[str]:
    report = audit_document(text_document(text), AuditConfig(offline=True, no_urls=True), parse=title_only_parse)
    return [f.finding.message for f in report.findings if f.finding.rule in NUMBERING_RULES]


CHAPTERS = ("CHAPTER 1\n\nThe first claim is made here.1 And a second one follows.2\n\n"
            "  1\n  A. Smith, A Book, London, 2001.\n  2\n  B. Jones, Another Book, Paris, 2002.\n"
            "\fCHAPTER 2\n\nA new chapter makes its own claim.1\n\n"
            "  1\n  C. Brown, A Third Book, Berlin, 2003.\n")


def test_number_alone_above_the_note_and_notes_restarting_per_chapter():
    result = extract_notes(text_document(CHAPTERS))
    assert result.style == "plain"
    assert _numbers(result) == ([1, 2, 1], [1, 2, 1])
    assert [n.text for n in result.notes] == ["A. Smith, A Book, London, 2001.", "B. Jones, Another Book, Paris, 2002.",
                                              "C. Brown, A Third Book, Berlin, 2003."]
    assert _numbering_findings(CHAPTERS) == []


def test_a_page_number_alone_is_not_a_note():
    text = "Body text with a claim.1\n\n  1\n  A. Smith, A Book, 2001.\n\n  2\n\fThe next page starts here.\n"
    assert _numbers(extract_notes(text_document(text))) == ([1], [1])


@pytest.mark.parametrize("text", [
    pytest.param("Contents\n\n1 Introduction ........................ 1\n2 Methods and data ............ 12\n"
                 "3 Results                               31\n\nThe study begins.1 It goes on.2\n",
                 id="table-of-contents"),
    pytest.param("Table 3. Effects\n\n1   Brazil      Seed removal      31.2    12.6\n"
                 "2   Peru        Seed removal      20.1     3.3\n\nAs shown in Table 3.1 the effect is large.2\n",
                 id="numbered-table-rows"),
    pytest.param("2 Theory\n\n2.1 Background\n\nThe model follows.\n\n2.2 Data\n\nWe use two surveys.\n",
                 id="section-numbers"),
    pytest.param("The effect was small, F(1, 355) = .06, p = .81, and r2 = 0.32 in cm3 units.\n\n"
                 "1 Apples are not a note here.\n", id="statistics-and-variables"),
    pytest.param("Our list:\n\n1 Apples are red.\n2 Pears are green.\n", id="numbered-list-without-markers"),
    pytest.param("The balance gives Cf2 as follows:\n\n  2\n  C0 + C− RT (C− − C0) − F ∆ϕ = 0   (6.38)\n",
                 id="an-equation-below-a-number"),
])
def test_what_is_never_a_note(text):
    result = extract_notes(text_document(text))
    assert result.notes == () and result.markers == ()


def test_numbered_citations_cited_again_are_not_notes():
    text = ("Results agree [1]. Others disagree [2]. As in [1], and later [3], [2] and [1] again [3].\n\n"
            "[1] A. Smith, Title, 2001.\n[2] B. Jones, Other, 2002.\n[3] C. Brown, Third, 2003.\n")
    result = extract_notes(text_document(text))
    assert result.notes == () and result.style is None


def test_bracketed_foot_notes_used_once_each_are_notes():
    text = "A claim [1]. Another claim [2].\n\n[1] A. Smith, Title, 2001.\n[2] B. Jones, Other, 2002.\n"
    assert _numbers(extract_notes(text_document(text))) == ([1, 2], [1, 2])


def test_a_bracketed_citation_wrapping_to_a_line_start_is_not_a_note():
    text = ("A claim [1]. Another [2].\n\n[1] A. Smith, Title, 2001.\n[2] B. Jones, Other, 2002.\n\n"
            "Further text cites a study\n[157] that is not a note at all.\n")
    assert _numbers(extract_notes(text_document(text)))[0] == [1, 2]


def test_a_real_numbering_error_is_still_found_once():
    text = ("A claim.1 Another.2 A third.3 A fourth.4\n\n1 A. Smith, Book, 2001.\n2 B. Jones, Book, 2002.\n"
            "4 C. Brown, Book, 2003.\n")
    # flattened digits are weak evidence: only digits paired with a note count as markers, so the gap is
    # reported once, as the notes' jump
    assert _numbering_findings(text) == ["Note numbers jump from 2 to 4: note 3 missing"]


def test_locations_in_pdf_text_give_the_page_from_form_feeds():
    text = ("A claim.¹\n\n¹ A. Smith, A Book, London, 2001.\n\fA second page with a claim.² And one more.⁴\n\n"
            "² B. Jones, Another Book, Paris, 2002.\n⁴ C. Brown, A Third Book, Berlin, 2003.\n")
    report = audit_document(text_document(text), AuditConfig(offline=True, no_urls=True), parse=title_only_parse)
    jumps = [f.finding for f in report.findings if f.finding.rule == "note-numbering"]
    assert [(loc.line, loc.page) for f in jumps for loc in f.locations] == [(6, 2), (7, 2)]
