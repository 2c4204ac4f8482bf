"""extract_bibliography(): find the bibliography, its section headings and its entries, and stop
where the bibliography ends (publisher back matter after it is not bibliography)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.extract.blocks import Block, join_lines, split_blocks
from audit.extract.layout_bibliography import bib_entry, layout_entry, lines_to_zone
from audit.extract.list_end import back_matter_start, is_reference_like, without_trailing_matter
from audit.extract.patterns import (
    AUTHOR_START,
    BACK_MATTER_HEADING,
    BIBLIOGRAPHY_HEADING,
    ENDNOTES_HEADING,
    ENTRY_LABEL,
    HEADING_DECORATION,
    LIST_BULLET,
    REPEATED_AUTHOR,
    URL_LIKE,
    YEAR,
)
from audit.models import BibEntry, Document, Line, Span
from audit.textnorm import FROM_SUPERSCRIPT, join_letter_spacing

MAX_HEADING_CHARS = 70  # section headings are short ("Documents and reports", "Primary sources")
MAX_HEADING_WORDS = 8
MIN_REFERENCE_CHARS = 25  # shorter paragraphs ("1/2006") are list labels, not references
MIN_REFERENCE_SHARE = 0.5  # a section stays in the bibliography if at least half its paragraphs are references
LOOKAHEAD_PARAGRAPHS = 6  # paragraphs examined after a candidate heading
MIN_DATED_SHARE = 0.5  # a reference list has a year (or an address, a DOI) on at least half its entries
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
    text = join_letter_spacing(text.strip())  # before the decoration: "R E F …" is not section "R"
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
    start = lines[0].start + (len(lines[0].text) - len(lines[0].text.lstrip()))
    end = lines[-1].start + len(lines[-1].text.rstrip())
    return bib_entry(index, section, join_lines(line.text for line in lines), Span(start, end, lines[0].number))


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


def _named(found) -> bool:
    return bool(found.heading and BIBLIOGRAPHY_HEADING.match(found.heading))


def _mostly_references(found) -> bool:
    """A list most of whose entries have no year, address or DOI is a table or a list of items, not
    references (a dissertation's appendix tables after its bibliography)."""
    dated = sum(1 for item in found.entries if is_reference_like(join_lines(line.text for line in item.lines)))
    return dated >= MIN_DATED_SHARE * len(found.entries)


def paper_lists(lists: Sequence, lines: Sequence[Line]) -> list:
    """The reference lists of a paper (not a dissertation's chapters), each cut where its back matter starts:
    the named ones, and an unnamed one that ends the text. A "list" that is back matter from start to end (a
    series list the zone model read as a list of its own) does not stand between the references and the end
    of the paper."""
    cuts = [without_trailing_matter(found) for found in lists]
    skipped = frozenset(n for found, cut in zip(lists, cuts, strict=True) if not cut.entries
                        for n in range(found.first_line, found.last_line + 1))
    real = [(found, cut) for found, cut in zip(lists, cuts, strict=True) if cut.entries]
    return [cut for k, (found, cut) in enumerate(real)
            if _named(found) or k == len(real) - 1 and _is_trailing_list(found, cut, lines, skipped)]


def _is_trailing_list(found, cut, lines: Sequence[Line], skipped: frozenset[int] = frozenset()) -> bool:
    """A list with no heading counts only where it ends the text (lines numbered in `skipped`, back matter,
    aside) and its entries do not start like notes (¹ or a superscript number): notes at the end of a short
    text look like references too. The entries are those of `cut`, the list without the back matter it ran
    into (a series list ending the paper)."""
    rest = [line for line in lines[found.last_line:] if line.text.strip() and line.number not in skipped]
    starts = [item.lines[0].text.lstrip()[:1] for item in cut.entries]
    texts = [join_lines(line.text for line in item.lines) for item in cut.entries]
    referencelike = sum(1 for text in texts if is_reference_like(text))
    return (len(rest) <= TRAILING_SLACK_LINES and not any(c and ord(c) in FROM_SUPERSCRIPT for c in starts)
            and len(texts) >= MIN_TRAILING_ENTRIES and referencelike >= MIN_TRAILING_SHARE * len(texts))


def _from_reference_lists(doc: Document, *, trailing_only: bool = False) -> Bibliography:
    from audit.zoning import find_reference_lists  # the line models load on first use only

    lines, origin = lines_to_zone(doc)
    lists = find_reference_lists(lines)
    if trailing_only:
        last = [(found, without_trailing_matter(found)) for found in lists[-1:]]
        lists = [cut for found, cut in last if _is_trailing_list(found, cut, lines)]
    elif doc.format == "pdf":  # a paper, not a dissertation's chapters: only named lists and one at the end
        lists = paper_lists(lists, lines)
    else:
        lists = [without_trailing_matter(found) for found in lists]
    lists = [found for found in lists if found.entries and (_named(found) or _mostly_references(found))]
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
    groups: list[tuple[str | None, tuple[Line, ...]]] = []
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
        if not groups and not is_reference_like(block.text) and section is None and i > start + 1:
            break
        groups += [(section, group) for group in _split_entries(block)]
        end_line = block.last
        i += 1
    kept = _without_back_matter(groups)
    if kept is not groups:
        end_line = kept[-1][1][-1].number if kept else blocks[start].last
    entries = tuple(_entry(k, section, group, doc) for k, (section, group) in enumerate(kept, start=1))
    return Bibliography(heading=heading, heading_line=blocks[start].first, end_line=end_line,
                        sections=tuple(sections), entries=entries)


def _without_back_matter(groups: Sequence[tuple[str | None, tuple[Line, ...]]]
                         ) -> Sequence[tuple[str | None, tuple[Line, ...]]]:
    """The entries found under a heading, up to where a series list, a chart or an appendix that ran into
    them starts (`list_end`)."""
    cut = back_matter_start([lines for _, lines in groups],
                            [join_lines(line.text for line in lines) for _, lines in groups], rows=False)
    return groups if cut is None else groups[:cut]
