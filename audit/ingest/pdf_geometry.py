"""Positioned glyphs and their grouping into text lines: the geometry both PDF layout modules share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True, slots=True)
class Link:
    """A link annotation: where it sits on the page and the address it opens."""

    uri: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Rule:
    """A short horizontal line, as drawn above a page's foot notes."""

    x0: float
    x1: float
    top: float


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    links: tuple[Link, ...] = ()
    rules: tuple[Rule, ...] = ()


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


def group_lines(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs that overlap vertically form one line (a raised marker overlaps its line)."""
    lines: list[tuple[float, float, list[Glyph]]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        height = max(glyph.bottom - glyph.top, 0.1)
        if lines:
            top, bottom, members = lines[-1]
            if _overlap(top, bottom, glyph.top, glyph.bottom) >= 0.4 * min(height, bottom - top):
                members.append(glyph)
                lines[-1] = (min(top, glyph.top), max(bottom, glyph.bottom), members)
                continue
        lines.append((glyph.top, glyph.bottom, [glyph]))
    return [members for _, _, members in lines]
