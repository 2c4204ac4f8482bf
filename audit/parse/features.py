"""Token features for the reference CRF, after AnyStyle's parser and GROBID's citation model.

Features are plain strings (python-crfsuite reads a string item as a feature with value 1.0).
Token-local features are cached per token string because references repeat the same tokens
("pp.", "2010,", "and") over and over; this keeps feature extraction far below tagging cost.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from audit import patterns

OPEN_QUOTES = frozenset("“\"«„‘")
CLOSE_QUOTES = frozenset("”\"»“’")
KEYWORDS: dict[str, str] = {
    **dict.fromkeys(("ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "dir", "coord", "cura", "éd",
                     "rapporteurs"), "editor"),
    **dict.fromkeys(("trans", "transl", "translated", "übers", "trad", "traduit", "übersetzt"), "translator"),
    **dict.fromkeys(("in", "dans", "en", "im"), "in"),
    **dict.fromkeys(("p", "pp", "s", "pages", "page", "seiten", "pág", "págs"), "page"),
    **dict.fromkeys(("vol", "volume", "vols", "bd", "band", "tome", "t", "jg", "jahrgang"), "volume"),
    **dict.fromkeys(("no", "nr", "n°", "nº", "num", "núm", "issue", "heft", "nos"), "issue"),
    **dict.fromkeys(("edition", "edn", "aufl", "auflage", "édition", "edición", "edizione"), "edition"),
    **dict.fromkeys(("retrieved", "accessed", "consulted", "consulté", "abgerufen", "consultado", "available",
                     "disponible", "retirado", "online", "visited", "zugegriffen"), "accessed"),
    **dict.fromkeys(("doi", "isbn", "issn", "url", "pmid", "arxiv"), "identifier"),
    **dict.fromkeys(("press", "verlag", "publishers", "publishing", "éditions", "editions", "edizioni",
                     "editorial", "books", "university", "universität", "université", "institute", "centre",
                     "center"), "publisher"),
    **dict.fromkeys(("journal", "review", "revue", "zeitschrift", "rivista", "revista", "quarterly", "studies",
                     "bulletin", "proceedings", "annals", "annales", "transactions", "letters", "proc"), "journal"),
    **dict.fromkeys(("thesis", "dissertation", "diss", "thèse", "mémoire", "phd", "report", "paper", "brief",
                     "working", "rapport", "bericht", "interview", "speech", "conference", "symposium",
                     "workshop", "meeting", "congress", "tagung", "colloque"), "genre"),
    **dict.fromkeys(("and", "&", "et", "und", "y", "e", "al", "al."), "and"),
}


def _shape(core: str) -> str:
    if not core:
        return "none"
    if core.isdigit():
        return "digits"
    if any(c.isdigit() for c in core):
        return "hasdigit"
    if core.isupper():
        return "single" if len(core) == 1 else "caps"
    if core[0].isupper():
        return "init"
    if core.islower():
        return "lower"
    return "other"


def _char_class(char: str) -> str:
    return unicodedata.category(char)[0] if char else "-"


@lru_cache(maxsize=65536)
def token_features(token: str) -> tuple[str, ...]:
    """Features that depend on the token alone."""
    core = token.strip(".,;:()[]{}“”\"«»„‘’'*<>!?")
    lower = core.lower()
    feats = [
        "w=" + lower,
        "shape=" + _shape(core),
        "first=" + _char_class(token[0]),
        "last=" + token[-1] if not token[-1].isalnum() else "last=alnum",
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "len=" + (str(len(core)) if len(core) < 5 else "long"),
    ]
    keyword = KEYWORDS.get(lower) or KEYWORDS.get(lower.rstrip("."))
    if keyword:
        feats.append("kw=" + keyword)
    if patterns.YEAR.search(core) and len(core) <= 12:
        feats.append("year")
        if core.isdigit():
            feats.append("pureyear")
    if "-" in core or "–" in core:
        parts = core.replace("–", "-").split("-")
        if len(parts) == 2 and all(p.isdigit() for p in parts if p):
            feats.append("range")
    if patterns.VOLUME_ISSUE.match(core + (")" if core.count("(") > core.count(")") else "")):
        feats.append("volissue")
    if patterns.MONTH.match(core):
        feats.append("month")
    if patterns.URL.search(token) or patterns.DOI.search(token):
        feats.append("locator")
    if core and patterns.INITIALS.match(core + "."):
        feats.append("initial")
    if core.isdigit():
        feats.append("num" + ("small" if len(core) <= 3 else "big"))
    if patterns.ROMAN.match(lower) and lower:
        feats.append("roman")
    if token[0] in OPEN_QUOTES:
        feats.append("openq")
    if token.rstrip(".,;:)") and token.rstrip(".,;:)")[-1] in CLOSE_QUOTES:
        feats.append("closeq")
    if token.startswith("("):
        feats.append("openp")
    if token.rstrip(".,;:").endswith(")"):
        feats.append("closep")
    if token.startswith("*") or token.startswith("_"):
        feats.append("openem")
    if token.rstrip(".,;:").endswith("*"):
        feats.append("closeem")
    if token.endswith(":"):
        feats.append("colon")
    return tuple(feats)


# Features copied onto the neighbours, with the offset as prefix ("-1:w=in").
_NEIGHBOUR_KEYS = ("w=", "shape=", "last=", "kw=", "year", "initial", "openq", "closeq", "month", "range")


@lru_cache(maxsize=65536)
def _neighbour_part(token: str) -> tuple[str, ...]:
    return tuple(f for f in token_features(token) if f.startswith(_NEIGHBOUR_KEYS))


def sequence_features(tokens: list[str] | tuple[str, ...]) -> list[list[str]]:
    """Per token: its own features, ±1/±2 neighbour features, position and quote/bracket state."""
    n = len(tokens)
    own = [token_features(t) for t in tokens]
    near = [_neighbour_part(t) for t in tokens]
    out: list[list[str]] = []
    in_quote = False
    in_emph = False
    depth = 0
    seen_year = False
    periods = 0
    commas = 0
    for i, token in enumerate(tokens):
        feats = list(own[i])
        if i > 0:
            feats.append("bi=" + own[i - 1][0][2:] + "|" + own[i][0][2:])
        feats.append(f"pos={10 * i // n}")
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        starts_quote = token[0] in OPEN_QUOTES
        if in_quote or starts_quote:
            feats.append("inquote")
        if in_emph or token.startswith("*"):
            feats.append("inemph")
        if depth > 0:
            feats.append("inparen")
        if seen_year:
            feats.append("afteryear")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                prefix = f"{offset:+d}:"
                feats.extend(prefix + f for f in near[j])
            else:
                feats.append(f"{offset:+d}:none")
        out.append(feats)
        # update running state after the token
        stripped = token.rstrip(".,;:)")
        if starts_quote and not (len(stripped) > 1 and stripped[-1] in CLOSE_QUOTES):
            in_quote = True
        elif in_quote and stripped and stripped[-1] in CLOSE_QUOTES:
            in_quote = False
        if token.startswith("*") and not stripped.endswith("*"):
            in_emph = True
        elif in_emph and stripped.endswith("*"):
            in_emph = False
        depth = max(0, depth + token.count("(") - token.count(")"))
        if "year" in own[i]:
            seen_year = True
        if token.endswith(".") and len(token) > 2 and not in_quote:
            periods += 1
        elif token.endswith(","):
            commas += 1
    return out
