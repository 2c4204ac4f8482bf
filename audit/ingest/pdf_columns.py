"""Two-column pages: find the gutter and give the glyphs back in reading order. Pure, like `pdf_layout`.

A gutter is a vertical band near the middle of the page that almost no text line crosses. Lines that do
cross it (a title, an abstract, a full-width heading or foot note) are "spanning"; the others are split
at the gutter. Reading order: spanning lines above the columns, the left column, the right column, then
the remaining spanning lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.ingest.pdf_geometry import Glyph, Page, group_lines

GUTTER_ZONE = (0.3, 0.7)  # share of the page width where a gutter may lie
MIN_GUTTER_WIDTH = 6.0  # points
MAX_CROSSING_SHARE = 0.15  # a gutter may be crossed by at most this share of the page's lines
MIN_LINES = 12  # fewer lines than this: not enough evidence for columns
MIN_COLUMN_SHARE = 0.3  # each column must hold text on at least this share of the page's lines
COLUMN_START_SLACK = 20.0  # points: right-column lines start this close to the gutter
# A gap between two glyphs of a line narrower than this many font sizes is a word space, which the band may
# hold; a gutter between columns set close together (a reference list in small type) is wider.
WORD_GAP = 1.0
SIZE_STEP = 0.5  # points: rows whose type size differs by more than this are set in different sizes
STEADY_ROWS = 3  # a change of size counts where this many rows on each side keep their size
MAX_PARTS_TRIED = 4  # the largest parts of a page tried for columns (each try reads every glyph)


def find_gutter(lines: Sequence[Sequence[Glyph]], width: float) -> tuple[float, float] | None:
    """(left, right) x of the widest band in the middle zone crossed by few lines, or None."""
    if len(lines) < MIN_LINES or width <= 0:
        return None
    lo, hi = int(GUTTER_ZONE[0] * width), int(GUTTER_ZONE[1] * width)
    crossings = [0] * (hi - lo + 1)
    for line in lines:
        covered = set()
        for glyph in line:
            if glyph.text.strip():
                covered.update(range(max(int(glyph.x0), lo), min(int(glyph.x1), hi) + 1))
        # the spaces between words of one line cover the band as well
        ordered = sorted(line, key=lambda g: g.x0)
        for left, right in zip(ordered, ordered[1:], strict=False):
            if right.x0 - left.x1 < WORD_GAP * max(left.size, right.size):
                covered.update(range(max(int(left.x1), lo), min(int(right.x0), hi) + 1))
        for x in covered:
            crossings[x - lo] += 1
    limit = MAX_CROSSING_SHARE * len(lines)
    best: tuple[int, int] | None = None
    start = None
    for i, count in enumerate([*crossings, limit + 1]):
        if count <= limit and start is None:
            start = i
        elif count > limit and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    if best is None or best[1] - best[0] < MIN_GUTTER_WIDTH:
        return None
    left_edge, right_edge = float(lo + best[0]), float(lo + best[1])
    # Short lines on a one-column page leave a band empty too; real columns have text on both sides and
    # a right column whose lines start at the gutter.
    with_left = sum(1 for line in lines if any(g.x1 <= left_edge and g.text.strip() for g in line))
    starts = [min((g.x0 for g in line if g.x0 >= right_edge and g.text.strip()), default=None) for line in lines]
    with_right = sum(1 for x in starts if x is not None and x <= right_edge + COLUMN_START_SLACK)
    needed = MIN_COLUMN_SHARE * len(lines)
    if with_left < needed or with_right < needed:
        return None
    return left_edge, right_edge


def _size_changes(rows: Sequence[Sequence[Glyph]]) -> list[int]:
    """Row indices where the type size changes and stays changed for a few rows on either side (a reference
    list or an abstract set smaller than the body; not a heading, a superscript or a formula)."""
    sizes = [max((g.size for g in row if g.text.strip()), default=0.0) for row in rows]

    def steady(lo: int, hi: int) -> bool:
        return 0 <= lo and hi <= len(sizes) and max(sizes[lo:hi]) - min(sizes[lo:hi]) <= SIZE_STEP

    return [k for k in range(1, len(rows)) if abs(sizes[k] - sizes[k - 1]) > SIZE_STEP
            and steady(k - STEADY_ROWS, k) and steady(k, k + STEADY_ROWS)]


def _columns_in_part(rows: Sequence[Sequence[Glyph]], width: float) -> tuple[tuple[float, float], range] | None:
    """A gutter in the part of a page below or above a change of type size, where the page is set in one
    column above (the end of the body text) and two below (its reference list in small type), or the
    reverse; the largest such part wins."""
    parts = sorted((part for k in _size_changes(rows) for part in (range(k, len(rows)), range(0, k))
                    if len(part) >= MIN_LINES), key=len, reverse=True)
    for part in parts[:MAX_PARTS_TRIED]:
        gutter = find_gutter([rows[i] for i in part], width)
        if gutter is not None:
            return gutter, part
    return None


def _split_at_gutter(row: Sequence[Glyph], left_edge: float, right_edge: float) -> float | None:
    """Where a row that reaches into the gutter still parts into two columns: the widest gap wider than a word
    space that overlaps the gutter (a justified line's last letters or hyphen run a few points into it).
    None for a line that really spans the gutter (a title, a full-width heading)."""
    glyphs = sorted((g for g in row if g.text.strip()), key=lambda g: g.x0)
    best: tuple[float, float] | None = None
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        gap = b.x0 - a.x1
        if gap >= WORD_GAP * max(a.size, b.size) and a.x1 < right_edge and b.x0 > left_edge:
            if best is None or gap > best[0]:
                best = (gap, (a.x1 + b.x0) / 2)
    return best[1] if best else None


def page_segments(page: Page) -> list[list[list[Glyph]]]:
    """The page's text rows in reading-order groups: one group on a single-column page (its rows as grouped
    once; a column's rows are grouped again within it)."""
    rows = group_lines(page.glyphs)
    gutter = find_gutter(rows, page.width)
    inside = range(len(rows))
    if gutter is None:
        partial = _columns_in_part(rows, page.width)
        if partial is None:
            return [rows]
        gutter, inside = partial
    left_edge, right_edge = gutter
    middle = (left_edge + right_edge) / 2
    spanning: list[list[Glyph]] = []
    left: list[Glyph] = []
    right: list[Glyph] = []
    crossing = [any(g.x0 < right_edge and g.x1 > left_edge and g.text.strip() for g in row) for row in rows]
    # Rows between the first and the last that clear the gutter are column rows even when a letter runs into
    # it; a crossing row above or below them (a title, a footer) spans the page.
    clear = [i for i in inside if not crossing[i]]
    between = range(clear[0], clear[-1] + 1) if clear else range(0)
    for index, row in enumerate(rows):
        split: float | None = middle
        if index not in inside:
            split = None
        elif crossing[index]:
            split = _split_at_gutter(row, left_edge, right_edge) if index in between else None
        if split is None:
            spanning.append(row)
            continue
        for glyph in row:
            (left if glyph.x1 <= split else right).append(glyph)
    if not left or not right:
        return [rows]
    columns_top = min(g.top for g in left + right)
    above = [g for row in spanning if min(g.top for g in row) < columns_top for g in row]
    below = [g for row in spanning if min(g.top for g in row) >= columns_top for g in row]
    return [group_lines(group) for group in (above, left, right, below) if group]
