"""place_on_pages(): the page of every finding's locations, in paged inputs.

A PDF's reader records where each page's text starts (`Document.page_starts`); PDF text keeps its pages
as form feeds. Locations are placed by their offset in the text when the rule knew it (a citation, a
note, a marker), else by the start of their line.
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

    def locate(self, location: Location) -> Location:
        if location.page is not None:
            return location
        offset = location.offset
        if offset is None and location.line is not None and 0 < location.line <= len(self.doc.lines):
            offset = self.doc.lines[location.line - 1].start
        return location if offset is None else replace(location, page=self.page(offset))


def place_on_pages(findings: Sequence[Finding], doc: Document) -> list[Finding]:
    pages = PageMap(doc)
    if not pages.paged:
        return list(findings)
    return [replace(f, locations=tuple(pages.locate(loc) for loc in f.locations)) for f in findings]
