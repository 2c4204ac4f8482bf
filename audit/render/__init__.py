"""Renderers map a Report to text; they never count or decide anything."""

from __future__ import annotations

from collections.abc import Callable

from audit.render.html_report import render_html
from audit.render.json_report import render_json
from audit.render.markdown_report import render_markdown
from audit.report import Report


def render_bibtex(report: Report) -> str:
    """The cleaned BibTeX was written by the export stage; this only hands it over."""
    return report.bibtex_text


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json, "md": render_markdown, "html": render_html, "bib": render_bibtex,
}
