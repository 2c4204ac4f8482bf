"""Which page-foot lines are notes and which raised digits are their markers. Pure, like `pdf_layout`.

Geometry proposes (small lines at a page's foot, raised digits in the body); the note sequence decides.
Published notes run 1, 2, 3 … and restart at 1 in a new chapter, and a note's marker sits on the same
page or the page before. So a foot line starting with a number is a note only when the number continues
the sequence (allowing a few skipped numbers, which the audit then reports), or when a raised marker with
that number stands in the body of its page or the page before (a restart, or a note the author really
misnumbered). Numbers far off the sequence are table rows, statistics or years, never notes; a page whose
foot holds no note at all gives its lines back to the body.

A raised digit in the body is a marker when a note with that number sits on its page or the next, or when
it continues the marker sequence; a raised digit that does neither (R², a unit, a table's superscript) is
an exponent and stays text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from audit.ingest.patterns import PLAIN_NOTE_START

SEQUENCE_SLACK = 3  # a note or marker may skip this many numbers and still continue the sequence
_NOT_NOTE_TEXT = frozenset("%‰,;:-–=+<>|/°")  # a number followed by these starts a table row, not a note


class DoubtfulMarker(int):
    """Raised digits that may be an exponent (after a digit or a one-letter symbol: 10², R², "in 2013⁵"):
    a marker only when a note with its number sits nearby and it continues the marker sequence."""


@dataclass(frozen=True, slots=True)
class NoteStart:
    """A foot line that starts with a note number: raised (superscript) or set on the baseline."""

    number: int
    raised: bool
    rest: tuple  # the line's tokens after the number


def read_note_start(tokens: Sequence[str | int]) -> NoteStart | None:
    """The note number a foot line starts with, if any: "¹ Text", "1 Text", "1. Text", "1) Text", "1"."""
    first = tokens[0] if tokens else None
    if isinstance(first, int):
        rest = tuple(tokens[1:])
        if rest and isinstance(rest[0], str):
            rest = (rest[0].lstrip().removeprefix(")").lstrip(), *rest[1:])
        return NoteStart(first, True, rest)
    if isinstance(first, str):
        match = PLAIN_NOTE_START.match(first)
        rest = first[match.end():] if match else ""
        if match and not rest[:1].isdigit() and rest[:1] not in _NOT_NOTE_TEXT:  # "12 13 14", "5 %" are table rows
            return NoteStart(int(match.group("num")), False, (rest, *tokens[1:]))
        alone = first.strip().rstrip(".)")
        if len(tokens) == 1 and alone.isdigit() and len(alone) <= 3:
            return NoteStart(int(alone), False, ())  # the number alone on the line above its text
    return None


def continues(number: int, expected: int) -> bool:
    """The next number of a sequence whose next expected number is `expected` (a few may be skipped)."""
    return expected <= number <= expected + SEQUENCE_SLACK


def accept_note(start: NoteStart, expected: int, page_markers: Iterable[int]) -> bool:
    """A foot line's number starts a note: it continues the note sequence, or a marker on the page
    (or the page before) has that number."""
    if start.number < 1:
        return False
    if start.number in set(page_markers):
        return True
    if start.number == expected:
        return True
    return start.raised and continues(start.number, expected)


def accept_markers(markers_by_page: Mapping[int, Sequence[int]], notes_by_page: Mapping[int, set[int]],
                   pages: Sequence[int]) -> dict[int, list[bool]]:
    """Per page, for each raised digit in reading order: is it a note marker?"""
    any_notes = any(notes_by_page.values())
    out: dict[int, list[bool]] = {}
    expected = 1
    for page in pages:
        nearby = notes_by_page.get(page, set()) | notes_by_page.get(page + 1, set())
        verdicts = []
        for number in markers_by_page.get(page, ()):
            # Without foot notes (endnotes at the end) a new chapter's markers may restart at 1.
            if isinstance(number, DoubtfulMarker):
                ok = number in nearby and continues(number, expected)
            else:
                ok = number >= 1 and (number in nearby or continues(number, expected)
                                      or (not any_notes and number == 1))
            if ok:
                expected = number + 1
            verdicts.append(ok)
        out[page] = verdicts
    return out
