"""Which registry to ask about one work, in which order, and what the answers amount to.

One work costs one identifier look-up when its identifier is right, and a bibliographic query to Crossref
(then OpenAlex, only when Crossref has no match) otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from audit.config import AuditConfig
from audit.extract.patterns import YEAR
from audit.persons import names_of
from audit.registry import crossref, openalex, openlibrary
from audit.registry.matching import Match, compare, differences_of, doi_differs, years_agree
from audit.registry.records import CitedWork, Difference, Lookup, RegistryStatus, Update, Verdict
from audit.registry.service import RegistryHttp
from audit.thresholds import REGISTRY_DOI_OTHER_WORK

# Types the registries cover well enough that "no record" means "check that it exists".
COVERED_TYPES = frozenset({"article"})
# Identifiers a registry can be asked about (Handles and URN:NBNs name repository copies, not records).
LOOKUP_KINDS = frozenset({"doi", "pmid", "arxiv", "isbn"})
# A chapter in proceedings is a conference paper, which Crossref and OpenAlex cover.
_PROCEEDINGS = re.compile(r"proceedings|conference|symposium|workshop|congress", re.I)


@dataclass(frozen=True, slots=True)
class Services:
    http: RegistryHttp
    config: AuditConfig


def verify_work(work: CitedWork, services: Services) -> Verdict:
    # The first valid identifier of each kind wins.
    ids = {i.kind: i.value for i in reversed(work.identifiers) if i.valid and i.kind in LOOKUP_KINDS}
    covered = is_covered(work, "isbn" in ids)
    if not (covered or ids or work.type in ("book", "chapter")):
        return Verdict(RegistryStatus.NOT_CHECKED, reason=f"the registries do not cover this type ({work.type})")
    answered: list[Lookup] = []
    by_id, other_work = _by_identifier(work, ids, services, answered)
    if by_id is not None:
        return by_id
    title = str(work.fields.get("title") or "")
    if not title:
        return Verdict(RegistryStatus.NOT_CHECKED, reason="no title to look the work up by")
    found, closest = _by_query(work, services, answered)
    if found is not None:
        extra = (Difference("doi", ids["doi"], found.record.doi or "(none)"),) if other_work and "doi" in ids \
            else ()
        return verdict_from(found, ids.get("doi"), extra)
    if not any(lookup.outcome != "unreachable" for lookup in answered):
        details = "; ".join(sorted({f"{lookup.source}: {lookup.detail}" for lookup in answered if lookup.detail}))
        return Verdict(RegistryStatus.UNREACHABLE, reason=f"no registry answered ({details or 'no answer'})")
    reason = _not_found_reason(answered, closest, other_work)
    if not covered:
        return Verdict(RegistryStatus.NOT_CHECKED,
                       reason=f"not found, but the registries cover this type ({work.type}) only in part; {reason}")
    return Verdict(RegistryStatus.NOT_FOUND, reason=reason)


def is_covered(work: CitedWork, has_isbn: bool) -> bool:
    """Journal articles, conference papers and books with an ISBN: the registries should know them."""
    if work.type in COVERED_TYPES:
        return True
    if work.type == "chapter":
        return bool(_PROCEEDINGS.search(str(work.fields.get("container-title") or "")))
    return work.type == "book" and has_isbn


def _by_identifier(work: CitedWork, ids: dict[str, str], services: Services,
                   answered: list[Lookup]) -> tuple[Verdict | None, str | None]:
    """A verdict from the work's own identifier, or (None, title of the other work the DOI names)."""
    config, http = services.config, services.http
    asks = []
    if "doi" in ids:
        asks = [lambda: crossref.lookup_doi(http, config.crossref_url, ids["doi"], config.mailto),
                lambda: openalex.lookup(http, config.openalex_url, "doi", ids["doi"], config.mailto)]
    elif "pmid" in ids or "arxiv" in ids:
        kind = "pmid" if "pmid" in ids else "arxiv"
        asks = [lambda: openalex.lookup(http, config.openalex_url, kind, ids[kind], config.mailto)]
    elif "isbn" in ids:
        asks = [lambda: openlibrary.lookup_isbn(http, config.openlibrary_url, ids["isbn"])]
    for ask in asks:
        lookup = ask()
        answered.append(lookup)
        if lookup.outcome != "ok":
            continue  # not found or silent there: the next registry may know it
        match = compare(work.fields, lookup.records[0])
        if match.accepted or not work.fields.get("title"):
            return verdict_from(match, ids.get("doi")), None
        if match.title < REGISTRY_DOI_OTHER_WORK or not _corroborated(work, match):
            return None, lookup.records[0].title  # the identifier names another work: search for this one
        # Found by its own identifier with a title only half alike: the same work, cited with another title.
        taken = replace(match, accepted=True, differences=differences_of(work.fields, match.record),
                        reason=f"found by its identifier; title similarity {match.title:.0f}")
        return verdict_from(taken, ids.get("doi")), None
    return None, None


def _corroborated(work: CitedWork, match: Match) -> bool:
    """A record found by the cited identifier whose title is only half alike is still the work when an
    author and the year agree (a retitled translation, a working title)."""
    years = set(YEAR.findall(str(work.fields.get("date") or "")))
    return bool(names_of(work.fields.get("author") or ())) and match.authors_agree and bool(years) \
        and years_agree(years, match.record.years)


def query_text(work: CitedWork) -> str:
    """Title + first author's surname + year: what Crossref's query.bibliographic is built for."""
    names = names_of(work.fields.get("author") or work.fields.get("editor") or ())
    year = YEAR.search(str(work.fields.get("date") or ""))
    parts = [str(work.fields.get("title") or ""), names[0].surname if names else "", year.group(0) if year else ""]
    return " ".join(p for p in parts if p)


def _by_query(work: CitedWork, services: Services, answered: list[Lookup]) -> tuple[Match | None, Match | None]:
    """(the accepted match, None) or (None, the closest rejected candidate)."""
    config, http = services.config, services.http
    query = query_text(work)
    closest: Match | None = None
    for ask in (lambda: crossref.search(http, config.crossref_url, query, config.mailto),
                lambda: openalex.search(http, config.openalex_url, query, config.mailto)):
        lookup = ask()
        answered.append(lookup)
        matches = [compare(work.fields, r) for r in lookup.records if not r.is_notice]
        accepted = [m for m in matches if m.accepted]
        if accepted:
            return max(accepted, key=lambda m: m.score), None
        for match in matches:
            if closest is None or match.score > closest.score:
                closest = match
    return None, closest


def _not_found_reason(answered: list[Lookup], closest: Match | None, other_work: str | None) -> str:
    asked = sorted({lookup.source for lookup in answered if lookup.outcome != "unreachable"})
    silent = sorted({lookup.source for lookup in answered if lookup.outcome == "unreachable"})
    reason = f"no record in {', '.join(asked)} matches it"
    if other_work:
        reason += f"; its DOI belongs to another work ('{other_work}')"
    if closest is not None:
        reason += f"; closest: '{closest.record.title}' ({closest.reason})"
    if silent:
        reason += f"; {', '.join(silent)} did not answer"
    return reason


def verdict_from(match: Match, cited_doi: str | None, extra: tuple[Difference, ...] = ()) -> Verdict:
    """VERIFIED, MISMATCH or RETRACTED from the record taken for the work."""
    record = match.record
    differences = match.differences
    doi_difference = doi_differs(cited_doi or "", record) if not extra else None
    differences = differences + extra + ((doi_difference,) if doi_difference else ())
    retraction = next((u for u in record.updates if u.is_retraction), None)
    notices = tuple(u for u in record.updates if not u.is_retraction)
    status = (RegistryStatus.RETRACTED if retraction else RegistryStatus.MISMATCH if differences
              else RegistryStatus.VERIFIED)
    return Verdict(status, record.source, record.doi or record.id, match.score, differences, retraction, notices,
                   match.reason, record.link or None, record)


def add_notices(verdicts: dict[str, Verdict], services: Services) -> dict[str, Verdict]:
    """Ask Crossref for notices that name the DOIs of the works found, and OpenAlex which of them it flags
    as retracted, in a few batched queries: a notice whose `update-to` names a work retracts it even when
    the work's own record does not say so."""
    config = services.config
    found = {k: v for k, v in verdicts.items() if v.status in (RegistryStatus.VERIFIED, RegistryStatus.MISMATCH)
             and v.registered is not None and v.registered.doi}
    if not found:
        return verdicts
    dois = sorted({v.registered.doi for v in found.values() if v.registered})
    notices = crossref.notices_for(services.http, config.crossref_url, dois, config.mailto)
    for doi in openalex.retracted_among(services.http, config.openalex_url, dois, config.mailto):
        notices.setdefault(doi, []).append(Update("retraction", None, "Retracted (OpenAlex)", "openalex"))
    out = dict(verdicts)
    for key, verdict in found.items():
        known = {(u.kind, u.notice) for u in verdict.notices} | (
            {(verdict.retraction.kind, verdict.retraction.notice)} if verdict.retraction else set())
        doi = verdict.registered.doi if verdict.registered else ""
        updates = [u for u in notices.get(doi, []) if (u.kind, u.notice) not in known]
        if not updates:
            continue
        retraction = next((u for u in updates if u.is_retraction), None)
        others = tuple(u for u in updates if not u.is_retraction)
        out[key] = replace(verdict, status=RegistryStatus.RETRACTED if retraction else verdict.status,
                           retraction=retraction, notices=verdict.notices + others)
    return out
