"""The law-review checks on case citations: a case name spelled two ways (name-variant), a reporter volume or
page that differs between citations of one case (field-variant), and a pinpoint before the first page of the
case it cites (page-out-of-range). The short form before any full citation, and the Id. after a note with two
authorities, are found by the resolver and reported as short-form-unresolved / short-form-ambiguous."""

from __future__ import annotations

from collections.abc import Iterator

from audit import resolve_legal as legal
from audit.findings import Finding, Severity
from audit.models import Citation
from audit.rules.context import AuditContext
from audit.rules.short_forms import FIRST_PAGE_TYPES
from audit.similarity import ratio

# Two spellings of one word of a case name ("Verizon" / "Verizen") are at least this similar (0-100);
# a short name less like any word of the full name is another name, not a misspelling ("RIF Order").
SPELLING_SIMILARITY = 80


def _full_cases(ctx: AuditContext) -> list[Citation]:
    return [c for c in ctx.citations if c.kind == "full" and legal.reporter_key(c) and legal.first_page(c)]


def _reporter_cite(citation: Citation) -> str:
    fields = citation.fields
    return " ".join(str(fields.get(k, "")) for k in ("volume", "container-title", "pages")).strip()


def _title(citation: Citation) -> str:
    return str(citation.fields.get("title", ""))


def check_case_name_variants(ctx: AuditContext) -> Iterator[Finding]:
    """One case (volume, reporter, first page) named two ways, and short names that misspell the full name."""
    first_name: dict[tuple, Citation] = {}
    for citation in _full_cases(ctx):
        key = (legal.reporter_key(citation), legal.first_page(citation))
        earlier = first_name.setdefault(key, citation)
        if earlier is citation or legal.name_words(_title(citation)) == legal.name_words(_title(earlier)):
            continue
        yield _name_finding(ctx, citation, earlier, f"the case at {_reporter_cite(citation)}")
    for citation in ctx.citations:
        if citation.kind != "short" or not legal.reporter_key(citation) or not citation.antecedent:
            continue
        full = ctx.citation(citation.antecedent)
        short_words, full_words = legal.name_words(_title(citation)), legal.name_words(_title(full))
        if not short_words or short_words <= full_words or legal.given_name(full) == legal.head_of(citation):
            continue
        if all(any(ratio(w, f) >= SPELLING_SIMILARITY for f in full_words) for w in short_words - full_words):
            yield _name_finding(ctx, citation, full, "the case")


def _name_finding(ctx: AuditContext, citation: Citation, reference: Citation, what: str) -> Finding:
    name, other = _title(citation), _title(reference)
    return Finding("name-variant", Severity.WARNING,
                   f"{ctx.describe(citation.id).capitalize()} names {what} '{name}' but "
                   f"{ctx.describe(reference.id)} spells it '{other}'.",
                   (ctx.locate(citation.id), ctx.locate(reference.id)), (name, other), other)


def check_case_field_variants(ctx: AuditContext) -> Iterator[Finding]:
    """One case (same name, same year) cited at two volumes or first pages; a short form in another volume."""
    by_name: dict[tuple[frozenset[str], str], Citation] = {}
    for citation in _full_cases(ctx):
        key = (frozenset(legal.name_words(_title(citation))), str(citation.fields.get("date", "")))
        earlier = by_name.setdefault(key, citation)
        if earlier is citation or (legal.reporter_key(earlier), legal.first_page(earlier)) == (
                legal.reporter_key(citation), legal.first_page(citation)):
            continue
        yield _field_finding(ctx, citation, earlier, _reporter_cite(citation), _reporter_cite(earlier))
    fulls = _full_cases(ctx)
    for citation in ctx.citations:
        if citation.kind != "short" or not legal.reporter_key(citation) or citation.antecedent:
            continue
        named = {legal.reporter_key(c): c for c in fulls
                 if legal.names_agree(_title(citation), _title(c)) and legal.reporter_key(c) != legal.reporter_key(
                     citation)}
        if len(named) == 1:
            full = next(iter(named.values()))
            volume = f"{citation.fields.get('volume')} {citation.fields.get('container-title')}"
            yield _field_finding(ctx, citation, full, volume,
                                 f"{full.fields.get('volume')} {full.fields.get('container-title')}")


def _field_finding(ctx: AuditContext, citation: Citation, reference: Citation, value: str, other: str) -> Finding:
    return Finding("field-variant", Severity.WARNING,
                   f"{ctx.describe(citation.id).capitalize()} cites '{_title(citation)}' at '{value}' but "
                   f"{ctx.describe(reference.id)} gives '{other}'.",
                   (ctx.locate(citation.id), ctx.locate(reference.id)), (value, other), other)


def check_case_pinpoints(ctx: AuditContext) -> Iterator[Finding]:
    """A page cited before the first page of a case or article (the citation gives its first page, not its last)."""
    works = {w.id: w for w in ctx.works}
    for citation in ctx.citations:
        work = works.get(citation.work or "")
        if work is None or work.type not in FIRST_PAGE_TYPES or not (citation.pinpoint or "").isdigit():
            continue
        pages = str(work.fields.get("pages", ""))
        if not pages.isdigit() or int(citation.pinpoint) >= int(pages):
            continue
        name = str(work.fields.get("title", "the work"))
        yield Finding("page-out-of-range", Severity.WARNING,
                      f"{ctx.describe(citation.id).capitalize()} cites page {citation.pinpoint} of {name}, which "
                      f"begins at page {pages}.", (ctx.locate(citation.id),), (citation.pinpoint, pages),
                      f"a page from {pages} on")
