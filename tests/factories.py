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
