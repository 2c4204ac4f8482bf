"""Name and key heuristics for the BibTeX export: corporate authors, person lists, ASCII folding.

No pybtex here: `bibtex_export` is the only module that imports it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from audit.bibtex_patterns import ACRONYM_SUFFIX, ALL_CAPS_NAME, ELISION, ET_AL, NAME_SEPARATOR, WORD

# Words that mark an organisation, not a person ("World Bank", "Council of the European Union").
CORPORATE_WORDS: frozenset[str] = frozenset(
    "office council commission institute institut group organization organisation centre center university "
    "programme program ministry agency union committee consortium foundation association bank nations "
    "federation conference presidency parliament secretariat service department government assembly court "
    "board bureau forum network fund society academy company corporation trust observatory directorate "
    "international watch house endowment initiative project alliance coalition press".split()
)
# Lower-case words that belong in organisation names but not in person names.
_ORG_FUNCTION_WORDS = frozenset({"of", "for", "on", "the", "in", "to", "against", "pour", "für"})
# Name particles that may start a person's surname (kept lower case in person names).
_PARTICLES = frozenset({"de", "la", "le", "du", "des", "van", "von", "der", "den", "da", "di", "dos", "del",
                        "bin", "ibn", "al", "el", "ter", "ten", "zu"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Leading words a key skips: articles (English, French, German, Spanish, Italian) and a few prepositions.
SKIP_WORDS: frozenset[str] = frozenset(
    "the a an le la les l un une des du d der die das den dem ein eine el los las il lo gli uno una "
    "on of in for to and".split()
)
_FOLD_EXTRA: dict[str, str] = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "ı": "i", "ð": "d",
}
# Simple Cyrillic transliteration for keys only (stored names are never rewritten).
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєў",
    "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i i e u".split(),
    strict=True,
))


@lru_cache(maxsize=1 << 16)  # called per word of every title and name: words repeat across a bibliography
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'Délétroz' -> 'deletroz', 'Парамонов' -> 'paramonov'."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text.casefold()):
        if unicodedata.combining(ch):
            continue
        ch = _FOLD_EXTRA.get(ch, _CYRILLIC.get(ch, ch)).strip("_")
        out.append(ch if ch.isascii() else "")
    return "".join(c for c in "".join(out) if c.isalnum())


def is_corporate(name: str) -> bool:
    """True for names a BibTeX name parser must not split or invert."""
    name = name.strip()
    if ACRONYM_SUFFIX.search(name) or ALL_CAPS_NAME.match(name):
        return True
    if NAME_SEPARATOR.search(name):  # unbraced, BibTeX would split it: only a list of persons may stay so
        return split_person_list(name) is None
    if "," in name:  # "Bank, Jane": an inverted person name
        return False
    words = name.split()
    if len(words) >= 2 and _has_org_word(name):  # one-word names ("Bank") are more often surnames
        return True
    return len(words) >= 3 and any(w in _ORG_FUNCTION_WORDS for w in words[1:-1])


def _has_org_word(text: str) -> bool:
    return any(w.strip(".,").lower() in CORPORATE_WORDS for w in text.split())


def _person_like(part: str) -> bool:
    part = part.strip()
    if "," in part:  # "Bank, Jane": inversion marks a person whatever the words
        surname, _, given = part.partition(",")
        return bool(surname.strip()) and all(_person_word(w) for w in (surname + " " + given).split())
    words = part.split()
    return 1 <= len(words) <= 5 and not _has_org_word(part) and all(_person_word(w) for w in words)


def _person_word(word: str) -> bool:
    bare = word.strip(".,")
    if not bare:
        return False
    lowered = bare.lower()
    if lowered in _PARTICLES or lowered in _SUFFIXES or lowered.split("-")[0] in _PARTICLES:
        return True
    return bare[0].isupper() and lowered not in _ORG_FUNCTION_WORDS


def split_person_list(name: str) -> tuple[str, ...] | None:
    """The persons in one string, or None when it is one name or some part does not look like a person.

    'Smith and Jones' -> ('Smith', 'Jones'); 'Rumer, B. Eugene, Dmitri Trenin and Huasheng Zhao' -> three
    names (Chicago inverts only the first); 'Delcour, Laure et al.' -> ('Delcour, Laure', 'others'), which
    BibTeX styles print as "et al.".
    """
    text = name.strip()
    others = bool(ET_AL.search(text))
    parts: list[str] = []
    for chunk in NAME_SEPARATOR.split(ET_AL.sub("", text)):
        parts.extend(_split_commas(chunk.strip().rstrip(",").strip()))
    if len(parts) + others < 2 or not all(_person_like(p) for p in parts):
        return None
    return (*parts, "others") if others else tuple(parts)


def _split_commas(chunk: str) -> list[str]:
    """'Rumer, B. Eugene, Dmitri Trenin' -> two names; 'Smith, Jr., John' (a suffix) stays one."""
    pieces = [p.strip() for p in chunk.split(",")]
    if len(pieces) < 3 or pieces[1].lower() in _SUFFIXES or any(len(p.split()) < 2 for p in pieces[2:]):
        return [chunk]
    return [f"{pieces[0]}, {pieces[1]}", *pieces[2:]]


def corporate_key(name: str) -> str:
    """The acronym in parentheses, an all-caps name itself, or the first significant word."""
    acronym = ACRONYM_SUFFIX.search(name)
    if acronym:
        return fold(acronym.group(1))
    if ALL_CAPS_NAME.match(name.strip()):
        return fold(name)
    words = significant_words(name)
    return words[0] if words else ""


def significant_words(text: str) -> list[str]:
    """Folded words of a title or name, leading articles and elisions (l', d') skipped."""
    # An elision needs an apostrophe: most words skip the pattern (called for every title of a bibliography).
    words = [fold(ELISION.sub("", w) if "'" in w or "’" in w else w) for w in WORD.findall(text)]
    words = [w for w in words if w]
    start = 0
    while start < len(words) - 1 and words[start] in SKIP_WORDS:
        start += 1
    return words[start:]


def strip_particles(surname: str) -> str:
    """'al-Rashid' -> 'Rashid', 'de la Fontaine' -> 'Fontaine': keys use the surname proper."""
    words = surname.split()
    while len(words) > 1 and words[0].lower() in _PARTICLES:
        words = words[1:]
    if len(words) == 1:
        head, sep, rest = words[0].partition("-")
        if sep and rest and head.lower() in _PARTICLES:
            return rest
    return " ".join(words)
