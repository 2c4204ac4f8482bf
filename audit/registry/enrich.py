"""`citeaudit bib --enrich`: the registry's DOI and the fields it contradicts, put into the works.

Only works the registry found (VERIFIED, MISMATCH, RETRACTED) change, and only in the fields the verdict
compared: each change is listed in plain English, so the author sees exactly what the registry corrected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from audit.models import Work
from audit.persons import names_of
from audit.registry.records import RegistryStatus, Verdict
from audit.rules.registry import FIELD_NAMES, SOURCE_NAMES

FOUND = (RegistryStatus.VERIFIED, RegistryStatus.MISMATCH, RegistryStatus.RETRACTED)


def enrich_works(works: Sequence[Work], verdicts: Mapping[str, Verdict]) -> tuple[list[Work], list[str]]:
    """Works with the registry's DOI added and contradicted fields replaced; the changes, one line each."""
    out: list[Work] = []
    changes: list[str] = []
    for work in works:
        verdict = verdicts.get(work.id)
        if verdict is None or verdict.status not in FOUND or verdict.registered is None:
            out.append(work)
            continue
        fields = dict(work.fields)
        source = SOURCE_NAMES.get(verdict.source or "", verdict.source or "the registry")
        label = f"{work.key or work.id}"
        for difference in verdict.differences:
            if difference.field == "author":
                fields["author"] = _replace_name(fields.get("author") or (), difference.cited, difference.registered)
            elif difference.field == "date":
                fields["date"] = difference.registered
            else:
                fields[difference.field] = difference.registered
            name = FIELD_NAMES.get(difference.field, difference.field)
            changes.append(f"{label}: {name} '{difference.cited}' -> '{difference.registered}' ({source})")
        doi = verdict.registered.doi
        if doi and not fields.get("doi"):
            fields["doi"] = doi
            changes.append(f"{label}: DOI {doi} added ({source})")
        if verdict.status is RegistryStatus.RETRACTED:
            changes.append(f"{label}: retracted according to {source}; the entry is kept as cited")
        out.append(replace(work, fields=fields))
    return out, changes


def _replace_name(names: object, cited: str, registered: str) -> tuple[str, ...]:
    written = tuple(names) if isinstance(names, tuple | list) else (str(names),)
    target = names_of((cited,))
    out = []
    for name in written:
        parsed = names_of((name,))
        out.append(registered if name == cited or (parsed and target and parsed[0].key == target[0].key) else name)
    return tuple(out)
