"""HTML: visible text one paragraph per line, footnotes as hints, Distill's `<d-cite>` as key citations.

The only module that imports bs4. Notes are found the way readers follow them: a link inside `<sup>`
(or marked `footnote-ref`/`doc-noteref`) whose `#target` is the note, which covers Pandoc, Hugo,
WordPress, Word's HTML export and Wikipedia's `cite_note`s alike; Distill's `<d-footnote>` holds its note
inline. Note targets leave the body; navigation, scripts, styles and site boilerplate are dropped. External
links keep their address as `text <url>`, so archive links and "Retrieved ..." dates reach the URL stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from audit.ingest.assemble import KeyMark, NoteMark, NoteText, Piece, assemble_document
from audit.ingest.bibtex_doc import append_references, read_bib_file, split_bibtex
from audit.ingest.latex_doc import find_bib_file
from audit.ingest.patterns import BRACKETED_LABEL, DIGITS, NAV_CLASS, NOTE_REF_ID
from audit.ingest.plain_text import index_lines
from audit.models import Document, SourceEntry, UnreadablePart
from audit.textnorm import TO_SUPERSCRIPT

_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "form", "button",
                           "svg", "iframe", "object", "select", "input", "textarea", "head", "title", "meta",
                           "link", "d-front-matter", "d-byline", "d-toc"})
_BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td",
                         "th", "dd", "dt", "figcaption", "section", "article", "main", "table", "ul", "ol", "dl",
                         "figure", "address", "caption", "hr", "aside", "d-article", "d-title", "d-appendix",
                         "body", "center", "details", "summary"})
# Back-links inside notes ("↩", "^ a b") are navigation, not note text.
# Notes written where they are referenced: Distill's <d-footnote>, Tufte CSS sidenotes, inline asides.
_INLINE_NOTE_CLASSES = frozenset({"sidenote", "footnote"})
_BACK_ARROWS = frozenset({"↩", "↩︎", "↩️", "↑", "^", "⤴"})
_BACKLINK_CLASSES = ("footnote-back", "footnote-backref", "mw-cite-backlink", "reversefootnote", "fn-back")


@dataclass
class _Walk:
    """What one pass over the tree found (internal, mutable while walking)."""

    marks: dict[int, NoteMark]  # id(anchor) -> mark
    ref_ids: frozenset[str] = frozenset()  # ids of the references in the text: links to them are back-links
    next_inline: int = 1  # number of the next Distill <d-footnote>
    paragraphs: list[list[Piece]] = field(default_factory=list)
    current: list[Piece] = field(default_factory=list)
    inline_notes: list[NoteText] = field(default_factory=list)

    def add(self, piece: Piece) -> None:
        self.current.append(piece)

    def breakline(self) -> None:
        if self.current:
            self.paragraphs.append(self.current)
            self.current = []

    def finish(self) -> list[list[Piece]]:
        self.breakline()
        return self.paragraphs


def _classes(tag: Tag) -> str:
    value = tag.get("class") or []
    return " ".join(value) if isinstance(value, list) else str(value)


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in ("header", "footer") and tag.find_parent(("article", "d-article")) is not None:
        return False  # an article's own header holds its title, byline and date
    if tag.name in _DROPPED_TAGS:
        return True
    if tag.get("role") in ("navigation", "banner", "contentinfo", "search"):
        return True
    if tag.get("aria-hidden") == "true" or tag.get("hidden") is not None:
        return True
    return bool(NAV_CLASS.search(_classes(tag)) or NAV_CLASS.search(str(tag.get("id") or "")))


def _is_backlink(tag: Tag, ref_ids: frozenset[str] = frozenset()) -> bool:
    if tag.name not in ("a", "span", "sup"):
        return False
    if tag.name == "a" and (str(tag.get("href") or "").removeprefix("#") in ref_ids
                            or tag.get_text(strip=True) in _BACK_ARROWS):
        return True
    classes = _classes(tag)
    if any(name in classes for name in _BACKLINK_CLASSES):
        return True
    href = str(tag.get("href") or "")
    return tag.name == "a" and href.startswith("#") and bool(NOTE_REF_ID.search(href))


def _note_anchor(anchor: Tag, ids: dict[str, Tag]) -> Tag | None:
    """The note a footnote-reference link points to, or None for any other internal link."""
    href = str(anchor.get("href") or "")
    if not href.startswith("#") or len(href) < 2 or _is_backlink(anchor):
        return None
    in_sup = anchor.find_parent("sup") is not None or anchor.find("sup") is not None
    marked = "footnote" in _classes(anchor) or anchor.get("role") == "doc-noteref"
    if not (in_sup or marked):
        return None
    target = ids.get(href[1:])
    if not isinstance(target, Tag) or target.name in ("sup", "a") or anchor in target.descendants:
        return None
    return target


def _printed_label(anchor: Tag) -> str:
    text = anchor.get_text(" ", strip=True)
    match = BRACKETED_LABEL.match(text)
    return match.group("label") if match else text or "?"


def _reference_ids(anchor: Tag) -> set[str]:
    """The ids a note's back-link may point to: the reference link's and its <sup>'s."""
    found = {str(anchor.get("id") or "")}
    parent = anchor.find_parent("sup")
    if parent is not None:
        found.add(str(parent.get("id") or ""))
    return found - {""}


def _find_notes(soup: BeautifulSoup) -> tuple[dict[int, NoteMark], list[tuple[Tag, NoteMark]], frozenset[str]]:
    """Marks for every note-reference link, each note target with its mark in reference order, and the ids
    of the reference links."""
    found: list[tuple[Tag, Tag, str]] = []
    ids: dict[str, Tag] = {}
    for tag in soup.find_all(id=True):
        ids.setdefault(str(tag["id"]), tag)
    for anchor in soup.find_all("a", href=True):
        target = _note_anchor(anchor, ids)
        if target is not None:
            found.append((anchor, target, _printed_label(anchor)))
    numeric = [int(label) for _, _, label in found if DIGITS.match(label)]
    next_free = max(numeric, default=0) + 1
    by_target: dict[int, NoteMark] = {}
    marks: dict[int, NoteMark] = {}
    targets: list[tuple[Tag, NoteMark]] = []
    for anchor, target, label in found:
        known = by_target.get(id(target))
        if known is not None:
            marks[id(anchor)] = NoteMark(known.label, known.number, hinted=False)
            continue
        if DIGITS.match(label):
            number = int(label)
        else:
            number, next_free = next_free, next_free + 1
        mark = NoteMark(label, number)
        by_target[id(target)] = mark
        marks[id(anchor)] = mark
        targets.append((target, mark))
    ref_ids = frozenset(i for anchor, _, _ in found for i in _reference_ids(anchor))
    return marks, targets, ref_ids


def _own_text(tag: Tag) -> str | None:
    """The tag's text when it holds exactly one string (bs4's `.string` recurses, and deep pages are real)."""
    if len(tag.contents) == 1 and isinstance(tag.contents[0], NavigableString) \
            and not isinstance(tag.contents[0], Comment):
        return str(tag.contents[0])
    return None


def _walk(root: Tag, walk: _Walk, *, in_note: bool = False) -> None:
    """Visit the tree in document order with an explicit stack: old HTML nests unclosed tags thousands deep."""
    stack: list[tuple[object, bool]] = [(child, False) for child in reversed(root.contents)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            _leave(node, walk, in_note=in_note)  # type: ignore[arg-type]
            continue
        if isinstance(node, Comment | Doctype | ProcessingInstruction):
            continue
        if isinstance(node, NavigableString):
            walk.add(str(node))
            continue
        if not isinstance(node, Tag) or _is_boilerplate(node) or (in_note and _is_backlink(node, walk.ref_ids)):
            continue
        if _enter(node, walk, in_note=in_note):
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))


def _enter(tag: Tag, walk: _Walk, *, in_note: bool) -> bool:
    """Handle a tag on the way in; True when its children are to be walked."""
    mark = walk.marks.get(id(tag))
    if mark is not None:
        walk.add(mark)
        return False
    if tag.name == "d-cite":
        keys = tuple(k.strip() for k in str(tag.get("key") or "").split(",") if k.strip())
        if keys:
            walk.add(KeyMark(keys, "d-cite"))
        return False
    if (tag.name == "d-footnote" or (tag.name in ("span", "aside") and _INLINE_NOTE_CLASSES & set(
            _classes(tag).split()))) and not in_note:
        number = walk.next_inline
        walk.next_inline += 1
        note_walk = _Walk(marks=walk.marks, ref_ids=walk.ref_ids)
        _walk(tag, note_walk, in_note=True)
        pieces = [p for para in note_walk.finish() for p in [*para, " "]]
        walk.inline_notes.append(NoteText(number, str(number), tuple(pieces)))
        walk.add(NoteMark(str(number), number))
        return False
    if tag.name == "br":
        walk.add(" ")
        return False
    text = _own_text(tag)
    if tag.name == "sup" and text is not None and DIGITS.match(text.strip()):
        # A bare <sup>3</sup> with no link: kept as ³ so the text extractor can pair it with a typed notes list.
        walk.add(text.strip().translate(TO_SUPERSCRIPT))
        return False
    if tag.name in ("i", "em") and text is not None and text.strip():
        # Italics mark titles for the reference parser, as in the Markdown and LaTeX readers.
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        walk.add(f"{lead}*{text.strip()}*{trail}")
        return False
    if tag.name in _BLOCK_TAGS and not in_note:
        walk.breakline()
    if tag.name == "li" and not in_note and isinstance(tag.parent, Tag) and tag.parent.name == "ol":
        walk.add(f"{_list_number(tag)}. ")  # numbered as the browser shows it: endnote lists keep their numbers
    return True


def _leave(tag: Tag, walk: _Walk, *, in_note: bool) -> None:
    if tag.name == "a":
        href = str(tag.get("href") or "").strip()
        if href.startswith(("http://", "https://", "ftp://")) and tag.get_text(strip=True) != href:
            walk.add(f" <{href}>")
    if tag.name in _BLOCK_TAGS:
        if in_note:
            walk.add(" ")
        else:
            walk.breakline()


def _list_number(item: Tag) -> int:
    if str(item.get("value") or "").isdigit():
        return int(str(item["value"]))
    parent = item.parent
    start = int(str(parent.get("start"))) if parent is not None and str(parent.get("start") or "").isdigit() else 1
    number = start
    for sibling in item.find_previous_siblings("li"):
        if str(sibling.get("value") or "").isdigit():
            return int(str(sibling["value"])) + number - start + 1
        number += 1
    return number


def _note_pieces(target: Tag, marks: dict[int, NoteMark], ref_ids: frozenset[str]) -> tuple[Piece, ...]:
    walk = _Walk(marks=marks, ref_ids=ref_ids)
    _walk(target, walk, in_note=True)
    return tuple(p for para in walk.finish() for p in [*para, " "])


def _distill_bibliography(soup: BeautifulSoup, path: str) -> tuple[list[SourceEntry], list[UnreadablePart],
                                                                     list[str]]:
    entries: list[SourceEntry] = []
    problems: list[UnreadablePart] = []
    sources: list[str] = []
    for script in soup.find_all("script", type="text/bibliography"):
        found, bad = split_bibtex(script.get_text(), path)
        entries.extend(found)
        problems.extend(bad)
    for tag in soup.find_all("d-bibliography"):
        src = str(tag.get("src") or "").strip()
        if not src or "://" in src:
            continue
        bib_path = find_bib_file(Path(path), src)
        try:
            bib = read_bib_file(bib_path.read_bytes(), str(bib_path))
        except OSError as exc:
            problems.append(UnreadablePart(what=f"bibliography file '{src}'",
                                           reason=f"cannot be read ({exc.strerror or exc})", line=1,
                                           source=str(bib_path)))
            continue
        entries.extend(bib.entries)
        problems.extend(bib.unreadable)
        sources.append(str(bib_path))
    return entries, problems, sources


def read_html(path: str, text: str, sha256: str, encoding: str) -> Document:
    soup = BeautifulSoup(text, "html.parser")
    entries, problems, sources = _distill_bibliography(soup, path)
    marks, targets, ref_ids = _find_notes(soup)
    notes = [NoteText(mark.number, mark.label, _note_pieces(target, marks, ref_ids)) for target, mark in targets]
    for target, _ in targets:
        target.extract()  # the notes leave the body; their lists and headings may stay, empty
    root = soup.body or soup
    walk = _Walk(marks=marks, ref_ids=ref_ids, next_inline=max((m.number for _, m in targets), default=0) + 1)
    _walk(root, walk)
    body = walk.finish()
    notes.extend(walk.inline_notes)
    doc = assemble_document(path=path, fmt="html", sha256=sha256, body=body, notes=notes, encoding=encoding,
                            unreadable=problems)
    if not entries:
        return doc
    return _with_references(doc, entries, sources)


def _with_references(doc: Document, entries: list[SourceEntry], sources: list[str]) -> Document:
    """Distill renders its bibliography with JavaScript: lay the entries out after the notes instead."""
    text, placed = append_references(doc.text, entries)
    blanked = {h.span.line for h in doc.note_hints}
    lines = tuple(replace(ln, text="") if ln.number in blanked else ln for ln in index_lines(text))
    return replace(doc, text=text, lines=lines, bib_entries=tuple(placed), bib_sources=tuple(sources))
