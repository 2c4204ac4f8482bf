"""A PDF's body lines joined into paragraphs, and where each physical line went. Pure, like `pdf_layout`.

The paragraphs are what the document's text holds (one per line, as every structured reader gives them);
the placed lines keep the page's own lines with their indent and the space above them, which the line
models need to find a reference list and where each of its entries starts (a hanging indent, a gap).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from audit.ingest.patterns import LIST_LABEL

if TYPE_CHECKING:
    from audit.ingest.pdf_layout import TextLine, Token

HEADING_SIZE = 1.15  # lines this much larger than the body are headings
_HYPHENS = ("-", "\u00ad", "\u2010")  # hyphen-minus, soft hyphen, hyphen
_SENTENCE_END = (".", "!", "?", ":", "”", '"', ")", "]", "’")


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A physical body line: its layout, and the stretch of its paragraph's text it became."""

    page: int
    indent: float  # distance from its column's left edge, in body-text sizes (ems)
    gap: float  # white space above it, in ems; -1 for the first line of a page or column
    size: float  # its font size relative to the body text's
    text: str
    paragraph: int  # index of its paragraph
    start: int  # offsets in the paragraph's text (as `plain_text` gives it)
    end: int


@dataclass(frozen=True, slots=True)
class Paragraphs:
    tokens: tuple[tuple[Token, ...], ...]
    # per paragraph, (character offset in the paragraph, page) where it starts and where a new page goes on
    pages: tuple[tuple[tuple[int, int], ...], ...]
    lines: tuple[PlacedLine, ...]


def join_line(parts: list[Token], line: TextLine) -> None:
    """Append a line's tokens to a paragraph, repairing a word hyphenated at the previous line end."""
    tokens = list(line.tokens)
    if parts and isinstance(parts[-1], str) and tokens and isinstance(tokens[0], str):
        last = parts[-1]
        if last.endswith(_HYPHENS) and len(last) > 1 and last[-2].isalnum():
            # "infor-" + "mation" loses its hyphen; "Franco-" + "German" and "12-" + "15" keep theirs
            joined = last[:-1] if last[-2].islower() and tokens[0][:1].islower() else last.replace("\u00ad", "-")
            parts[-1] = joined + tokens[0]
            parts.extend(tokens[1:])
            return
    if parts:
        parts.append(" ")
    parts.extend(tokens)


def plain_text(tokens: Sequence[Token]) -> str:
    return " ".join("".join(t if isinstance(t, str) else str(t) for t in tokens).split())


def _ends_sentence(parts: list[Token]) -> bool:
    if not parts or isinstance(parts[-1], int):
        return True  # a note marker ends a sentence
    last = next((t for t in reversed(parts) if isinstance(t, str) and t.strip()), "")
    return last.rstrip().endswith(_SENTENCE_END)


def _list_label(tokens: Sequence[Token]) -> int | None:
    """The number a numbered list item or endnote starts with: "12) ", "12. ", a raised 12."""
    first = tokens[0] if tokens else None
    if isinstance(first, int):
        return first
    match = LIST_LABEL.match(first) if isinstance(first, str) else None
    return int(match.group("num")) if match else None


def join_paragraphs(body_segments: list[list[TextLine]], body_size: float) -> Paragraphs:
    """Lines joined into paragraphs: a wide gap, a heading, or a sentence ending a short line starts one."""
    gaps = [b.top - a.bottom for lines in body_segments for a, b in zip(lines, lines[1:], strict=False)
            if b.top > a.bottom]
    # The lower quartile: headings and paragraph breaks widen many gaps in a short document.
    usual_gap = sorted(gaps)[len(gaps) // 4] if gaps else body_size * 0.3
    em = body_size or 1.0
    paragraphs: list[list[Token]] = []
    pages: list[list[tuple[int, int]]] = []
    placed: list[PlacedLine] = []
    ends: list[int] = []  # per line, its paragraph's length once the line is in
    previous: TextLine | None = None
    for segment in body_segments:
        right = max(ln.x1 for ln in segment)  # the column's right edge
        left = min(ln.x0 for ln in segment)
        for position, line in enumerate(segment):
            heading = line.size > HEADING_SIZE * body_size
            new = previous is None or heading or previous.size > HEADING_SIZE * body_size
            gap = max(line.top - previous.bottom, 0.0) if previous is not None and position else -1.0
            if previous is not None and not new:
                if position == 0:  # a new page or column continues the paragraph unless a sentence ended
                    new = _ends_sentence(paragraphs[-1])
                else:
                    short = previous.x1 < right - 2 * body_size
                    new = gap > max(1.8 * usual_gap, usual_gap + 0.4 * body_size) or (
                        short and _ends_sentence(paragraphs[-1]))
            if not new and paragraphs:
                label, current = _list_label(line.tokens), _list_label(paragraphs[-1])
                new = label is not None and current is not None and label == current + 1
            if new:
                paragraphs.append(list(line.tokens))
                pages.append([(0, line.page)])
                start = 0
            else:
                if line.page != pages[-1][-1][1]:
                    pages[-1].append((ends[-1] + 1, line.page))
                join_line(paragraphs[-1], line)
            ends.append(len(plain_text(paragraphs[-1])))
            # where the line's own text begins: a hyphenated word joined across the break starts before it
            start = max(ends[-1] - len(plain_text(line.tokens)), 0) if not new else 0
            if not new and placed and placed[-1].end > start:  # ... and the line before lost its hyphen
                placed[-1] = replace(placed[-1], end=start)
            placed.append(PlacedLine(page=line.page, indent=(line.x0 - left) / em,
                                     gap=gap / em if gap >= 0 else -1.0, size=line.size / em, text=line.text,
                                     paragraph=len(paragraphs) - 1, start=min(start, ends[-1]), end=ends[-1]))
            previous = line
    return Paragraphs(tuple(tuple(p) for p in paragraphs), tuple(tuple(p) for p in pages), tuple(placed))
