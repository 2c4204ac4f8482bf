"""run_audit(): the only code that knows the order of the stages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from audit.bibtex_export import BibExport, ExportItem, export_bibtex, make_keys
from audit.cluster import cluster_works
from audit.config import AuditConfig
from audit.extract.bibliography import Bibliography, extract_bibliography
from audit.extract.blocks import split_blocks
from audit.extract.body_citations import BodyCitation, extract_body_citations
from audit.extract.legal_segments import given_names, split_note_citations
from audit.extract.note_citations import cite_author_year_in_notes
from audit.extract.notes import NoteExtraction, extract_notes
from audit.extract.patterns import ENDNOTES_HEADING, URL_LIKE, YEAR
from audit.extract.segments import split_citations
from audit.extract.sources import extract_source_lines
from audit.findings import Finding, Location, Severity
from audit.ingest import ingest
from audit.ingest.keyed import (
    add_key_citations,
    entry_keys,
    keyed_bibliography,
    keyed_entry_fields,
    link_key_citations,
)
from audit.models import BibEntry, Citation, Document, ParsedReference, SourceLine, Span, Work
from audit.pages import place_on_pages
from audit.registry import RegistryAudit, cited_works, registry_sites, verify_works
from audit.report import EntryRecord, NoteRecord, Report, build_report
from audit.resolve import resolve_short_forms
from audit.rules import run_rules
from audit.rules.context import AuditContext
from audit.urls import UrlAudit, UrlSite, audit_urls
from audit.urls.collect import as_written

log = logging.getLogger(__name__)

ParseFn = Callable[[Sequence[str], str], list[ParsedReference]]
Progress = Callable[[int, int], None]
UrlStage = Callable[..., UrlAudit]
RegistryStage = Callable[..., RegistryAudit]
FRONT_MATTER_LINES = 80  # the title page and imprint of a paper fit well within this

# Kinds whose text names a work (author, title) worth parsing; ibid./id. carry only a pinpoint.
_PARSED_KINDS = frozenset({"full", "short", "op-cit", "loc-cit", "supra", "unknown"})


def default_parse(texts: Sequence[str], context: str) -> list[ParsedReference]:
    from audit.parse import parse_references  # the CRF model loads on first use only

    return list(parse_references(texts, context=context))


def _excluded_ranges(doc: Document, bib: Bibliography) -> list[tuple[int, int]]:
    """The bibliography, and whatever follows it unless an endnotes section comes later."""
    spans = list(bib.spans())
    if not spans:
        return []
    first, end = spans[-1]
    after = [line for line in doc.lines[end:] if ENDNOTES_HEADING.match(line.text.strip().strip("#*: "))]
    return spans if after else [*spans[:-1], (first, len(doc.lines))]


def segment_notes(notes: NoteExtraction) -> list[Citation]:
    citations: list[Citation] = []
    names: frozenset[str] = frozenset()  # names given works so far ([hereinafter …]): later notes cite by them
    for note in notes.notes:
        for k, seg in enumerate(split_note_citations(note.text, names), start=1):
            citations.append(Citation(id=f"n{note.number}.{k}", kind=seg.kind, text=seg.text,
                                      span=Span(note.span.start, note.span.end, note.span.line),
                                      note=note.number, pinpoint=seg.pinpoint, fields=seg.fields, type=seg.type))
        names |= frozenset(given_names(note.text))
    return citations


def segment_body(sources: Sequence[SourceLine], body: Sequence[BodyCitation]) -> list[Citation]:
    """Figure sources and running-text citations, numbered b.1, b.2 … in reading order."""
    found: list[tuple[int, Citation]] = []
    for source in sources:
        for seg in split_citations(source.text):
            found.append((source.span.start, Citation(id="", kind=seg.kind, text=seg.text, span=source.span,
                                                      note=None, pinpoint=seg.pinpoint)))
    for cite in body:
        if cite.form == "numeric":
            found += [(cite.span.start, Citation(id="", kind="key", text=cite.text, span=cite.span, note=None,
                                                 key=str(n), form="numeric")) for n in cite.numbers]
        else:
            fields = {"author": cite.names, "date": cite.year or ""}
            found.append((cite.span.start, Citation(id="", kind="short", text=cite.text, span=cite.span, note=None,
                                                    fields=fields, pinpoint=cite.pinpoint, form="author-date")))
    found.sort(key=lambda pair: pair[0])
    return [replace(c, id=f"b.{k}") for k, (_, c) in enumerate(found, start=1)]


def parse_citations(citations: Sequence[Citation], parse: ParseFn) -> list[Citation]:
    todo = [c for c in citations if c.kind in _PARSED_KINDS and c.form is None and not c.fields]  # legal: read
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


def parse_entries(entries: Sequence[BibEntry], parse: ParseFn) -> dict[int, ParsedReference]:
    """Parsed fields per entry index; a "———." entry takes the author of the entry before it."""
    parsed = parse([e.text for e in entries], "bibliography") if entries else []
    out: dict[int, ParsedReference] = {}
    previous: ParsedReference | None = None
    for entry, result in zip(entries, parsed, strict=True):
        if entry.repeats_author and previous is not None and previous.fields.get("author"):
            result = replace(result, fields={**result.fields, "author": previous.fields["author"]})
        out[entry.index] = result
        previous = result
    return out


def url_sites(notes: NoteExtraction, bib: Bibliography, sources: Sequence[SourceLine],
              text: str = "") -> list[UrlSite]:
    """Every place a cited URL can be: notes, bibliography entries, figure and table sources. Given the
    document's `text`, notes and entries are read as printed, line breaks kept (see urls.collect.as_written)."""
    sites = [UrlSite(as_written(n.text, text[n.span.start:n.span.end]), Location.note(n.number, n.span.line))
             for n in notes.notes]
    sites += [UrlSite(as_written(e.text, text[e.span.start:e.span.end]), Location.entry(e.index, e.span.line))
              for e in bib.entries]
    sites += [UrlSite(s.raw, Location.body(s.span.line)) for s in sources]
    source_lines = {s.span.line for s in sources}
    for block in split_blocks([line for line in notes.body_lines if line.number not in source_lines]):
        text = "\n".join(line.text for line in block.lines)
        if URL_LIKE.search(text):  # a link in the running text is cited too
            sites.append(UrlSite(text, Location.body(block.first)))
    return sites


def read_bibliography(doc: Document) -> Bibliography:
    """Entries the format keys itself (.bib, \\bibitem, Distill) or, for text, the bibliography found in it."""
    return keyed_bibliography(doc) or extract_bibliography(doc)


def collect_url_sites(doc: Document) -> list[UrlSite]:
    """The URL sites of a document as `audit` sees them (for the URL stage run alone)."""
    bib = read_bibliography(doc)
    notes = extract_notes(doc, excluded=_excluded_ranges(doc, bib))
    return url_sites(notes, bib, extract_source_lines(notes.body_lines), doc.text)


def document_date(doc: Document) -> str | None:
    """The year printed in the front matter: stands in for missing access dates of URLs."""
    head = " ".join(line.text for line in doc.lines[:FRONT_MATTER_LINES])
    years = [int(y) for y in YEAR.findall(head)]
    return str(max(years)) if years else None


def _decoding_findings(doc: Document) -> list[Finding]:
    if doc.encoding in ("utf-8", "utf-8-sig"):
        return []
    return [Finding("style-inconsistent", Severity.INFO,
                    f"The file is not UTF-8; it was read as {doc.encoding}. Save it as UTF-8 to be sure "
                    "accented characters are right.", (Location.body(1),), (doc.encoding,), "UTF-8")]


def _notices(notes: NoteExtraction, bib: Bibliography, url_notice: str | None) -> tuple[str, ...]:
    out = []
    if not notes.notes and not notes.markers:
        out.append("No notes or note markers were found in this document.")
    if bib.heading_line is None:
        out.append("No bibliography was found in this document.")
    if url_notice:
        out.append(url_notice)
    return tuple(out)


def _work_keys(items: Sequence[tuple[str, dict]]) -> tuple[str, ...]:
    return make_keys([ExportItem(kind, fields, "") for kind, fields in items])


def export_works(works: Sequence[Work], *, ascii: bool = False) -> BibExport:
    """Cleaned BibTeX of every work, cited or listed; `ascii` for classic BibTeX with LaTeX escapes."""
    items = [ExportItem(w.type, w.fields, f"work {w.id}" + (f" (bibliography entry {w.bibliography[0]})"
                                                            if w.bibliography else f" ({w.citations[0]})"
                                                            if w.citations else "")) for w in works]
    return export_bibtex(items, ascii=ascii)


def audit_document(doc: Document, config: AuditConfig, *, parse: ParseFn = default_parse,
                   url_stage: UrlStage = audit_urls, progress: Progress | None = None,
                   registry_stage: RegistryStage = verify_works) -> Report:
    bib = read_bibliography(doc)
    notes = extract_notes(doc, excluded=_excluded_ranges(doc, bib))
    sources = extract_source_lines(notes.body_lines)
    body = extract_body_citations(notes.body_lines, bib.entries, numeric_markers_are_notes=notes.style == "bracket")
    note_citations = cite_author_year_in_notes(segment_notes(notes), notes.notes, bib.entries)
    citations = add_key_citations(doc, parse_citations(note_citations + segment_body(sources, body), parse))
    keyed_fields = keyed_entry_fields(doc, bib.entries)  # entries from a .bib need no parsing
    entry_fields = parse_entries([e for e in bib.entries if e.index not in keyed_fields], parse) | keyed_fields
    keyed = entry_keys(doc, bib.entries)
    entries = [(e.index, entry_fields[e.index], e.text) for e in bib.entries]
    citations, resolutions = resolve_short_forms(citations, [n.number for n in notes.notes], entries)
    clustering = cluster_works(citations, [(e.index, e.span.line, entry_fields[e.index], e.text)
                                           for e in bib.entries], resolutions, keys_for=_work_keys)
    linked, linked_works = link_key_citations(clustering.citations, clustering.works, clustering.entry_work, keyed)
    clustering = replace(clustering, citations=linked, works=linked_works)
    urls = url_stage(url_sites(notes, bib, sources, doc.text), config, document_date=document_date(doc),
                     progress=progress)
    registry = registry_stage(cited_works(clustering.works, registry_sites(clustering.citations, bib.entries,
                                                                          clustering.entry_work)), config,
                              progress=progress)
    ctx = AuditContext(document=doc, notes=notes, bibliography=bib, sources=sources,
                       citations=clustering.citations, entry_fields=entry_fields, resolutions=resolutions,
                       clustering=clustering, url_findings=urls.findings, registry_findings=registry.findings)
    findings = place_on_pages(run_rules(ctx) + _decoding_findings(doc), doc)
    note_records, body_citations, entry_records = _records(ctx, keyed)
    exported = export_works(clustering.works)
    return build_report(path=doc.path, fmt=doc.format, sha256=doc.sha256, notes=note_records,
                        marker_count=len(notes.markers), body_citations=body_citations, bibliography=entry_records,
                        sections=bib.sections, works=clustering.works, urls=urls.records, findings=findings,
                        notices=_notices(notes, bib, urls.notice) + ((registry.notice,) if registry.notice else ()),
                        bibtex_text=exported.text, bibtex_changes=exported.changes, registry=registry.verdicts)


def _records(ctx: AuditContext, keyed: dict[int, tuple[str, tuple[int, ...]]]) -> tuple[
        tuple[NoteRecord, ...], tuple[Citation, ...], tuple[EntryRecord, ...]]:
    """Notes with their citations, the body citations, and entries with their work, key and citing notes."""
    by_note: dict[int, list[Citation]] = {}
    cited_by: dict[str, set[int]] = {}
    for citation in ctx.citations:
        if citation.note is not None:
            by_note.setdefault(citation.note, []).append(citation)
            if citation.work:
                cited_by.setdefault(citation.work, set()).add(citation.note)
    notes = tuple(NoteRecord(n, tuple(by_note.get(n.number, ()))) for n in ctx.notes.notes)
    body = tuple(c for c in ctx.citations if c.note is None)
    works = {w.id: w for w in ctx.works}
    entry_work = ctx.clustering.entry_work if ctx.clustering else {}
    entries = []
    for entry in ctx.entries:
        wid = entry_work.get(entry.index)
        key = keyed[entry.index][0] if entry.index in keyed else works[wid].key if wid else None
        entries.append(EntryRecord(entry, ctx.entry_fields[entry.index], wid, key,
                                   tuple(sorted(cited_by.get(wid or "", ())))))
    return notes, body, tuple(entries)


def run_audit(path: Path, config: AuditConfig, *, parse: ParseFn = default_parse,
              url_stage: UrlStage = audit_urls, progress: Progress | None = None,
              registry_stage: RegistryStage = verify_works) -> Report:
    doc = ingest(path, max_bytes=config.max_input_bytes)
    return audit_document(doc, config, parse=parse, url_stage=url_stage, progress=progress,
                          registry_stage=registry_stage)
