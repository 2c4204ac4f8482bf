"""Footnote-style training variants of labelled references, rendered by rule from their fields.

Reference lists and footnotes cite the same works in different shapes: a German note reads
"Vgl. Müller, Hans: Titel, in: Meier, Eva (Hrsg.): Sammelband, Berlin 2003, S. 45–67, hier S. 50.",
an English one "See Smith, “Title,” in Book, ed. Jones (London: Verso, 2003), 45–67, at 50."
The labelled corpora hold few of them, so each labelled reference can be re-rendered in one of
these note shapes (German, English, French, Italian; article, chapter, book), with a signal
("Vgl.", "See", "Cf.", "Voir", "Cfr.") and a pinpoint ("S. 12", "at 45", "p. 3 n. 4") added
and labelled `signal` and `pinpoint`. The field words are the reference's own, so every token
keeps its gold label; only the punctuation and the connecting words are the template's.

CSL note styles rendered through citeproc-py (`csl_render.py`) are a second source of such
variants; these rule-rendered ones keep the reference's own words (no re-ordered or
abbreviated names), so both are trained on.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from audit.parse.dataset import LabelledSequence, segments_of

NOTE_CONTEXT = "note"
_EDGE = " ,.;:()[]“”\"'«»„‘’*"
_ROLE_WORDS = frozenset(("in", "in:", "ed", "eds", "ed.", "eds.", "editor", "editors", "edited", "by", "hrsg",
                         "hrsg.", "hg.", "(hrsg.)", "(hg.)", "(ed.)", "(eds.)", "(ed)", "(eds)", "(editors)",
                         "(editor)", "dir.", "(dir.)", "a", "cura", "di", "(a", "di)", "(éd.)", "(éds.)"))
_ISSUE_LEAD = re.compile(r"^(?:no|nos|nr|n°|nº|n|num|núm|heft|h|issue|v|vol|t|tome|bd)\b\.?", re.I)
_LOCATOR_WORDS = frozenset(("vol", "v", "volume", "bd", "jg", "pp", "p", "s", "pages", "page", "seiten"))

SIGNALS = {
    "de": ("Vgl.", "Vgl. auch", "Siehe", "Siehe auch", "Vgl. dazu"),
    "en": ("See", "See also", "Cf.", "See, e.g.,", "Compare"),
    "fr": ("Voir", "Voir aussi", "Cf.", "V."),
    "it": ("Cfr.", "Si veda", "Vedi", "Cfr. anche"),
}


def _pinpoint(lang: str, rng: random.Random) -> str:
    page = rng.choice((rng.randint(1, 40), rng.randint(41, 400)))
    span = f"{page}–{page + rng.randint(1, 9)}"
    choices = {
        "de": (f"S. {page}", f"S. {page} f.", f"S. {page} ff.", f"S. {span}", f"hier S. {page}", f"S. {page}, Fn. 3"),
        "en": (f"p. {page}", f"pp. {span}", f"at {page}", f"p. {page} n. {rng.randint(1, 60)}", f"{page}"),
        "fr": (f"p. {page}", f"p. {page} sq.", f"pp. {span}", f"p. {page}, note {rng.randint(1, 60)}"),
        "it": (f"p. {page}", f"pp. {span}", f"p. {page} ss.", f"p. {page}, nota {rng.randint(1, 60)}"),
    }
    return rng.choice(choices[lang])


def _balanced(word: str) -> str:
    """A word whose bracket the edge strip took gets it back: "30(3)," → "30(3" → "30(3)"."""
    opened, closed = word.count("("), word.count(")")
    return word + ")" if opened > closed else "(" + word if closed > opened else word


def _field_words(tokens: Sequence[str], labels: Sequence[str]) -> dict[str, list[str]]:
    """The words of each label's first run, without edge punctuation and role words ("In:", "(eds.)")."""
    fields: dict[str, list[str]] = {}
    for label, text in segments_of(tokens, labels):
        if label in fields:
            continue
        words = text.split()
        if label in ("editor", "container-title", "journal", "translator"):
            while words and words[0].lower() in _ROLE_WORDS:
                words = words[1:]
            while words and words[-1].lower().strip(",.:;") in _ROLE_WORDS:
                words = words[:-1]
        if label in ("volume", "pages"):  # the template writes its own "vol." / "S." / "pp."
            while len(words) > 1 and words[0].lower().strip(".,:") in _LOCATOR_WORDS:
                words = words[1:]
        if len(words) == 1:
            words[0] = _balanced(words[0].strip(_EDGE) or words[0])
        elif words:
            words[0] = _balanced(words[0].lstrip(_EDGE) or words[0])
            words[-1] = _balanced(words[-1].rstrip(_EDGE) or words[-1])
        words = [w for w in words if w.strip(_EDGE)]
        if words:
            fields[label] = words
    return fields


Piece = tuple[str, str]  # (label, text); a text's tokens all carry the label


def _templates(lang: str, kind: str, f: dict[str, list[str]], rng: random.Random) -> list[Piece | str]:
    """The note shape: field pieces, and plain strings glued to the token before them."""
    def has(*names: str) -> bool:
        return all(n in f for n in names)

    out: list[Piece | str] = [("author", " ".join(f["author"]))]
    title = " ".join(f["title"])
    if lang == "de":
        out += [":", ("title", title)]
        if kind == "article":
            out += [",", ("journal", "in: " + " ".join(f["journal"]))]
            if has("volume"):
                out.append(("volume", " ".join(f["volume"])))
            if has("date"):
                out.append(("date", "(" + " ".join(f["date"]) + ")"))
        else:
            if kind == "chapter":
                out.append(",")
                if has("editor"):
                    out += [("editor", "in: " + " ".join(f["editor"]) + " (Hrsg.)"), ":"]
                    out.append(("container-title", " ".join(f["container-title"])))
                else:
                    out.append(("container-title", "in: " + " ".join(f["container-title"])))
            if has("location"):
                out += [",", ("location", " ".join(f["location"]))]
            if has("publisher") and rng.random() < 0.4:
                out += [":", ("publisher", " ".join(f["publisher"]))]
            if has("date"):
                out += [("date", " ".join(f["date"]))] if has("location") else [",", ("date", " ".join(f["date"]))]
        if has("pages") and kind != "book":
            out += [",", ("pages", "S. " + " ".join(f["pages"]))]
        return out
    quote = {"en": ("“", ",”"), "fr": ("« ", " »,"), "it": ("«", "»,")}[lang]
    out.append(",")
    if kind == "book":
        out[-1:] = [",", ("title", title)]
    else:
        out += [("title", quote[0] + title + quote[1])]
    place_pub_date = [("location", " ".join(f["location"])) if has("location") else None,
                      ("publisher", " ".join(f["publisher"])) if has("publisher") else None,
                      ("date", " ".join(f["date"])) if has("date") else None]
    if kind == "article":
        journal = " ".join(f["journal"])
        out.append(("journal", f"«{journal}»" if lang == "it" else journal))
        if has("volume"):
            lead = "vol. " if lang != "en" and not _ISSUE_LEAD.match(f["volume"][0]) else ""  # not "vol. no. 4"
            out += [("volume", lead + " ".join(f["volume"]))]
        if has("date"):
            out.append(("date", "(" + " ".join(f["date"]) + ")"))
    else:
        if kind == "chapter":
            lead = {"en": "in", "fr": "dans", "it": "in"}[lang]
            role = {"en": "ed.", "fr": "(dir.)", "it": "(a cura di)"}[lang]
            if has("editor") and lang == "en":
                out += [("container-title", lead + " " + " ".join(f["container-title"])), ",",
                        ("editor", role + " " + " ".join(f["editor"]))]
            elif has("editor"):
                out += [("editor", lead + " " + " ".join(f["editor"]) + " " + role), ",",
                        ("container-title", " ".join(f["container-title"]))]
            else:
                out.append(("container-title", lead + " " + " ".join(f["container-title"])))
        facts = [p for p in place_pub_date if p]
        if lang == "en" and facts:
            inner: list[Piece | str] = []
            for k, piece in enumerate(facts):
                if k:
                    inner.append(":" if facts[k - 1][0] == "location" and piece[0] == "publisher" else ",")
                inner.append(piece)
            label, text = facts[0]
            out += [(label, "(" + text), *inner[1:], ")"]
        else:
            for piece in facts:
                out += [",", piece]
    if has("pages") and kind != "book":
        out += [",", ("pages", ("pp. " if lang != "en" else "") + " ".join(f["pages"]))]
    return out


def _kind(f: dict[str, list[str]]) -> str | None:
    if not {"author", "title"} <= set(f):
        return None
    if "journal" in f:
        return "article"
    if "container-title" in f:
        return "chapter"
    return "book" if {"location", "publisher", "date"} & set(f) else None


def render_note(seq: LabelledSequence, rng: random.Random, lang: str | None = None) -> LabelledSequence | None:
    """One note-style variant of `seq`, or None when it lacks an author, a title or a container/imprint."""
    fields = _field_words(seq.tokens, seq.labels)
    kind = _kind(fields)
    if kind is None:
        return None
    lang = lang or rng.choice(tuple(SIGNALS))
    pieces: list[Piece | str] = []
    if rng.random() < 0.6:
        pieces.append(("signal", rng.choice(SIGNALS[lang])))
    pieces += _templates(lang, kind, fields, rng)
    if rng.random() < 0.75:
        pieces += [",", ("pinpoint", _pinpoint(lang, rng))]
    pieces.append(".")
    tokens: list[str] = []
    labels: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            if tokens and not (piece == "." and tokens[-1].endswith(".")):
                tokens[-1] += piece
            continue
        label, text = piece
        words = text.split()
        tokens += words
        labels += [label] * len(words)
    return LabelledSequence(tuple(tokens), tuple(labels), f"notes-{lang}", NOTE_CONTEXT)


def note_variants(sequences: Sequence[LabelledSequence], share: float = 0.2,
                  seed: int = 0) -> list[LabelledSequence]:
    """Note variants of a seeded random `share` of the sequences (those that can be rendered)."""
    rng = random.Random(seed)
    out = []
    for seq in sequences:
        if rng.random() < share:
            variant = render_note(seq, rng)
            if variant is not None:
                out.append(variant)
    return out
