"""find_reference_lists(): where the reference lists of a PDF-to-text document are, and their entries.

Two line models (CRFs over layout and word cues, `features.py`), trained on real documents
(`training.py`, `README.md`): the zone model labels every line reference / body text / heading / running
head or page number; the entry model tells, within a reference list, on which lines a new entry starts.
A reference list is a run of reference lines, across blank lines, running heads and page numbers (page
breaks), and short sub-headings ("Primary sources"); the heading right above it names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.extract.patterns import BIBLIOGRAPHY_HEADING, ENTRY_LABEL
from audit.models import Line
from audit.zoning.line_facts import LineFacts, heading_title, is_mark_only, measure_lines
from audit.zoning.model import entry_starts, label_lines

MAX_HEADING_GAP = 3  # non-blank lines between a heading and the first reference under it
MAX_HEADING_CHARS = 70
DOUBLE_SPACED_SHARE = 0.6  # more lines than this with a blank line before them: the text is double-spaced
MIN_LIST_LINES = 2  # one stray reference-like line in running text is not a list
PASSABLE = frozenset({"blank", "meta"})  # page breaks and blank lines do not end a list


@dataclass(frozen=True, slots=True)
class ListEntry:
    section: str | None
    lines: tuple[Line, ...]  # the entry's lines, without running heads or page numbers between them


@dataclass(frozen=True, slots=True)
class ReferenceList:
    heading: str | None
    heading_line: int | None
    first_line: int  # 1-based, the first reference line
    last_line: int
    sections: tuple[str, ...]
    entries: tuple[ListEntry, ...]


def _runs(labels: Sequence[str], headings: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(first, last) 0-based indices of runs of reference lines joined across blank lines, running heads
    and single heading lines that have reference lines on both sides (sub-sections)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last_ref = -1
    k = 0
    n = len(labels)
    while k < n:
        label = labels[k]
        if label == "ref":
            if start is None:
                start = k
            last_ref = k
        elif label in PASSABLE or (label == "title" and start is not None and k not in headings
                                   and _ref_follows(labels, k)):  # a sub-heading, not a new list's heading
            pass
        elif start is not None:
            runs.append((start, last_ref))
            start = None
        k += 1
    if start is not None:
        runs.append((start, last_ref))
    return runs


def _entry_label_number(text: str) -> int | None:
    """The number of an ENTRY_LABEL ("12. ", "[12] "); stricter than the entry features' reader, which also
    takes "12)" and "(12)": a gap is mended only on labels that number a list for certain."""
    match = ENTRY_LABEL.match(text)
    return int(match.group("label").strip("[].")) if match else None


def _mend_numbered_gaps(facts: Sequence[LineFacts], labels: list[str]) -> None:
    """Lines between two reference lines whose entry labels carry the list's numbering on without a break
    ("25." … "26." … "30." … "31.") belong to the list, whatever the zone model made of them."""
    numbered = [(k, n) for k, fact in enumerate(facts) if (n := _entry_label_number(fact.text)) is not None]
    for at, (k, n) in enumerate(numbered):
        if labels[k] != "ref":
            continue
        end, last = None, n
        for j, m in numbered[at + 1:]:
            if m != last + 1:
                break
            if labels[j] == "ref":
                end = j
                break
            last = m
        if end is None:
            continue
        for j in range(k + 1, end):
            if labels[j] not in PASSABLE and labels[j] != "title":
                labels[j] = "ref"


def _ref_follows(labels: Sequence[str], k: int) -> bool:
    for label in labels[k + 1:k + 1 + 4]:
        if label == "ref":
            return True
        if label not in PASSABLE and label != "title":
            return False
    return False


def _heading_above(facts: Sequence[LineFacts], labels: Sequence[str], first: int) -> int | None:
    seen = 0
    for k in range(first - 1, -1, -1):
        if facts[k].blank or labels[k] == "meta":
            continue
        if labels[k] == "title":
            return k
        seen += 1
        if seen >= MAX_HEADING_GAP:
            return None
    return None


def _entries(lines: Sequence[Line], facts: Sequence[LineFacts], labels: Sequence[str],
             first: int, last: int, section: str | None) -> tuple[list[ListEntry], list[str]]:
    kept: list[int] = []
    gaps: list[bool] = []
    section_at: dict[int, str] = {}
    gap = False
    current = section
    for k in range(first, last + 1):
        if labels[k] == "title":
            current = heading_title(facts[k].text)
            section_at[len(kept)] = current
            gap = True
            continue
        if labels[k] != "ref" and not (is_mark_only(facts[k].text) and k < last):
            gap = gap or facts[k].blank and labels[k] == "blank"
            continue
        kept.append(k)
        gaps.append(gap)
        gap = False
    if sum(gaps) > DOUBLE_SPACED_SHARE * len(gaps):  # double-spaced text: a blank line says nothing
        gaps = [False] * len(gaps)
    starts = entry_starts([facts[k] for k in kept], gaps)
    out: list[ListEntry] = []
    sections: list[str] = []
    current = section
    for n, (k, start) in enumerate(zip(kept, starts, strict=True)):
        if n in section_at:
            current = section_at[n]
            sections.append(current)
            start = True  # a sub-heading always ends the entry before it
        if start or not out:
            out.append(ListEntry(current, (lines[k],)))
        else:
            out[-1] = ListEntry(out[-1].section, (*out[-1].lines, lines[k]))
    return out, sections


def find_reference_lists(lines: Sequence[Line]) -> list[ReferenceList]:
    facts = measure_lines([line.text for line in lines])
    labels, _ = label_lines(facts)
    out = []
    # A line that is nothing but "References" (or its kin) is a heading whatever the model says: in a
    # short text the model has too little around it to tell.
    headings = frozenset(k for k, fact in enumerate(facts) if not fact.blank and len(fact.text) <= MAX_HEADING_CHARS
                         and BIBLIOGRAPHY_HEADING.match(heading_title(fact.text)))
    for k in headings:
        labels[k] = "title"
    _mend_numbered_gaps(facts, labels)
    for first, last in _runs(labels, headings):
        if sum(1 for k in range(first, last + 1) if labels[k] == "ref") < MIN_LIST_LINES:
            continue
        heading_k = _heading_above(facts, labels, first)
        heading = heading_title(facts[heading_k].text) if heading_k is not None else None
        entries, sections = _entries(lines, facts, labels, first, last, heading)
        if entries:
            out.append(ReferenceList(heading, lines[heading_k].number if heading_k is not None else None,
                                     lines[first].number, lines[last].number, tuple(sections), tuple(entries)))
    return out
