"""The only module that imports pycrfsuite: training and tagging of the reference CRF."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from audit.errors import UnreadableInput
from audit.parse.dataset import LabelledSequence, read_dataset
from audit.parse.features import sequence_features

DEFAULT_MODEL = Path(__file__).with_name("model.crfsuite")

# Tuned by 5-fold CV on anystyle-core.xml; c1 (L1) keeps the shipped model small.
TRAIN_PARAMS = {
    "c1": 0.02,
    "c2": 0.02,
    "max_iterations": 500,
    "feature.possible_states": True,
    "feature.possible_transitions": True,
}


def train_sequences(sequences: Iterable[LabelledSequence], model_path: str | Path,
                    params: dict[str, object] | None = None) -> Path:
    """Train a CRF on labelled sequences and write it to `model_path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for seq in sequences:
        trainer.append(sequence_features(seq.tokens), list(seq.labels))
    trainer.set_params({**TRAIN_PARAMS, **(params or {})})
    path = Path(model_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    tagger_for.cache_clear()
    return path


def train_model(data_path: str | Path, model_path: str | Path = DEFAULT_MODEL) -> Path:
    """Train on an AnyStyle XML dataset file; returns the written model path."""
    return train_sequences(read_dataset(data_path), model_path)


@lru_cache(maxsize=4)
def tagger_for(model_path: str | Path = DEFAULT_MODEL) -> pycrfsuite.Tagger:
    """An open tagger for a model file, kept for reuse (opening costs more than tagging)."""
    if not Path(model_path).is_file():
        raise UnreadableInput(f"{model_path}: no CRF model (run `make model`)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))  # returns a closing() wrapper, not the tagger
    return tagger


def tag_tokens(tokens: Sequence[str], model_path: str | Path = DEFAULT_MODEL) -> list[str]:
    """One AnyStyle label per token."""
    if not tokens:
        return []
    return list(tagger_for(model_path).tag(sequence_features(tokens)))
