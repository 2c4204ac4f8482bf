"""Structural parser for comma-separated notes and entries (Oxford / Chicago-note / policy style).

`D. Trenin, “Russia and Central Asia”, in E.B. Rumer (ed.), *Central Asia*, Armonk, New York,
M.E. Sharpe, 2007` is read segment by segment: names before the first quoted or emphasised
title, `in … (ed.)` as editor, the next emphasised segment as container, then volume, issue,
pages, place, publisher and date by their shapes. References that lack such a title go to
the CRF instead (see `parse/__init__.py`).
"""

from __future__ import annotations

import re

from audit import patterns
from audit.parse.names import is_corporate, split_names
from audit.parse.segments import split_segments, strip_marks, unemphasise, unquote

# Places that head or end a publication line; single unknown words before a publisher are
# also taken as places (see `_mark_places`).
PLACES = frozenset("""
london paris brussels bruxelles berlin vienna wien moscow moscou new york washington geneva genève rome roma
madrid barcelona milan milano oxford cambridge boston chicago princeton basingstoke abingdon armonk luxembourg
bishkek toulouse stockholm amsterdam leiden the hague den haag munich münchen frankfurt hamburg bonn köln cologne
zurich zürich bern lausanne brighton manchester edinburgh dublin copenhagen oslo helsinki warsaw prague budapest
florence firenze bologna turin torino lisbon lisboa athens ankara istanbul beijing tokyo delhi new delhi tashkent
almaty astana dushanbe ashgabat kabul islamabad tehran baltimore berkeley stanford new haven ithaca lanham
london and new york new york and london st. petersburg saint petersburg santa monica thousand oaks bloomington
lyon marseille strasbourg grenoble bordeaux lille nancy rennes leipzig göttingen heidelberg tübingen stuttgart
buenos aires mexico méxico bogotá santiago lima quito caracas montréal montreal toronto ottawa sydney melbourne
canberra cape town nairobi cairo usa uk u.k. germany france italy spain russia d.c. ny ma ca il nj ct md va
""".strip().split("\n"))
_PLACE_WORDS = frozenset(w for line in PLACES for w in [line])


def _is_place(segment: str) -> bool:
    s = strip_marks(segment).lower()
    if s in PLACE_SET or s.rstrip(".") in PLACE_SET:
        return True
    parts = [p.strip() for p in s.replace(" and ", "/").split("/")]
    return len(parts) > 1 and all(p in PLACE_SET for p in parts)


PLACE_SET = frozenset(p.strip() for line in PLACES for p in line.split(" ") if p) | frozenset(
    ("new york", "new delhi", "the hague", "den haag", "st. petersburg", "saint petersburg", "santa monica",
     "thousand oaks", "buenos aires", "cape town", "new haven", "washington d.c.", "washington, d.c."))


def _is_date(segment: str) -> bool:
    s = strip_marks(segment)
    if not patterns.YEAR.search(s) and s.lower() not in ("n.d", "s.d", "o.j"):
        return False
    words = s.replace("/", " ").replace("-", " ").replace("–", " ").split()
    return len(words) <= 5 and all(w.strip(".,()").isdigit() or patterns.MONTH.match(w.strip("()"))
                                   or w.lower() in ("de", "del", "of", "the") or w.rstrip(".,").lower()
                                   in ("st", "nd", "rd", "th", "er") or w[:-2].isdigit() for w in words)


def _is_month(segment: str) -> bool:
    return bool(patterns.MONTH.match(strip_marks(segment)))


# "65 (1995)", "45/4 (1950)", "11/12 (2007)": a volume or issue number with the year in brackets.
# Also with a lead and an issue: "vol. 30(3) (2000)".
_NUMBER_YEAR = re.compile(r"^(?:vol(?:ume)?\.?\s*)?(\d{1,4}(?:/\d{1,4})?)(?:\s*\((\w{1,6})\))?"
                          r"\s*\(((?:1[5-9]|20)\d\d)\)$", re.I)
# An Italian-style quoted journal with its volume in one segment: "«Environmental Law» vol. 30(3) (2000)".
_QUOTED_HEAD = re.compile(r"^([«“\"„][^«»“”\"]{2,}[»”\"])\s+(\S.*)$")
# A journal and its volume in one segment: "Palliative Medicine vol. 23(7) (2009)".
_VOLUME_TAIL = re.compile(r"^([^\d«»“”\"]*[^\s\d«»“”\"])\s+(vol(?:ume)?\.\s*\d.*)$", re.I)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# What follows a place as its state or country: "WA", "N.Y.", "the Netherlands".
_REGION = re.compile(r"^(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.|the\s+[A-Z][a-z]+)$")


def _shape(segment: str) -> tuple[str, str]:
    """The segment's kind and its value, judged by its shape alone."""
    s = strip_marks(segment)
    match = _NUMBER_YEAR.match(s)
    if match:
        return "number-year", "\n".join(part or "" for part in match.groups())
    if _BARE_NUMBER.match(s) and not patterns.YEAR.fullmatch(s):
        return "number", s
    for pattern, kind in ((patterns.VOLUME, "volume"), (patterns.ISSUE, "issue")):
        match = pattern.match(s)
        if match:
            return kind, match.group(1)
    if s.lower().startswith(("no.", "n°", "nr.")) and ":" in s:  # "no. 2: *Title of the issue*"
        match = patterns.ISSUE.match(s.split(":", 1)[0].strip())
        if match:
            return "issue-titled", match.group(1) + "\n" + strip_marks(s.split(":", 1)[1])
    match = patterns.PAGE_RANGE.match(s)
    if match and (s.lower().startswith(("p", "s.")) or "-" in s or "–" in s):
        return "pages", match.group(1).replace("–", "-").replace(" ", "")
    if s.lower().startswith(("p. ", "pp. ", "p.", "pp.")) and s.split(".", 1)[1].strip().isdigit():
        return "pages", s.split(".", 1)[1].strip()
    if patterns.EDITION.match(s):
        return "edition", s
    lead = patterns.TRANSLATOR_LEAD.match(s)
    if lead:
        return "translator", s[lead.end():]
    lead = patterns.EDITOR_LEAD.match(s)
    if lead and s[lead.end():][:1].isupper():
        return "editor", s[lead.end():]
    if _is_date(segment) or patterns.MONTH.match(s):
        return "date", s
    if patterns.GENRE_SEGMENT.match(s):
        return "genre", s
    if patterns.EVENT_SEGMENT.match(s):
        return "note", s
    if _is_place(segment):
        return "location", s
    if patterns.THESIS_CUE.search(s):
        return "genre", s
    if s.lower().startswith(("collection ", "coll. ", "series ", "reihe ", "collana ")):
        return "collection-title", s.split(" ", 1)[1]
    if s.endswith((" Series", " series")):
        return "collection-title", s
    if any(c.isdigit() for c in s) and "/" in s and " " not in s:  # "15074/04": a document number
        return "note", s
    if patterns.PUBLISHER_CUE.search(s) or is_corporate(s) or "." in s.replace(". ", ""):
        return "publisher", s
    return "unknown", s


def _join(fields: dict, key: str, value: str, sep: str = ", ") -> None:
    fields[key] = fields[key] + sep + value if key in fields else value


def _title_index(segments: list[str]) -> int | None:
    for i, seg in enumerate(segments):
        if unquote(seg) is not None or unemphasise(seg) is not None:
            return i
    return None


def _names_into(fields: dict, text: str) -> None:
    role = "editor" if patterns.EDITOR_MARK.search(text.replace("*", "")) else "author"
    names = split_names(text)
    if names:
        fields[role] = names


def _merge_in_editors(segments: list[str]) -> list[str]:
    """`in E.B. Rumer`, `D. Trenin and H. Zhao (eds.)` back into one segment."""
    out: list[str] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        if patterns.IN_LEAD.match(seg) and not patterns.EDITOR_MARK.search(seg.replace("*", "")):
            for j in range(i + 1, min(i + 6, len(segments))):
                if unemphasise(segments[j]) is not None or unquote(segments[j]) is not None:
                    break
                if patterns.EDITOR_MARK.search(segments[j].replace("*", "")):
                    seg = ", ".join(segments[i:j + 1])
                    i = j
                    break
        out.append(seg)
        i += 1
    return out


def _parse_after_title(fields: dict, segments: list[str], quoted_title: bool) -> None:
    """Container, editors and publication facts after the title."""
    segments = _merge_in_editors(segments)
    kinds = []
    for seg in segments:
        inner = unemphasise(seg)
        if patterns.IN_LEAD.match(seg) and "editor" not in fields and "container-title" not in fields:
            body = patterns.IN_LEAD.sub("", seg, count=1)
            if patterns.EDITOR_MARK.search(body.replace("*", "")) or patterns.ET_AL.search(body):
                kinds.append(("in-editor", body))
                continue
            kinds.append(("container-title", strip_marks(body)))
            continue
        if inner is not None and "container-title" not in fields and not any(k == "container-title"
                                                                              for k, _ in kinds):
            kinds.append(("container-title", strip_marks(inner)))
            continue
        quoted = unquote(seg)
        if quoted is not None and not any(k == "container-title" for k, _ in kinds):
            kinds.append(("container-title", strip_marks(quoted)))
            continue
        head = _QUOTED_HEAD.match(seg)
        if head and not any(k == "container-title" for k, _ in kinds) and unquote(head.group(1)) is not None:
            kinds.append(("container-title", strip_marks(unquote(head.group(1)) or "")))
            kinds.append(_shape(head.group(2)))
            continue
        tail = _VOLUME_TAIL.match(seg)
        if tail and not any(k == "container-title" for k, _ in kinds) and "container-title" not in fields:
            kinds += [("container-title", strip_marks(tail.group(1))), _shape(tail.group(2))]
            continue
        kinds.append(_shape(seg))
    if quoted_title and kinds and kinds[0][0] == "unknown":
        kinds[0] = ("container-title", kinds[0][1])  # italics lost: `“Article”, Journal, vol. 3`
    for i in range(1, len(kinds)):  # `in R. Murphy (a cura di), British Cinema in the 90s`: the book after its editors
        if kinds[i - 1][0] == "in-editor" and kinds[i][0] == "unknown" \
                and all(k != "container-title" for k, _ in kinds):
            kinds[i] = ("container-title", kinds[i][1])
    _resolve_unknowns(kinds)
    for kind, value in kinds:
        if kind in ("translator", "editor"):
            fields.setdefault(kind, split_names(value))
        elif kind == "issue-titled":
            fields["issue"], issue_title = value.split("\n", 1)
            _join(fields, "note", issue_title)
        elif kind == "in-editor":
            fields["editor"] = split_names(value)
        elif kind in ("number", "number-year"):  # "Journal, 35, 11/12 (2007)": the volume, then the issue
            number, issue, year = (value.split("\n") + ["", ""])[:3]
            key = "volume" if "volume" not in fields else "issue" if "issue" not in fields else "note"
            _join(fields, key, number)
            if issue and "issue" not in fields:
                fields["issue"] = issue
            if year:
                _join(fields, "date", year)
        elif kind in ("location", "publisher", "note", "genre", "collection-title", "date"):
            _join(fields, kind, value)
        elif kind == "unknown":
            _join(fields, "note", value)
        elif kind not in fields:
            fields[kind] = value
        else:
            _join(fields, "note", value)


def _resolve_unknowns(kinds: list[tuple[str, str]]) -> None:
    """Decide segments the shapes left open, from their neighbours."""
    for i, (kind, value) in enumerate(kinds):
        nxt = kinds[i + 1][0] if i + 1 < len(kinds) else None
        prev = kinds[i - 1][0] if i > 0 else None
        if kind in ("publisher", "unknown") and prev == "location" and _REGION.match(value):
            kinds[i - 1] = ("location", kinds[i - 1][1] + ", " + value)  # "Seattle, WA", "Eindhoven, the Netherlands"
            kinds[i] = ("skip", "")
        elif kind == "unknown":
            words = value.split()
            if len(words) <= 3 and all(w[:1].isupper() for w in words) and nxt in ("location", "publisher",
                                                                                    "unknown"):
                kinds[i] = ("location", value)  # "Armonk, New York" and "Basingstoke, Palgrave"
            elif prev == "location" and len(words) <= 4 and all(w[:1].isupper() for w in words):
                kinds[i] = ("publisher", value)
        elif kind == "date" and _is_month(value) and nxt == "date":
            kinds[i + 1] = ("date", value + ", " + kinds[i + 1][1])  # "October, 2009"
            kinds[i] = ("skip", "")
        elif kind == "publisher" and value in ("D.C.", "D.C") and prev == "location":
            kinds[i - 1] = ("location", kinds[i - 1][1] + ", D.C.")  # "Washington, D.C."
            kinds[i] = ("skip", "")
        elif kind == "publisher" and prev is None and value.count(" ") == 0 and nxt == "location":
            kinds[i] = ("location", value)
    kinds[:] = [k for k in kinds if k[0] != "skip"]


def parse_interview(segments: list[str], text: str) -> dict | None:
    """`Surname, Given, role…, Interview, Place, Date` and `Interview with Name, role…, Place, Date`."""
    fields: dict = {}
    first = segments[0]
    genre = None
    if first.lower().startswith(("interview with ", "entretien avec ", "entrevista con ", "intervista con ",
                                 "interview mit ")):
        fields["author"] = split_names(first.split(" ", 2)[2])
        genre = first.split(" ", 1)[0]
        rest = segments[1:]
    else:
        take = 2 if len(segments) > 1 and not is_corporate(segments[0]) and len(segments[0].split()) == 1 else 1
        fields["author"] = split_names(", ".join(segments[:take]))
        rest = segments[take:]
    notes = []
    for seg in rest:
        kind, value = _shape(seg)
        if patterns.INTERVIEW_CUE.search(seg) or patterns.SPEECH_CUE.search(seg):
            fields["genre"] = strip_marks(seg)
        elif kind in ("date", "location") and kind not in fields:
            fields[kind] = value
        elif "genre" in fields and kind == "publisher":
            _join(fields, "publisher", value)
        else:
            notes.append(strip_marks(seg))
    if notes:
        fields["note"] = ", ".join(notes)
    if genre:
        fields["genre"] = genre
    return fields


def parse_comma_style(text: str) -> dict | None:
    """Fields of a comma-style reference, or None when it has no quoted or emphasised title."""
    segments = split_segments(text)
    if not segments:
        return None
    if patterns.INTERVIEW_CUE.search(text) or any(patterns.SPEECH_CUE.match(s) or " speech " in s
                                                  for s in segments[1:]):
        if _title_index(segments) is None:
            return parse_interview(segments, text)
    index = _title_index(segments)
    fields: dict = {}
    if index is None:
        for i, seg in enumerate(segments):  # `Conference "Into EurAsia"`: a genre word, then the title
            quoted = patterns.QUOTED.search(seg)
            # Only a short genre word before the title ("Conference"), not names or a year closed by a
            # period ("D. Quass. \"Title\"", "Rogoff, Ken. 2014. “Title”"): those are the CRF's.
            lead = seg[: seg.index(quoted.group(0))].strip() if quoted else ""
            if quoted and lead and seg[0] not in "“\"" and not lead.endswith((".", ":")) and len(lead.split()) <= 3:
                fields["genre"] = strip_marks(seg[: seg.index(quoted.group(0))])
                segments[i] = quoted.group(0)
                index = i
                break
        else:
            return None
    if index > 0:
        _names_into(fields, ", ".join(segments[:index]))
    head = segments[index]
    title = unquote(head)
    fields["_title_style"] = "quoted"
    if title is None:
        title = unemphasise(head) or head
        fields["_title_style"] = "italic"
    fields["title"] = strip_marks(title)
    _parse_after_title(fields, segments[index + 1:], title is not None and fields["_title_style"] == "quoted")
    return fields
