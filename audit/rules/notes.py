"""note-numbering, marker-without-note, note-without-marker."""

from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Location, Severity
from audit.rules.context import AuditContext
from audit.textnorm import FROM_SUPERSCRIPT


def _numeric_labels(ctx: AuditContext) -> bool:
    # Markdown labels ("[^intro]") are names, not printed numbers: no numbering to check.
    return all(note.label.translate(FROM_SUPERSCRIPT).isdigit()
               for note in ctx.notes.notes)


def check_note_numbering(ctx: AuditContext) -> Iterator[Finding]:
    notes = ctx.notes.notes
    if not notes or not _numeric_labels(ctx):
        return
    seen: dict[int, int] = {}
    previous = None
    for note in notes:
        here = Location.note(note.number, note.span.line)
        if note.number in seen:
            yield Finding("note-numbering", Severity.ERROR,
                          f"Note {note.number} appears twice (lines {seen[note.number]} and {note.span.line})",
                          (Location.note(note.number, seen[note.number]), here), (str(note.number),) * 2,
                          f"renumber the second note {note.number}")
        elif previous is None and note.number != 1:
            yield Finding("note-numbering", Severity.ERROR,
                          f"Notes start at {note.number}, not 1", (here,), (str(note.number),), None)
        elif previous is not None and note.number < previous.number:
            yield Finding("note-numbering", Severity.ERROR,
                          f"Note {note.number} comes after note {previous.number}: out of order",
                          (Location.note(previous.number, previous.span.line), here),
                          (str(previous.number), str(note.number)), None)
        elif previous is not None and note.number > previous.number + 1:
            missing = range(previous.number + 1, note.number)
            listed = ", ".join(str(n) for n in missing)
            yield Finding("note-numbering", Severity.ERROR,
                          f"Note numbers jump from {previous.number} to {note.number}: "
                          f"{'note' if len(missing) == 1 else 'notes'} {listed} missing",
                          (Location.note(previous.number, previous.span.line), here),
                          (str(previous.number), str(note.number)), None)
        seen.setdefault(note.number, note.span.line)
        if previous is None or note.number > previous.number:
            previous = note
    yield from _marker_order(ctx)


def _marker_order(ctx: AuditContext) -> Iterator[Finding]:
    markers = ctx.notes.markers
    if not _numeric_labels(ctx):
        return
    highest = None
    seen: dict[int, int] = {}
    for marker in markers:
        here = Location.body(marker.span.line)
        if marker.number in seen:
            yield Finding("note-numbering", Severity.ERROR,
                          f"Note marker {marker.number} is used twice in the text "
                          f"(lines {seen[marker.number]} and {marker.span.line})",
                          (Location.body(seen[marker.number]), here), (marker.label, marker.label), None)
        elif highest is not None and marker.number < highest.number:
            yield Finding("note-numbering", Severity.ERROR,
                          f"Note marker {marker.number} comes after marker {highest.number}: out of order",
                          (Location.body(highest.span.line), here), (highest.label, marker.label), None)
        seen.setdefault(marker.number, marker.span.line)
        if highest is None or marker.number > highest.number:
            highest = marker


def check_marker_without_note(ctx: AuditContext) -> Iterator[Finding]:
    note_numbers = {note.number for note in ctx.notes.notes}
    for marker in ctx.notes.markers:
        if marker.number not in note_numbers:
            yield Finding("marker-without-note", Severity.ERROR,
                          f"Note marker {marker.label} on line {marker.span.line} has no note text",
                          (Location.body(marker.span.line),), (marker.label,),
                          f"add note {marker.number} or remove the marker")


def check_note_without_marker(ctx: AuditContext) -> Iterator[Finding]:
    marker_numbers = {marker.number for marker in ctx.notes.markers}
    for note in ctx.notes.notes:
        if note.number not in marker_numbers:
            yield Finding("note-without-marker", Severity.ERROR,
                          f"Note {note.number} (line {note.span.line}) is never referred to in the text",
                          (Location.note(note.number, note.span.line),), (note.text[:80],),
                          f"add marker {note.number} in the text or remove the note")
