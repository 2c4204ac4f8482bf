"""Two-column pages read column by column (`pdf_columns.page_segments`), on glyphs placed by hand."""

from __future__ import annotations

from audit.ingest.pdf_columns import page_segments
from audit.ingest.pdf_geometry import Glyph, Page


def _row(text: str, x: float, top: float, size: float, right: float | None = None) -> list[Glyph]:
    """A line of glyphs half a size wide with quarter-size spaces; `right` stretches the spaces (justified)."""
    width = 0.5 * size
    words = text.split()
    letters = sum(len(w) for w in words) * width
    space = 0.25 * size if right is None or len(words) < 2 else (right - x - letters) / (len(words) - 1)
    glyphs = []
    for word in words:
        for ch in word:
            glyphs.append(Glyph(ch, x, x + width, top, top + size, size))
            x += width
        x += space
    return glyphs


def _text(rows: list[list[Glyph]]) -> list[str]:
    out = []
    for row in rows:
        ordered = sorted(row, key=lambda g: g.x0)
        words, word = [], ""
        for a, b in zip(ordered, [*ordered[1:], None], strict=True):
            word += a.text
            if b is None or b.x0 - a.x1 > 0.1:
                words.append(word)
                word = ""
        out.append(" ".join(words))
    return out


BODY = [f"Body sentence number {k} of the last section that runs across the whole page width here." for k in range(14)]
LEFT = [f"Author{k}, Anne (200{k % 10}) Title of a study {k}." for k in range(16)]
RIGHT = [f"Writer{k}, Bob (199{k % 10}) Another title {k}." for k in range(16)]


def _page(left_right_edge: dict[int, float]) -> Page:
    glyphs: list[Glyph] = []
    for k, text in enumerate(BODY):
        glyphs += _row(text, 80, 60 + 13 * k, 10, right=480)
    for k in range(16):
        top = 260 + 10 * k
        glyphs += _row(LEFT[k], 80, top, 8, right=left_right_edge.get(k, 250))
        glyphs += _row(RIGHT[k], 268, top + 0.5, 8)
    return Page(number=1, width=560, height=800, glyphs=tuple(glyphs))


def test_a_reference_list_in_two_columns_under_one_column_of_text():
    segments = page_segments(_page({}))
    texts = [_text(seg) for seg in segments]
    assert texts[0] == BODY
    assert texts[1] == LEFT
    assert texts[2] == RIGHT


def test_left_lines_running_into_the_gutter_still_part_at_it():
    # Three justified left-column lines end a few points inside the gutter; they are column lines, not
    # lines spanning the page.
    segments = page_segments(_page({3: 258.0, 7: 259.0, 12: 258.5}))
    texts = [_text(seg) for seg in segments]
    assert texts[1] == LEFT
    assert texts[2] == RIGHT


def test_a_line_across_the_gutter_without_a_gap_spans_the_page():
    # Hard negative: a full-width line in the middle of the columns (no gap at the gutter) is read on its own.
    page = _page({})
    wide = _row("A figure caption that runs across both of the columns of the page.", 80, 422, 8)
    after = _row("Author16, Anne (2006) Last.", 80, 436, 8, right=250) + _row("Writer16, Bob (1996) Last.", 268, 436, 8)
    segments = page_segments(Page(1, 560, 800, page.glyphs + tuple(wide) + tuple(after)))
    texts = [_text(seg) for seg in segments]
    assert texts[1] == [*LEFT, "Author16, Anne (2006) Last."]
    assert texts[2] == [*RIGHT, "Writer16, Bob (1996) Last."]
    assert texts[-1] == ["A figure caption that runs across both of the columns of the page."]
