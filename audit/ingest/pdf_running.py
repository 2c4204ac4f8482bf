"""Running heads, footers and page numbers of a PDF: lines repeated near the top or bottom of many pages.
Pure, like `pdf_layout`, whose text lines it reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from audit.ingest.patterns import BARE_PAGE_NUMBER, DIGIT_RUN
from audit.ingest.pdf_geometry import Page

if TYPE_CHECKING:
    from audit.ingest.pdf_layout import TextLine

# A line at the same height on a quarter of the pages (and two) is a running head: left and right pages often
# carry different ones ("4374 SECTION TITLE" / "AUTHOR: PAPER TITLE 4375"), each on half the pages.
REPEATED_SHARE = 0.25
# A short line at the foot ("Ebd., S. 12.", "Ibid.") may end a page's notes on a quarter of the pages; there it
# must repeat on half. Notes never open a page, so a short head ("58 ZQF Heft 1/2014") needs only a quarter.
SHORT_LINE_LETTERS = 12
SHORT_REPEATED_SHARE = 0.5
MARGIN_SHARE = 0.08  # top and bottom share of the printed area where running heads, footers and page numbers sit
# A line repeated at the same height on many pages is a running head or footer this far from the edge too.
RUNNING_SHARE = 0.15
MIN_PAGES_ANY_ORDER = 3  # lines matched in any word order and at any height near the edge: from this many pages
POSITION_BUCKET = 4.0  # points: heights within this are "the same position"


def _position_key(line: TextLine) -> tuple[str, int]:
    shape = "".join(DIGIT_RUN.sub("#", line.text.lower()).split())  # letter-spaced heads split words unevenly
    return shape, round(line.top / POSITION_BUCKET)


@dataclass(frozen=True, slots=True)
class PrintedArea:
    """Where the pages' text usually starts and ends. A journal page of a smaller format printed on A4 puts
    its footer a quarter of the sheet above the paper's edge, but still at the edge of the printed area."""
    top: float
    bottom: float

    def near_edge(self, line: TextLine, share: float) -> bool:
        reach = share * (self.bottom - self.top)
        return line.top < self.top + reach or line.bottom > self.bottom - reach


def printed_area(pages: Sequence[Page], lines: dict[int, list[TextLine]]) -> PrintedArea:
    """The median over pages of where the first line starts and the last line ends: a stamp or a figure on
    one page does not move it."""
    tops = sorted(min(line.top for line in page_lines) for page_lines in lines.values() if page_lines)
    bottoms = sorted(max(line.bottom for line in page_lines) for page_lines in lines.values() if page_lines)
    if not tops:
        height = max((page.height for page in pages), default=0.0)
        return PrintedArea(0.0, height)
    return PrintedArea(tops[len(tops) // 2], bottoms[len(bottoms) // 2])


def _edge_key(line: TextLine, area: PrintedArea) -> tuple[str, bool] | None:
    """The words of a line near the top or bottom edge, in any order, digits aside: odd and even pages put
    the page number on either side ("Seite 4 Journal" / "Journal Seite 5"), a few points higher or lower."""
    if not area.near_edge(line, RUNNING_SHARE):
        return None
    # The letters in any order: the page number moves from side to side, and letter-spaced capitals
    # ("SO ZIAL- U ND") break into words differently on each page.
    letters = sorted(ch for ch in line.text.lower() if ch.isalpha())
    return "".join(letters), line.top < (area.top + area.bottom) / 2


def drop_running_heads(pages: Sequence[Page], lines: dict[int, list[TextLine]]) -> dict[int, list[TextLine]]:
    """Remove lines repeated near the top or bottom of many pages, and bare page numbers at top or bottom."""
    area = printed_area(pages, lines)
    counts: Counter[tuple[str, int]] = Counter()
    edges: Counter[tuple[str, bool] | None] = Counter()
    for page_lines in lines.values():
        counts.update({_position_key(line) for line in page_lines})
        edges.update({_edge_key(line, area) for line in page_lines})
    threshold = max(2, REPEATED_SHARE * len(pages))
    short_threshold = max(2, SHORT_REPEATED_SHARE * len(pages))
    kept: dict[int, list[TextLine]] = {}
    for number, page_lines in lines.items():
        out = []
        for line in page_lines:
            in_margin = area.near_edge(line, MARGIN_SHARE)
            edge = _edge_key(line, area)
            repeated = max(counts[_position_key(line)], edges[edge] if len(pages) >= MIN_PAGES_ANY_ORDER else 0)
            short = edge is not None and not edge[1] and len(edge[0]) < SHORT_LINE_LETTERS
            if edge is not None and len(pages) >= 2 and repeated >= (short_threshold if short else threshold):
                continue
            if in_margin and BARE_PAGE_NUMBER.match(line.text):
                continue
            out.append(line)
        kept[number] = out
    return kept
