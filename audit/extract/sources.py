"""extract_source_lines(): figure and table "Source: ..." lines, citation sites in the body."""

from __future__ import annotations

from collections.abc import Sequence

from audit.extract.patterns import SOURCE_LINE
from audit.models import Line, SourceLine, Span


def extract_source_lines(body_lines: Sequence[Line]) -> tuple[SourceLine, ...]:
    found = []
    for line in body_lines:
        match = SOURCE_LINE.match(line.text)
        if match:
            start = line.start + match.start("text")
            found.append(SourceLine(text=match.group("text"), raw=line.text,
                                    span=Span(start, line.start + match.end("text"), line.number)))
    return tuple(found)
