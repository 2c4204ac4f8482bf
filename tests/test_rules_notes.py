"""note-numbering, marker-without-note, note-without-marker: one finding per break, chapters restart at 1."""

from __future__ import annotations

from audit.extract.bibliography import NO_BIBLIOGRAPHY
from audit.extract.notes import NoteExtraction
from audit.models import Marker, Note, Span
from audit.rules.context import AuditContext
from audit.rules.notes import (
    Numbered,
    check_marker_without_note,
    check_note_numbering,
    check_note_without_marker,
    sequence_breaks,
)
from tests.factories import text_document


def _context(notes: list[int], markers: list[int]) -> AuditContext:
    note_records = tuple(Note(n, str(n), f"Note text {n}.", Span(0, 1, 100 + i), "superscript")
                         for i, n in enumerate(notes))
    marker_records = tuple(Marker(n, str(n), "superscript", Span(0, 1, 1 + i)) for i, n in enumerate(markers))
    extraction = NoteExtraction(note_records, marker_records, "superscript", ())
    return AuditContext(document=text_document("x"), notes=extraction, bibliography=NO_BIBLIOGRAPHY)


def _messages(findings) -> list[str]:
    return [f.message for f in findings]


def _kinds(numbers: list[int]) -> list[tuple[str, int]]:
    return [(b.kind, b.item.number) for b in sequence_breaks([Numbered(n, str(n), i) for i, n in enumerate(numbers)])]


def test_unbroken_sequences_and_chapter_restarts_are_clean():
    assert _kinds([1, 2, 3, 4]) == []
    assert _kinds([1, 2, 3, 1, 2, 1, 2, 3, 4]) == []  # each chapter starts again at 1
    ctx = _context([1, 2, 3, 1, 2], [1, 2, 3, 1, 2])
    assert list(check_note_numbering(ctx)) == []
    assert list(check_marker_without_note(ctx)) == list(check_note_without_marker(ctx)) == []


def test_one_jump_is_one_finding_and_the_sequence_goes_on_from_there():
    assert _kinds([1, 2, 3, 7, 8, 9, 10]) == [("jump", 7)]
    findings = list(check_note_numbering(_context([1, 2, 5, 6, 7], [1, 2, 5, 6, 7])))
    assert _messages(findings) == ["Note numbers jump from 2 to 5: notes 3, 4 missing"]


def test_a_long_gap_is_written_as_a_range():
    findings = list(check_note_numbering(_context([1, 2, 40], [1, 2, 40])))
    assert _messages(findings) == ["Note numbers jump from 2 to 40: notes 3–39 missing"]


def test_a_single_misnumbered_note_is_one_finding():
    assert _kinds([1, 2, 3, 10, 4, 5, 6]) == [("stray", 10)]
    findings = list(check_note_numbering(_context([1, 2, 3, 10, 4, 5], [1, 2, 3, 10, 4, 5])))
    assert _messages(findings) == ["Note 10 comes between notes 3 and 4: out of sequence"]


def test_duplicates_backward_steps_and_a_late_start():
    assert _kinds([1, 2, 2, 3]) == [("twice", 2)]
    assert _kinds([1, 2, 3, 4, 2, 3]) == [("twice", 2)]  # one finding: 3 follows 2 again
    assert _kinds([1, 2, 3, 4, 5, 3]) == [("twice", 3)]
    assert _kinds([1, 2, 5, 6, 3]) == [("jump", 5), ("back", 3)]
    assert _kinds([3, 4, 5]) == [("start", 3)]
    findings = list(check_note_numbering(_context([1, 2, 2, 3], [1, 2, 3])))
    assert _messages(findings) == ["Note 2 appears twice (lines 101 and 102)"]


def test_marker_breaks_are_reported_once_too():
    # markers 4 and 5 swapped in the text: one finding
    findings = list(check_note_numbering(_context([1, 2, 3, 4, 5], [1, 2, 3, 5, 4])))
    assert _messages(findings) == ["Note marker 5 comes between note markers 3 and 4: out of sequence"]
    # a marker used twice
    findings = list(check_note_numbering(_context([1, 2, 3], [1, 2, 2, 3])))
    assert _messages(findings) == ["Note marker 2 is used twice (lines 2 and 3)"]
    # a break in notes and markers alike is the notes' finding only
    findings = list(check_note_numbering(_context([1, 2, 3, 1, 2, 2], [1, 2, 3, 1, 2, 2])))
    assert _messages(findings) == ["Note 2 appears twice (lines 104 and 105)"]


def test_missing_notes_in_a_run_are_one_finding():
    ctx = _context([1, 2, 9, 10], list(range(1, 11)))
    findings = list(check_marker_without_note(ctx))
    assert _messages(findings) == ["Note markers 3–8 (lines 3–8) have no note text"]
    assert [loc.line for loc in findings[0].locations] == [3, 4, 5, 6, 7, 8]


def test_unpaired_notes_and_markers_are_found_per_chapter():
    # chapter 2 has note 3 but no marker 3; chapter 1 has marker 3 but no note 3
    ctx = _context([1, 2, 1, 2, 3], [1, 2, 3, 1, 2])
    assert _messages(check_marker_without_note(ctx)) == ["Note marker 3 on line 3 has no note text"]
    assert _messages(check_note_without_marker(ctx)) == ["Note 3 (line 104) is never referred to in the text"]


def test_a_note_without_a_marker_and_a_marker_without_a_note_still_raise():
    ctx = _context([1, 2, 3], [1, 3, 4])
    assert _messages(check_note_without_marker(ctx)) == ["Note 2 (line 101) is never referred to in the text"]
    assert _messages(check_marker_without_note(ctx)) == ["Note marker 4 on line 3 has no note text"]
