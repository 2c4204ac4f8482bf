"""From the readers' keyed records to the pipeline's records: for the pipeline to call, not for readers.

- `add_key_citations()`: `\\cite{key}`, `[@key]`, `<d-cite key>` become citations of kind "key" (one per
  key, fields from the BibTeX entry when there is one), and note segments holding a key citation's
  printed form ("citing [doe2010, p. 3]") are dropped so nothing is counted twice.
- `keyed_bibliography()`: the bibliography as the format gave it (one entry per .bib entry or
  `\\bibitem`), instead of finding it again in the text.
- `bibtex_reference()` / `keyed_entry_fields()`: BibTeX fields under the contract's field names, so keyed
  entries need no parsing (a 50,000-entry .bib is not sent through the reference parser).
- `entry_keys()`: the key of each bibliography entry, and the notes that cite it.
- `link_key_citations()`: key citations joined to the work of the entry with their key, after clustering,
  so the work-based rules (uncited-entry, variants) and `cited_by` count them like any other citation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from audit.extract.bibliography import Bibliography
from audit.extract.blocks import join_lines
from audit.ingest.bibtex_doc import REFERENCES_HEADING
from audit.ingest.latex_text import latex_to_text
from audit.ingest.patterns import BRACKET_GROUP, PANDOC_KEY
from audit.models import BibEntry, Citation, Document, Fields, KeyCite, ParsedReference, SourceEntry, Span, Work

_TYPES = {"article": "article", "book": "book", "inbook": "chapter", "incollection": "chapter",
          "inproceedings": "chapter", "conference": "chapter", "techreport": "report", "report": "report",
          "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis", "online": "webpage",
          "electronic": "webpage", "www": "webpage", "jurisdiction": "legal", "legislation": "legal",
          "newspaper": "news"}
# BibTeX/biblatex field -> contract field (name fields handled apart)
_FIELDS = {"title": "title", "journal": "container-title", "journaltitle": "container-title",
           "booktitle": "container-title", "series": "collection-title", "volume": "volume", "number": "issue",
           "issue": "issue", "edition": "edition", "year": "date", "date": "date", "pages": "pages",
           "address": "location", "location": "location", "publisher": "publisher", "institution": "publisher",
           "school": "publisher", "organization": "publisher", "type": "genre", "url": "url", "urldate": "accessed",
           "doi": "doi", "isbn": "isbn", "note": "note", "howpublished": "note"}
_VERBATIM = frozenset({"url", "doi"})
_FIELD_RANK = {source: rank for rank, source in enumerate(_FIELDS)}


def bibtex_reference(entry: SourceEntry) -> ParsedReference:
    fields: Fields = {}
    for name in ("author", "editor", "translator"):
        if name in entry.fields:
            fields[name] = tuple(latex_to_text(n) for n in entry.fields[name].replace("\n", " ").split(" and ")
                                 if n.strip())
    # The entry's own fields in _FIELDS order (the first source of a target wins), not all of _FIELDS per entry.
    for source in sorted((name for name in entry.fields if name in _FIELD_RANK), key=_FIELD_RANK.__getitem__):
        value, target = entry.fields[source].strip(), _FIELDS[source]
        if value and target not in fields:
            fields[target] = value if source in _VERBATIM else latex_to_text(value)
    kind = _TYPES.get(entry.type, "webpage" if entry.type == "misc" and "url" in entry.fields else "other")
    return ParsedReference(kind, fields)


def keyed_entry_fields(doc: Document, entries: Iterable[BibEntry]) -> dict[int, ParsedReference]:
    """Entry index -> its BibTeX fields, for entries laid out from a .bib (not for \\bibitem text)."""
    at_line = {e.line: e for e in doc.bib_entries if e.line > 0 and e.type != "bibitem"}
    return {entry.index: bibtex_reference(at_line[entry.span.line]) for entry in entries if entry.span.line in at_line}


def _entries_by_key(doc: Document) -> dict[str, SourceEntry]:
    found: dict[str, SourceEntry] = {}
    for entry in doc.bib_entries:
        found.setdefault(entry.key, entry)
    return found


def _holds_key_form(text: str, keys: set[str]) -> bool:
    """True when a note segment holds a key citation as printed ("[doe2010, p. 3]", "[@doe2010]", "@doe2010"):
    the key citation stands for it, and the words around it are commentary."""
    if any(any(k in m.group() for k in keys) for m in BRACKET_GROUP.finditer(text)):
        return True
    return any(m.group("key") in keys for m in PANDOC_KEY.finditer(text))


def _key_citation(cite: KeyCite, key: str, ident: str, entries: dict[str, SourceEntry]) -> Citation:
    entry = entries.get(key)
    reference = bibtex_reference(entry) if entry is not None and entry.type != "bibitem" else None
    return Citation(id=ident, kind="key", text=key, span=cite.span, note=cite.note,
                    fields=reference.fields if reference else {}, type=reference.type if reference else "other",
                    pinpoint=cite.pinpoint, key=key)


def add_key_citations(doc: Document, citations: Sequence[Citation]) -> list[Citation]:
    """`citations` (note citations, then body ones) with the document's key citations added, ids renumbered
    in each note (`n<note>.<k>`) and in the body (`b.<k>`). `\\nocite` keys are not citations."""
    cites = [c for c in doc.key_citations if c.command != "nocite"]
    if not cites:
        return list(citations)
    entries = _entries_by_key(doc)
    keys_in_note: dict[int | None, set[str]] = {}
    for cite in cites:
        keys_in_note.setdefault(cite.note, set()).update(cite.keys)
    by_note: dict[int | None, list[Citation]] = {}
    for citation in citations:
        keys = keys_in_note.get(citation.note, set())
        if citation.note is not None and keys and _holds_key_form(citation.text, keys):
            continue
        by_note.setdefault(citation.note, []).append(citation)
    for cite in cites:
        for key in cite.keys:
            by_note.setdefault(cite.note, []).append(_key_citation(cite, key, "", entries))
    out: list[Citation] = []
    for note in sorted(n for n in by_note if n is not None):
        out.extend(replace(c, id=f"n{note}.{k}") for k, c in enumerate(by_note[note], start=1))
    out.extend(replace(c, id=f"b.{k}") for k, c in enumerate(by_note.get(None, []), start=1))
    return out


def keyed_bibliography(doc: Document) -> Bibliography | None:
    """One entry per keyed entry shown in the text, or None when the format gave no keyed entries."""
    shown = [e for e in doc.bib_entries if e.line > 0]
    if not shown:
        return None
    entries = []
    end_line = 0
    starts = {e.line for e in shown}
    for index, entry in enumerate(shown, start=1):
        # an entry runs to the next entry or the next blank line (a \bibitem may wrap over several lines)
        lines = [doc.lines[entry.line - 1]]
        for n in range(entry.line, len(doc.lines)):  # by index: slicing the rest would copy it per entry
            line = doc.lines[n]
            if not line.text.strip() or line.number in starts:
                break
            lines.append(line)
        first, last = lines[0], lines[-1]
        end_line = max(end_line, last.number)
        start = first.start + len(first.text) - len(first.text.lstrip())
        end = last.start + len(last.text.rstrip())
        entries.append(BibEntry(index=index, section=None, text=join_lines(ln.text for ln in lines),
                                span=Span(start, end, entry.line)))
    heading_line = max((ln.number for ln in doc.lines[:shown[0].line - 1]
                        if ln.text.strip() == REFERENCES_HEADING), default=shown[0].line)
    return Bibliography(heading=REFERENCES_HEADING, heading_line=heading_line,
                        end_line=end_line, sections=(), entries=tuple(entries))


def entry_keys(doc: Document, entries: Iterable[BibEntry]) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Entry index -> (key, numbers of the notes citing that key), for entries the format gave a key."""
    key_at_line = {e.line: e.key for e in doc.bib_entries if e.line > 0}
    citing: dict[str, set[int]] = {}
    for cite in doc.key_citations:
        if cite.note is not None:
            for key in cite.keys:
                citing.setdefault(key, set()).add(cite.note)
    out = {}
    for entry in entries:
        key = key_at_line.get(entry.span.line)
        if key is not None:
            out[entry.index] = (key, tuple(sorted(citing.get(key, ()))))
    return out


def link_key_citations(citations: Sequence[Citation], works: Sequence[Work], entry_work: dict[int, str],
                       keys: dict[int, tuple[str, tuple[int, ...]]]) -> tuple[tuple[Citation, ...], tuple[Work, ...]]:
    """Citations with each key citation's `work` set from the entry with its key (entry index -> work id in
    `entry_work`, entry index -> key in `keys` from `entry_keys`), and works listing those citations and
    named by that key. A key with no entry stays unlinked: `check_keys_not_in_bibliography` reports it."""
    work_of_key = {key: entry_work[index] for index, (key, _) in keys.items() if index in entry_work}
    linked = tuple(replace(c, work=work_of_key[c.key]) if c.kind == "key" and c.key in work_of_key else c
                   for c in citations)
    added: dict[str, list[str]] = {}
    for citation in linked:
        if citation.kind == "key" and citation.key in work_of_key and citation.work is not None:
            added.setdefault(citation.work, []).append(citation.id)
    key_of_work: dict[str, str] = {}
    for key, work_id in work_of_key.items():
        key_of_work.setdefault(work_id, key)  # the author's own key names the work (and its exported entry)
    return linked, tuple(replace(w, key=key_of_work.get(w.id, w.key),
                                 citations=w.citations + tuple(i for i in added.get(w.id, ()) if i not in w.citations))
                         for w in works)
