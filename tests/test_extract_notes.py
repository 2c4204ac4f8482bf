"""extract_notes(): markers and notes in every style, page-break continuations, hard negatives."""

from __future__ import annotations

import pytest

from audit.extract.notes import extract_notes
from tests.factories import markdown_document, text_document


def _numbers(extraction):
    return [n.number for n in extraction.notes], [m.number for m in extraction.markers]


@pytest.mark.parametrize("body, notes, style", [
    pytest.param("A claim.¹ Another.² A third.¹⁰\n\n¹ Smith, Title, 2001.\n\n² Jones, Other, 2002.\n\n"
                 "¹⁰ Brown, Third, 2003.\n", [1, 2, 10], "superscript", id="unicode-superscripts-multidigit"),
    pytest.param("A claim.[1] Another.[2]\n\n[1] Smith, Title, 2001.\n[2] Jones, Other, 2002.\n",
                 [1, 2], "bracket", id="brackets"),
    pytest.param("A claim.^1 Another.^2\n\n^1 Smith, Title, 2001.\n^2 Jones, Other, 2002.\n",
                 [1, 2], "caret", id="caret"),
    pytest.param("A claim.<sup>1</sup> Another.<sup>2</sup>\n\n<sup>1</sup> Smith, Title, 2001.\n"
                 "<sup>2</sup> Jones, Other, 2002.\n", [1, 2], "sup-tag", id="sup-tags"),
    pytest.param("The region matters.1 It is far away.2\n\n1 Smith, Title, London, 2001.\n"
                 "2 Jones, Other, Paris, 2002.\n", [1, 2], "plain", id="plain-digits-at-page-foot"),
])
def test_marker_styles(body, notes, style):
    result = extract_notes(text_document(body))
    assert result.style == style
    assert _numbers(result) == (notes, notes)


def test_superscript_note_texts_and_lines():
    doc = text_document("Intro text.¹\n\n¹ A. Author, “Title”, *Journal*, 2001, p. 4.\n\nMore body.²\n\n"
                        "² Ibid.\n")
    result = extract_notes(doc)
    assert [(n.number, n.span.line, n.text) for n in result.notes] == [
        (1, 3, "A. Author, “Title”, *Journal*, 2001, p. 4."), (2, 7, "Ibid.")]
    assert [m.span.line for m in result.markers] == [1, 5]


def test_note_cut_by_page_break_is_joined_and_body_kept_apart():
    doc = text_document(
        "Body paragraph one ends here.¹ And continues to the end of\n\n"
        "¹ A. Author, “A long title”, *Journal*, vol. 3, 2001, which goes on\n\n"
        "the page, then the next page starts with body text.²\n\n"
        "over the page break, p. 4.\n\n"
        "² B. Writer, *Book*, London, 2004.\n")
    result = extract_notes(doc)
    assert [n.text for n in result.notes] == [
        "A. Author, “A long title”, *Journal*, vol. 3, 2001, which goes on over the page break, p. 4.",
        "B. Writer, *Book*, London, 2004."]
    body = " ".join(line.text for line in result.body_lines)
    assert "the page, then the next page" in body and "over the page break" not in body


def test_finished_note_never_swallows_the_next_body_paragraph():
    doc = text_document("Claim.¹\n\n¹ A. Author, *Book*, 2001.\n\nlowercase body text continues here.²\n\n"
                        "² B. Writer, *Other*, 2002.\n")
    result = extract_notes(doc)
    assert result.notes[0].text == "A. Author, *Book*, 2001."
    assert any("lowercase body text" in line.text for line in result.body_lines)


def test_multi_line_note_paragraph():
    doc = text_document("Claim.¹\n\n¹ A. Author, “A title that wraps\nonto a second line”, 2001.\n")
    assert extract_notes(doc).notes[0].text == "A. Author, “A title that wraps onto a second line”, 2001."


@pytest.mark.parametrize("text", [
    pytest.param("Area of 10 km² and 10⁶ people.\n", id="units-and-exponents-are-not-markers"),
    pytest.param("EU Diplomacy Paper\n\n09 / 2011\n\n1. Due to its role, the EU matters.\n", id="numbered-list"),
    pytest.param("He arrived on 12 April 2010 in Paris.\n", id="dates-are-not-notes"),
])
def test_hard_negatives_find_no_notes(text):
    result = extract_notes(text_document(text))
    assert result.notes == () and result.markers == ()


def test_endnotes_section():
    doc = text_document("A claim.¹ Another.²\n\nNotes\n\n1. Smith, Title, 2001.\n2. Jones, Other, 2002.\n")
    result = extract_notes(doc)
    assert _numbers(result) == ([1, 2], [1, 2])
    assert result.notes[1].text == "Jones, Other, 2002."


def test_markdown_footnotes_and_inline_notes():
    doc = markdown_document("Text.[^a] More.[^2] Inline.^[Smith, *Book*, 2001.]\n\n"
                            "[^a]: First note,\n    continued.\n[^2]: Second note.\n")
    result = extract_notes(doc)
    assert [(n.number, n.label, n.text) for n in result.notes] == [
        (1, "a", "First note, continued."), (2, "2", "Second note."), (3, result.notes[2].label,
                                                                     "Smith, *Book*, 2001.")]
    assert [m.number for m in result.markers] == [1, 2, 3]
    assert not any("[^a]:" in line.text for line in result.body_lines)
