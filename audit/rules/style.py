"""bibliography-order, name-format and style-inconsistent (unsupported-claim lives in claims.py).

All three are `info`: they point at presentation slips, never at a wrong reference, so each
rule is conservative and stays silent when the evidence is thin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from audit.findings import Finding, Location, Severity
from audit.models import BibEntry
from audit.parse.names import is_corporate
from audit.rules import style_patterns as sp
from audit.rules.context import AuditContext
from audit.textnorm import fold, sort_key

# A section is "inverted" (Chicago: "Surname, Given") when at least this share of its personal
# first authors is written that way; below it the bibliography has no clear convention.
INVERTED_SHARE = 0.6
MIN_INVERTED = 2
# Report a minority style only when it is at most this share of all uses (a 50/50 split is two
# styles, not a slip) -- the threshold the brief gives.
MAX_MINORITY_SHARE = 0.4
MAX_VALUES = 10  # distinct forms listed in one finding
LABEL_CHARS = 60  # a title used as a sort label is cut to this length


# --- bibliography-order ---------------------------------------------------------------------------

_CLOSING = {'"': '"', "“": "”", "«": "»", "„": "“", "‘": "’", "'": "'"}


@dataclass(frozen=True, slots=True)
class SortItem:
    entry: BibEntry
    key: str
    label: str  # what the key was made from, as written


def _sort_item(entry: BibEntry, previous: SortItem | None) -> SortItem:
    if entry.repeats_author and previous is not None:
        return SortItem(entry, previous.key, previous.label)  # "———." sorts with the previous entry
    text = entry.text
    if entry.label:
        text = text.split(maxsplit=1)[1] if " " in text else ""
    lead = sp.SORT_LEAD.match(text)
    opening = [ch for ch in (lead.group() if lead else "") if ch in _CLOSING]
    body = text[lead.end():] if lead else text
    if opening:  # a quoted title: up to the closing quote
        label = body.split(_CLOSING[opening[-1]])[0]
    else:  # the first author (surname of an inverted name, a corporate name), or an unquoted title
        label = body.split(",")[0].split("*")[0].split("(")[0]  # "World Bank. (2012)", "UNODC (ed.)"
    label = sp.SPACES.sub(" ", label).strip(" ;:")
    if label.endswith(".") and not label[-2:-1].isupper():  # keep the period of an initial ("Smith J.A.")
        label = label[:-1].rstrip()
    if lead is not None or is_corporate(label) or label.startswith("The "):
        # a title or an organisation: leading articles ("The", "Le", "L'") do not count
        key = sort_key(sp.ELIDED_ARTICLE.sub("", label))
    else:
        key = fold(label)  # a surname keeps its particle: "La Rue", "Das Gupta", "El Baradei" sort as written
    short = label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS].rstrip() + "…"
    return SortItem(entry, key, short)


def _kept(keys: Sequence[str]) -> set[int]:
    """Indices of a longest non-decreasing subsequence, preferring the earliest entries, so a
    misplaced entry is reported once rather than every entry after it."""
    n = len(keys)
    longest = [1] * n  # longest non-decreasing run starting at i
    for i in range(n - 2, -1, -1):
        longest[i] = 1 + max((longest[j] for j in range(i + 1, n) if keys[j] >= keys[i]), default=0)
    kept: set[int] = set()
    need = max(longest, default=0)
    last: str | None = None
    for i in range(n):
        if longest[i] == need and (last is None or keys[i] >= last):
            kept.add(i)
            last = keys[i]
            need -= 1
    return kept


def _sorted_by_bibtex(ctx: AuditContext) -> bool:
    """Entries read from a .bib file: the bibliography style sorts them, their order in the file is no error."""
    return any(entry.type != "bibitem" for entry in ctx.document.bib_entries)


def check_bibliography_order(ctx: AuditContext) -> Iterator[Finding]:
    if _sorted_by_bibtex(ctx):
        return
    for _, section in groupby(ctx.entries, key=lambda e: e.section):
        group = list(section)
        if len(group) < 2 or any(entry.label for entry in group):
            continue  # numbered lists are ordered by number, not alphabetically
        items: list[SortItem] = []
        for entry in group:
            items.append(_sort_item(entry, items[-1] if items else None))
        # A surname led by a lower-case particle ("de Soto", "al-Rashid", "van der Berg") sorts under
        # the particle in some styles and under the name in others: such entries are not judged.
        items = [item for item in items if not item.label[:1].islower()]
        if len(items) < 2:
            continue
        kept = _kept([item.key for item in items])
        in_order = sorted(range(len(items)), key=lambda j: (items[j].key, j))
        for i, item in enumerate(items):
            if i in kept:
                continue
            # where it belongs once the whole section is sorted
            rank = in_order.index(i)
            if rank > 0:
                suggestion = f"place after '{items[in_order[rank - 1]].label}'"
            else:
                suggestion = f"place before '{items[in_order[1]].label}'"
            # the neighbour it is out of order with: the previous entry, or the next for the first one
            neighbour, relation = (items[i - 1], "after") if i > 0 else (items[1], "before")
            where = f" in section '{item.entry.section}'" if item.entry.section else ""
            yield Finding("bibliography-order", Severity.INFO,
                          f"Entry {item.entry.index} ('{item.label}') is out of alphabetical order{where}: "
                          f"it comes {relation} '{neighbour.label}'",
                          (Location.entry(item.entry.index, item.entry.span.line),),
                          (item.label, neighbour.label), suggestion)


# --- name-format ----------------------------------------------------------------------------------

def _find_tokens(text: str, name: str, start: int) -> tuple[int, int] | None:
    """Where a (possibly normalised) name sits in the raw text: its tokens in order, separated
    only by spaces and commas."""
    tokens = name.replace(",", " ").split()
    if not tokens:
        return None
    first = text.find(tokens[0], start)
    if first < 0 or first - start > 12:
        return None
    end = first + len(tokens[0])
    for token in tokens[1:]:
        at = text.find(token, end)
        if at < 0 or text[end:at].strip(" ,\t"):
            return None
        end = at + len(token)
    return first, end


def _names_segment(entry: BibEntry, ctx: AuditContext) -> str:
    """The leading names of an entry, as written (the parser's names locate them)."""
    text = entry.text
    parsed = ctx.entry_fields.get(entry.index)
    names = (parsed.fields.get("author") or parsed.fields.get("editor") or ()) if parsed else ()
    if isinstance(names, tuple) and names:
        start, end = 0, 0
        for k, name in enumerate(names):
            span = _find_tokens(text, name, end)
            if span is None:
                break
            if k == 0:
                start = span[0]
            end = span[1]
        if end and not text[:start].strip(" [].0123456789"):
            return text[start:end]
    cut = sp.NAMES_END.search(text)
    if cut:
        return text[:cut.start()].strip(" ,")
    return ",".join(text.split(",")[:2])  # no title mark: the first "Surname, Given" at most


def _split_segment(segment: str) -> list[str]:
    parts = sp.NAME_CONNECTOR.split(segment.strip(" ,"))
    pieces = [p.strip() for p in parts[0].split(",") if p.strip()]
    names = [f"{pieces[0]}, {pieces[1]}", *pieces[2:]] if len(pieces) >= 2 else pieces
    return names + [p.strip(" ,") for p in parts[1:] if p.strip(" ,")]


def _tokens_ok(tokens: Sequence[str]) -> bool:
    return bool(tokens) and all(sp.NAME_WORD.match(t) or sp.INITIAL_TOKEN.match(t) or sp.PARTICLE.match(t)
                                for t in tokens)


def _trailing_initials(tokens: Sequence[str]) -> int:
    k = 0
    while k < len(tokens) and sp.INITIAL_TOKEN.match(tokens[-1 - k]):
        k += 1
    return k


@dataclass(frozen=True, slots=True)
class NameEvidence:
    surnames: frozenset[str]  # folded surnames seen written unambiguously elsewhere
    given: frozenset[str]


def _evidence(ctx: AuditContext, splits: dict[int, list[str]]) -> NameEvidence:
    surnames: set[str] = set()
    given: set[str] = set()
    for names in splits.values():
        for name in names:
            if "," in name:
                family, first = name.split(",", 1)
                surnames.add(fold(family))
                given.update(fold(t) for t in first.split() if sp.NAME_WORD.match(t))
    for citation in ctx.citations:  # notes write names in direct order: "A. Délétroz", "Kathleen Collins"
        authors = citation.fields.get("author", ())
        for name in authors if isinstance(authors, tuple) else ():
            tokens = name.split()
            if "," not in name and len(tokens) >= 2 and _tokens_ok(tokens) and sp.NAME_WORD.match(tokens[-1]):
                surnames.add(fold(tokens[-1]))
    return NameEvidence(frozenset(surnames), frozenset(given))


def _name_problem(name: str, first: bool, inverted: bool, evidence: NameEvidence) -> tuple[str, str | None] | None:
    """(what is wrong, the corrected form) for one personal name, or None."""
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        tokens = family.split()
        k = _trailing_initials(tokens)
        if 0 < k < len(tokens) and _tokens_ok(tokens) and given:
            core, initials = " ".join(tokens[:-k]), " ".join(tokens[-k:])
            return "an initial stands after the surname", f"{core}, {given} {initials}"
        return None
    tokens = name.split()
    if len(tokens) < 2 or not _tokens_ok(tokens):
        return None
    k = _trailing_initials(tokens)
    if 0 < k and len(tokens) - k >= 2 and sp.NAME_WORD.match(tokens[-k - 1]):
        rest, surname, initials = tokens[:-k - 1], tokens[-k - 1], tokens[-k:]
        if first and inverted and fold(tokens[0]) in evidence.surnames and fold(surname) not in evidence.surnames:
            return ("the comma between surname and given name is missing",
                    f"{tokens[0]}, {' '.join(tokens[1:])}")
        if first and inverted:
            return "an initial stands after the surname", f"{surname}, {' '.join(rest + initials)}"
        return "an initial stands after the surname", " ".join([*rest, *initials, surname])
    if not (first and inverted):
        return None
    if sp.NAME_WORD.match(tokens[-1]) and any(sp.INITIAL_TOKEN.match(t) for t in tokens[:-1]):
        return "the first author is not inverted", f"{tokens[-1]}, {' '.join(tokens[:-1])}"
    words = [t for t in tokens if sp.NAME_WORD.match(t)]
    if len(words) != 2 or len(tokens) != 2:
        return None
    a, b = tokens
    if fold(a) in evidence.surnames and fold(b) not in evidence.surnames or fold(b) in evidence.given:
        return "the comma between surname and given name is missing", f"{a}, {b}"
    if fold(b) in evidence.surnames or fold(a) in evidence.given:
        return "the first author is not inverted", f"{b}, {a}"
    return None  # no evidence which word is the surname: stay silent


def _punctuation(segment: str) -> str | None:
    if not any(p.search(segment) for p in (sp.DOUBLE_SPACE, sp.SPACE_BEFORE_COMMA, sp.COMMA_WITHOUT_SPACE)):
        return None
    return sp.COMMA_WITHOUT_SPACE.sub(lambda m: m.group() + " ", sp.SPACES.sub(" ", segment).replace(" ,", ","))


def check_name_format(ctx: AuditContext) -> Iterator[Finding]:
    segments = {e.index: _names_segment(e, ctx) for e in ctx.entries if not e.repeats_author}
    segments = {i: s for i, s in segments.items() if s and not is_corporate(s) and s[:1] not in "\"“«*"}
    splits = {i: _split_segment(s) for i, s in segments.items()}  # split once: read three times below
    firsts = [names[0].replace(",", " ,").split() for names in splits.values() if names]
    persons = [t for t in firsts if len(t) > 1 and _tokens_ok([w for w in t if w != ","])]
    n_inverted = sum(1 for t in persons if "," in t)
    inverted = n_inverted >= MIN_INVERTED and n_inverted >= INVERTED_SHARE * len(persons)
    convention = (f"this bibliography writes the first author 'Surname, Given' ({n_inverted} of {len(persons)} "
                  "entries)" if inverted else "this bibliography has no single name-order convention")
    evidence = _evidence(ctx, splits)
    for entry in ctx.entries:
        segment = segments.get(entry.index)
        if segment is None:
            continue
        here = (Location.entry(entry.index, entry.span.line),)
        fixed = _punctuation(segment)
        if fixed is not None:
            yield Finding("name-format", Severity.INFO,
                          f"Names in entry {entry.index} have stray spacing around a comma or doubled spaces",
                          here, (segment,), fixed)
        for position, name in enumerate(splits[entry.index]):
            if is_corporate(name):
                continue
            problem = _name_problem(sp.SPACES.sub(" ", name), position == 0, inverted, evidence)
            if problem is not None:
                what, suggestion = problem
                yield Finding("name-format", Severity.INFO,
                              f"Name '{name}' in entry {entry.index}: {what}; {convention}",
                              here, (name,), suggestion)


# --- style-inconsistent ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Occurrence:
    form: str  # a key into Convention.labels
    written: str  # as in the document
    location: Location


@dataclass(frozen=True, slots=True)
class Convention:
    description: str
    labels: tuple[tuple[str, str], ...]  # form -> how the message names it
    extract: Callable[[str], Iterator[tuple[str, str]]]  # text -> (form, as written)
    examples: bool = True  # False when "as written" is only the mark itself (quotes)

    def label(self, form: str) -> str:
        return dict(self.labels)[form]


def _dates(text: str) -> Iterator[tuple[str, str]]:
    for pattern, form in ((sp.DATE_DMY, "dmy"), (sp.DATE_MDY, "mdy"), (sp.DATE_ISO, "iso"),
                          (sp.DATE_NUMERIC, "numeric")):
        for match in pattern.finditer(text):
            yield form, match.group()


def _page_labels(ranges: bool) -> Callable[[str], Iterator[tuple[str, str]]]:
    def extract(text: str) -> Iterator[tuple[str, str]]:
        for match in sp.PAGE_REFERENCE.finditer(text):
            if bool(match.group("last")) == ranges:
                yield match.group("label"), match.group()
    return extract


def _range_dashes(text: str) -> Iterator[tuple[str, str]]:
    for match in sp.PAGE_REFERENCE.finditer(text):
        if match.group("last"):
            yield match.group("dash"), match.group()


def _quotes(text: str) -> Iterator[tuple[str, str]]:
    for _ in sp.CURLY_QUOTED.finditer(text):
        yield "curly", "“…”"
    for _ in sp.STRAIGHT_QUOTED.finditer(text):
        yield "straight", '"…"'


def _op_cit(text: str) -> Iterator[tuple[str, str]]:
    for match in sp.OP_CIT_FORM.finditer(text):
        yield ("spaced" if match.group("space") else "closed"), match.group()


def _ibid(text: str) -> Iterator[tuple[str, str]]:
    for match in sp.IBID_FORM.finditer(text.strip()):
        emphasised = bool(match.group("open")) and bool(match.group("close"))
        yield ("emphasised" if emphasised else "plain"), match.group()


def _editor_labels(several: bool) -> Callable[[str], Iterator[tuple[str, str]]]:
    def extract(text: str) -> Iterator[tuple[str, str]]:
        for match in sp.EDITOR_MARK.finditer(text):
            window = text[max(0, match.start() - 120):match.start()]
            start = sp.EDITOR_NAMES_START.match(window)
            names = window[start.end():] if start else window
            if bool(sp.SEVERAL_NAMES.search(names)) == several:
                yield (match.group("paren") or match.group("bare")), match.group().strip(" ,")
    return extract


CONVENTIONS: tuple[Convention, ...] = (
    Convention("Date format", (("dmy", "day month year (29 June 2010)"), ("mdy", "month day, year (June 29, 2010)"),
                               ("iso", "year-month-day (2010-06-29)"), ("numeric", "numeric dates (29/06/2010)")),
               _dates),
    Convention("Page label before a page range", (("pp.", '"pp."'), ("p.", '"p."')), _page_labels(True)),
    Convention("Page label before a single page", (("p.", '"p."'), ("pp.", '"pp."')), _page_labels(False)),
    Convention("Dash in page ranges", (("-", "a hyphen (-)"), ("–", "an en dash (–)"), ("—", "an em dash (—)")),
               _range_dashes),
    Convention("Quotation marks around titles",
               (("curly", "curly quotes (“…”)"), ("straight", 'straight quotes ("…")')), _quotes, examples=False),
    Convention("Spacing of op. cit.", (("spaced", '"op. cit."'), ("closed", '"op.cit."')), _op_cit),
    Convention("Emphasis of Ibid.", (("emphasised", "emphasised *Ibid.*"), ("plain", "plain Ibid.")), _ibid),
    Convention("Editor label for several editors", (("eds", '"eds."'), ("ed", '"ed."')), _editor_labels(True)),
    Convention("Editor label for one editor", (("ed", '"ed."'), ("eds", '"eds."')), _editor_labels(False)),
)


def _units(ctx: AuditContext) -> Iterator[tuple[str, Location]]:
    for note in ctx.notes.notes:
        yield note.text, Location.note(note.number, note.span.line)
    for entry in ctx.entries:
        yield entry.text, Location.entry(entry.index, entry.span.line)


def check_style_inconsistent(ctx: AuditContext) -> Iterator[Finding]:
    units = list(_units(ctx))
    for convention in CONVENTIONS:
        uses = [Occurrence(form, written, location) for text, location in units
                for form, written in convention.extract(text)]
        counts = Counter(o.form for o in uses)
        if len(counts) < 2:
            continue
        (major, n_major), (_, n_second) = counts.most_common(2)
        minority = [o for o in uses if o.form != major]
        if n_major == n_second or len(minority) > MAX_MINORITY_SHARE * len(uses):
            continue
        example = Counter(o.written for o in uses if o.form == major).most_common(1)[0][0]
        values = list(dict.fromkeys(o.written for o in minority))[:MAX_VALUES]
        locations = tuple(dict.fromkeys(o.location for o in minority))
        minor_labels = ", ".join(dict.fromkeys(convention.label(o.form) for o in minority))
        suggestion = convention.label(major)
        if convention.examples:
            suggestion += f', as in "{example}"'
        yield Finding("style-inconsistent", Severity.INFO,
                      f"{convention.description}: {n_major} of {len(uses)} uses in the notes and bibliography are "
                      f"{convention.label(major)}, {len(minority)} are {minor_labels}",
                      locations, tuple(values), suggestion)
