"""OpenAlex API client: /works/doi:{doi}, /works/pmid:{pmid} and /works?search=… (api.openalex.org).

Shapes read: a Work (id, doi as https://doi.org/…, title / display_name, publication_year, publication_date,
type, authorships[{author: {display_name}, raw_author_name}], primary_location.source.display_name,
biblio {volume, issue, first_page, last_page}, is_retracted) and a list ({meta, results[]}).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from audit.persons import analyse_name
from audit.registry.crossref import plain_text
from audit.registry.records import Lookup, RegistryRecord, Update
from audit.registry.service import RegistryHttp

SOURCE = "openalex"
PER_PAGE = 5
ARXIV_DOI_PREFIX = "10.48550/arxiv."  # arXiv registers a DataCite DOI for every paper; OpenAlex keys it


def _params(mailto: str | None, **extra: str) -> str:
    params = dict(extra)
    if mailto:
        params["mailto"] = mailto  # OpenAlex's polite pool, as for Crossref
    return ("?" + urlencode(params)) if params else ""


def lookup(http: RegistryHttp, base: str, kind: str, value: str, mailto: str | None) -> Lookup:
    """One work by external id: kind is doi or pmid (an arXiv id goes as its DataCite DOI)."""
    if kind == "arxiv":
        kind, value = "doi", ARXIV_DOI_PREFIX + value
    url = f"{base.rstrip('/')}/works/{kind}:{quote(value, safe='/')}{_params(mailto)}"
    reply = http.get_json(SOURCE, url)
    if reply.outcome != "ok":
        return Lookup(SOURCE, reply.outcome, detail=reply.detail)
    if not isinstance(reply.data, dict) or not reply.data.get("id"):
        return Lookup(SOURCE, "unreachable", detail="unexpected answer")
    return Lookup(SOURCE, "ok", (read_work(reply.data),))


def search(http: RegistryHttp, base: str, query: str, mailto: str | None) -> Lookup:
    url = f"{base.rstrip('/')}/works" + _params(mailto, search=query, **{"per-page": str(PER_PAGE)})
    reply = http.get_json(SOURCE, url)
    if reply.outcome != "ok":
        return Lookup(SOURCE, reply.outcome, detail=reply.detail)
    results = reply.data.get("results") if isinstance(reply.data, dict) else None
    if not isinstance(results, list):
        return Lookup(SOURCE, "unreachable", detail="unexpected answer")
    records = tuple(read_work(r) for r in results if isinstance(r, dict))
    return Lookup(SOURCE, "ok" if records else "not-found", records)


def _author(authorship: Any) -> tuple[str, str]:
    if not isinstance(authorship, dict):
        return "", ""
    author = authorship.get("author") or {}
    written = str(author.get("display_name") or authorship.get("raw_author_name") or "")
    name = analyse_name(written)
    return (name.surname, name.given) if not name.corporate else (written, "")


def read_work(work: dict) -> RegistryRecord:
    doi = str(work.get("doi") or "").lower().removeprefix("https://doi.org/")
    biblio = work.get("biblio") or {}
    first, last = str(biblio.get("first_page") or ""), str(biblio.get("last_page") or "")
    source = ((work.get("primary_location") or {}).get("source") or {})
    year = work.get("publication_year")
    openalex_id = str(work.get("id") or "")
    retracted = (Update("retraction", None, "Retracted (OpenAlex)", "openalex"),) if work.get("is_retracted") else ()
    return RegistryRecord(
        source=SOURCE, id=doi or openalex_id.rsplit("/", 1)[-1], type=str(work.get("type") or ""),
        title=plain_text(work.get("title") or work.get("display_name")),
        authors=tuple(a for a in (_author(x) for x in work.get("authorships") or ()) if a[0]),
        years=(int(year),) if isinstance(year, int) else (),
        container=(plain_text(source.get("display_name")),) if source.get("display_name") else (),
        volume=str(biblio.get("volume") or ""), issue=str(biblio.get("issue") or ""),
        pages=f"{first}-{last}" if first and last and last != first else first, doi=doi,
        updates=retracted, link=openalex_id)


RETRACTED_BATCH = 50  # OpenAlex ORs up to 100 values in one filter; 50 DOIs keep the URL short


def retracted_among(http: RegistryHttp, base: str, dois: list[str], mailto: str | None) -> set[str]:
    """The DOIs OpenAlex flags `is_retracted`, asked in batches (filter=doi:a|b|…,is_retracted:true)."""
    found: set[str] = set()
    dois = [d for d in dois if not set(d) & set(",|")]  # filter syntax characters; such DOIs are vanishingly rare
    for start in range(0, len(dois), RETRACTED_BATCH):
        batch = dois[start:start + RETRACTED_BATCH]
        url = f"{base.rstrip('/')}/works" + _params(mailto, filter=f"doi:{'|'.join(batch)},is_retracted:true",
                                                     **{"per-page": str(len(batch))})
        reply = http.get_json(SOURCE, url)
        results = reply.data.get("results") if reply.outcome == "ok" and isinstance(reply.data, dict) else None
        for work in results or ():
            if isinstance(work, dict) and work.get("is_retracted"):
                found.add(str(work.get("doi") or "").lower().removeprefix("https://doi.org/"))
    return found & set(dois)
