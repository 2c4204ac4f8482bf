"""PDF page layout to paragraphs and notes, from positioned glyphs. Pure: no PDF library here.

Decisions are made from geometry, never guessed from digits alone:
- a note marker is a run of digits set clearly smaller than its line's body text and raised above its
  baseline (not after another digit: 10² is an exponent);
- running heads and footers are lines repeated at the same height on many pages, and page numbers are
  bare numbers at a page's top or bottom;
- a page's notes are the lines below its body block set in a smaller font, the first starting with a
  number; a foot block that starts without one continues the previous page's last note;
- a word hyphenated at a line end is joined again ("infor-" + "mation").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import median

from audit.extract.patterns import BIBLIOGRAPHY_HEADING, HEADING_DECORATION
from audit.ingest.patterns import DIGIT_RUN
from audit.ingest.pdf_columns import page_segments
from audit.ingest.pdf_geometry import Glyph, Link, Page, Rule
from audit.ingest.pdf_notes import DoubtfulMarker, NoteStart, accept_markers, accept_note, read_note_start
from audit.ingest.pdf_paragraphs import HEADING_SIZE, PlacedLine, join_line, join_paragraphs
from audit.ingest.pdf_running import drop_running_heads
from audit.textnorm import FROM_SUPERSCRIPT, TO_SUPERSCRIPT

__all__ = ["Glyph", "Layout", "NoteBlock", "Page", "TextLine", "Token", "build_line", "lay_out"]

SUPERSCRIPT_SIZE = 0.85  # a marker's size is at most this share of its line's body size
SUPERSCRIPT_RISE = 0.15  # ... and its bottom sits at least this share of the body size above the baseline
SMALL_SIZE = 0.92  # foot-note lines are set at most this share of the document's body size
FOOT_RULE_ZONE = 0.4  # a separator rule above foot notes sits below this share of the page height
_FROM_SUPERSCRIPT_CHARS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")


Token = str | int  # text, or the number of a note marker


@dataclass(frozen=True, slots=True)
class TextLine:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        return "".join(t if isinstance(t, str) else str(t) for t in self.tokens)


@dataclass(frozen=True, slots=True)
class NoteBlock:
    number: int
    page: int
    text: str


@dataclass(frozen=True, slots=True)
class Layout:
    paragraphs: tuple[tuple[Token, ...], ...]
    notes: tuple[NoteBlock, ...]
    # per paragraph, (character offset in the paragraph, page) where it starts and where a new page goes on
    paragraph_pages: tuple[tuple[tuple[int, int], ...], ...] = ()
    lines: tuple[PlacedLine, ...] = ()  # the body's physical lines, in reading order


def _body_size(glyphs: Sequence[Glyph]) -> float:
    sizes = Counter(round(g.size * 2) / 2 for g in glyphs if g.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _link_ends(ordered: Sequence[Glyph], links: Sequence[Link]) -> dict[int, str]:
    """Glyph index -> address, for the last glyph under each link whose address the line does not show."""
    if not links:
        return {}
    shown = "".join(g.text for g in ordered)
    top, bottom = min(g.top for g in ordered), max(g.bottom for g in ordered)
    ends: dict[int, str] = {}
    for link in links:
        if min(bottom, link.bottom) - max(top, link.top) < 0.5 * (bottom - top):
            continue
        inside = [i for i, g in enumerate(ordered) if link.x0 <= (g.x0 + g.x1) / 2 <= link.x1]
        bare = link.uri.split("://", 1)[-1].rstrip("/")
        if inside and bare not in shown and link.uri.startswith(("http://", "https://", "ftp://")):
            ends[inside[-1]] = link.uri
    return ends


def build_line(page: int, glyphs: Sequence[Glyph], links: Sequence[Link] = ()) -> TextLine:
    ordered = sorted(glyphs, key=lambda g: g.x0)
    link_ends = _link_ends(ordered, links)
    size = _body_size(ordered)
    baseline = median([g.bottom for g in ordered if g.size >= 0.9 * size] or [g.bottom for g in ordered])
    tokens: list[Token] = []
    text = ""
    raised = ""
    previous: Glyph | None = None

    def flush_raised() -> None:
        nonlocal raised, text
        if not raised:
            return
        bare = raised.strip().removesuffix(")").rstrip()  # "¹)": a marker with a raised parenthesis
        digits = DIGIT_RUN.findall(bare)
        if digits and "".join(digits) == bare.replace(",", "").replace(" ", ""):
            doubtful = _exponent_base(text)  # 10², R²; or "in 2013⁵": the note sequence decides
            if text:
                tokens.append(text)
                text = ""
            tokens.extend(DoubtfulMarker(d) if doubtful else int(d) for d in digits)
        else:
            text += raised.translate(TO_SUPERSCRIPT)  # an exponent (10²) or ordinal, not a marker
        raised = ""

    for index, glyph in enumerate(ordered):
        gap = glyph.x0 - previous.x1 if previous else 0.0
        if glyph.text in _FROM_SUPERSCRIPT_CHARS:  # "¹" set as a character of its own: raised by definition
            glyph = replace(glyph, text=glyph.text.translate(FROM_SUPERSCRIPT))
            is_raised = True
        else:
            is_raised = (glyph.size <= SUPERSCRIPT_SIZE * size and glyph.bottom < baseline - SUPERSCRIPT_RISE * size
                         and glyph.text.strip() != "")
        if not is_raised:
            flush_raised()
        if previous is not None and gap > 0.2 * min(glyph.size, previous.size) and glyph.text != " ":
            if is_raised and raised:
                raised += " "
            elif not is_raised and not text.endswith(" "):
                text += " "
        if is_raised:
            raised += glyph.text
        else:
            text += glyph.text
        if index in link_ends:
            flush_raised()
            text += f" <{link_ends[index]}>"  # the address behind "the annual report", for the URL stage
        previous = glyph
    flush_raised()
    if text:
        tokens.append(text)
    cleaned = _tidy_spaces(tokens)
    return TextLine(page=page, top=min(g.top for g in glyphs), bottom=max(g.bottom for g in glyphs),
                    x0=ordered[0].x0, x1=ordered[-1].x1, size=size, tokens=cleaned)


def _tidy_spaces(tokens: list[Token]) -> tuple[Token, ...]:
    """Collapse spaces; keep one next to a marker, none at the line's ends."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if isinstance(token, int):
            out.append(token)
            continue
        core = " ".join(token.split())
        lead = " " if token[:1].isspace() and i > 0 else ""
        trail = " " if token[-1:].isspace() and i < len(tokens) - 1 else ""
        if core or lead or trail:
            out.append(lead + core + trail if core else " ")
    return tuple(out)


def note_start(line: TextLine) -> NoteStart | None:
    """The note number a foot line starts with (raised or plain), and the rest of the line."""
    return read_note_start(line.tokens)


def _exponent_base(text: str) -> bool:
    """Raised digits after a digit (10²) or after a one-letter symbol (R², x³, m²) look like exponents."""
    if text[-1:].isdigit():
        return True
    word = text.rsplit(" ", 1)[-1].lstrip("([{")
    return len(word) == 1 and word.isalpha()


def _has_heading(lines: Sequence[TextLine], body_size: float) -> bool:
    """Foot notes never hold a heading: a larger line below a rule starts a section (a reference list)."""
    return any(line.size > HEADING_SIZE * body_size for line in lines)


def split_foot(lines: list[TextLine], body_size: float, rules: Sequence[Rule] = (),
               page_height: float = 0.0) -> tuple[list[TextLine], list[TextLine]]:
    """(body lines, foot-note lines) of one page: the lines below a separator rule in the page's lower part,
    or else the small-font lines at its foot; either way the foot must hold a note start."""
    if lines:
        left = min(ln.x0 for ln in lines)
        # The highest separator in the page's lower part: a foot-note rule starts at the text's left edge.
        for rule in sorted(rules, key=lambda r: r.top):
            if rule.top < FOOT_RULE_ZONE * page_height or abs(rule.x0 - left) > 2 * body_size:
                continue
            below = [ln for ln in lines if ln.top > rule.top]
            # lines before the first note continue the last page's
            if any(note_start(ln) for ln in below) and not _has_heading(below, body_size):
                return [ln for ln in lines if ln.top <= rule.top], below
    foot_start = len(lines)
    while foot_start > 0 and lines[foot_start - 1].size < SMALL_SIZE * body_size:
        foot_start -= 1
    foot = lines[foot_start:]
    if not any(note_start(line) for line in foot) or _has_heading(foot, body_size):
        return lines, []
    return lines[:foot_start], foot


def _notes(foot_by_page: Sequence[tuple[int, list[TextLine]]], markers_by_page: dict[int, list[int]],
           lists: frozenset[int] = frozenset()) -> tuple[list[NoteBlock], set[int]]:
    """The notes in page order, and the pages whose foot holds no note (its lines are body text: a table,
    a figure's legend, a reference list). Foot lines before a page's first note continue the previous
    page's last note. On the pages in `lists` the small lines follow a bibliography heading: they are its
    entries. When the body has markers, a page's notes need one of theirs on the page or the page before."""
    notes: list[tuple[int, int, list[Token]]] = []
    expected = 1
    no_notes: set[int] = set()
    any_markers = any(markers_by_page.values())
    for page, foot in foot_by_page:
        page_markers = {n for n in (*markers_by_page.get(page, ()), *markers_by_page.get(page - 1, ()))
                        if not isinstance(n, DoubtfulMarker)}
        any_marker = {*markers_by_page.get(page, ()), *markers_by_page.get(page - 1, ())}
        before, expected_before = len(notes), expected
        carried: list[TextLine] = []
        for line in foot:
            start = note_start(line)
            if page in lists:
                start = None
            if start is not None and accept_note(start, expected, page_markers):
                notes.append((start.number, page, list(start.rest)))
                expected = start.number + 1
            elif len(notes) > before:
                join_line(notes[-1][2], line)
            else:
                carried.append(line)
        if any_markers and not any(number in any_marker for number, _, _ in notes[before:]):
            del notes[before:]
            expected = expected_before
        if foot and len(notes) == before:
            no_notes.add(page)
        elif carried and before:
            for line in carried:
                join_line(notes[before - 1][2], line)
    blocks = [NoteBlock(number, page, " ".join("".join(t if isinstance(t, str) else str(t) for t in parts).split()))
              for number, page, parts in notes]
    return blocks, no_notes


def heading_title(text: str) -> str:
    match = HEADING_DECORATION.match(text)
    return (match.group("title") if match else text).strip().strip("*_#: ").strip()


def _reference_lists(split: Sequence[tuple[int, list[TextLine], list[TextLine]]]) -> frozenset[int]:
    """Pages whose small foot lines come straight after a bibliography heading ("References"): a reference
    list set in a smaller font, not notes."""
    pages = set()
    for page, body, foot in split:
        if foot and body:
            text = body[-1].text.strip()
            if len(text) < 40 and BIBLIOGRAPHY_HEADING.match(heading_title(text)):
                pages.add(page)
    return frozenset(pages)


def _keep_markers(segments: list[tuple[int, list[TextLine]]], notes: Sequence[NoteBlock]) -> list[list[TextLine]]:
    """The body lines with only real markers left as numbers; other raised digits become superscript text."""
    markers: dict[int, list[int]] = {}
    for page, lines in segments:
        markers.setdefault(page, []).extend(t for line in lines for t in line.tokens if isinstance(t, int))
    by_page: dict[int, set[int]] = {}
    for note in notes:
        by_page.setdefault(note.page, set()).add(note.number)
    verdicts = {page: iter(flags) for page, flags in
                accept_markers(markers, by_page, sorted(markers)).items()}
    out = []
    for page, lines in segments:
        kept = []
        for line in lines:
            if any(isinstance(t, int) for t in line.tokens):
                tokens = tuple(t if not isinstance(t, int) or next(verdicts[page]) else str(t).translate(TO_SUPERSCRIPT)
                               for t in line.tokens)
                line = replace(line, tokens=tokens)
            kept.append(line)
        out.append(kept)
    return out


def _page_lines(page: Page) -> list[list[TextLine]]:
    """The page's lines, per column segment, in reading order."""
    segments = [[build_line(page.number, row, page.links) for row in rows] for rows in page_segments(page)]
    return [[line for line in segment if line.tokens] for segment in segments]


def _small_markers_doubtful(line: TextLine, body_size: float) -> TextLine:
    """Raised digits in a line set smaller than the body (a table, a legend) may be the table's own notes."""
    if line.size >= SMALL_SIZE * body_size or not any(isinstance(t, int) for t in line.tokens):
        return line
    return replace(line, tokens=tuple(DoubtfulMarker(t) if isinstance(t, int) else t for t in line.tokens))


def _raised(lines: Sequence[TextLine]) -> list[int]:
    return [t for line in lines for t in line.tokens if isinstance(t, int)]


def lay_out(pages: Sequence[Page]) -> Layout:
    body_size = _body_size([g for p in pages for g in p.glyphs])
    segmented = {p.number: _page_lines(p) for p in pages}
    kept = drop_running_heads(pages, {n: [ln for seg in segs for ln in seg] for n, segs in segmented.items()})
    kept_ids = {id(line) for lines in kept.values() for line in lines}
    split: list[tuple[int, list[TextLine], list[TextLine]]] = []
    for page in pages:
        for segment in segmented[page.number]:
            body, foot = split_foot([ln for ln in segment if id(ln) in kept_ids], body_size, page.rules, page.height)
            split.append((page.number, [_small_markers_doubtful(ln, body_size) for ln in body], foot))
    markers_by_page: dict[int, list[int]] = {}
    foot_by_page: dict[int, list[TextLine]] = {}
    for number, body, foot in split:
        markers_by_page.setdefault(number, []).extend(_raised(body))
        foot_by_page.setdefault(number, []).extend(foot)
    notes, no_notes = _notes(list(foot_by_page.items()), markers_by_page, _reference_lists(split))
    segments = [(number, body + foot if number in no_notes else body) for number, body, foot in split]
    body_segments = [lines for lines in _keep_markers([s for s in segments if s[1]], notes)]
    joined = join_paragraphs(body_segments, body_size)
    return Layout(joined.tokens, tuple(notes), joined.pages, joined.lines)
