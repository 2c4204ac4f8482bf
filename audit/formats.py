"""Which files citeaudit reads, by suffix: kept apart from `audit.ingest` so that listing a folder (and a
re-run that finds every document unchanged) does not import the PDF, Word and HTML readers."""

from __future__ import annotations

from pathlib import Path

from audit.models import DocumentFormat

SUFFIX_FORMATS: dict[str, DocumentFormat] = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".tex": "latex", ".ltx": "latex", ".latex": "latex",
    ".bib": "bibtex", ".bibtex": "bibtex",
    ".docx": "docx", ".pdf": "pdf",
}


def supported_suffixes() -> frozenset[str]:
    return frozenset(s for s in SUFFIX_FORMATS if s)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in supported_suffixes()
