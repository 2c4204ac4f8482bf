"""extract_notes(): body note markers and note texts, in every common marker style.

Plain text from a PDF puts each page's notes between body paragraphs. Notes are collected in
order; a note keeps its first line; a paragraph that continues a note cut by a page break is
joined to it, and body text is never swallowed into a note (see `_continues_note`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from audit.extract.bibliography import heading_title, looks_like_heading
from audit.extract.blocks import Block, join_lines, split_blocks
from audit.extract.patterns import (
    ENDNOTES_HEADING,
    MARKER_BRACKET,
    MARKER_CARET,
    MARKER_PLAIN,
    MARKER_SUPERSCRIPT,
    MARKER_SUPTAG,
    NOTE_NUMBER_ALONE,
    NOTE_START_BRACKET,
    NOTE_START_CARET,
    NOTE_START_NUMBERED,
    NOTE_START_PLAIN,
    NOTE_START_SUPERSCRIPT,
    NOTE_START_SUPTAG,
    TABLE_GAP,
    TOC_LINE,
)
from audit.models import Document, Line, Marker, Note, Span
from audit.textnorm import FROM_SUPERSCRIPT


@dataclass(frozen=True, slots=True)
class MarkerStyle:
    name: str
    note_start: re.Pattern[str]
    marker: re.Pattern[str]


# Order matters only for ties: unambiguous styles first, flattened plain digits last.
STYLES: tuple[MarkerStyle, ...] = (
    MarkerStyle("superscript", NOTE_START_SUPERSCRIPT, MARKER_SUPERSCRIPT),
    MarkerStyle("sup-tag", NOTE_START_SUPTAG, MARKER_SUPTAG),
    MarkerStyle("bracket", NOTE_START_BRACKET, MARKER_BRACKET),
    MarkerStyle("caret", NOTE_START_CARET, MARKER_CARET),
    MarkerStyle("plain", NOTE_START_PLAIN, MARKER_PLAIN),
)
# Plain digits at a line start are ambiguous ("12 April 2010 ..."); accept one only when its number
# is within this distance of the note number expected next.
PLAIN_SEQUENCE_SLACK = 2
# Bracketed numbers used again (or going backwards) this often are citations of a numbered list, not notes.
REPEATED_CITATIONS = 3
# At least this share of a plain-digit note's tokens are words (two letters or more).
MIN_WORD_SHARE = 0.3
# A note ending like this is unfinished: the next page may continue it.
_FINISHED_ENDINGS = (".", "!", "?", ")", "]", "”", '"', "’", "'", ">", "*", "»")


@dataclass(frozen=True, slots=True)
class NoteExtraction:
    notes: tuple[Note, ...]
    markers: tuple[Marker, ...]
    style: str | None
    body_lines: tuple[Line, ...]  # lines that are neither notes nor excluded regions


def _number(raw: str) -> int:
    return int(raw.translate(FROM_SUPERSCRIPT))


@dataclass
class _Draft:
    number: int
    label: str
    lines: list[Line]
    start: int
    end: int
    closed: bool = False


def _note_start(style: MarkerStyle, text: str, expected: int) -> re.Match[str] | None:
    match = style.note_start.match(text)
    if match is None:
        return None
    if style.name in ("plain", "bracket"):  # "[12]" starting a line is often a numeric citation wrapped there
        number = int(match.group("num"))
        # the next note, a few skipped, or 1 again: each chapter of a book restarts its notes
        if not (expected - 1 <= number <= expected + PLAIN_SEQUENCE_SLACK or number == 1):
            return None
    if style.name == "plain":
        if looks_like_heading(text) or TOC_LINE.search(text) or len(TABLE_GAP.findall(text)) >= 2:
            return None  # "4 Methods and data", "1 Introduction ... 5", "1  Brazil   31.2   12.6"
    return match


def _number_alone(style: MarkerStyle, lines: Sequence[Line], index: int, expected: int) -> re.Match[str] | None:
    """A note number alone on its line with the note's text on the next (plain digits at a page foot)."""
    if style.name != "plain" or index + 1 >= len(lines):
        return None
    match = NOTE_NUMBER_ALONE.match(lines[index].text)
    following = lines[index + 1].text
    if match is None or not following.strip() or following.startswith("\f") or NOTE_NUMBER_ALONE.match(following):
        return None  # a page number: the next page (or nothing) follows
    number = int(match.group("num"))
    return match if expected - 1 <= number <= expected + PLAIN_SEQUENCE_SLACK or number == 1 else None


def _endnote_region(lines: Sequence[Line], allowed: set[int]) -> set[int]:
    """Lines of a "Notes"/"Endnotes" section at the end of the text, where notes are numbered lists."""
    region: set[int] = set()
    inside = False
    for line in lines:
        if line.number not in allowed:
            inside = False
            continue
        text = line.text.strip()
        if text and looks_like_heading(text) and not NOTE_START_NUMBERED.match(text):
            inside = bool(ENDNOTES_HEADING.match(heading_title(text)))
            continue
        if inside:
            region.add(line.number)
    return region


def _collect(blocks: Sequence[Block], style: MarkerStyle, endnotes: set[int]) -> tuple[list[_Draft], list[Line]]:
    """Split the paragraph blocks into note drafts and body lines for one marker style."""
    drafts: list[_Draft] = []
    body: list[Line] = []
    for block_index, block in enumerate(blocks):
        pending_body: list[Line] = []
        current: _Draft | None = None
        for index, line in enumerate(block.lines):
            pattern = NOTE_START_NUMBERED if line.number in endnotes else None
            expected = drafts[-1].number + 1 if drafts else 1
            match = pattern.match(line.text) if pattern else (
                _note_start(style, line.text, expected) or _number_alone(style, block.lines, index, expected))
            if current is not None and not match and line.text.startswith("\f"):
                current = None  # a new page: its first line is body text (a note cut here resumes later)
            if match:
                if pending_body:
                    if not _attach_continuation(drafts, pending_body, blocks, block_index):
                        body.extend(pending_body)
                    pending_body = []
                current = _Draft(_number(match.group("num")), match.group("num"), [line],
                                 line.start + match.end(), line.start + len(line.text))
                current.lines[0] = Line(line.number, line.start + match.end(), line.text[match.end():])
                drafts.append(current)
            elif current is not None:
                current.lines.append(line)
                current.end = line.start + len(line.text)
            else:
                pending_body.append(line)
        if pending_body:
            if not _attach_continuation(drafts, pending_body, blocks, block_index):
                body.extend(pending_body)
        if drafts:
            drafts[-1].closed = True
    return drafts, body


def _attach_continuation(drafts: list[_Draft], paragraph: list[Line], blocks, block_index: int) -> bool:
    """Join a paragraph to the previous note when a page break cut that note."""
    if not drafts or not _continues_note(drafts[-1], paragraph, blocks, block_index):
        return False
    drafts[-1].lines.extend(paragraph)
    return True


def _continues_note(draft: _Draft, paragraph: list[Line], blocks, block_index: int) -> bool:
    """A note cut by a page break resumes at the foot of the next page, just before that page's
    notes: the note must be unfinished, the paragraph must carry no markers, start mid-sentence,
    and be followed directly by the next note."""
    note_text = join_lines(line.text for line in draft.lines).rstrip()
    if not note_text or note_text.endswith(_FINISHED_ENDINGS) or note_text.split()[-1].startswith(("http", "www.")):
        return False
    first = paragraph[0].text.strip()
    if not first or not (first[0].islower() or first[0].isdigit() or note_text.endswith(("-", ",", "–"))):
        return False
    if any(MARKER_SUPERSCRIPT.search(line.text) for line in paragraph):
        return False
    next_block = blocks[block_index + 1] if block_index + 1 < len(blocks) else None
    return next_block is not None and next_block.first > paragraph[-1].number and any(
        style.note_start.match(next_block.lines[0].text) for style in STYLES[:4])


def _markers(style: MarkerStyle, body: Sequence[Line], notes: set[int]) -> list[Marker]:
    found = []
    for line in body:
        if TOC_LINE.search(line.text):
            continue  # "Notes on sources .... 12": a contents line holds page numbers, not markers
        for match in style.marker.finditer(line.text):
            number = _number(match.group("num"))
            if style.name == "plain" and number not in notes:
                continue  # a flattened digit is a marker only if a note with that number exists
            start = line.start + match.start()
            found.append(Marker(number=number, label=match.group(0), style=style.name,
                                span=Span(start, line.start + match.end(), line.number)))
    return found


def _confirmed(drafts: list[_Draft], body: list[Line], markers: Sequence[Marker],
               doc: Document) -> tuple[list[_Draft], list[Line], list[Marker]]:
    """Plain digits are weak evidence: a plain note stands only when a marker with its number comes before
    it (after the previous note of that number: chapters restart), and that marker (the nearest) is its
    only one. The other notes (numbered table rows, list items, contents lines) go back to the body, and
    the other digits are not markers."""
    kept: list[_Draft] = []
    chosen: list[Marker] = []
    last_line: dict[int, int] = {}
    returned: list[Line] = []
    by_number: dict[int, list[Marker]] = {}
    for marker in markers:
        by_number.setdefault(marker.number, []).append(marker)
    for draft in drafts:
        first = draft.lines[0].number
        after = last_line.get(draft.number, 0)
        before = [m for m in by_number.get(draft.number, ()) if after < m.span.line < first]
        if before and _wordy(join_lines(line.text for line in draft.lines)):
            kept.append(draft)
            chosen.append(before[-1])
            last_line[draft.number] = first
        else:
            returned.extend(doc.lines[line.number - 1] for line in draft.lines)
    chosen.sort(key=lambda m: m.span.start)
    if returned:
        body = sorted([*body, *returned], key=lambda line: line.number)
    return kept, body, chosen


def _wordy(text: str) -> bool:
    """Most of a note's tokens are words; an equation or a table row ("C0 + C− RT (6.38)") is not a note."""
    tokens = text.split()
    words = sum(1 for t in tokens if sum(ch.isalpha() for ch in t) >= 2)
    return bool(tokens) and words >= MIN_WORD_SHARE * len(tokens)


def _cited_again(markers: Sequence[Marker]) -> bool:
    """Note markers are used once each, in order; numeric citations ("[12]") come back and go backwards."""
    counts = Counter(m.number for m in markers)
    backwards = sum(1 for a, b in zip(markers, markers[1:], strict=False) if b.number < a.number)
    return sum(1 for n in counts.values() if n > 1) >= REPEATED_CITATIONS or backwards >= REPEATED_CITATIONS


def _to_note(draft: _Draft, style: str) -> Note:
    text = join_lines(line.text for line in draft.lines)
    return Note(number=draft.number, label=draft.label, text=text,
                span=Span(draft.start, draft.end, draft.lines[0].number), style=style)


def _from_hints(doc: Document, allowed: set[int]) -> NoteExtraction:
    notes = tuple(Note(number=h.number, label=h.label, text=h.text, span=h.span, style=doc.format)
                  for h in doc.note_hints)
    markers = tuple(Marker(number=h.number, label=h.label, style=doc.format, span=h.span)
                    for h in doc.marker_hints)
    body = tuple(line for line in doc.lines if line.number in allowed)
    return NoteExtraction(notes, markers, doc.format, body)


def extract_notes(doc: Document, *, excluded: Sequence[tuple[int, int]] = ()) -> NoteExtraction:
    """Find notes and markers outside the excluded line ranges (the bibliography and what follows)."""
    allowed = {line.number for line in doc.lines
               if not any(lo <= line.number <= hi for lo, hi in excluded)}
    if doc.structured_notes:
        return _from_hints(doc, allowed)
    endnotes = _endnote_region(doc.lines, allowed)
    lines = [line for line in doc.lines if line.number in allowed]
    blocks = split_blocks(lines)
    best: tuple[tuple[int, int], MarkerStyle, list[_Draft], list[Line], list[Marker]] | None = None
    for style in STYLES:
        if not endnotes and not any(style.note_start.match(line.text) or (
                style.name == "plain" and NOTE_NUMBER_ALONE.match(line.text)) for line in lines):
            continue  # no note of this style at all: skip the full pass
        drafts, body = _collect(blocks, style, endnotes)
        numbers = {d.number for d in drafts}
        markers = _markers(style, body, numbers)
        if style.name == "plain":
            drafts, body, markers = _confirmed(drafts, body, markers, doc)
            numbers = {d.number for d in drafts}
        matched = len(numbers & {m.number for m in markers})
        score = (matched, len(drafts) if style.name != "plain" else min(len(drafts), matched))
        if score > (0, 0) and (best is None or score > best[0]):
            best = (score, style, drafts, body, markers)
    if best is None:
        body_lines = tuple(line for line in doc.lines if line.number in allowed)
        return NoteExtraction((), (), None, body_lines)
    _, style, drafts, body, markers = best
    if style.name == "bracket" and _cited_again(markers):
        body_lines = tuple(line for line in doc.lines if line.number in allowed)
        return NoteExtraction((), (), None, body_lines)  # "[12]" cited again and again: a numbered bibliography
    return NoteExtraction(tuple(_to_note(d, style.name) for d in drafts), tuple(markers), style.name, tuple(body))
