"""Turn CRF label runs (AnyStyle's label set) into citeaudit's fields."""

from __future__ import annotations

import re

from audit import patterns
from audit.parse.cues import join_url_breaks
from audit.parse.dataset import segments_of
from audit.parse.features import ends_sentence
from audit.parse.names import split_names
from audit.parse.segments import strip_marks
from audit.parse.vancouver import block_fields

# AnyStyle labels that are not citeaudit fields, and where they go; None drops the label.
LABEL_TO_FIELD: dict[str, str | None] = {
    "journal": "container-title",
    "citation-number": None,
    "director": "note",
    "producer": "note",
    "medium": "genre",
    "source": "note",
    "signal": None,
    "pinpoint": None,
    "other": "note",
}

_QUOTES = "“”\"«»„‘’'"


def _clean_title(text: str) -> str:
    text = strip_marks(text).strip(_QUOTES + " ")
    return patterns.TRAILING_PUNCT.sub("", text).strip(_QUOTES + " ")


def _clean_container(text: str) -> str:
    return _clean_title(patterns.IN_LEAD.sub("", strip_marks(text)))


def _clean_date(text: str) -> str:
    return strip_marks(text.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " "))


def _clean_pages(text: str) -> str:
    s = strip_marks(text.replace("(", " ").replace(")", " "))
    s = patterns.PAGE_PREFIX.sub("", s)
    return s.replace("–", "-").replace("—", "-").replace(" - ", "-").strip()


_VOLUME_LEAD = re.compile(r"^(?:vol(?:ume)?s?\.?|bd\.|band|tome|t\.|jg\.)\s*", re.I)


def _volume_fields(text: str) -> dict[str, str]:
    s = strip_marks(text.replace("[", "").replace("]", ""))
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1]
    elif s.startswith("(") and ")" not in s:
        s = s[1:]
    s = patterns.SPACES.sub("", s) if patterns.VOLUME_ISSUE.match(s.replace(" ", "")) else s
    match = patterns.VOLUME_ISSUE.match(s)
    if match:
        return {"volume": match.group(1), "issue": match.group(2)}
    parts = [p.strip() for p in s.replace(";", ",").split(",") if p.strip()]
    out: dict[str, str] = {}
    for part in parts:
        vol = patterns.VOLUME.match(part)
        issue = patterns.ISSUE.match(part)
        inner = patterns.VOLUME_ISSUE.match(_VOLUME_LEAD.sub("", part))
        if inner and "volume" not in out:  # "vol. 30(3)"
            out.update(volume=inner.group(1), issue=inner.group(2))
            continue
        if vol:
            out.setdefault("volume", vol.group(1).rstrip(".:"))
        elif issue:
            out.setdefault("issue", issue.group(1).rstrip(".:"))
        elif "volume" not in out:
            inner = patterns.VOLUME_ISSUE.match(part)
            if inner:
                out.update(volume=inner.group(1), issue=inner.group(2))
            else:
                out["volume"] = part.rstrip(".:")
    return out


_QUOTE_ENDS = ("”", '"', "»", "“")


def split_commentary(tokens: list[str] | tuple[str, ...], labels: list[str]) -> list[str]:
    """Words of a note's prose after a quoted title are no part of it: `"Joint Declaration" is available at:`.

    When the title run holds a quoted title and goes on after the closing quote with one to
    four lower-case words only, those words are labelled `note` (commentary around the citation).
    """
    start = labels.index("title")
    end = start
    while end < len(labels) and labels[end] == "title":
        end += 1
    if tokens[start][:1] not in _QUOTES and not any(t[:1] in _QUOTES for t in tokens[start:end]):
        return labels
    for k in range(end - 1, start - 1, -1):
        if tokens[k].rstrip(".,;:").endswith(_QUOTE_ENDS):
            tail = tokens[k + 1:end]
            if 1 <= len(tail) <= 4 and all(t.rstrip(".,;:").isalpha() and t.islower() for t in tail):
                return [*labels[:k + 1], *["note"] * len(tail), *labels[end:]]
            return labels
    return labels


def _publisher_after_place_colon(tokens: list[str] | tuple[str, ...], labels: list[str]) -> list[str]:
    """"(Moscow: Nauka, 2005)": what follows a place's colon inside one location run is the publisher.

    In the labelled corpora a location token ending in ":" is followed by the publisher 3,168 times
    and by more of the place 46 times (most of those are label noise: "New York: W.W. Norton").
    """
    out = labels
    for i in range(len(labels) - 1):
        if labels[i] == "location" and tokens[i].endswith(":") and out[i + 1] == "location":
            out = list(out) if out is labels else out
            j = i + 1
            while j < len(out) and out[j] == "location":
                out[j] = "publisher"
                j += 1
    return out


def repair_labels(tokens: list[str] | tuple[str, ...], labels: list[str]) -> list[str]:
    """Give a title back to an author-date reference whose short title the CRF read as the journal.

    First, a place's colon inside a location run starts the publisher (`_publisher_after_place_colon`).

    "Jones, K. (2010). Floods. Water, 3, 1-9." is often tagged `Floods. Water,` as one journal
    run. When a reference has no title and its first container run comes right after the date
    and holds a sentence end, the part up to that sentence end is the title. Abbreviated
    journals ("(1998). Phys. Rev. Lett. 83") are left alone: one short abbreviation is no title.
    """
    labels = _publisher_after_place_colon(tokens, labels)
    if "title" in labels:
        return split_commentary(tokens, labels)
    for i, label in enumerate(labels):
        if label not in ("journal", "container-title"):
            continue
        if i == 0 or labels[i - 1] != "date":
            return labels
        end = i
        while end < len(labels) and labels[end] == label:
            end += 1
        for k in range(i, end - 1):
            if ends_sentence(tokens[k]):
                head = tokens[i:k + 1]
                if len(head) == 1 and len(head[0].strip(".")) <= 5:
                    return labels
                return [*labels[:i], *["title"] * (k + 1 - i), *labels[k + 1:]]
        return labels
    return labels


# "59:1237-1251", "92(5):3097-105": one whitespace token that holds the volume (issue) and the pages;
# GROBID and AnyStyle label the whole token by most of its characters, so it arrives as one run.
_VOLUME_PAGES = re.compile(r"^(?:vol\.?\s*)?(?P<volume>\d+[A-Z]?)\s*(?:\((?P<issue>[\w-]+)\))?\s*:\s*"
                           r"(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)[.,;]?$")


def _volume_pages(text: str) -> dict[str, str]:
    match = _VOLUME_PAGES.match(strip_marks(text).strip("()[] "))
    if not match:
        return {}
    found = {key: value for key, value in match.groupdict().items() if value}
    found["pages"] = _clean_pages(found["pages"])
    return found


def _identifier(name: str, text: str) -> str:
    """The identifier itself, without its lead ("doi:", "https://doi.org/", "ISBN", "Available at:")."""
    if name == "url":
        text = join_url_breaks(text)
    found = {"doi": patterns.DOI, "isbn": patterns.ISBN, "url": patterns.URL}[name].search(text)
    return found.group(1) if found else text.strip("<>().,; ")


def fields_from_labels(tokens: list[str], labels: list[str]) -> dict:
    """citeaudit fields from one tagged reference; later runs of a label are appended."""
    fields: dict = {}
    for label, text in segments_of(tokens, labels):
        name = LABEL_TO_FIELD.get(label, label)
        if name is None:
            continue
        if name in ("author", "editor", "translator"):
            body = patterns.EDITOR_LEAD.sub("", patterns.TRANSLATOR_LEAD.sub("", patterns.IN_LEAD.sub("", text)))
            names = split_names(body)
            if names:
                fields[name] = fields.get(name, []) + names
            continue
        block = (block_fields(text) or _volume_pages(text)) if name in ("volume", "date", "pages") else None
        if block:  # "2010;375(9):123-30", one token that AnyStyle labels volume
            for key, value in block.items():
                fields.setdefault(key, value)
            continue
        if name == "volume":
            for key, value in _volume_fields(text).items():
                fields.setdefault(key, value)
            continue
        if name == "title":
            value = _clean_title(text)
        elif name == "container-title":
            value = _clean_container(text)
        elif name == "date":
            value = _clean_date(text)
        elif name == "pages":
            value = _clean_pages(text)
        elif name in ("url", "doi", "isbn"):
            value = _identifier(name, text)
        else:
            value = strip_marks(text.strip("()[]"))
        if not value:
            continue
        if name in fields:
            sep = ". " if name == "title" else " "
            fields[name] = fields[name] + sep + value
        else:
            fields[name] = value
    return fields


_PINPOINT_LEAD = frozenset(("p.", "pp.", "s.", "at", "hier", "here", "seite", "page", "pages"))


def pinpoint_from_labels(tokens: list[str], labels: list[str]) -> str | None:
    """The pinpoint the CRF found in a note ("hier S. 50" → "50", "p. 3 n. 4" → "3 n. 4"), if any."""
    words = [t for t, label in zip(tokens, labels, strict=True) if label == "pinpoint"]
    while words and words[0].lower().strip(",") in _PINPOINT_LEAD:
        words = words[1:]
    text = patterns.TRAILING_PUNCT.sub("", " ".join(words)).replace("–", "-")
    return text.replace(" - ", "-") or None
