"""Training data for the line models, from the development corpus (see `audit/zoning/README.md`).

- Zones: the 14 dissertations of `finder/` (a label on every line: ref, text, title, meta; blank lines are
  left out of the sequence and become features of their neighbours), each also reflowed into one paragraph
  per line and double-spaced, the other two ways documents reach us as text, and with its reference lines
  set further in than its body text (journals that indent their lists; a PDF's list right of the text edge);
  then the 50 dev PDFs as our reader prints them, labelled from their gold reference strings (`pdf_layouts`).
- Entry starts: the 128 reference sections of `refsections/` (one `<bibl>` per entry). Their lines come
  without indentation, so each section is also laid out again as documents print reference lists: hanging
  indent, a blank line between entries, first-line indent, a bulleted list, one line per entry. That
  teaches the model layout cues the raw sections cannot show, without writing any reference by hand.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.evaldocs.corpus import LabelledText, ReferenceSection, read_refsection, read_ttx
from audit.extract.blocks import join_lines
from audit.extract.patterns import BIBLIOGRAPHY_HEADING
from audit.sequence_crf import train_crf
from audit.zoning.features import entry_features, zone_features
from audit.zoning.line_facts import heading_title, measure_lines
from audit.zoning.pdf_layouts import PDF_PREFIX, labelled_layouts

ZONE_LABELS = ("ref", "text", "title", "meta")
LAYOUTS = ("hanging", "blank", "plain", "first-line", "bulleted", "joined")
BULLETED_EVERY = 5  # one reference section in this many is also shown to the zone model as a bulleted list (0: none)
HANGING_INDENTS = (2, 4, 6, 8)  # continuation indents seen in PDF-to-text output
WRAP_WIDTHS = (72, 84, 96, 108)  # characters per line of a printed reference list, from narrow to wide
_TAG = re.compile(r"<[^>]*>")

# Light L1 (drops rare cue combinations) and L2; chosen by the cross-validation in `evaluate_models`.
ZONE_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
ENTRY_PARAMS = {"c1": 1.0, "c2": 0.1, "max_iterations": 200, "feature.possible_transitions": True}


@dataclass(frozen=True, slots=True)
class Sequence_:
    features: list[list[str]]
    labels: list[str]


def reflow(doc: LabelledText) -> LabelledText:
    """The document as paragraph-per-line text (how PDF layout readers, word processors and web pages give
    it): each paragraph of body text on one line, each reference on one line, blank lines between.

    Reference blocks are cut into entries with the entry model (trained on the reference sections only,
    never on these documents); headings, running heads and page numbers stay lines of their own.
    """
    from audit.zoning.model import entry_starts

    lines: list[str] = []
    labels: list[str] = []
    k = 0
    n = len(doc.lines)
    while k < n:
        label = doc.labels[k]
        if label == "blank":
            k += 1
            continue
        end = k
        while end + 1 < n and doc.labels[end + 1] == label and (label != "text" or doc.lines[end + 1].strip()):
            end += 1
        block = [doc.lines[j] for j in range(k, end + 1) if doc.lines[j].strip()]
        if label == "ref":
            facts = measure_lines(block)
            starts = entry_starts(facts, [False] * len(block))
            entries: list[list[str]] = []
            for line, start in zip(block, starts, strict=True):
                if start or not entries:
                    entries.append([])
                entries[-1].append(line.strip())
            paragraphs = [join_lines(e) for e in entries]
        elif label == "text":
            paragraphs = [join_lines(block)]
        else:
            paragraphs = [line.strip() for line in block]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
            labels += [label, "blank"]
        k = end + 1
    return LabelledText(doc.name + "-reflowed", tuple(lines), tuple(labels))


def double_spaced(doc: LabelledText) -> LabelledText:
    """The document as double-spaced typescript gives it: a blank line after every line."""
    lines = tuple(x for line in doc.lines for x in (line, ""))
    labels = tuple(x for label in doc.labels for x in (label, "blank"))
    return LabelledText(doc.name + "-double", lines, labels)


def indented_references(doc: LabelledText, indent: int = 6) -> LabelledText:
    """The document with its reference lines set further in than the body text, as some journals print
    their reference lists (and as a PDF's lines read when the list sits right of the text's left edge)."""
    lines = tuple(" " * indent + line if label == "ref" and line.strip() else line
                  for line, label in zip(doc.lines, doc.labels, strict=True))
    return LabelledText(doc.name + "-indented", lines, doc.labels)


def zone_sequence(doc: LabelledText) -> Sequence_:
    facts = measure_lines(doc.lines)
    kept, feats = zone_features(facts)
    labels = [doc.labels[k] if doc.labels[k] in ZONE_LABELS else "text" for k in kept]
    return Sequence_(feats, labels)


def lay_out(section: ReferenceSection, layout: str, variant: int) -> tuple[list[str], list[bool], list[str]]:
    """The section's lines printed in one layout: raw lines, blank-before flags and B/I labels."""
    starts = {first for first, _ in section.entries}
    inside = {k for first, last in section.entries for k in range(first, last + 1)}
    indent = HANGING_INDENTS[variant % len(HANGING_INDENTS)]
    lines: list[str] = []
    gaps: list[bool] = []
    labels: list[str] = []
    for k, text in enumerate(section.lines):
        if not text.strip():
            continue
        start = k in starts or k not in inside and not lines
        if layout == "hanging":
            raw = text if start else " " * indent + text
        elif layout == "first-line":
            raw = " " * indent + text if start else text
        elif layout == "bulleted":  # word processors' lists: a bullet, continuation lines under the text
            raw = "• " + text if start else "  " + text
        else:
            raw = text
        lines.append(raw)
        gaps.append(layout == "blank" and start and bool(labels))
        labels.append("B" if start or not labels else "I")
    if layout == "joined":  # word processors, web pages and reflowed text: each entry one line
        return _joined(lines, labels)
    return lines, gaps, labels


def _joined(lines: list[str], labels: list[str]) -> tuple[list[str], list[bool], list[str]]:
    entries: list[list[str]] = []
    for line, label in zip(lines, labels, strict=True):
        if label == "B" or not entries:
            entries.append([])
        entries[-1].append(line)
    return [join_lines(e) for e in entries], [False] * len(entries), ["B"] * len(entries)


def entry_sequences(section: ReferenceSection, index: int) -> list[Sequence_]:
    """Each section in every layout: as cut from the PDF (no indentation) and as documents print lists."""
    out = []
    for layout in LAYOUTS:
        lines, gaps, labels = lay_out(section, layout, index)
        if lines:
            out.append(Sequence_(entry_features(measure_lines(lines), gaps), labels))
    return out


def finder_documents(root: Path) -> list[LabelledText]:
    return [read_ttx(p) for p in sorted((root / "finder").glob("*.ttx"))]


def reference_sections(root: Path) -> list[ReferenceSection]:
    sections = [read_refsection(p) for p in sorted((root / "refsections").glob("*.tei.xml"))]
    return [s for s in sections if s.entries]


def excite_sections(root: Path) -> list[ReferenceSection]:
    """The reference lists of the EXCITE papers without a PDF, each reference wrapped at a page's width."""
    out = []
    for k, path in enumerate(sorted((root / "excite").glob("*/*.xml"))):
        if path.with_suffix(".pdf").exists():
            continue
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        lines: list[str] = []
        entries: list[tuple[int, int]] = []
        for line in raw.splitlines():
            text = " ".join(html.unescape(_TAG.sub("", line)).split())
            if not text:
                continue
            wrapped = textwrap.wrap(text, WRAP_WIDTHS[k % len(WRAP_WIDTHS)], break_on_hyphens=False)
            entries.append((len(lines), len(lines) + len(wrapped) - 1))
            lines += wrapped
        if entries:
            out.append(ReferenceSection(f"excite-{path.parent.name}-{path.stem}", tuple(lines), tuple(entries)))
    return out


def section_zone_sequences(section: ReferenceSection, index: int) -> list[Sequence_]:
    """A reference section alone, as cut and in one printed layout: every line a reference line (the
    dissertations are mostly humanities; these teach the zone model what science reference lists look like)."""
    out = []
    layouts = ("plain", LAYOUTS[index % 2], *(("bulleted",) if BULLETED_EVERY and index % BULLETED_EVERY == 0 else ()))
    for layout in layouts:
        lines, _, _ = lay_out(section, layout, index)
        facts = measure_lines(lines)
        kept, feats = zone_features(facts)
        # the section's own heading ("References") is a heading, not a reference line
        labels = ["title" if BIBLIOGRAPHY_HEADING.match(heading_title(facts[k].text)) else "ref" for k in kept]
        out.append(Sequence_(feats, labels))
    return out


def train_zones(docs: Iterable[LabelledText], sections: Sequence[ReferenceSection], path: Path) -> Path:
    """Each document as its PDF-to-text lines and reflowed into paragraphs (uses the entry model in force),
    and each reference section."""
    seqs = [zone_sequence(variant) for d in docs for variant in _variants_of(d)]
    seqs += [s for k, section in enumerate(sections) for s in section_zone_sequences(section, k)]
    return train_crf([s.features for s in seqs], [s.labels for s in seqs], path, ZONE_PARAMS)


def train_entries(sections: Sequence[ReferenceSection], path: Path) -> Path:
    seqs = [s for k, section in enumerate(sections) for s in entry_sequences(section, k)]
    return train_crf([s.features for s in seqs], [s.labels for s in seqs], path, ENTRY_PARAMS)


def train_line_models(root: Path, zone_path: Path, entry_path: Path, *,
                      exclude: frozenset[str] = frozenset(), pdfs: bool = True) -> tuple[Path, Path]:
    """Both models from the corpus under `root`, leaving out the documents named in `exclude`: the entry
    model first, since reflowing the dissertations for the zone model splits their references with it.

    With `pdfs`, the zone model is trained twice: first without the dev PDFs, then with their layouts, whose
    lines outside the gold reference lists take the first model's labels (`pdf_layouts`)."""
    from audit.zoning.model import restore_models, use_models

    docs = [d for d in finder_documents(root) if d.name not in exclude]
    sections = [s for s in reference_sections(root) if s.name not in exclude]
    train_entries([*sections, *excite_sections(root)], entry_path)
    previous = use_models(entries=entry_path)
    try:
        train_zones(docs, sections, zone_path)
        if pdfs and (root / "excite").is_dir():
            use_models(zones=zone_path)
            layouts = labelled_layouts(root, exclude)
            train_zones([*docs, *layouts], sections, zone_path)
    finally:
        restore_models(previous)
    return zone_path, entry_path


def _variants_of(doc: LabelledText) -> tuple[LabelledText, ...]:
    """A dissertation as given and in three other layouts; a dev PDF as our reader gives it, nothing else."""
    if doc.name.startswith(PDF_PREFIX):
        return (doc,)
    return doc, reflow(doc), double_spaced(doc), indented_references(doc)
