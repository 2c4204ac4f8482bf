"""note-numbering, marker-without-note, note-without-marker.

A note sequence runs 1, 2, 3 …; a note (or marker) numbered 1 after others starts a new sequence, as each
chapter of a book or dissertation does. One break in a sequence gives one finding, not one per note after
it: after a jump the sequence goes on from the new number, and a single misnumbered note between two
that follow each other ("3, 10, 4") is reported once. Notes and markers are paired within their sequence
(chapter) when both have the same number of sequences; consecutive numbers missing together are one
finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from audit.findings import Finding, Location, Severity
from audit.rules.context import AuditContext
from audit.textnorm import FROM_SUPERSCRIPT

MAX_LISTED = 3  # more missing numbers than this are written as a range ("notes 25–796")


@dataclass(frozen=True, slots=True)
class Numbered:
    """A note or a marker: its number, label as printed, and line."""

    number: int
    label: str
    line: int
    offset: int | None = None  # in the text as read: places it on its page


@dataclass(frozen=True, slots=True)
class Break:
    kind: str  # "start", "twice", "back", "jump", "stray"
    previous: Numbered | None
    item: Numbered
    following: Numbered | None = None
    first_seen: int | None = None  # for "twice": the line where the number was first used


def _numeric_labels(ctx: AuditContext) -> bool:
    # Markdown labels ("[^intro]") are names, not printed numbers: no numbering to check.
    return all(note.label.translate(FROM_SUPERSCRIPT).isdigit()
               for note in ctx.notes.notes)


def split_sequences(items: Sequence[Numbered]) -> list[list[Numbered]]:
    """Runs of notes (or markers): a 1 after other numbers starts a new run (a new chapter)."""
    runs: list[list[Numbered]] = []
    for item in items:
        if not runs or (item.number == 1 and runs[-1]):
            runs.append([])
        runs[-1].append(item)
    return runs


def sequence_breaks(items: Sequence[Numbered]) -> list[Break]:
    """Where the numbering of notes (or markers) in document order breaks; one break per place."""
    breaks: list[Break] = []
    for run_index, run in enumerate(split_sequences(items)):
        if run_index == 0 and run[0].number != 1:
            breaks.append(Break("start", None, run[0]))
        previous = run[0]
        seen = {previous.number: previous.line}
        for position, item in enumerate(run[1:], start=1):
            if item.number == previous.number + 1:
                seen.setdefault(item.number, item.line)
                previous = item
                continue
            following = run[position + 1] if position + 1 < len(run) else None
            if item.number in seen:
                breaks.append(Break("twice", previous, item, first_seen=seen[item.number]))
            elif following is not None and following.number == previous.number + 1:
                breaks.append(Break("stray", previous, item, following))
                continue  # the sequence goes on from `previous`
            elif item.number < previous.number:
                breaks.append(Break("back", previous, item))
            else:
                breaks.append(Break("jump", previous, item))
            seen.setdefault(item.number, item.line)
            previous = item
    return breaks


def _numbers(numbers: Sequence[int]) -> str:
    if len(numbers) > MAX_LISTED:
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _finding(brk: Break, noun: str, where: Callable[[Numbered], Location]) -> Finding:
    item, previous = brk.item, brk.previous
    here = where(item)
    if brk.kind == "start":
        return Finding("note-numbering", Severity.ERROR, f"{noun}s start at {item.number}, not 1", (here,),
                       (item.label,), None)
    assert previous is not None
    pair = (where(previous), here)
    values = (previous.label, item.label)
    if brk.kind == "twice":
        first = Numbered(item.number, item.label, brk.first_seen or item.line)
        return Finding("note-numbering", Severity.ERROR,
                       f"{noun} {item.number} {'appears' if noun == 'Note' else 'is used'} twice "
                       f"(lines {first.line} and {item.line})",
                       (where(first), here), (item.label, item.label), f"renumber the second {noun.lower()} "
                       f"{item.number}")
    if brk.kind == "stray" and brk.following is not None:
        return Finding("note-numbering", Severity.ERROR,
                       f"{noun} {item.number} comes between {noun.lower()}s {previous.number} and "
                       f"{brk.following.number}: out of sequence", (*pair, where(brk.following)),
                       (*values, brk.following.label), f"renumber {noun.lower()} {item.number}")
    if brk.kind == "back":
        return Finding("note-numbering", Severity.ERROR,
                       f"{noun} {item.number} comes after {noun.lower()} {previous.number}: out of order",
                       pair, values, None)
    missing = list(range(previous.number + 1, item.number))
    plural = f"{noun.lower()}s" if len(missing) > 1 else noun.lower()
    return Finding("note-numbering", Severity.ERROR,
                   f"{noun} numbers jump from {previous.number} to {item.number}: {plural} {_numbers(missing)} "
                   "missing", pair, values, None)


def _note_items(ctx: AuditContext) -> list[Numbered]:
    # in the order they stand in the text (structured readers list them by number, which would hide chapters)
    ordered = sorted(ctx.notes.notes, key=lambda n: n.span.start)
    return [Numbered(n.number, n.label, n.span.line, n.span.start) for n in ordered]


def _marker_items(ctx: AuditContext) -> list[Numbered]:
    return [Numbered(m.number, m.label, m.span.line, m.span.start) for m in ctx.notes.markers]


def _note_at(item: Numbered) -> Location:
    return Location.note(item.number, item.line, item.offset)


def _body_at(item: Numbered) -> Location:
    return Location.body(item.line, item.offset)


def check_note_numbering(ctx: AuditContext) -> Iterator[Finding]:
    if not ctx.notes.notes or not _numeric_labels(ctx):
        return
    note_breaks = sequence_breaks(_note_items(ctx))
    yield from (_finding(brk, "Note", _note_at) for brk in note_breaks)
    # A marker skipped is the missing marker of a note (note-without-marker); a break the notes show as well
    # is theirs. What remains: markers used twice, set out of order or misnumbered.
    mirrored = {_shape(brk) for brk in note_breaks}
    for brk in sequence_breaks(_marker_items(ctx)):
        if brk.kind in ("twice", "back", "stray") and _shape(brk) not in mirrored:
            yield _finding(brk, "Note marker", _body_at)


def _shape(brk: Break) -> tuple[str, int | None, int]:
    return brk.kind, brk.previous.number if brk.previous else None, brk.item.number


def _unpaired(items: list[Numbered], others: list[Numbered]) -> list[list[Numbered]]:
    """Items with no partner of the same number, grouped into runs of consecutive numbers. Within a chapter
    when notes and markers restart equally often, across the document otherwise."""
    runs, other_runs = split_sequences(items), split_sequences(others)
    if len(runs) != len(other_runs):
        runs, other_runs = [items], [others]
    groups: list[list[Numbered]] = []
    for run, other in zip(runs, other_runs, strict=True):
        numbers = {o.number for o in other}
        current: list[Numbered] = []
        for item in run:
            if item.number in numbers:
                continue
            if current and current[-1].number + 1 == item.number:
                current.append(item)
            else:
                current = [item]
                groups.append(current)
    return groups


def check_marker_without_note(ctx: AuditContext) -> Iterator[Finding]:
    for group in _unpaired(_marker_items(ctx), _note_items(ctx)):
        first, last = group[0], group[-1]
        if len(group) == 1:
            message = f"Note marker {first.label} on line {first.line} has no note text"
            suggestion = f"add note {first.number} or remove the marker"
        else:
            message = f"Note markers {first.number}–{last.number} (lines {first.line}–{last.line}) have no note text"
            suggestion = f"add notes {first.number}–{last.number} or remove the markers"
        yield Finding("marker-without-note", Severity.ERROR, message, tuple(_body_at(m) for m in group),
                      tuple(m.label for m in group), suggestion)


def check_note_without_marker(ctx: AuditContext) -> Iterator[Finding]:
    texts = {(n.number, n.span.line): n.text for n in ctx.notes.notes}
    for group in _unpaired(_note_items(ctx), _marker_items(ctx)):
        first, last = group[0], group[-1]
        if len(group) == 1:
            message = f"Note {first.number} (line {first.line}) is never referred to in the text"
            suggestion = f"add marker {first.number} in the text or remove the note"
        else:
            message = f"Notes {first.number}–{last.number} (lines {first.line}–{last.line}) are never referred to " \
                      "in the text"
            suggestion = f"add markers {first.number}–{last.number} in the text or remove the notes"
        yield Finding("note-without-marker", Severity.ERROR, message, tuple(_note_at(n) for n in group),
                      tuple(texts[(n.number, n.line)][:80] for n in group), suggestion)
