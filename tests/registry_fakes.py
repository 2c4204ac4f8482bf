"""Loopback stand-ins for Crossref, OpenAlex and Open Library, answering with their documented shapes.

One `FakeRegistries` holds the works the registries "know" (`Known` records) and answers:
  Crossref    GET /works/{doi}                      -> {"status": "ok", "message-type": "work", "message": {...}}
              GET /works?query.bibliographic=…&rows=N -> {"message-type": "work-list", "message": {"items": [...]}}
              GET /works?filter=updates:{doi},…     -> the notices whose update-to names those DOIs
  OpenAlex    GET /works/doi:{doi}, /works/pmid:{n}  -> a Work object
              GET /works?search=…&per-page=N        -> {"meta": {...}, "results": [...], "group_by": []}
  Open Library GET /isbn/{isbn}.json -> 302 to /books/{OLID}.json (an edition); GET /authors/{OLID}.json
Unknown ids are 404s (Crossref's plain "Resource not found.", OpenAlex's and Open Library's JSON errors).
Faults: `latency` for every answer, and `script` (path prefix -> statuses to give first: 429 with
Retry-After, 503), for the back-off tests. `requests` counts every request answered.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import unquote

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


@dataclass(frozen=True)
class Known:
    """A work as the registries hold it."""

    title: str
    authors: tuple[tuple[str, str], ...]  # (family, given)
    year: int
    doi: str = ""
    subtitle: str = ""
    journal: str = ""
    short_journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    kind: str = "journal-article"  # Crossref type: journal-article, proceedings-article, book, book-chapter
    online_year: int | None = None  # published-online, when earlier than print
    isbn: str = ""
    publisher: str = ""
    pmid: str = ""
    retraction: str = ""  # "" | updated-by | update-to | is_retracted
    in_crossref: bool = True
    in_openalex: bool = True
    openalex_id: str = ""
    olid: str = ""  # Open Library edition id for books with an ISBN

    @property
    def notice_doi(self) -> str:
        return f"{self.doi}.retraction" if self.doi else ""


def _fold(text: str) -> set[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return {w for w in re.split(r"[^a-z0-9]+", text) if len(w) > 1}


@dataclass
class FakeRegistries:
    works: list[Known]
    latency: float = 0.0
    script: dict[str, list[int]] = field(default_factory=dict)  # path prefix -> statuses to answer first
    requests: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- plumbing ---------------------------------------------------------------------------------

    def mount(self, server: HTTPServer) -> dict[str, str]:
        """Serve everything on one server; the base URLs to configure (the services differ by path)."""
        server.expect_request(re.compile(r"^/.*$")).respond_with_handler(self.handle)
        root = server.url_for("").rstrip("/")
        return {"crossref_url": f"{root}/crossref", "openalex_url": f"{root}/openalex",
                "openlibrary_url": f"{root}/openlibrary"}

    def handle(self, request: Request) -> Response:
        with self._lock:
            self.requests.append(request.full_path)
            scripted = next((statuses for prefix, statuses in self.script.items()
                             if request.path.startswith(prefix) and statuses), None)
            status = scripted.pop(0) if scripted else None
        if self.latency:
            time.sleep(self.latency)
        if status is not None:
            headers = {"Retry-After": "0"} if status == 429 else {}
            return Response("busy", status=status, headers=headers)
        path = unquote(request.path)
        for prefix, handler in (("/crossref", self._crossref), ("/openalex", self._openalex),
                                ("/openlibrary", self._openlibrary)):
            if path.startswith(prefix + "/"):
                return handler(path[len(prefix):], request)
        return Response("no such service", status=404)

    @staticmethod
    def _json(data: object, status: int = 200) -> Response:
        return Response(json.dumps(data), status=status, content_type="application/json")

    def _search(self, query: str, rows: int, where: str) -> list[Known]:
        """Best-first by words in common, as a fuzzy search does: always the closest few, even for a
        made-up reference (hard negatives for the matcher)."""
        words = _fold(query)
        scored = []
        for work in self.works:
            if not getattr(work, where):
                continue
            text = " ".join([work.title, work.subtitle, *(f for f, _ in work.authors), str(work.year)])
            common = len(words & _fold(text))
            if common:
                scored.append((common, work))
        scored.sort(key=lambda pair: -pair[0])
        return [work for _, work in scored[:rows]]

    # -- Crossref ---------------------------------------------------------------------------------

    def _crossref(self, path: str, request: Request) -> Response:
        if path.startswith("/works/"):
            doi = path[len("/works/"):].lower()
            for work in self.works:
                if work.in_crossref and work.doi == doi:
                    return self._json({"status": "ok", "message-type": "work", "message-version": "1.0.0",
                                       "message": crossref_item(work)})
                if work.in_crossref and work.retraction == "update-to" and work.notice_doi == doi:
                    return self._json({"status": "ok", "message-type": "work", "message-version": "1.0.0",
                                       "message": crossref_notice(work)})
            return Response("Resource not found.", status=404, content_type="text/plain")
        if path == "/works":
            rows = int(request.args.get("rows", "20"))
            if "filter" in request.args:
                targets = {f.split(":", 1)[1].lower() for f in request.args["filter"].split(",")
                           if f.startswith("updates:")}
                items = [crossref_notice(w) for w in self.works
                         if w.in_crossref and w.retraction == "update-to" and w.doi in targets]
            else:
                found = self._search(request.args.get("query.bibliographic", ""), rows, "in_crossref")
                items = [crossref_item(w) for w in found]
                items += [crossref_notice(w) for w in found if w.retraction == "update-to"][: max(0, rows - len(items))]
            return self._json({"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                               "message": {"facets": {}, "total-results": len(items), "items": items,
                                           "items-per-page": rows, "query": {"start-index": 0,
                                                                             "search-terms": None}}})
        return Response("Resource not found.", status=404)

    # -- OpenAlex ---------------------------------------------------------------------------------

    def _openalex(self, path: str, request: Request) -> Response:
        match = re.match(r"^/works/(doi|pmid):(.+)$", path)
        if match:
            kind, value = match.group(1), match.group(2).lower()
            for work in self.works:
                key = work.doi if kind == "doi" else work.pmid
                if work.in_openalex and key and key == value:
                    return self._json(openalex_work(work))
            return self._json({"error": "Not Found", "message": f"The requested resource {path} was not found."}, 404)
        if path == "/works" and "filter" in request.args:
            wanted = {d.lower() for d in re.findall(r"doi:([^,]+)", request.args["filter"])[0].split("|")}
            flagged = [openalex_work(w) for w in self.works if w.in_openalex and w.doi in wanted
                       and (w.retraction != "" or "is_retracted:true" not in request.args["filter"])]
            return self._json({"meta": {"count": len(flagged), "db_response_time_ms": 9, "page": 1,
                                        "per_page": len(flagged), "groups_count": None},
                               "results": flagged, "group_by": []})
        if path == "/works":
            per_page = int(request.args.get("per-page", request.args.get("per_page", "25")))
            found = self._search(request.args.get("search", ""), per_page, "in_openalex")
            return self._json({"meta": {"count": len(found), "db_response_time_ms": 11, "page": 1,
                                        "per_page": per_page, "groups_count": None},
                               "results": [openalex_work(w) for w in found], "group_by": []})
        return self._json({"error": "Not Found", "message": "not found"}, 404)

    # -- Open Library -----------------------------------------------------------------------------

    def _openlibrary(self, path: str, request: Request) -> Response:
        match = re.match(r"^/isbn/([0-9Xx]+)\.json$", path)
        if match:
            work = next((w for w in self.works if w.isbn and w.isbn == match.group(1)), None)
            if work is None:
                return self._json({"error": "notfound", "key": f"/isbn/{match.group(1)}"}, 404)
            target = f"{request.root_url.rstrip('/')}/openlibrary/books/{work.olid}.json"
            return Response("", status=302, headers={"Location": target})
        match = re.match(r"^/books/(OL\d+M)\.json$", path)
        if match:
            work = next((w for w in self.works if w.olid == match.group(1)), None)
            if work is not None:
                return self._json(openlibrary_edition(work))
        match = re.match(r"^/authors/OL(\d+)A\.json$", path)
        if match:
            number = int(match.group(1))
            book, index = divmod(number, 10)
            work = next((w for w in self.works if w.olid == f"OL{book}M"), None)
            if work is not None and index < len(work.authors):
                family, given = work.authors[index]
                return self._json({"key": f"/authors/OL{number}A", "name": f"{given} {family}".strip(),
                                   "type": {"key": "/type/author"}})
        return self._json({"error": "notfound", "key": path}, 404)


# -- response bodies ---------------------------------------------------------------------------------

def _date(year: int, month: int = 3) -> dict:
    return {"date-parts": [[year, month]]}


def crossref_item(work: Known) -> dict:
    item: dict = {
        "indexed": {"date-parts": [[2025, 1, 5]], "date-time": "2025-01-05T10:00:00Z", "timestamp": 1736071200000},
        "reference-count": 12, "publisher": work.publisher or "Example Press",
        "DOI": work.doi.upper() if work.doi.startswith("10.1002") else work.doi,  # Crossref keeps the case given
        "type": work.kind, "created": {"date-parts": [[work.year, 1, 2]]}, "source": "Crossref",
        "is-referenced-by-count": 42, "title": [work.title], "prefix": work.doi.split("/")[0] if work.doi else "",
        "member": "78", "container-title": [work.journal] if work.journal else [],
        "short-container-title": [work.short_journal] if work.short_journal else [],
        "author": [{"given": given, "family": family, "sequence": "first" if i == 0 else "additional",
                    "affiliation": []} for i, (family, given) in enumerate(work.authors)],
        "published-print": _date(work.year), "issued": _date(work.online_year or work.year),
        "published": _date(work.online_year or work.year), "URL": f"https://doi.org/{work.doi}",
        "score": 42.5,
    }
    if work.online_year:
        item["published-online"] = _date(work.online_year, 11)
    if work.subtitle:
        item["subtitle"] = [work.subtitle]
    for key, value in (("volume", work.volume), ("issue", work.issue), ("page", work.pages)):
        if value:
            item[key] = value
    if work.isbn:
        item["ISBN"] = [work.isbn]
    if work.retraction == "updated-by":
        item["updated-by"] = [{"updated": {"date-parts": [[work.year + 3, 2, 1]]}, "DOI": work.notice_doi,
                               "type": "retraction", "source": "retraction-watch", "label": "Retraction",
                               "record-id": "12345"}]
    return item


def crossref_notice(work: Known) -> dict:
    """A retraction notice: its own DOI, and `update-to` naming the work it retracts."""
    return {"DOI": work.notice_doi, "type": "journal-article", "title": [f"Retraction notice to: {work.title}"],
            "author": [], "container-title": [work.journal], "published-print": _date(work.year + 3),
            "issued": _date(work.year + 3), "publisher": work.publisher or "Example Press",
            "update-to": [{"updated": {"date-parts": [[work.year + 3, 2, 1]]}, "DOI": work.doi,
                           "type": "retraction", "source": "publisher", "label": "Retraction"}],
            "URL": f"https://doi.org/{work.notice_doi}", "score": 12.0}


def openalex_work(work: Known) -> dict:
    first, _, last = work.pages.partition("-")
    return {
        "id": f"https://openalex.org/{work.openalex_id or 'W' + str(abs(hash(work.title)) % 10**9)}",
        "doi": f"https://doi.org/{work.doi}" if work.doi else None, "title": work.title if not work.subtitle
        else f"{work.title}: {work.subtitle}", "display_name": work.title,
        "publication_year": work.online_year or work.year, "publication_date": f"{work.online_year or work.year}-03-01",
        "ids": {"openalex": "https://openalex.org/W1", "doi": f"https://doi.org/{work.doi}" if work.doi else None,
                **({"pmid": f"https://pubmed.ncbi.nlm.nih.gov/{work.pmid}"} if work.pmid else {})},
        "language": "en", "type": "article" if work.kind != "book" else "book",
        "type_crossref": work.kind,
        "authorships": [{"author_position": "first" if i == 0 else "middle",
                         "author": {"id": f"https://openalex.org/A{i}", "display_name": f"{given} {family}".strip(),
                                    "orcid": None},
                         "institutions": [], "countries": [], "is_corresponding": i == 0,
                         "raw_author_name": f"{given} {family}".strip(), "raw_affiliation_strings": []}
                        for i, (family, given) in enumerate(work.authors)],
        "primary_location": {"is_oa": False, "landing_page_url": f"https://doi.org/{work.doi}",
                             "source": {"id": "https://openalex.org/S1", "display_name": work.journal,
                                        "type": "journal"} if work.journal else None},
        "biblio": {"volume": work.volume or None, "issue": work.issue or None, "first_page": first or None,
                   "last_page": last or None},
        "is_retracted": work.retraction != "", "is_paratext": False, "cited_by_count": 42,
    }


def openlibrary_edition(work: Known) -> dict:
    number = int(work.olid[2:-1])
    return {"title": work.title, **({"subtitle": work.subtitle} if work.subtitle else {}),
            "authors": [{"key": f"/authors/OL{number * 10 + i}A"} for i in range(len(work.authors))],
            "publish_date": str(work.year), "publishers": [work.publisher or "Example Press"],
            "isbn_13": [work.isbn] if len(work.isbn) == 13 else [],
            "isbn_10": [work.isbn] if len(work.isbn) == 10 else [],
            "number_of_pages": 320, "key": f"/books/{work.olid}", "type": {"key": "/type/edition"},
            "works": [{"key": f"/works/{work.olid[:-1]}W"}], "latest_revision": 3, "revision": 3}


@contextmanager
def serving(fake: FakeRegistries, host: str = "127.0.0.1") -> Iterator[dict[str, str]]:
    """A threaded loopback server for the fake; yields the base URLs (AuditConfig field -> URL)."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log lines in test output
    server = HTTPServer(host=host, threaded=True)
    server.start()
    try:
        yield fake.mount(server)
    finally:
        server.clear()
        if server.is_running():
            server.stop()


class Switchboard:
    """One long-lived loopback server whose answers come from whichever fake is plugged in: starting and
    stopping a server costs half a second, which a test module need not pay per test."""

    def __init__(self, server: HTTPServer) -> None:
        self._fake: FakeRegistries | None = None
        server.expect_request(re.compile(r"^/.*$")).respond_with_handler(self._handle)
        root = server.url_for("").rstrip("/")
        self.urls = {"crossref_url": f"{root}/crossref", "openalex_url": f"{root}/openalex",
                     "openlibrary_url": f"{root}/openlibrary"}

    def _handle(self, request: Request) -> Response:
        assert self._fake is not None, "no fake plugged in"
        return self._fake.handle(request)

    def serve(self, fake: FakeRegistries) -> dict[str, str]:
        self._fake = fake
        return self.urls


@contextmanager
def switchboard(host: str = "127.0.0.1") -> Iterator[Switchboard]:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = HTTPServer(host=host, threaded=True)
    server.start()
    try:
        yield Switchboard(server)
    finally:
        server.clear()
        if server.is_running():
            server.stop()
