"""ingest(path) -> Document: the one small interface every input format sits behind.

The reader is chosen from the file's content first and its suffix second: a `.txt` holding `<html>` is
HTML, a file starting with `%PDF` is a PDF whatever its name. Text readers get decoded text; binary
readers (DOCX, PDF, BibTeX, whose bytes are decoded per entry) get the bytes.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from audit.errors import UnreadableInput
from audit.formats import SUFFIX_FORMATS, is_supported, supported_suffixes  # noqa: F401 - this module's interface
from audit.ingest.bibtex_doc import read_bibtex_document
from audit.ingest.decode import decode_bytes
from audit.ingest.docx_doc import read_docx
from audit.ingest.html_doc import read_html
from audit.ingest.latex_doc import read_latex
from audit.ingest.markdown import read_markdown
from audit.ingest.patterns import BIBTEX_START, HTML_START, LATEX_SIGNATURE
from audit.ingest.pdf_doc import read_pdf
from audit.ingest.plain_text import read_plain_text
from audit.models import Document

TextReader = Callable[[str, str, str, str], Document]  # (path, text, sha256, encoding)
BinaryReader = Callable[[str, bytes, str], Document]  # (path, data, sha256)

READERS: dict[str, TextReader] = {"text": read_plain_text, "markdown": read_markdown, "html": read_html,
                                  "latex": read_latex}
BINARY_READERS: dict[str, BinaryReader] = {"bibtex": read_bibtex_document, "docx": read_docx, "pdf": read_pdf}
# Formats citeaudit knows but cannot read yet: a clear message instead of garbage findings.
NOT_YET_SUPPORTED = {".doc": "Word (.doc)", ".odt": "OpenDocument", ".rtf": "RTF"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 4096
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, and Office files encrypted with a password


def _sniff_binary(data: bytes, name: str, suffix: str) -> str | None:
    """The format of PDF, zip and OLE files from their first bytes; None for anything else."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(_OLE_MAGIC):
        if suffix == ".docx":
            raise UnreadableInput(f"{name}: the Word file is encrypted (password-protected); save an unprotected copy")
        raise UnreadableInput(f"{name}: old binary Word (.doc) or other OLE files are not supported; "
                              "save it as .docx")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except (zipfile.BadZipFile, EOFError, ValueError) as exc:
            if suffix == ".docx":
                return "docx"  # the DOCX reader explains what is wrong with it
            raise UnreadableInput(f"{name}: a damaged zip archive, not a document") from exc
        if "word/document.xml" in names or suffix == ".docx":
            return "docx"
        if suffix in NOT_YET_SUPPORTED:
            return None  # .odt and friends: the "not supported yet" message below says more
        raise UnreadableInput(f"{name}: a zip archive that is not a Word document")
    return None


def _sniff_text(data: bytes, suffix: str) -> str | None:
    """HTML, LaTeX or BibTeX recognised from how the text starts."""
    head = data[:SNIFF_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    if HTML_START.match(head):
        return "html"
    if BIBTEX_START.match(head):
        return "bibtex"
    if suffix not in (".md", ".markdown", ".mdown", ".mkd") and LATEX_SIGNATURE.search(head):
        return "latex"
    if suffix in (".md", ".markdown") and LATEX_SIGNATURE.match(head):
        return "latex"
    return None


def detect_format(data: bytes, name: str, suffix: str) -> str:
    """The format to read `data` as: content first, then the suffix."""
    found = _sniff_binary(data, name, suffix)
    if found is None and suffix not in (".docx", ".pdf") and suffix not in NOT_YET_SUPPORTED:
        found = _sniff_text(data, suffix)
    if found is not None:
        return found
    if suffix in NOT_YET_SUPPORTED:
        raise UnreadableInput(f"{name}: {NOT_YET_SUPPORTED[suffix]} input is not supported yet; "
                              "convert it to plain text or Markdown")
    fmt = SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        kinds = ", ".join(sorted(supported_suffixes()))
        raise UnreadableInput(f"{name}: unsupported file type '{suffix}' (supported: {kinds})")
    return fmt


def ingest(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one document; raise UnreadableInput with a one-line reason when it cannot be audited."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise UnreadableInput(f"{path}: no such file")
    if path.is_dir():
        raise UnreadableInput(f"{path}: is a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput(f"{path}: {size / 1_048_576:.0f} MB is larger than the {max_bytes // 1_048_576} MB "
                                  "citeaudit reads; split the document")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise UnreadableInput(f"{path}: the file is empty")
    fmt = detect_format(data, str(path), suffix)
    sha = hashlib.sha256(data).hexdigest()
    if fmt in BINARY_READERS:
        return BINARY_READERS[fmt](str(path), data, sha)
    if fmt not in READERS:
        raise UnreadableInput(f"{path}: {fmt} input is not supported yet")
    text, encoding = decode_bytes(data, str(path))
    return READERS[fmt](str(path), text, sha, encoding)
