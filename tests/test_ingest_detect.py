"""audit/ingest/__init__.py: the reader is chosen from the content first, then from the suffix."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from audit.errors import UnreadableInput
from audit.ingest import detect_format, ingest, is_supported, supported_suffixes

DOCX_XML = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>Hello from Word.</w:t></w:r></w:p></w:body></w:document>')


def docx_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", DOCX_XML)
    return buffer.getvalue()


def zip_bytes(name: str = "content.xml") -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name, content, expected", [
    pytest.param("page.txt", b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "html", id="html-in-txt"),
    pytest.param("page.md", b"  <html lang='en'><body><p>Hi</p></body></html>", "html", id="html-in-md"),
    pytest.param("page.xyz", b"<?xml version='1.0'?>\n<!-- c -->\n<html><p>Hi</p></html>", "html",
                 id="xhtml-odd-suffix"),
    pytest.param("page.html", b"No markup at all, just words.", "html", id="html-suffix-plain-content"),
    pytest.param("paper.txt", b"% preamble comment\n\\documentclass{article}\n\\begin{document}\nHi\n\\end{document}\n",
                 "latex", id="latex-in-txt"),
    pytest.param("chapter.tex", b"Just a chapter with \\emph{markup}.\n", "latex", id="tex-suffix"),
    pytest.param("refs.txt", b"% my refs\n\n@article{a1, title={T}, year={2001}}\n", "bibtex", id="bibtex-in-txt"),
    pytest.param("notes.md", b"# How to\n\n```\n\\documentclass{article}\n```\n", "markdown", id="latex-in-md-code"),
    pytest.param("essay.txt", b"Cite like this: @article{key, ...} in your .bib file.\n", "text",
                 id="bibtex-mentioned-in-prose"),
    pytest.param("essay.txt", b"Plain essay text.\n", "text", id="plain-text"),
    pytest.param("memo.txt", docx_bytes(), "docx", id="docx-in-txt"),
    pytest.param("memo", docx_bytes(), "docx", id="docx-no-suffix"),
    pytest.param("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "pdf", id="pdf-in-txt"),
])
def test_detect_format(name, content, expected):
    assert detect_format(content, name, Path(name).suffix.lower()) == expected


@pytest.mark.parametrize("name, content, reason", [
    pytest.param("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "save it as .docx", id="ole-doc"),
    pytest.param("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "encrypted", id="encrypted-docx"),
    pytest.param("archive.zip", zip_bytes(), "zip archive that is not a Word document", id="other-zip"),
    pytest.param("broken.zip", b"PK\x03\x04 truncated", "damaged zip", id="broken-zip"),
    pytest.param("report.odt", zip_bytes("content.xml"), "OpenDocument input is not supported yet", id="odt"),
    pytest.param("letter.rtf", b"{\\rtf1\\ansi Hello}", "RTF input is not supported yet", id="rtf"),
    pytest.param("paper.xyz", b"just text", "unsupported file type '.xyz'", id="unknown-suffix"),
])
def test_refusals_are_one_line(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableInput, match=reason) as info:
        ingest(path)
    assert "\n" not in str(info.value)


def test_ingest_uses_the_sniffed_reader(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text("<html><body><p>Claim.<sup><a href='#fn1'>1</a></sup></p>"
                    "<ol><li id='fn1'>Smith, History, 2004, p. 3.</li></ol></body></html>", encoding="utf-8")
    doc = ingest(path)
    assert doc.format == "html"
    assert [h.text for h in doc.note_hints] == ["Smith, History, 2004, p. 3."]


def test_supported_suffixes_cover_every_reader():
    assert {".txt", ".md", ".html", ".htm", ".tex", ".bib", ".docx", ".pdf"} <= supported_suffixes()
    assert is_supported(Path("a.PDF")) and not is_supported(Path("a.odt"))
