"""Does a short form or a record name the same person, title or work as another? Pure predicates."""

from __future__ import annotations

import re

from audit.extract.patterns import YEAR
from audit.persons import PersonName, names_of
from audit.similarity import edit_distance, partial, ratio, token_set
from audit.textnorm import clean_title, sort_key
from audit.thresholds import MAX_NAME_EDITS, SAME_SURNAME, SAME_TITLE, SAME_TITLE_CORROBORATED, SHORT_TITLE_IN_FULL

_DIGITS = re.compile(r"\d+")


def surnames_match(a: PersonName, b: PersonName) -> bool:
    """The same person or body, allowing for a typo in the surname (Paramonov / Paramanov)."""
    from audit.persons import same_entity

    if same_entity(a, b):
        return True
    if a.corporate != b.corporate:
        return False
    keys_a = {a.key, a.inverted_guess} - {""}
    keys_b = {b.key, b.inverted_guess} - {""}
    return any(ratio(x, y) >= SAME_SURNAME and edit_distance(x, y) <= MAX_NAME_EDITS and x[:1] == y[:1]
               for x in keys_a for y in keys_b)


def authors_match(short: tuple[PersonName, ...], full: tuple[PersonName, ...]) -> bool:
    """Every name in the short form is among the full citation's names."""
    return bool(short) and all(any(surnames_match(s, f) for f in full) for s in short)


def title_key(title: str | None) -> str:
    """A title for comparing: folded, leading article dropped ("The 'Joint Declaration…'" = "Joint Declaration…")."""
    return sort_key(clean_title(title or "").rstrip("…").rstrip("."))


def short_title_matches(short: str, full: str) -> bool:
    a, b = title_key(short), title_key(full)
    if not a or not b:
        return False
    return b.startswith(a) or partial(a, b) >= SHORT_TITLE_IN_FULL or token_set(a, b) >= 95


def titles_match(a: str | None, b: str | None, *, corroborated: bool = False) -> bool:
    """Two full titles of one work: typos, case, a dropped subtitle; never different numbers."""
    return title_keys_match(title_key(a), title_key(b), corroborated=corroborated)


def title_keys_match(x: str, y: str, *, corroborated: bool = False) -> bool:
    """`titles_match` on keys already made by `title_key`.

    `corroborated`: author, year and container already agree, so a replaced word is tolerated."""
    if not x or not y:
        return False
    if _DIGITS.findall(x) != _DIGITS.findall(y) and not (x.startswith(y) or y.startswith(x)):
        return False
    if x == y or x.startswith(y + " ") or y.startswith(x + " "):
        return True
    if corroborated and ratio(x, y) >= SAME_TITLE_CORROBORATED:
        return True
    return ratio(x, y) >= SAME_TITLE or (token_set(x, y) >= SAME_TITLE and ratio(x, y) >= 70)


def years_of(value: str | None) -> set[str]:
    return set(YEAR.findall(value or ""))


def record_names(fields: dict) -> tuple[PersonName, ...]:
    return names_of(fields.get("author") or fields.get("editor") or ())
