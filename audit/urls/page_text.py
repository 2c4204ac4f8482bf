"""Plain text of an HTML page and text similarity, for soft-404 and drift verdicts. Pure, stdlib only."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html.parser import HTMLParser

from audit.urls import url_patterns as P

SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
SHINGLE = 5  # word 5-grams: long enough that shared boilerplate words alone do not look alike
SHORT_PAGE = 500  # characters of text; an error page says little, a long article may mention "404"


@dataclass(frozen=True, slots=True)
class PageText:
    title: str
    headings: str
    text: str


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.headings: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if any(t in SKIPPED_TAGS for t in self._stack):
            return
        if "title" in self._stack:
            self.title.append(data)
            return
        if "h1" in self._stack:
            self.headings.append(data)
        self.parts.append(data)


def extract_page_text(body: bytes, content_type: str | None = None) -> PageText:
    """Title, first-level headings and visible text, lowercased with whitespace collapsed."""
    charset = "utf-8"
    if content_type and (m := P.CHARSET.search(content_type)):
        charset = m.group(1)
    try:
        html = body.decode(charset, errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # html.parser gives up on some broken markup; keep what it read
        pass
    return PageText(_squash(" ".join(parser.title)), _squash(" ".join(parser.headings)),
                    _squash(" ".join(parser.parts)))


def looks_like_error_page(page: PageText) -> bool:
    """Content cue for a soft 404: 'not found' in the title or heading, or in a page with little text."""
    return bool(P.NOT_FOUND.search(page.title) or P.NOT_FOUND.search(page.headings)
                or (len(page.text) < SHORT_PAGE and P.NOT_FOUND.search(page.text)))


def sequence_ratio(a: str, b: str) -> float:
    """difflib ratio over words (0..1); soft404.py's measure for 'same page as the random probe'."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def shingle_jaccard(a: str, b: str) -> float:
    """Jaccard similarity of word 5-gram sets (0..1); robust to reordered boilerplate."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = text.split()
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()
