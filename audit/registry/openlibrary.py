"""Open Library client: an edition by ISBN (/isbn/{isbn}.json, which redirects to /books/OL…M.json), and
its authors' names (/authors/OL…A.json), since an edition names its authors only by key.

Shape read: an edition (title, subtitle, authors[{key}], by_statement, publish_date, publishers[],
isbn_10[], isbn_13[], key).
"""

from __future__ import annotations

import re
from typing import Any

from audit.persons import analyse_name
from audit.registry.records import Lookup, RegistryRecord
from audit.registry.service import RegistryHttp

SOURCE = "openlibrary"
MAX_AUTHORS = 3  # the first authors decide a match; more look-ups would only slow the run
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def lookup_isbn(http: RegistryHttp, base: str, isbn: str) -> Lookup:
    root = base.rstrip("/")
    reply = http.get_json(SOURCE, f"{root}/isbn/{isbn}.json")
    if reply.outcome != "ok":
        return Lookup(SOURCE, reply.outcome, detail=reply.detail)
    if not isinstance(reply.data, dict) or not reply.data.get("title"):
        return Lookup(SOURCE, "unreachable", detail="unexpected answer")
    names = [_author_name(http, root, a) for a in (reply.data.get("authors") or [])[:MAX_AUTHORS]]
    return Lookup(SOURCE, "ok", (read_edition(reply.data, [n for n in names if n]),))


def _author_name(http: RegistryHttp, root: str, author: Any) -> str:
    key = author.get("key") if isinstance(author, dict) else None
    if not isinstance(key, str) or not key.startswith("/authors/"):
        return ""
    reply = http.get_json(SOURCE, f"{root}{key}.json")
    return str(reply.data.get("name") or "") if reply.outcome == "ok" and isinstance(reply.data, dict) else ""


def read_edition(edition: dict, author_names: list[str]) -> RegistryRecord:
    authors = []
    for written in author_names:
        name = analyse_name(written)
        authors.append((name.surname, name.given) if not name.corporate else (written, ""))
    years = tuple(int(y) for y in _YEAR.findall(str(edition.get("publish_date") or "")))
    isbns = tuple(str(i) for key in ("isbn_13", "isbn_10") for i in edition.get(key) or ())
    key = str(edition.get("key") or "")
    return RegistryRecord(
        source=SOURCE, id=key or (isbns[0] if isbns else ""), type="book", title=str(edition.get("title") or ""),
        subtitle=str(edition.get("subtitle") or ""), authors=tuple(authors), years=years[:1], isbns=isbns,
        publisher=str((edition.get("publishers") or [""])[0]), link=f"https://openlibrary.org{key}" if key else "")
