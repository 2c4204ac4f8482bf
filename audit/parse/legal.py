"""Case citations ("Miranda v. Arizona, 384 U.S. 436, 437 (1966)"), read by one pattern."""

from __future__ import annotations

from audit import patterns


def parse_case(text: str) -> tuple[dict, str | None] | None:
    """Fields and pinpoint of a case citation, or None if `text` is not one.

    The reporter goes to container-title, its volume and first page to volume and pages, the
    court (if named before the year) to note.
    """
    match = patterns.CASE_CITATION.match(text.strip())
    if not match:
        return None
    fields = {
        "title": match["title"].strip(),
        "container-title": match["reporter"].strip(),
        "volume": match["volume"],
        "pages": match["page"],
        "date": match["year"],
    }
    if match["court"].strip():
        fields["note"] = match["court"].strip()
    return fields, match["pin"]
