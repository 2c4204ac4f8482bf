"""Emphasis marks in text as read: every reader marks italics `*…*` (Word runs, Markdown, LaTeX \\emph), and the
extraction stages read titles from them. Reports and legal-citation search want the plain text; this module
takes the marks out once and keeps where they were, as spans of the plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "*Id*." / "*Verizon v. FCC*," — an opening star not inside a word and followed by text, a closing star after
# text and not followed by a word character. Westlaw star pages ("at *3", "at *3, *5") are left alone.
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=[^\s*])(?P<inner>[^*\n]*?[^\s*])\*(?![*\w])")


@dataclass(frozen=True, slots=True)
class PlainText:
    """`text` without emphasis marks; `emphasis` holds [start, end) spans of `text` that were emphasised;
    `origin[i]` is the offset in the marked text of plain character i (and `origin[len(text)]` its end)."""

    text: str
    emphasis: tuple[tuple[int, int], ...]
    origin: tuple[int, ...]

    def marked_span(self, start: int, end: int) -> tuple[int, int]:
        """A [start, end) span of the plain text as a span of the marked text, marks at its edges excluded."""
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]


def _copy_unmarked(marked: str, start: int, end: int, pieces: list[str], origin: list[int]) -> int:
    """Copy text between emphasised runs, dropping a stray mark left by a cut ("id.* at 12" from "*See id.* at 12")
    but not a star page ("at *3")."""
    kept = [i for i in range(start, end) if marked[i] != "*" or marked[i + 1:i + 2].isdigit()]
    pieces.append("".join(marked[i] for i in kept))
    origin.extend(kept)
    return len(kept)


@lru_cache(maxsize=8192)  # a note's text is asked for by the legal reader and by the report writer
def strip_emphasis(marked: str) -> PlainText:
    pieces: list[str] = []
    origin: list[int] = []
    spans: list[tuple[int, int]] = []
    last = 0
    length = 0
    for match in _EMPHASIS.finditer(marked):
        length += _copy_unmarked(marked, last, match.start(), pieces, origin)
        inner_start = match.start("inner")
        inner = match.group("inner")
        pieces.append(inner)
        origin.extend(range(inner_start, inner_start + len(inner)))
        spans.append((length, length + len(inner)))
        length += len(inner)
        last = match.end()
    _copy_unmarked(marked, last, len(marked), pieces, origin)
    origin.append(len(marked))
    return PlainText("".join(pieces), tuple(spans), tuple(origin))
