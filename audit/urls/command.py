"""`citeaudit urls PATH`: the URL stage alone, as a table or the contract's JSON report."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from audit.config import AuditConfig
from audit.errors import exit_code_for
from audit.urls import UrlAudit, audit_urls
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
    # Imported here: the report and its renderer import the URL stage themselves.
    from audit.render.json_report import report_to_dict
    from audit.report import build_report

    report = build_report(path=doc_path, fmt=doc_format, sha256=sha, notes=(), marker_count=0, body_citations=(),
                          bibliography=(), sections=(), works=(), urls=result.records,
                          findings=list(result.findings), notices=(result.notice,) if result.notice else ())
    return report_to_dict(report)
