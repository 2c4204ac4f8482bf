"""URL rules: turn URL records into findings (the only place statuses become findings)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from audit.findings import Finding, Severity
from audit.urls.records import ArchiveStatus, UrlRecord, UrlStatus

DEAD_RULES = {
    UrlStatus.DEAD: ("url-dead", "is dead"),
    UrlStatus.SOFT_404: ("url-soft-404", "answers with an error page (soft 404)"),
    UrlStatus.MOVED_TO_ROOT: ("url-moved-to-root", "now redirects to the site's home page"),
}


def find_url_findings(records: Iterable[UrlRecord], *, document_date: str | None = None) -> tuple[Finding, ...]:
    """All URL findings, record by record in document order."""
    return tuple(f for record in records for f in _findings(record, document_date))


def _plain_address_in_text(r: UrlRecord) -> bool:
    """"www.example.org" in running text is how addresses are printed, not damage; in a note or an
    entry it is a citation that should give the full URL."""
    return r.repairs == ("missing scheme",) and all(loc.kind == "body" for loc in r.locations)


def _findings(r: UrlRecord, document_date: str | None) -> Iterator[Finding]:
    where, values = r.locations, (r.url,)
    if r.status is UrlStatus.MALFORMED:
        yield Finding("url-malformed", Severity.WARNING,
                      f"'{_one_line(r.url)}' cannot be read as a URL" + (f" ({r.reason})" if r.reason else ""),
                      where, values, None)
    elif r.repairs and not _plain_address_in_text(r):
        repaired = r.repaired or r.normalised
        others = [a for a in (r.normalised, *r.alternates) if a and a != repaired]
        yield Finding("url-malformed", Severity.WARNING,
                      f"URL damaged in conversion: {'; '.join(r.repairs)}. Repaired: {repaired}"
                      + (f" (other possible reading: {', '.join(others)})" if others else ""),
                      where, values, repaired)
    snapshot = r.archive.snapshot if r.archive.status.has_snapshot else None
    if r.status in DEAD_RULES:
        rule, what = DEAD_RULES[r.status]
        tail = f"; archived copy: {snapshot}" if snapshot else _no_copy(r)
        yield Finding(rule, Severity.ERROR, f"Link {_one_line(r.url)} {what}"
                      + (f" ({r.reason})" if r.reason else "") + tail, where, values, snapshot)
    elif r.status is UrlStatus.BLOCKED:
        yield Finding("url-blocked", Severity.INFO, f"Link {_one_line(r.url)} could not be verified"
                      + (f" ({r.reason})" if r.reason else ""), where, values, snapshot)
    elif r.status is UrlStatus.REDIRECTED:
        yield Finding("url-redirected", Severity.INFO,
                      f"Link {_one_line(r.url)} has moved permanently to {r.final_url}", where, values, r.final_url)
    # Only when the archive answered: an unreachable archive proves nothing about copies.
    date = r.accessed or document_date
    if (r.archive.status in (ArchiveStatus.NOT_ARCHIVED, ArchiveStatus.ARCHIVED) and date
            and r.status is not UrlStatus.MALFORMED):
        detail = (f"the nearest is {r.archive.snapshot}" if r.archive.status is ArchiveStatus.ARCHIVED
                  else "there is no archived copy at all")
        yield Finding("url-unarchived", Severity.WARNING,
                      f"No archived copy of {_one_line(r.url)} within 30 days of {date}; {detail}",
                      where, values, snapshot)
    if r.drift is not None:
        yield Finding("url-content-drift", Severity.INFO,
                      f"The live page at {_one_line(r.url)} no longer resembles its archived capture of "
                      f"{r.archive.timestamp[:8] if r.archive.timestamp else 'the access date'} (text similarity "
                      f"{r.drift.sequence_ratio:.0%}, shared passages {r.drift.shingle_jaccard:.0%})",
                      where, values, r.archive.snapshot)


def _no_copy(r: UrlRecord) -> str:
    if r.archive.status is ArchiveStatus.NOT_ARCHIVED:
        return "; the web archive has no copy"
    if r.archive.status is ArchiveStatus.ARCHIVE_UNREACHABLE:
        return "; the web archive could not be reached"
    return ""


def _one_line(text: str) -> str:
    return " ".join(text.split())
