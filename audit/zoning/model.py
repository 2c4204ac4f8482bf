"""The shipped line models and what they say about a document's lines."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from audit.sequence_crf import tag, tag_with_marginals
from audit.zoning.features import entry_features, zone_features
from audit.zoning.line_facts import LineFacts, is_mark_only

MODELS = Path(__file__).parent
ZONE_MODEL = MODELS / "zones.crfsuite"
ENTRY_MODEL = MODELS / "entries.crfsuite"
_paths = {"zones": ZONE_MODEL, "entries": ENTRY_MODEL}


def use_models(zones: Path | None = None, entries: Path | None = None) -> dict[str, Path]:
    """Swap the models (cross-validation in `eval-docs` tags each document with models that never saw it);
    returns the previous paths so that the caller can put them back."""
    previous = dict(_paths)
    if zones is not None:
        _paths["zones"] = zones
    if entries is not None:
        _paths["entries"] = entries
    return previous


def restore_models(previous: dict[str, Path]) -> None:
    _paths.update(previous)


def label_lines(facts: Sequence[LineFacts]) -> tuple[list[str], list[float]]:
    """A zone label per line ("blank" for blank lines) and each line's probability of being a reference."""
    kept, feats = zone_features(facts)
    labels = ["blank"] * len(facts)
    probs = [0.0] * len(facts)
    predicted, marginals = tag_with_marginals(_paths["zones"], feats, "ref")
    for k, label, prob in zip(kept, predicted, marginals, strict=True):
        labels[k] = label
        probs[k] = prob
    return labels, probs


def entry_starts(facts: Sequence[LineFacts], gap_before: Sequence[bool]) -> list[bool]:
    """For the lines of one reference list: does a new entry start on this line?"""
    labels = tag(_paths["entries"], entry_features(facts, gap_before))
    return _mark_lines_open(facts, [label == "B" for label in labels])


def _mark_lines_open(facts: Sequence[LineFacts], starts: list[bool]) -> list[bool]:
    """A line holding only a repeated-author mark starts an entry; the line after it continues that entry
    (the model, which meets such lines rarely, tends to read the mark as the end of the entry before)."""
    out = list(starts)
    for n, fact in enumerate(facts):
        if not is_mark_only(fact.text):
            continue
        out[n] = not (n > 0 and is_mark_only(facts[n - 1].text))
        if n + 1 < len(facts):
            out[n + 1] = False
    return out
