"""`citeaudit verify PATH`: the registry stage alone, as a table or the contract's JSON report."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from audit.config import AuditConfig
from audit.errors import exit_code_for
from audit.report import Report

REGISTRY_RULES = frozenset({"reference-not-found", "reference-mismatch", "reference-retracted", "identifier-invalid"})
TITLE_WIDTH = 60


def verify_report(path: str | Path, config: AuditConfig,
                  progress: Callable[[int, int], None] | None = None) -> Report:
    """The document's works, each with its registry verdict, and only the registry findings."""
    from audit.pipeline import run_audit  # the pipeline imports this package: import at call time
    from audit.registry import is_registry_notice
    from audit.report import build_report

    full = run_audit(Path(path), replace(config, no_urls=True), progress=progress)
    findings = [f.finding for f in full.findings if f.finding.rule in REGISTRY_RULES]
    notices = tuple(filter(is_registry_notice, full.notices))
    return build_report(path=full.path, fmt=full.format, sha256=full.sha256, notes=(), marker_count=0,
                        body_citations=(), bibliography=(), sections=(), works=full.works, urls=(),
                        findings=findings, notices=notices, registry=full.registry)


def verify_command(path: str | Path, config: AuditConfig, *, fmt: str, echo: Callable[[str], None],
                   warn: Callable[[str], None], progress: Callable[[int, int], None] | None = None) -> int:
    from audit.render.json_report import report_to_dict

    report = verify_report(path, config, progress)
    for notice in report.notices:
        warn(notice)
    if fmt == "json":
        echo(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
    else:
        echo(render_table(report))
    return int(exit_code_for((f.finding for f in report.findings), config.fail_on))


def render_table(report: Report) -> str:
    rows = [("WORK", "STATUS", "SCORE", "SOURCE", "ID", "TITLE")]
    for work in report.works:
        verdict: Any = report.registry.get(work.id)
        if verdict is None:
            continue
        title = " ".join(str(work.fields.get("title") or "").split())
        rows.append((work.id, verdict.status.value, f"{verdict.score:.0f}" if verdict.score is not None else "-",
                     verdict.source or "-", verdict.id or "-",
                     title if len(title) <= TITLE_WIDTH else title[:TITLE_WIDTH - 1] + "…"))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join("  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(row[:5])) + "  " + row[5]
                     for row in rows)
