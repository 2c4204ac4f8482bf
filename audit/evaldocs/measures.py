"""Measures of one document against its gold: line coverage, entry boundaries, reference strings found."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from audit.evaldocs.corpus import words

GOLD_WORD_SHARE = 0.85  # a gold reference is found when this share of its words occur in one extracted item


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def compare_sets(predicted: Iterable[int], gold: Iterable[int]) -> Counts:
    p, g = set(predicted), set(gold)
    return Counts(len(p & g), len(p - g), len(g - p))


_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def same_entry(extracted: str, gold_lines: Sequence[str]) -> bool:
    """The entry as extracted equals the gold entry, whitespace aside; a word hyphenated at a line end may
    be joined or not (the gold keeps "Ge-" + "netic" as printed)."""
    ours = _squeeze(extracted)
    kept = _squeeze("".join(gold_lines))
    if ours == kept:
        return True
    joined = "".join(line[:-1] if line.endswith("-") and k < len(gold_lines) - 1 else line
                     for k, line in enumerate(gold_lines))
    return ours == _squeeze(joined) or ours.replace("-", "") == kept.replace("-", "")


def found_references(gold: Sequence[str], items: Sequence[str]) -> int:
    """How many gold reference strings occur as one extracted item (one item stands for one gold at most).

    A gold string is found in an item holding at least GOLD_WORD_SHARE of its words (counted with
    multiplicity); each item is matched once, best overlaps first, so an entry that merged two references
    counts for one of them only.
    """
    item_words = [Counter(words(item)) for item in items]
    scored: list[tuple[float, int, int]] = []
    for g, text in enumerate(gold):
        need = Counter(words(text))
        total = sum(need.values())
        if not total:
            continue
        for i, have in enumerate(item_words):
            share = sum((need & have).values()) / total
            if share >= GOLD_WORD_SHARE:
                scored.append((share, g, i))
    scored.sort(reverse=True)
    used_gold: set[int] = set()
    used_item: set[int] = set()
    for _, g, i in scored:
        if g not in used_gold and i not in used_item:
            used_gold.add(g)
            used_item.add(i)
    return len(used_gold)
