"""Word .docx: body paragraphs, real footnotes and endnotes, hyperlinks; zipfile and ElementTree only.

Footnotes live in `word/footnotes.xml` and are referenced from `word/document.xml` by
`<w:footnoteReference w:id="…"/>`; Word prints them 1, 2, 3 in the order of those references, which is
the number each note gets here (the ids are arbitrary). Endnotes are numbered the same way in their own
sequence; when a document has both, endnotes carry Word's default roman labels (i, ii, …) and numbers
after the last footnote so the two never collide. A damaged notes part is an unreadable part, not the
end of the audit; a damaged archive or main part is an `UnreadableInput`.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from xml.etree import ElementTree

from audit.errors import UnreadableInput
from audit.ingest.assemble import NoteMark, NoteText, Piece, assemble_document
from audit.ingest.docx_numbering import ListNumbering, paragraph_list, read_numbering, roman
from audit.ingest.patterns import DOCX_HYPERLINK_FIELD
from audit.models import Document, UnreadablePart
from audit.textnorm import TO_SUPERSCRIPT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
P, T, TAB, BR, CR, HYPERLINK = W + "p", W + "t", W + "tab", W + "br", W + "cr", W + "hyperlink"
R, RPR, ITALIC = W + "r", W + "rPr", W + "i"
FOOTNOTE_REF, ENDNOTE_REF = W + "footnoteReference", W + "endnoteReference"
W_ID, W_TYPE, W_VAL = W + "id", W + "type", W + "val"
# Parts of a paragraph that are not printed text: deleted revisions, field codes, the note's own number
# mark, properties, drawings, text boxes (read as their own paragraphs).
_SKIPPED = frozenset(W + name for name in ("delText", "instrText", "del", "moveFrom", "footnoteRef", "endnoteRef",
                                           "pPr", "rPr", "drawing", "pict", "object", "txbxContent", "sectPr",
                                           "commentReference", "annotationRef", "fldData"))
_SEPARATOR_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
# Decompressed size above which an archive member is refused (a zip bomb, not a paper).
MAX_PART_BYTES = 200 * 1024 * 1024

# Hand-typed note markers formatted as superscript digits keep looking like markers in the text.


class _PartError(Exception):
    """A part of the archive cannot be read."""


@dataclass
class _Numbering:
    """Note numbers in reference order, per kind (internal, mutable while the body is read)."""

    footnotes: dict[str, int] = field(default_factory=dict)
    endnotes: dict[str, int] = field(default_factory=dict)

    def mark(self, kind: str, note_id: str) -> tuple[str, str]:
        table = self.footnotes if kind == "footnote" else self.endnotes
        table.setdefault(note_id, len(table) + 1)
        return kind, note_id


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise _PartError(f"{name} is larger than {MAX_PART_BYTES // 1_048_576} MB when unpacked")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise _PartError(f"{name} is damaged ({exc})") from exc


def _parse(data: bytes, name: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise _PartError(f"{name} is not well-formed XML ({exc})") from exc


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Hyperlink targets of one part (r:id -> URL); an unreadable rels part just means no URLs."""
    folder, _, name = part.rpartition("/")
    try:
        data = _read_part(archive, f"{folder}/_rels/{name}.rels")
        root = _parse(data, name) if data else None
    except _PartError:
        return {}
    if root is None:
        return {}
    return {rel.get("Id", ""): rel.get("Target", "") for rel in root.iter(REL)
            if rel.get("TargetMode") == "External"}


def _is_italic(run: ElementTree.Element) -> bool:
    props = run.find(RPR)
    flag = props.find(ITALIC) if props is not None else None
    return flag is not None and flag.get(W_VAL) not in ("0", "false", "off")


def _is_superscript(run: ElementTree.Element) -> bool:
    props = run.find(RPR)
    align = props.find(W + "vertAlign") if props is not None else None
    return align is not None and align.get(W_VAL) == "superscript"


def _inline(elem: ElementTree.Element, out: list, links: dict[str, str], numbering: _Numbering | None) -> None:
    """Printed content of a paragraph in order: strings, ("i", text) italic runs, and note references."""
    for child in elem:
        tag = child.tag
        if tag == T:
            out.append(child.text or "")
        elif tag in (TAB, BR, CR):
            out.append(" ")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "instrText":
            field = DOCX_HYPERLINK_FIELD.search(child.text or "")
            if field:
                out.append(("url", field.group("url")))
        elif tag == W + "fldChar" and child.get(W + "fldCharType") == "end":
            out.append(("fieldend", ""))
        elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
            if numbering is not None:
                out.append(numbering.mark("footnote" if tag == FOOTNOTE_REF else "endnote", child.get(W_ID, "")))
        elif tag in _SKIPPED:
            continue
        elif tag == R and _is_superscript(child):
            inner: list = []
            _inline(child, inner, links, numbering)
            out.extend(p.translate(TO_SUPERSCRIPT) if isinstance(p, str) and p.strip().isdigit() else p for p in inner)
        elif tag == R and _is_italic(child):
            inner = []
            _inline(child, inner, links, numbering)
            out.extend(("i", p) if isinstance(p, str) else p for p in inner)
        elif tag == HYPERLINK:
            before = len(out)
            _inline(child, out, links, numbering)
            url = links.get(child.get(R_ID, ""), "")
            shown = "".join(p if isinstance(p, str) else p[1] if p[0] == "i" else "" for p in out[before:])
            if url.startswith(("http://", "https://", "ftp://")) and shown.strip() != url:
                out.append(f" <{url}>")
        else:
            _inline(child, out, links, numbering)


def _merge_italics(raw: list) -> list:
    """Adjacent italic runs (Word splits them freely) become one `*…*` span, whitespace kept outside."""
    merged: list = []
    for item in raw:
        if isinstance(item, tuple) and item[0] == "i" and merged and isinstance(merged[-1], tuple) \
                and merged[-1][0] == "i":
            merged[-1] = ("i", merged[-1][1] + item[1])
        else:
            merged.append(item)
    out: list = []
    for item in merged:
        if isinstance(item, tuple) and item[0] == "i":
            text = item[1]
            core = text.strip()
            if not core:
                out.append(text)
                continue
            lead = " " if text[:1].isspace() else ""
            trail = " " if text[-1:].isspace() else ""
            out.append(f"{lead}*{core}*{trail}")
        else:
            out.append(item)
    return out


def _resolve_fields(items: list) -> list:
    """A HYPERLINK field's address after its shown text (`text <url>`), as for w:hyperlink elements."""
    out: list = []
    url: str | None = None
    start = 0
    for item in items:
        if isinstance(item, tuple) and item[0] == "url":
            url, start = item[1], len(out)
        elif isinstance(item, tuple) and item[0] == "fieldend":
            shown = "".join(p for p in out[start:] if isinstance(p, str))
            if url and url.startswith(("http://", "https://", "ftp://")) and url not in shown:
                out.append(f" <{url}>")
            url = None
        else:
            out.append(item)
    return out


def _paragraphs(elem: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """Every w:p in document order, through tables and content controls (not into a paragraph)."""
    for child in elem:
        if child.tag == P:
            yield child
        elif child.tag != W + "sectPr":
            yield from _paragraphs(child)


def _read_notes(archive: zipfile.ZipFile, kind: str) -> tuple[dict[str, str], UnreadablePart | None]:
    """Note id -> text for word/footnotes.xml or word/endnotes.xml."""
    name = f"word/{kind}s.xml"
    try:
        data = _read_part(archive, name)
        if data is None:
            return {}, None
        root = _parse(data, name)
    except _PartError as exc:
        return {}, UnreadablePart(what=name, reason=str(exc).removeprefix(f"{name} "), line=1)
    links = _relationships(archive, name)
    notes: dict[str, str] = {}
    for note in root.iter(W + kind):
        note_id = note.get(W_ID, "")
        if note.get(W_TYPE) in _SEPARATOR_TYPES or note_id in ("-1", "0"):
            continue
        parts: list[str] = []
        for paragraph in _paragraphs(note):
            raw: list = []
            _inline(paragraph, raw, links, None)
            parts.append("".join(p for p in _resolve_fields(_merge_italics(raw)) if isinstance(p, str)))
        notes[note_id] = " ".join(" ".join(parts).split())
    return notes, None


def _read_lists(archive: zipfile.ZipFile) -> ListNumbering:
    """List numbering; without a readable numbering part, items are read without their numbers."""
    try:
        data = _read_part(archive, "word/numbering.xml")
        return read_numbering(_parse(data, "word/numbering.xml") if data else None)
    except _PartError:
        return read_numbering(None)


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise UnreadableInput(f"{name}: the Word file is damaged (not a complete .docx archive)") from exc


def read_docx(path: str, data: bytes, sha256: str) -> Document:
    archive = _open(data, path)
    try:
        main = _read_part(archive, "word/document.xml")
        if main is None:
            raise UnreadableInput(f"{path}: not a Word document (the archive has no word/document.xml)")
        root = _parse(main, "word/document.xml")
    except _PartError as exc:
        raise UnreadableInput(f"{path}: the Word file is damaged: {exc}") from exc
    links = _relationships(archive, "word/document.xml")
    lists = _read_lists(archive)
    numbering = _Numbering()
    body_elem = root.find(W + "body")
    raw_paragraphs: list[list] = []
    for paragraph in _paragraphs(body_elem if body_elem is not None else root):
        raw: list = []
        item = paragraph_list(paragraph)
        label = lists.label(*item) if item is not None else None
        if label:
            raw.append(f"{label} ")
        _inline(paragraph, raw, links, numbering)
        raw_paragraphs.append(_resolve_fields(_merge_italics(raw)))
    footnotes, foot_problem = _read_notes(archive, "footnote") if numbering.footnotes else ({}, None)
    endnotes, end_problem = _read_notes(archive, "endnote") if numbering.endnotes else ({}, None)
    problems = [p for p in (foot_problem, end_problem) if p is not None]
    both = bool(numbering.footnotes and numbering.endnotes)
    offset = len(numbering.footnotes) if both else 0

    def note_mark(kind: str, note_id: str) -> NoteMark:
        if kind == "footnote":
            number = numbering.footnotes[note_id]
            return NoteMark(str(number), number, hinted=foot_problem is None)
        k = numbering.endnotes[note_id]
        return NoteMark(roman(k) if both else str(k), offset + k, hinted=end_problem is None)

    body: list[list[Piece]] = [[note_mark(*p) if isinstance(p, tuple) else p for p in para]
                               for para in raw_paragraphs]
    notes: list[NoteText] = []
    for kind, table, texts in (("footnote", numbering.footnotes, footnotes), ("endnote", numbering.endnotes, endnotes)):
        for note_id in table:
            if note_id in texts:
                mark = note_mark(kind, note_id)
                notes.append(NoteText(mark.number, mark.label, (texts[note_id],)))
    # Without Word notes, notes typed by hand (superscript digits, a "Notes" list) are left to the extractor.
    return assemble_document(path=path, fmt="docx", sha256=sha256, body=body, notes=notes, unreadable=problems,
                             structured_notes=bool(numbering.footnotes or numbering.endnotes))
