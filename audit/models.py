"""Frozen records for everything citeaudit extracts or derives.

Every record keeps where it came from (a `Span` into the text as read, with a
1-based line number) and its raw text; later stages use `dataclasses.replace`,
never mutation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocumentFormat = Literal["text", "markdown", "html", "docx", "latex", "bibtex", "pdf"]

CitationKind = Literal[
    "full", "short", "ibid", "op-cit", "loc-cit", "id", "supra", "infra", "cross-ref", "key", "unknown"
]

# The contract's field names; name fields hold a tuple of names as written, the others a string.
FIELD_NAMES: tuple[str, ...] = (
    "author", "editor", "translator", "title", "container-title", "collection-title", "volume", "issue",
    "edition", "date", "pages", "location", "publisher", "genre", "url", "accessed", "doi", "isbn", "note",
)
NAME_FIELDS: frozenset[str] = frozenset({"author", "editor", "translator"})
REFERENCE_TYPES: tuple[str, ...] = (
    "article", "chapter", "book", "report", "thesis", "webpage", "news", "interview", "speech", "legal", "other",
)

Fields = dict[str, "str | tuple[str, ...]"]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into `Document.text`, and the 1-based line of `start`."""

    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first character in Document.text
    text: str  # without the line break


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """A physical line of a paged input (PDF) as printed: its indent and the space above it (in the body
    text's font sizes, -1 for the first line of a page or column), its font size relative to the body
    text's, and the stretch of `Document.text` it became (`span.line` is the document line holding it)."""

    page: int
    indent: float
    gap: float
    size: float
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class NoteHint:
    """A note that a structured format (Markdown definitions, HTML, DOCX) gives directly."""

    number: int
    label: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class MarkerHint:
    label: str
    number: int
    span: Span


@dataclass(frozen=True, slots=True)
class KeyCite:
    """A citation by bibliography key: `\\cite[p.~12]{key}`, `[see @key, p. 12]`, `<d-cite key="a,b">`.

    `note` is the number of the note it sits in (a `\\footcite` or a cite inside `\\footnote{}`), or None
    in the body. `span` covers the citation as it appears in `Document.text`.
    """

    keys: tuple[str, ...]
    span: Span
    command: str  # "cite", "parencite", "footcite", "pandoc", "d-cite", ...
    prefix: str | None = None  # "see" in `[see @key]` / `\\cite[see][]{key}`
    suffix: str | None = None  # "p. 12" / "chap. 3" as written
    pinpoint: str | None = None  # "12" when the suffix is a page reference
    note: int | None = None


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """A bibliography entry the format gives with a key: a BibTeX entry or a LaTeX `\\bibitem`."""

    key: str
    type: str  # BibTeX entry type in lower case ("article"), or "bibitem"
    fields: dict[str, str]  # BibTeX field names in lower case -> value with outer braces/quotes removed
    raw: str
    line: int  # line of its paragraph in Document.text (0 when not shown there)
    source: str = ""  # the file it was read from (.bib path, or the document itself)
    source_line: int = 0  # 1-based line in that file


@dataclass(frozen=True, slots=True)
class UnreadablePart:
    """A part of the input that could not be read; the rest of the document still is."""

    what: str  # "BibTeX entry 'smith2004'", "word/footnotes.xml", "page 7"
    reason: str  # "missing closing brace", "not valid UTF-8"
    line: int  # 1-based line in `Document.text` nearest to the part (1 when there is none)
    source: str = ""  # file the part is in, when not the document itself
    source_line: int = 0  # 1-based line in `source`


@dataclass(frozen=True, slots=True)
class Document:
    """A document as read: its text, its lines, and any notes its format marks up explicitly.

    Plain-text formats leave the hints empty and the extractors find notes from the text.
    Structured formats fill `note_hints`/`marker_hints` and blank the note definitions out of
    `lines` so that body-text stages never see them.
    """

    path: str
    format: DocumentFormat
    text: str
    sha256: str
    lines: tuple[Line, ...]
    note_hints: tuple[NoteHint, ...] = ()
    marker_hints: tuple[MarkerHint, ...] = ()
    encoding: str = "utf-8"
    structured_notes: bool = False  # True when the format itself says where notes are
    key_citations: tuple[KeyCite, ...] = ()  # citations by key, in document order
    bib_entries: tuple[SourceEntry, ...] = ()  # keyed entries (.bib file, \\bibitem), in source order
    bib_sources: tuple[str, ...] = ()  # .bib files read for this document
    parts_unreadable: tuple[UnreadablePart, ...] = ()
    # (offset, page): where text printed on a page starts, in offset order, for paged inputs (PDF); PDF text
    # with form feeds needs none (its pages are counted from the form feeds)
    page_starts: tuple[tuple[int, int], ...] = ()
    # a paged input's body lines as printed, in reading order (PDF): what the line models read
    layout_lines: tuple[LayoutLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Marker:
    """A note marker in the body (¹, [12], ^12, <sup>12</sup>, [^label])."""

    number: int
    label: str
    style: str
    span: Span


@dataclass(frozen=True, slots=True)
class Note:
    number: int
    label: str
    text: str
    span: Span  # span.line is the note's first line
    style: str


@dataclass(frozen=True, slots=True)
class SourceLine:
    """A figure or table 'Source: ...' line: body text, but a citation site."""

    text: str  # the part after "Source:"
    raw: str
    span: Span


@dataclass(frozen=True, slots=True)
class BibEntry:
    index: int  # 1-based, in document order
    section: str | None
    text: str
    span: Span
    label: str | None = None  # "[12]" or "12." in numbered lists
    repeats_author: bool = False  # starts with "———." (same author as the previous entry)


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """What the reference parser makes of one reference string."""

    type: str
    fields: Fields = field(default_factory=dict)
    pinpoint: str | None = None  # "84" for "p. 84" in a note citation; None in bibliography entries


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation: in a note (id n<note>.<k>) or in the body (id b.<k>)."""

    id: str
    kind: CitationKind
    text: str
    span: Span
    note: int | None  # note number, or None in the body
    fields: Fields = field(default_factory=dict)
    type: str = "other"
    pinpoint: str | None = None
    key: str | None = None
    work: str | None = None
    antecedent: str | None = None
    form: str | None = None  # "author-date" or "numeric" for body citations that point at the reference list


@dataclass(frozen=True, slots=True)
class Work:
    id: str  # w<k>
    key: str
    type: str
    fields: Fields
    citations: tuple[str, ...]
    bibliography: tuple[int, ...]
