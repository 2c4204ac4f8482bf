"""Per-source evaluation of the reference CRF: k-fold within each source, and leave one source out.

A gain on one kind of reference must not hide a loss on another, so every score is reported
per source (AnyStyle, GROBID, EXCITE German, EXCITE English, and the rendered footnote
variants). Folds are drawn within each source; fold k of every source is held out together and
the model trains on the rest of the union, plus note variants of the training references only.
Leave-one-source-out trains on all other sources and tests on the one left out: how the
parser does on a kind of reference it has never seen.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from audit.parse import parse_reference
from audit.parse.crf import tag_tokens, train_sequences
from audit.parse.dataset import LabelledSequence
from audit.parse.evaluate import CVResult, Scores, format_cv, micro, score_fields, score_predictions
from audit.parse.note_variants import note_variants
from audit.parse.sources import family_of, read_sources, sample_per_source
from audit.parse.training_data import CSL_SHARE, NOTE_SHARE, csl_renders

# The fields the consistency rules compare; reported on their own line.
KEY_FIELDS = ("author", "title", "container-title", "editor", "volume", "issue", "date", "pages", "publisher",
              "location")


@dataclass(frozen=True, slots=True)
class SourceReport:
    folds: int
    within: dict[str, CVResult]  # per source, k-fold within sources
    union: CVResult  # every k-fold prediction together
    left_out: dict[str, CVResult]  # per source, trained on the other sources only
    folds_run: int = 0  # fewer than `folds` with --max-folds
    # per source, the k-fold test references through the whole `parse_reference` (rules, then the CRF)
    end_to_end: dict[str, dict[str, Scores]] = field(default_factory=dict)


T = TypeVar("T")
Pairs = list[tuple[LabelledSequence, list[str]]]
Parsed = list[tuple[LabelledSequence, dict]]


def _predict(train: Sequence[LabelledSequence], test: Sequence[LabelledSequence],
             params: dict[str, object] | None, parsed: Parsed | None = None) -> Pairs:
    """CRF labels of the test sequences; with `parsed`, also their fields through `parse_reference`."""
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "fold.crfsuite"
        train_sequences(train, model, params)
        if parsed is not None:
            parsed += [(seq, dict(parse_reference(seq.text, context=seq.context, model_path=model).fields))
                       for seq in test]
        return [(seq, tag_tokens(seq.tokens, model, seq.context)) for seq in test]


def _grouped(items: list[tuple[LabelledSequence, T]]) -> dict[str, list[tuple[LabelledSequence, T]]]:
    """Items by source, plus one group per family of several files ("anystyle" beside "anystyle/core" …)."""
    groups: dict[str, list[tuple[LabelledSequence, T]]] = {}
    for seq, value in items:
        groups.setdefault(seq.source, []).append((seq, value))
        if family_of(seq.source) != seq.source:
            groups.setdefault(family_of(seq.source), []).append((seq, value))
    return dict(sorted(groups.items()))


def _by_source(pairs: Pairs, folds: int) -> dict[str, CVResult]:
    return {source: score_predictions(group, folds) for source, group in _grouped(pairs).items()}


def evaluate_sources(paths: Sequence[str | Path], *, folds: int = 5, seed: int = 0, limit: int | None = None,
                     leave_one_out: bool = True, notes: float = NOTE_SHARE, csl: float = CSL_SHARE,
                     params: dict[str, object] | None = None, max_folds: int | None = None,
                     progress: Callable[[str], None] | None = None) -> SourceReport:
    """K-fold within sources (with note variants and CSL renders of each test fold), then leave-one-source-out.

    `limit` caps the references per source (a seeded sample) and `max_folds` runs only the first
    folds (each still trains on (k-1)/k of the data), to keep runs short; one process.
    """
    sequences = sample_per_source(read_sources(paths), limit, seed)
    renders = csl_renders(sequences, csl, seed)  # one per reference or None; a fold's renders go with it
    fold_of: dict[int, int] = {}
    by_source: dict[str, list[int]] = {}
    for index, seq in enumerate(sequences):
        by_source.setdefault(seq.source, []).append(index)
    families = sorted({family_of(seq.source) for seq in sequences})
    for indices in by_source.values():
        random.Random(seed).shuffle(indices)
        fold_of.update({index: k % folds for k, index in enumerate(indices)})
    pairs: Pairs = []
    parsed: Parsed = []
    for k in range(min(folds, max_folds or folds)):
        if progress:
            progress(f"fold {k + 1}/{folds}")
        train = [seq for i, seq in enumerate(sequences) if fold_of[i] != k]
        test = [seq for i, seq in enumerate(sequences) if fold_of[i] == k]
        test_notes = note_variants(test, notes, seed + 1000 + k) if notes else []
        train_csl = [r for i, r in enumerate(renders) if r is not None and fold_of[i] != k]
        test_csl = [r for i, r in enumerate(renders) if r is not None and fold_of[i] == k]
        pairs += _predict(train + (note_variants(train, notes, seed + k) if notes else []) + train_csl,
                          test + test_notes + test_csl, params, parsed)
    left_out: dict[str, CVResult] = {}
    if leave_one_out and len(families) > 1:
        for family in families:  # a whole corpus at a time: AnyStyle's files share their conventions
            if progress:
                progress(f"leave out {family}")
            train = [seq for seq in sequences if family_of(seq.source) != family]
            test = [seq for seq in sequences if family_of(seq.source) == family]
            extra = (note_variants(train, notes, seed) if notes else []) + [
                r for r, seq in zip(renders, sequences, strict=True)
                if r is not None and family_of(seq.source) != family]
            left_out[family] = score_predictions(_predict(train + extra, test, params), 1)
    return SourceReport(folds, _by_source(pairs, folds), score_predictions(pairs, folds), left_out,
                        min(folds, max_folds or folds),
                        {source: score_fields(group) for source, group in _grouped(parsed).items()})


def score_model(paths: Sequence[str | Path], model: str | Path, *, limit: int | None = None, seed: int = 0,
                notes: float = NOTE_SHARE, csl: float = CSL_SHARE) -> SourceReport:
    """Scores of an already trained model on every source (and note variants of them), without training.

    Only meaningful on references the model never saw: use it to compare a shipped model
    with the k-fold figures on corpora it was not trained on.
    """
    sequences = sample_per_source(read_sources(paths), limit, seed)
    test = sequences + (note_variants(sequences, notes, seed + 1000) if notes else []) + [
        r for r in csl_renders(sequences, csl, seed + 1000) if r is not None]
    pairs = [(seq, tag_tokens(seq.tokens, model, seq.context)) for seq in test]
    parsed = [(seq, dict(parse_reference(seq.text, context=seq.context, model_path=model).fields)) for seq in test]
    return SourceReport(0, _by_source(pairs, 0), score_predictions(pairs, 0), {}, 0,
                        {source: score_fields(group) for source, group in _grouped(parsed).items()})


def _f1(scores: dict[str, Scores], name: str) -> str:
    s = scores.get(name)
    return f"{s.f1:6.3f}" if s and s.tp + s.fn else "     -"


def _summary(title: str, results: dict[str, CVResult]) -> list[str]:
    head = f"  {'source':<12} {'refs':>6} {'token F1':>8} {'field F1':>8} " + " ".join(
        f"{name[:9]:>9}" for name in KEY_FIELDS)
    lines = [title, head]
    for source, r in results.items():
        lines.append(f"  {source:<12} {r.sequences:6d} {r.token_micro.f1:8.3f} {r.mapped_micro.f1:8.3f} "
                     + " ".join(f"{_f1(r.mapped_scores, name):>9}" for name in KEY_FIELDS))
    return lines


def _is_rendered(source: str) -> bool:
    return source.startswith(("notes-", "csl"))


def labelled_only(results: dict[str, CVResult]) -> dict[str, Scores]:
    """Citeaudit-field scores summed over the labelled sources only (no rendered variants, no family totals),
    so that settings which add rendered test references can be compared on the same references."""
    names = [s for s in results if not _is_rendered(s) and not any(o.startswith(s + "/") for o in results)]
    fields = {f for s in names for f in results[s].mapped_scores}
    return {f: Scores(*(sum(getattr(results[s].mapped_scores.get(f, Scores(0, 0, 0)), a) for s in names)
                        for a in ("tp", "fp", "fn"))) for f in sorted(fields)}


def format_sources(report: SourceReport) -> str:
    """Plain text: per-source summaries (token F1, citeaudit-field F1, key fields), then the union's tables."""
    title = f"{report.folds}-fold within sources" if report.folds else "The given model, without training"
    if 0 < report.folds_run < report.folds:
        title += f", only the first {report.folds_run} fold(s) tested"
    lines = _summary(f"{title} (token F1 on AnyStyle labels; field F1 on citeaudit fields)", report.within)
    labelled = labelled_only(report.within)
    if labelled:
        lines.append(f"  {'labelled':<12} {'':>6} {'':>8} {micro(labelled).f1:8.3f} "
                     + " ".join(f"{_f1(labelled, name):>9}" for name in KEY_FIELDS)
                     + "   (labelled sources only, without rendered variants)")
    if report.left_out:
        lines += ["", *_summary("Leave one source out (trained on the other sources)", report.left_out)]
    if report.end_to_end:
        lines += ["", "End to end: the same test references through parse_reference (rules, then the CRF)",
                  f"  {'source':<12} {'field F1':>8} " + " ".join(f"{name[:9]:>9}" for name in KEY_FIELDS)]
        for source, scores in report.end_to_end.items():
            lines.append(f"  {source:<12} {micro(scores).f1:8.3f} "
                         + " ".join(f"{_f1(scores, name):>9}" for name in KEY_FIELDS))
    lines += ["", "All sources together:", format_cv(report.union)]
    return "\n".join(lines)
