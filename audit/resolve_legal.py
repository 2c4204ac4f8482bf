"""What a Bluebook short form names: the case a short case citation repeats ("Verizon, 740 F.3d at 650" is
"Verizon v. FCC, 740 F.3d 623"), the work a `[hereinafter …]` name stands for, and which of several works in
note N a "supra note N" means. Pure functions over citations; `audit/resolve.py` decides with them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from audit.emphasis import strip_emphasis
from audit.extract.legal_segments import DEFINED_NAME, HEREINAFTER
from audit.models import Citation
from audit.textnorm import fold

# What precedes "supra": "van Schewick, Quality of Service, supra note 5" -> "van Schewick, Quality of Service"
_BEFORE_SUPRA = re.compile(r"^(?P<head>.*?)[,\s*_]*\bsupra\b", re.IGNORECASE)
_PAGE = re.compile(r"^\d{1,5}")
# Where the name of a short form ends: "RIF Order, at 12" / "RIF Order ¶ 25" / "RIF Order, para. 25"
_PINPOINT_START = re.compile(r"(?:,\s*|\s+)(?:at\s|p\.|pp\.|paras?\.|¶|§)|,\s*\d")
_WORD = re.compile(r"[^\W_]+")
_CASE_STOP_WORDS = frozenset({"v", "in", "re", "ex", "rel", "the", "of", "and", "inc", "co", "corp", "llc", "ltd",
                              "ass", "n", "s", "et", "al"})


def plain(text: str) -> str:
    return strip_emphasis(text).text


def _key(text: str) -> str:
    """A name compared by its letters: case, emphasis, quotes and punctuation do not count."""
    return " ".join(_WORD.findall(fold(plain(text)).replace("’", "'").replace("'", "")))


def given_name(citation: Citation) -> str | None:
    """The name a full citation gives its work: "[hereinafter RIF Order]", or "(AT&T Comments)" closing it."""
    match = HEREINAFTER.search(citation.text) or DEFINED_NAME.search(plain(citation.text))
    return _key(match.group("name").strip(" '\"‘’“”")) if match else None


def head_of(citation: Citation) -> str:
    """A short form's words before its volume, "supra" or pinpoint: the name it gives for the work."""
    text = citation.text
    match = _BEFORE_SUPRA.match(text)
    if match:
        return _key(match.group("head"))
    title = citation.fields.get("title")
    if citation.type == "legal" and title:
        return _key(str(title))
    return _key(_PINPOINT_START.split(text, maxsplit=1)[0])


def reporter_key(citation: Citation) -> tuple[str, str] | None:
    """(volume, reporter) of a legal case citation, the reporter compared without spaces and case."""
    volume = citation.fields.get("volume")
    reporter = citation.fields.get("container-title")
    if citation.type != "legal" or not volume or not reporter:
        return None
    return str(volume), re.sub(r"\s+", "", str(reporter)).casefold()


def first_page(citation: Citation) -> int | None:
    match = _PAGE.match(str(citation.fields.get("pages", "")))
    return int(match.group()) if match else None


def name_words(name: str) -> set[str]:
    return {w for w in _key(name).split() if w not in _CASE_STOP_WORDS and len(w) > 1}


def names_agree(short_name: str, full_name: str) -> bool:
    """"Verizon" names "Verizon v. FCC"; "Brand X" names "Nat'l Cable … v. Brand X Internet Servs."."""
    short, full = name_words(short_name), name_words(full_name)
    return bool(short) and short <= full


def cases_cited_as(short: Citation, earlier: Sequence[Citation]) -> list[Citation]:
    """The earlier full citations a short case citation can repeat: the same volume and reporter, the name
    it gives if that tells them apart, else the one whose first page comes last before the page cited."""
    key = reporter_key(short)
    same_volume = [c for c in earlier if c.kind == "full" and reporter_key(c) == key]
    if len(same_volume) <= 1:
        return same_volume
    name = str(short.fields.get("title", ""))
    named = [c for c in same_volume if names_agree(name, str(c.fields.get("title", "")))]
    pool = named or same_volume
    distinct = {first_page(c): c for c in pool}  # several citations of one case are one candidate
    if len(distinct) == 1:
        return [pool[-1]]
    page = int(_PAGE.match(short.pinpoint).group()) if short.pinpoint and _PAGE.match(short.pinpoint) else None
    before = [c for c in distinct.values() if page is not None and (first_page(c) or 0) <= page]
    if before:
        return [max(before, key=lambda c: first_page(c) or 0)]
    return list(distinct.values())


def named_by_hereinafter(short: Citation, earlier: Sequence[Citation]) -> list[Citation]:
    """Earlier full citations whose `[hereinafter …]` name is the name this short form gives."""
    head = head_of(short)
    if not head:
        return []
    return [c for c in earlier if c.kind == "full" and given_name(c) == head]


def _author_words(citation: Citation) -> list[str]:
    return _key(plain(citation.text).split(",")[0]).split()


def supra_candidates(supra: Citation, cited: Sequence[Citation]) -> list[Citation]:
    """Which of the works note N cites "Author, supra note N" or "Author, Short Title, supra note N" means:
    by its `[hereinafter …]` name, else by the author's surname, then by the words of the short title."""
    match = _BEFORE_SUPRA.match(supra.text)
    if not match or not _key(match.group("head")):
        return []
    head = match.group("head")
    by_name = [c for c in cited if given_name(c) == _key(head)]
    if by_name:
        return by_name
    author, _, title = (part.strip() for part in plain(head).partition(","))
    surname = _key(author).split()[-1:] if author else []
    by_author = [c for c in cited if surname and _author_words(c)[-1:] == surname]
    pool = by_author if by_author else list(cited)
    wanted = set(_key(title or (author if not by_author else "")).split()) - _CASE_STOP_WORDS
    if len(by_author) == 1 or not wanted:
        return by_author
    return [c for c in pool if wanted <= set(_key(c.text).split())]
