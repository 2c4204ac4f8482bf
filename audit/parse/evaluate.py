"""Scores of the reference CRF's labels against gold, and their report (`source_eval.py` runs the folds).

Scores are on AnyStyle's own labels (as `anystyle check` does), token level and field level,
plus field level after mapping to citeaudit's fields.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from audit import patterns
from audit.models import NAME_FIELDS
from audit.parse.dataset import LabelledSequence, segments_of
from audit.parse.labels import fields_from_labels


@dataclass(frozen=True, slots=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class CVResult:
    folds: int
    sequences: int
    tokens: int
    token_scores: dict[str, Scores]
    field_scores: dict[str, Scores]
    mapped_scores: dict[str, Scores]
    exact_sequences: int
    exact_mapped: int

    @property
    def token_micro(self) -> Scores:
        return micro(self.token_scores)

    @property
    def field_micro(self) -> Scores:
        return micro(self.field_scores)

    @property
    def mapped_micro(self) -> Scores:
        return micro(self.mapped_scores)


def micro(scores: dict[str, Scores]) -> Scores:
    return Scores(sum(s.tp for s in scores.values()), sum(s.fp for s in scores.values()),
                  sum(s.fn for s in scores.values()))


def norm(text: str) -> str:
    """Comparison key: NFKC, spaces collapsed, surrounding punctuation and quotes off, casefolded."""
    text = patterns.SPACES.sub(" ", unicodedata.normalize("NFKC", text))
    return text.strip(" .,;:()[]\"'“”‘’«»*").casefold()


def _count(counter: dict[str, list[int]], label: str, index: int, n: int = 1) -> None:
    counter.setdefault(label, [0, 0, 0])[index] += n


def _segment_bag(tokens: Sequence[str], labels: Sequence[str]) -> Counter:
    return Counter((label, norm(text)) for label, text in segments_of(tokens, labels))


def _field_bag(tokens: Sequence[str], labels: Sequence[str]) -> Counter:
    return fields_bag(fields_from_labels(list(tokens), list(labels)))


def fields_bag(fields: dict) -> Counter:
    """(field, normalised value) pairs of a field dict; one pair per name of a name field."""
    bag: Counter = Counter()
    for name, value in fields.items():
        values = value if name in NAME_FIELDS else [value]
        bag.update((name, norm(v)) for v in values)
    return bag


def score_fields(pairs: Sequence[tuple[LabelledSequence, dict]]) -> dict[str, Scores]:
    """Field scores of parsed field dicts (e.g. `parse_reference`'s) against each sequence's gold labels."""
    counts: dict[str, list[int]] = {}
    for seq, fields in pairs:
        _compare_bags(_field_bag(seq.tokens, seq.labels), fields_bag(fields), counts)
    return {label: Scores(*c) for label, c in sorted(counts.items())}


def _compare_bags(gold: Counter, pred: Counter, counts: dict[str, list[int]]) -> bool:
    for key in gold | pred:
        tp = min(gold[key], pred[key])
        _count(counts, key[0], 0, tp)
        _count(counts, key[0], 1, pred[key] - tp)
        _count(counts, key[0], 2, gold[key] - tp)
    return gold == pred


def score_predictions(pairs: Sequence[tuple[LabelledSequence, Sequence[str]]], folds: int) -> CVResult:
    """Token, segment and citeaudit-field scores of predicted labels against each sequence's gold."""
    token_counts: dict[str, list[int]] = {}
    field_counts: dict[str, list[int]] = {}
    mapped_counts: dict[str, list[int]] = {}
    exact = exact_mapped = n_tokens = 0
    for seq, labels in pairs:
        n_tokens += len(seq.tokens)
        for gold, pred in zip(seq.labels, labels, strict=True):
            if gold == pred:
                _count(token_counts, gold, 0)
            else:
                _count(token_counts, pred, 1)
                _count(token_counts, gold, 2)
        exact += _compare_bags(_segment_bag(seq.tokens, seq.labels), _segment_bag(seq.tokens, labels),
                               field_counts)
        exact_mapped += _compare_bags(_field_bag(seq.tokens, seq.labels), _field_bag(seq.tokens, labels),
                                      mapped_counts)

    def freeze(counts: dict[str, list[int]]) -> dict[str, Scores]:
        return {label: Scores(*c) for label, c in sorted(counts.items())}

    return CVResult(folds, len(pairs), n_tokens, freeze(token_counts), freeze(field_counts),
                    freeze(mapped_counts), exact, exact_mapped)


def _table(title: str, scores: dict[str, Scores], total: Scores) -> list[str]:
    lines = [title, f"  {'label':<18} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for label, s in scores.items():
        lines.append(f"  {label:<18} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:8d}")
    lines.append(f"  {'micro':<18} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} "
                 f"{total.tp + total.fn:8d}")
    return lines


def format_cv(result: CVResult) -> str:
    """A plain-text report of a cross-validation run."""
    lines = [f"{result.folds}-fold cross-validation: {result.sequences} sequences, {result.tokens} tokens", ""]
    lines += _table("Token level (AnyStyle labels)", result.token_scores, result.token_micro) + [""]
    lines += _table("Field level, exact segment match (AnyStyle labels)", result.field_scores,
                    result.field_micro) + [""]
    lines += _table("Field level after mapping to citeaudit fields", result.mapped_scores,
                    result.mapped_micro) + [""]
    lines.append(f"References entirely right (AnyStyle labels): {result.exact_sequences / result.sequences:.3f}"
                 f" ({result.exact_sequences}/{result.sequences})")
    lines.append(f"References entirely right (citeaudit fields): {result.exact_mapped / result.sequences:.3f}"
                 f" ({result.exact_mapped}/{result.sequences})")
    lines.append(f"Summary: token micro F1 {result.token_micro.f1:.3f}, field micro F1 "
                 f"{result.field_micro.f1:.3f}, mapped field micro F1 {result.mapped_micro.f1:.3f}")
    return "\n".join(lines)
