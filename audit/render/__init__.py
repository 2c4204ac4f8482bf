"""Renderers map a Report to text; they never count or decide anything."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from audit.render.html_report import render_html, stream_html
from audit.render.json_report import render_json, stream_json
from audit.render.markdown_report import render_markdown

if TYPE_CHECKING:  # annotations only: the renderers import none of the audit (see audit/commands.py)
    from audit.report import Report


def render_bibtex(report: Report) -> str:
    """The cleaned BibTeX was written by the export stage; this only hands it over."""
    return report.bibtex_text


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json, "md": render_markdown, "html": render_html, "bib": render_bibtex,
}
# The large formats also come in pieces, so a report is written without holding its whole text.
STREAMERS: dict[str, Callable[[Report], Iterable[str]]] = {"json": stream_json, "html": stream_html}


def render_pieces(fmt: str, report: Report) -> Iterable[str]:
    """The report in format `fmt`, in pieces whose concatenation is `RENDERERS[fmt](report)`."""
    streamer = STREAMERS.get(fmt)
    return streamer(report) if streamer else (RENDERERS[fmt](report),)
