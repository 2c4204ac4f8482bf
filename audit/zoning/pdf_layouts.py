"""Zone training data from the layouts of the dev corpus's PDFs (`excite/*/<id>.pdf` with `<id>.refs.txt`).

The dissertations of `finder/` came through another PDF-to-text tool than ours; the papers users bring come
through pdfplumber (`audit.ingest`), with its page breaks, running heads, licence boxes and series lists.
Each PDF is read as an audit reads it and its printed lines are labelled: a line is `ref` where one of the
paper's gold reference strings is found on it, among a run of such strings (a reference list, not a
citation in a footnote); every other line keeps the label that a zone model trained without the PDFs gives
it, with `ref` turned into `text` (the gold says it is no reference).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audit.evaldocs.corpus import LabelledText, read_gold_pdfs

EDGE_CHARS = 24  # a gold string not found whole is found by its first and last this many letters
SPAN_SLACK = 1.3  # ... the last ones at most this much further on than the string is long
RUN_GAP_LINES = 6  # reference strings found at most this many lines apart belong to one list
MIN_RUN = 3  # a list holds at least this many of them (fewer: citations in notes, or a stray match)
PDF_PREFIX = "pdf-"  # names the PDFs among the zone training documents
KEPT_INSIDE = frozenset(("title", "meta"))  # a list's own sub-headings and running heads stay what they are
_NOT_LETTER = re.compile(r"[\W_]+", re.UNICODE)
# The gold strings carry the marks of an HTML parser that read their URLs as tags: `<http: www.x.org="" a="">`,
# `<br="">`, `<span="">`, `</http:>`. None of it is printed: the tag names and the `=""` go before matching.
_GOLD_TAG = re.compile(r"</?\s*(?:br|span|ref)\b[^<>]*>|</[^<>\s]*>")


@dataclass(frozen=True, slots=True)
class PdfLayout:
    name: str
    lines: tuple[str, ...]  # as `find_reference_lists` sees them: form feeds and indentation kept
    references: tuple[str, ...]


def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", text).lower()


@lru_cache(maxsize=1)
def read_pdf_layouts(root: Path) -> tuple[PdfLayout, ...]:
    """Every dev PDF read as an audit reads it (pdfplumber is slow: read once per process)."""
    from audit.extract.layout_bibliography import lines_to_zone
    from audit.ingest import ingest

    out = []
    for gold in read_gold_pdfs(root / "excite"):
        try:
            doc = ingest(gold.path)
        except Exception:  # noqa: BLE001 - an unreadable PDF is no training data, never a failed run
            continue
        lines, _ = lines_to_zone(doc)
        out.append(PdfLayout(gold.name, tuple(line.text for line in lines), gold.references))
    return tuple(out)


def _find(stream: str, target: str) -> tuple[int, int] | None:
    """Where `target` is in `stream` (the last place: a reference list comes after the notes that cite)."""
    at = stream.rfind(target)
    if at >= 0:
        return at, at + len(target)
    if len(target) < 3 * EDGE_CHARS:
        return None
    head, tail = target[:EDGE_CHARS], target[-EDGE_CHARS:]
    at = stream.rfind(head)
    while at >= 0:
        end = stream.find(tail, at, at + int(SPAN_SLACK * len(target)) + EDGE_CHARS)
        if end >= 0:
            return at, end + len(tail)
        at = stream.rfind(head, 0, at)
    return None


def reference_spans(lines: Sequence[str], references: Sequence[str]) -> list[tuple[int, int]]:
    """(first line, last line) of each gold string found in the lines, in reading order."""
    owner: list[int] = []
    pieces: list[str] = []
    for k, line in enumerate(lines):
        letters = _letters(line)
        pieces.append(letters)
        owner += [k] * len(letters)
    stream = "".join(pieces)
    spans = []
    for reference in references:
        target = _letters(_GOLD_TAG.sub(" ", reference.replace('=""', " ")))
        found = _find(stream, target) if target else None
        if found:
            spans.append((owner[found[0]], owner[found[1] - 1]))
    return sorted(set(spans))


def _runs(spans: Sequence[tuple[int, int]], lines: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The spans grouped into lists: each next one starts a few lines at most after the one before."""
    runs: list[list[tuple[int, int]]] = []
    for span in spans:
        if runs and _filled_between(lines, max(last for _, last in runs[-1]), span[0]) <= RUN_GAP_LINES:
            runs[-1].append(span)
        else:
            runs.append([span])
    return [run for run in runs if len(run) >= MIN_RUN]


def _filled_between(lines: Sequence[str], after: int, before: int) -> int:
    return sum(1 for k in range(after + 1, before) if lines[k].strip())


def label_layout(lines: Sequence[str], references: Sequence[str], model_labels: Sequence[str]) -> list[str]:
    """A zone label per line: `ref` inside the runs of gold strings, the model's label (never `ref`) elsewhere.

    A line between two strings of a run that none of them covers is a reference line too (a string the
    PDF's text garbled past finding) unless the model calls it a heading or a running head."""
    labels = ["blank" if not line.strip() else ("text" if label == "ref" else label)
              for line, label in zip(lines, model_labels, strict=True)]
    for run in _runs(reference_spans(lines, references), lines):
        covered = {k for first, last in run for k in range(first, last + 1)}
        for k in range(run[0][0], max(last for _, last in run) + 1):
            if labels[k] != "blank" and (k in covered or labels[k] not in KEPT_INSIDE):
                labels[k] = "ref"
    return labels


def labelled_layouts(root: Path, exclude: frozenset[str] = frozenset()) -> list[LabelledText]:
    """The dev PDFs as zone training documents, labelled with the zone model in force for the non-reference lines."""
    from audit.zoning.line_facts import measure_lines
    from audit.zoning.model import label_lines

    out = []
    for layout in read_pdf_layouts(root):
        if layout.name in exclude:
            continue
        model_labels, _ = label_lines(measure_lines(list(layout.lines)))
        labels = label_layout(layout.lines, layout.references, model_labels)
        out.append(LabelledText(PDF_PREFIX + layout.name, layout.lines, tuple(labels)))
    return out
