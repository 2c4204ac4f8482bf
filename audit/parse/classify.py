"""Decide a reference's type from its fields and wording."""

from __future__ import annotations

from audit import patterns
from audit.parse.names import is_corporate

# Book publishers, as opposed to think tanks and agencies that publish reports.
_BOOK_PUBLISHER = ("press", "verlag", "éditions", "editions", "edizioni", "editorial", "routledge", "palgrave",
                   "macmillan", "sharpe", "springer", "elsevier", "wiley", "blackwell", "sage", "brill", "dalloz",
                   "armand colin", "autrement", "gallimard", "seuil", "puf", "harmattan", "suhrkamp", "norton",
                   "penguin", "books", "publishers", "publishing", "ashgate", "karthala", "laterza", "einaudi")


def _has(fields: dict, *keys: str) -> bool:
    return any(k in fields for k in keys)


def classify(fields: dict, text: str, *, title_style: str = "plain") -> str:
    """One of REFERENCE_TYPES, first match wins; `title_style` is "quoted", "italic" or "plain"."""
    italic_title = title_style == "italic"
    genre = str(fields.get("genre", ""))
    container = str(fields.get("container-title", ""))
    title = str(fields.get("title", ""))
    publisher = str(fields.get("publisher", "")).lower()
    rest = " ".join(str(fields.get(k, "")) for k in ("genre", "note"))
    if patterns.INTERVIEW_CUE.search(genre) or (not title and patterns.INTERVIEW_CUE.search(text)):
        return "interview"
    if patterns.SPEECH_CUE.search(rest) or (not title and patterns.SPEECH_CUE.search(text)):
        return "speech"
    if patterns.THESIS_CUE.search(genre) or patterns.THESIS_CUE.search(rest):
        return "thesis"
    if "author" in fields and "editor" in fields and container:  # "in … (ed.)" under an author
        return "chapter"
    if container:
        if patterns.PROCEEDINGS_CUE.match(container) and not _has(fields, "volume", "issue"):
            return "chapter"  # a paper in a conference's proceedings (PNAS, with its volume, is a journal)
        if patterns.NEWS_CUE.search(container):
            return "news"
        if patterns.REPORT_CUE.search(container) and not _has(fields, "volume"):
            return "report"
        if _has(fields, "volume", "issue", "pages") or not publisher:
            return "article"
        return "report"
    if patterns.NEWS_CUE.search(title) and _has(fields, "issue"):
        return "news"
    if patterns.GENRE_SEGMENT.search(genre) or patterns.REPORT_CUE.search(genre):
        return "report"
    if title_style == "quoted" and publisher.startswith(("université", "university", "universität", "universidad",
                                                         "università")):
        return "thesis"  # a quoted title issued by a university alone: a dissertation or mémoire
    if any(b in publisher for b in _BOOK_PUBLISHER):
        return "book"
    if title_style != "quoted" and _has(fields, "publisher", "location") and not _has(fields, "url"):
        return "book"
    authors = fields.get("author") or []
    corporate = bool(authors) and all(is_corporate(a) for a in authors)
    if patterns.LEGAL_CUE.search(title) and patterns.LEGAL_TITLE.search(title):
        return "legal"
    if corporate or patterns.TITLE_REPORT.search(title) or (publisher and title_style == "quoted"):
        return "report"
    if _has(fields, "url") and not _has(fields, "publisher", "location", "date"):
        return "webpage"
    if italic_title:
        return "book"
    return "other"
