"""Crossref REST API client: /works/{doi} and /works?query.bibliographic=… (api.crossref.org).

Shapes read: a `work` message (title[], subtitle[], author[{given, family, name}], issued / published-print /
published-online {date-parts}, container-title[], short-container-title[], volume, issue, page, DOI, ISBN[],
type, publisher, updated-by[], update-to[]) and a `work-list` message (items[] of works).
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlencode

from audit.registry.records import Lookup, RegistryRecord, Update
from audit.registry.service import RegistryHttp

SOURCE = "crossref"
ROWS = 5  # candidates per bibliographic query: the right one is nearly always among the first few
_DATE_KEYS = ("published-online", "published-print", "issued", "published")


def _params(mailto: str | None, **extra: str) -> str:
    params = dict(extra)
    if mailto:
        params["mailto"] = mailto  # Crossref's "polite pool": identified clients get steadier service
    return ("?" + urlencode(params)) if params else ""


def lookup_doi(http: RegistryHttp, base: str, doi: str, mailto: str | None) -> Lookup:
    reply = http.get_json(SOURCE, f"{base.rstrip('/')}/works/{quote(doi, safe='/')}{_params(mailto)}")
    if reply.outcome != "ok":
        return Lookup(SOURCE, reply.outcome, detail=reply.detail)
    message = reply.data.get("message") if isinstance(reply.data, dict) else None
    if not isinstance(message, dict):
        return Lookup(SOURCE, "unreachable", detail="unexpected answer")
    return Lookup(SOURCE, "ok", (read_work(message),))


def search(http: RegistryHttp, base: str, query: str, mailto: str | None) -> Lookup:
    url = f"{base.rstrip('/')}/works" + _params(mailto, **{"query.bibliographic": query, "rows": str(ROWS)})
    reply = http.get_json(SOURCE, url)
    if reply.outcome != "ok":
        return Lookup(SOURCE, reply.outcome, detail=reply.detail)
    message = reply.data.get("message") if isinstance(reply.data, dict) else None
    items = message.get("items") if isinstance(message, dict) else None
    if not isinstance(items, list):
        return Lookup(SOURCE, "unreachable", detail="unexpected answer")
    records = [read_work(item) for item in items if isinstance(item, dict)]
    return Lookup(SOURCE, "ok" if records else "not-found", attach_notices(records))


def attach_notices(records: list[RegistryRecord]) -> tuple[RegistryRecord, ...]:
    """A retraction notice in the same answer names the work it retracts in `update-to`: carry it over."""
    from dataclasses import replace

    by_target: dict[str, list[Update]] = {}
    for record in records:
        if record.is_notice:
            for update in record.updates:
                if update.notice:
                    by_target.setdefault(update.notice, []).append(
                        Update(update.kind, record.doi, update.label, update.source or "publisher", update.date))
    out = []
    for record in records:
        extra = [u for u in by_target.get(record.doi, []) if u.notice not in {x.notice for x in record.updates}]
        out.append(replace(record, updates=record.updates + tuple(extra)) if extra and not record.is_notice
                   else record)
    return tuple(out)


_MARKUP = re.compile(r"<[^>]{1,40}>")


def plain_text(value: Any) -> str:
    """Registry titles carry JATS/HTML markup and entities ("<i>E. coli</i> &amp; …"): the text alone."""
    return " ".join(html.unescape(_MARKUP.sub("", str(value or ""))).split())


def _strings(value: Any) -> list[str]:
    """Crossref gives most text fields as lists; take a lone string as a list of one."""
    if isinstance(value, list):
        return [plain_text(v) for v in value if v]
    return [plain_text(value)] if value else []


def _first(value: Any) -> str:
    if isinstance(value, list):
        return plain_text(value[0]) if value else ""
    return plain_text(value)


def _date(value: Any) -> tuple[int, ...]:
    try:
        parts = value["date-parts"][0]
        return tuple(int(p) for p in parts if p is not None)
    except (KeyError, IndexError, TypeError, ValueError):
        return ()


def _date_text(parts: tuple[int, ...]) -> str | None:
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) if parts else None


def _updates(entries: Any, *, own: bool) -> tuple[Update, ...]:
    """`updated-by` (notices about this work: their DOI is the notice) or `update-to` (this work is the
    notice: the DOI there is the work it updates)."""
    out = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict):
            continue
        kind = str(entry.get("type") or "").lower().replace("-", "_").replace(" ", "_")
        out.append(Update(kind, str(entry.get("DOI") or "").lower() or None, str(entry.get("label") or kind),
                          str(entry.get("source") or ("publisher" if own else "")),
                          _date_text(_date(entry.get("updated")))))
    return tuple(out)


def read_work(item: dict) -> RegistryRecord:
    years = tuple(dict.fromkeys(parts[0] for key in _DATE_KEYS if (parts := _date(item.get(key)))))
    authors = tuple((str(a.get("family") or a.get("name") or ""), str(a.get("given") or ""))
                    for a in item.get("author") or () if isinstance(a, dict))
    doi = str(item.get("DOI") or "").lower()
    notice_of = _updates(item.get("update-to"), own=False)
    updates = notice_of if notice_of else _updates(item.get("updated-by"), own=True)
    return RegistryRecord(
        source=SOURCE, id=doi, type=str(item.get("type") or ""), title=_first(item.get("title")),
        subtitle=_first(item.get("subtitle")), authors=authors, years=years,
        container=tuple(c for key in ("container-title", "short-container-title") for c in _strings(item.get(key))),
        volume=str(item.get("volume") or ""), issue=str(item.get("issue") or ""), pages=str(item.get("page") or ""),
        doi=doi, isbns=tuple(i.replace("-", "") for i in _strings(item.get("ISBN"))),
        publisher=str(item.get("publisher") or ""), updates=updates, is_notice=bool(notice_of),
        link=f"https://doi.org/{doi}" if doi else "")


NOTICE_BATCH = 40  # DOIs per `updates:` query: keeps the URL well under common 8 KB limits


def notices_for(http: RegistryHttp, base: str, dois: list[str], mailto: str | None) -> dict[str, list[Update]]:
    """Notices (retractions, corrections …) whose `update-to` names one of the DOIs, asked in batches with
    `filter=updates:…` (filters of one name are ORed). Catches notices a work's own record does not list."""
    found: dict[str, list[Update]] = {}
    dois = [d for d in dois if "," not in d]  # a comma would split the filter; such DOIs are vanishingly rare
    for start in range(0, len(dois), NOTICE_BATCH):
        batch = dois[start:start + NOTICE_BATCH]
        url = f"{base.rstrip('/')}/works" + _params(mailto, filter=",".join(f"updates:{d}" for d in batch),
                                                     rows=str(4 * len(batch)))
        reply = http.get_json(SOURCE, url)
        message = reply.data.get("message") if reply.outcome == "ok" and isinstance(reply.data, dict) else None
        for item in (message or {}).get("items") or ():
            if isinstance(item, dict):
                notice = read_work(item)
                for update in notice.updates:
                    if update.notice in batch:
                        found.setdefault(update.notice, []).append(
                            Update(update.kind, notice.doi, update.label, update.source or "publisher", update.date))
    return found
