"""Token features for the reference CRF, after AnyStyle's parser and GROBID's citation model.

Features are plain strings (python-crfsuite reads a string item as a feature with value 1.0),
handed over as UTF-8 bytes.
Token-local features are cached per token string because references repeat the same tokens
("pp.", "2010,", "and") over and over; this keeps feature extraction far below tagging cost.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from audit import patterns
from audit.parse.places import PLACES

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
    # Publishers' names (AnyStyle's and GROBID's publisher lexicons); surnames and common words left out.
    **dict.fromkeys(("springer", "elsevier", "wiley", "routledge", "blackwell", "palgrave", "macmillan",
                     "harpercollins", "gruyter", "suhrkamp", "gallimard", "seuil", "puf", "laterza", "einaudi",
                     "kluwer", "pearson", "mcgraw-hill", "prentice-hall", "addison-wesley", "doubleday", "houghton",
                     "mifflin", "ashgate", "earthscan", "crc", "jossey-bass", "lippincott", "thieme", "karger",
                     "birkhäuser", "vieweg", "teubner", "vandenhoeck", "ruprecht", "nomos", "hanser", "flammarion",
                     "dunod", "karthala", "harmattan", "l'harmattan", "feltrinelli", "giuffrè", "anagrama", "tecnos",
                     "nijhoff", "ieee", "acm", "siam", "oecd", "unesco", "brookings", "heinemann",
                     "butterworth-heinemann", "longman", "bloomsbury", "duckworth", "hachette", "scribner"),
                    "publisher"),
    # Places of publication (the second word of "New York", "Los Angeles" …), their states and countries.
    **dict.fromkeys(PLACES, "place"),
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
    shape = _shape(core)
    feats = [
        "w=" + lower,
        "shape=" + shape,
        "first=" + _char_class(token[0]),
        "last=" + token[-1] if not token[-1].isalnum() else "last=alnum",
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "len=" + (str(len(core)) if len(core) < 5 else "long"),
    ]
    keyword = KEYWORDS.get(lower) or KEYWORDS.get(lower.rstrip("."))
    if keyword is None and "/" in lower and any(part in PLACES for part in lower.split("/")):
        keyword = "place"  # "Frankfurt/Main:", "Weinheim/Basel"
    if keyword:
        feats.append("kw=" + keyword)
    # Each pattern below needs a digit, a letter or a dot to match; the guards skip hopeless searches.
    if shape in ("digits", "hasdigit"):
        if patterns.YEAR.search(core) and len(core) <= 12:
            feats.append("year")
            if core.isdigit():
                feats.append("pureyear")
        if patterns.VOLUME_ISSUE.match(core + (")" if core.count("(") > core.count(")") else "")):
            feats.append("volissue")
    elif core[:1].isalpha() and patterns.MONTH.match(core):
        feats.append("month")
    if "-" in core or "–" in core:  # "12-15", and a lone dash between two page numbers
        parts = core.replace("–", "-").split("-")
        if len(parts) == 2 and all(p.isdigit() for p in parts if p):
            feats.append("range")
    if ("." in token or "/" in token) and (patterns.URL.search(token) or patterns.DOI.search(token)):
        feats.append("locator")
    if core[:1].isupper() and patterns.INITIALS.match(core + "."):
        feats.append("initial")
    if shape == "digits":
        feats.append("num" + ("small" if len(core) <= 3 else "big"))
    if lower[:1] in _ROMAN_LETTERS and patterns.ROMAN.match(lower):
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


_ROMAN_LETTERS = frozenset("ivxlcdm")
_STOPWORDS = frozenset("of the a an and in on for to with from by at as de la le les des du et und der die das "
                       "von zu im el los las del y di il e della per".split())

OFFSETS = (-2, -1, 1, 2)
# Features copied onto the neighbours, with the offset as prefix ("-1:w=in").
_NEIGHBOUR_KEYS = ("w=", "shape=", "last=", "kw=", "year", "initial", "openq", "closeq", "month", "range", "abbr")


_PREFIXES = tuple(f"{offset:+d}:" for offset in OFFSETS)


def _shifted(own: tuple[str, ...]) -> tuple[tuple[bytes, ...], ...]:
    """A token's neighbour features as seen from each of OFFSETS ("-1:w=in")."""
    shared = [f for f in own if f.startswith(_NEIGHBOUR_KEYS)]
    return tuple(tuple(_encode_all([prefix + f for f in shared])) for prefix in _PREFIXES)


def _encode_all(features: list[str] | tuple[str, ...]) -> list[bytes]:
    """UTF-8 bytes of each feature, with one encode call (features never contain NUL)."""
    return "\0".join(features).encode().split(b"\0") if features else []


_OUTSIDE = tuple((f"{offset:+d}:none".encode(),) for offset in OFFSETS)


_ABBREVIATIONS = frozenset(("vol.", "pp.", "p.", "no.", "ed.", "eds.", "eds", "nr.", "bd.", "s.", "vols.", "al.",
                            "hrsg.", "trans.", "dir.", "ch.", "art.", "n.", "op.", "cit.", "j.", "st.", "dr.", "inc.",
                            "co.", "jr.", "sr.", "univ.", "dept.", "proc.", "conf.", "int.", "j.", "rev."))


def ends_sentence(token: str) -> bool:
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
        fact = _facts(token)
        if fact.ends_chunk:
            c += 1
            start = i + 1
        if fact.ends_part:
            s += 1
    return sent, chunk, first


# Prebuilt feature strings for small integers (formatting them per token is measurable).
_POS = tuple(f"pos={k}".encode() for k in range(10))
_SENT = tuple(f"sent={k}".encode() for k in range(6))
_ESENT = tuple(f"esent={k}".encode() for k in range(5))
_CPOS = tuple(f"cpos={k}".encode() for k in range(5))


_SCASE = {k: ("scase=" + k).encode() for k in ("title", "mixed", "sentence", "none")}
_RSENT = {k: f"rsent={k}".encode() for k in range(-2, 4)}


def _next_kind(feats: tuple[str, ...]) -> str:
    """A coarse class of a chunk's first token: keyword, year, number, initial or shape."""
    for f in feats:
        if f.startswith("kw="):
            return f[3:]
    if "volissue" in feats:
        return "volissue"
    if "year" in feats:
        return "year"
    return feats[1][6:]


# Words that tell what a whole comma chunk is: "Franz Steiner Verlag," and "Dept. of CS, Univ. of Utah" publish.
_CHUNK_CUES = {"publisher": b"ch=publisher", "place": b"ch=place", "genre": b"ch=genre"}

_GLOBAL_CUES = {"kw=editor": b"g=editor", "volissue": b"g=volissue", "kw=page": b"g=page",
                "kw=publisher": b"g=publisher", "openq": b"g=quote", "locator": b"g=locator", "kw=genre": b"g=genre",
                "kw=journal": b"g=journal", "kw=volume": b"g=volume"}


class _Facts(NamedTuple):
    """What the sequence pass needs to know about one token string, computed once per string."""

    own: tuple[bytes, ...]
    shifted: tuple[tuple[bytes, ...], ...]  # its features as seen from each of OFFSETS
    shape: str
    year: bool
    kw_in: bool
    close_quote: bool
    opens_quote: bool
    ends_quote: bool
    quote_closes_itself: bool
    opens_emph: bool
    ends_emph: bool
    paren_delta: int
    case_word: int  # 0: too short to count for a part's case, 1: lower case, 2: capitalised
    last_char: str  # "a" for a letter or digit, else the punctuation
    next_kind: bytes  # "nextc=…" when this token starts the chunk after
    prev_kind: bytes  # "prevc=…" when this token starts the chunk before
    cfirst: bytes
    cues: tuple[bytes, ...]  # reference-wide cues ("g=…") the token gives
    cp: tuple[bytes, ...]  # shape at chunk position 0..3
    shape_after: dict[str, bytes]  # "sp=…" features by the previous token's last character, filled as met
    ends_part: bool  # ends a sentence-like part (`ends_sentence`)
    ends_chunk: bool  # ends a part or a comma chunk
    chunk_cue: bytes | None  # "ch=…" for every token of its comma chunk (a publisher or place word in it)


@lru_cache(maxsize=65536)
def _facts(token: str) -> _Facts:
    own = token_features(token)
    stripped = token.rstrip(".,;:)")
    word = token.lstrip("(\"“‘'*[")
    shape = own[1][6:]
    kind = _next_kind(own)
    kinds = _kind_features(kind)
    own_bytes = tuple(_encode_all(own))
    end_quote = stripped[-1:] in CLOSE_QUOTES if stripped else False
    ends_part = ends_sentence(token)
    return _Facts(  # positional, in field order: building a NamedTuple by keyword is measurably slower
        own_bytes,
        _shifted(own),
        shape,
        "year" in own,
        "kw=in" in own,
        "closeq" in own,
        token[0] in OPEN_QUOTES,
        end_quote,
        end_quote and len(stripped) > 1,
        token.startswith("*"),
        stripped.endswith("*"),
        token.count("(") - token.count(")"),
        (2 if word[0].isupper() else 1) if word[:1].isalpha() and len(word) > 3 else 0,
        "a" if token[-1].isalnum() else token[-1],
        kinds[0],
        kinds[1],
        b"cfirst=" + own_bytes[0][2:],
        tuple(_GLOBAL_CUES[f] for f in own if f in _GLOBAL_CUES),
        _chunk_position(shape),
        _SHAPE_AFTER.setdefault(shape, {}),
        ends_part,
        ends_part or token.endswith((",", ";", ":")),
        _CHUNK_CUES.get(kind),
    )


@cache  # a few dozen kinds
def _kind_features(kind: str) -> tuple[bytes, bytes]:
    return f"nextc={kind}".encode(), f"prevc={kind}".encode()


@cache  # a handful of shapes
def _chunk_position(shape: str) -> tuple[bytes, ...]:
    return tuple(f"cp={shape}|{k}".encode() for k in range(4))


_SHAPE_AFTER: dict[str, dict[str, bytes]] = {}  # shape → previous token's last character → feature


def _shape_after(fact: _Facts, previous_last_char: str) -> bytes:
    """Shape after the previous token's last character: a capital after ". " starts a part."""
    feature = fact.shape_after[previous_last_char] = f"sp={fact.shape}|{previous_last_char}".encode()
    return feature


def sequence_features(tokens: list[str] | tuple[str, ...], context: str = "bibliography") -> list[list[bytes]]:
    """Per token: its own features, ±1/±2 neighbour features, position, part and quote/bracket state.

    In a footnote (`context="note"`) every token also carries `ctx=note`: notes put the names
    first and the place before the year ("Müller, Hans: Titel, Berlin 2003, S. 12"), and they
    carry signals and pinpoints that reference lists do not.

    Features are UTF-8 bytes: python-crfsuite copies bytes as they are but encodes every str,
    which cost a fifth of the tagging time.

    Everything that depends on one token string is computed once per string (`_facts`), so
    the work per token here is a few lookups and list joins; profile with `bench_parse --profile`.
    """
    n = len(tokens)
    tokens = tuple(tokens)
    facts = [_facts(t) for t in tokens]
    sent, chunk, first = _chunks(tokens)
    chunk_has_year: set[int] = set()
    year_sent = None
    sent_words: dict[int, list[int]] = {}
    glob: set[bytes] = set()
    # What follows each comma chunk: a journal name is followed by its volume, a book title by a place.
    chunk_next: dict[int, bytes] = {}
    chunk_prev: dict[int, bytes] = {}
    chunk_cues: dict[int, list[bytes]] = {}
    for i in range(n):
        fact = facts[i]
        c_i = chunk[i]
        if fact.year:
            chunk_has_year.add(c_i)
            if year_sent is None:
                year_sent = sent[i]
        if fact.case_word:
            counts = sent_words.setdefault(sent[i], [0, 0])
            counts[0] += 1
            counts[1] += fact.case_word == 2
        if fact.cues:
            glob.update(fact.cues)
        if fact.chunk_cue is not None and fact.chunk_cue not in chunk_cues.setdefault(c_i, []):
            chunk_cues[c_i].append(fact.chunk_cue)
        if i > 0 and c_i != chunk[i - 1]:
            chunk_next[c_i - 1] = fact.next_kind
            chunk_prev[c_i] = facts[first[i - 1]].prev_kind
            if fact.kw_in:
                glob.add(b"g=in")
    if n and (tokens[0].startswith("[") or tokens[0].rstrip(".)").isdigit()):
        glob.add(b"g=numbered")
    if context == "note":
        glob.add(b"ctx=note")
    glob_feats = sorted(glob)
    # Journal names are usually in title case, APA article titles in sentence case.
    sent_case = {k: _SCASE["title" if up * 4 >= total * 3 else "mixed" if up * 3 >= total else "sentence"]
                 for k, (total, up) in sent_words.items()}
    # Neighbour features lined up by position, with "none" beyond the ends.
    shifted = [f.shifted for f in facts]
    left2 = [_OUTSIDE[0], _OUTSIDE[0], *(x[0] for x in shifted[:-2])][:n]
    left1 = [_OUTSIDE[1], *(x[1] for x in shifted[:-1])][:n]
    right1 = [*(x[2] for x in shifted[1:]), _OUTSIDE[2]]
    right2 = [*(x[3] for x in shifted[2:]), _OUTSIDE[3], _OUTSIDE[3]][:n]
    out: list[list[bytes]] = []
    in_quote = in_emph = seen_year = after_in = closed_quote_before = False
    depth = 0
    last_sent = sent[-1] if n else 0
    previous = None
    for i in range(n):
        fact = facts[i]
        s_i = sent[i]
        c_i = chunk[i]
        in_chunk = i - first[i]
        from_end = last_sent - s_i
        feats = [*fact.own, _POS[10 * i // n], _SENT[s_i if s_i < 5 else 5], _ESENT[from_end if from_end < 4 else 4],
                 facts[first[i]].cfirst, _CPOS[in_chunk if in_chunk < 4 else 4], sent_case.get(s_i, _SCASE_NONE),
                 chunk_next.get(c_i, _NEXT_END), chunk_prev.get(c_i, _PREV_START),
                 fact.cp[in_chunk if in_chunk < 3 else 3], *glob_feats,
                 *_STATES[(in_quote or fact.opens_quote) | (in_emph or fact.opens_emph) << 1 | (depth > 0) << 2
                          | seen_year << 3 | after_in << 4 | closed_quote_before << 5],
                 *left2[i], *left1[i], *right1[i], *right2[i]]
        if year_sent is not None:
            feats.append(_RSENT[max(-2, min(3, s_i - year_sent))])
        if c_i in chunk_has_year:
            feats.append(b"cyear")
        if c_i in chunk_cues:
            feats += chunk_cues[c_i]
        if previous is None:
            feats.append(b"BOS")
        else:
            feats.append(fact.shape_after.get(previous.last_char) or _shape_after(fact, previous.last_char))
            if closed_quote_before and previous.close_quote:
                feats.append(b"rightafterq")
        if i == n - 1:
            feats.append(b"EOS")
        out.append(feats)
        # update running state after the token
        if fact.opens_quote and not fact.quote_closes_itself:
            in_quote = True
        elif in_quote and fact.ends_quote:
            in_quote = False
        if fact.opens_emph and not fact.ends_emph:
            in_emph = True
        elif in_emph and fact.ends_emph:
            in_emph = False
        if fact.paren_delta:
            depth = max(0, depth + fact.paren_delta)
        if fact.ends_quote and not in_quote:
            closed_quote_before = True
        if fact.year:
            seen_year = True
        if in_chunk == 0 and fact.kw_in and previous is not None:
            after_in = True
        previous = fact
    return out


# Running-state features by bit mask: quote, emphasis, bracket, after the year, after "In",
# after a quoted title (a container or the publication facts usually follow one).
_STATE_NAMES = ("inquote", "inemph", "inparen", "afteryear", "afterin", "afterq")
_STATES = tuple(tuple(name.encode() for bit, name in enumerate(_STATE_NAMES) if mask >> bit & 1)
                for mask in range(1 << len(_STATE_NAMES)))


_SCASE_NONE = _SCASE["none"]
_NEXT_END = b"nextc=end"
_PREV_START = b"prevc=start"


def stacked_features(features: list[list[bytes]], first_labels: list[str],
                     tokens: list[str] | tuple[str, ...]) -> list[list[bytes]]:
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
def _label_feature(key: str, label: str) -> bytes:
    return f"{key}={label}".encode()
