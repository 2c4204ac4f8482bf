"""Pandoc citations in Markdown: `[see @key, p. 12; @other]`, `[-@key]`, in-text `@key [p. 33]`, and their .bib.

The .bib is the one named by the YAML front matter (`bibliography: refs.bib` or a list), else the .bib with
the document's stem beside it. Its entries are laid out after the source under a "References" heading, so
the source keeps its line numbers.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from pathlib import Path

from audit.ingest.bibtex_doc import append_references
from audit.ingest.latex_doc import pinpoint_of, read_bib_files
from audit.ingest.patterns import (
    MD_CODE,
    PANDOC_BRACKET_CITE,
    PANDOC_KEY,
    PANDOC_LOCATOR,
    YAML_BIBLIOGRAPHY,
    YAML_FRONT_MATTER,
    YAML_LIST_ITEM,
)
from audit.ingest.plain_text import index_lines
from audit.models import Document, KeyCite, Span


def bibliography_names(text: str, path: Path) -> list[tuple[str, int]]:
    """(.bib name, line) from the YAML front matter, else a same-stem .bib beside the file."""
    front = YAML_FRONT_MATTER.match(text)
    if front:
        block = front.group("body")
        match = YAML_BIBLIOGRAPHY.search(block)
        if match:
            line = block.count("\n", 0, match.start()) + 2
            value = match.group("value").strip()
            if value.startswith("["):
                return [(v.strip().strip("'\""), line) for v in value.strip("[]").split(",") if v.strip()]
            if value:
                return [(value.strip("'\""), line)]
            names = []
            for item in block[match.end():].split("\n")[1:]:
                listed = YAML_LIST_ITEM.match(item)
                if not listed:
                    break
                names.append((listed.group("value").strip().strip("'\""), line))
            return names
    sibling = path.with_suffix(".bib")
    return [(sibling.name, 1)] if sibling.is_file() else []


def find_pandoc_cites(text: str, note_at, *, textual: bool = True) -> list[KeyCite]:
    """Every bracketed (and with `textual`, in-text) citation in text order; `note_at(offset)` names the
    note it is in."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    cites: list[KeyCite] = []
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in MD_CODE.finditer(text)]  # code is not cited
    for match in PANDOC_BRACKET_CITE.finditer(text):
        if any(lo <= match.start() < hi for lo, hi in taken):
            continue
        keys, prefix, suffix = [], None, None
        for k, part in enumerate(match.group("body").split(";")):
            key_match = PANDOC_KEY.search(part)
            if key_match is None:
                continue
            keys.append(key_match.group("key"))
            if k == 0 and part[:key_match.start()].strip():
                prefix = part[:key_match.start()].strip()
            after = part[key_match.end():].strip().lstrip(",").strip()
            if after:
                suffix = after
        if not keys:
            continue
        start = match.start()
        taken.append((start, match.end()))
        cites.append(KeyCite(keys=tuple(keys), span=Span(start, match.end(), bisect_right(line_starts, start)),
                             command="pandoc", prefix=prefix, suffix=suffix, pinpoint=pinpoint_of(suffix),
                             note=note_at(start)))
    # A bare "@name" is a citation only in a document that cites: elsewhere it is a social-media handle.
    for match in PANDOC_KEY.finditer(text) if textual or cites else ():
        start = match.start()
        if any(lo <= start < hi for lo, hi in taken):
            continue
        end, suffix = match.end(), None
        locator = PANDOC_LOCATOR.match(text, end)
        if locator:
            suffix, end = locator.group("locator").strip(), locator.end()
        cites.append(KeyCite(keys=(match.group("key"),), span=Span(start, end, bisect_right(line_starts, start)),
                             command="pandoc-textual", suffix=suffix, pinpoint=pinpoint_of(suffix),
                             note=note_at(start)))
    cites.sort(key=lambda c: c.span.start)
    return cites


def add_pandoc_citations(doc: Document) -> Document:
    """The Markdown document with its key citations and, when it has one, its .bib laid out after it."""
    notes = sorted(doc.note_hints, key=lambda h: h.span.start)

    def note_at(offset: int) -> int | None:
        for hint in notes:
            if hint.span.start <= offset < hint.span.end:
                return hint.number
        return None

    names = bibliography_names(doc.text, Path(doc.path))
    cites = find_pandoc_cites(doc.text, note_at, textual=bool(names))
    if not cites and not names:
        return doc
    entries, problems, sources = read_bib_files(Path(doc.path), names)
    if not entries:
        return replace(doc, key_citations=tuple(cites), parts_unreadable=doc.parts_unreadable + tuple(problems),
                       bib_sources=tuple(sources))
    text, placed = append_references(doc.text, entries)
    original = index_lines(doc.text)
    blanked = {line.number for line, first in zip(doc.lines, original, strict=True) if first.text and not line.text}
    lines = tuple(replace(ln, text="") if ln.number in blanked else ln for ln in index_lines(text))
    return replace(doc, text=text, lines=lines, key_citations=tuple(cites), bib_entries=tuple(placed),
                   bib_sources=tuple(sources), parts_unreadable=doc.parts_unreadable + tuple(problems))
