"""The reference parser: one citation or bibliography entry in, a `ParsedReference` out.

Certain rules go first (identifiers, access dates, signals and pinpoints, see `cues.py`).
Vancouver references (`vancouver.py`) and comma-separated references with a quoted or
emphasised title (`comma_style.py`) are then read structurally; everything else, author-date
and numbered styles above all, is tagged by the CRF trained on AnyStyle's data (`crf.py`)
and mapped to citeaudit's fields (`labels.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from audit import patterns
from audit.models import FIELD_NAMES, NAME_FIELDS, ParsedReference
from audit.parse.classify import classify
from audit.parse.comma_style import parse_comma_style
from audit.parse.crf import DEFAULT_MODEL, tag_tokens
from audit.parse.cues import find_cues
from audit.parse.labels import fields_from_labels, pinpoint_from_labels
from audit.parse.legal import parse_case
from audit.parse.names import is_corporate, split_names
from audit.parse.segments import split_segments, strip_marks, unquote
from audit.parse.vancouver import block_fields, parse_vancouver

CONTEXTS = ("note", "bibliography")

__all__ = ["CONTEXTS", "parse_reference", "parse_references"]


def _is_comma_style(text: str) -> bool:
    """Oxford/Chicago-note shape: a quoted or emphasised title set off by commas, no author-date year."""
    if patterns.AUTHOR_DATE.match(text) or patterns.CITATION_NUMBER.match(text):
        return False
    if "," in text and (patterns.INTERVIEW_CUE.search(text) or patterns.SPEECH_SEGMENT.search(text)):
        return True
    return bool(patterns.COMMA_TITLE.search(text))


def _short_form(rest: str) -> dict | None:
    """`Paramonov, Central Asia` / `Osmonaliev, *op.cit.*` / `UNODC, "Briefing Note", *op.cit.*` in a note."""
    segments = split_segments(rest)
    if not 1 < len(segments) <= 3 or patterns.YEAR.search(rest):
        return None
    head, *tail = segments
    if patterns.OP_CIT.match(tail[-1]):
        tail = tail[:-1]
    if len(tail) > 1 or not (is_corporate(head) or len(head.split()) <= 3 and head[:1].isupper()):
        return None
    fields: dict = {"author": split_names(head)}
    if tail:
        fields["title"] = strip_marks(unquote(tail[0]) or tail[0])
    return fields


def _finish(fields: dict) -> dict:
    """Contract order, name fields as tuples, empty values dropped."""
    out: dict = {}
    for name in FIELD_NAMES:
        value = fields.get(name)
        if not value:
            continue
        out[name] = tuple(value) if name in NAME_FIELDS else str(value)
    return out


def parse_reference(text: str, *, context: str = "bibliography",
                    model_path: str | Path = DEFAULT_MODEL) -> ParsedReference:
    """Parse one reference; `context` is "note" (pinpoints are split off) or "bibliography"."""
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {', '.join(CONTEXTS)}, not {context!r}")
    case = parse_case(patterns.SIGNAL.sub("", text.strip(), count=1))
    if case is not None:
        fields, pinpoint = case
        return ParsedReference(type="legal", fields=_finish(fields), pinpoint=pinpoint if context == "note" else None)
    cues = find_cues(text, context=context)
    if patterns.REPEAT_FORM.match(cues.rest) or (not cues.rest and cues.pinpoint):
        # "Ibid., p. 3": a repeat of an earlier citation carries only its pinpoint.
        return ParsedReference(type="other", fields={}, pinpoint=cues.pinpoint)
    pinpoint = cues.pinpoint
    fields: dict | None = _short_form(cues.rest) if context == "note" else None
    title_style = "plain"
    unnumbered = patterns.CITATION_NUMBER.sub("", cues.rest, count=1)
    if fields is None:
        fields = parse_vancouver(unnumbered)
    if fields is None and _is_comma_style(cues.rest):
        fields = parse_comma_style(cues.rest)
        if fields is not None:
            title_style = fields.pop("_title_style", "plain")
    if fields is None:
        tokens = unnumbered.split()
        labels = tag_tokens(tokens, model_path, context) if tokens else []
        fields = fields_from_labels(tokens, labels) if tokens else {}
        if context == "note" and pinpoint is None:  # one the rules missed ("p. 3 n. 4", "hier S. 50")
            pinpoint = pinpoint_from_labels(tokens, labels)
        fields.update(block_fields(unnumbered))  # certain, however the CRF split its tokens
        if "title" not in fields and "container-title" in fields and not ({"volume", "pages"} & set(fields)):
            fields["title"] = fields.pop("container-title")  # an edited book: its title, not a container
        title_style = "quoted" if any(q in unnumbered for q in "“\"«") else "italic" if "*" in unnumbered else "plain"
    for name, value in cues.fields.items():
        fields.setdefault(name, value)
    ref_type = classify(fields, cues.rest, title_style=title_style)
    return ParsedReference(type=ref_type, fields=_finish(fields), pinpoint=pinpoint)


def parse_references(texts: Iterable[str], *, context: str = "bibliography",
                     model_path: str | Path = DEFAULT_MODEL) -> list[ParsedReference]:
    """Parse many references with one loaded model."""
    return [parse_reference(t, context=context, model_path=model_path) for t in texts]
