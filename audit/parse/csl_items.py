"""Labelled references as CSL-JSON items whose field values carry markers, and rendered text back to labels.

To render a labelled reference through a CSL style (`csl_render.py`) and still know which
words came from which field, every field value is wrapped in private-use characters before
rendering: an opening marker that names the CRF label (`\\ue100` + the label's index) and a
closing one (`\\ue000`). The rendered string then shows each field's span; the markers are
taken out and every whitespace token is labelled by the characters it holds.

Styles re-order and abbreviate names, and citeproc-py initialises a given name by its first
character, so only the family name carries markers; the given names and initials a style
writes next to a labelled family name are found by matching them against the person's given
names (`_label_given_names`). The year is an integer in CSL, so it is found by value. Text
outside every field ("In:", "pp.", "(Hrsg.)", commas) gets the corpora's rule
(`sources.fill_untagged`), after two rules of its own: role words next to an editor
("E. Meier (ed.)", "hrsg. von", "a cura di") belong to the editor, and "ed."/"Aufl." after an
edition number to the edition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from audit.parse.dataset import LabelledSequence
from audit.parse.names import is_corporate, split_names
from audit.parse.note_variants import _field_words
from audit.parse.sources import fill_untagged, label_runs

CLOSE = "\ue000"
MARKED_LABELS = ("author", "editor", "title", "journal", "container-title", "volume", "pages", "date", "location",
                 "publisher", "edition", "doi", "url", "collection-title", "pinpoint")
_OPEN = {label: chr(0xE100 + i) for i, label in enumerate(MARKED_LABELS)}
_LABEL_OF = {mark: label for label, mark in _OPEN.items()}
_MARKERS = re.compile("[\ue000\ue100-\ue1ff]")
# Numbers whose markers may change what a style prints (an `is-numeric` test): unmarked in the fallback.
NUMERIC = ("volume", "issue", "page", "edition")

_VOLUME_ISSUE = re.compile(r"^(\d{1,5}[A-Za-z]?)\s*(?:\((\d{1,4}(?:[-/]\d{1,4})?)\)|[,.]?\s*(?:no|nr|n°|h|heft|issue)"
                           r"\.?\s*(\d{1,4}(?:[-/]\d{1,4})?))?$", re.I)
_PAGES = re.compile(r"^[A-Za-z]?\d{1,6}(?:\s*[-–—]{1,2}\s*[A-Za-z]?\d{1,6})?$")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_EDITION = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|\.|e|ème|a)?$", re.I)
_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:?\s*)?(10\.\d{4,9}/\S+)$", re.I)
_INITIALS_RUN = re.compile(r"^[A-ZÀ-Ý]{1,3}$")
_PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "ten", "ter"))
_EDITOR_ROLE = frozenset(("ed", "eds", "editor", "editors", "edited", "by", "hrsg", "hg", "hgg", "herausgegeben",
                          "herausgeber", "von", "dir", "dirs", "éd", "éds", "sous", "la", "direction", "de", "a",
                          "cura", "di", "curatore", "curatori", "a cura di"))
_EDITION_WORDS = frozenset(("ed", "edn", "edition", "aufl", "auflage", "éd", "édition", "ed.", "edizione"))
_CITATION_NUMBER = re.compile(r"^\s*(?:\[\d+\]|\d+\.)\s")
_MORE_LEAD_WORDS = frozenset(("dans", "nel", "nella", "fasc", "en"))
_STRIP = ",.;:()[]«»“”\"'"


def mark(label: str, text: str) -> str:
    return _OPEN[label] + text + CLOSE


def strip_markers(text: str) -> str:
    return _MARKERS.sub("", text)


def _given(text: str) -> str:
    """Given names as written; Vancouver's run-together initials ("JA") spaced out ("J. A.")."""
    if _INITIALS_RUN.match(text):
        return " ".join(f"{c}." for c in text)
    return text


def _person(name: str, label: str) -> dict[str, str] | None:
    """{"family": marked, "given": …} for "Müller, Hans", "Hans Müller", "Kim JA"; None when unclear."""
    if any(c.isdigit() for c in name) or not name.strip(_STRIP) or _INITIALS_RUN.match(name.replace(".", "").strip()):
        return None  # "L." or "JA" alone: the gold name list was split unclearly
    if is_corporate(name):
        return {"family": mark(label, name)}
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
    else:
        words = name.split()
        if len(words) == 1:
            family, given = words[0], ""
        elif len(words) == 2 and _INITIALS_RUN.match(words[1]):
            family, given = words
        else:
            start = next((i for i, w in enumerate(words[:-1]) if i and w.lower() in _PARTICLES), len(words) - 1)
            family, given = " ".join(words[start:]), " ".join(words[:start])
    if not family or len(family.split()) > 3 or len(given.split()) > 4 or not family[:1].isalpha() \
            or len(family.strip(_STRIP)) < 2 or _INITIALS_RUN.match(family.replace(".", "")):
        return None  # "L." or "JA" as a family name: the gold name list was split unclearly
    person = {"family": mark(label, family)}
    if given:
        person["given"] = _given(given)
    return person


def _people(words: list[str], label: str) -> list[dict[str, str]] | None:
    names = split_names(" ".join(words))
    people = [_person(name, label) for name in names]
    return people if people and all(people) else None  # type: ignore[return-value]


def _kind(fields: dict[str, list[str]]) -> str | None:
    if "title" not in fields or not ({"author", "editor"} & set(fields)):
        return None
    if "journal" in fields:
        return "article-journal"
    if "container-title" in fields:
        return "chapter"
    return "book" if {"location", "publisher", "date"} & set(fields) else None


def csl_item(seq: LabelledSequence, item_id: str = "item", *, mark_numbers: bool = True) -> dict | None:
    """The reference as a CSL-JSON item with marked values, or None when it cannot be converted cleanly."""
    fields = _field_words(seq.tokens, seq.labels)
    kind = _kind(fields)
    if kind is None:
        return None
    item: dict = {"id": item_id, "type": kind}

    def text(label: str) -> str:
        return " ".join(fields[label])

    def put(variable: str, label: str, value: str) -> None:
        numeric = variable in NUMERIC and not mark_numbers
        item[variable] = value if numeric else mark(label, value)

    for role in ("author", "editor"):
        if role in fields:
            people = _people(fields[role], role)
            if people is None:
                return None
            item[role] = people
    put("title", "title", text("title"))
    if kind != "book":
        container = "journal" if kind == "article-journal" else "container-title"
        put("container-title", container, text(container))
    if "volume" in fields:
        found = _VOLUME_ISSUE.match(text("volume"))
        if found:
            put("volume", "volume", found.group(1))
            if found.group(2) or found.group(3):
                put("issue", "volume", found.group(2) or found.group(3))
    if "pages" in fields and kind != "book" and _PAGES.match(text("pages")):
        put("page", "pages", text("pages"))
    for variable, label in (("publisher", "publisher"), ("publisher-place", "location"),
                            ("collection-title", "collection-title")):
        if label in fields:
            put(variable, label, text(label))
    year = _YEAR.search(text("date")) if "date" in fields else None
    if year is None:  # styles print "n.d."/"s.d." for a missing date, which the gold never labels
        return None
    item["issued"] = {"date-parts": [[int(year.group(1))]]}
    if "edition" in fields:
        edition = _EDITION.match(fields["edition"][0])
        if edition and edition.group(1) != "1":
            put("edition", "edition", edition.group(1))
    if "doi" in fields:
        doi = _DOI.match(text("doi"))
        if doi:
            put("DOI", "doi", doi.group(1))
    if "url" in fields and "doi" not in item and text("url").startswith("http"):
        put("URL", "url", text("url"))
    return item


def _chars(rendered: str) -> list[tuple[str, str | None]]:
    """The rendered text's characters, each with the label of the marked span it is in."""
    out: list[tuple[str, str | None]] = []
    label: str | None = None
    for char in rendered:
        if char in _LABEL_OF:
            label = _LABEL_OF[char]
        elif char == CLOSE:
            label = None
        else:
            out.append((char, label))
    return out


def _locate(chars: list[tuple[str, str | None]], pattern: re.Pattern[str], label: str) -> bool:
    """Label the first unlabelled match of `pattern` in the characters; False when there is none."""
    text = "".join(c for c, _ in chars)
    numbered = _CITATION_NUMBER.match(text)  # "[1] " or "1. " of a numbered style is not a volume
    for found in pattern.finditer(text, numbered.end() if numbered else 0):
        if all(chars[i][1] is None for i in range(found.start(), found.end())):
            for i in range(found.start(), found.end()):
                chars[i] = (chars[i][0], label)
            return True
    return False


def _value_pattern(value: str, variable: str) -> re.Pattern[str]:
    if variable == "edition":  # "2nd ed.", "2. Aufl.", "2e éd."
        return re.compile(rf"(?<!\w){re.escape(value)}(?!\d)")
    if _PAGES.match(value):  # a style may write "45–67", "45-7" or only the first page
        first = re.escape(re.split(r"\s*[-–—]", value)[0])
        return re.compile(rf"(?<!\w){first}(?:\s*[-–—]{{1,2}}\s*[A-Za-z]?\d+)?(?!\w)")
    return re.compile(rf"(?<!\w){re.escape(value)}(?!\d)")


def _given_pieces(item: dict) -> dict[str, set[str]]:
    """Per role, the given names of its people and their initials (upper case)."""
    pieces: dict[str, set[str]] = {}
    for role in ("author", "editor"):
        for person in item.get(role, ()):
            for word in re.split(r"[\s.\-]+", person.get("given", "")):
                if word:
                    pieces.setdefault(role, set()).update((word, word[0]))
    return pieces


def _is_given_of(token: str, pieces: set[str]) -> bool:
    parts = [p for p in re.split(r"[.\-‐]+", token.strip(_STRIP)) if p]
    if len(parts) == 1 and _INITIALS_RUN.match(parts[0]) and all(c in pieces for c in parts[0]):
        return True  # Vancouver's "HP"
    return bool(parts) and all(p in pieces for p in parts)


def _label_given_names(tokens: Sequence[str], labels: list[str | None], item: dict) -> None:
    """Unlabelled given names and initials next to a family name of the same role take its label."""
    pieces = _given_pieces(item)
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if labels[i] is not None:
                continue
            for j in (i - 1, i + 1):
                role = labels[j] if 0 <= j < len(tokens) else None
                if role in pieces and _is_given_of(token, pieces[role]):
                    labels[i] = role
                    changed = True
                    break


def _label_role_words(tokens: Sequence[str], labels: list[str | None]) -> None:
    """"(ed.)", "Hrsg.", "a cura di" next to an editor are the editor's; "ed." after an edition number the edition's;
    "dans", "fasc." lead into the field after them (French and Italian styles' words the corpora's rule lacks)."""
    for i, token in enumerate(tokens[:-1]):
        if labels[i] is None and labels[i + 1] is not None and token.strip(_STRIP).lower() in _MORE_LEAD_WORDS:
            labels[i] = labels[i + 1]
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if labels[i] is not None:
                continue
            core = token.strip(_STRIP).lower()
            neighbours = [labels[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
            if core in _EDITOR_ROLE and "editor" in neighbours:
                labels[i], changed = "editor", True
            elif core in _EDITION_WORDS and i and labels[i - 1] == "edition":
                labels[i], changed = "edition", True


def align(rendered: str, item: dict, source: str, context: str = "bibliography",
          locator: str | None = None) -> LabelledSequence | None:
    """The rendered (marked) text as a labelled sequence, or None when a field cannot be found in it;
    `locator` is the pinpoint when it was rendered without markers."""
    chars = _chars(rendered)
    year = item.get("issued", {}).get("date-parts", [[None]])[0][0]
    if year and not _locate(chars, re.compile(rf"(?<!\d){year}[a-z]?(?!\d)"), "date"):
        return None
    for variable, label in (("locator", "pinpoint"), ("volume", "volume"), ("issue", "volume"), ("page", "pages"),
                            ("edition", "edition")):
        value = locator if variable == "locator" else item.get(variable)
        if value and CLOSE not in value and not _locate(chars, _value_pattern(value, variable), label):
            return None
    tokens, labels = label_runs([(label, char) for char, label in chars])
    if not tokens:
        return None
    _label_given_names(tokens, labels, item)
    _label_role_words(tokens, labels)
    return LabelledSequence(tuple(tokens), tuple(fill_untagged(tokens, labels)), source, context)
