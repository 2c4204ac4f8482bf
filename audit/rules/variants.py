"""title-variant, date-variant and field-variant: the descriptions of one work disagree."""

from __future__ import annotations

from collections.abc import Iterator

from audit.cluster import Record
from audit.dates import read_date
from audit.findings import Finding, Severity
from audit.rules.context import AuditContext
from audit.similarity import partial
from audit.textnorm import clean_title, fold, normalise_punctuation

# Fields compared between the descriptions of one work, and their names in messages.
_COMPARED_FIELDS = {"container-title": "container", "publisher": "publisher", "location": "place",
                    "url": "URL"}


def _members(ctx: AuditContext) -> Iterator[tuple[str, tuple[Record, ...]]]:
    if ctx.clustering is None:
        return
    for wid, records in ctx.clustering.members.items():
        if len(records) > 1:
            yield wid, records


def _reference(records: tuple[Record, ...]) -> Record:
    """The description others are compared with: the bibliography entry when there is one."""
    return next((r for r in records if r.ref.startswith("e")), records[0])


def _display(value: str) -> str:
    return normalise_punctuation(clean_title(value))


def check_title_variants(ctx: AuditContext) -> Iterator[Finding]:
    yield from _work_title_variants(ctx)
    yield from check_volume_title_variants(ctx)


def _work_title_variants(ctx: AuditContext) -> Iterator[Finding]:
    for _, records in _members(ctx):
        reference = _reference(records)
        ref_title = str(reference.fields.get("title", ""))
        if not ref_title:
            continue
        for record in records:
            title = str(record.fields.get("title", ""))
            if record is reference or not title or _display(title) == _display(ref_title):
                continue
            if "legal" in (record.type, reference.type):
                continue  # a case name spelled two ways is a name-variant (rules/legal.py)
            case_only = fold(title) == fold(ref_title)
            what = "only in capitalisation or punctuation" if case_only else "in wording"
            source = "the bibliography" if reference.ref.startswith("e") else ctx.describe(reference.ref)
            yield Finding(
                "title-variant", Severity.INFO if case_only else Severity.WARNING,
                f"The title in {ctx.describe(record.ref)} differs {what} from {source}: "
                f"'{clean_title(title)}' vs '{clean_title(ref_title)}'.",
                (ctx.locate(record.ref), ctx.locate(reference.ref)), (clean_title(title), clean_title(ref_title)),
                clean_title(ref_title))


def check_volume_title_variants(ctx: AuditContext) -> Iterator[Finding]:
    """A chapter's book title against the listed volume's title ("…'s New Strategy" / "…'s Strategy")."""
    from audit.rules.coverage import index_volumes, volume_entry

    if ctx.clustering is None:
        return
    volumes = index_volumes(ctx)
    reported: set[tuple[str, int]] = set()
    for records in ctx.clustering.members.values():
        for record in records:
            container = str(record.fields.get("container-title", ""))
            if record.type != "chapter" or not container:
                continue
            index = volume_entry(volumes, container, exclude=tuple(
                int(r.ref[1:]) for r in records if r.ref.startswith("e")))
            volume_title = str(ctx.entry_fields[index].fields.get("title", "")) if index else ""
            if not volume_title or _display(container) == _display(volume_title):
                continue
            if (_display(container), index) in reported:
                continue
            reported.add((_display(container), index))
            case_only = fold(container) == fold(volume_title)
            yield Finding(
                "title-variant", Severity.INFO if case_only else Severity.WARNING,
                f"The volume is called '{clean_title(container)}' in {ctx.describe(record.ref)} but "
                f"'{clean_title(volume_title)}' in bibliography entry {index}.",
                (ctx.locate(record.ref), ctx.locate(f"e{index}")), (clean_title(container), clean_title(volume_title)),
                clean_title(volume_title))


def check_date_variants(ctx: AuditContext) -> Iterator[Finding]:
    for _, records in _members(ctx):
        reference = _reference(records)
        ref_date = str(reference.fields.get("date", ""))
        if not ref_date:
            continue
        ref_parts = read_date(ref_date)
        for record in records:
            date = str(record.fields.get("date", ""))
            if record is reference or not date or not read_date(date).conflicts_with(ref_parts):
                continue
            source = "the bibliography" if reference.ref.startswith("e") else ctx.describe(reference.ref)
            yield Finding("date-variant", Severity.WARNING,
                          f"{ctx.describe(record.ref).capitalize()} dates this work '{date}' but {source} "
                          f"says '{ref_date}'.", (ctx.locate(record.ref), ctx.locate(reference.ref)),
                          (date, ref_date), ref_date)


def _comparable(field: str, value: str) -> str:
    if field == "url":
        return value.strip("<>.,; ").rstrip("/").split("://", 1)[-1].removeprefix("www.")
    return fold(value)


def _compatible(field: str, a: str, b: str) -> bool:
    x, y = _comparable(field, a), _comparable(field, b)
    if x == y:
        return True
    if field == "url":
        return False
    # "EUCAM Policy Brief" inside "EU-Central Asia Monitoring (EUCAM) Policy Brief": an abbreviation,
    # and parsers split "London, Defense Academy" differently: only clear disagreements count.
    return x in y or y in x or partial(x, y) >= 90


def check_field_variants(ctx: AuditContext) -> Iterator[Finding]:
    for _, records in _members(ctx):
        reference = _reference(records)
        for field, label in _COMPARED_FIELDS.items():
            ref_value = str(reference.fields.get(field, ""))
            if not ref_value:
                continue
            for record in records:
                value = str(record.fields.get(field, ""))
                if record is reference or not value or _compatible(field, value, ref_value):
                    continue
                source = "the bibliography" if reference.ref.startswith("e") else ctx.describe(reference.ref)
                yield Finding("field-variant", Severity.WARNING,
                              f"The {label} in {ctx.describe(record.ref)} is '{value}' but {source} gives "
                              f"'{ref_value}'.", (ctx.locate(record.ref), ctx.locate(reference.ref)),
                              (value, ref_value), ref_value)
