"""The bibliography of a paged input (PDF) from its printed lines, read by the line models.

The document's text holds a PDF's paragraphs, but a reference list shows itself in the printed lines: each
entry starts at the left edge and runs on indented, or a gap opens above it. The lines are laid out as a
PDF-to-text tool prints them (indent as spaces, a blank line for a wide gap, a form feed at a new page),
which is the text the line models were trained on; what they find is mapped back onto the document's text
through each line's span.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from audit.extract.patterns import ENTRY_LABEL, LIST_BULLET, REPEATED_AUTHOR
from audit.models import BibEntry, Document, LayoutLine, Line, Span

SPACES_PER_EM = 2  # an average character is about half as wide as the font is high
BLANK_GAP = 0.6  # ems of white space beyond the usual line gap that a PDF-to-text tool prints as a blank line


def lines_to_zone(doc: Document) -> tuple[list[Line], list[int | None] | None]:
    """The lines the line models read: a PDF's printed lines where the reader kept them (with each one's
    layout line), else the text's own lines (and None)."""
    return print_lines(doc.layout_lines) if doc.layout_lines else (list(doc.lines), None)


def print_lines(layout: Sequence[LayoutLine]) -> tuple[list[Line], list[int | None]]:
    """The lines as printed text, 1-based, and for each the index of its layout line (None for a blank)."""
    gaps = [line.gap for line in layout if line.gap >= 0]
    usual = median(gaps) if gaps else 0.0
    lines: list[Line] = []
    origin: list[int | None] = []
    page = None
    for k, line in enumerate(layout):
        if line.gap > usual + BLANK_GAP:
            lines.append(Line(len(lines) + 1, 0, ""))
            origin.append(None)
        feed = "\f" if page is not None and line.page != page else ""
        page = line.page
        lines.append(Line(len(lines) + 1, 0, feed + " " * round(line.indent * SPACES_PER_EM) + line.text))
        origin.append(k)
    return lines, origin


def layout_entry(index: int, section: str | None, layout: Sequence[LayoutLine], doc: Document) -> BibEntry:
    """A bibliography entry made of consecutive printed lines, as a stretch of the document's text."""
    start, end = layout[0].span.start, max(line.span.end for line in layout)
    text = " ".join(doc.text[start:end].split())
    bullet = LIST_BULLET.match(text)
    if bullet:  # list markup, not part of the reference
        start += bullet.end()
        text = text[bullet.end():]
    return bib_entry(index, section, text, Span(start, end, layout[0].span.line))


def bib_entry(index: int, section: str | None, text: str, span: Span) -> BibEntry:
    """An entry with its list label ("[12]", "12.") and whether it repeats the author before ("———.")."""
    label_match = ENTRY_LABEL.match(text)
    unlabelled = text[label_match.end():] if label_match else text
    return BibEntry(index=index, section=section, text=text, span=span,
                    label=label_match.group("label") if label_match else None,
                    repeats_author=bool(REPEATED_AUTHOR.match(unlabelled)))
