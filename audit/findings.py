"""Findings: what the audit reports, with where and what exactly conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

LocationKind = Literal["note", "bibliography", "body", "url"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, slots=True)
class Location:
    kind: LocationKind
    line: int | None = None
    number: int | None = None  # note number
    index: int | None = None  # bibliography entry index
    page: int | None = None  # 1-based page, in a paged input (PDF, PDF text with form feeds)

    @classmethod
    def note(cls, number: int, line: int) -> Location:
        return cls("note", line=line, number=number)

    @classmethod
    def entry(cls, index: int, line: int) -> Location:
        return cls("bibliography", line=line, index=index)

    @classmethod
    def body(cls, line: int) -> Location:
        return cls("body", line=line)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    locations: tuple[Location, ...] = ()
    values: tuple[str, ...] = ()
    suggestion: str | None = None
