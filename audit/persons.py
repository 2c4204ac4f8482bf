"""Names as structures for comparing: surname, initials, corporate aliases (display stays as written)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from audit.parse.names import is_corporate
from audit.textnorm import fold

_ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Za-z&\-]{1,15})\)")
# "Socialstyrelsen (National Board of Health and Welfare)": the name and its gloss both name the body
_GLOSS_IN_PARENS = re.compile(r"\s*\(([^()]{2,80})\)")
_TRAILING_YEAR = re.compile(r"\s*\((?:1[5-9]|20)\d\d[a-z]?\)\s*$")  # "(2002)" the parser left on the name
_NAME_DASH = re.compile(r"\s+[–—-]\s+")  # "WHO – World Health Organization"
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.)+$|^[A-ZÀ-Þ]$")
# Compiled once: analyse_name runs for every name of a bibliography (re.sub with a string pattern
# looks its pattern up again on each call).
_ROLE_SUFFIX = re.compile(r"\s*\((?:eds?|dir|hrsg|coord|trans|comp)\.?\)\s*$", re.IGNORECASE)
_ET_AL_SUFFIX = re.compile(r",?\s+et al\.?$")
_LEADING_INITIAL = re.compile(r"^[A-Z]\.")
_GIVEN_SEPARATOR = re.compile(r"[\s.\-]+")
_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "le", "la", "al", "el", "bin",
              "ibn", "ter", "ten", "dos", "das"}
_STOP = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "et", "für", "und", "der", "to"}


# "International Crisis Group" is ICG, but two-word names ("European Commission", "European Council")
# share their initials far too often to be told apart by them.
MIN_WORDS_FOR_INITIALISM = 3


@dataclass(frozen=True, slots=True)
class PersonName:
    written: str
    surname: str  # as written
    given: str  # as written
    initials: tuple[str, ...]
    corporate: bool
    aliases: frozenset[str]  # folded forms that name the same person or body
    inverted_guess: str = ""  # folded first word of "Surname Given" written without its comma
    key: str = field(default="", compare=False)  # folded surname, computed once

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", fold(self.surname))


def _initials(given: str) -> tuple[str, ...]:
    letters = []
    for token in _GIVEN_SEPARATOR.split(given):
        if token and token[0].isalpha():
            letters.append(token[0].upper())
    return tuple(letters)


def _corporate(written: str) -> PersonName:
    aliases = {fold(written)}
    named = _TRAILING_YEAR.sub("", written)
    acronym = _ACRONYM_IN_PARENS.search(named)
    bare = _ACRONYM_IN_PARENS.sub("", named).strip()
    aliases.add(fold(bare))
    if acronym:
        aliases.add(fold(acronym.group(1)))
    # each way the entry names the body: "WHO – World Health Organization", "Name (Gloss)"
    aliases.add(fold(_GLOSS_IN_PARENS.sub("", bare)))
    aliases.update(fold(gloss) for gloss in _GLOSS_IN_PARENS.findall(bare))
    aliases.update(fold(part) for part in _NAME_DASH.split(_GLOSS_IN_PARENS.sub("", bare)))
    words = [w for w in re.split(r"[\s\-/]+", bare) if w and w.lower() not in _STOP and w[0].isupper()]
    if len(words) >= MIN_WORDS_FOR_INITIALISM:
        aliases.add("".join(w[0] for w in words).lower())
    if written.isupper() and " " not in written:
        aliases.add(written.lower())
    return PersonName(written, bare, "", (), True, frozenset(a for a in aliases if a))


# Names recur, and clustering, the name rule and the manifest each analyse every name of a bibliography: a
# cache smaller than a large bibliography's names would miss on every pass. PersonName is immutable.
@lru_cache(maxsize=1 << 18)
def analyse_name(written: str) -> PersonName:
    """Split a name as written into surname and given names; corporate names stay whole."""
    text = " ".join(written.replace("*", "").split()).strip(" ,;")
    text = _ROLE_SUFFIX.sub("", text)
    text = _ET_AL_SUFFIX.sub("", text)
    if not text:
        return PersonName(written, "", "", (), False, frozenset())
    if is_corporate(text) and not _LEADING_INITIAL.match(text):
        return _corporate(text)
    if "," in text:
        surname, given = (part.strip() for part in text.split(",", 1))
        if _INITIAL.match(surname.split()[-1]) and len(surname.split()) > 1:  # "Kanet E., Roger"
            *rest, initial = surname.split()
            surname, given = " ".join(rest), f"{given} {initial}"
    else:
        tokens = text.replace(".", ". ").split()
        trailing: list[str] = []
        while len(tokens) > 1 and _INITIAL.match(tokens[-1]):  # "Roger Kanet E." means Roger E. Kanet
            trailing.insert(0, tokens.pop())
        cut = len(tokens) - 1
        while cut > 0 and tokens[cut - 1].lower() in _PARTICLES:
            cut -= 1
        surname, given = " ".join(tokens[cut:]), " ".join(tokens[:cut] + trailing)
    words = text.split()
    inverted_guess = ""
    if "," not in text and len(words) == 2 and not any(_INITIAL.match(w.rstrip(".") + ".") for w in words):
        inverted_guess = fold(words[0])  # "Délétroz Alain" may be an inverted name missing its comma
    return PersonName(written, surname, given, _initials(given), False, frozenset({fold(surname)} - {""}),
                      inverted_guess)


def names_of(value) -> tuple[PersonName, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = (value,)
    return tuple(n for n in (analyse_name(v) for v in value) if n.surname)


def same_entity(a: PersonName, b: PersonName) -> bool:
    """Exactly the same person or body, allowing for acronyms and accents."""
    if a.corporate or b.corporate:
        return bool(a.aliases & b.aliases)
    return a.key == b.key or (a.inverted_guess == b.key != "") or (b.inverted_guess == a.key != "")
