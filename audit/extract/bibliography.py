"""extract_bibliography(): find the bibliography, its section headings and its entries, and stop
where the bibliography ends (publisher back matter after it is not bibliography)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from audit.extract.blocks import Block, join_lines, split_blocks
from audit.extract.layout_bibliography import layout_entry, print_lines
from audit.extract.patterns import (
    AUTHOR_START,
    BACK_MATTER_HEADING,
    BIBLIOGRAPHY_HEADING,
    DOI_LIKE,
    ENDNOTES_HEADING,
    ENTRY_LABEL,
    HEADING_DECORATION,
    LIST_BULLET,
    NO_DATE,
    REPEATED_AUTHOR,
    URL_LIKE,
    YEAR,
)
from audit.models import BibEntry, Document, Line, Span
from audit.textnorm import FROM_SUPERSCRIPT

MAX_HEADING_CHARS = 70  # section headings are short ("Documents and reports", "Primary sources")
MAX_HEADING_WORDS = 8
MIN_REFERENCE_CHARS = 25  # shorter paragraphs ("1/2006") are list labels, not references
MIN_REFERENCE_SHARE = 0.5  # a section stays in the bibliography if at least half its paragraphs are references
LOOKAHEAD_PARAGRAPHS = 6  # paragraphs examined after a candidate heading
# A working-paper series list at the back: "No. 3/1993", "Nr. 12/2003", "Heft 4/1999" on most entries.
# or the series code leading the entry: "12/2003 Hans Weyer Title (June 2003)", "FS II 95-101 AUTHOR: Title".
SERIES_NUMBER = re.compile(r"\b(?:No|Nr|Heft|Band|Bd|Vol)\.?\s?\d{1,3}\s?/\s?(?:1[89]|20)?\d\d\b"
                           r"|^(?:[A-Z][A-Za-z.]{0,5}\s){0,3}\d{1,4}\s?[-/]\s?\d{1,4}\*?\s")
MIN_SERIES_ENTRIES = 4
MIN_REFERENCE_WORDS = 3  # words of three letters or more: even "Kim J, Lee K. Nature. 2010;375:1-9." has three
MIN_SERIES_SHARE = 0.6
MIN_TRAILING_SHARE = 0.67  # ... and most of its entries must look like references (a year, a URL, a DOI)
MIN_TRAILING_ENTRIES = 3  # without a heading, two reference-like paragraphs are too little to call a list
TRAILING_SLACK_LINES = 3  # a page number or a closing line may follow a reference list that ends a text
# Wrapped text: nearly all non-blank lines are short (a PDF-to-text tool's output, single or double spaced);
# text with one paragraph per line has most of its lines far longer.
MIN_WRAPPED_LINES = 40
MAX_WRAPPED_CHARS = 110
MIN_WRAPPED_SHARE = 0.75


@dataclass(frozen=True, slots=True)
class Bibliography:
    heading: str | None
    heading_line: int | None
    end_line: int | None  # last line that belongs to the bibliography
    sections: tuple[str, ...]
    entries: tuple[BibEntry, ...]
    # Each reference list as (first line, last line) when a document has several (a bibliography per
    # chapter); empty means the one list from heading_line to end_line.
    regions: tuple[tuple[int, int], ...] = ()

    def contains(self, line_number: int) -> bool:
        return any(first <= line_number <= last for first, last in self.spans())

    def spans(self) -> tuple[tuple[int, int], ...]:
        if self.regions:
            return self.regions
        if self.heading_line is None or self.end_line is None:
            return ()
        return ((self.heading_line, self.end_line),)


NO_BIBLIOGRAPHY = Bibliography(None, None, None, (), ())


def heading_title(text: str) -> str:
    if len(text) > MAX_HEADING_CHARS * 2:
        return text.strip()  # far too long for a heading: skip the (backtracking) decoration pattern
    match = HEADING_DECORATION.match(text)
    return (match.group("title") if match else text).strip().strip("*_#: ").strip()


def looks_like_heading(text: str) -> bool:
    stripped = text.strip()
    if len(stripped) > MAX_HEADING_CHARS * 2 or stripped.count(" ") > MAX_HEADING_WORDS + 2:
        return False  # cheap checks first: most lines are far too long to be headings
    title = heading_title(stripped)
    if not title or len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS:
        return False
    if title[-1] in ".,;" or title[0] in "\"“‘'([" or not (title[0].isupper() or title[0].isdigit()):
        return False
    if YEAR.search(title) or URL_LIKE.search(title) or AUTHOR_START.match(title):
        return False
    return True


def is_reference_like(text: str) -> bool:
    text = text.strip()
    if len(text) < MIN_REFERENCE_CHARS:
        return False
    return bool(YEAR.search(text) or NO_DATE.search(text) or URL_LIKE.search(text) or DOI_LIKE.search(text))


def _section_is_bibliographic(blocks: Sequence[Block]) -> bool:
    sample = [b for b in blocks if not (len(b.lines) == 1 and looks_like_heading(b.text))][:LOOKAHEAD_PARAGRAPHS]
    if not sample:
        return False
    refs = sum(1 for b in sample if is_reference_like(b.text))
    return refs >= 1 and refs / len(sample) >= MIN_REFERENCE_SHARE


def _find_heading(blocks: Sequence[Block]) -> int | None:
    """Index of the last bibliography heading followed by reference-like paragraphs."""
    chosen = None
    for i, block in enumerate(blocks):
        if (len(block.lines) != 1 or len(block.text) > MAX_HEADING_CHARS
                or not BIBLIOGRAPHY_HEADING.match(heading_title(block.text))):
            continue
        first = i + 1
        while first < len(blocks) and len(blocks[first].lines) == 1 and looks_like_heading(blocks[first].text):
            first += 1  # section headings right under the main heading
        if _section_is_bibliographic(_until_next_heading(blocks, first)):
            chosen = i
    return chosen


def _until_next_heading(blocks: Sequence[Block], start: int) -> list[Block]:
    out = []
    for block in blocks[start:]:
        if len(block.lines) == 1 and looks_like_heading(block.text):
            break
        out.append(block)
    return out


def _split_entries(block: Block) -> list[tuple[Line, ...]]:
    """One entry per paragraph, unless the paragraph holds several one-per-line entries
    (hanging indent, numbered labels, or a new author after a finished entry)."""
    lines = block.lines
    if len(lines) == 1:
        return [lines]
    indents = [len(line.text) - len(line.text.lstrip()) for line in lines]
    hanging = min(indents) == indents[0] and any(i > indents[0] for i in indents[1:])
    groups: list[list[Line]] = [[lines[0]]]
    for prev, line, indent in zip(lines, lines[1:], indents[1:], strict=False):
        text = line.text.strip()
        if hanging:
            new = indent <= indents[0]
        else:
            finished = prev.text.rstrip().endswith((".", ">")) or URL_LIKE.search(prev.text.split()[-1])
            new = bool(ENTRY_LABEL.match(text) or LIST_BULLET.match(text) or REPEATED_AUTHOR.match(text)
                       or (finished and (AUTHOR_START.match(text) or text[:1] in "\"“")))
        if new:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [tuple(g) for g in groups]


def _entry(index: int, section: str | None, lines: tuple[Line, ...], doc: Document) -> BibEntry:
    bullet = LIST_BULLET.match(lines[0].text)
    if bullet:  # list markup, not part of the reference
        first = lines[0]
        lines = (Line(first.number, first.start + bullet.end(), first.text[bullet.end():]), *lines[1:])
    text = join_lines(line.text for line in lines)
    label_match = ENTRY_LABEL.match(text)
    label = label_match.group("label") if label_match else None
    start = lines[0].start + (len(lines[0].text) - len(lines[0].text.lstrip()))
    end = lines[-1].start + len(lines[-1].text.rstrip())
    unlabelled = text[label_match.end():] if label_match else text
    return BibEntry(index=index, section=section, text=text, span=Span(start, end, lines[0].number),
                    label=label, repeats_author=bool(REPEATED_AUTHOR.match(unlabelled)))


def is_wrapped_text(doc: Document) -> bool:
    """Plain text as PDF-to-text tools give it: paragraphs wrapped over many short lines (the line models
    were trained on such text), rather than one paragraph per line."""
    if doc.format != "text":
        return False
    filled = [line.text for line in doc.lines if line.text.strip()]
    if len(filled) < MIN_WRAPPED_LINES:
        return False
    short = sum(1 for text in filled if len(text.strip()) <= MAX_WRAPPED_CHARS)
    return short / len(filled) >= MIN_WRAPPED_SHARE


def _is_table_row(text: str) -> bool:
    """A row of a table or chart after the references ("1996 No Austria 1997 No", "(1985) 1998 1999"): too
    few words for a reference, or more figures than letters."""
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 3]
    letters = sum(c.isalpha() for c in text)
    return len(words) < MIN_REFERENCE_WORDS or letters < sum(c.isdigit() for c in text)


def _without_trailing_matter(found):
    """The list up to where a publisher's series list ("No. 3/1993 Title. Author", "Nr. 12/2003"), a table or
    other back matter starts: from there on most entries carry a series number, are table rows, or (from the
    top of a page on) have no year, address or DOI, which references seldom lack."""
    texts = [join_lines(line.text for line in item.lines) for item in found.entries]
    strong = [bool(SERIES_NUMBER.search(text[:60])) or _is_table_row(text) for text in texts]
    weak = [not is_reference_like(text) for text in texts]
    cut = _change_point(strong, lambda k: True)
    kept = found.entries[:cut] if cut is not None else found.entries
    if cut is None:  # entries without a year end the list only where a new page starts, with them or just before
        cut = _change_point([a or b for a, b in zip(strong, weak, strict=True)],
                            lambda k: _page_break_before(found.entries, k) is not None)
        if cut is None:
            return found
        kept = list(found.entries[:cut])
        if kept:  # the page's first lines that ran into the last reference belong to the back matter
            lines = kept[-1].lines
            kept[-1] = replace(kept[-1], lines=lines[:_page_break_before(found.entries, cut) or len(lines)])
    return replace(found, entries=tuple(kept), last_line=kept[-1].lines[-1].number if kept else found.first_line)


def _page_break_before(entries, k: int) -> int | None:
    """Where a new page starts just before entry k: 0 when the entry itself starts the page, else the index
    of the line within the entry before it that does (its first line excepted); None without one."""
    if entries[k].lines[0].text.startswith("\f"):
        return 0
    if k:
        return next((n for n, line in enumerate(entries[k - 1].lines) if n and line.text.startswith("\f")), None)
    return None


def _change_point(flags: Sequence[bool], allowed) -> int | None:
    """The entry from which on most entries are flagged and before which few are (the best split)."""
    if sum(flags) < MIN_SERIES_ENTRIES:
        return None
    before = [0]
    for flag in flags:
        before.append(before[-1] + (not flag))
    after = sum(flags)
    best, best_score = None, -1
    for k in range(len(flags)):
        score = before[k] + after
        tail = len(flags) - k
        if flags[k] and tail >= MIN_SERIES_ENTRIES and after >= MIN_SERIES_SHARE * tail and score > best_score \
                and allowed(k):
            best, best_score = k, score
        after -= flags[k]
    return best


def _is_trailing_list(found, lines: Sequence[Line]) -> bool:
    """A list with no heading counts only where it ends the text and its entries do not start like notes
    (¹ or a superscript number): notes at the end of a short text look like references too."""
    rest = [line for line in lines[found.last_line:] if line.text.strip()]
    starts = [item.lines[0].text.lstrip()[:1] for item in found.entries]
    texts = [join_lines(line.text for line in item.lines) for item in found.entries]
    referencelike = sum(1 for text in texts if is_reference_like(text))
    return (len(rest) <= TRAILING_SLACK_LINES and not any(c and ord(c) in FROM_SUPERSCRIPT for c in starts)
            and len(texts) >= MIN_TRAILING_ENTRIES and referencelike >= MIN_TRAILING_SHARE * len(texts))


def _from_reference_lists(doc: Document, *, trailing_only: bool = False) -> Bibliography:
    from audit.zoning import find_reference_lists  # the line models load on first use only

    # A PDF's printed lines when the reader kept them; else the text's own lines.
    lines, origin = print_lines(doc.layout_lines) if doc.layout_lines else (doc.lines, None)
    lists = find_reference_lists(lines)
    if trailing_only:
        lists = [found for found in lists[-1:] if _is_trailing_list(found, lines)]
    elif doc.format == "pdf":  # a paper, not a dissertation's chapters: only named lists and one at the end
        lists = [found for found in lists if found.heading and BIBLIOGRAPHY_HEADING.match(found.heading)
                 or found is lists[-1] and _is_trailing_list(found, lines)]
    lists = [_without_trailing_matter(found) for found in lists]
    lists = [found for found in lists if found.entries]
    if not lists:
        return NO_BIBLIOGRAPHY

    def document_line(number: int) -> int:
        return doc.layout_lines[origin[number - 1]].span.line if origin is not None else number

    entries: list[BibEntry] = []
    sections: list[str] = []
    for found in lists:
        for name in (found.heading, *found.sections):
            if name and (not sections or sections[-1] != name):
                sections.append(name)
        for item in found.entries:
            if origin is None:
                entries.append(_entry(len(entries) + 1, item.section, item.lines, doc))
            else:
                printed = [doc.layout_lines[k] for k in (origin[line.number - 1] for line in item.lines)
                           if k is not None]
                entries.append(layout_entry(len(entries) + 1, item.section, printed, doc))
    first = lists[0]
    regions = tuple((document_line(found.heading_line or found.first_line), document_line(found.last_line))
                    for found in lists)
    return Bibliography(heading=first.heading or "References", heading_line=regions[0][0], end_line=regions[-1][1],
                        sections=tuple(s for s in sections if s != first.heading), entries=tuple(entries),
                        regions=regions)


def extract_bibliography(doc: Document) -> Bibliography:
    if is_wrapped_text(doc):
        return _from_reference_lists(doc)
    if doc.format == "pdf":  # PDF paragraphs: the zone model also learnt reflowed text
        found = _from_reference_lists(doc)
        if found.entries:
            return found
    blocks = split_blocks(doc.lines)
    start = _find_heading(blocks)
    if start is None:  # no heading: a reference list may still end the text (a section cut from a PDF)
        return _from_reference_lists(doc, trailing_only=True) if doc.format == "text" else NO_BIBLIOGRAPHY
    heading = heading_title(blocks[start].text)
    entries: list[BibEntry] = []
    sections: list[str] = []
    section: str | None = None
    end_line = blocks[start].last
    i = start + 1
    while i < len(blocks):
        block = blocks[i]
        if len(block.lines) == 1 and looks_like_heading(block.text):
            title = heading_title(block.text)
            following = _until_next_heading(blocks, i + 1)
            if (BACK_MATTER_HEADING.match(title) or ENDNOTES_HEADING.match(title)
                    or BIBLIOGRAPHY_HEADING.match(title) or not _section_is_bibliographic(following)):
                break
            section = title
            sections.append(title)
            end_line = block.last
            i += 1
            continue
        if not entries and not is_reference_like(block.text) and section is None and i > start + 1:
            break
        for group in _split_entries(block):
            entries.append(_entry(len(entries) + 1, section, group, doc))
        end_line = block.last
        i += 1
    return Bibliography(heading=heading, heading_line=blocks[start].first, end_line=end_line,
                        sections=tuple(sections), entries=tuple(entries))
