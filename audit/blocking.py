"""Blocking for names: which pairs of name forms could match, found without comparing every pair.

`surnames_match` (audit/matching.py) accepts two names when they are the same entity (same folded
surname, an inverted reading, a shared corporate alias) or when two folded keys that start with the same
letter are at most MAX_NAME_EDITS edits apart and score at least SAME_SURNAME. Every such pair shares a
*deletion variant*: the first letter followed by the rest with a few letters deleted (the symmetric-delete
idea of SymSpell). Indexing forms by those variants finds every candidate pair in time linear in the
number of distinct forms, so the name rule never compares all pairs of 100,000 entries.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from audit.persons import PersonName
from audit.thresholds import MAX_NAME_EDITS, SAME_SURNAME

# A name form: what `surnames_match` looks at; occurrences with one form always match each other.
NameForm = tuple[str, str, bool, frozenset[str]]  # key, inverted_guess, corporate, aliases


def name_form(person: PersonName) -> NameForm:
    return person.key, person.inverted_guess, person.corporate, person.aliases


def deletion_depth(length: int) -> int:
    """How many letters a key of this length can lose and still score SAME_SURNAME against its match.

    With k letters of one key and j of the other outside their longest common subsequence, the score is
    100 * (1 - (k + j) / (len_a + len_b)); solving for k with j = 0 gives k <= 2(1 - r)L / (2 - r)."""
    r = SAME_SURNAME / 100.0
    return max(0, min(MAX_NAME_EDITS, math.floor(2 * (1 - r) * length / (2 - r) + 1e-9)))


def deletion_variants(key: str) -> set[str]:
    """The key's first letter followed by its rest with up to `deletion_depth` letters deleted."""
    head, rest = key[:1], key[1:]
    variants = {rest}
    frontier = {rest}
    for _ in range(deletion_depth(len(key))):
        frontier = {word[:i] + word[i + 1:] for word in frontier for i in range(len(word))}
        variants |= frontier
    return {head + v for v in variants}


def _keys(form: NameForm) -> set[str]:
    key, inverted, _, _ = form
    return {key, inverted} - {""}


def _labels(form: NameForm) -> set[tuple[str, str]]:
    """The buckets a form goes in: its keys' deletion variants, and what `same_entity` compares exactly
    (a corporate body's aliases, such as acronyms; a person's folded surname)."""
    key, _, corporate, aliases = form
    labels = {("fuzzy", v) for k in _keys(form) for v in deletion_variants(k)}
    return labels | ({("alias", a) for a in aliases} if corporate else {("alias", key)})


def candidate_form_pairs(forms: Iterable[NameForm]) -> Iterator[tuple[int, int]]:
    """Index pairs (x < y) of forms that may match; every pair `surnames_match` accepts is among them.

    Every label starts with the first letter of the key or alias it comes from, so the buckets are built
    one first letter at a time: only that letter's buckets are held at once, not the millions of deletion
    variants of a 100,000-entry bibliography."""
    forms = list(forms)
    by_head: dict[str, list[int]] = defaultdict(list)
    for n, form in enumerate(forms):
        key, _, corporate, aliases = form
        for head in {k[:1] for k in (*_keys(form), *(aliases if corporate else (key,)))}:
            by_head[head].append(n)
    seen: set[tuple[int, int]] = set()
    for head, members in by_head.items():
        buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
        for n in members:
            for label in _labels(forms[n]):
                if label[1][:1] == head:
                    buckets[label].append(n)
        for bucket in buckets.values():
            for pair in combinations(bucket, 2):
                if pair not in seen:
                    seen.add(pair)
                    yield pair


class UnionFind:
    """Disjoint sets over 0..size-1; the smaller index is the root, so roots keep first-seen order."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)
