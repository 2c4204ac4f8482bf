"""Small builders for synthetic documents used across tests."""

from __future__ import annotations

import hashlib

from audit.ingest.markdown import read_markdown
from audit.ingest.plain_text import read_plain_text
from audit.models import Document, ParsedReference


def text_document(text: str, path: str = "synthetic.txt") -> Document:
    return read_plain_text(path, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8")


def markdown_document(text: str, path: str = "synthetic.md") -> Document:
    return read_markdown(path, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8")


def title_only_parse(texts, context):
    """A stand-in parser for tests of stages that do not depend on field parsing."""
    return [ParsedReference("other", {"title": t}) for t in texts]


def cite(cid: str, kind: str, text: str, *, fields: dict | None = None, kind_of_work: str = "other",
         line: int | None = None, pinpoint: str | None = None):
    """A Citation in note n (from its id "n<note>.<k>") or in the body ("b.<k>")."""
    from audit.models import Citation, Span

    note = int(cid[1:].split(".")[0]) if cid.startswith("n") else None
    line = line if line is not None else (note or 0) * 2 + 1
    return Citation(id=cid, kind=kind, text=text, span=Span(0, len(text), line), note=note,
                    fields=fields or {}, type=kind_of_work, pinpoint=pinpoint)
