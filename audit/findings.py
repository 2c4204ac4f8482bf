"""Findings: what the audit reports, with where and what exactly conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    page_line: int | None = None  # 1-based line on that page, in a PDF (its body text's printed lines)
    # where in the text as read, when the rule knows it: places the location on its page (not reported)
    offset: int | None = field(default=None, compare=False)

    @classmethod
    def note(cls, number: int, line: int, offset: int | None = None) -> Location:
        return cls("note", line=line, number=number, offset=offset)

    @classmethod
    def entry(cls, index: int, line: int, offset: int | None = None) -> Location:
        return cls("bibliography", line=line, index=index, offset=offset)

    @classmethod
    def body(cls, line: int, offset: int | None = None) -> Location:
        return cls("body", line=line, offset=offset)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    locations: tuple[Location, ...] = ()
    values: tuple[str, ...] = ()
    suggestion: str | None = None
