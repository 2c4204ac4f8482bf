"""Vancouver (ICMJE/NLM) references read by rule: "Names. Title. Journal. 2010;375(9):123-30."

The publication block at the end is certain (`patterns.VANCOUVER_BLOCK`), and NLM style is
regular before it: names as "Surname INITIALS" joined by commas, then the title and the
journal, each closed by a period. When the text has exactly that shape the rule is surer than
the CRF, which reads a short title after a single author as more names.
"""

from __future__ import annotations

import re

from audit import patterns
from audit.parse.names import split_names

# "Kim J", "Pérez-Higueras JJ", "de la Macorra JC", "van der Berg AB", "Smith AB Jr"
_PERSON = r"(?:[a-zà-ÿ]+\s+){0,3}[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?\s+[A-Z]{1,3}(?:\s+(?:Jr|Sr|II|III))?"
_NAMES = re.compile(rf"^(?P<names>{_PERSON}(?:,\s+{_PERSON})*(?:,?\s+et\s+al)?)\.\s+(?P<rest>.+)$")
# The title ends at the last sentence end before the journal: ". ", "? " or "! ".
_TITLE_END = re.compile(r"[.?!]\s+(?=[^.?!]+\.?$)")


def block_fields(text: str) -> dict[str, str]:
    """Date, volume, issue and pages of the first Vancouver block in `text` ({} when there is none)."""
    block = patterns.VANCOUVER_BLOCK.search(text) if ";" in text else None
    return _fields_of(block) if block else {}


def _fields_of(block: re.Match[str]) -> dict[str, str]:
    found = {key: value for key, value in block.groupdict().items() if value}
    if "pages" in found:
        found["pages"] = found["pages"].replace("–", "-").replace(" ", "")
    return found


_SENTENCE_ENDS = re.compile(r"[.?!]\s+")
_VOWELS = frozenset("aeiouyàáâãäåèéêëìíîïòóôõöùúûü")


def _abbreviated(word: str) -> bool:
    """An NLM journal-word abbreviation: "J", "Rev", "Educ", "Neurosci" (capitalised, cut after a consonant)."""
    core = word.rstrip(".")
    return core.isalpha() and core[:1].isupper() and (len(core) <= 3 or len(core) <= 8
                                                      and core[-1].lower() not in _VOWELS)


def _journal_start(rest: str) -> re.Match[str] | None:
    """The last sentence end not inside an abbreviated journal ("… vivo. Cad. Saúde Pública." ends at "vivo.").

    None when every sentence end follows an abbreviation-like word (the last one is taken then).
    """
    ends = [m for m in _SENTENCE_ENDS.finditer(rest) if m.end() < len(rest)]
    for match in reversed(ends):
        word = rest[: match.start() + 1].rsplit(None, 1)[-1]
        if rest[match.start()] != "." or not _abbreviated(word):
            return match
    return None


def parse_vancouver(text: str) -> dict | None:
    """Fields of a reference in Vancouver shape, or None when the text is not clearly one."""
    text = text.strip()
    block = patterns.VANCOUVER_BLOCK.search(text) if ";" in text else None
    if not block or text[block.end():].strip(" .") or not text[:block.start()].rstrip().endswith("."):
        return None
    names = _NAMES.match(text[:block.start()].strip())
    if not names:
        return None
    rest = names.group("rest").strip()
    end = _TITLE_END.search(rest)
    if not end:
        return None
    end = _journal_start(rest) or end
    title, journal = rest[: end.start() + 1].strip(), rest[end.end():].strip().rstrip(".")
    if not journal or not title.rstrip(".?!"):
        return None
    return {"author": split_names(names.group("names")), "title": title.rstrip("."), "container-title": journal,
            **_fields_of(block)}
