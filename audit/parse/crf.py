"""Training and tagging of the reference CRF (python-crfsuite through `audit.sequence_crf`).

One CRF over the token features of `features.py` ships as `model.crfsuite`. With `STACKED`
on, a second CRF also sees the first one's labels around each token
(`features.stacked_features`), trained on first-stage labels from inner cross-validation so
that it learns how the first stage errs on unseen references; the first stage is then kept
beside the model as `model.stage1.crfsuite`. In 5-fold CV (with the earlier, smaller feature set)
stacking added 0.004 token F1 but halved the parse speed, so it is off.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from audit.errors import UnreadableInput
from audit.parse.dataset import LabelledSequence
from audit.parse.features import sequence_features, stacked_features
from audit.parse.labels import repair_labels
from audit.parse.training_data import CSL_SHARE, NOTE_SHARE, training_set
from audit.sequence_crf import Tagger, Trainer

DEFAULT_MODEL = Path(__file__).with_name("model.crfsuite")
INNER_FOLDS = 3  # inner cross-validation for the first stage's labels on the training data
STACKED = False  # one CRF: the quote/chunk features made the second stage worth little (see README)

# Chosen by cross-validation on anystyle-core.xml: light L1 and L2; possible_states lets the
# model learn negative weights for label/attribute pairs never seen together.
TRAIN_PARAMS = {
    "c1": 0.02,
    "c2": 0.02,
    "max_iterations": 500,
    "feature.possible_states": True,
    "feature.possible_transitions": True,
}


def first_stage_path(model_path: str | Path) -> Path:
    """Where the first-stage model of `model_path` lives (`model.crfsuite` → `model.stage1.crfsuite`)."""
    path = Path(model_path)
    return path.with_name(path.stem + ".stage1" + path.suffix)


def _train(xs: Sequence[list[list[str]]], ys: Sequence[Sequence[str]], path: Path,
           params: dict[str, object] | None) -> None:
    trainer = Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, list(y))
    trainer.set_params({**TRAIN_PARAMS, **(params or {})})
    trainer.train(str(path))


def _open(path: Path) -> Tagger:
    tagger = Tagger()
    tagger.open(str(path))  # returns a closing() wrapper, not the tagger
    return tagger


def train_sequences(sequences: Iterable[LabelledSequence], model_path: str | Path,
                    params: dict[str, object] | None = None) -> Path:
    """Train both stages on labelled sequences; writes `model_path` and its first stage beside it."""
    seqs = list(sequences)
    path = Path(model_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    xs = [sequence_features(s.tokens, s.context) for s in seqs]
    ys = [s.labels for s in seqs]
    taggers_for.cache_clear()
    if not STACKED:
        _train(xs, ys, path, params)
        return path
    first_labels: list[list[str]] = [[] for _ in seqs]
    inner = path.with_name(path.stem + ".inner" + path.suffix)
    try:
        for fold in range(INNER_FOLDS):
            keep = [i for i in range(len(seqs)) if i % INNER_FOLDS != fold]
            _train([xs[i] for i in keep], [ys[i] for i in keep], inner, params)
            tagger = _open(inner)
            for i in range(fold, len(seqs), INNER_FOLDS):
                first_labels[i] = list(tagger.tag(xs[i]))
            tagger.close()
    finally:
        inner.unlink(missing_ok=True)
    _train(xs, ys, first_stage_path(path), params)
    stacked = [stacked_features(x, labels, s.tokens) for x, labels, s in zip(xs, first_labels, seqs, strict=True)]
    _train(stacked, ys, path, params)
    taggers_for.cache_clear()
    return path


def train_model(data_paths: Iterable[str | Path], model_path: str | Path = DEFAULT_MODEL, *,
                limit: int | None = None, notes: float = NOTE_SHARE, csl: float = CSL_SHARE,
                params: dict[str, object] | None = None) -> Path:
    """Train on the union of labelled files/directories (any format of `sources.py`) plus rendered variants."""
    return train_sequences(training_set(data_paths, limit=limit, notes=notes, csl=csl), model_path, params)


@lru_cache(maxsize=4)
def taggers_for(model_path: str | Path = DEFAULT_MODEL) -> tuple[Tagger | None, Tagger]:
    """Open taggers (first stage or None, final stage) for a model, kept for reuse."""
    path = Path(model_path)
    needed = (path, first_stage_path(path)) if STACKED else (path,)
    for file in needed:
        if not file.is_file():
            raise UnreadableInput(f"{file}: no CRF model (run `make model`)")
    return (_open(first_stage_path(path)) if STACKED else None), _open(path)


def tag_tokens(tokens: Sequence[str], model_path: str | Path = DEFAULT_MODEL,
               context: str = "bibliography") -> list[str]:
    """One AnyStyle label per token (after `labels.repair_labels`); `context` is "note" or "bibliography"."""
    if not tokens:
        return []
    first, final = taggers_for(model_path)
    features = sequence_features(tokens, context)
    if first is None:
        return repair_labels(tokens, list(final.tag(features)))
    return repair_labels(tokens, list(final.tag(stacked_features(features, list(first.tag(features)), tokens))))
