"""The only module that imports pycrfsuite: linear-chain CRFs over feature lists.

The line models of `audit.zoning` train and tag through the functions here; the reference parser
(`audit.parse.crf`) uses the `Trainer` and `Tagger` classes. What the items are and which features they
carry is the caller's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pycrfsuite import Tagger, Trainer

from audit.errors import UnreadableInput

__all__ = ["Tagger", "Trainer", "open_tagger", "tag", "tag_with_marginals", "train_crf"]

Features = list[str]


def train_crf(xs: Sequence[Sequence[Features]], ys: Sequence[Sequence[str]], path: Path,
              params: dict[str, object]) -> Path:
    trainer = Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        if x:
            trainer.append([list(f) for f in x], list(y))
    trainer.set_params(dict(params))
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    open_tagger.cache_clear()
    return path


@lru_cache(maxsize=8)
def open_tagger(path: Path) -> Tagger:
    if not path.is_file():
        raise UnreadableInput(f"{path}: no line model (run `make model`)")
    tagger = Tagger()
    tagger.open(str(path))
    return tagger


def tag(path: Path, xs: Sequence[Features]) -> list[str]:
    """The most likely label of every item (empty in, empty out)."""
    if not xs:
        return []
    return list(open_tagger(path).tag([list(f) for f in xs]))


def tag_with_marginals(path: Path, xs: Sequence[Features], label: str) -> tuple[list[str], list[float]]:
    """The labels, and for every item the marginal probability that it carries `label`."""
    if not xs:
        return [], []
    tagger = open_tagger(path)
    labels = list(tagger.tag([list(f) for f in xs]))
    known = set(tagger.labels())
    marginals = [tagger.marginal(label, i) if label in known else 0.0 for i in range(len(xs))]
    return labels, marginals
