"""build_report(): one frozen Report with stable ids (n17.1, w5, F0007) in a fixed order.

Renderers only lay a Report out; every count and decision is made here or before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from audit import __version__
from audit.findings import Finding, Severity
from audit.models import BibEntry, Citation, Note, ParsedReference, Work
from audit.rules import RULES

SCHEMA = "citeaudit/1"
_RULE_ORDER_SEVERITY = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class NumberedFinding:
    id: str
    finding: Finding


@dataclass(frozen=True, slots=True)
class NoteRecord:
    note: Note
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class EntryRecord:
    entry: BibEntry
    parsed: ParsedReference
    work: str | None
    key: str | None
    cited_by: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Report:
    schema: str
    version: str
    path: str
    format: str
    sha256: str
    notes: tuple[NoteRecord, ...]
    marker_count: int
    body_citations: tuple[Citation, ...]
    bibliography: tuple[EntryRecord, ...]
    bibliography_sections: tuple[str, ...]
    works: tuple[Work, ...]
    urls: tuple[Any, ...]  # audit.urls.UrlRecord
    findings: tuple[NumberedFinding, ...]
    notices: tuple[str, ...]  # plain statements for readers ("No notes were found.")
    bibtex_text: str = ""  # the cleaned BibTeX of every work
    bibtex_changes: tuple[str, ...] = ()  # what the cleaning changed, in plain English
    registry: dict[str, Any] = field(default_factory=dict)  # work id -> audit.registry.Verdict

    @property
    def citation_count(self) -> int:
        return sum(len(n.citations) for n in self.notes) + len(self.body_citations)

    @property
    def severity_counts(self) -> dict[str, int]:
        counts = Counter(f.finding.severity.value for f in self.findings)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    @property
    def findings_by_rule(self) -> dict[str, int]:
        """Rule id -> number of findings, for rules with at least one, in the registry's catalogue order."""
        counts = Counter(f.finding.rule for f in self.findings)
        ordered = {rule.id: counts[rule.id] for rule in RULES if counts[rule.id]}
        # A rule id outside the registry would be our bug; it is still counted, so the totals always agree.
        ordered.update((rule, n) for rule, n in counts.items() if rule not in ordered)
        return ordered


def _first_line(finding: Finding) -> int:
    lines = [loc.line for loc in finding.locations if loc.line is not None]
    return min(lines) if lines else 0


def order_findings(findings: list[Finding]) -> tuple[NumberedFinding, ...]:
    """Errors first, then warnings, then info; within a severity by rule, then by position."""
    ordered = sorted(findings, key=lambda f: (_RULE_ORDER_SEVERITY[f.severity], f.rule, _first_line(f), f.message))
    return tuple(NumberedFinding(f"F{i:04d}", f) for i, f in enumerate(ordered, start=1))


def build_report(*, path: str, fmt: str, sha256: str, notes: tuple[NoteRecord, ...], marker_count: int,
                 body_citations: tuple[Citation, ...], bibliography: tuple[EntryRecord, ...],
                 sections: tuple[str, ...], works: tuple[Work, ...], urls: tuple[Any, ...],
                 findings: list[Finding], notices: tuple[str, ...] = (), bibtex_text: str = "",
                 bibtex_changes: tuple[str, ...] = (), registry: dict[str, Any] | None = None) -> Report:
    return Report(schema=SCHEMA, version=__version__, path=path, format=fmt, sha256=sha256, notes=notes,
                  marker_count=marker_count, body_citations=body_citations, bibliography=bibliography,
                  bibliography_sections=sections, works=works, urls=urls, findings=order_findings(findings),
                  notices=notices, bibtex_text=bibtex_text, bibtex_changes=bibtex_changes, registry=registry or {})
