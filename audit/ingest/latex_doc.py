"""LaTeX: footnotes, `\\cite` families and their .bib, `thebibliography`; line numbers stay those of the .tex.

The body is converted in place (see `latex_text.convert_latex`), so every line of `Document.text` up to
the end of the source is the same line of the .tex file. Each footnote leaves its marker `[n]` in the
text; its note hint points at that marker (the note's line is where `\\footnote{` is written) and holds
the converted note text. Entries of the .bib files named by `\\bibliography{}`/`\\addbibresource{}` are
appended after the source under a "References" heading, one paragraph each, for the bibliography stage.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from audit.ingest.bibtex_doc import append_references, read_bib_file
from audit.ingest.latex_text import Cite, Converted, convert_latex
from audit.ingest.patterns import PAGE_SUFFIX
from audit.ingest.plain_text import index_lines
from audit.models import Document, KeyCite, MarkerHint, NoteHint, SourceEntry, Span, UnreadablePart


def pinpoint_of(suffix: str | None) -> str | None:
    if not suffix:
        return None
    match = PAGE_SUFFIX.match(suffix.strip())
    return match.group("pin") if match else None


def find_bib_file(doc_path: Path, name: str) -> Path:
    candidate = doc_path.parent / name
    return candidate if candidate.suffix.lower() == ".bib" else candidate.with_name(candidate.name + ".bib")


def read_bib_files(doc_path: Path, names: list[tuple[str, int]]) -> tuple[
        list[SourceEntry], list[UnreadablePart], list[str]]:
    """Entries of every .bib file named, in order; a missing or unreadable file is an UnreadablePart."""
    entries: list[SourceEntry] = []
    problems: list[UnreadablePart] = []
    sources: list[str] = []
    seen: set[Path] = set()
    for name, line in names:
        path = find_bib_file(doc_path, name)
        if path in seen:
            continue
        seen.add(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(UnreadablePart(what=f"bibliography file '{name}'",
                                           reason=f"cannot be read ({exc.strerror or exc})", line=line,
                                           source=str(path)))
            continue
        bib = read_bib_file(data, str(path))
        entries.extend(bib.entries)
        problems.extend(bib.unreadable)
        sources.append(str(path))
    return entries, problems, sources


def _note_numbers(converted: Converted) -> dict[int, int]:
    return {note.marker_start: note.number for note in converted.footnotes}


def key_cites(cites: tuple[Cite, ...], notes_at: dict[int, int], line_of) -> list[KeyCite]:
    return [KeyCite(keys=c.keys, span=Span(c.start, c.end, line_of(c.start)), command=c.command, prefix=c.prefix,
                    suffix=c.suffix, pinpoint=pinpoint_of(c.suffix), note=notes_at.get(c.start) if c.in_note else None)
            for c in cites if c.keys]


def read_latex(path: str, text: str, sha256: str, encoding: str) -> Document:
    converted = convert_latex(text)
    body = converted.text
    line_starts = [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]

    def line_of(offset: int) -> int:
        return bisect_right(line_starts, offset)

    source_lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    problems = [UnreadablePart(what="LaTeX source", reason=p.reason, line=bisect_right(source_lines, p.offset))
                for p in converted.problems]
    bib_names = [(name, bisect_right(source_lines, offset)) for name, offset in converted.bib_files]
    entries, bib_problems, sources = read_bib_files(Path(path), bib_names)
    problems.extend(bib_problems)
    items = [SourceEntry(key=item.key, type="bibitem", fields={}, raw=body[item.start:body.find("\n", item.start)],
                         line=line_of(item.start), source=path, source_line=line_of(item.start))
             for item in converted.bibitems]
    if entries:
        body, entries = append_references(body, entries)
    notes_at = _note_numbers(converted)
    notes = tuple(NoteHint(number=n.number, label=str(n.number), text=n.text,
                           span=Span(n.marker_start, n.marker_end, line_of(n.marker_start)))
                  for n in converted.footnotes)
    markers = tuple(MarkerHint(label=str(n.number), number=n.number, span=hint.span)
                    for n, hint in zip(converted.footnotes, notes, strict=True))
    return Document(path=path, format="latex", text=body, sha256=sha256, lines=index_lines(body),
                    note_hints=notes, marker_hints=markers, encoding=encoding, structured_notes=True,
                    key_citations=tuple(key_cites(converted.cites, notes_at, line_of)),
                    bib_entries=tuple(items + list(entries)), bib_sources=tuple(sources),
                    parts_unreadable=tuple(problems))
