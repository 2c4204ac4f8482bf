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


def test_an_unnamed_list_of_undated_items_is_not_a_bibliography():
    from audit.extract.bibliography import _mostly_references
    from audit.models import Line
    from audit.zoning import ListEntry, ReferenceList

    def listing(texts):
        entries = tuple(ListEntry(None, (Line(k, 0, text),)) for k, text in enumerate(texts, start=1))
        return ReferenceList(None, None, 1, len(texts), (), entries)

    survey = [f"She [He] sticks to her [his] word number {k}.           .9{k}" for k in range(1, 7)]
    assert not _mostly_references(listing(survey))
    assert _mostly_references(listing([r.replace("\n      ", " ") for r in REFERENCES] + survey[:3]))


BULLETED = [
    ("   • Cernea M.M., Putting people first: Sociological variables in rural development, World Bank &\n"
     "      Oxford University Press, Oxford-Washington, 1985."),
    ("   • Chakrabati A., Dhar A., Dislocation and Resettlement in Development: From third world to the\n"
     "      world of the third, Routledge, Abingdon, 2010."),
    "   • Hart D., The Volta River Project: A case study in politics and technology, Edinburgh, 1980.",
    ("   • McDowell Ch., Understanding impoverishment. The consequences of development-induced\n"
     "      displacement, Berghahn Books, New York, 1996."),
    "   • Mehta L., Displaced By Development, SAGE Publications Ltd, New Delhi, 2009.",
]


def test_a_bulleted_list_under_a_heading_is_a_bibliography():
    doc = text_document(_paper() + "\nBibliography:\n\n" + "\n".join(BULLETED) + "\n")
    bib = extract_bibliography(doc)
    assert [e.text.split()[0] for e in bib.entries] == ["Cernea", "Chakrabati", "Hart", "McDowell", "Mehta"]


def test_a_bulleted_list_of_points_in_the_text_is_not():
    # Hard negative: bullets in the body that are not references.
    points = "\n".join(f"   • The {w} of the basin must be agreed before the next meeting of the states."
                       for w in ("quotas", "maps", "gauges", "budget", "minutes"))
    doc = text_document(_paper(6) + "\n" + points + "\n\n" + _paper(6))
    assert extract_bibliography(doc).entries == ()


def test_numbered_items_the_zone_model_calls_text_are_mended_into_the_list():
    from audit.zoning import _mend_numbered_gaps
    from audit.zoning.line_facts import measure_lines

    lines = ["25. Raggi F; Bosco MC Regulation of macrophage polarization. Front Immunol 2017, 8, 1097.",
             "26. Choi J; Koo JS The role of macrophages in breast cancer", "biology. Histol 2018, 33, 133-145.",
             "27. Seager RJ; Zaman MH Dynamic interplay. Converg Sci 2017, 3, 034002.",
             "28. Luo H; Pollard JW Tumor-associated macrophages. Immunity 2014, 41, 49-61."]
    labels = ["ref", "text", "text", "text", "ref"]
    _mend_numbered_gaps(measure_lines(lines), labels)
    assert labels == ["ref"] * 5
    # hard negatives: a break in the numbering, or no reference line after the gap
    broken = ["ref", "text", "text", "text", "ref"]
    _mend_numbered_gaps(measure_lines([*lines[:3], "29. Seager RJ; Dynamic interplay. 2017.", lines[4]]), broken)
    assert broken == ["ref", "text", "text", "text", "ref"]
    open_end = ["ref", "text", "text", "text", "text"]
    _mend_numbered_gaps(measure_lines(lines), open_end)
    assert open_end == ["ref", "text", "text", "text", "text"]
