"""short-form-unresolved, short-form-ambiguous and page-out-of-range."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rules.context import AuditContext

# Types whose single page is the first page (Bluebook: "740 F.3d 623, 628", "67 Stan. L. Rev. 1, 15"), not the range
FIRST_PAGE_TYPES = frozenset({"legal", "article"})
_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–—]+\s*(\d+))?\s*$")


def _chain_root(ctx: AuditContext, citation_id: str) -> str:
    """An Ibid. that repeats an unresolved citation is reported with that citation, not on its own."""
    seen = set()
    resolution = ctx.resolutions.get(citation_id)
    while resolution and resolution.reason.startswith("it repeats ") and citation_id not in seen:
        seen.add(citation_id)
        citation_id = resolution.reason.split()[2].rstrip(",")
        resolution = ctx.resolutions.get(citation_id)
    return citation_id


def check_unresolved(ctx: AuditContext) -> Iterator[Finding]:
    return (f for f in _short_form_findings(ctx) if f.rule == "short-form-unresolved")


def check_ambiguous(ctx: AuditContext) -> Iterator[Finding]:
    return (f for f in _short_form_findings(ctx) if f.rule == "short-form-ambiguous")


def _short_form_findings(ctx: AuditContext) -> Iterator[Finding]:
    chains: dict[str, list[str]] = {}
    for cid, resolution in ctx.resolutions.items():
        reference_list = ctx.citation(cid).form is not None
        if reference_list and resolution.status == "unresolved":
            continue  # a reference-list citation with no entry is not-in-bibliography
        if resolution.status != "resolved":
            chains.setdefault(_chain_root(ctx, cid), []).append(cid)
    for root, members in chains.items():
        resolution = ctx.resolutions.get(root)
        if resolution is None:
            continue
        citation = ctx.citation(root)
        followers = [m for m in members if m != root]
        where = ctx.describe(root)
        also = f" The Ibid. in {', '.join(ctx.describe(m) for m in followers)} depends on it." if followers else ""
        locations = tuple(ctx.locate(c) for c in [root, *followers])
        if resolution.status == "ambiguous":
            hint = ("add the letters (2004a, 2004b) that tell the entries apart" if citation.form
                    else "give the author and a short title")
            yield Finding("short-form-ambiguous", Severity.WARNING,
                          f"'{citation.text}' in {where} could point to more than one work: {resolution.reason}."
                          + also, locations, (citation.text,), hint)
        else:
            suggestion = (f"give the full citation here (the work is bibliography entry {resolution.entry})"
                          if resolution.entry else "give the full citation at its first occurrence")
            yield Finding("short-form-unresolved", Severity.WARNING,
                          f"'{citation.text}' in {where} cannot be traced to a full citation: {resolution.reason}."
                          + also, locations, (citation.text,), suggestion)


def _page_range(value: str) -> tuple[int, int] | None:
    match = _RANGE.match(value.replace("pp.", "").replace("p.", ""))
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if match.group(2) and len(match.group(2)) < len(match.group(1)):  # "249-81" means 249-281
        last = int(match.group(1)[: len(match.group(1)) - len(match.group(2))] + match.group(2))
    return (first, last) if first <= last else None


def _as_written(pages: str, texts: list[str]) -> str:
    """The page range as the document writes it ("201–30"), not as the parser normalised it ("201-30")."""
    first, _, last = pages.partition("-")
    if not (first.isdigit() and last.isdigit()):
        return pages
    written = re.compile(rf"(?<!\d){first}\s*[-–—]+\s*{last}(?!\d)")
    for text in texts:
        match = written.search(text)
        if match:
            return match.group(0)
    return pages


def check_page_ranges(ctx: AuditContext) -> Iterator[Finding]:
    works = {w.id: w for w in ctx.works}
    for citation in ctx.citations:
        if not citation.pinpoint or citation.work not in works:
            continue
        work = works[citation.work]
        if work.type in FIRST_PAGE_TYPES and str(work.fields.get("pages", "")).isdigit():
            continue  # a case's or an article's first page, not its range: rules/legal.py checks it
        pin = _page_range(citation.pinpoint)
        span = _page_range(str(work.fields.get("pages", "")))
        if pin is None or span is None or (span[0] <= pin[0] and pin[1] <= span[1]):
            continue
        texts = [ctx.entry(i).text for i in work.bibliography] + [c.text for c in ctx.citations if c.work == work.id]
        pages = _as_written(str(work.fields["pages"]), texts)
        yield Finding("page-out-of-range", Severity.WARNING,
                      f"{ctx.describe(citation.id).capitalize()} cites page {citation.pinpoint}, outside the "
                      f"pages {pages} that the work spans.", (ctx.locate(citation.id),),
                      (citation.pinpoint, str(pages)), f"a page between {span[0]} and {span[1]}")
