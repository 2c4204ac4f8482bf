"""Pages and lines on the page of finding locations in paged inputs (`audit.pages`)."""

from __future__ import annotations

from dataclasses import replace

from audit.findings import Finding, Location, Severity
from audit.ingest.assemble import assemble_document
from audit.models import LayoutLine, Span
from audit.pages import place_on_pages
from tests.factories import text_document

PARAGRAPHS = ["The river basin has been governed by treaties", "since the war; the commission meets twice",
              "a year.", "Upstream states argue (Adams 2001)", "that the rules should change."]


def _pdf_like():
    """Two printed pages: the first paragraph's three lines on page 1, the second's two lines on page 2."""
    first = " ".join(PARAGRAPHS[:3])
    printed = []
    offset = 0
    for k, text in enumerate(PARAGRAPHS):
        paragraph = 0 if k < 3 else 1
        if k == 3:
            offset = 0
        printed.append((paragraph, LayoutLine(1 if k < 3 else 2, 0.0, 0.2, 1.0, text,
                                              Span(offset, offset + len(text), 0))))
        offset += len(text) + 1
    second = " ".join(PARAGRAPHS[3:])
    doc = assemble_document(path="x.pdf", fmt="pdf", sha256="0", body=[[first], [second]],
                            body_pages=[((0, 1),), ((0, 2),)], body_lines=printed)
    return doc


def test_the_printed_lines_are_rebased_onto_the_document_text():
    doc = _pdf_like()
    assert [doc.text[line.span.start:line.span.end] for line in doc.layout_lines] == PARAGRAPHS
    assert [line.span.line for line in doc.layout_lines] == [1, 1, 1, 3, 3]


def test_a_body_location_in_a_pdf_gets_its_page_and_its_line_on_the_page():
    doc = _pdf_like()
    offset = doc.text.index("Adams")
    finding = Finding("not-in-bibliography", Severity.WARNING, "x", (Location.body(3, offset),))
    (placed,) = place_on_pages([finding], doc)
    assert (placed.locations[0].page, placed.locations[0].page_line) == (2, 1)
    offset = doc.text.index("a year.")
    (placed,) = place_on_pages([replace(finding, locations=(Location.body(1, offset),))], doc)
    assert (placed.locations[0].page, placed.locations[0].page_line) == (1, 3)


def test_pdf_text_with_form_feeds_gets_pages_but_no_printed_lines():
    doc = text_document("First page line.\n\fSecond page (Adams 2001).\n")
    finding = Finding("not-in-bibliography", Severity.WARNING, "x", (Location.body(2, doc.text.index("Adams")),))
    (placed,) = place_on_pages([finding], doc)
    assert (placed.locations[0].page, placed.locations[0].page_line) == (2, None)
