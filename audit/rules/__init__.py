"""The rule registry: each rule is a small function `check(ctx) -> Iterable[Finding]`.

Ids are the contract's kebab-case names and never change. A rule that crashes is our bug.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from audit.findings import Finding, Severity
from audit.rules import notes as note_rules
from audit.rules.context import AuditContext


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    check: Callable[[AuditContext], Iterable[Finding]]


RULES: tuple[Rule, ...] = (
    Rule("note-numbering", Severity.ERROR, note_rules.check_note_numbering),
    Rule("marker-without-note", Severity.ERROR, note_rules.check_marker_without_note),
    Rule("note-without-marker", Severity.ERROR, note_rules.check_note_without_marker),
)


def run_rules(ctx: AuditContext, rules: Iterable[Rule] = RULES) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule.check(ctx))
    return findings
