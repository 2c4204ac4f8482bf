"""render_json(): the citeaudit/1 JSON report, keys in a stable order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import orjson

from audit.emphasis import strip_emphasis
from audit.findings import Finding, Location
from audit.models import Citation, Fields, Work

if TYPE_CHECKING:  # annotations only: the renderers import none of the audit (see audit/commands.py)
    from audit.report import EntryRecord, NoteRecord, Report


def fields_to_json(fields: Fields) -> dict[str, Any]:
    return {name: list(value) if isinstance(value, tuple | list) else value for name, value in fields.items()}


def location_to_json(location: Location) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": location.kind}
    if location.number is not None:
        out["number"] = location.number
    if location.index is not None:
        out["index"] = location.index
    if location.line is not None:
        out["line"] = location.line
    if location.page is not None:
        out["page"] = location.page
    if location.page_line is not None:
        out["page_line"] = location.page_line
    return out


def citation_to_json(citation: Citation) -> dict[str, Any]:
    """`text` is plain text; the stretches the document emphasises (case names, titles) are `emphasis` spans."""
    plain = strip_emphasis(citation.text)
    return {"id": citation.id, "kind": citation.kind, "text": plain.text, "type": citation.type,
            "line": citation.span.line, "fields": fields_to_json(citation.fields), "key": citation.key,
            "pinpoint": citation.pinpoint, "work": citation.work, "antecedent": citation.antecedent,
            "emphasis": [list(span) for span in plain.emphasis]}


def _note(record: NoteRecord) -> dict[str, Any]:
    note = record.note
    return {"number": note.number, "line": note.span.line, "text": note.text,
            "citations": [citation_to_json(c) for c in record.citations]}


def _entry(record: EntryRecord) -> dict[str, Any]:
    entry = record.entry
    return {"index": entry.index, "section": entry.section, "line": entry.span.line, "text": entry.text,
            "type": record.parsed.type, "fields": fields_to_json(record.parsed.fields), "work": record.work,
            "key": record.key, "cited_by": list(record.cited_by)}


def _work(work: Work, verdict: Any = None) -> dict[str, Any]:
    out = {"id": work.id, "key": work.key, "type": work.type, "fields": fields_to_json(work.fields),
           "citations": list(work.citations), "bibliography": list(work.bibliography)}
    if verdict is not None:
        from audit.registry import verdict_to_dict

        out["registry"] = verdict_to_dict(verdict)
    return out


def finding_to_json(finding_id: str, finding: Finding) -> dict[str, Any]:
    return {"id": finding_id, "rule": finding.rule, "severity": finding.severity.value,
            "message": finding.message, "locations": [location_to_json(loc) for loc in finding.locations],
            "values": list(finding.values), "suggestion": finding.suggestion}


def report_sections(report: Report) -> dict[str, Any]:
    """The report's top level in contract order; the long lists (one item per note, entry, work, URL,
    finding) are iterators, so a writer can encode them one item at a time."""
    from audit.urls import url_record_to_dict

    return {
        "schema": report.schema,
        "tool": {"name": "citeaudit", "version": report.version},
        "document": {"path": report.path, "format": report.format, "sha256": report.sha256},
        "stats": {"notes": len(report.notes), "markers": report.marker_count,
                  "bibliography_entries": len(report.bibliography), "citations": report.citation_count,
                  "works": len(report.works), "urls": len(report.urls), "findings": report.severity_counts,
                  "findings_by_rule": report.findings_by_rule},
        "notices": list(report.notices),
        "notes": map(_note, report.notes),
        "body_citations": map(citation_to_json, report.body_citations),
        "bibliography": map(_entry, report.bibliography),
        "bibliography_sections": list(report.bibliography_sections),
        "works": (_work(w, report.registry.get(w.id)) for w in report.works),
        "urls": map(url_record_to_dict, report.urls),
        "findings": (finding_to_json(f.id, f.finding) for f in report.findings),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, Iterator) else value
            for key, value in report_sections(report).items()}


def render_json(report: Report) -> str:
    return "".join(stream_json(report))


def stream_json(report: Report) -> Iterator[str]:
    """The text of `json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\\n"`, item by item.

    Encoding the whole report at once held millions of string pieces and then the whole text: the peak memory
    of a 100,000-entry audit. JSON strings never hold a raw line break, so indenting an item's own encoding
    by its depth gives exactly the layout of encoding it in place."""
    yield "{"
    for n, (key, value) in enumerate(report_sections(report).items()):
        yield ("," if n else "") + "\n  " + json.dumps(key) + ": "
        if not isinstance(value, Iterator):
            yield _encoded(value, depth=1)
            continue
        empty = True
        for item in value:
            yield ("[" if empty else ",") + "\n    " + _encoded(item, depth=2)
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def _encoded(value: Any, *, depth: int) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, indented `depth` levels, encoded by orjson.

    orjson (in C) writes the same text as the standard library for every value a report holds (strings,
    integers, booleans, null, and scores rounded to one decimal) at a tenth of the time; the two differ
    only for floats below 1e-4 (orjson writes 0.00001, json 1e-05), which no report field can hold. What
    orjson refuses (integers beyond 64 bits, lone surrogates, non-string keys) goes to the standard library."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth)
