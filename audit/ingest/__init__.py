"""ingest(path) -> Document: the one small interface every input format sits behind.

A reader turns bytes into text lines with positions, plus the notes and markers its format
marks up explicitly (Markdown footnote definitions today; HTML, DOCX, LaTeX later).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from audit.errors import UnreadableInput
from audit.ingest.decode import decode_bytes
from audit.ingest.markdown import read_markdown
from audit.ingest.plain_text import read_plain_text
from audit.models import Document

READERS = {"text": read_plain_text, "markdown": read_markdown}
SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
}
# Formats citeaudit knows but cannot read yet: a clear message instead of garbage findings.
NOT_YET_SUPPORTED = {".pdf": "PDF", ".docx": "Word (.docx)", ".doc": "Word (.doc)", ".html": "HTML",
                     ".htm": "HTML", ".tex": "LaTeX", ".bib": "BibTeX", ".odt": "OpenDocument", ".rtf": "RTF"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def supported_suffixes() -> frozenset[str]:
    return frozenset(s for s in SUFFIX_FORMATS if s)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in supported_suffixes()


def ingest(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one document; raise UnreadableInput with a one-line reason when it cannot be audited."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise UnreadableInput(f"{path}: no such file")
    if path.is_dir():
        raise UnreadableInput(f"{path}: is a directory")
    if suffix in NOT_YET_SUPPORTED:
        raise UnreadableInput(f"{path}: {NOT_YET_SUPPORTED[suffix]} input is not supported yet; "
                              "convert it to plain text or Markdown")
    fmt = SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        raise UnreadableInput(f"{path}: unsupported file type '{suffix}' (supported: .txt, .md)")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput(f"{path}: {size / 1_048_576:.0f} MB is larger than the {max_bytes // 1_048_576} MB "
                                  "citeaudit reads; split the document")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    text, encoding = decode_bytes(data, str(path))
    sha = hashlib.sha256(data).hexdigest()
    return READERS[fmt](str(path), text, sha, encoding)
