"""resolve_short_forms(): point each Ibid., op. cit., loc. cit., supra, cross-reference and short
title at the full citation it repeats, or say why it cannot be decided. Never guess."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from audit import resolve_legal as legal
from audit.extract.patterns import ENTRY_LABEL
from audit.matching import authors_match, record_names, short_title_matches, years_of
from audit.models import Citation, ParsedReference
from audit.persons import names_of
from audit.shortforms import ShortForm, read_short_form

Status = Literal["resolved", "unresolved", "ambiguous"]
_REPEATS_PREVIOUS = frozenset({"ibid", "id"})
_NAMED = frozenset({"op-cit", "loc-cit", "short", "supra"})
_BY_NOTE_NUMBER = frozenset({"cross-ref", "infra"})


@dataclass(frozen=True, slots=True)
class Resolution:
    citation: str
    status: Status
    antecedent: str | None
    reason: str
    candidates: tuple[str, ...] = ()
    entry: int | None = None  # a bibliography entry that names the work when no full citation does


def _order(citation: Citation) -> tuple[int, int, int]:
    index = int(citation.id.rsplit(".", 1)[1])
    return (citation.span.line, citation.note if citation.note is not None else 10**9, index)


def _matches(short: ShortForm, text: str, kind: str, fields: dict) -> bool:
    """Does a short form name the work a full citation or bibliography entry describes?"""
    if short.interview and not (kind == "interview" or "interview" in text.lower()):
        return False
    if short.authors and not authors_match(short.authors, record_names(fields)):
        return False
    if short.title and not short_title_matches(short.title, str(fields.get("title", ""))):
        return False
    if short.year and short.year not in years_of(str(fields.get("date", ""))) | years_of(
            str(fields.get("title", ""))):
        return False
    return bool(short.authors or short.title)


def _distinct_works(candidates: list[Citation]) -> list[Citation]:
    """Several full citations of one work are one candidate: keep the latest of each title."""
    seen: dict[str, Citation] = {}
    for citation in candidates:
        seen[str(citation.fields.get("title", citation.text)).casefold()] = citation
    return list(seen.values())


class _Resolver:
    def __init__(self, entries: Sequence[tuple[int, ParsedReference, str]]) -> None:
        self.entries = entries
        self.full: list[Citation] = []
        self.target: dict[str, str | None] = {}  # citation id -> full citation id it stands for
        self.entry_of: dict[str, int | None] = {}
        self.by_note: dict[int, list[Citation]] = {}
        self.out: dict[str, Resolution] = {}
        self.pin: dict[str, str | None] = {}  # the page each citation points at, inherited by Ibid./loc. cit.
        self.ordered: list[Citation] = []  # every citation in reading order (a short form may come before its full)
        self.note_order: list[int] = []
        self.position: dict[int, int] = {}  # note number -> its place in note_order
        self.by_id: dict[str, Citation] = {}
        self.cases: dict[tuple[str, str] | None, list[Citation]] = {}  # full case citations by volume and reporter
        self.named: list[Citation] = []  # full citations that give a [hereinafter] name

    def _record(self, citation: Citation, status: Status, antecedent: str | None, reason: str,
                candidates: tuple[str, ...] = (), entry: int | None = None) -> None:
        self.out[citation.id] = Resolution(citation.id, status, antecedent, reason, candidates, entry)
        self.target[citation.id] = antecedent
        self.entry_of[citation.id] = entry

    def _repeat(self, citation: Citation, previous: Citation, why: str) -> None:
        antecedent = self.target.get(previous.id)
        entry = self.entry_of.get(previous.id)
        if antecedent is None and entry is not None and previous.form is not None:
            antecedent = previous.id  # "Ibid.: 45" after "Kirton (2008)": the same reference-list entry
        if antecedent is None:
            self._record(citation, "unresolved", None,
                         f"it repeats {previous.id}, which could not be resolved itself ({why})", entry=entry)
        else:
            self._record(citation, "resolved", antecedent, why, entry=entry)
        if citation.kind in _REPEATS_PREVIOUS and citation.pinpoint is None:
            self.pin[citation.id] = self.pin.get(previous.id)  # a bare "Ibid." repeats the page too

    def _ibid(self, citation: Citation, previous_note: int | None) -> None:
        same_note = self.by_note.get(citation.note, []) if citation.note is not None else []
        if same_note:
            self._repeat(citation, same_note[-1], "the citation before it in the same note")
            return
        if citation.kind == "id":
            self._id_across_notes(citation)
            return
        if previous_note is None:
            self._record(citation, "unresolved", None, "no note comes before it")
            return
        before = self.by_note.get(previous_note, [])
        if not before:
            self._record(citation, "unresolved", None, f"note {previous_note} before it cites no work")
        elif len(before) > 1:
            self._record(citation, "ambiguous", None,
                         f"note {previous_note} before it cites {len(before)} works",
                         tuple(c.id for c in before))
        else:
            self._repeat(citation, before[0], f"the only citation in note {previous_note}")

    def _id_across_notes(self, citation: Citation) -> None:
        """Bluebook "Id." at the start of a note: the one authority of the previous note that cites something."""
        position = self.position.get(citation.note, 0) if citation.note is not None else 0
        before: list[Citation] = []
        for number in reversed(self.note_order[:position]):
            before = self.by_note.get(number, [])
            if before:
                break
        if not before:
            self._record(citation, "unresolved", None, "no note before it cites anything")
            return
        number = before[0].note
        authorities = {self.target.get(c.id) or c.id for c in before}
        if len(authorities) > 1:
            self._record(citation, "ambiguous", None,
                         f"note {number} before it cites {len(authorities)} authorities",
                         tuple(c.id for c in before))
        else:
            self._repeat(citation, before[-1], f"the authority cited in note {number}")

    def _legal_short(self, citation: Citation) -> None:
        """"Verizon, 740 F.3d at 650": the earlier full citation of the case in 740 F.3d."""
        key = legal.reporter_key(citation)
        found = legal.cases_cited_as(citation, self.cases.get(key, [])) or legal.named_by_hereinafter(
            citation, self.named)
        if len(found) == 1:
            self._record(citation, "resolved", found[0].id, "it gives the volume and reporter of an earlier full "
                         "citation of the case")
            return
        if found:
            self._record(citation, "ambiguous", None, f"{len(found)} earlier cases match it",
                         tuple(c.id for c in found))
            return
        later = legal.cases_cited_as(citation, [c for c in self.ordered if _order(c) > _order(citation)])
        volume = f"{citation.fields.get('volume')} {citation.fields.get('container-title')}"
        if later:
            where = f"note {later[0].note}" if later[0].note is not None else f"line {later[0].span.line}"
            self._record(citation, "unresolved", None, f"the short form comes before the full citation of the "
                         f"case, which is only given later, in {where}")
        else:
            self._record(citation, "unresolved", None, f"no full citation of a case in {volume} comes before it")

    def _supra_note(self, citation: Citation, target: int) -> None:
        """"Author, supra note N": the work of note N, chosen by author or short title when note N has several."""
        if citation.note is not None and target >= citation.note:
            self._record(citation, "unresolved", None, f"supra points back, but note {target} comes after it")
            return
        works: dict[str, Citation] = {}
        for cited in self.by_note.get(target, []):
            antecedent = self.target.get(cited.id)
            if antecedent is not None:
                works.setdefault(antecedent, self.by_id[antecedent])
        if not works:
            self._record(citation, "unresolved", None, f"note {target} cites no work that could be traced")
            return
        found = list(works.values()) if len(works) == 1 else legal.supra_candidates(citation, list(works.values()))
        if len(found) == 1:
            why = (f"the only work cited in note {target}" if len(works) == 1
                   else f"its author or short title names one of the {len(works)} works in note {target}")
            self._record(citation, "resolved", found[0].id, why)
        else:
            self._record(citation, "ambiguous", None,
                         f"note {target} cites {len(works)} works and its name does not tell which",
                         tuple(c.id for c in (found or works.values())))

    def _reference_list(self, citation: Citation) -> None:
        """Author-date and numbered citations point at the reference list, not at an earlier citation."""
        if citation.form == "numeric":
            found = [index for index, _, text in self.entries if _label_number(text) == citation.key]
        else:
            short = ShortForm(names_of(tuple(citation.fields.get("author", ()))), None,
                              str(citation.fields.get("date", "")) or None, False)
            found = [index for index, parsed, text in self.entries if _matches_author_date(short, text, parsed)]
        if len(found) == 1:
            self._record(citation, "resolved", None, "it names one entry of the reference list", entry=found[0])
        elif found:
            self._record(citation, "ambiguous", None, f"{len(found)} reference-list entries match it",
                         tuple(f"e{i}" for i in found))
        else:
            self._record(citation, "unresolved", None, "no reference-list entry matches it")

    def _named(self, citation: Citation) -> None:
        if citation.kind == "supra" and citation_target(citation) is not None:
            self._supra_note(citation, citation_target(citation))
            return
        if citation.kind == "short" and citation.type == "legal" and legal.reporter_key(citation):
            self._legal_short(citation)
            return
        named = legal.named_by_hereinafter(citation, self.named) if citation.kind == "short" else []
        if len(named) == 1:
            self._record(citation, "resolved", named[0].id, "it is the name an earlier citation gives the work "
                         "with [hereinafter]")
            return
        short = read_short_form(citation.text)
        candidates = _distinct_works([c for c in self.full if _matches(short, c.text, c.type, c.fields)])
        if len(candidates) == 1:
            self._record(citation, "resolved", candidates[0].id, "its author and title match one earlier citation")
            if citation.kind == "loc-cit" and citation.pinpoint is None:
                self.pin[citation.id] = self.pin.get(candidates[0].id)  # "loc. cit.": the same place
            return
        if len(candidates) > 1:
            self._record(citation, "ambiguous", None, f"{len(candidates)} earlier works match it",
                         tuple(c.id for c in candidates))
            return
        entry = self._entry_for(short)
        where = f"; the bibliography lists it (entry {entry})" if entry else ""
        self._record(citation, "unresolved", None, f"no earlier full citation matches it{where}", entry=entry)

    def _entry_for(self, short: ShortForm) -> int | None:
        found = []
        for index, parsed, text in self.entries:
            if _matches(short, text, parsed.type, parsed.fields):
                found.append(index)
        return found[0] if len(found) == 1 else None

    def _by_number(self, citation: Citation) -> None:
        target = citation_target(citation)
        cited = self.by_note.get(target, []) if target is not None else []
        if target is None:
            self._record(citation, "unresolved", None, "it names no note")
        elif len(cited) == 1:
            self._repeat(citation, cited[0], f"the only citation in note {target}")
        elif not cited:
            self._record(citation, "unresolved", None, f"note {target} cites no work")
        else:
            self._record(citation, "ambiguous", None, f"note {target} cites {len(cited)} works",
                         tuple(c.id for c in cited))

    def run(self, citations: Sequence[Citation], note_order: Sequence[int]) -> None:
        previous_of = {n: (note_order[i - 1] if i else None) for i, n in enumerate(note_order)}
        self.note_order = list(note_order)
        self.position = {n: i for i, n in enumerate(note_order)}
        self.ordered = sorted(citations, key=_order)
        self.by_id = {c.id: c for c in citations}
        forward: list[Citation] = []
        for citation in self.ordered:
            self.pin[citation.id] = citation.pinpoint
            target = citation_target(citation) if citation.kind in _BY_NOTE_NUMBER else None
            if target is not None and citation.note is not None and target >= citation.note:
                forward.append(citation)  # "infra note 40" / "see note 40 below": decided after the pass
                continue
            if citation.form is not None:
                self._reference_list(citation)
            elif citation.kind == "full":
                self.target[citation.id] = citation.id
                self.full.append(citation)
                if legal.reporter_key(citation):
                    self.cases.setdefault(legal.reporter_key(citation), []).append(citation)
                if legal.given_name(citation):
                    self.named.append(citation)
            elif citation.kind in _REPEATS_PREVIOUS:
                self._ibid(citation, previous_of.get(citation.note) if citation.note is not None else None)
            elif citation.kind in _NAMED:
                self._named(citation)
            elif citation.kind in _BY_NOTE_NUMBER:
                self._by_number(citation)
            if citation.note is not None:
                self.by_note.setdefault(citation.note, []).append(citation)
        for citation in forward:
            self._by_number(citation)



def _label_number(entry_text: str) -> str | None:
    match = ENTRY_LABEL.match(entry_text)
    return match.group("label").strip("[].") if match else None


def _matches_author_date(short: ShortForm, text: str, parsed: ParsedReference) -> bool:
    """"Smith 2004a" names the entry by Smith dated 2004 (and lettered a, when letters are used)."""
    year = (short.year or "").replace(" ", "")
    digits = year[:4]
    if not authors_match(short.authors, record_names(parsed.fields)):
        return False
    if year.startswith("n.d"):
        return not years_of(str(parsed.fields.get("date", "")))
    if digits not in years_of(str(parsed.fields.get("date", ""))) | years_of(text[:200]):
        return False
    return len(year) == 4 or f"{digits}{year[4:]}" in text.replace(" ", "")


def citation_target(citation: Citation) -> int | None:
    """The note number a supra/infra/cross-reference names ("supra note 12"), if any."""
    from audit.extract.patterns import CROSS_REF, INFRA, SUPRA

    for pattern in (CROSS_REF, SUPRA, INFRA):
        match = pattern.search(citation.text)
        if match and match.group("num"):
            return int(match.group("num"))
    return None


def resolve_short_forms(citations: Sequence[Citation], note_order: Sequence[int],
                        entries: Sequence[tuple[int, ParsedReference, str]] = ()) -> tuple[
                            list[Citation], dict[str, Resolution]]:
    """Citations with `antecedent` set where it can be decided, and a Resolution per short form."""
    resolver = _Resolver(entries)
    resolver.run(citations, note_order)
    out = [replace(c, antecedent=resolver.out[c.id].antecedent, pinpoint=resolver.pin.get(c.id, c.pinpoint))
           if c.id in resolver.out else c for c in citations]
    return out, resolver.out
