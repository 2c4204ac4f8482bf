"""Running heads, footers and page numbers of a PDF: lines repeated near the top or bottom of many pages.
Pure, like `pdf_layout`, whose text lines it reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from audit.ingest.patterns import BARE_PAGE_NUMBER, DIGIT_RUN
from audit.ingest.pdf_geometry import Page

if TYPE_CHECKING:
    from audit.ingest.pdf_layout import TextLine

REPEATED_SHARE = 0.5  # a line at the same height on at least half the pages (and two) is a running head
MARGIN_SHARE = 0.08  # top and bottom share of a page where running heads, footers and page numbers sit
# A line repeated at the same height on many pages is a running head or footer this far from the edge too.
RUNNING_SHARE = 0.15
MIN_PAGES_ANY_ORDER = 3  # lines matched in any word order and at any height near the edge: from this many pages
POSITION_BUCKET = 4.0  # points: heights within this are "the same position"


def _position_key(line: TextLine) -> tuple[str, int]:
    shape = DIGIT_RUN.sub("#", line.text.strip().lower())
    return shape, round(line.top / POSITION_BUCKET)


def _edge_key(line: TextLine, page: Page) -> tuple[str, bool] | None:
    """The words of a line near the top or bottom edge, in any order, digits aside: odd and even pages put
    the page number on either side ("Seite 4 Journal" / "Journal Seite 5"), a few points higher or lower."""
    if RUNNING_SHARE * page.height <= line.top and line.bottom <= (1 - RUNNING_SHARE) * page.height:
        return None
    words = sorted(DIGIT_RUN.sub("#", line.text.lower()).split())
    return " ".join(words), line.top < page.height / 2


def drop_running_heads(pages: Sequence[Page], lines: dict[int, list[TextLine]]) -> dict[int, list[TextLine]]:
    """Remove lines repeated near the top or bottom of many pages, and bare page numbers at top or bottom."""
    by_number = {p.number: p for p in pages}
    counts: Counter[tuple[str, int]] = Counter()
    edges: Counter[tuple[str, bool] | None] = Counter()
    for number, page_lines in lines.items():
        counts.update({_position_key(line) for line in page_lines})
        edges.update({_edge_key(line, by_number[number]) for line in page_lines})
    threshold = max(2, REPEATED_SHARE * len(pages))
    kept: dict[int, list[TextLine]] = {}
    for number, page_lines in lines.items():
        page = by_number[number]
        out = []
        for line in page_lines:
            in_margin = line.top < MARGIN_SHARE * page.height or line.bottom > (1 - MARGIN_SHARE) * page.height
            edge = _edge_key(line, page)
            repeated = max(counts[_position_key(line)], edges[edge] if len(pages) >= MIN_PAGES_ANY_ORDER else 0)
            if edge is not None and len(pages) >= 2 and repeated >= threshold:
                continue
            if in_margin and BARE_PAGE_NUMBER.match(line.text):
                continue
            out.append(line)
        kept[number] = out
    return kept
