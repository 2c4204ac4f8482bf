"""name-variant: one person or organisation spelled two ways, or initials that contradict each other."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from audit.findings import Finding, Location, Severity
from audit.matching import surnames_match
from audit.persons import PersonName, analyse_name, names_of
from audit.rules.context import AuditContext
from audit.shortforms import read_short_form
from audit.similarity import ratio
from audit.textnorm import fold, normalise_punctuation
from audit.thresholds import MIN_SURNAME_FOR_CROSS_WORK, SAME_SURNAME

_SHORT_KINDS = frozenset({"op-cit", "loc-cit", "short", "supra"})


@dataclass(frozen=True, slots=True)
class Occurrence:
    person: PersonName
    ref: str  # citation id or "e<index>"
    work: str | None
    heads_entry: bool = False  # the first name of a bibliography entry, conventionally inverted

    @property
    def in_bibliography(self) -> bool:
        return self.ref.startswith("e")


def collect_occurrences(ctx: AuditContext) -> list[Occurrence]:
    found: list[Occurrence] = []
    for citation in ctx.citations:
        if citation.form == "numeric" or citation.type == "legal":
            continue  # a case or statute names parties, not authors: rules/legal.py compares case names
        if citation.kind == "full" or citation.form == "author-date":
            people = names_of(tuple(citation.fields.get("author", ())) + tuple(citation.fields.get("editor", ())))
        elif citation.kind in _SHORT_KINDS:
            people = read_short_form(citation.text).authors
        else:
            continue
        found += [Occurrence(p, citation.id, citation.work) for p in people]
    work_of = ctx.clustering.entry_work if ctx.clustering else {}
    for index, parsed in ctx.entry_fields.items():
        people = names_of(tuple(parsed.fields.get("author", ())) + tuple(parsed.fields.get("editor", ())))
        found += [Occurrence(p, f"e{index}", work_of.get(index), i == 0) for i, p in enumerate(people)]
    return found


def _linked(a: Occurrence, b: Occurrence) -> bool:
    if not surnames_match(a.person, b.person):
        return False
    if a.work is not None and a.work == b.work or a.person.key == b.person.key:
        return True
    # Across works only long surnames count: short ones collide between different people.
    return min(len(a.person.key), len(b.person.key)) >= MIN_SURNAME_FOR_CROSS_WORK


def _groups(occurrences: list[Occurrence]) -> list[list[Occurrence]]:
    parent = list(range(len(occurrences)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_initial: dict[str, list[int]] = defaultdict(list)
    for i, occ in enumerate(occurrences):
        for key in {occ.person.key, occ.person.inverted_guess} - {""}:
            by_initial[key[:1]].append(i)
    for members in by_initial.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if find(i) != find(j) and _linked(occurrences[i], occurrences[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[Occurrence]] = defaultdict(list)
    for i, occ in enumerate(occurrences):
        groups[find(i)].append(occ)
    return [g for g in groups.values() if len(g) > 1]


def _written_surname(occ: Occurrence, group: list[Occurrence]) -> str:
    """The surname as written. A two-word name without a comma is read by convention: inverted
    ("Délétroz Alain") at the head of a bibliography entry, in natural order ("Alain Délétroz") in a
    note; the other reading is used only when it alone agrees with the rest of the group."""
    person = occ.person
    if not person.inverted_guess:
        return normalise_punctuation(person.surname)
    first, last = person.written.split()[0], normalise_punctuation(person.surname)
    preferred, other = (first, last) if occ.heads_entry else (last, first)
    others = [o.person for o in group if o is not occ]

    def agrees(form: str) -> bool:
        return any(ratio(fold(form), k) >= SAME_SURNAME for p in others for k in {p.key, p.inverted_guess} - {""})

    return other if agrees(other) and not agrees(preferred) else preferred


def _choose(forms: Counter, bib_forms: set[str]) -> tuple[str | None, str]:
    ranked = forms.most_common()
    if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
        return ranked[0][0], f"used {ranked[0][1]} of {sum(forms.values())} times"
    if len(bib_forms) == 1:
        return next(iter(bib_forms)), "the form the bibliography uses"
    return None, "no form is used by the bibliography or a majority"


def _where(ctx: AuditContext, refs: list[str]) -> list[Location]:
    seen: dict[tuple, Location] = {}
    for ref in refs:
        loc = ctx.locate(ref)
        seen.setdefault((loc.kind, loc.number, loc.index, loc.line), loc)
    return list(seen.values())


def _spelling_finding(ctx: AuditContext, group: list[Occurrence]) -> Finding | None:
    forms: Counter = Counter()
    bib_forms: set[str] = set()
    refs_by_form: dict[str, list[str]] = defaultdict(list)
    for occ in group:
        form = occ.person.written if occ.person.corporate else _written_surname(occ, group)
        forms[form] += 1
        refs_by_form[form].append(occ.ref)
        if occ.in_bibliography:
            bib_forms.add(form)
    if len(forms) < 2:
        return None
    if group[0].person.corporate:
        full = [f for f in forms if " " in f]  # an acronym alone (UNODC) is an abbreviation, not a variant
        folded = {fold(analyse_name(f).surname) for f in full}
        if len(folded) < 2 or len(full) < 2:
            return None
    suggestion, why = _choose(forms, bib_forms)
    places = "; ".join(f"'{form}' in {', '.join(ctx.describe(r) for r in refs_by_form[form][:4])}"
                       + (" …" if len(refs_by_form[form]) > 4 else "") for form in forms)
    message = f"One name is spelled {len(forms)} ways: {places}."
    if suggestion:
        message += f" Suggested: '{suggestion}' ({why})."
    values = tuple(sorted(forms, key=lambda f: (-forms[f], f)))
    return Finding("name-variant", Severity.WARNING, message,
                   tuple(_where(ctx, [r for f in values for r in refs_by_form[f]])), values, suggestion)


def _initials_findings(ctx: AuditContext, group: list[Occurrence]) -> Iterator[Finding]:
    by_surname: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in group:
        if not occ.person.corporate and occ.person.initials:
            by_surname[occ.person.key].append(occ)
    for occurrences in by_surname.values():
        reported: set[frozenset[str]] = set()
        for i, a in enumerate(occurrences):
            for b in occurrences[i + 1:]:
                x, y = a.person.initials, b.person.initials
                if x[:len(y)] == y or y[:len(x)] == x:
                    continue
                same_work = a.work is not None and a.work == b.work
                reordered = len(x) >= 2 and sorted(x) == sorted(y)
                pair = frozenset({a.person.written, b.person.written})
                if not (same_work or reordered) or pair in reported:
                    continue
                reported.add(pair)
                message = (f"The initials of '{a.person.written}' ({ctx.describe(a.ref)}) contradict "
                           f"'{b.person.written}' ({ctx.describe(b.ref)}).")
                bib = a if a.in_bibliography else b if b.in_bibliography else None
                yield Finding("name-variant", Severity.WARNING, message, tuple(_where(ctx, [a.ref, b.ref])),
                              (a.person.written, b.person.written), bib.person.written if bib else None)


def check_name_variants(ctx: AuditContext) -> Iterator[Finding]:
    for group in _groups(collect_occurrences(ctx)):
        finding = _spelling_finding(ctx, group)
        if finding:
            yield finding
        yield from _initials_findings(ctx, group)
