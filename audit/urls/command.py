"""`citeaudit urls PATH`: the URL stage alone, as a table or the contract's JSON report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from audit import __version__
from audit.config import AuditConfig
from audit.errors import exit_code_for
from audit.findings import Finding
from audit.urls import UrlAudit, audit_urls, location_to_dict, url_record_to_dict
from audit.urls.collect import UrlSite


def read_sites(path: Path) -> tuple[str, str, str, tuple[UrlSite, ...], str | None]:
    """(path, format, sha256, sites, document date): the notes, bibliography entries and figure sources
    that `audit` checks, with the same locations and the same stand-in date."""
    from audit.ingest import ingest
    from audit.pipeline import collect_url_sites, document_date

    document = ingest(path)
    return (document.path, document.format, document.sha256, tuple(collect_url_sites(document)),
            document_date(document))


def urls_command(path: str | Path, config: AuditConfig, *, fmt: str, echo: Callable[[str], None],
                 warn: Callable[[str], None], progress: Callable[[int, int], None] | None = None) -> int:
    doc_path, doc_format, sha, sites, date = read_sites(Path(path))
    result = audit_urls(sites, config, document_date=date, progress=progress)
    if result.notice:
        warn(result.notice)
    if fmt == "json":
        echo(json.dumps(report_dict(result, doc_path, doc_format, sha), ensure_ascii=False, indent=2))
    else:
        echo(render_table(result))
    return int(exit_code_for(result.findings, config.fail_on))


def render_table(result: UrlAudit) -> str:
    rows = [("STATUS", "CODE", "ARCHIVE", "URL")]
    for r in result.records:
        url = r.normalised or " ".join(r.url.split())
        rows.append((r.status.value, str(r.http_status or "-"), r.archive.status.value, url))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:<{widths[2]}}  {d}" for a, b, c, d in rows)


def report_dict(result: UrlAudit, doc_path: str, doc_format: str, sha: str) -> dict[str, Any]:
    """The contract's report object with `urls` and the URL findings; the other lists empty."""
    try:
        from audit.render.json_report import report_to_dict
        from audit.report import build_report
    except ImportError:
        report_to_dict = build_report = None  # type: ignore[assignment]
    if build_report is not None and report_to_dict is not None:
        report = build_report(path=doc_path, fmt=doc_format, sha256=sha, notes=(), marker_count=0,
                              body_citations=(), bibliography=(), sections=(), works=(), urls=result.records,
                              findings=list(result.findings),
                              notices=(result.notice,) if result.notice else ())
        return report_to_dict(report)
    return minimal_report(result, doc_path, doc_format, sha)


def minimal_report(result: UrlAudit, doc_path: str, doc_format: str, sha: str) -> dict[str, Any]:
    counts = Counter(f.severity.value for f in result.findings)
    return {
        "schema": "citeaudit/1",
        "tool": {"name": "citeaudit", "version": __version__},
        "document": {"path": doc_path, "format": doc_format, "sha256": sha},
        "stats": {"notes": 0, "markers": 0, "bibliography_entries": 0, "citations": 0, "works": 0,
                  "urls": len(result.records),
                  "findings": {s: counts.get(s, 0) for s in ("error", "warning", "info")}},
        "notes": [], "bibliography": [], "works": [],
        "urls": [url_record_to_dict(r) for r in result.records],
        "findings": [finding_dict(i, f) for i, f in enumerate(result.findings, start=1)],
    }


def finding_dict(number: int, finding: Finding) -> dict[str, Any]:
    return {"id": f"F{number:04d}", "rule": finding.rule, "severity": finding.severity.value,
            "message": finding.message, "locations": [location_to_dict(loc) for loc in finding.locations],
            "values": list(finding.values), "suggestion": finding.suggestion}
