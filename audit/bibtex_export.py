"""Cleaned BibTeX export of works, written with pybtex (the only module importing it), and read back.

Field names are the classic BibTeX ones (journal, address, number, institution, school), which biber's default
sourcemap also reads for biblatex (journal -> journaltitle, address -> location, techreport -> report,
phdthesis -> thesis). On top of that the default UTF-8 output, meant for biblatex + biber, uses the biblatex
type `online` for web pages, a numeric `month` and an ISO `date` when the day is known (only then: biber
warns when `date` overrides `year`). `ascii=True` writes classic BibTeX instead: LaTeX escapes for accents,
`misc` for web pages, month names. Both keep `url`, `urldate` and `translator`, which classic styles
ignore (natbib's plainnat/unsrtnat print `url`), so no information is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError

from audit.bibtex_latex import decode_latex, decode_verbatim, escape_text, escape_verbatim, protect_title
from audit.bibtex_names import (
    corporate_key,
    fold,
    is_corporate,
    significant_words,
    split_person_list,
    strip_particles,
)
from audit.bibtex_patterns import (
    ACCESS_WORDS,
    DOI_PREFIX,
    MASTERS_GENRE,
    NON_EN_DASH,
    PAGE_DASH,
    YEAR,
)
from audit.dates import MONTH_NAMES, date_at
from audit.models import NAME_FIELDS, Fields


@dataclass(frozen=True, slots=True)
class ExportItem:
    type: str  # one of models.REFERENCE_TYPES
    fields: Fields  # contract field names; name fields are tuples of names as written
    origin: str  # "bibliography entry 12", "note 7": starts every message about this item


@dataclass(frozen=True, slots=True)
class BibExport:
    text: str  # the .bib file
    keys: tuple[str, ...]  # one per item, same order
    changes: tuple[str, ...]  # what cleaning did, in plain English, prefixed with the item's origin
    problems: tuple[tuple[int, str], ...]  # (item index, message) for items lacking required fields


_BIB_TYPES: dict[str, str] = {
    "article": "article", "chapter": "incollection", "book": "book", "report": "techreport",
    "thesis": "phdthesis", "webpage": "online", "news": "article", "interview": "misc", "speech": "misc",
    "legal": "misc", "other": "misc",
}
_FIELD_ORDER: tuple[str, ...] = (
    "author", "editor", "translator", "title", "journal", "booktitle", "howpublished", "series", "edition",
    "volume", "number", "pages", "type", "school", "institution", "publisher", "address", "year", "month",
    "date", "doi", "isbn", "url", "urldate", "note",
)
# Each requirement lists alternatives: ("author", "editor") is met by either.
_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("container-title",), ("date",)),
    "chapter": (("author",), ("title",), ("container-title",), ("date",)),
    "book": (("author", "editor"), ("title",), ("date",)),
    "report": (("author", "publisher"), ("title",), ("date",)),
    "thesis": (("author",), ("title",), ("date",)),
    "webpage": (("title",), ("url",)),
    "news": (("title",), ("container-title",), ("date",)),
    "interview": (("author", "title"), ("date",)),
    "speech": (("author",), ("title",), ("date",)),
    "legal": (("title",), ("date",)),
    "other": (("title",),),
}


def parse_date(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) from '7 September 2011', '2011-05-12', '7 septembre 2011', 'May 2011', '2011'."""
    written = date_at(ACCESS_WORDS.sub("", " ".join(text.split())).rstrip("."), whole=True)
    if written is None or written.guessed:  # "12/05/2011" may be 5 December: better kept as written than guessed
        return None
    return written.year, written.month, written.day


def export_bibtex(items: Sequence[ExportItem], *, ascii: bool = False) -> BibExport:
    """One entry per item, in item order; nothing is dropped, every repair is listed in `changes`.

    `ascii=False` (default): UTF-8 for biblatex + biber. `ascii=True`: classic BibTeX with LaTeX escapes;
    characters with no LaTeX form (Cyrillic, CJK) stay UTF-8 and are named in `changes`.
    """
    keys = make_keys(items)
    written: list[str] = []
    changes: list[str] = []
    problems: list[tuple[int, str]] = []
    for index, (item, key) in enumerate(zip(items, keys, strict=True)):
        bib_type, fields, notes = _convert(item, ascii=ascii)
        changes.extend(f"{item.origin}: {note}" for note in notes)
        missing = _missing(item)
        if missing:
            problems.append((index, f"{item.origin}: {missing}"))
        written.append(write_entry(bib_type, key, [(f, fields[f]) for f in _FIELD_ORDER if f in fields]))
    return BibExport(text="\n".join(written), keys=keys, changes=tuple(changes), problems=tuple(problems))


def write_entry(bib_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """One entry laid out exactly as pybtex's BibTeX writer lays it out, values already LaTeX.

    Written here rather than through pybtex's BibliographyData and Writer: building their entry objects
    and re-scanning every value for braces took a third of a 50,000-entry audit (and pybtex 0.26 would
    escape the LaTeX again, even in url: pybtex#118, #130). Keys are unique by construction (make_keys)."""
    parts = [f"@{bib_type}{{{key}"]
    for name, value in fields:
        if value.count("{") != value.count("}"):  # every escape above is balanced; never write a file BibTeX misreads
            raise ValueError(f"unbalanced braces in the {name} of {key}: {value}")
        parts.append(f",\n    {name} = " + (f'"{value}"' if '"' not in value else f"{{{value}}}"))
    parts.append("\n}\n")
    return "".join(parts)


def _missing(item: ExportItem) -> str | None:
    present = {f for f, v in item.fields.items() if _text(v)}
    if not present:
        return "no fields found"
    need = _REQUIRED.get(item.type, _REQUIRED["other"])
    if not YEAR.search(_text(item.fields.get("date", ""))):
        present.discard("date")  # "n.d." is written out, but the item still lacks a date
    gaps = [" or ".join(alts) for alts in need if not present.intersection(alts)]
    return f"missing {', '.join(gaps)}" if gaps else None


def _text(value: str | Sequence[str]) -> str:
    """A field's text with whitespace collapsed: pybtex would collapse it on reading anyway."""
    if not isinstance(value, str):  # a name tuple (or a list, from JSON)
        return " and ".join(n for n in (" ".join(v.split()) for v in value) if n)
    return " ".join(value.split())


def _convert(item: ExportItem, *, ascii: bool) -> tuple[str, dict[str, str], list[str]]:
    """BibTeX type, LaTeX field values and change notes for one item."""
    notes: list[str] = []
    bib_type = _BIB_TYPES.get(item.type)
    if bib_type is None:
        notes.append(f"unknown type '{item.type}' written as misc")
        bib_type = "misc"
    genre = _text(item.fields.get("genre", ""))
    if bib_type == "phdthesis" and MASTERS_GENRE.search(genre):
        bib_type = "mastersthesis"
    if bib_type == "online" and ascii:
        bib_type = "misc"
    out: dict[str, str] = {}
    kept: list[str] = []
    extra_notes: list[str] = []  # text with no BibTeX field of its own, appended to the note

    def put(name: str, value: str) -> None:
        latex, kept_here = escape_text(value, ascii=ascii)
        kept.extend(kept_here)
        out[name] = latex

    for field, raw in item.fields.items():
        if field in NAME_FIELDS:
            names = (raw,) if isinstance(raw, str) else raw
            value = _names(field, names, ascii, notes, kept)
            if value:
                out[field] = value
            continue
        value = _text(raw)
        if value and value != (raw if isinstance(raw, str) else value):
            notes.append(f"{field}: whitespace collapsed")
        if not value:
            continue
        if field == "title":
            latex, protected, kept_here = protect_title(value, ascii=ascii)
            kept.extend(kept_here)
            out["title"] = latex
            if protected:
                notes.append("title protected " + " ".join("{" + w + "}" for w in protected))
        elif field == "container-title":
            put({"article": "journal", "incollection": "booktitle", "book": "booktitle",
                 "techreport": "booktitle"}.get(bib_type, "howpublished"), value)
        elif field in ("collection-title", "volume", "issue", "edition", "location", "genre", "isbn", "note"):
            put({"collection-title": "series", "issue": "number", "location": "address",
                 "genre": "type"}.get(field, field), value)
        elif field == "publisher":
            put({"techreport": "institution", "phdthesis": "school", "mastersthesis": "school"}
                .get(bib_type, "publisher"), value)
        elif field == "pages":
            out["pages"] = "--".join(escape_text(p, ascii=ascii)[0] for p in PAGE_DASH.split(value))
            if NON_EN_DASH.search(value):
                notes.append(f"pages '{value}' written {out['pages']}")
        elif field == "date":
            _put_date(value, out, notes, ascii=ascii)
        elif field in ("url", "doi"):
            if field == "doi" and DOI_PREFIX.match(value):
                notes.append(f"doi prefix removed from '{value}'")
                value = DOI_PREFIX.sub("", value)
            out[field] = escape_verbatim(value, ascii=ascii)
            if decode_verbatim(out[field]) != value:
                notes.append(f"{field} '{value}' percent-encoded as {decode_verbatim(out[field])}")
        elif field == "accessed":
            parsed = parse_date(value)
            if parsed and parsed[2]:
                out["urldate"] = f"{parsed[0]:04d}-{parsed[1]:02d}-{parsed[2]:02d}"
            else:
                notes.append(f"accessed '{value}' is not a full date: kept in note")
                extra_notes.append(f"accessed {value}")
        else:
            notes.append(f"field '{field}' has no BibTeX equivalent: kept in note")
            extra_notes.append(f"{field}: {value}")
    if extra_notes:
        put("note", "; ".join([n for n in [_text(item.fields.get("note", ""))] if n] + extra_notes))
    if not out:
        put("note", item.origin)
        notes.append("no fields: misc entry with its origin as note")
    if kept:
        notes.append("no LaTeX form, kept as UTF-8: " + "".join(dict.fromkeys(kept)))
    return bib_type, out, notes


def _names(field: str, names: Sequence[str], ascii: bool, notes: list[str], kept: list[str]) -> str:
    """Names joined by ' and '; organisations in double braces so BibTeX never splits or inverts them."""
    written: list[str] = []
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            continue
        if is_corporate(name):
            parts, brace = (name,), True
            notes.append(f"{field} '{name}' braced as an organisation")
        else:
            parts, brace = split_person_list(name) or (name,), False
            if len(parts) > 1:
                notes.append(f"{field} '{name}' written as {len(parts)} names: {'; '.join(parts)}")
        for part in parts:
            latex, kept_here = escape_text(part, ascii=ascii)
            kept.extend(kept_here)
            written.append("{{" + latex + "}}" if brace else latex)
    return " and ".join(written)


def _put_date(value: str, out: dict[str, str], notes: list[str], *, ascii: bool) -> None:
    parsed = parse_date(value)
    if parsed is None:
        year = YEAR.search(value)
        out["year"] = year.group(0) if year else escape_text(value, ascii=ascii)[0]
        notes.append(f"date '{value}' written as year {decode_latex(out['year'])}")
        return
    year, month, day = parsed
    out["year"] = str(year)
    if month:
        out["month"] = MONTH_NAMES[month - 1] if ascii else str(month)
    if month and day and not ascii:
        # Only the day needs biblatex's `date`; biber warns when `date` overrides year/month, so keep it rare.
        out["date"] = f"{year:04d}-{month:02d}-{day:02d}"


def make_keys(items: Sequence[ExportItem]) -> tuple[str, ...]:
    """`surname + year + first significant title word`, made unique with a, b, … in item order."""
    bases = [_key_base(item) for item in items]
    counts: dict[str, int] = {}
    for base in bases:
        counts[base] = counts.get(base, 0) + 1
    taken = {b for b in bases if counts[b] == 1}
    keys: list[str] = []
    next_suffix: dict[str, int] = {}
    for base in bases:
        if counts[base] == 1:
            keys.append(base)
            continue
        while True:  # every colliding key gets a letter, skipping any that another base already uses
            n = next_suffix.get(base, 0)
            next_suffix[base] = n + 1
            key = base + _letters(n)
            if key not in taken:
                break
        taken.add(key)
        keys.append(key)
    return tuple(keys)


def _letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: bijective base 26."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _key_base(item: ExportItem) -> str:
    names = item.fields.get("author") or item.fields.get("editor") or ()
    first = (names,) if isinstance(names, str) else names
    name = next((" ".join(n.split()) for n in first if n.strip()), "")
    date = item.fields.get("date", "")
    return _key_from(name, date if isinstance(date, str) else "", _text(item.fields.get("title", "")))


# An audit makes keys twice for the same fields (clustering names its works, the export writes them): the
# second pass and repeated names are looked up here instead of parsing each name with pybtex again.
@lru_cache(maxsize=1 << 18)
def _key_from(name: str, date: str, title: str) -> str:
    year = YEAR.search(date)
    words = significant_words(title)
    who = _name_key(name) if name else ""
    if not who:
        # The title's first word stands in for the author; the key's word slot takes the next content word.
        who, words = (words[0], significant_words(" ".join(words[1:]))) if words else ("anon", [])
    return who + (year.group(0) if year else "") + (words[0] if words else "")


def _name_key(name: str) -> str:
    if is_corporate(name):
        return corporate_key(name)
    name = (split_person_list(name) or (name,))[0]
    surname, comma, given = name.partition(",")
    if comma and surname.isalpha() and "," not in given and not any(c in given for c in "{}\\~"):
        return fold(strip_particles(surname))  # "Surname, Given": one word before the comma is pybtex's last name
    try:
        surname = " ".join(Person(name).last_names) or name
    except PybtexError:  # too many commas and the like: fall back to the last word
        surname = name.split(",")[0] if "," in name else name.split()[-1]
    return fold(strip_particles(surname))


def read_bibtex(text: str) -> list[tuple[str, str, dict[str, str], dict[str, list[str]]]]:
    """(key, type, fields, persons) per entry, with escapes and protective braces undone.

    Name fields are split with pybtex's own rule (top-level ' and ') and returned as written, not
    re-formatted; url and doi only lose their `\\%`/`\\#` escapes. Raises ValueError on unparseable input.
    """
    try:
        data = Parser(person_fields=()).parse_string(text)
    except PybtexError as error:
        raise ValueError(f"unreadable BibTeX: {error}") from error
    result = []
    for key, entry in data.entries.items():
        fields: dict[str, str] = {}
        persons: dict[str, list[str]] = {}
        for name, value in entry.fields.items():
            name = name.lower()
            if name in NAME_FIELDS:
                persons[name] = [decode_latex(n) for n in split_name_list(value)]
            elif name in ("url", "doi"):
                fields[name] = decode_verbatim(value)
            else:
                fields[name] = decode_latex(value)
        result.append((key, entry.type, fields, persons))
    return result
