"""Word's automatic list numbers ("1.", "[3]", "iv)"), which are not in the text: Word draws them from
`word/numbering.xml`. A numbered reference list or a hand-made notes list keeps its numbers this way."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_VAL = W + "val"
_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
          ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def roman(number: int) -> str:
    out = ""
    for letters, value in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def _letters(number: int) -> str:
    # Word repeats the letter past z: a..z, aa..zz
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_FORMATS = {"decimal": str, "decimalZero": lambda n: f"{n:02d}", "lowerRoman": roman,
            "upperRoman": lambda n: roman(n).upper(), "lowerLetter": _letters,
            "upperLetter": lambda n: _letters(n).upper()}


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str  # "decimal", "bullet", ...
    text: str  # "%1.", "[%1]", "%1.%2"
    start: int


@dataclass
class ListNumbering:
    """Levels per list, and the running counters while the body is read (internal, mutable)."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The printed label of the next paragraph of this list and level, or None (bullets, unknown lists)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item at this level restarts the levels below it
        level = levels[ilvl]
        if level.fmt not in _FORMATS:
            return None
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                fmt = levels[k].fmt if k in levels else "decimal"
                value = counts.get(k, levels[k].start if k in levels else 1)
                text = text.replace(f"%{k + 1}", _FORMATS.get(fmt, str)(value))
        return text.strip() or None


def read_numbering(root: ElementTree.Element | None) -> ListNumbering:
    if root is None:
        return ListNumbering()
    abstract: dict[str, dict[int, Level]] = {}
    for node in root.iter(W + "abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in node.iter(W + "lvl"):
            fmt = lvl.find(W + "numFmt")
            text = lvl.find(W + "lvlText")
            start = lvl.find(W + "start")
            levels[int(lvl.get(W + "ilvl", "0"))] = Level(
                fmt.get(W_VAL, "decimal") if fmt is not None else "decimal",
                text.get(W_VAL, "") if text is not None else "",
                int(start.get(W_VAL, "1")) if start is not None and start.get(W_VAL, "1").isdigit() else 1)
        abstract[node.get(W + "abstractNumId", "")] = levels
    numbering = ListNumbering()
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        levels = dict(abstract.get(ref.get(W_VAL, "") if ref is not None else "", {}))
        for override in num.iter(W + "lvlOverride"):
            start = override.find(W + "startOverride")
            ilvl = int(override.get(W + "ilvl", "0"))
            if start is not None and ilvl in levels and start.get(W_VAL, "").isdigit():
                old = levels[ilvl]
                levels[ilvl] = Level(old.fmt, old.text, int(start.get(W_VAL, "1")))
        numbering.levels[num.get(W + "numId", "")] = levels
    return numbering


def paragraph_list(paragraph: ElementTree.Element) -> tuple[str, int] | None:
    """(numId, level) when the paragraph is an item of a numbered list."""
    props = paragraph.find(W + "pPr")
    num = props.find(W + "numPr") if props is not None else None
    if num is None:
        return None
    num_id = num.find(W + "numId")
    ilvl = num.find(W + "ilvl")
    if num_id is None or num_id.get(W_VAL) in (None, "0"):
        return None
    level = ilvl.get(W_VAL, "0") if ilvl is not None else "0"
    return str(num_id.get(W_VAL)), int(level) if level.isdigit() else 0
