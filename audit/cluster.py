"""cluster_works(): group full citations and bibliography entries into works, then link short forms.

Typo-level differences in names and titles must not split a work; different works by one author
or agency (other years, an interview and an article, a chapter and its volume) are never merged.
Records are compared only within blocks that share a surname or title-word prefix, so the cost
stays near-linear on large bibliographies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from audit.blocking import UnionFind
from audit.editions import distinct_editions, distinct_volumes, first_page, journal_year_slip
from audit.matching import record_names, surnames_match, title_key, title_keys_match, years_of
from audit.models import Citation, ParsedReference, Work
from audit.persons import PersonName
from audit.resolve import Resolution
from audit.similarity import token_sort
from audit.textnorm import fold
from audit.thresholds import BLOCK_PREFIX, MIN_WORDS_IDENTICAL_TITLE, MIN_WORDS_MAIN_TITLE, SAME_TITLE

_STOP_WORDS = frozenset("the a an and of in on for to le la les de des du et l d der die das und el los las "
                        "il lo i".split())


@dataclass(frozen=True, slots=True)
class Record:
    """One description of a work: a full note citation (id n3.1) or a bibliography entry (index)."""

    ref: str  # citation id, or "e<index>" for a bibliography entry
    line: int
    type: str
    fields: dict
    text: str
    names: tuple[PersonName, ...]
    title: str
    years: frozenset[str]
    interview: bool
    container: str  # folded container title, compared when titles differ slightly
    main_title: str = ""  # title_key of the part before a colon, when the title has a subtitle


def make_record(ref: str, line: int, parsed_type: str, fields: dict, text: str) -> Record:
    return Record(ref=ref, line=line, type=parsed_type, fields=fields, text=text, names=record_names(fields),
                  title=title_key(str(fields.get("title", ""))),
                  years=frozenset(years_of(str(fields.get("date", "")))),
                  interview=parsed_type == "interview" or "interview" in text.lower()[:200],
                  container=title_key(str(fields.get("container-title", ""))),
                  main_title=_main_title(str(fields.get("title", ""))))


def _main_title(title: str) -> str:
    main, colon, _ = title.partition(":")
    return title_key(main) if colon else ""


def _blocking_keys(record: Record) -> set[str]:
    """Keys that two descriptions of one work share even with a typo in the name or in the title:
    surname + first title word, surname + year, and the first two title words + year."""
    words = [w[:BLOCK_PREFIX] for w in record.title.split() if w not in _STOP_WORDS]
    year = min(record.years) if record.years else ""
    first_title = words[0] if words else ""
    keys = {f"t:{' '.join(words[:2])}:{year}"} if words else set()
    surnames = set()
    for name in record.names[:1]:
        surnames |= {fold(alias)[:BLOCK_PREFIX - 1] for alias in {name.key, name.inverted_guess} | set(name.aliases)
                     if alias}
    for surname in surnames:
        keys.add(f"a:{surname}:{first_title}")
        keys.add(f"y:{surname}:{year}")
    if words:  # the title's words in any order: survives a swapped subtitle together with a year slip
        keys |= {f"w:{surname}:{min(words)}" for surname in surnames}
    page = first_page(record.fields)
    if record.container and record.fields.get("volume") and page:  # an article's place in its journal
        keys.add(f"p:{record.container[:2 * BLOCK_PREFIX]}:{record.fields['volume']}:{page}")
    if not keys:
        keys.add("x:" + record.text[:BLOCK_PREFIX].lower())
    return keys


def _citation_of(record: Record) -> tuple[str, ...]:
    return tuple(str(record.fields.get(name, "")) for name in ("volume", "container-title", "pages"))


def _same_legal_authority(a: Record, b: Record) -> bool:
    """Cases, statutes and agency filings are told apart by their citation, not by a title that is nearly the
    same: "Comments of Cascade Inc." and "Comments of Cascade Media Inc." are two filings."""
    if all(_citation_of(a)) and all(_citation_of(b)):
        return _citation_of(a) == _citation_of(b)  # one volume, reporter and first page: one case
    return a.type == b.type and a.title == b.title


def same_work(a: Record, b: Record) -> bool:
    if "legal" in (a.type, b.type):
        return _same_legal_authority(a, b)
    if a.interview != b.interview:
        return False  # an interview with X is never the article by X
    if a.years and b.years and not (a.years & b.years) and not journal_year_slip(a.fields, b.fields, a.years,
                                                                                 b.years):
        return False
    if distinct_editions(a.fields, b.fields) or distinct_volumes(a.title, b.title):
        return False  # editions, reprints and numbered volumes of one book are works of their own
    if a.interview and b.interview and not (a.title and b.title):
        # Interviews have no title: the person interviewed and the year identify them.
        return bool(a.names and b.names and surnames_match(a.names[0], b.names[0]))
    if a.title == b.title and len(a.title.split()) >= MIN_WORDS_IDENTICAL_TITLE and not _different_people(a, b):
        return True  # the same long title is the same work even when the author is written differently
    same_names = bool(a.names and b.names) and any(surnames_match(x, y) for x in a.names for y in b.names)
    corroborated = same_names and bool(a.years & b.years) and bool(a.container) and a.container == b.container
    if not (title_keys_match(a.title, b.title, corroborated=corroborated) or _same_title_rearranged(a, b)):
        return False
    if a.names and b.names:
        return surnames_match(a.names[0], b.names[0]) or any(
            surnames_match(x, y) for x in a.names for y in b.names)
    return a.title == b.title  # one side has no author: only an identical title will do


def _different_people(a: Record, b: Record) -> bool:
    """Both name persons (not bodies) and no surname is shared: two people who chose one title."""
    people_a = [n for n in a.names if not n.corporate]
    people_b = [n for n in b.names if not n.corporate]
    if not people_a or not people_b or len(people_a) < len(a.names) or len(people_b) < len(b.names):
        return False
    return not any(surnames_match(x, y) for x in people_a for y in people_b)


def _same_title_rearranged(a: Record, b: Record) -> bool:
    """Subtitle and title swapped ("B: A" for "A: B"), or the subtitle dropped from a title with a typo."""
    if a.main_title and b.main_title and token_sort(a.title, b.title) >= SAME_TITLE:
        return True
    dropped = (a.title, b.main_title) if b.main_title and not a.main_title else \
        (b.title, a.main_title) if a.main_title and not b.main_title else None
    return dropped is not None and len(dropped[1].split()) >= MIN_WORDS_MAIN_TITLE and title_keys_match(*dropped)


def group_records(records: Sequence[Record]) -> list[list[int]]:
    """Indices of records grouped into works, groups in order of first appearance."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        for key in _blocking_keys(record):
            blocks[key].append(i)
    union = UnionFind(len(records))
    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pair = (i, j) if i < j else (j, i)
                if pair in compared or union.find(i) == union.find(j):
                    continue
                compared.add(pair)
                if same_work(records[i], records[j]):
                    union.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[union.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: min(records[i].line for i in g))


def _merged(canonical: Record, records: tuple[Record, ...]) -> dict:
    """The canonical description, completed with fields only the other descriptions give."""
    fields = dict(canonical.fields)
    for record in records:
        for name, value in record.fields.items():
            fields.setdefault(name, value)
    return fields


@dataclass(frozen=True, slots=True)
class Clustering:
    works: tuple[Work, ...]
    citations: tuple[Citation, ...]
    entry_work: dict[int, str]
    members: dict[str, tuple[Record, ...]]  # work id -> its records


def cluster_works(citations: Sequence[Citation], entries: Sequence[tuple[int, int, ParsedReference, str]],
                  resolutions: dict[str, Resolution], keys_for=None) -> Clustering:
    """Works from full citations and entries (index, line, parsed, text); short forms join their antecedent's."""
    records = [make_record(c.id, c.span.line, c.type, c.fields, c.text) for c in citations if c.kind == "full"]
    records += [make_record(f"e{index}", line, parsed.type, parsed.fields, text)
                for index, line, parsed, text in entries]
    groups = group_records(records)
    work_of: dict[str, str] = {}
    members: dict[str, tuple[Record, ...]] = {}
    canonical: list[Record] = []
    for n, group in enumerate(groups, start=1):
        wid = f"w{n}"
        group_records_ = tuple(records[i] for i in group)
        members[wid] = group_records_
        for record in group_records_:
            work_of[record.ref] = wid
        listed = [r for r in group_records_ if r.ref.startswith("e")]
        canonical.append(listed[0] if listed else group_records_[0])
    linked = []
    for citation in citations:
        wid = work_of.get(citation.id)
        if wid is None and citation.id in resolutions:
            res = resolutions[citation.id]
            wid = work_of.get(res.antecedent or "") or (work_of.get(f"e{res.entry}") if res.entry else None)
        linked.append(replace(citation, work=wid))
    keys = keys_for([(r.type, r.fields) for r in canonical]) if keys_for else [f"work{n}" for n in
                                                                                 range(1, len(canonical) + 1)]
    works = []
    for n, record in enumerate(canonical, start=1):
        wid = f"w{n}"
        cites = tuple(c.id for c in linked if c.work == wid)
        listed = tuple(int(r.ref[1:]) for r in members[wid] if r.ref.startswith("e"))
        works.append(Work(id=wid, key=keys[n - 1], type=record.type, fields=_merged(record, members[wid]),
                          citations=cites, bibliography=listed))
    entry_work = {int(ref[1:]): wid for ref, wid in work_of.items() if ref.startswith("e")}
    return Clustering(works=tuple(works), citations=tuple(linked), entry_work=entry_work, members=members)
