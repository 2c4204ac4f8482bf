"""audit/ingest/docx_doc.py: Word footnotes and endnotes, numbering as Word prints it, damaged files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from audit.config import AuditConfig
from audit.errors import UnreadableInput
from audit.ingest import ingest
from audit.pipeline import audit_document
from audit.render.json_report import report_to_dict
from tests.factories import title_only_parse

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
              '</w:p></w:footnote>')


def para(*runs: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def run(text: str, italic: bool = False) -> str:
    props = "<w:rPr><w:i/></w:rPr>" if italic else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def fn_ref(note_id: int, kind: str = "footnote") -> str:
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'


def note(note_id: int, *runs: str, kind: str = "footnote") -> str:
    mark = f"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:{kind}Ref/></w:r>"
    return f'<w:{kind} w:id="{note_id}"><w:p>{mark}{run(" ")}{"".join(runs)}</w:p></w:{kind}>'


def build_docx(path: Path, body: list[str], footnotes: list[str] | None = None, endnotes: list[str] | None = None,
               rels: dict[str, str] | None = None, raw_footnotes: bytes | None = None,
               parts: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in (parts or {}).items():
            z.writestr(name, content)
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>'
                   f'{"".join(body)}<w:sectPr/></w:body></w:document>')
        if raw_footnotes is not None:
            z.writestr("word/footnotes.xml", raw_footnotes)
        elif footnotes is not None:
            z.writestr("word/footnotes.xml", f'<?xml version="1.0"?><w:footnotes {NS}>{SEPARATORS}'
                       f'{"".join(footnotes)}</w:footnotes>')
        if endnotes is not None:
            z.writestr("word/endnotes.xml", f'<?xml version="1.0"?><w:endnotes {NS}>{"".join(endnotes)}</w:endnotes>')
        if rels:
            items = "".join(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                            f'relationships/hyperlink" Target="{url}" TargetMode="External"/>'
                            for rid, url in rels.items())
            z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                       f'openxmlformats.org/package/2006/relationships">{items}</Relationships>')
    return path


def paper(tmp_path: Path, **kwargs) -> Path:
    body = [
        para(run("Drug trends"), style="Heading1"),
        para(run("Opium production rose"), fn_ref(7), run(" and seizures fell."), fn_ref(3),
             run(" See the "), '<w:hyperlink r:id="rId9">' + run("UNODC site") + "</w:hyperlink>", run(".")),
        para(run("Removed words", italic=False).replace("<w:r>", "<w:del><w:r>", 1).replace(
            "<w:t xml:space=\"preserve\">", "<w:delText>").replace("</w:t></w:r>", "</w:delText></w:r></w:del>"),
            run("Prices stayed high."), fn_ref(12)),
        para(run("References"), style="Heading1"),
        para(run("UNODC (2008). "), run("Illicit ", italic=True), run("Drug Trends", italic=True),
             run(". Vienna: United Nations.")),
        para(run("Smith, John (2004). A History of Opium. Oxford: Oxford University Press.")),
    ]
    footnotes = [note(3, run("Smith, "), run("History", italic=True), run(", p. 4.")),
                 note(7, run("UNODC, Illicit Drug Trends, 2008, p. 12.")),
                 note(12, run("Id. at 7."))]
    return build_docx(tmp_path / "paper.docx", body, footnotes, rels={"rId9": "https://www.unodc.org/"}, **kwargs)


def test_footnotes_are_numbered_in_reference_order(tmp_path, validate_report):
    doc = ingest(paper(tmp_path))
    assert doc.format == "docx" and doc.structured_notes
    # ids 7, 3, 12 are referenced in that order: Word prints 1, 2, 3
    assert [(h.number, h.text) for h in doc.note_hints] == [
        (1, "UNODC, Illicit Drug Trends, 2008, p. 12."), (2, "Smith, *History*, p. 4."), (3, "Id. at 7.")]
    assert [doc.text[m.span.start:m.span.end] for m in doc.marker_hints] == ["¹", "²", "³"]
    lines = [line.text for line in doc.lines if line.text]
    assert lines[:3] == ["Drug trends",
                         "Opium production rose¹ and seizures fell.² See the UNODC site <https://www.unodc.org/>.",
                         "Prices stayed high.³"]
    assert "UNODC (2008). *Illicit Drug Trends*. Vienna: United Nations." in lines
    assert "Removed words" not in doc.text  # a deleted revision is not printed
    report = validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                           parse=title_only_parse)))
    assert report["document"]["format"] == "docx"
    assert [n["number"] for n in report["notes"]] == [1, 2, 3]
    assert [c["kind"] for n in report["notes"] for c in n["citations"]][2] == "id"
    assert len(report["bibliography"]) == 2
    assert not [f for f in report["findings"] if f["rule"] in ("note-numbering", "marker-without-note")]


def test_endnotes_alongside_footnotes_get_roman_labels(tmp_path):
    body = [para(run("One."), fn_ref(2), run(" Two."), fn_ref(5, "endnote"), run(" Three."), fn_ref(6, "endnote"))]
    path = build_docx(tmp_path / "both.docx", body, [note(2, run("A footnote."))],
                      [note(5, run("First endnote."), kind="endnote"), note(6, run("Second."), kind="endnote")])
    doc = ingest(path)
    assert [(h.number, h.label, h.text) for h in doc.note_hints] == [
        (1, "1", "A footnote."), (2, "i", "First endnote."), (3, "ii", "Second.")]


def test_endnotes_alone_are_numbered_from_one(tmp_path):
    body = [para(run("One."), fn_ref(4, "endnote"))]
    doc = ingest(build_docx(tmp_path / "end.docx", body, endnotes=[note(4, run("Only note."), kind="endnote")]))
    assert [(h.number, h.label) for h in doc.note_hints] == [(1, "1")]


def test_corrupt_footnotes_part_is_an_unreadable_part(tmp_path, validate_report):
    doc = ingest(paper(tmp_path, raw_footnotes=b"<w:footnotes><w:footnote w:id='3'>broken"))
    assert [p.what for p in doc.parts_unreadable] == ["word/footnotes.xml"]
    assert doc.note_hints == () and doc.marker_hints == ()
    assert doc.structured_notes  # the markers are real; nothing is guessed from "[1]" in the text
    from audit.extract.bibliography import extract_bibliography
    from audit.extract.notes import extract_notes
    from audit.rules.context import AuditContext
    from audit.rules.ingest_rules import check_unreadable_parts

    ctx = AuditContext(document=doc, notes=extract_notes(doc), bibliography=extract_bibliography(doc))
    findings = list(check_unreadable_parts(ctx))
    assert [(f.rule, f.severity.value) for f in findings] == [("unreadable-part", "warning")]
    assert "word/footnotes.xml could not be read" in findings[0].message
    report = validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                           parse=title_only_parse)))
    assert len(report["bibliography"]) == 2  # the rest of the document is still audited


def test_missing_note_text_leaves_a_marker_without_note(tmp_path):
    body = [para(run("Claim."), fn_ref(2), run(" Other."), fn_ref(9))]
    doc = ingest(build_docx(tmp_path / "gap.docx", body, [note(2, run("Present."))]))
    assert [m.number for m in doc.marker_hints] == [1, 2]
    assert [h.number for h in doc.note_hints] == [1]


def test_hand_typed_superscript_markers_are_left_to_the_extractor(tmp_path):
    sup = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>'
    body = [para(run("A claim."), sup, run(" More.")), para(run("Notes"), style="Heading1"),
            para(sup, run(" Smith, History, 2004, p. 3."))]
    doc = ingest(build_docx(tmp_path / "manual.docx", body))
    assert not doc.structured_notes
    assert "A claim.¹ More." in doc.text


@pytest.mark.parametrize("content, reason", [
    pytest.param(None, "damaged", id="truncated"),
    pytest.param(b"just some text, not a zip", "damaged", id="not-a-zip"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "encrypted", id="encrypted"),
])
def test_broken_docx_is_one_clear_line(tmp_path, content, reason):
    path = tmp_path / "broken.docx"
    if content is None:
        full = paper(tmp_path).read_bytes()
        content = full[: len(full) // 2]
    path.write_bytes(content)
    with pytest.raises(UnreadableInput, match=reason) as info:
        ingest(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_zip_without_document_part(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableInput, match="no word/document.xml"):
        ingest(path)


def test_benchmark_document_is_read_quickly(tmp_path):
    from benchmarks.bench_docx import build_legal_docx, time_ingest

    path = build_legal_docx(tmp_path / "legal.docx", notes=300)
    seconds, doc = time_ingest(path)
    assert len(doc.note_hints) == 300 and seconds < 2


def test_hyperlink_fields_in_footnotes_keep_their_address(tmp_path):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.unodc.org/report.pdf" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("the report") +
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = [para(run("Claim."), fn_ref(2))]
    notes = [note(2, run("See "), field, run(", accessed 3 May 2011."))]
    doc = ingest(build_docx(tmp_path / "field.docx", body, notes))
    assert [h.text for h in doc.note_hints] == [
        "See the report <https://www.unodc.org/report.pdf>, accessed 3 May 2011."]


NUMBERING = (f'<?xml version="1.0"?><w:numbering {NS}>'
             '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="[%1]"/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def listed(text: str, num_id: int) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            f"{run(text)}</w:p>")


def test_automatic_list_numbers_are_printed(tmp_path):
    body = [para(run("Prices rose [1] and fell [2].")), para(run("References"), style="Heading1"),
            listed("Smith, John (2004). A History of Opium. Oxford University Press.", 1),
            listed("Doe, Jane (2010). Seizures. Journal of Drug Policy 12: 45-67.", 1),
            listed("a bullet point, not numbered", 2)]
    doc = ingest(build_docx(tmp_path / "numbered.docx", body, parts={"word/numbering.xml": NUMBERING}))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[2:] == ["[1] Smith, John (2004). A History of Opium. Oxford University Press.",
                              "[2] Doe, Jane (2010). Seizures. Journal of Drug Policy 12: 45-67.",
                              "a bullet point, not numbered"]


def test_nested_levels_and_roman_formats():
    from xml.etree import ElementTree

    from audit.ingest.docx_numbering import read_numbering

    xml = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0">'
           '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
           '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>'
           '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
           '<w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>')
    lists = read_numbering(ElementTree.fromstring(xml))
    labels = [lists.label("5", 0), lists.label("5", 1), lists.label("5", 1), lists.label("5", 0), lists.label("5", 1)]
    assert labels == ["III.", "III.a)", "III.b)", "IV.", "IV.a)"]
    assert lists.label("9", 0) is None
