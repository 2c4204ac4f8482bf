""".bib files: a tolerant splitter that never gives up on the whole file.

Each entry is cut out between one `@type{` line start and the next, and read on its own (like
bibtexparser's splitter keeping `ParsingFailedBlock`s): an entry with unbalanced braces, a missing
closing brace or bytes that are not UTF-8 becomes an `UnreadablePart` with its line number, and the
others are still read. pybtex is not used here (it lives in `audit/bibtex_export.py` alone) because it
stops at the first bad entry.

A .bib given on its own becomes a Document whose text is a synthetic "References" heading followed by
one paragraph per entry, so the ordinary bibliography extractor finds them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from audit.dates import ENGLISH_ABBREVIATIONS, MONTH_NAMES
from audit.errors import UnreadableInput
from audit.ingest.latex_text import latex_to_text
from audit.ingest.patterns import (
    BIB_BARE_VALUE,
    BIB_BRACE,
    BIB_CONCAT,
    BIB_ENTRY_START,
    BIB_FIELD_NAME,
    BIB_TRAILING,
    UNDECODED_BYTE,
)
from audit.ingest.plain_text import index_lines
from audit.models import Document, SourceEntry, UnreadablePart

# BibTeX's predefined month macros: `month = sep` is "September" (jan … dec, the first English abbreviations).
MONTHS = {shorts[0].lower(): name for name, shorts in zip(MONTH_NAMES, ENGLISH_ABBREVIATIONS, strict=True)}
_SKIPPED_TYPES = frozenset({"comment", "preamble"})
REFERENCES_HEADING = "References"


class _EntryError(Exception):
    """One entry cannot be read; caught per entry and turned into an UnreadablePart."""


@dataclass(frozen=True, slots=True)
class BibFile:
    entries: tuple[SourceEntry, ...]
    unreadable: tuple[UnreadablePart, ...]
    encoding: str


def decode_bib(data: bytes) -> tuple[str, str]:
    """Text with undecodable bytes kept as surrogates (found per entry later), and the encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    if any(ord(ch) > 0x7F and not 0xDC80 <= ord(ch) <= 0xDCFF for ch in text):
        return text, "utf-8"  # real UTF-8 elsewhere: only the entries with bad bytes are unreadable
    # No UTF-8 at all: an old Latin-1/Windows file, read whole (the pipeline reports the encoding).
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _entry_end(text: str, open_at: int, closer: str, stop: int) -> int | None:
    """Offset just past the entry's closing delimiter, or None when it does not close before `stop`."""
    depth = 1
    if closer == ")":
        depth = 0
        for pos in range(open_at + 1, stop):
            ch = text[pos]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == ")" and depth == 0:
                return pos + 1
        return None
    for match in BIB_BRACE.finditer(text, open_at + 1, stop):
        depth += 1 if match.group() == "{" else -1
        if depth == 0:
            return match.end()
    return None


def _braced(text: str, pos: int) -> tuple[str, int]:
    depth = 0
    for match in BIB_BRACE.finditer(text, pos):
        depth += 1 if match.group() == "{" else -1
        if depth == 0:
            return text[pos + 1:match.start()], match.end()
    raise _EntryError("unbalanced braces in a field value")


def _quoted(text: str, pos: int) -> tuple[str, int]:
    depth, i = 0, pos + 1
    while i < len(text):
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            return text[pos + 1:i], i + 1
        i += 1
    raise _EntryError("a quoted field value is not closed")


def _value(body: str, pos: int, macros: dict[str, str]) -> tuple[str, int]:
    parts: list[str] = []
    while True:
        if pos >= len(body):
            raise _EntryError("a field has no value")
        ch = body[pos]
        if ch == "{":
            part, pos = _braced(body, pos)
        elif ch == '"':
            part, pos = _quoted(body, pos)
        else:
            match = BIB_BARE_VALUE.match(body, pos)
            if not match:
                raise _EntryError(f"unexpected '{ch}' where a field value should be")
            word = match.group()
            part = macros.get(word.lower(), MONTHS.get(word.lower(), word))
            pos = match.end()
        parts.append(part)
        concat = BIB_CONCAT.match(body, pos)
        if concat is None:
            return "".join(parts), pos
        pos = concat.end()


def _fields(body: str, macros: dict[str, str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    pos = 0
    while True:
        pos = BIB_TRAILING.match(body, pos).end()
        if pos >= len(body):
            return fields
        match = BIB_FIELD_NAME.match(body, pos)
        if not match:
            snippet = body[pos:pos + 30].split("\n")[0]
            raise _EntryError(f"cannot read the fields near '{snippet}'")
        value, pos = _value(body, match.end(), macros)
        fields.setdefault(match.group("name").lower(), value.strip())


def _closes_early(tail: str) -> bool:
    """Fields or a stray brace right after the closing brace: the entry was closed too soon."""
    rest = tail.strip()
    return bool(rest) and (rest[0] in ",}" or BIB_FIELD_NAME.match(rest) is not None and "=" in rest.split("\n")[0])


def _parse_entry(kind: str, inner: str, macros: dict[str, str]) -> tuple[str, dict[str, str]]:
    if kind == "string":
        return "", _fields(inner, macros)
    key, comma, rest = inner.partition(",")
    key = key.strip()
    if not key or any(ch.isspace() or ch in "{}=\"" for ch in key):
        raise _EntryError("the entry has no readable key")
    return key, _fields(rest, macros) if comma else {}


def split_bibtex(text: str, source: str, *, first_line: int = 1) -> tuple[
        list[SourceEntry], list[UnreadablePart]]:
    """Every readable entry of a .bib text, and an UnreadablePart for each entry that is not."""
    entries: list[SourceEntry] = []
    problems: list[UnreadablePart] = []
    macros: dict[str, str] = {}
    starts = list(BIB_ENTRY_START.finditer(text))
    line = first_line
    counted_to = 0
    for i, match in enumerate(starts):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        kind = match.group("type").lower()
        if kind in _SKIPPED_TYPES:
            continue
        stop = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        open_at = match.end() - 1
        closer = "}" if match.group("open") == "{" else ")"
        end = _entry_end(text, open_at, closer, stop)
        raw = text[match.start():end if end is not None else stop].rstrip()
        label = f"BibTeX entry at line {line}"
        key_guess = raw[match.end() - match.start():].split(",", 1)[0].strip()
        if key_guess and len(key_guess) < 80 and "\n" not in key_guess:
            label = f"BibTeX entry '{key_guess}'"
        try:
            if UNDECODED_BYTE.search(raw):  # a regex: a character loop here cost seconds on 50,000 entries
                raise _EntryError("it holds bytes that are not valid UTF-8")
            if end is None:
                raise _EntryError("missing closing brace (the entry runs into the next one)" if i + 1 < len(starts)
                                  else "missing closing brace at the end of the file")
            if _closes_early(text[end:stop]):
                raise _EntryError("an extra closing brace ends the entry early")
            key, fields = _parse_entry(kind, text[open_at + 1:end - 1], macros)
        except _EntryError as error:
            problems.append(UnreadablePart(what=label, reason=str(error), line=line, source=source,
                                           source_line=line))
            continue
        if kind == "string":
            macros.update(fields)
            continue
        entries.append(SourceEntry(key=key, type=kind, fields=fields, raw=raw, line=0, source=source,
                                   source_line=line))
    return entries, problems


def read_bib_file(data: bytes, source: str) -> BibFile:
    text, encoding = decode_bib(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    entries, problems = split_bibtex(text, source)
    return BibFile(tuple(entries), tuple(problems), encoding)


def _names(value: str) -> str:
    return "; ".join(latex_to_text(name).strip() for name in value.replace("\n", " ").split(" and "))


def render_entry(entry: SourceEntry) -> str:
    """One reference paragraph from BibTeX fields, in a plain author-date layout the parser reads."""
    f = {name: latex_to_text(value) for name, value in entry.fields.items() if name not in ("author", "editor")}
    parts: list[str] = []
    if "author" in entry.fields:
        parts.append(_names(entry.fields["author"]))
    elif "editor" in entry.fields:
        parts.append(_names(entry.fields["editor"]) + " (ed.)")
    # "n.d." as citation styles print it: an undated entry still reads as a reference.
    parts.append(f"({f.get('year') or f.get('date') or 'n.d.'})")
    head = " ".join(parts)
    pieces = [head] if head else []
    if "title" in f:
        pieces.append(f["title"])
    container = f.get("journal") or f.get("journaltitle")
    if container:
        volume = f.get("volume", "") + (f"({f['number']})" if f.get("number") else "")
        pieces.append(" ".join(p for p in (container, volume) if p) + (f": {f['pages']}" if f.get("pages") else ""))
    elif f.get("booktitle"):
        with_editor = "editor" in entry.fields and "author" in entry.fields
        editors = f" ed. {_names(entry.fields['editor'])}" if with_editor else ""
        pages = f", pp. {f['pages']}" if f.get("pages") else ""
        pieces.append(f"In {f['booktitle']}{editors}{pages}")
    place = f.get("address") or f.get("location")
    publisher = f.get("publisher") or f.get("institution") or f.get("school") or f.get("organization")
    if publisher or place:
        pieces.append(": ".join(p for p in (place, publisher) if p))
    for name in ("howpublished", "note"):
        if f.get(name):
            pieces.append(f[name])
    if f.get("url"):
        pieces.append(f"<{entry.fields['url'].strip()}>")
    if f.get("urldate"):
        pieces.append(f"Accessed {f['urldate']}")
    if f.get("doi"):
        pieces.append(f"doi:{entry.fields['doi'].strip()}")
    text = ". ".join(p.strip().rstrip(".") for p in pieces if p.strip())
    return " ".join(f"{text}.".split()) if text else f"[{entry.key}]"


def append_references(text: str, entries: list[SourceEntry] | tuple[SourceEntry, ...]) -> tuple[
        str, list[SourceEntry]]:
    """`text` followed by a "References" heading and one paragraph per entry; entries get their line."""
    base = text.rstrip("\n")
    parts = [base] if base.strip() else []
    line = base.count("\n") + 3 if parts else 1  # heading line, after one blank line
    parts.append(REFERENCES_HEADING)
    placed: list[SourceEntry] = []
    for entry in entries:
        line += 2
        parts.append(render_entry(entry))
        placed.append(replace(entry, line=line))
    return "\n\n".join(parts) + "\n", placed


def read_bibtex_document(path: str, data: bytes, sha256: str) -> Document:
    bib = read_bib_file(data, path)
    if not bib.entries and not bib.unreadable:
        raise UnreadableInput(f"{path}: no BibTeX entries found")
    text, placed = append_references("", bib.entries)
    return Document(path=path, format="bibtex", text=text, sha256=sha256, lines=index_lines(text),
                    encoding=bib.encoding, bib_entries=tuple(placed), bib_sources=(path,),
                    parts_unreadable=bib.unreadable)
