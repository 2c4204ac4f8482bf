"""Rules on what the readers found: unreadable parts, and cited keys against the entries the format gives.

unreadable-part: a .bib entry with unbalanced braces, a corrupt footnote part, an unclosed LaTeX brace.
not-in-bibliography, by key: a `\\cite{key}`, `[@key]` or `<d-cite key>` whose key no .bib entry or `\\bibitem`
has. (Unused entries need no rule of their own: once `keyed.link_key_citations` joins key citations to
their entries' works, coverage's uncited-entry sees them.)
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Location, Severity
from audit.models import Document, KeyCite
from audit.rules.context import AuditContext

# `\nocite{*}` puts every entry in the bibliography on purpose.
_ALL_KEYS = "*"


def check_unreadable_parts(ctx: AuditContext) -> Iterator[Finding]:
    doc = ctx.document
    for part in doc.parts_unreadable:
        where = ""
        if part.source and part.source != doc.path:
            where = f" (in {part.source}" + (f", line {part.source_line})" if part.source_line else ")")
        yield Finding("unreadable-part", Severity.WARNING,
                      f"{part.what} could not be read: {part.reason}{where}; the rest of the document was audited",
                      (Location.body(max(part.line, 1)),), (part.what,), None)


def _location(cite: KeyCite) -> Location:
    if cite.note is not None:
        return Location.note(cite.note, cite.span.line)
    return Location.body(cite.span.line)


def _has_bibliography(doc: Document) -> bool:
    return bool(doc.bib_entries or doc.bib_sources)


def check_keys_not_in_bibliography(ctx: AuditContext) -> Iterator[Finding]:
    doc = ctx.document
    if not doc.key_citations:
        return
    known = {entry.key for entry in doc.bib_entries}
    missing: dict[str, list[Location]] = {}
    for cite in doc.key_citations:
        for key in cite.keys:
            if key != _ALL_KEYS and key not in known:
                missing.setdefault(key, []).append(_location(cite))
    where = ", ".join(doc.bib_sources) if doc.bib_sources else "the document"
    for key, locations in missing.items():
        message = (f"Key '{key}' is cited but has no entry in {where}" if _has_bibliography(doc)
                   else f"Key '{key}' is cited but the document names no bibliography file")
        yield Finding("not-in-bibliography", Severity.WARNING, message, tuple(dict.fromkeys(locations)), (key,),
                      None)
