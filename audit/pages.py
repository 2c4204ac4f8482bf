"""place_on_pages(): the page of every finding's locations, in paged inputs.

A PDF's reader records where each page's text starts (`Document.page_starts`); PDF text keeps its pages
as form feeds. Locations are placed by their offset in the text when the rule knew it (a citation, a
note, a marker), else by the start of their line. In a PDF a location in the body text also gets its line on
the page, from the printed lines the reader kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property

from audit.findings import Finding, Location
from audit.models import Document

FORM_FEED = "\f"
FORM_FEEDS = re.compile(FORM_FEED)


class PageMap:
    """Offset -> 1-based page of one document; empty when the document has no pages."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def _starts(self) -> tuple[list[int], list[int]]:
        if self.doc.page_starts:
            ordered = sorted(self.doc.page_starts)
            return [o for o, _ in ordered], [p for _, p in ordered]
        feeds = [match.end() for match in FORM_FEEDS.finditer(self.doc.text)]  # not a loop over every character
        if not feeds:
            return [], []
        return [0, *feeds], list(range(1, len(feeds) + 2))

    @property
    def paged(self) -> bool:
        return bool(self._starts[0])

    def page(self, offset: int) -> int | None:
        offsets, pages = self._starts
        index = bisect_right(offsets, offset) - 1
        return pages[index] if index >= 0 else (pages[0] if pages else None)

    @cached_property
    def _printed(self) -> tuple[list[int], list[tuple[int, int]]]:
        """Start offsets of a PDF's printed body lines, and each one's (page, line on the page)."""
        starts: list[int] = []
        places: list[tuple[int, int]] = []
        counts: dict[int, int] = {}
        for line in self.doc.layout_lines:
            counts[line.page] = counts.get(line.page, 0) + 1
            starts.append(line.span.start)
            places.append((line.page, counts[line.page]))
        return starts, places

    def printed_line(self, offset: int) -> tuple[int, int] | None:
        """(page, line on the page) of the printed body line holding `offset`; None outside the body."""
        starts, places = self._printed
        index = bisect_right(starts, offset) - 1
        if index < 0 or offset > self.doc.layout_lines[index].span.end:
            return None
        return places[index]

    def locate(self, location: Location) -> Location:
        if location.page is not None:
            return location
        offset = location.offset
        if offset is None and location.line is not None and 0 < location.line <= len(self.doc.lines):
            offset = self.doc.lines[location.line - 1].start
        if offset is None:
            return location
        printed = self.printed_line(offset) if self.doc.layout_lines else None
        if printed is not None:
            return replace(location, page=printed[0], page_line=printed[1])
        return replace(location, page=self.page(offset))


def place_on_pages(findings: Sequence[Finding], doc: Document) -> list[Finding]:
    pages = PageMap(doc)
    if not pages.paged:
        return list(findings)
    return [replace(f, locations=tuple(pages.locate(loc) for loc in f.locations)) for f in findings]
