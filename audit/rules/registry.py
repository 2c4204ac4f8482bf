"""Registry rules: turn the registry stage's verdicts and invalid identifiers into findings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from audit.findings import Finding, Severity
from audit.registry.records import CitedWork, RegistryStatus, Update, Verdict

SOURCE_NAMES = {"crossref": "Crossref", "openalex": "OpenAlex", "openlibrary": "Open Library"}
FIELD_NAMES = {"author": "Author", "title": "Title", "date": "Year", "container-title": "Journal or book",
               "volume": "Volume", "issue": "Issue", "pages": "Pages", "doi": "DOI", "isbn": "ISBN"}
KIND_NAMES = {"doi": "DOI", "isbn": "ISBN", "arxiv": "arXiv id", "pmid": "PMID", "handle": "Handle",
              "urn-nbn": "URN:NBN"}


def find_registry_findings(works: Sequence[CitedWork], verdicts: Mapping[str, Verdict]) -> tuple[Finding, ...]:
    """Findings work by work, in the order of the works."""
    out: list[Finding] = []
    for work in works:
        out += _invalid_identifiers(work)
        verdict = verdicts.get(work.work_id)
        if verdict is not None:
            out += _verdict_findings(work, verdict)
    return tuple(out)


def _invalid_identifiers(work: CitedWork) -> Iterator[Finding]:
    for identifier in work.identifiers:
        if not identifier.valid:
            yield Finding("identifier-invalid", Severity.WARNING,
                          f"{KIND_NAMES[identifier.kind]} '{identifier.written}' is not valid: {identifier.problem}",
                          work.locations, (identifier.written,), None)


def _describe(work: CitedWork) -> str:
    title = str(work.fields.get("title") or "").strip()
    return f"'{title}'" if title else f"work {work.work_id}"


def _source(verdict: Verdict) -> str:
    name = SOURCE_NAMES.get(verdict.source or "", verdict.source or "the registry")
    return f"{name} ({verdict.id})" if verdict.id else name


def _verdict_findings(work: CitedWork, verdict: Verdict) -> Iterator[Finding]:
    where = work.locations
    if verdict.status is RegistryStatus.NOT_FOUND:
        yield Finding("reference-not-found", Severity.WARNING,
                      f"No registry knows {_describe(work)}; check that it exists ({verdict.reason})",
                      where, (str(work.fields.get("title") or ""),), None)
    for difference in verdict.differences:
        field = FIELD_NAMES.get(difference.field, difference.field)
        cited = f"'{difference.cited}'" if difference.cited else "nothing"
        yield Finding("reference-mismatch", Severity.WARNING,
                      f"{field} of {_describe(work)} cited as {cited} but registered as '{difference.registered}' "
                      f"in {_source(verdict)}", where, (difference.cited, difference.registered),
                      difference.registered)
    if verdict.retraction is not None:
        yield Finding("reference-retracted", Severity.ERROR,
                      f"{_describe(work)} has been retracted: {describe_notice(verdict.retraction)}", where,
                      (str(work.fields.get("title") or ""),), _notice_link(verdict.retraction) or verdict.link)
    for notice in verdict.notices:
        yield Finding("reference-retracted", Severity.INFO,
                      f"{_describe(work)} has a notice: {describe_notice(notice)}", where,
                      (str(work.fields.get("title") or ""),), _notice_link(notice) or verdict.link)


def describe_notice(update: Update) -> str:
    parts = [update.label or update.kind.replace("_", " ")]
    if update.notice:
        parts.append(f"notice {update.notice}")
    if update.date:
        parts.append(update.date)
    if update.source and update.source not in ("publisher", "openalex"):
        parts.append(f"recorded by {update.source}")
    elif update.source == "openalex":
        parts.append("according to OpenAlex")
    return ", ".join(parts)


def _notice_link(update: Update) -> str | None:
    return f"https://doi.org/{update.notice}" if update.notice else None
