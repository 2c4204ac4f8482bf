"""Character-level differences between conflicting values, for highlighting (Param<mark>a</mark>nov).

Pure functions over strings: the HTML renderer lays the segments out; nothing here knows about markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    changed: bool


def _segments(text: str, changed: Sequence[bool]) -> tuple[Segment, ...]:
    """Runs of equal `changed` flags become one segment each."""
    out: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or changed[i] != changed[start]:
            out.append(Segment(text[start:i], changed[start]))
            start = i
    return tuple(out)


# Below this similarity two values share only scattered letters (two unrelated URLs, 1999 / 2010): marking
# those letters would be noise, so the whole value is marked instead.
MIN_SIMILARITY = 0.34
# Unchanged runs this short between two changes ("sco" aside, the '.' and 'e' matches inside unrelated
# words) read as accidents of alignment; they are marked with their neighbours.
MAX_ISLAND = 2


def _absorb_islands(changed: list[bool]) -> list[bool]:
    out = list(changed)
    i = 0
    while i < len(out):
        if out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and not out[j]:
            j += 1
        if 0 < i and j < len(out) and j - i <= MAX_ISLAND:
            out[i:j] = [True] * (j - i)
        i = j
    return out


def _changed_positions(a: str, b: str) -> tuple[list[bool], list[bool]]:
    # autojunk off: its popularity heuristic treats frequent characters (spaces, 'e') as junk in strings over
    # 200 characters, which would mark long titles as entirely different.
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if a and b and matcher.ratio() < MIN_SIMILARITY:
        return [True] * len(a), [True] * len(b)
    in_a = [True] * len(a)
    in_b = [True] * len(b)
    for block in matcher.get_matching_blocks():
        in_a[block.a:block.a + block.size] = [False] * block.size
        in_b[block.b:block.b + block.size] = [False] * block.size
    return _absorb_islands(in_a), _absorb_islands(in_b)


def diff_pair(a: str, b: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Both strings cut into segments, with the characters the other string lacks marked as changed."""
    in_a, in_b = _changed_positions(a, b)
    return _segments(a, in_a), _segments(b, in_b)


def diff_values(values: Sequence[str]) -> tuple[tuple[Segment, ...], ...]:
    """Segments for every value, each compared with the first (the form the others are read against).

    The first value is marked wherever it differs from any other, so with three or more forms every
    disagreement still shows on it. A single value has nothing to differ from and is left unmarked.
    """
    if len(values) < 2:
        return tuple((Segment(v, False),) if v else () for v in values)
    first = values[0]
    first_changed = [False] * len(first)
    others: list[tuple[Segment, ...]] = []
    for other in values[1:]:
        in_first, in_other = _changed_positions(first, other)
        first_changed = [x or y for x, y in zip(first_changed, in_first, strict=True)]
        others.append(_segments(other, in_other))
    return (_segments(first, first_changed), *others)
