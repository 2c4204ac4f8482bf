"""render_markdown(): the report for people, grouped by severity and rule, values side by side."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import TYPE_CHECKING

from audit.findings import Location

if TYPE_CHECKING:  # annotations only: the renderers import none of the audit (see audit/commands.py)
    from audit.report import NumberedFinding, Report

_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Information"}


def _cell(text: str | None) -> str:
    if not text:
        return ""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _where(location: Location) -> str:
    page = f"page {location.page}, " if location.page is not None else ""
    line = location.page_line if location.page_line is not None else location.line  # a PDF's line on its page
    if location.kind == "note":
        return f"note {location.number} ({page}line {line})"
    if location.kind == "bibliography":
        return f"bibliography entry {location.index} ({page}line {line})"
    if location.kind == "body":
        return f"text, {page}line {line}"
    return f"URL ({page}line {line})" if location.line else "URL"


def _finding_row(item: NumberedFinding) -> str:
    f = item.finding
    where = "; ".join(_where(loc) for loc in f.locations)
    values = " / ".join(f"`{_cell(v)}`" for v in f.values)
    return f"| {item.id} | {_cell(where)} | {values} | {_cell(f.suggestion)} | {_cell(f.message)} |"


def _summary(report: Report) -> list[str]:
    counts = report.severity_counts
    return [
        "| notes | markers | citations | bibliography entries | works | URLs | errors | warnings | info |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {len(report.notes)} | {report.marker_count} | {report.citation_count} | {len(report.bibliography)} "
        f"| {len(report.works)} | {len(report.urls)} | {counts['error']} | {counts['warning']} | {counts['info']} |",
    ]


def _findings(report: Report) -> list[str]:
    if not report.findings:
        return ["No findings."]
    out: list[str] = []
    for severity, by_severity in groupby(report.findings, key=lambda f: f.finding.severity.value):
        out += [f"### {_SEVERITY_TITLES[severity]}", ""]
        grouped: dict[str, list[NumberedFinding]] = defaultdict(list)
        for item in by_severity:
            grouped[item.finding.rule].append(item)
        for rule, items in grouped.items():
            out += [f"#### `{rule}` ({len(items)})", "",
                    "| id | where | values | suggestion | message |", "|---|---|---|---|---|"]
            out += [_finding_row(item) for item in items]
            out.append("")
    return out


def _bibliography(report: Report) -> list[str]:
    if not report.bibliography:
        return ["No bibliography was found."]
    out: list[str] = []
    for section, entries in groupby(report.bibliography, key=lambda e: e.entry.section):
        if section:
            out += [f"### {section}", ""]
        for record in entries:
            cited = ", ".join(str(n) for n in record.cited_by) or "never cited"
            out.append(f"{record.entry.index}. {_cell(record.entry.text)} *(line {record.entry.span.line}; "
                       f"notes: {cited})*")
        out.append("")
    return out


def _urls(report: Report) -> list[str]:
    if not report.urls:
        return ["No URLs were found."]
    out = ["| status | HTTP | accessed | archive | URL as written | snapshot |", "|---|---:|---|---|---|---|"]
    for url in report.urls:
        out.append(f"| {url.status.value} | {url.http_status or ''} | {url.accessed or ''} | "
                   f"{url.archive.status.value} | {_cell(url.url)} | {_cell(url.archive.snapshot)} |")
    return out


def render_markdown(report: Report) -> str:
    lines = [f"# Citation audit: {report.path}", "", f"citeaudit {report.version} · schema {report.schema} · "
             f"format {report.format}", ""]
    lines += _summary(report) + [""]
    lines += [f"> {notice}" for notice in report.notices]
    if report.notices:
        lines.append("")
    lines += ["## Findings", ""] + _findings(report) + [""]
    lines += ["## Bibliography", ""] + _bibliography(report) + [""]
    lines += ["## URLs", ""] + _urls(report) + [""]
    return "\n".join(lines).rstrip() + "\n"
