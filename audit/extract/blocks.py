"""Paragraph blocks: runs of non-blank lines, the unit most extraction decisions are made on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.models import Line


@dataclass(frozen=True, slots=True)
class Block:
    lines: tuple[Line, ...]

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number

    @property
    def text(self) -> str:
        return join_lines(line.text for line in self.lines)


def split_blocks(lines: Sequence[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            blocks.append(Block(tuple(current)))
            current = []
    if current:
        blocks.append(Block(tuple(current)))
    return blocks


def join_lines(parts) -> str:
    """Join wrapped lines into one string, repairing words hyphenated at a line end ("infor-/mation")."""
    out = ""
    for raw in parts:
        piece = raw.strip()
        if not piece:
            continue
        if not out:
            out = piece
        elif out.endswith("-") and len(out) > 1 and out[-2].islower() and piece[:1].islower():
            out = out[:-1] + piece
        else:
            out = f"{out} {piece}"
    return out
