"""Plain text, as PDF-to-text tools produce it: just lines with their offsets."""

from __future__ import annotations

from audit.models import Document, Line


def index_lines(text: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    offset = 0
    for number, chunk in enumerate(text.split("\n"), start=1):
        lines.append(Line(number=number, start=offset, text=chunk))
        offset += len(chunk) + 1
    return tuple(lines)


def read_plain_text(path: str, text: str, sha256: str, encoding: str) -> Document:
    return Document(path=path, format="text", text=text, sha256=sha256, lines=index_lines(text),
                    encoding=encoding)
