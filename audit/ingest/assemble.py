"""assemble_document(): the shared last step of every structured reader (HTML, DOCX, PDF).

A reader hands over paragraphs made of pieces (text, note marks, key citations) and the notes; this
module lays them out as `Document.text` the way the extractors expect: one paragraph per line, a
blank line between paragraphs, the notes appended after the body under no heading and blanked out
of `lines` (as the Markdown reader blanks its definitions), with the spans of every mark recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from audit.ingest.plain_text import index_lines
from audit.models import (
    Document,
    DocumentFormat,
    KeyCite,
    LayoutLine,
    MarkerHint,
    NoteHint,
    SourceEntry,
    Span,
    UnreadablePart,
)
from audit.textnorm import TO_SUPERSCRIPT


@dataclass(frozen=True, slots=True)
class NoteMark:
    """A note reference in running text, printed as a superscript number (`¹²`), or `[label]` for others."""

    label: str
    number: int
    hinted: bool = True  # False for a second reference to the same note (Wikipedia's reused refs)


@dataclass(frozen=True, slots=True)
class KeyMark:
    """A citation by key in running text, printed as `[key1; key2, suffix]`."""

    keys: tuple[str, ...]
    command: str
    prefix: str | None = None
    suffix: str | None = None
    pinpoint: str | None = None


Piece = str | NoteMark | KeyMark


@dataclass(frozen=True, slots=True)
class NoteText:
    number: int
    label: str
    pieces: tuple[Piece, ...]
    page: int | None = None  # the page it is printed on, in a paged input (PDF)




def printed_marker(label: str) -> str:
    """How a note marker reads in `Document.text`: raised digits, as printed, and never "[12]", which
    later stages would take for a numbered citation."""
    return label.translate(TO_SUPERSCRIPT) if label.isdigit() else f"[{label}]"


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def render_key_mark(mark: KeyMark) -> str:
    inner = "; ".join(mark.keys)
    if mark.prefix:
        inner = f"{mark.prefix} {inner}"
    if mark.suffix:
        inner = f"{inner}, {mark.suffix}"
    return f"[{inner}]"


@dataclass
class _Layout:
    """Accumulates text and the spans of marks while paragraphs are laid out (internal, mutable)."""

    parts: list[str]
    offset: int = 0
    line: int = 1

    def write(self, text: str) -> Span:
        start = self.offset
        self.parts.append(text)
        self.offset += len(text)
        span = Span(start, self.offset, self.line)
        self.line += text.count("\n")
        return span


def _squeeze(text: str, first: bool, last: bool) -> str:
    """Collapse runs of whitespace to one space, keeping one at an inner edge (next to a mark)."""
    core = collapse_spaces(text)
    lead = " " if text[:1].isspace() and not first else ""
    trail = " " if text[-1:].isspace() and not last else ""
    if not core:
        return "" if first or last else lead or trail
    return lead + core + trail


def _write_paragraph(layout: _Layout, pieces: Sequence[Piece], note: int | None,
                     markers: list[MarkerHint], keys: list[KeyCite]) -> str:
    """Write one paragraph on one line; return its text."""
    merged: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    written: list[str] = []
    for i, piece in enumerate(merged):
        if isinstance(piece, str):
            text = _squeeze(piece, i == 0, i == len(merged) - 1)
            layout.write(text)
        elif isinstance(piece, NoteMark):
            text = printed_marker(piece.label)
            span = layout.write(text)
            if piece.hinted:
                markers.append(MarkerHint(label=piece.label, number=piece.number, span=span))
        else:
            text = render_key_mark(piece)
            span = layout.write(text)
            keys.append(KeyCite(keys=piece.keys, span=span, command=piece.command, prefix=piece.prefix,
                                suffix=piece.suffix, pinpoint=piece.pinpoint, note=note))
        written.append(text)
    return "".join(written)


def _has_text(pieces: Sequence[Piece]) -> bool:
    return any(not isinstance(p, str) or p.strip() for p in pieces)


def assemble_document(*, path: str, fmt: DocumentFormat, sha256: str, body: Sequence[Sequence[Piece]],
                      notes: Sequence[NoteText] = (), encoding: str = "utf-8",
                      bib_entries: Sequence[SourceEntry] = (), bib_sources: Sequence[str] = (),
                      unreadable: Sequence[UnreadablePart] = (), structured_notes: bool | None = None,
                      body_pages: Sequence[Sequence[tuple[int, int]]] = (),
                      body_lines: Sequence[tuple[int, LayoutLine]] = ()) -> Document:
    """`structured_notes=None`: structured when the reader found any note or marker. `body_pages`: for paged
    inputs (PDF), per body paragraph the (character offset in it, page) where it starts and where it runs on
    to a new page. `body_lines`: a paged input's physical lines, each with the index of its body paragraph and
    its span within that paragraph's text, rebased here onto the document's text."""
    layout = _Layout(parts=[])
    markers: list[MarkerHint] = []
    keys: list[KeyCite] = []
    pages: list[tuple[int, int]] = []
    paged = [(i, p, body_pages[i] if i < len(body_pages) else ()) for i, p in enumerate(body) if _has_text(p)]
    placed: dict[int, tuple[int, int]] = {}  # paragraph index -> (offset, line) where it was written
    for n, (index, pieces, starts) in enumerate(paged):
        if n:
            layout.write("\n\n")
        pages.extend((layout.offset + offset, page) for offset, page in starts)
        placed[index] = (layout.offset, layout.line)
        _write_paragraph(layout, pieces, None, markers, keys)
    hints: list[NoteHint] = []
    note_lines: set[int] = set()
    for note in notes:
        if layout.offset:
            layout.write("\n\n")
        if note.page is not None:
            pages.append((layout.offset, note.page))
        layout.write(f"[{note.label}] ")
        start, line = layout.offset, layout.line
        text = _write_paragraph(layout, note.pieces, note.number, markers, keys)
        hints.append(NoteHint(number=note.number, label=note.label, text=text, span=Span(start, layout.offset, line)))
        note_lines.add(line)
    text = "".join(layout.parts)
    layout_lines = tuple(_rebased(line, *placed[index]) for index, line in body_lines if index in placed)
    lines = tuple(replace(ln, text="") if ln.number in note_lines else ln for ln in index_lines(text))
    hints.sort(key=lambda h: (h.number, h.span.start))
    return Document(path=path, format=fmt, text=text, sha256=sha256, lines=lines, note_hints=tuple(hints),
                    marker_hints=tuple(markers), encoding=encoding,
                    structured_notes=bool(hints or markers) if structured_notes is None else structured_notes,
                    key_citations=tuple(keys), bib_entries=tuple(bib_entries), bib_sources=tuple(bib_sources),
                    parts_unreadable=tuple(unreadable), page_starts=tuple(pages), layout_lines=layout_lines)


def _rebased(line: LayoutLine, offset: int, number: int) -> LayoutLine:
    return replace(line, span=Span(offset + line.span.start, offset + line.span.end, number))
