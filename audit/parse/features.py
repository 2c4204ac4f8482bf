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
    if token.endswith(".") and core[:1].isupper() and 2 <= len(core) <= 6 and core.isalpha():
        feats.append("abbr")  # journal abbreviations: "Proc.", "Lett.", "Natl."
    if lower in _STOPWORDS:
        feats.append("stop")

    return tuple(feats)


_STOPWORDS = frozenset("of the a an and in on for to with from by at as de la le les des du et und der die das "
                       "von zu im el los las del y di il e della per".split())

OFFSETS = (-2, -1, 1, 2)
# Features copied onto the neighbours, with the offset as prefix ("-1:w=in").
_NEIGHBOUR_KEYS = ("w=", "shape=", "last=", "kw=", "year", "initial", "openq", "closeq", "month", "range", "abbr")


@lru_cache(maxsize=131072)
def _shifted(token: str, offset: int) -> tuple[str, ...]:
    """The token's neighbour features as seen from `offset` positions away ("-1:w=in")."""
    prefix = f"{offset:+d}:"
    return tuple(prefix + f for f in token_features(token) if f.startswith(_NEIGHBOUR_KEYS))


_OUTSIDE = {offset: (f"{offset:+d}:none",) for offset in OFFSETS}


_ABBREVIATIONS = frozenset(("vol.", "pp.", "p.", "no.", "ed.", "eds.", "eds", "nr.", "bd.", "s.", "vols.", "al.",
                            "hrsg.", "trans.", "dir.", "ch.", "art.", "n.", "op.", "cit.", "j.", "st.", "dr.", "inc.",
                            "co.", "jr.", "sr.", "univ.", "dept.", "proc.", "conf.", "int.", "j.", "rev."))


def _ends_sentence(token: str) -> bool:
    """A period that ends a sentence-like part (not an initial or a common abbreviation)."""
    if not token.endswith((".", "?", "!")) or token.endswith("..."):
        return False
    core = token.rstrip(".").strip("()[]\"“”'*")
    return len(core) > 1 and token.lower() not in _ABBREVIATIONS and not (core.isupper() and len(core) <= 2)


@lru_cache(maxsize=8)  # both stages of one tagging call ask for the same reference
def _chunks(tokens: tuple[str, ...]) -> tuple[list[int], list[int], list[int]]:
    """Per token: index of its sentence-like part, of its comma chunk, and the chunk's first token index."""
    sent, chunk, first = [], [], []
    s = c = start = 0
    for i, token in enumerate(tokens):
        sent.append(s)
        chunk.append(c)
        first.append(start)
        ends = _ends_sentence(token)
        if ends or token.endswith((",", ";", ":")):
            c += 1
            start = i + 1
        if ends:
            s += 1
    return sent, chunk, first


# Prebuilt feature strings for small integers (formatting them per token is measurable).
_POS = tuple(f"pos={k}" for k in range(10))
_SENT = tuple(f"sent={k}" for k in range(6))
_ESENT = tuple(f"esent={k}" for k in range(5))
_CPOS = tuple(f"cpos={k}" for k in range(5))


_SCASE = {k: "scase=" + k for k in ("title", "mixed", "sentence", "none")}
_RSENT = {k: f"rsent={k}" for k in range(-2, 4)}


@lru_cache(maxsize=4096)
def _conj(name: str, shape: str, other: object) -> str:
    if name == "sp":  # shape after the previous token's last character (punctuation or "a")
        other = other if not str(other).isalnum() else "a"
    return f"{name}={shape}|{other}"


def sequence_features(tokens: list[str] | tuple[str, ...]) -> list[list[str]]:
    """Per token: its own features, ±1/±2 neighbour features, position, part and quote/bracket state."""
    n = len(tokens)
    tokens = tuple(tokens)
    own = [token_features(t) for t in tokens]
    sent, chunk, first = _chunks(tokens)
    chunk_has_year: dict[int, bool] = {}
    year_sent = None
    sent_words: dict[int, list[int]] = {}
    for i in range(n):
        if "year" in own[i]:
            chunk_has_year[chunk[i]] = True
            if year_sent is None:
                year_sent = sent[i]
        word = tokens[i].lstrip("(\"“‘'*[")
        if word[:1].isalpha() and len(word) > 3:
            counts = sent_words.setdefault(sent[i], [0, 0])
            counts[0] += 1
            counts[1] += word[0].isupper()
    # Journal names are usually in title case, APA article titles in sentence case.
    sent_case = {k: ("title" if up * 4 >= total * 3 else "mixed" if up * 3 >= total else "sentence")
                 for k, (total, up) in sent_words.items()}
    out: list[list[str]] = []
    in_quote = False
    in_emph = False
    depth = 0
    seen_year = False
    closed_quote_before = False
    last_sent = sent[-1] if n else 0
    for i, token in enumerate(tokens):
        s_i = sent[i]
        in_chunk = i - first[i]
        feats = [*own[i], _POS[10 * i // n], _SENT[min(s_i, 5)], _ESENT[min(last_sent - s_i, 4)],
                 "cfirst=" + own[first[i]][0][2:], _CPOS[min(in_chunk, 4)],
                 _SCASE[sent_case.get(s_i, "none")]]
        if chunk_has_year.get(chunk[i]):
            feats.append("cyear")
        if year_sent is not None:
            feats.append(_RSENT[max(-2, min(3, s_i - year_sent))])
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
        if closed_quote_before:
            feats.append("afterq")  # a container or publication facts usually follow a quoted title
            if "closeq" in own[i - 1]:
                feats.append("rightafterq")
        # Conjunctions the linear model cannot form itself: shape after the previous token's
        # punctuation, and shape at its place in the chunk (a capital after ". " starts a part).
        shape = own[i][1][6:]
        if i > 0:
            feats.append(_conj("sp", shape, tokens[i - 1][-1]))
        feats.append(_conj("cp", shape, min(in_chunk, 3)))
        for offset in OFFSETS:
            j = i + offset
            feats += _shifted(tokens[j], offset) if 0 <= j < n else _OUTSIDE[offset]
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
        if stripped and stripped[-1] in CLOSE_QUOTES and not in_quote:
            closed_quote_before = True
        if "year" in own[i]:
            seen_year = True
    return out


def stacked_features(features: list[list[str]], first_labels: list[str],
                     tokens: list[str] | tuple[str, ...]) -> list[list[str]]:
    """Second-stage features: the first CRF's labels in a ±2 window and its majority label per chunk.

    Stacking lets the second CRF see label context beyond its first-order transitions (a run
    of `title` tokens ending at a period, a chunk that is mostly `journal`).
    """
    _, chunk, _ = _chunks(tuple(tokens))
    votes: dict[int, dict[str, int]] = {}
    for c, label in zip(chunk, first_labels, strict=True):
        counts = votes.setdefault(c, {})
        counts[label] = counts.get(label, 0) + 1
    majority = {c: _label_feature("Lc", max(counts, key=counts.__getitem__)) for c, counts in votes.items()}
    padded = ["none", "none", *first_labels, "none", "none"]
    return [feats + [_label_feature("L-2", padded[i]), _label_feature("L-1", padded[i + 1]),
                     _label_feature("L0", padded[i + 2]), _label_feature("L1", padded[i + 3]),
                     _label_feature("L2", padded[i + 4]), majority[chunk[i]]]
            for i, feats in enumerate(features)]


@lru_cache(maxsize=512)
def _label_feature(key: str, label: str) -> str:
    return f"{key}={label}"
