"""Split name lists into persons, as written; corporate authors stay whole."""

from __future__ import annotations

import re

from audit import patterns

_CONNECTORS = (" and ", " & ", " et ", " und ", " y ", " e ")
# German lists join names with a slash: "Schmidt, Eva/Roth, Paul (Hg.)"; "and/or" is not a list.
# A surname may open with its particle: "Taylor, James R./van Every, Elizabeth J.".
_SLASH = re.compile(r"(?<=[\w.])\s*/\s*(?=[A-ZÀ-Ý]|(?:van|von|de|der|den|du|da|di|del|della|le|la|ter|ten)\s+[A-ZÀ-Ý])")


def is_corporate(text: str) -> bool:
    """True for an organisation ("Council of the European Union"), not a person."""
    return bool(patterns.CORPORATE.search(text)) or (text.isupper() and len(text) > 1 and " " not in text)


def _is_initials(piece: str) -> bool:
    tokens = piece.replace(".", ". ").split()
    return bool(tokens) and all(patterns.INITIALS.match(t) or (t.isupper() and len(t) <= 3) for t in tokens)


def _is_bare_surname(piece: str) -> bool:
    """One word (particles allowed): "Collins", "de la Fontaine", "Pérez-Higueras"."""
    words = piece.split()
    core = [w for w in words if not w.islower()]
    return len(core) == 1 and not _is_initials(piece) and words[-1][:1].isupper()


def _is_given(piece: str) -> bool:
    """Given names after an inverted surname: "Kathleen", "Neil J.", "B. Eugene", "D."."""
    words = piece.split()
    if _is_initials(piece):
        return True
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not words[-1].endswith(",")


def _pair_inverted(pieces: list[str]) -> list[str]:
    """Rejoin "Surname, Given" pairs that a comma split apart."""
    names: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if i + 1 < len(pieces) and _is_bare_surname(piece) and _is_given(pieces[i + 1]):
            names.append(piece + ", " + pieces[i + 1])
            i += 2
        else:
            names.append(piece)
            i += 1
    return names


def _split_connectors(text: str) -> list[str]:
    parts = _SLASH.split(text)
    for connector in _CONNECTORS:
        next_parts = []
        for part in parts:
            next_parts.extend(part.split(connector))
        parts = next_parts
    return parts


def split_names(text: str) -> list[str]:
    """["D. Trenin", "A. Malashenko"] from "D. Trenin and A. Malashenko"; "et al." is dropped."""
    text = patterns.ET_AL.sub("", text).rstrip(",;: ")  # "(Hg.):" ends in a colon before the title
    text = patterns.EDITOR_MARK.sub("", patterns.ROLE_MARK.sub("", text)).replace("*", "")
    text = patterns.SPACES.sub(" ", text).strip().rstrip(",;: ")
    if text.endswith(" ed") or text.endswith(" eds"):
        text = text.rsplit(" ", 1)[0].rstrip(",")
    if not text:
        return []
    if is_corporate(text):
        return [clean_name(text)]
    names: list[str] = []
    for part in _split_connectors(text):
        pieces = [p.strip() for p in part.split(",") if p.strip() and not patterns.ROLE_WORD.match(p.strip())]
        names.extend(_pair_inverted(pieces))
    return [clean_name(n) for n in names if clean_name(n)]


def clean_name(name: str) -> str:
    """Trailing punctuation off, except the period of a final initial ("Neil J.")."""
    name = name.strip().rstrip(",;: ")
    last = name.split()[-1] if name.split() else ""
    if name.endswith(".") and not patterns.INITIALS.match(last) and not last.endswith(("Jr.", "Sr.")):
        name = name.rstrip(".")
    return name
