"""The line models on PDF-to-text layouts written for one behaviour each, with hard negatives."""

from __future__ import annotations

from audit.extract.bibliography import extract_bibliography, is_wrapped_text
from tests.factories import text_document

BODY = ("The river basin has been governed by a series of treaties since the end of the war, and\n"
        "the commission that grew out of them now meets twice a year to agree on quotas for the\n"
        "upstream states, which have long argued that the downstream users take more than their\n"
        "share of the water in dry summers and that the rules should be written again from the\n"
        "start so that every state has a vote of the same weight in the commission's meetings.\n")
REFERENCES = [
    ("Adams, John. 2001. Rivers and borders in central Europe. Journal of Water Policy\n"
     "      12(3): 45-67."),
    ("Baker, Mary, and Peter Clark. 1998. The politics of shared rivers. Oxford: Oxford\n"
     "      University Press."),
    "Chen, Li. 2010. Upstream and downstream. Water Review 4: 1-20.",
    ("Dupont, Anne. 2005. Les fleuves partagés et leurs commissions. Paris: Presses\n"
     "      universitaires de France."),
]


def _paper(body_paragraphs: int = 12) -> str:
    return (BODY + "\n") * body_paragraphs


def test_wrapped_text_is_recognised_and_paragraph_text_is_not():
    assert is_wrapped_text(text_document(_paper()))
    assert not is_wrapped_text(text_document(" ".join(BODY.split("\n")) * 3 + "\n\n" * 50))


def test_hanging_indent_list_after_heading_gives_one_entry_per_reference():
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES) + "\n")
    bib = extract_bibliography(doc)
    assert bib.heading == "References"
    assert [e.text.split(",")[0] for e in bib.entries] == ["Adams", "Baker", "Chen", "Dupont"]
    assert bib.entries[0].text.endswith("12(3): 45-67.")


def test_double_spaced_list_is_not_cut_at_every_blank_line():
    double = "\n\n".join(line for ref in REFERENCES for line in ref.split("\n"))
    doc = text_document("\n\n".join(_paper().split("\n")) + "\nReferences\n\n" + double + "\n")
    bib = extract_bibliography(doc)
    assert [e.text.split(",")[0] for e in bib.entries] == ["Adams", "Baker", "Chen", "Dupont"]


def test_a_bibliography_per_chapter_gives_regions_and_keeps_the_chapters_between():
    chapter = _paper(6) + "\nBibliography\n\n" + "\n".join(REFERENCES[:2]) + "\n\f"
    doc = text_document(chapter + "CHAPTER 2\n\n" + _paper(6) + "\nBibliography\n\n" + "\n".join(REFERENCES[2:]) + "\n")
    bib = extract_bibliography(doc)
    assert len(bib.entries) == 4 and len(bib.regions) == 2
    body_line = next(k for k, line in enumerate(doc.lines, start=1) if line.text.strip("\f") == "CHAPTER 2")
    assert not bib.contains(body_line)


def test_wrapped_body_text_alone_has_no_bibliography():
    assert extract_bibliography(text_document(_paper(20))).entries == ()


def test_trailing_list_without_heading_is_found_but_end_notes_are_not():
    refs = "\n\n".join(r.replace("\n      ", " ") for r in REFERENCES)
    bib = extract_bibliography(text_document(refs + "\n"))
    assert len(bib.entries) == 4
    notes = "A claim.¹ Another.² A third.³\n\n¹ See Adams 2001.\n\n² Baker 1998, 12.\n\n³ Chen 2010, 4.\n"
    assert extract_bibliography(text_document(notes)).entries == ()


def test_a_working_paper_series_list_after_the_references_is_cut_off():
    series = "\n".join(f"No. {k}/199{k} A working paper title number {k}. Author Name{k}" for k in range(1, 10))
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES) + "\n" + series + "\n")
    bib = extract_bibliography(doc)
    assert [e.text.split(",")[0] for e in bib.entries] == ["Adams", "Baker", "Chen", "Dupont"]


def test_a_series_list_numbered_at_the_entry_start_is_cut_off_too():
    series = "\n".join(f"{k}/200{k} Author Name{k}\n      A working paper title number {k} (June 200{k})\n"
                       for k in range(1, 8))
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES) + "\n\n" + series + "\n")
    bib = extract_bibliography(doc)
    assert [e.text.split(",")[0] for e in bib.entries] == ["Adams", "Baker", "Chen", "Dupont"]


def test_a_series_list_with_a_series_code_is_cut_off():
    series = "\n\n".join(f"WP II 97-10{k} AUTHOR NAME{k}: A working paper title\n      number {k}, 3{k} S."
                         for k in range(1, 8))
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES) + "\n\n" + series + "\n")
    bib = extract_bibliography(doc)
    assert [e.text.split(",")[0] for e in bib.entries] == ["Adams", "Baker", "Chen", "Dupont"]


def test_references_that_cite_an_issue_number_are_not_a_series_list():
    issues = [f"Zeller, Karl, 200{k}: Article number {k}, in: Technology Review\n      {k}/200{k}: 20-41"
              for k in range(1, 8)]
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES + issues) + "\n")
    assert extract_bibliography(doc).entries[-1].text.endswith("7/2007: 20-41")


def test_a_table_after_the_references_is_not_part_of_the_list():
    rows = "\n".join(f"  Country{k} 199{k} No\n             (198{k}) 2000 2001 2002" for k in range(1, 8))
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES) + "\n\n" + rows + "\n")
    bib = extract_bibliography(doc)
    assert [e.text.split(",")[0] for e in bib.entries] == ["Adams", "Baker", "Chen", "Dupont"]


def test_short_vancouver_references_are_not_table_rows():
    short = [f"{k}. Kim J, Lee K. Nature. 201{k};375:1{k}3-9." for k in range(1, 8)]
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(short) + "\n")
    assert len(extract_bibliography(doc).entries) == 7


UNDATED = [f"Writer{k}, Anne. The title of a discussion paper, number {k}.\n      Cologne: The Institute."
           for k in range(1, 7)]


def test_undated_entries_from_the_top_of_a_new_page_on_end_the_list():
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES) + "\n\f" + "\n".join(UNDATED) + "\n")
    bib = extract_bibliography(doc)
    assert [e.text.split(",")[0] for e in bib.entries] == ["Adams", "Baker", "Chen", "Dupont"]


def test_undated_entries_on_the_same_page_are_kept():
    doc = text_document(_paper() + "\nReferences\n\n" + "\n".join(REFERENCES) + "\n" + "\n".join(UNDATED) + "\n")
    assert extract_bibliography(doc).entries[-1].text.startswith("Writer6, Anne.")
