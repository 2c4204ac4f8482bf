"""PDF: text and glyph geometry with pdfplumber (the only module importing it); layout in `pdf_layout`.

Encrypted and image-only PDFs are refused in one line; a page that fails to parse is an unreadable part and
the other pages are still read. Notes found at page feet become note hints; when the body has raised
markers but no page carries foot notes (endnotes at the end of the document), the markers are written as
superscript digits and the plain-text extractor pairs them with the endnotes list.
"""

from __future__ import annotations

import logging
from io import BytesIO

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTLine, LTRect
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from audit.errors import UnreadableInput
from audit.ingest.assemble import NoteMark, NoteText, Piece, assemble_document
from audit.ingest.pdf_geometry import Link, Rule
from audit.ingest.pdf_layout import Glyph, Layout, Page, Token, lay_out
from audit.models import Document, LayoutLine, Span, UnreadablePart
from audit.textnorm import TO_SUPERSCRIPT

log = logging.getLogger(__name__)

# Fewer characters than this per page on average: a scan with at most a stray text line.
MIN_CHARS_PER_PAGE = 20
# A foot-note separator: a thin horizontal line a fifth to a half of the page wide (not a table rule or border).
MAX_RULE_THICKNESS = 1.5
MIN_RULE_SHARE = 0.08
MAX_RULE_SHARE = 0.5
# Typographic ligatures as single characters ("ﬁnancial") would keep words from matching their other spellings.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_NO_TEXT = "the PDF has no text layer (scanned image?); run OCR on it first"
_ENCRYPTED = "the PDF is encrypted (password-protected) and has no readable text layer; save an unprotected copy"


def _is_encryption_error(error: BaseException) -> bool:
    causes = [error, *getattr(error, "args", ())]
    return any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes) or "password" in str(
        error).lower() or "encrypt" in str(error).lower()


def _contents(page) -> tuple[tuple[Glyph, ...], tuple[Rule, ...]]:
    """The page's characters and short horizontal rules, read from pdfminer's layout objects directly:
    pdfplumber's `page.chars` converts every attribute of every object first, most of the reading time."""
    mb_x0, mb_top = (float(v) for v in page.mediabox[:2])
    height, width = float(page.height), float(page.width)
    glyphs: list[Glyph] = []
    rules: list[Rule] = []
    stack = list(page.layout)
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            text = obj.get_text().translate(_LIGATURES)
            if text and obj.upright:
                glyphs.append(Glyph(text=text, x0=obj.x0 + mb_x0, x1=obj.x1 + mb_x0, top=height - obj.y1 + mb_top,
                                    bottom=height - obj.y0 + mb_top, size=float(obj.size)))
        elif isinstance(obj, LTLine | LTRect):
            if obj.height <= MAX_RULE_THICKNESS and MIN_RULE_SHARE * width <= obj.width <= MAX_RULE_SHARE * width:
                rules.append(Rule(obj.x0 + mb_x0, obj.x1 + mb_x0, height - obj.y1 + mb_top))
        elif isinstance(obj, LTContainer):
            stack.extend(obj)
    return tuple(glyphs), tuple(rules)


def _links(page) -> tuple[Link, ...]:
    return tuple(Link(str(h["uri"]), float(h["x0"]), float(h["x1"]), float(h["top"]), float(h["bottom"]))
                 for h in page.hyperlinks if h.get("uri"))


def read_pages(path: str, data: bytes) -> tuple[list[Page], list[UnreadablePart]]:
    pages: list[Page] = []
    problems: list[UnreadablePart] = []
    try:
        pdf = pdfplumber.open(BytesIO(data))
    except (PdfminerException, PDFSyntaxError, PSException, PDFPasswordIncorrect, PDFEncryptionError,
            ValueError, TypeError, KeyError) as exc:
        if _is_encryption_error(exc):
            raise UnreadableInput(f"{path}: {_ENCRYPTED}") from exc
        raise UnreadableInput(f"{path}: the PDF is damaged and cannot be opened ({type(exc).__name__})") from exc
    with pdf:
        try:
            page_list = list(pdf.pages)
        except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
            if _is_encryption_error(exc):
                raise UnreadableInput(f"{path}: {_ENCRYPTED}") from exc
            raise UnreadableInput(f"{path}: the PDF's page tree is damaged ({type(exc).__name__})") from exc
        for number, page in enumerate(page_list, start=1):
            try:
                glyphs, rules = _contents(page)
                pages.append(Page(number, float(page.width), float(page.height), glyphs, _links(page), rules))
            except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError,
                    AttributeError) as exc:
                if _is_encryption_error(exc):
                    raise UnreadableInput(f"{path}: {_ENCRYPTED}") \
                        from exc
                log.debug("page %d of %s unreadable: %s", number, path, exc)
                problems.append(UnreadablePart(what=f"page {number}", reason=f"cannot be parsed ({exc})", line=1))
    return pages, problems


def _pieces(tokens: tuple[Token, ...], markers_as_notes: bool) -> list[Piece]:
    out: list[Piece] = []
    for token in tokens:
        if isinstance(token, str):
            out.append(token)
        elif markers_as_notes:
            out.append(NoteMark(str(token), token))
        else:
            out.append(str(token).translate(TO_SUPERSCRIPT))
    return out


def document_from_layout(path: str, sha256: str, layout: Layout, problems: list[UnreadablePart]) -> Document:
    foot_notes = bool(layout.notes)
    body = [_pieces(tokens, foot_notes) for tokens in layout.paragraphs]
    notes = [NoteText(note.number, str(note.number), (note.text,), note.page) for note in layout.notes]
    lines = [(line.paragraph, LayoutLine(line.page, line.indent, line.gap, line.size, line.text,
                                         Span(line.start, line.end, 0))) for line in layout.lines]
    return assemble_document(path=path, fmt="pdf", sha256=sha256, body=body, notes=notes, unreadable=problems,
                             structured_notes=True if foot_notes else None, body_pages=layout.paragraph_pages,
                             body_lines=lines)


def read_pdf(path: str, data: bytes, sha256: str) -> Document:
    pages, problems = read_pages(path, data)
    if not pages:
        raise UnreadableInput(f"{path}: the PDF has no readable pages")
    chars = sum(len(p.glyphs) for p in pages)
    if chars < MIN_CHARS_PER_PAGE * len(pages) and chars < 200:
        raise UnreadableInput(f"{path}: {_NO_TEXT}")
    return document_from_layout(path, sha256, lay_out(pages), problems)
