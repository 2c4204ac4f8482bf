"""Features of the two line models: zones (what a line is) and entry starts (where a reference begins).

Both see a line's own cues (`line_facts.text_cues`), its layout relative to the document or the reference
list (indentation, length, page position, blank lines around it) and its neighbours' cues.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from audit.zoning.line_facts import FUNCTION_WORDS, SURNAME_BARE_INITIALS, LineFacts, bucket, text_cues

NEIGHBOUR_CUES = ("gap_before", "len=", "f=", "e=", "s1=", "years=", "author_start", "year_early", "label",
                  "bib_heading", "number_only", "repeat_author", "in:", "func=", "allcaps", "notestart", "pages",
                  "indent", "end_recurs")
# Lines since the last bibliography heading: only "just under it" is told apart. Farther buckets taught the
# zone model that a list stops some forty lines down (chapter bibliographies are short), which cut long
# reference sections in two.
HEADING_DISTANCES = (1, 3, 10)
OPENING_CUES = frozenset(("author_start", "repeat_author", "label.", "label[]"))
MIN_STYLE_OPENINGS = 3  # a list's indentation style is judged on this many lines that open like a reference
STYLE_SHARE = 0.75  # ... this share of them at the left edge (hanging) or set in (first-line)
# A word that ends this share of a list's lines (at least three) is how its entries end ("Medline",
# "[PubMed]", "CrossRef"): the line after one opens an entry
RECURRING_END_SHARE = 0.05
_LAST_WORD = re.compile(r"([A-Za-zÀ-ÿ]{3,})\W*$")


def _relative_length(length: int, typical: float) -> int:
    return bucket(length / typical if typical else 1.0, (0.3, 0.6, 0.85, 1.05))


def _typical_length(facts: Sequence[LineFacts]) -> float:
    lengths = sorted(len(f.text) for f in facts if not f.blank)
    return float(lengths[int(len(lengths) * 0.9)]) if lengths else 0.0


def _indent_step(indent: int, other: int | None) -> str:
    if other is None:
        return "none"
    return "same" if indent == other else "more" if indent > other else "less"


def _own(cues: list[str], fact: LineFacts, base_indent: int, typical: float) -> list[str]:
    rel = fact.indent - base_indent
    out = list(cues)
    out.append(f"indent={bucket(rel, (0, 1, 3, 7, 15)) if rel >= 0 else 'neg'}")
    out.append(f"rlen={_relative_length(len(fact.text), typical)}")
    return out


def _with_neighbours(own: list[list[str]], offsets: Sequence[int]) -> list[list[str]]:
    """Each line's features, then its neighbours' cues prefixed with their offset ("-1:year_early")."""
    shared = [[c for c in feats if c.startswith(NEIGHBOUR_CUES)] for feats in own]
    out = []
    for k, feats in enumerate(own):
        row = ["bias", *feats]
        for offset in offsets:
            j = k + offset
            if 0 <= j < len(own):
                tag = f"{offset}:"
                row += [tag + c for c in shared[j]]
            else:
                row.append(f"{offset}:none")
        out.append(row)
    return out


def zone_features(facts: Sequence[LineFacts]) -> tuple[list[int], list[list[str]]]:
    """The non-blank lines (indices into `facts`) and the features of each, in order."""
    kept = [k for k, f in enumerate(facts) if not f.blank]
    if not kept:
        return [], []
    indents = Counter(facts[k].indent for k in kept)
    base = indents.most_common(1)[0][0]
    typical = _typical_length(facts)
    cues = [text_cues(facts[k].text) for k in kept]
    own: list[list[str]] = []
    since_heading: int | None = None
    other_heading_since = False
    for n, k in enumerate(kept):
        fact = facts[k]
        feats = _own(cues[n], fact, base, typical)
        prev_k = kept[n - 1] if n else None
        next_k = kept[n + 1] if n + 1 < len(kept) else None
        feats.append(f"blank_before={min(k - prev_k - 1, 2) if prev_k is not None else 'start'}")
        feats.append(f"blank_after={min(next_k - k - 1, 2) if next_k is not None else 'end'}")
        feats.append("istep=" + _indent_step(fact.indent, facts[prev_k].indent if prev_k is not None else None))
        feats.append("inext=" + _indent_step(fact.indent, facts[next_k].indent if next_k is not None else None))
        for flag, on in (("page_top", fact.page_top), ("page_bottom", fact.page_bottom),
                         ("page_start", fact.page_start), ("repeated", fact.repeated)):
            if on:
                feats.append(flag)
        feats.append(f"pos={10 * n // len(kept)}")
        if since_heading is None:
            feats.append("bibdist=none")
        else:
            feats.append(f"bibdist={bucket(since_heading, HEADING_DISTANCES)}")
            if other_heading_since:
                feats.append("heading_since_bib")
        if "bib_heading" in cues[n]:
            since_heading, other_heading_since = 0, False
        elif since_heading is not None:
            since_heading += 1
            if any(c in ("back_heading", "notes_heading", "chapter") for c in cues[n]):
                other_heading_since = True
        own.append(feats)
    return kept, _with_neighbours(own, (-2, -1, 1, 2))


def entry_features(facts: Sequence[LineFacts], gap_before: Sequence[bool]) -> list[list[str]]:
    """Features of the lines of one reference list (blank lines and running heads already left out);
    `gap_before` says which lines had a blank line before them."""
    if not facts:
        return []
    base = min(f.indent for f in facts)
    typical = _typical_length(facts)
    indents = Counter(f.indent for f in facts)
    two_indents = len([i for i, c in indents.items() if c >= 2]) >= 2
    all_cues = [_entry_cues(f.text) for f in facts]
    style = _indent_style(facts, all_cues, base) if two_indents else None
    last_words = [_last_word(f.text) for f in facts]
    recurring = _recurring_ends(last_words)
    own: list[list[str]] = []
    previous_label: int | None = None
    for n, fact in enumerate(facts):
        cues = all_cues[n]
        feats = _own(cues, fact, base, typical)
        prev = facts[n - 1] if n else None
        steps = ["istep=" + _indent_step(fact.indent, prev.indent if prev else None),
                 "inext=" + _indent_step(fact.indent, facts[n + 1].indent if n + 1 < len(facts) else None),
                 "at_base" if fact.indent == base else "indented"]
        feats += steps
        if two_indents:  # indentation means something only where the list uses two indents
            feats += ["2i:" + step for step in steps]
        if style:  # ... and what it means depends on the list's style: which lines open its entries
            feats.append(f"{style}:{steps[2]}")
        if prev is not None:
            prev_rlen = _relative_length(len(prev.text), typical)
            prev_end = prev.text[-1] if not prev.text[-1].isalnum() else "d" if prev.text[-1].isdigit() else "a"
            feats.append(f"prev_rlen={prev_rlen}")
            feats.append("prev_e=" + prev_end)
            # a name opening the line after a finished one (a full stop, a year, a short last line)
            opening = next((c for c in ("author_start", "repeat_author", "label.", "label[]") if c in cues), None)
            if opening:
                feats += [f"{opening}&prev_e={prev_end}", f"{opening}&prev_rlen={prev_rlen}"]
        label = _label_number(fact.text)
        if label is not None:
            feats.append("label_next" if previous_label is not None and label == previous_label + 1 else
                         "label_first" if label == 1 else "label_other")
            previous_label = label
        if fact.page_start:
            feats.append("page_start")
        if gap_before[n]:
            feats.append("gap_before")
        if last_words[n] in recurring:
            feats.append("end_recurs")
        own.append(feats)
    return _with_neighbours(own, (-1, 1))


def _entry_cues(text: str) -> list[str]:
    """A line's cues, where initials without periods also open a name ("Chabout J, Sarkar A,"): told to the
    entry model only, since in running text (the zone model's) capitals after a word are as often acronyms."""
    cues = text_cues(text)
    if "author_start" not in cues and SURNAME_BARE_INITIALS.match(text):
        cues.append("author_start")
    return cues


def _last_word(text: str) -> str | None:
    match = _LAST_WORD.search(text)
    return match.group(1).lower() if match else None


def _recurring_ends(last_words: Sequence[str | None]) -> frozenset[str]:
    """Words (not function words) that end many of the list's lines."""
    counts = Counter(last_words)
    least = max(3, RECURRING_END_SHARE * len(last_words))
    return frozenset(w for w, c in counts.items() if w and c >= least and w not in FUNCTION_WORDS)


def _opens_entry(cues: list[str]) -> bool:
    return any(c in OPENING_CUES for c in cues)


def _indent_style(facts: Sequence[LineFacts], cues: Sequence[list[str]], base: int) -> str | None:
    """"hanging" where the lines that open like a reference (a name, a repeated-author mark, a number) sit
    at the list's left edge, "first-line" where they are set in, and the list's first line (always an
    entry's start) agrees. Either alone misleads: a continuation can look like a name ("Geographische
    Mitteilungen, Band LIX"), first-name-first entries do not, and a list's first line may be stray."""
    at_base = [f.indent == base for f, c in zip(facts, cues, strict=True) if _opens_entry(c)]
    if len(at_base) < MIN_STYLE_OPENINGS:
        return None
    share = sum(at_base) / len(at_base)
    first_at_base = facts[0].indent == base
    if share >= STYLE_SHARE and first_at_base:
        return "hanging"
    if share <= 1 - STYLE_SHARE and not first_at_base:
        return "first-line"
    return None


def _label_number(text: str) -> int | None:
    head = text[:6].lstrip("[(")
    digits = ""
    for ch in head:
        if ch.isdigit():
            digits += ch
        else:
            return int(digits) if digits and ch in ".])" else None
    return None
