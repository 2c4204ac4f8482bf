"""Split a comma-style reference at its top-level commas.

Commas inside quotes (“…”, "…", «…»), Markdown emphasis (*…*), parentheses and brackets do
not split: `“Russia and Central Asia, 1991-2001”` stays one segment.
"""

from __future__ import annotations

from audit import patterns

_OPEN = {"“": "”", "«": "»", "„": "“", "(": ")", "[": "]"}


def split_segments(text: str) -> list[str]:
    """Top-level comma-separated segments, stripped, empty ones dropped."""
    segments: list[str] = []
    stack: list[str] = []
    start = 0
    emphasis = False
    straight_quote = False
    for i, char in enumerate(text):
        if stack and char == stack[-1]:
            stack.pop()
        elif char in _OPEN:
            stack.append(_OPEN[char])
        elif char == '"':
            straight_quote = not straight_quote
        elif char == "*":
            emphasis = not emphasis
        elif char == "," and not stack and not emphasis and not straight_quote:
            segments.append(text[start:i])
            start = i + 1
    segments.append(text[start:])
    return [s.strip() for s in segments if s.strip()]


def unquote(segment: str) -> str | None:
    """The title inside a segment that is entirely one quotation, else None."""
    s = segment.strip()
    if len(s) < 2:
        return None
    pairs = {"“": "”", '"': '"', "«": "»", "„": "“"}
    close = pairs.get(s[0])
    if close is None or s[-1] not in (close, "”", '"'):
        return None
    inner = s[1:-1]
    if any(q in inner for q in ('"', "“", "”")) and close == '"':
        return None
    return inner.strip()


def unemphasise(segment: str) -> str | None:
    """The text inside a segment that is entirely `*…*`, else None."""
    s = segment.strip()
    if len(s) >= 3 and s[0] == "*" and s[-1] == "*" and "*" not in s[1:-1]:
        return s[1:-1].strip()
    return None


def strip_marks(text: str) -> str:
    """Text without emphasis markers and surrounding punctuation."""
    text = text.replace("*", "")
    text = patterns.TRAILING_PUNCT.sub("", patterns.LEADING_PUNCT.sub("", text))
    return patterns.SPACES.sub(" ", text).strip()
