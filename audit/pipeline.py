"""run_audit(): the only code that knows the order of the stages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from audit.config import AuditConfig
from audit.extract.bibliography import Bibliography, extract_bibliography
from audit.extract.notes import NoteExtraction, extract_notes
from audit.extract.patterns import ENDNOTES_HEADING
from audit.extract.segments import split_citations
from audit.extract.sources import extract_source_lines
from audit.findings import Finding, Location, Severity
from audit.ingest import ingest
from audit.models import Citation, Document, ParsedReference, SourceLine, Span
from audit.report import EntryRecord, NoteRecord, Report, build_report
from audit.rules import run_rules
from audit.rules.context import AuditContext

log = logging.getLogger(__name__)

ParseFn = Callable[[Sequence[str], str], list[ParsedReference]]
Progress = Callable[[int, int], None]

# Kinds whose text names a work (author, title) worth parsing; ibid./id. carry only a pinpoint.
_PARSED_KINDS = frozenset({"full", "short", "op-cit", "loc-cit", "supra", "unknown"})


def default_parse(texts: Sequence[str], context: str) -> list[ParsedReference]:
    from audit.parse import parse_references  # the CRF model loads on first use only

    return list(parse_references(texts, context=context))


def _excluded_ranges(doc: Document, bib: Bibliography) -> list[tuple[int, int]]:
    """The bibliography, and whatever follows it unless an endnotes section comes later."""
    if bib.heading_line is None or bib.end_line is None:
        return []
    last = len(doc.lines)
    after = [line for line in doc.lines[bib.end_line:] if ENDNOTES_HEADING.match(line.text.strip().strip("#*: "))]
    return [(bib.heading_line, bib.end_line)] if after else [(bib.heading_line, last)]


def segment_notes(notes: NoteExtraction) -> list[Citation]:
    citations: list[Citation] = []
    for note in notes.notes:
        for k, seg in enumerate(split_citations(note.text), start=1):
            citations.append(Citation(id=f"n{note.number}.{k}", kind=seg.kind, text=seg.text,
                                      span=Span(note.span.start, note.span.end, note.span.line),
                                      note=note.number, pinpoint=seg.pinpoint))
    return citations


def segment_sources(sources: Sequence[SourceLine], first: int = 1) -> list[Citation]:
    citations: list[Citation] = []
    for source in sources:
        for seg in split_citations(source.text) or []:
            citations.append(Citation(id=f"b.{first + len(citations)}", kind=seg.kind, text=seg.text,
                                      span=source.span, note=None, pinpoint=seg.pinpoint))
    return citations


def parse_citations(citations: Sequence[Citation], parse: ParseFn) -> list[Citation]:
    todo = [c for c in citations if c.kind in _PARSED_KINDS]
    parsed = dict(zip((c.id for c in todo), parse([c.text for c in todo], "note"), strict=True))
    out = []
    for citation in citations:
        result = parsed.get(citation.id)
        if result is None:
            out.append(citation)
            continue
        out.append(replace(citation, fields=result.fields, type=result.type,
                           pinpoint=citation.pinpoint or result.pinpoint))
    return out


def _decoding_findings(doc: Document) -> list[Finding]:
    if doc.encoding in ("utf-8", "utf-8-sig"):
        return []
    return [Finding("style-inconsistent", Severity.INFO,
                    f"The file is not UTF-8; it was read as {doc.encoding}. Save it as UTF-8 to be sure "
                    "accented characters are right.", (Location.body(1),), (doc.encoding,), "UTF-8")]


def _notices(notes: NoteExtraction, bib: Bibliography) -> tuple[str, ...]:
    out = []
    if not notes.notes and not notes.markers:
        out.append("No notes or note markers were found in this document.")
    if bib.heading_line is None:
        out.append("No bibliography was found in this document.")
    return tuple(out)


def audit_document(doc: Document, config: AuditConfig, *, parse: ParseFn = default_parse,
                   progress: Progress | None = None) -> Report:
    bib = extract_bibliography(doc)
    notes = extract_notes(doc, excluded=_excluded_ranges(doc, bib))
    sources = extract_source_lines(notes.body_lines)
    citations = parse_citations(segment_notes(notes) + segment_sources(sources), parse)
    entry_parses = parse([e.text for e in bib.entries], "bibliography") if bib.entries else []
    entry_fields = {e.index: p for e, p in zip(bib.entries, entry_parses, strict=True)}

    ctx = AuditContext(document=doc, notes=notes, bibliography=bib, sources=sources,
                       citations=tuple(citations), entry_fields=entry_fields)
    findings = run_rules(ctx) + _decoding_findings(doc)

    by_note: dict[int, list[Citation]] = {}
    for citation in ctx.citations:
        if citation.note is not None:
            by_note.setdefault(citation.note, []).append(citation)
    note_records = tuple(NoteRecord(n, tuple(by_note.get(n.number, ()))) for n in notes.notes)
    body_citations = tuple(c for c in ctx.citations if c.note is None)
    cited_by: dict[int, list[int]] = {}
    entries = tuple(EntryRecord(e, entry_fields[e.index], None, None, tuple(cited_by.get(e.index, ())))
                    for e in bib.entries)
    return build_report(path=doc.path, fmt=doc.format, sha256=doc.sha256, notes=note_records,
                        marker_count=len(notes.markers), body_citations=body_citations, bibliography=entries,
                        sections=bib.sections, works=ctx.works, urls=(), findings=findings,
                        notices=_notices(notes, bib))


def run_audit(path: Path, config: AuditConfig, *, parse: ParseFn = default_parse,
              progress: Progress | None = None) -> Report:
    doc = ingest(path, max_bytes=config.max_input_bytes)
    return audit_document(doc, config, parse=parse, progress=progress)
