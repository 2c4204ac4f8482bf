"""missing-field, not-in-bibliography, uncited-entry, duplicate-entry."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.cluster import Record
from audit.extract.note_citations import entry_heads
from audit.extract.patterns import YEAR
from audit.findings import Finding, Location, Severity
from audit.matching import title_key, title_keys_match
from audit.models import Citation, ParsedReference, Work
from audit.rules.context import AuditContext
from audit.textnorm import clean_title, fold
from audit.thresholds import BLOCK_PREFIX

# What each type of reference cannot do without (the contract checks author, title and year).
_NEEDS_AUTHOR = frozenset({"article", "chapter", "book", "thesis", "interview", "speech"})
_NO_TITLE_NEEDED = frozenset({"interview", "speech"})
_NO_DATE_NEEDED = frozenset({"webpage"})
# "47 U.S.C. § 153(53)": the Bluebook lets a citation of the current code leave out its year (rule 12.3.2)
_CODE_SECTION = re.compile(r"\d\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)*\s+§")
# Documents read online whose access date may stand in for a publication date; articles, books,
# chapters and theses always have a publication year.
_ONLINE_DOCUMENT_TYPES = frozenset({"report", "other", "legal"})
# Author-date look-alikes in a note-style paper rarely match the reference list; when more than this
# share of them match nothing, the document does not cite author-date and none is reported.
MAX_UNMATCHED_SHARE = 0.5
# When fewer than this share of the works cited in full in notes are listed, full notes stand alone.
MIN_LISTED_SHARE = 0.5
# "Smith (2004)", "Smith and Jones (2004: 3)": names, then the year in brackets
NARRATIVE_CITATION = re.compile(r"^[^()]+\(\s*(?:1[5-9]\d\d|20\d\d)")


def _missing(record: Record) -> list[str]:
    fields = record.fields
    missing = []
    if record.type in _NEEDS_AUTHOR and not (fields.get("author") or fields.get("editor")):
        missing.append("author")
    if record.type not in _NO_TITLE_NEEDED and not fields.get("title"):
        missing.append("title")
    # Chicago accepts an access date in place of a publication date for documents read online.
    online = bool(fields.get("url") and fields.get("accessed")) and record.type in _ONLINE_DOCUMENT_TYPES
    code = record.type == "legal" and bool(_CODE_SECTION.search(str(fields.get("title", ""))))
    if record.type not in _NO_DATE_NEEDED and not online and not code and not YEAR.search(str(fields.get("date", ""))):
        missing.append("date")
    return missing


def check_missing_fields(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.clustering is None:
        return
    pointers = {w.id for w in ctx.works if _is_pointer_only(w)}
    for wid, records in ctx.clustering.members.items():
        if wid in pointers:
            continue
        for record in records:
            missing = _missing(record)
            if not missing:
                continue
            elsewhere = {name: next((str(_as_text(r.fields[name])) for r in records
                                     if r is not record and r.fields.get(name)), None) for name in missing}
            hints = [f"{name} '{value}'" for name, value in elsewhere.items() if value]
            suggestion = ("; ".join(hints) + " (from another citation of this work)") if hints else None
            yield Finding("missing-field", Severity.WARNING,
                          f"{ctx.describe(record.ref).capitalize()} ({record.type}) has no "
                          f"{' or '.join(missing)}.", (ctx.locate(record.ref),), (record.text[:200],), suggestion)


def _as_text(value) -> str:
    return value if isinstance(value, str) else ", ".join(value)


VolumeIndex = dict[str, list[tuple[int, ParsedReference, str]]]


def index_volumes(ctx: AuditContext) -> VolumeIndex:
    """Entries by the first letters of their title, so finding a chapter's volume compares a few titles,
    not the whole bibliography (the clustering's blocking, for the same reason)."""
    index: VolumeIndex = {}
    made = _entry_title_keys(ctx)
    for number, parsed in ctx.entry_fields.items():
        key = made[number] if number in made else title_key(str(parsed.fields.get("title", "")))
        if key:
            index.setdefault(key[:BLOCK_PREFIX], []).append((number, parsed, key))
    return index


def _entry_title_keys(ctx: AuditContext) -> dict[int, str]:
    """Title keys of the entries by index, as the clustering already made them from the same fields."""
    if ctx.clustering is None:
        return {}
    return {int(r.ref[1:]): r.title for records in ctx.clustering.members.values() for r in records
            if r.ref.startswith("e")}


def _volume_entry(volumes: VolumeIndex, work: Work) -> int | None:
    return volume_entry(volumes, str(work.fields.get("container-title", "")), exclude=work.bibliography)


def volume_entry(volumes: VolumeIndex, container: str, exclude: tuple[int, ...] = ()) -> int | None:
    """The bibliography entry of the edited volume a chapter sits in, if the volume is listed."""
    wanted = title_key(container)
    if not wanted:
        return None
    matches = [(number, parsed, key) for number, parsed, key in volumes.get(wanted[:BLOCK_PREFIX], ())
               if number not in exclude and title_keys_match(wanted, key)]
    exact = [number for number, _, key in matches if key == wanted]
    books = [number for number, parsed, _ in matches if parsed.type == "book"]
    for choice in (exact, books, [number for number, _, _ in matches]):
        if len(choice) == 1:
            return choice[0]
    return None


def _is_pointer_only(work: Work) -> bool:
    """'For more information, see: <url>' names a page, not a work to list."""
    return not work.fields.get("title") and not work.fields.get("author") and bool(work.fields.get("url"))


def check_not_in_bibliography(ctx: AuditContext) -> Iterator[Finding]:
    if not ctx.entries or ctx.clustering is None:
        return
    yield from _unlisted_reference_citations(ctx)
    volumes = index_volumes(ctx)
    self_contained = _full_notes_stand_alone(ctx)
    for work in ctx.works:
        if work.bibliography or not work.citations or _is_pointer_only(work):
            continue
        cites = [ctx.citation(c) for c in work.citations]
        if self_contained and any(c.kind == "full" and c.note is not None for c in cites):
            continue  # a full citation in a note says all a reader needs
        locations = tuple(ctx.locate(c.id) for c in cites)
        title = clean_title(str(work.fields.get("title", ""))) or cites[0].text[:80]
        notes = ", ".join(str(c.note) for c in cites if c.note is not None) or "the text"
        volume = _volume_entry(volumes, work) if work.type == "chapter" else None
        if volume is not None:
            entry = ctx.entry(volume)
            yield Finding("not-in-bibliography", Severity.INFO,
                          f"'{title}' (notes {notes}) is not listed, but the volume it appears in is "
                          f"(bibliography entry {volume}).", (*locations, Location.entry(volume, entry.span.line)),
                          (title,), f"list the chapter, or keep only the volume (entry {volume})")
        else:
            yield Finding("not-in-bibliography", Severity.WARNING,
                          f"'{title}' is cited (notes {notes}) but has no bibliography entry.", locations,
                          (cites[0].text[:200],), "add it to the bibliography")


def _full_notes_stand_alone(ctx: AuditContext) -> bool:
    """Do the document's full-citation notes need no bibliography entry? So in a Wikipedia article (hundreds
    of full notes, a short Bibliography for the "Author Year, p." notes) or a paper whose notes comment and
    whose reference list serves its author-year citations: most works cited in full in a note are not
    listed. In a notes-and-bibliography paper most are, and a missing one is worth reporting."""
    full = [w for w in ctx.works if any(ctx.citation(c).kind == "full" and ctx.citation(c).note is not None
                                        for c in w.citations)]
    listed = sum(1 for w in full if w.bibliography)
    return bool(full) and listed < len(full) * MIN_LISTED_SHARE


def _unlisted_reference_citations(ctx: AuditContext) -> Iterator[Finding]:
    """Author-date and numbered citations that name no reference-list entry. Reported only when the
    document really cites that way (most such citations do find their entry), so a stray "(June 2004)"
    in a note-style paper never becomes a false alarm."""
    cites = [c for c in ctx.citations if c.form is not None and c.id in ctx.resolutions]
    unresolved = [c for c in cites if ctx.resolutions[c.id].status == "unresolved"]
    if not cites or len(unresolved) > len(cites) * MAX_UNMATCHED_SHARE:
        return
    heads = entry_heads(ctx.entries)
    for citation in unresolved:
        if _narrative_unknown(citation, heads):
            continue
        label = f"[{citation.key}]" if citation.form == "numeric" else citation.text
        yield Finding("not-in-bibliography", Severity.WARNING,
                      f"'{label}' is cited in the text (line {citation.span.line}) but no entry of the reference "
                      "list matches it.", (ctx.locate(citation.id),), (citation.text,),
                      "add the work to the reference list, or correct the citation")


def _narrative_unknown(citation: Citation, heads: str) -> bool:
    """ "Politische Einstellungen (1992)", "Study (1981)": a capitalised word before a year in brackets names
    a survey or a law as often as an author. When that word heads no entry, it is not reported."""
    if citation.form != "author-date" or citation.note is not None or not NARRATIVE_CITATION.match(citation.text):
        return False  # in notes, only listed authors' narrative citations are taken (note_citations)
    authors = citation.fields.get("author", ())
    words = fold(authors[0] if isinstance(authors, tuple) and authors else str(authors)).split()
    return not words or words[-1] not in heads


def check_uncited_entries(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.clustering is None or ctx.document.format == "bibtex":
        return  # a .bib file audited alone cites nothing
    volumes = index_volumes(ctx)
    cited_volumes = {_volume_entry(volumes, w) for w in ctx.works if w.citations and w.type == "chapter"}
    for work in ctx.works:
        if work.citations:
            continue
        for index in work.bibliography:
            if index in cited_volumes:
                continue  # an edited volume whose chapters are cited
            entry = ctx.entry(index)
            yield Finding("uncited-entry", Severity.INFO,
                          f"Bibliography entry {index} is never cited in the notes or text.",
                          (Location.entry(index, entry.span.line),), (entry.text[:200],),
                          "cite it or remove it from the bibliography")


def check_duplicate_entries(ctx: AuditContext) -> Iterator[Finding]:
    for work in ctx.works:
        if len(work.bibliography) < 2:
            continue
        entries = [ctx.entry(i) for i in work.bibliography]
        yield Finding("duplicate-entry", Severity.WARNING,
                      f"Bibliography entries {', '.join(str(e.index) for e in entries)} describe the same work.",
                      tuple(Location.entry(e.index, e.span.line) for e in entries),
                      tuple(e.text[:200] for e in entries), f"keep entry {entries[0].index} only")
