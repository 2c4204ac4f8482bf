"""audit/ingest/pdf_doc.py and pdf_layout.py on PDFs written by fpdf2 in the tests themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import AuditConfig
from audit.errors import UnreadableInput
from audit.extract.notes import extract_notes
from audit.ingest import ingest
from audit.ingest.pdf_layout import Glyph, build_line
from audit.ingest.pdf_notes import DoubtfulMarker
from audit.pipeline import audit_document
from audit.render.json_report import report_to_dict
from audit.textnorm import FROM_SUPERSCRIPT
from tests.factories import title_only_parse

fpdf = pytest.importorskip("fpdf")

BODY = [
    ("Opium production rose sharply in the northern provinces", "1",
     " while seizures fell in 2007 as prices climbed across the region. The infor-"),
    ("mation was collected by the regional office", "2", ". The area measured 10"),
]


class Writer:
    """A few helpers over fpdf2: body text at 11 pt, raised markers, notes at 8 pt, a running head."""

    def __init__(self) -> None:
        self.pdf = fpdf.FPDF(format="A4")
        self.pdf.set_auto_page_break(False)
        self.page = 0

    def new_page(self, head: str = "Journal of Tests, vol. 3") -> None:
        self.pdf.add_page()
        self.page += 1
        self.pdf.set_font("Helvetica", size=9)
        self.pdf.set_xy(20, 10)
        self.pdf.cell(0, 5, head)
        self.pdf.set_xy(100, 285)
        self.pdf.cell(0, 4, str(self.page))
        self.pdf.set_font("Helvetica", size=11)
        self.pdf.set_xy(20, 30)

    def text(self, text: str) -> None:
        self.pdf.set_font("Helvetica", size=11)
        self.pdf.write(6, text)

    def marker(self, label: str) -> None:
        self.pdf.char_vpos = "SUP"
        self.pdf.write(6, label)
        self.pdf.char_vpos = "LINE"

    def heading(self, text: str) -> None:
        self.pdf.ln(10)
        self.pdf.set_font("Helvetica", style="B", size=14)
        self.pdf.set_x(20)
        self.pdf.write(7, text)
        self.pdf.ln(10)
        self.pdf.set_x(20)

    def paragraph_break(self) -> None:
        self.pdf.ln(12)
        self.pdf.set_x(20)

    def foot(self, lines: list[str], top: float = 255) -> None:
        self.pdf.set_font("Helvetica", size=8)
        for i, line in enumerate(lines):
            self.pdf.set_xy(20, top + 4.5 * i)
            self.pdf.cell(0, 4, line)

    def save(self, path: Path) -> Path:
        self.pdf.output(str(path))
        return path


def article(path: Path) -> Path:
    w = Writer()
    w.new_page()
    w.text("Opium production rose sharply in the northern provinces")
    w.marker("1")
    w.text(" while seizures fell in 2007 as prices climbed across the region. The infor-\nmation was collected by "
           "the regional office")
    w.marker("2")
    w.text(". The area measured 10")
    w.marker("2")
    w.text(" km in total.")
    w.foot(["1 UNODC, Illicit Drug Trends, Vienna, 2008, p. 12.",
            "2 Smith, A History of Opium, p. 4, and further the discussion in the annual report of the",
            ])
    w.new_page()
    w.text("Prices stayed high for several years afterwards")
    w.marker("3")
    w.text(".")
    w.heading("References")
    w.text("Smith, John (2004). A History of Opium. Oxford: Oxford University Press.")
    w.paragraph_break()
    w.text("UNODC (2008). Illicit Drug Trends. Vienna: United Nations.")
    w.foot(["regional office for the years 2006 and 2007.", "3 Id. at 7."])
    return w.save(path)


def test_markers_notes_heads_and_hyphenation(tmp_path, validate_report):
    doc = ingest(article(tmp_path / "article.pdf"))
    assert doc.format == "pdf" and doc.structured_notes
    body = [line.text for line in doc.lines if line.text]
    assert body[0] == ("Opium production rose sharply in the northern provinces¹ while seizures fell in 2007 as "
                       "prices climbed across the region. The information was collected by the regional office². "
                       "The area measured 10² km in total.")
    # a page that ends a sentence ends the paragraph
    assert body[1] == "Prices stayed high for several years afterwards³."
    assert "References" in body
    assert "Journal of Tests" not in doc.text  # the running head
    assert not any(line.strip().isdigit() for line in body)  # page numbers
    assert [(h.number, h.text) for h in doc.note_hints] == [
        (1, "UNODC, Illicit Drug Trends, Vienna, 2008, p. 12."),
        (2, "Smith, A History of Opium, p. 4, and further the discussion in the annual report of the regional "
            "office for the years 2006 and 2007."),
        (3, "Id. at 7.")]
    assert [m.number for m in doc.marker_hints] == [1, 2, 3]
    report = validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                           parse=title_only_parse)))
    assert report["document"]["format"] == "pdf"
    assert [e["text"][:12] for e in report["bibliography"]] == ["Smith, John ", "UNODC (2008)"]
    assert not [f for f in report["findings"] if f["rule"] in ("marker-without-note", "note-without-marker")]


def test_endnotes_are_left_to_the_text_extractor(tmp_path):
    w = Writer()
    w.new_page(head="")
    w.text("A claim about production")
    w.marker("1")
    w.text(" and another about prices.")
    w.marker("2")
    w.heading("Notes")
    w.text("1. UNODC, Illicit Drug Trends, 2008, p. 12.")
    w.paragraph_break()
    w.text("2. Smith, History, 2004, p. 4.")
    doc = ingest(w.save(tmp_path / "endnotes.pdf"))
    assert not doc.structured_notes
    assert "A claim about production¹ and another about prices.²" in doc.text
    notes = extract_notes(doc)
    assert [n.number for n in notes.notes] == [1, 2]
    assert [m.number for m in notes.markers] == [1, 2]


def test_superscript_detection_from_size_and_position():
    body = [Glyph(ch, 10 + 6 * i, 16 + 6 * i, 100, 111, 11) for i, ch in enumerate("word")]
    raised = [Glyph("1", 34, 38, 97, 104, 7), Glyph("2", 38, 42, 97, 104, 7)]
    small_not_raised = [Glyph("3", 44, 48, 104, 111, 7)]
    line = build_line(1, body + raised + small_not_raised)
    assert line.tokens == ("word", 12, " 3")


def test_exponent_after_a_digit_is_not_a_marker():
    body = [Glyph(ch, 10 + 6 * i, 16 + 6 * i, 100, 111, 11) for i, ch in enumerate("10")]
    line = build_line(1, body + [Glyph("6", 22, 26, 97, 104, 7)])
    assert line.tokens == ("10", 6) and isinstance(line.tokens[1], DoubtfulMarker)  # the note sequence decides


def test_encrypted_pdf_is_one_clear_line(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "Secret text " * 5)
    pdf.set_encryption(owner_password="owner", user_password="user")
    path = tmp_path / "secret.pdf"
    pdf.output(str(path))
    with pytest.raises(UnreadableInput, match="encrypted") as info:
        ingest(path)
    assert "\n" not in str(info.value)


def test_image_only_pdf_has_no_text_layer(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(UnreadableInput, match=r"no text layer \(scanned image\?\)"):
        ingest(path)


@pytest.mark.parametrize("content", [
    pytest.param(None, id="truncated"),
    pytest.param(b"%PDF-1.4\nnot really a pdf\n", id="garbage"),
])
def test_damaged_pdf_is_one_clear_line(tmp_path, content):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content if content is not None else article(tmp_path / "a.pdf").read_bytes()[:400])
    with pytest.raises(UnreadableInput) as info:
        ingest(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(article(tmp_path / "a.pdf").read_bytes())
    assert ingest(path).format == "pdf"


LEFT = ("The first column opens the argument about production in the northern provinces and continues "
        "for a while with enough words to wrap over many lines of the narrow column on the left side of "
        "the page, so that the gutter between the columns is plain to see for anyone who looks at it. "
        "It goes on about the office that gathered the figures, the years they cover and the regions they "
        "leave out, and about the doubts that remain over the method used to estimate the area under "
        "cultivation. It ends here with a final sentence of its own.")
RIGHT = ("The second column picks up the thread with the evidence on prices and seizures, again with "
         "enough words to wrap over many lines of the narrow column on the right side of the page, and "
         "it goes on to weigh those figures against the reports of the customs services of the neighbouring "
         "countries and the estimates of independent researchers, before it too ends with a complete "
         "sentence that closes the paragraph.")


def test_two_columns_are_read_one_after_the_other(tmp_path):
    pdf = fpdf.FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.set_xy(15, 15)
    pdf.cell(180, 8, "A Title Across Both Columns")
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(15, 30)
    pdf.multi_cell(85, 5, LEFT)
    pdf.set_xy(110, 30)
    pdf.multi_cell(85, 5, RIGHT)
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    doc = ingest(path)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "A Title Across Both Columns"
    assert paragraphs[1] == " ".join(LEFT.split())
    assert paragraphs[2] == " ".join(RIGHT.split())


def test_link_annotations_keep_their_address(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(20, 30)
    pdf.write(6, "See ")
    pdf.write(6, "the annual report", link="https://www.unodc.org/wdr2008.pdf")
    pdf.write(6, " and https://example.org/shown", link="https://example.org/shown")
    pdf.write(6, " for details.")
    path = tmp_path / "links.pdf"
    pdf.output(str(path))
    assert ingest(path).text == ("See the annual report <https://www.unodc.org/wdr2008.pdf> and "
                                 "https://example.org/shown for details.")


def test_unicode_superscript_characters_are_markers():
    body = [Glyph(ch, 10 + 6 * i, 16 + 6 * i, 100, 111, 11) for i, ch in enumerate("word")]
    line = build_line(1, body + [Glyph("¹", 34, 38, 100, 111, 11), Glyph(" ", 38, 41, 100, 111, 11),
                                 Glyph("x", 41, 47, 100, 111, 11)])
    assert line.tokens == ("word", 1, " x")


def test_notes_below_a_separator_rule_in_body_size(tmp_path):
    w = Writer()
    w.new_page(head="")
    w.text("A claim about production")
    w.marker("1")
    w.text(" and one about prices.")
    w.marker("2")
    w.pdf.line(20, 248, 70, 248)
    w.pdf.set_font("Helvetica", size=11)  # notes in the body size: only the rule tells them apart
    for i, note in enumerate(["1 UNODC, Illicit Drug Trends, 2008, p. 12.", "2 Smith, History, 2004, p. 4."]):
        w.pdf.set_xy(20, 252 + 6 * i)
        w.pdf.cell(0, 5, note)
    doc = ingest(w.save(tmp_path / "rule.pdf"))
    assert [(h.number, h.text) for h in doc.note_hints] == [(1, "UNODC, Illicit Drug Trends, 2008, p. 12."),
                                                           (2, "Smith, History, 2004, p. 4.")]
    assert doc.text.split("\n\n")[0] == "A claim about production¹ and one about prices.²"


@pytest.mark.parametrize("first, second, joined", [
    pytest.param("the infor-", "mation", "the information", id="hyphen-minus"),
    pytest.param("the infor\u00ad", "mation", "the information", id="soft-hyphen"),
    pytest.param("the Franco-", "German", "the Franco-German", id="compound-kept"),
    pytest.param("pp. 12-", "15.", "pp. 12-15.", id="range-kept"),
    pytest.param("a dash -", "then", "a dash - then", id="spaced-dash"),
])
def test_hyphenation_repair(first, second, joined):
    from audit.ingest.pdf_layout import TextLine
    from audit.ingest.pdf_paragraphs import join_line as _join

    parts: list = [first]
    _join(parts, TextLine(1, 0, 10, 0, 100, 11, (second,)))
    assert "".join(str(p) for p in parts) == joined


# Body text enough to outweigh the notes, so that the body size is the most common one, as in any real paper.
FILLER = (" Prices and seizures changed a great deal over the decade, and the regional offices reported the "
          "figures every year in their surveys of the provinces and the markets.") * 3


def _audit_numbering(doc) -> list[str]:
    report = audit_document(doc, AuditConfig(offline=True, no_urls=True), parse=title_only_parse)
    rules = ("note-numbering", "marker-without-note", "note-without-marker")
    return [f.finding.message for f in report.findings if f.finding.rule in rules]


def test_table_rows_in_a_small_font_at_the_page_foot_are_not_notes(tmp_path):
    w = Writer()
    w.new_page()
    w.text("Production rose")
    w.marker("1")
    w.text(" in every province, as the table below shows." + FILLER)
    w.foot(["1 UNODC, Illicit Drug Trends, 2008, p. 12."], top=200)
    w.foot(["Table 1: Production by province", "797 10,0 -40,36", "830 11,6 -40,30", "24 18,8 -40,12"], top=230)
    doc = ingest(w.save(tmp_path / "table.pdf"))
    assert [h.number for h in doc.note_hints] == [1]
    assert _audit_numbering(doc) == []


def test_number_alone_on_the_line_above_the_note_text(tmp_path):
    w = Writer()
    w.new_page()
    w.text("Production rose")
    w.marker("1")
    w.text(" in every province." + FILLER)
    w.foot(["1", "UNODC, Illicit Drug Trends, 2008, p. 12."])
    doc = ingest(w.save(tmp_path / "alone.pdf"))
    assert [(h.number, h.text) for h in doc.note_hints] == [(1, "UNODC, Illicit Drug Trends, 2008, p. 12.")]


def test_raised_number_with_parenthesis_is_a_marker(tmp_path):
    w = Writer()
    w.new_page()
    w.text("Production rose")
    w.marker("1)")
    w.text(" in every province." + FILLER)
    w.foot(["1) UNODC, Illicit Drug Trends, 2008, p. 12."])
    doc = ingest(w.save(tmp_path / "paren.pdf"))
    assert [m.number for m in doc.marker_hints] == [1]
    assert [h.text for h in doc.note_hints] == ["UNODC, Illicit Drug Trends, 2008, p. 12."]


def test_exponents_stay_text_and_a_marker_after_a_year_is_kept(tmp_path):
    w = Writer()
    w.new_page()
    w.text("The fit was good (R")
    w.marker("2")
    w.text(" = 0.7) and prices rose in 2013")
    w.marker("1")
    w.text(" across the region." + FILLER)
    w.foot(["1 UNODC, Illicit Drug Trends, 2014, p. 12."])
    doc = ingest(w.save(tmp_path / "exponent.pdf"))
    assert [m.number for m in doc.marker_hints] == [1]
    assert "R² = 0.7" in doc.text
    assert _audit_numbering(doc) == []


def test_a_reference_list_in_a_small_font_after_its_heading_is_not_notes(tmp_path):
    w = Writer()
    w.new_page()
    w.text("Production rose in every province over the decade." + FILLER)
    w.pdf.set_xy(20, 230)
    w.pdf.set_font("Helvetica", style="B", size=11)
    w.pdf.cell(0, 5, "References")
    w.foot(["1. Smith, John (2004). A History of Opium. Oxford: Oxford University Press.",
            "2. UNODC (2008). Illicit Drug Trends. Vienna: United Nations."], top=240)
    doc = ingest(w.save(tmp_path / "refs.pdf"))
    assert doc.note_hints == ()
    assert "1. Smith, John (2004)" in doc.text


def test_running_footer_on_odd_and_even_pages_is_never_part_of_a_note(tmp_path):
    w = Writer()
    for page, topic in enumerate(("production", "prices", "seizures", "trafficking"), start=1):
        w.new_page(head="")
        w.text(f"A claim about {topic}")
        w.marker(str(page))
        w.text(f" in the provinces, where {topic} changed." + FILLER)
        w.foot([f"{page} Source about {topic}, a report, 2008, p. {page}."], top=250)
        footer = f"Journal of Tests 3 Page {page}" if page % 2 else f"Page {page} Journal of Tests 3"
        w.foot([footer], top=262 + page % 2)
    doc = ingest(w.save(tmp_path / "footer.pdf"))
    assert [h.text for h in doc.note_hints] == [f"Source about {topic}, a report, 2008, p. {n}." for n, topic in
                                                enumerate(("production", "prices", "seizures", "trafficking"), 1)]
    assert "Journal of Tests" not in doc.text


def test_notes_restarting_in_each_chapter_are_not_errors(tmp_path):
    w = Writer()
    for chapter, topic in ((1, "production"), (2, "prices")):
        w.new_page()
        w.heading(f"Chapter {chapter}: {topic.title()}")
        w.text(f"A first claim about {topic}")
        w.marker("1")
        w.text(f" and a second claim about {topic}")
        w.marker("2")
        w.text("." + FILLER)
        w.foot([f"1 A source on {topic}, 2001.", f"2 Another source on {topic}, 2002."])
    doc = ingest(w.save(tmp_path / "chapters.pdf"))
    assert [h.number for h in doc.note_hints] == [1, 1, 2, 2]  # hints are sorted by number
    assert [m.number for m in doc.marker_hints] == [1, 2, 1, 2]
    assert _audit_numbering(doc) == []


def test_locations_in_a_pdf_give_the_page(tmp_path, validate_report):
    w = Writer()
    w.new_page()
    w.text("Production rose" + FILLER)
    w.marker("1")
    w.text(" in every province.")
    w.foot(["1 UNODC, Illicit Drug Trends, 2008, p. 12."])
    w.new_page()
    w.text("Prices climbed across the region as well" + FILLER.replace("decade", "years"))
    w.marker("2")
    w.text(" and stayed high.")
    w.foot(["2 UNODC, World Drug Report, 2009, p. 7.", "3 A note that no marker refers to, 2010."])
    doc = ingest(w.save(tmp_path / "pages.pdf"))
    # the printed body lines are kept, each pointing at the stretch of the text it became
    assert {line.page for line in doc.layout_lines} == {1, 2}
    assert all(" ".join(doc.text[ln.span.start:ln.span.end].split()).translate(FROM_SUPERSCRIPT) == ln.text
               for ln in doc.layout_lines)
    report = audit_document(doc, AuditConfig(offline=True, no_urls=True), parse=title_only_parse)
    unreferenced = [f.finding for f in report.findings if f.finding.rule == "note-without-marker"]
    assert [(loc.kind, loc.number, loc.page) for f in unreferenced for loc in f.locations] == [("note", 3, 2)]
    data = validate_report(report_to_dict(report))
    assert any(loc.get("page") == 2 for f in data["findings"] for loc in f["locations"])
