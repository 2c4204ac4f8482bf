"""What one line of a document looks like, measured once: the raw material of both line models.

Layout comes from the text as read: leading spaces (indentation), length, form feeds (page breaks) and the
line's place on its page. A line repeated on many pages (digits aside) is a running head or footer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from audit.extract.patterns import (
    AUTHOR_START,
    BACK_MATTER_HEADING,
    BIBLIOGRAPHY_HEADING,
    DOI_LIKE,
    ENDNOTES_HEADING,
    ENTRY_LABEL,
    LIST_BULLET,
    REPEATED_AUTHOR,
    URL_LIKE,
    YEAR,
)
from audit.textnorm import join_letter_spacing

REPEATED_MIN = 3  # a line (digits aside) on this many pages is a running head or footer
PAGE_EDGE_LINES = 3  # non-blank lines at a page's top or bottom where heads, footers and page numbers sit
TAB_WIDTH = 4

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_YEAR_PAREN = re.compile(r"\((?:1[5-9]\d\d|20\d\d)[a-z]?\)")
_YEAR_DOT = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)[a-z]?[.,:;)]")
_PAGES = re.compile(r"\d+\s?[-–—]\s?\d+")
_PP = re.compile(r"\b(?:pp?|S|Seite|pgs?)\.\s?\d", re.IGNORECASE)
_VOLUME_ISSUE = re.compile(r"\b\d{1,4}\s?\(\d{1,4}[^)]{0,6}\)|\b\d{1,4}:\s?\d")
_EDITORS = re.compile(r"\((?:eds?|hrsg|hg|dir|coord|a cura di)\.?\)|\b(?:eds?\.|hrsg\.|hg\.|edited by)",
                      re.IGNORECASE)
_IN_CONTAINER = re.compile(r"(?:^|[.,]\s)(?:In|in|Dans|dans):?\s")
_ET_AL = re.compile(r"\bet al\b|\bu\. ?a\.", re.IGNORECASE)
_INITIALS = re.compile(r"\b[A-ZÀ-Þ]\.\s?(?:[A-ZÀ-Þ]\.)?")
_PUBLISHING = re.compile(r"\b(?:Press|University|Verlag|Publishers?|Editions?|Éditions|Journal|Review|"
                         r"Proceedings|Zeitschrift|Studies|Quarterly|Bulletin|Books)\b")
_QUOTE = re.compile(r"[“”\"«»„]")
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$|\s{3,}\d{1,4}\s*$")
_NOTE_START = re.compile(r"^(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s?(?=[A-ZÀ-Þa-z\"“(])")
_NUMBER_ONLY = re.compile(r"^[\divxlcIVXLC\-–—.\s]+$")
_CHAPTER = re.compile(r"^(?:chapter|kapitel|chapitre|capitolo|cap[íi]tulo|part|teil|section|appendix|anhang)\b",
                      re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+[A-ZÀ-Þ]")
FUNCTION_WORDS = frozenset("the of and to in is that for was with as are this which be by were it on we their "
                            "der die das und ist nicht zu den mit von sich le la les et est des une que il "
                            "el los las que es una il di che non".split())
_CAPITAL_WORD = re.compile(r"\b[A-ZÀ-Þ][a-zß-ÿ]")
_WORD = re.compile(r"\w+")
_CUE_WORDS = frozenset("in and und et & or see cf vgl siehe voir the a an der die das le la les il el los "
                       "figure fig table tab abb abbildung tabelle source sources quelle quellen note notes anm "
                       "chapter kapitel chapitre part teil section appendix anhang page seite p pp s "
                       "ibid ibidem ebd id op supra available retrieved accessed doi http https www".split())
_NO_DIGITS = str.maketrans("", "", "0123456789")
# A repeated-author mark lost in the PDF's text: the line opens with the punctuation after it (", 1988: Title")
_LOST_REPEAT = re.compile(r"^[,.;:]\s*(?:\(?(?:1[5-9]|20)\d\d|n\.\s?d\.)")
# A repeated-author mark or an entry's label that the PDF's text set on a line of its own ("——.", "--..",
# "-", "& --.", "[AKa]", "[12]"; not "12.", which ends many a page range broken at the line's end)
_MARK_ONLY = re.compile(r"[&,.;:~\s]*[—–\-_]+[—–\-_.,;:~\s]*|\[[\w+.\-]{1,10}\]")
# "Chabout J, Sarkar A," / "Crawley JN (2007)" / "Arnold Anteraper S, ": initials without periods (Vancouver,
# APA-like styles of the life sciences)
SURNAME_BARE_INITIALS = re.compile(r"^[A-ZÀ-Þ][\w'’\-]+(?:\s(?:[A-ZÀ-Þ][\w'’\-]+|de|van|von|der|da|di|del|le|la))*"
                                    r"\s[A-Z]{1,3}[.,]?\s(?:[A-ZÀ-Þ][\w'’\-]+\s[A-Z]{1,3}\b|\(?(?:1[5-9]|20)\d\d)")
# "Cernea M.M., Title" / "McDowell Ch., Title": surname, then initials, then a comma
_SURNAME_INITIALS = re.compile(r"^[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?\s(?:[A-ZÀ-Þ][a-z]?\.\s?-?){1,3},\s")
# "## ", "**", "7. ", "IV) ", "A. " before a heading's words
_HEADING_PREFIX = re.compile(r"(?:#{1,6}\s*)?[*_]{0,2}\s*(?:(?:\d{1,2}|[IVXLC]{1,5}|[A-Z])(?:\.\d{1,2})*[.)]?\s+)?")


def is_mark_only(text: str) -> bool:
    """Nothing on the line but a repeated-author mark or a label: nothing an entry holds ends that way, so the
    line opens the entry that the next line goes on with."""
    return len(text) <= 8 and _MARK_ONLY.fullmatch(text.strip()) is not None


@dataclass(frozen=True, slots=True)
class LineFacts:
    text: str  # stripped, form feed removed
    blank: bool
    indent: int
    page_start: bool  # the line carries a form feed: a new page starts here
    page_top: bool
    page_bottom: bool
    repeated: bool


def _indent(raw: str) -> int:
    body = raw.replace("\f", "").replace("\t", " " * TAB_WIDTH)
    return len(body) - len(body.lstrip(" "))


def _repeat_key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text.lower())).strip()


def measure_lines(raw_lines: Sequence[str]) -> list[LineFacts]:
    """Facts of every line; page edges are counted in non-blank lines from each form feed."""
    texts = [raw.replace("\f", "").strip() for raw in raw_lines]
    keys = Counter(_repeat_key(t) for t in texts if len(t) > 3)
    # page of every line, and each non-blank line's rank from its page's top and bottom
    page_of: list[int] = []
    page = 0
    for k, raw in enumerate(raw_lines):
        if "\f" in raw and k:
            page += 1
        page_of.append(page)
    rank_top: dict[int, int] = {}
    rank_bottom: dict[int, int] = {}
    counts: Counter[int] = Counter()
    for k, text in enumerate(texts):
        if text:
            rank_top[k] = counts[page_of[k]]
            counts[page_of[k]] += 1
    seen: Counter[int] = Counter()
    for k, text in enumerate(texts):
        if text:
            rank_bottom[k] = counts[page_of[k]] - 1 - seen[page_of[k]]
            seen[page_of[k]] += 1
    paged = page > 0
    out = []
    for k, (raw, text) in enumerate(zip(raw_lines, texts, strict=True)):
        blank = not text
        out.append(LineFacts(
            text=text, blank=blank, indent=0 if blank else _indent(raw), page_start="\f" in raw,
            page_top=paged and not blank and rank_top[k] < PAGE_EDGE_LINES,
            page_bottom=paged and not blank and rank_bottom[k] < PAGE_EDGE_LINES,
            repeated=not blank and len(text) > 3 and keys[_repeat_key(text)] >= REPEATED_MIN))
    return out


def shape(token: str) -> str:
    """Xxxx, → "Xx,"; 2004. → "d."; [12] → "[d]": character classes with repeats collapsed."""
    out: list[str] = []
    for ch in token[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def bucket(value: float, edges: Sequence[float]) -> int:
    for k, edge in enumerate(edges):
        if value < edge:
            return k
    return len(edges)


def heading_title(text: str) -> str:
    """"## 7. References:" → "References". Only the prefix is matched: the full decoration pattern of the
    extractors backtracks on long lines, and this runs on every line of a document."""
    text = join_letter_spacing(text.strip())  # before the prefix: "R E F …" is not section "R"
    match = _HEADING_PREFIX.match(text)
    return text[match.end():].strip().strip("*_#: ").strip() if match else text.strip("*_#: ").strip()


def text_cues(text: str) -> list[str]:
    """Features of a line's words alone (no layout, no neighbours). A list bullet is a cue of its own; the
    rest are read after it ("• Cernea M.M., Putting people first" opens like any reference)."""
    bullet = LIST_BULLET.match(text)
    if bullet and bullet.end() < len(text):
        return ["bullet", *_word_cues(text[bullet.end():])]
    return _word_cues(text)


def _word_cues(text: str) -> list[str]:
    feats: list[str] = []
    tokens = text.split()
    feats.append(f"len={bucket(len(text), (4, 12, 30, 50, 70, 90))}")
    feats.append(f"words={bucket(len(tokens), (2, 4, 8, 14))}")
    if tokens:
        feats.append(f"s1={shape(tokens[0])}")
        if len(tokens) > 1:
            feats.append(f"s2={shape(tokens[1])}")
        feats.append(f"sl={shape(tokens[-1])}")
        first = text[0]
        feats.append("f=" + ("U" if first.isupper() else "l" if first.islower() else "d" if first.isdigit() else first))
        last = text[-1]
        feats.append("e=" + ("a" if last.isalpha() else "d" if last.isdigit() else last))
        first_word = tokens[0].lower().strip(".,:;")
        if first_word in _CUE_WORDS:  # a closed list: open vocabulary lets the models memorise surnames
            feats.append(f"w1={first_word}")
    years = len(YEAR.findall(text))
    feats.append(f"years={min(years, 2)}")
    if years:
        if _YEAR_PAREN.search(text):
            feats.append("year()")
        if _YEAR_DOT.search(text):
            feats.append("year.")
        if YEAR.search(text[:45]):
            feats.append("year_early")
    for name, pattern in (("pages", _PAGES), ("pp", _PP), ("voliss", _VOLUME_ISSUE), ("eds", _EDITORS),
                          ("in:", _IN_CONTAINER), ("etal", _ET_AL), ("pub", _PUBLISHING), ("quote", _QUOTE),
                          ("leader", _LEADER), ("notestart", _NOTE_START), ("chapter", _CHAPTER),
                          ("secnum", _SECTION_NUMBER)):
        if pattern.search(text):
            feats.append(name)
    if URL_LIKE.search(text) or DOI_LIKE.search(text):
        feats.append("url")
    if AUTHOR_START.match(text) or _SURNAME_INITIALS.match(text):
        feats.append("author_start")
    if REPEATED_AUTHOR.match(text) or _LOST_REPEAT.match(text):
        feats.append("repeat_author")
    label = ENTRY_LABEL.match(text)
    if label:
        feats.append("label[]" if label.group("label").startswith("[") else "label.")
    initials = len(_INITIALS.findall(text))
    feats.append(f"initials={min(initials, 3)}")
    if _NUMBER_ONLY.match(text):
        feats.append("number_only")
    words = [w.lower() for w in _WORD.findall(text)]
    if words:
        function = sum(w in FUNCTION_WORDS for w in words) / len(words)
        feats.append(f"func={bucket(function, (0.05, 0.15, 0.3))}")
        capitals = len(_CAPITAL_WORD.findall(text)) / len(words)
        feats.append(f"caps={bucket(capitals, (0.2, 0.5, 0.8))}")
        digits = (len(text) - len(text.translate(_NO_DIGITS))) / len(text)
        feats.append(f"digits={bucket(digits, (0.02, 0.1, 0.3))}")
    if text.isupper() and len(text) > 3:
        feats.append("allcaps")
    commas = text.count(",")
    feats.append(f"commas={min(commas, 3)}")
    periods = text.count(". ")
    feats.append(f"periods={min(periods, 3)}")
    title = heading_title(text)
    if len(title) <= 70:
        if BIBLIOGRAPHY_HEADING.match(title):
            feats.append("bib_heading")
        elif ENDNOTES_HEADING.match(title):
            feats.append("notes_heading")
        elif BACK_MATTER_HEADING.match(title):
            feats.append("back_heading")
    return feats
