"""extract_bibliography(): headings in several languages, sections, entry splitting, end of list."""

from __future__ import annotations

import pytest

from audit.extract.bibliography import extract_bibliography
from tests.factories import text_document

ENTRY_A = "Smith, John, *A Book about Things*, London, Routledge, 2001."
ENTRY_B = "Jones, Mary, “An Article”, *Journal of Stuff*, vol. 2, no. 1, 2004, pp. 1-20."


@pytest.mark.parametrize("heading", ["Bibliography", "References", "Works cited", "Bibliographie",
                                     "Literaturverzeichnis", "Bibliografía", "Riferimenti bibliografici",
                                     "## 7. References", "**BIBLIOGRAPHY**", "Références bibliographiques",
                                     "7. Literatur / Verweise", "References and further reading",
                                     "Quellen und Literatur"])
def test_headings(heading):
    bib = extract_bibliography(text_document(f"Body text.\n\n{heading}\n\n{ENTRY_A}\n\n{ENTRY_B}\n"))
    assert [e.text for e in bib.entries] == [ENTRY_A, ENTRY_B]


def test_a_methods_section_is_not_a_bibliography_heading():
    from audit.extract.patterns import BIBLIOGRAPHY_HEADING

    assert not BIBLIOGRAPHY_HEADING.match("Sources and methods")
    assert not BIBLIOGRAPHY_HEADING.match("References to the war in the press")


def test_sections_and_back_matter():
    doc = text_document(f"Body.\n\nBibliography\n\nBooks\n\n{ENTRY_A}\n\nArticles\n\n{ENTRY_B}\n\n"
                        "List of Other Papers\n\n1/2006\n\nKarel Someone, *Some Paper Title*\n\n"
                        "About the Author\n\nShe writes.\n")
    bib = extract_bibliography(doc)
    assert bib.sections == ("Books", "Articles")
    assert [(e.section, e.text) for e in bib.entries] == [("Books", ENTRY_A), ("Articles", ENTRY_B)]


def test_one_entry_per_line_and_hanging_indent():
    doc = text_document("References\n\nAdams, A. (2001). First. Journal, 1, 1-2.\n"
                        "    continued line of first.\nBaker, B. (2002). Second. Press.\n")
    bib = extract_bibliography(doc)
    assert [e.text for e in bib.entries] == ["Adams, A. (2001). First. Journal, 1, 1-2. continued line of first.",
                                             "Baker, B. (2002). Second. Press."]


def test_lines_without_indent_split_on_new_author():
    doc = text_document("References\n\nAdams, A. (2001). First title. Journal, 1, 1-2.\n"
                        "Baker, B. (2002). Second title. London: Press.\n")
    assert len(extract_bibliography(doc).entries) == 2


def test_repeated_author_dashes_and_numbered_entries():
    doc = text_document("References\n\n[1] A. Smith, “One”, 2001.\n\n[2] ———. *Two*, 2003.\n")
    entries = extract_bibliography(doc).entries
    assert [(e.label, e.repeats_author) for e in entries] == [("[1]", False), ("[2]", True)]


def test_no_bibliography_when_heading_has_no_references():
    doc = text_document("Sources\n\nThe sources of the river are in the mountains.\n")
    assert extract_bibliography(doc).entries == ()


def test_last_heading_wins_over_table_of_contents():
    doc = text_document(f"Contents\n\nReferences\n\nIntroduction\n\nBody text here.\n\nReferences\n\n{ENTRY_A}\n")
    bib = extract_bibliography(doc)
    assert bib.heading_line == 9 and [e.text for e in bib.entries] == [ENTRY_A]


def test_bulleted_list_one_entry_per_bullet_without_the_bullet():
    doc = text_document("## References\n\n- Adams, A. (2001). First title. Journal, 1, 1-2.\n"
                        "  continued.\n* Baker, B. (2002). Second title. London: Press.\n"
                        "• Cole, C. (2003). Third. X.\n")
    entries = extract_bibliography(doc).entries
    assert [e.text for e in entries] == ["Adams, A. (2001). First title. Journal, 1, 1-2. continued.",
                                         "Baker, B. (2002). Second title. London: Press.",
                                         "Cole, C. (2003). Third. X."]
    assert doc.text[entries[1].span.start:].startswith("Baker")


SERIES = [f"No. {k}/199{k} A working paper title number {k}. Author Name{k}" for k in range(1, 7)]


def test_a_series_list_that_ran_into_the_list_under_a_heading_is_cut_off():
    doc = text_document("Body text.\n\nReferences\n\n" + f"{ENTRY_A}\n\n{ENTRY_B}\n\n" + "\n\n".join(SERIES) + "\n")
    bib = extract_bibliography(doc)
    assert [e.text for e in bib.entries] == [ENTRY_A, ENTRY_B]
    assert bib.end_line == 7  # ENTRY_B's line


def test_short_references_ending_a_list_under_a_heading_are_kept():
    # hard negative: short undated entries are table rows to the PDF list cut, but not under a heading
    statutes = ["Water Act 1998.", "Rivers Act.", "Dams Act.", "Canal Act.", "Fish Act."]
    more = [ENTRY_A.replace("Smith", "Taylor"), ENTRY_B.replace("Jones", "Young")]
    doc = text_document("Body text.\n\nReferences\n\n" + "\n\n".join([ENTRY_A, ENTRY_B, *more, *statutes]) + "\n")
    assert [e.text for e in extract_bibliography(doc).entries] == [ENTRY_A, ENTRY_B, *more, *statutes]
