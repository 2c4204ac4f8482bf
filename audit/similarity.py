"""The only rapidfuzz import: name and title similarity scores (0-100)."""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein


def ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, b)


def token_set(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b)


def token_sort(a: str, b: str) -> float:
    """Word order ignored: "b a" scores 100 against "a b"."""
    return fuzz.token_sort_ratio(a, b)


def partial(a: str, b: str) -> float:
    return fuzz.partial_ratio(a, b)


def edit_distance(a: str, b: str) -> int:
    return Levenshtein.distance(a, b)
