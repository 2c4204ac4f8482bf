"""The rule registry: each rule is a small function `check(ctx) -> Iterable[Finding]`.

Ids are the contract's kebab-case names and never change. A rule that crashes is our bug.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from audit.findings import Finding, Severity
from audit.rules import claims as claim_rules
from audit.rules import coverage, ingest_rules, legal, names, short_forms, variants
from audit.rules import notes as note_rules
from audit.rules import style as style_rules
from audit.rules.context import AuditContext


def _not_in_bibliography(ctx: AuditContext) -> Iterable[Finding]:
    """Works cited but not listed, and cited keys (\\cite, [@key]) with no entry."""
    yield from coverage.check_not_in_bibliography(ctx)
    yield from ingest_rules.check_keys_not_in_bibliography(ctx)


def _name_variants(ctx: AuditContext) -> Iterable[Finding]:
    """Persons and organisations, and case names (rules/legal.py)."""
    yield from names.check_name_variants(ctx)
    yield from legal.check_case_name_variants(ctx)


def _field_variants(ctx: AuditContext) -> Iterable[Finding]:
    yield from variants.check_field_variants(ctx)
    yield from legal.check_case_field_variants(ctx)


def _page_ranges(ctx: AuditContext) -> Iterable[Finding]:
    yield from short_forms.check_page_ranges(ctx)
    yield from legal.check_case_pinpoints(ctx)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    check: Callable[[AuditContext], Iterable[Finding]]


RULES: tuple[Rule, ...] = (
    Rule("note-numbering", Severity.ERROR, note_rules.check_note_numbering),
    Rule("marker-without-note", Severity.ERROR, note_rules.check_marker_without_note),
    Rule("note-without-marker", Severity.ERROR, note_rules.check_note_without_marker),
    Rule("name-variant", Severity.WARNING, _name_variants),
    Rule("title-variant", Severity.WARNING, variants.check_title_variants),
    Rule("date-variant", Severity.WARNING, variants.check_date_variants),
    Rule("field-variant", Severity.WARNING, _field_variants),
    Rule("missing-field", Severity.WARNING, coverage.check_missing_fields),
    Rule("not-in-bibliography", Severity.WARNING, _not_in_bibliography),
    Rule("uncited-entry", Severity.INFO, coverage.check_uncited_entries),
    Rule("duplicate-entry", Severity.WARNING, coverage.check_duplicate_entries),
    Rule("short-form-unresolved", Severity.WARNING, short_forms.check_unresolved),
    Rule("short-form-ambiguous", Severity.WARNING, short_forms.check_ambiguous),
    Rule("page-out-of-range", Severity.WARNING, _page_ranges),
    Rule("bibliography-order", Severity.INFO, style_rules.check_bibliography_order),
    Rule("name-format", Severity.INFO, style_rules.check_name_format),
    Rule("style-inconsistent", Severity.INFO, style_rules.check_style_inconsistent),
    Rule("unsupported-claim", Severity.INFO, claim_rules.check_unsupported_claim),
    Rule("unreadable-part", Severity.WARNING, ingest_rules.check_unreadable_parts),
)


def _from_url_stage(rule_id: str) -> Callable[[AuditContext], Iterable[Finding]]:
    """URL findings are made by the URL stage (audit/rules/urls.py); the registry passes them on."""
    def check(ctx: AuditContext) -> Iterable[Finding]:
        return [f for f in ctx.url_findings if f.rule == rule_id]

    check.__name__ = f"url_stage_{rule_id.replace('-', '_')}"
    return check


_URL_RULES = (("url-malformed", Severity.WARNING), ("url-dead", Severity.ERROR), ("url-soft-404", Severity.ERROR),
              ("url-moved-to-root", Severity.ERROR), ("url-blocked", Severity.INFO),
              ("url-redirected", Severity.INFO), ("url-unarchived", Severity.WARNING),
              ("url-content-drift", Severity.INFO))
RULES += tuple(Rule(rule_id, severity, _from_url_stage(rule_id)) for rule_id, severity in _URL_RULES)


def _from_registry_stage(rule_id: str) -> Callable[[AuditContext], Iterable[Finding]]:
    """Registry findings are made by the registry stage (audit/rules/registry.py); passed on here."""
    def check(ctx: AuditContext) -> Iterable[Finding]:
        return [f for f in ctx.registry_findings if f.rule == rule_id]

    check.__name__ = f"registry_stage_{rule_id.replace('-', '_')}"
    return check


_REGISTRY_RULES = (("reference-not-found", Severity.WARNING), ("reference-mismatch", Severity.WARNING),
                   ("reference-retracted", Severity.ERROR), ("identifier-invalid", Severity.WARNING))
RULES += tuple(Rule(rule_id, severity, _from_registry_stage(rule_id)) for rule_id, severity in _REGISTRY_RULES)


def run_rules(ctx: AuditContext, rules: Iterable[Rule] = RULES) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule.check(ctx))
    return findings
