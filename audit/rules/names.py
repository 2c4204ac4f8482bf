"""name-variant: one person or organisation spelled two ways, or initials that contradict each other."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from audit.blocking import NameForm, UnionFind, candidate_form_pairs, name_form
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


def _linked(a: PersonName, b: PersonName, *, share_a_work: bool) -> bool:
    if not surnames_match(a, b):
        return False
    if share_a_work or a.key == b.key:
        return True
    # Across works only long surnames count: short ones collide between different people.
    return min(len(a.key), len(b.key)) >= MIN_SURNAME_FOR_CROSS_WORK


def _groups(occurrences: list[Occurrence]) -> list[list[Occurrence]]:
    """Occurrences of one person or body, groups in order of first occurrence.

    Linking is decided per distinct name form (all occurrences of one form are linked to each other),
    and only forms that could match are compared: see `candidate_form_pairs`. The groups are exactly
    those of comparing every pair of occurrences whose folded surnames share a first letter."""
    forms: dict[NameForm, list[int]] = defaultdict(list)
    for i, occ in enumerate(occurrences):
        if _initials_of(occ.person):
            forms[name_form(occ.person)].append(i)
    order = list(forms)
    position = {form: n for n, form in enumerate(order)}
    works = [{occurrences[i].work for i in forms[form]} - {None} for form in order]
    union = UnionFind(len(order))
    for x, y in candidate_form_pairs(order):
        if union.find(x) == union.find(y):
            continue
        a, b = occurrences[forms[order[x]][0]].person, occurrences[forms[order[y]][0]].person
        if _initials_of(a) & _initials_of(b) and _linked(a, b, share_a_work=bool(works[x] & works[y])):
            union.union(x, y)
    groups: dict[int, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        if _initials_of(occ.person):
            groups[union.find(position[name_form(occ.person)])].append(occ)
    return [g for g in groups.values() if len(g) > 1]


def _initials_of(person: PersonName) -> set[str]:
    """The first letters the blocking uses: of the folded surname and of the inverted reading."""
    return {key[:1] for key in _keys(person)}


def _written_surname(occ: Occurrence, group_keys: Counter) -> str:
    """The surname as written. A two-word name without a comma is read by convention: inverted
    ("Délétroz Alain") at the head of a bibliography entry, in natural order ("Alain Délétroz") in a
    note; the other reading is used only when it alone agrees with the rest of the group.
    `group_keys` counts the folded keys (surname, inverted reading) of the whole group."""
    person = occ.person
    if not person.inverted_guess:
        return normalise_punctuation(person.surname)
    first, last = person.written.split()[0], normalise_punctuation(person.surname)
    preferred, other = (first, last) if occ.heads_entry else (last, first)
    own = _keys(person)
    others = [k for k, count in group_keys.items() if count > (1 if k in own else 0)]

    def agrees(form: str) -> bool:
        return any(ratio(fold(form), k) >= SAME_SURNAME for k in others)

    return other if agrees(other) and not agrees(preferred) else preferred


def _keys(person: PersonName) -> set[str]:
    return {person.key, person.inverted_guess} - {""}


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
    group_keys = Counter(k for occ in group for k in _keys(occ.person))
    for occ in group:
        form = occ.person.written if occ.person.corporate else _written_surname(occ, group_keys)
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


def _contradicting_pairs(occurrences: list[Occurrence]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of one surname whose initials contradict, within one work or only reordered
    (J. A. / A. J.); one pair per two written forms, the first in reading order.

    Only pairs that can qualify are looked at (occurrences of one work; the first occurrence of each
    written form among forms with the same sorted initials), so a surname cited thousands of times
    is not compared pairwise."""
    by_work: dict[str, list[int]] = defaultdict(list)
    first_written: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for i, occ in enumerate(occurrences):
        if occ.work is not None:
            by_work[occ.work].append(i)
        if len(occ.person.initials) >= 2:
            first_written[tuple(sorted(occ.person.initials))].setdefault(occ.person.written, i)
    candidates = [pair for members in by_work.values() for pair in combinations(members, 2)]
    candidates += [pair for firsts in first_written.values() for pair in combinations(sorted(firsts.values()), 2)]
    first: dict[frozenset[str], tuple[int, int]] = {}
    for i, j in candidates:
        a, b = occurrences[i], occurrences[j]
        x, y = a.person.initials, b.person.initials
        if x[:len(y)] == y or y[:len(x)] == x:
            continue
        same_work = a.work is not None and a.work == b.work
        reordered = len(x) >= 2 and sorted(x) == sorted(y)
        if same_work or reordered:
            pair = frozenset({a.person.written, b.person.written})
            first[pair] = min(first.get(pair, (i, j)), (i, j))
    return sorted(first.values())


def _initials_findings(ctx: AuditContext, group: list[Occurrence]) -> Iterator[Finding]:
    by_surname: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in group:
        if not occ.person.corporate and occ.person.initials:
            by_surname[occ.person.key].append(occ)
    for occurrences in by_surname.values():
        for i, j in _contradicting_pairs(occurrences):
            a, b = occurrences[i], occurrences[j]
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
