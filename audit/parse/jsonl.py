"""The `citeaudit parse` output: one JSON object per reference."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from audit.models import ParsedReference


def reference_to_dict(text: str, parsed: ParsedReference) -> dict:
    """`{"text", "type", "fields", "pinpoint"?}` with name fields as lists."""
    out: dict = {"text": text, "type": parsed.type,
                 "fields": {k: list(v) if isinstance(v, tuple) else v for k, v in parsed.fields.items()}}
    if parsed.pinpoint is not None:
        out["pinpoint"] = parsed.pinpoint
    return out


def format_references(texts: Iterable[str], parsed: Iterable[ParsedReference]) -> Iterator[str]:
    """One JSON line per reference, non-ASCII kept as is."""
    for text, ref in zip(texts, parsed, strict=True):
        yield json.dumps(reference_to_dict(text, ref), ensure_ascii=False)
