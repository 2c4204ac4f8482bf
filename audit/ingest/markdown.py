"""Markdown and Pandoc Markdown: footnote definitions `[^label]: ...`, references `[^label]`
and inline notes `^[...]` become note and marker hints; notes are numbered, as Pandoc prints
them, in the order of their first reference."""

from __future__ import annotations

from dataclasses import replace

from audit.extract.patterns import MD_FOOTNOTE_DEF, MD_FOOTNOTE_REF, MD_INLINE_NOTE_START
from audit.ingest.pandoc_cites import add_pandoc_citations
from audit.ingest.plain_text import index_lines
from audit.models import Document, Line, MarkerHint, NoteHint, Span


def _definition_blocks(lines: tuple[Line, ...]) -> list[tuple[str, list[Line], str]]:
    """(label, lines consumed, note text) for each `[^label]:` definition."""
    blocks: list[tuple[str, list[Line], str]] = []
    i = 0
    while i < len(lines):
        match = MD_FOOTNOTE_DEF.match(lines[i].text)
        if not match:
            i += 1
            continue
        label, parts, used = match.group("label"), [match.group("text").strip()], [lines[i]]
        j = i + 1
        while j < len(lines):
            text = lines[j].text
            if MD_FOOTNOTE_DEF.match(text):
                break
            if not text.strip():
                # A blank line ends the note unless an indented continuation paragraph follows.
                k = j
                while k < len(lines) and not lines[k].text.strip():
                    k += 1
                if k < len(lines) and (lines[k].text.startswith("    ") or lines[k].text.startswith("\t")):
                    used.extend(lines[j:k])
                    j = k
                    continue
                break
            parts.append(text.strip())
            used.append(lines[j])
            j += 1
        blocks.append((label, used, " ".join(p for p in parts if p)))
        i = j
    return blocks


def _inline_notes(lines: tuple[Line, ...]) -> list[tuple[Line, int, int, str]]:
    """(line, start column, end column, text) for each `^[inline note]` (brackets may nest)."""
    found = []
    for line in lines:
        for match in MD_INLINE_NOTE_START.finditer(line.text):
            depth, pos = 1, match.end()
            while pos < len(line.text) and depth:
                depth += {"[": 1, "]": -1}.get(line.text[pos], 0)
                pos += 1
            if depth == 0:
                found.append((line, match.start(), pos, line.text[match.end():pos - 1].strip()))
    return found


def read_markdown(path: str, text: str, sha256: str, encoding: str) -> Document:
    lines = index_lines(text)
    definitions = _definition_blocks(lines)
    inline = _inline_notes(lines)
    if not definitions and not inline:
        return add_pandoc_citations(Document(path=path, format="markdown", text=text, sha256=sha256, lines=lines,
                                             encoding=encoding))

    consumed = {line.number for _, used, _ in definitions for line in used}
    refs: list[tuple[int, str, Span]] = []  # (offset, label, span) in reading order
    for line in lines:
        if line.number in consumed:
            continue
        for match in MD_FOOTNOTE_REF.finditer(line.text):
            start = line.start + match.start()
            refs.append((start, match.group("label"), Span(start, line.start + match.end(), line.number)))
    for line, begin, end, _ in inline:
        start = line.start + begin
        refs.append((start, f"inline@{start}", Span(start, line.start + end, line.number)))
    refs.sort()

    numbers: dict[str, int] = {}
    for _, label, _ in refs:
        numbers.setdefault(label, len(numbers) + 1)
    for label, _, _ in definitions:
        numbers.setdefault(label, len(numbers) + 1)

    markers = tuple(MarkerHint(label=label, number=numbers[label], span=span) for _, label, span in refs)
    notes = [NoteHint(number=numbers[label], label=label, text=body,
                      span=Span(used[0].start, used[-1].start + len(used[-1].text), used[0].number))
             for label, used, body in definitions]
    for line, begin, end, body in inline:
        start = line.start + begin
        label = f"inline@{start}"
        notes.append(NoteHint(number=numbers[label], label=label, text=body,
                              span=Span(start, line.start + end, line.number)))
    notes.sort(key=lambda n: (n.number, n.span.start))
    body_lines = tuple(replace(line, text="") if line.number in consumed else line for line in lines)
    return add_pandoc_citations(Document(path=path, format="markdown", text=text, sha256=sha256, lines=body_lines,
                                         note_hints=tuple(notes), marker_hints=markers, encoding=encoding,
                                         structured_notes=True))
