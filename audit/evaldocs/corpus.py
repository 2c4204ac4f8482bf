"""Readers of the development corpus (`../shared/data/dev/`, see its README): each gives the text a user's
document would have, and the gold to measure the pipeline against. Nothing here knows about the pipeline."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

TTX_LABEL_WIDTH = 14  # the label column of AnyStyle's finder files
FINDER_LABELS = ("ref", "text", "title", "meta", "blank")


@dataclass(frozen=True, slots=True)
class LabelledText:
    """A finder document: its lines as a PDF-to-text tool gave them and one gold label per line."""

    name: str
    lines: tuple[str, ...]
    labels: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class ReferenceSection:
    """A reference section cut from a PDF: its lines and, per gold entry, the line it starts on and its lines."""

    name: str
    lines: tuple[str, ...]
    entries: tuple[tuple[int, int], ...]  # (first line index, last line index), 0-based, inclusive

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class GoldPdf:
    """A PDF with the reference strings a person cut from it, one per entry."""

    name: str
    path: Path
    group: str  # "en" or "de-end"
    references: tuple[str, ...]


def read_ttx(path: Path) -> LabelledText:
    """`LABEL<spaces>| text` lines; a label holds for the lines after it until the next label."""
    lines: list[str] = []
    labels: list[str] = []
    label = "text"
    raw = path.read_text(encoding="utf-8")
    rows = raw.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    for row in rows:
        column = row[:TTX_LABEL_WIDTH].strip()
        if column:
            label = column
        text = row[TTX_LABEL_WIDTH + 2:] if len(row) > TTX_LABEL_WIDTH + 1 else ""
        lines.append(text)
        labels.append("blank" if not text.strip() else label)
    return LabelledText(path.stem, tuple(lines), tuple(labels))


def read_refsection(path: Path) -> ReferenceSection:
    """GROBID reference-segmenter TEI: `<bibl>` per entry, `<lb/>` at each line end."""
    root = ET.parse(path).getroot()
    lines: list[str] = [""]
    entries: list[tuple[int, int]] = []
    listbibl = root.find(".//listBibl")
    if listbibl is None:
        return ReferenceSection(path.name.removesuffix(".tei.xml"), (), ())

    def add_text(text: str | None) -> None:
        if text:
            lines[-1] += text.replace("\n", " ")

    def walk(element: ET.Element) -> None:
        add_text(element.text)
        for child in element:
            if child.tag == "lb":
                lines.append("")
            else:
                walk(child)
            add_text(child.tail)

    add_text(listbibl.text)
    for child in listbibl:
        if child.tag == "bibl":
            if lines[-1].strip():  # an entry that starts mid-line starts a line of its own in the gold
                lines.append("")
            first = len(lines) - 1
            walk(child)
            last = len(lines) - 1 if lines[-1].strip() else len(lines) - 2
            entries.append((first, max(first, last)))
        elif child.tag == "lb":
            lines.append("")
        else:
            walk(child)
        add_text(child.tail)
    cleaned = tuple(line.strip() for line in lines)
    return ReferenceSection(path.name.removesuffix(".tei.xml"), cleaned, tuple(entries))


def read_gold_pdfs(folder: Path) -> list[GoldPdf]:
    out = []
    for group in ("en", "de-end"):
        for pdf in sorted((folder / group).glob("*.pdf")):
            refs = pdf.with_suffix(".refs.txt")
            if refs.is_file():
                strings = tuple(s.strip() for s in refs.read_text(encoding="utf-8").splitlines() if s.strip())
                out.append(GoldPdf(pdf.stem, pdf, group, strings))
    return out


WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]
