"""Read AnyStyle's parser training XML into labelled token sequences."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from audit.errors import UnreadableInput


@dataclass(frozen=True, slots=True)
class LabelledSequence:
    """One reference: its whitespace tokens, one AnyStyle label per token, and its corpus."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]
    source: str = ""  # "anystyle", "grobid", "excite-de" … (`sources.source_name`), for per-source scores
    context: str = "bibliography"  # or "note": the CRF sees the context as a feature

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def read_dataset(path: str | Path) -> list[LabelledSequence]:
    """Every `<sequence>` of an AnyStyle dataset file; empty sequences are skipped."""
    try:
        root = ET.parse(str(path)).getroot()
    except FileNotFoundError as exc:
        raise UnreadableInput(f"{path}: no such file") from exc
    except (ET.ParseError, OSError) as exc:
        raise UnreadableInput(f"{path}: not an AnyStyle XML dataset ({exc})") from exc
    sequences = []
    for node in root.iter("sequence"):
        tokens: list[str] = []
        labels: list[str] = []
        for segment in node:
            words = (segment.text or "").split()
            tokens.extend(words)
            labels.extend([segment.tag] * len(words))
        if tokens:
            sequences.append(LabelledSequence(tuple(tokens), tuple(labels)))
    return sequences


def segments_of(tokens: tuple[str, ...] | list[str], labels: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """Runs of equal labels as (label, text) pairs, in order."""
    out: list[tuple[str, str]] = []
    for token, label in zip(tokens, labels, strict=True):
        if out and out[-1][0] == label:
            out[-1] = (label, out[-1][1] + " " + token)
        else:
            out.append((label, token))
    return out
