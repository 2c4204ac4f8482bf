"""Does a registry record describe the cited work, and where do they disagree? Pure functions.

The score (0-100) weighs title, authors, year and the details (container, volume, issue, pages) over the
fields both sides give; whether a record is taken at all is decided by `accept`, with the thresholds and
their reasons in audit/thresholds.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.matching import surnames_match, title_key, years_of
from audit.persons import PersonName, analyse_name, names_of, same_entity
from audit.registry.records import Difference, RegistryRecord
from audit.similarity import edit_distance, ratio, token_set
from audit.textnorm import fold
from audit.thresholds import (
    REGISTRY_CORROBORATING_DETAILS,
    REGISTRY_MAX_CONTRADICTIONS,
    REGISTRY_OTHER_CONTAINER,
    REGISTRY_SAME_TITLE,
    REGISTRY_SAME_TITLE_ALONE,
    REGISTRY_TITLE_MAX_EDITS,
)

# Letters NFKD does not decompose, spelled as registries that store ASCII spell them (Sørensen / Sorensen).
_TRANSLITERATE = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                                "ı": "i"})
BOOK_TYPES = frozenset({"book", "monograph", "edited-book", "reference-book"})
WEIGHTS = {"title": 0.55, "author": 0.25, "date": 0.1, "details": 0.1}
_DIGITS = re.compile(r"\d+")
_PAGE_SPLIT = re.compile(r"\s*[-–—‐]+\s*")
_GIVEN_NAMES = re.compile(r"^[^\W\d_][^\W\d_.\- ]*(?:[.\- ]+[^\W\d_][^\W\d_.\- ]*)*\.?$")
_SUBTITLE_SEPARATOR = re.compile(r"\s*[:.?!]\s+|\s+[-–—]\s+")


@dataclass(frozen=True, slots=True)
class Match:
    record: RegistryRecord
    score: float  # 0-100
    title: float  # title similarity 0-100
    authors_agree: bool  # at least one cited name is among the record's (or nobody to compare)
    accepted: bool
    differences: tuple[Difference, ...]
    reason: str


def registered_names(record: RegistryRecord) -> tuple[PersonName, ...]:
    return tuple(analyse_name(f"{family}, {given}" if given else family) for family, given in record.authors
                 if family)


def title_similarity(cited: str, record: RegistryRecord) -> float:
    """100 for the same title (case, punctuation, accents, a leading article aside); 95 when one is the
    other without its subtitle; else the closer of plain and token-set similarity, the latter only
    half-counted (it scores a short title inside a long one as 100)."""
    x = title_key(cited)
    if not x:
        return 0.0
    variants = _title_variants(record)
    if x in variants:
        return 100.0
    cited_main, record_main = title_key(main_title(cited)), title_key(main_title(record.title))
    subtitle_only = (cited_main != x and cited_main in variants) or (record_main != title_key(record.title)
                                                                     and x == record_main)
    best = 95.0 if subtitle_only else 0.0
    for y in variants:
        plain = ratio(x, y)
        best = max(best, plain, (plain + token_set(x, y)) / 2)
    return best


def main_title(title: str) -> str:
    """The title before its subtitle: "Prospect theory: an analysis …" -> "Prospect theory"."""
    return _SUBTITLE_SEPARATOR.split(title, maxsplit=1)[0]


def _title_variants(record: RegistryRecord) -> set[str]:
    variants = {title_key(record.title)}
    if record.subtitle:
        variants.add(title_key(f"{record.title} {record.subtitle}"))
    return variants - {""}


def compare(fields: dict, record: RegistryRecord) -> Match:
    """Score one record against the cited fields, decide whether it is the work, list the differences."""
    title = title_similarity(str(fields.get("title") or ""), record)
    cited_names = names_of(fields.get("author") or fields.get("editor") or ())
    names = registered_names(record)
    author_score, authors_agree = _author_agreement(cited_names, names)
    years = years_of(str(fields.get("date") or ""))
    year_score = _year_agreement(years, record.years)
    detail_scores = [s for s in (_container_agreement(fields, record), _number_agreement(fields, record, "volume"),
                                 _number_agreement(fields, record, "issue"), _page_agreement(fields, record))
                     if s is not None]
    parts = {"title": title / 100, "author": author_score, "date": year_score,
             "details": sum(detail_scores) / len(detail_scores) if detail_scores else None}
    present = {k: v for k, v in parts.items() if v is not None}
    score = 100 * sum(WEIGHTS[k] * v for k, v in present.items()) / sum(WEIGHTS[k] for k in present)
    evidence = Evidence(title, bool(cited_names and names), authors_agree, author_score or 0.0, year_score,
                        contradictions=sum(1 for part in (year_score, *detail_scores) if part == 0.0),
                        agreeing_details=sum(1 for part in detail_scores if part >= 0.8))
    accepted, reason = accept(evidence)
    differences = differences_of(fields, record) if accepted else ()
    return Match(record, round(score, 1), round(title, 1), authors_agree, accepted, differences, reason)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one comparison found, for `accept`."""

    title: float  # title similarity 0-100
    names_on_both_sides: bool  # the citation and the record both name authors
    authors_agree: bool  # at least one cited name is a registered one
    author_score: float  # 0-1; 0.6 and more when the first authors are one person
    year_score: float | None  # 1 agree, 0.5 one year apart, 0 otherwise, None not comparable
    contradictions: int = 0  # year, container, volume, issue, pages that disagree outright
    agreeing_details: int = 0  # container, volume, issue, pages that agree


def accept(e: Evidence) -> tuple[bool, str]:
    """Is the record the cited work? Thresholds and their reasons: audit/thresholds.py."""
    if e.title < REGISTRY_SAME_TITLE:
        if (e.names_on_both_sides and e.author_score >= 0.6 and e.year_score == 1.0 and e.contradictions == 0
                and e.agreeing_details >= REGISTRY_CORROBORATING_DETAILS):
            return True, (f"title similarity {e.title:.0f}, but the first author, the year and {e.agreeing_details} "
                          "of journal, volume, issue and pages agree")
        return False, f"title similarity {e.title:.0f} is below {REGISTRY_SAME_TITLE:.0f}"
    if e.title < REGISTRY_SAME_TITLE_ALONE and e.contradictions >= REGISTRY_MAX_CONTRADICTIONS:
        return False, f"title similarity {e.title:.0f} and {e.contradictions} other fields disagree"
    if e.names_on_both_sides and not e.authors_agree:
        if e.title >= REGISTRY_SAME_TITLE_ALONE and e.year_score == 1.0:
            return True, "same title and year; no author in common"
        return False, "no cited author is among the registered authors"
    if not e.names_on_both_sides and e.title < REGISTRY_SAME_TITLE_ALONE:
        return False, (f"no authors to compare and title similarity {e.title:.0f} is below "
                       f"{REGISTRY_SAME_TITLE_ALONE:.0f}")
    return True, f"title similarity {e.title:.0f}" + (", an author in common" if e.authors_agree and
                                                       e.names_on_both_sides else "")


def _author_agreement(cited: tuple[PersonName, ...], registered: tuple[PersonName, ...]) -> tuple[float | None, bool]:
    if not cited or not registered:
        return None, True
    found = [any(surnames_match(c, r) for r in registered) for c in cited[:5]]
    first = 1.0 if surnames_match(cited[0], registered[0]) else 0.0
    share = sum(found) / len(found)
    return 0.6 * first + 0.4 * share, any(found)


def years_agree(cited: set[str], registered: tuple[int, ...]) -> bool:
    """A cited year agrees when the registry gives it (print, online or issued), or when it is the year after
    the registry's latest: an online-first article is printed, and cited, a year later."""
    return bool(registered) and any(int(c) in registered or int(c) == max(registered) + 1 for c in cited)


def _year_agreement(cited: set[str], registered: tuple[int, ...]) -> float | None:
    if not cited or not registered:
        return None
    if years_agree(cited, registered):
        return 1.0
    return 0.5 if min(abs(int(c) - r) for c in cited for r in registered) == 1 else 0.0


def _container_agreement(fields: dict, record: RegistryRecord) -> float | None:
    cited = fold(str(fields.get("container-title") or ""))
    forms = [fold(c) for c in record.container if c]
    if not cited or not forms:
        return None
    if any(is_abbreviation(cited, form) for form in forms):
        return 1.0
    return max(max(ratio(cited, f), token_set(cited, f)) for f in forms) / 100


def _abbreviates(short: str, word: str) -> bool:
    """"chem" of "chemistry", "natl" of "national": same first letter, the rest in order within the word."""
    if word.startswith(short):
        return True
    if not short or short[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])


def is_abbreviation(short: str, long: str) -> bool:
    """"j biol chem" of "journal of biological chemistry": each word abbreviates a following word, in order."""
    words = [w for w in long.split() if w not in {"of", "the", "and", "for", "in", "on", "de", "la", "und"}]
    position = 0
    for word in short.split():
        while position < len(words) and not _abbreviates(word, words[position]):
            position += 1
        if position == len(words):
            return False
        position += 1
    return bool(short.split())


def _number(value: object) -> str:
    digits = _DIGITS.findall(str(value or ""))
    return digits[0].lstrip("0") if digits else ""


def _number_agreement(fields: dict, record: RegistryRecord, name: str) -> float | None:
    cited, registered = _number(fields.get(name)), _number(getattr(record, name))
    if not cited or not registered:
        return None
    return 1.0 if cited == registered else 0.0


def page_range(value: str) -> tuple[str, str]:
    """(first, last) page; an abbreviated last page is completed (436-44 -> 436, 444)."""
    parts = [p for p in _PAGE_SPLIT.split(value.strip()) if p]
    if not parts:
        return "", ""
    first = parts[0].strip(". ").lower()
    last = parts[-1].strip(". ").lower() if len(parts) > 1 else ""
    if last.isdigit() and first.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first, last


def _page_agreement(fields: dict, record: RegistryRecord) -> float | None:
    cited = str(fields.get("pages") or "")
    if not cited or not record.pages:
        return None
    return 1.0 if _pages_differ(cited, record.pages) is None else 0.0


def _pages_differ(cited: str, registered: str) -> str | None:
    """None when the cited pages agree with the registered range (a single page inside it agrees too)."""
    c_first, c_last = page_range(cited)
    r_first, r_last = page_range(registered)
    if not c_first or not r_first:
        return None
    if not c_last:
        if c_first == r_first or (c_first.isdigit() and r_first.isdigit() and r_last.isdigit()
                                  and int(r_first) <= int(c_first) <= int(r_last)):
            return None
        return "first page"
    if c_first != r_first:
        return "first page"
    if r_last and c_last != r_last:
        return "last page"
    return None


def differences_of(fields: dict, record: RegistryRecord) -> tuple[Difference, ...]:
    """Every field the citation gives that the record contradicts (DOIs are compared by the caller)."""
    cited_names = names_of(fields.get("author") or fields.get("editor") or ())
    names = registered_names(record)
    years = years_of(str(fields.get("date") or ""))
    out: list[Difference] = []
    title = str(fields.get("title") or "")
    if title and title_similarity(title, record) < 95 and not any(
            edit_distance(title_key(title), v) <= REGISTRY_TITLE_MAX_EDITS or _contains(title_key(title), v)
            for v in _title_variants(record)):
        out.append(Difference("title", title, _full_title(record)))
    out += _author_differences(cited_names, names)
    # A book's record is one edition: citing the first edition's year with a reprint's ISBN is usual practice.
    if years and record.years and not years_agree(years, record.years) and record.type not in BOOK_TYPES:
        out.append(Difference("date", str(fields.get("date")), str(min(record.years))))
    for name in ("volume", "issue"):
        if _number_agreement(fields, record, name) == 0.0:
            out.append(Difference(name, str(fields.get(name)), getattr(record, name)))
    if _page_agreement(fields, record) == 0.0:
        out.append(Difference("pages", str(fields.get("pages")), record.pages))
    container = _container_agreement(fields, record)
    if container is not None and container * 100 < REGISTRY_OTHER_CONTAINER:
        out.append(Difference("container-title", str(fields.get("container-title")), record.container[0]))
    return tuple(out)


def _contains(cited: str, registered: str) -> bool:
    """One title inside the other, whole words: a reference parsed with too much or too little title."""
    short, long = sorted((cited, registered), key=len)
    return len(short.split()) >= 3 and f" {short} " in f" {long} "


def _full_title(record: RegistryRecord) -> str:
    return f"{record.title}: {record.subtitle}" if record.subtitle else record.title


def _author_differences(cited: tuple[PersonName, ...], registered: tuple[PersonName, ...]) -> list[Difference]:
    """A cited name that is a registered name misspelt (Paramanov for Paramonov), or whose first initial
    contradicts the registered given name (Smith, J. for Smith, Adam)."""
    out = []
    for name in cited:
        same = [r for r in registered
                if same_entity(name, r) or _transliterated(name.key) == _transliterated(r.key)]
        if same:
            if _clean_name(name) and all(r.initials and r.initials[0] != name.initials[0] for r in same):
                out.append(Difference("author", name.written, same[0].written))
            continue
        near = next((r for r in registered if surnames_match(name, r)), None)
        if near is not None:
            out.append(Difference("author", name.written, near.written))
    return out


def _clean_name(name: PersonName) -> bool:
    """"Surname, Given" with a given part of letters, dots, hyphens and spaces only: a name a parser read
    whole, whose initials can be trusted ("X.; Ren" cannot)."""
    return bool(name.initials) and name.written.count(",") == 1 and bool(_GIVEN_NAMES.match(name.given))


def _transliterated(key: str) -> str:
    return key.translate(_TRANSLITERATE)


def doi_differs(cited_doi: str, record: RegistryRecord) -> Difference | None:
    if cited_doi and record.doi and cited_doi.lower() != record.doi.lower():
        return Difference("doi", cited_doi, record.doi)
    return None
