"""Where a reference list ends: what the line models take for more references after the last one.

A publisher's series list ("No. 3/1993 Title. Author", "FS II 95-101 AUTHOR: Title"), a table or chart, or
other back matter often follows the references on the page or the next, set much like them. From some
entry on, most entries then carry a series number or are table rows; or, from the top of a new page on,
they have no year, address or DOI, or break the alphabetical order the references kept. The list is cut
at the change point that best separates the references before from that matter after.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from audit.extract.blocks import join_lines
from audit.extract.patterns import DOI_LIKE, NO_DATE, URL_LIKE, YEAR

MIN_REFERENCE_CHARS = 25  # shorter paragraphs ("1/2006") are list labels, not references
# A working-paper series list at the back: "No. 3/1993", "Nr. 12/2003", "Heft 4/1999" on most entries,
# or the series code leading the entry: "12/2003 Hans Weyer Title (June 2003)", "FS II 95-101 AUTHOR: Title".
SERIES_NUMBER = re.compile(r"\b(?:No|Nr|Heft|Band|Bd|Vol)\.?\s?\d{1,3}\s?/\s?(?:1[89]|20)?\d\d\b"
                           r"|^(?:[A-Z][A-Za-z.]{0,5}\s){0,3}\d{1,4}\s?[-/]\s?\d{1,4}\*?\s")
# ... or the series' order number anywhere in the entry: "Bestell-Nr. TUTS-WP-4-2007"
SERIES_ORDER_NUMBER = re.compile(r"\b[A-Z]{2,}(?:-[A-Z]{2,})*-\d{1,3}-(?:19|20)?\d\d\b")
MIN_SERIES_ENTRIES = 4
MIN_REFERENCE_WORDS = 3  # words of three letters or more: even "Kim J, Lee K. Nature. 2010;375:1-9." has three
MIN_SERIES_SHARE = 0.6
# An entry opening with an appendix or a series list's heading: "Appendix …", "Bereits erschienene Arbeitspapiere"
APPENDIX = re.compile(r"^\W*(?:appendix|appendices|anhang|annex|anexo|allegato|bereits erschienen|in dieser reihe|"
                      r"zuletzt erschienen|(?:other|recent|previous) (?:working )?(?:papers|titles|publications)\b"
                      r"|also (?:available|published) in this series)", re.IGNORECASE)
# An open-access journal's licence notice after the references ("This work is licensed under a Creative Commons …")
LICENCE = re.compile(r"creative\s?commons|licen[cs]ed under|rel=\"license\"|lizenziert unter", re.IGNORECASE)
MIN_CHART_LINES = 4  # a last entry of this many lines or more, most of them table rows, is a chart
CHART_ROW_SHARE = 0.6
MIN_CHART_YEARS = 6  # an entry naming this many years is a chart's rows run together ("1996 No Australia 1997 …")
MIN_SORTED_SHARE = 0.8  # a list whose entries keep alphabetical order this often is sorted by author
MIN_SORTED_ENTRIES = 8  # ... judged on this many entries at least
_LABEL = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?\s)")  # "12. ", "[12] ", "(12) ", "12 "


def is_reference_like(text: str) -> bool:
    """Long enough for a reference, with a year, "n.d.", an address or a DOI."""
    text = text.strip()
    if len(text) < MIN_REFERENCE_CHARS:
        return False
    return bool(YEAR.search(text) or NO_DATE.search(text) or URL_LIKE.search(text) or DOI_LIKE.search(text))


def _is_table_row(text: str) -> bool:
    """A row of a table or chart after the references ("1996 No Austria 1997 No", "(1985) 1998 1999"): too
    few words for a reference, or more figures than letters."""
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 3]
    letters = sum(c.isalpha() for c in text)
    return len(words) < MIN_REFERENCE_WORDS or letters < sum(c.isdigit() for c in text)


def _is_chart(lines) -> bool:
    """Several lines, most of them table rows ("USA 1997", "(1984) 1998"): a chart read as one entry."""
    if len(lines) < MIN_CHART_LINES:
        return False
    return sum(1 for line in lines if _is_table_row(line.text)) >= CHART_ROW_SHARE * len(lines)


def _is_trailing_scrap(lines, text: str) -> bool:
    """The last entry is a chart, a short line with no year or address ("Kontakt: name@example.org") or the
    journal's licence notice (undated) that the references ran into."""
    if _is_chart(lines) or LICENCE.search(text) and not YEAR.search(text):
        return True
    return len(lines) < MIN_CHART_LINES and _is_table_row(text) and not is_reference_like(text)


def back_matter_start(entries: Sequence[Sequence], texts: Sequence[str], *, rows: bool = True) -> int | None:
    """The index of the entry (its lines, and its text) where a series list, a chart or an appendix that ran
    into a reference list starts; None where nothing did. `rows=False` leaves short entries out of the signs
    (table rows), where the entries come from paragraphs under a heading: there a short line is as often a
    short reference ("Water Act, 1998.")."""
    strong = [bool(SERIES_NUMBER.search(text[:60]) or SERIES_ORDER_NUMBER.search(text))
              or rows and (_is_table_row(text) or _is_chart(lines)) or len(YEAR.findall(text)) >= MIN_CHART_YEARS
              for lines, text in zip(entries, texts, strict=True)]
    appendix = next((k for k, text in enumerate(texts) if APPENDIX.match(text)), None)
    if appendix is not None:  # an appendix or series list that ran into the list: nothing after it is a reference
        strong[appendix:] = [True] * (len(texts) - appendix)
    # between series entries, the lines a series list also holds ("Thomas Schweer und Hermann Strasser.") are
    # no references either: undated, or too short for one
    weak = [not is_reference_like(text) for text in texts]
    return _change_point(strong, weak)


def without_trailing_matter(found):
    """The reference list (`zoning.ReferenceList`) up to where back matter starts (see the module's note)."""
    texts = [join_lines(line.text for line in item.lines) for item in found.entries]
    cut = back_matter_start([item.lines for item in found.entries], texts)
    if cut is not None:
        kept = list(found.entries[:cut])
    else:  # weaker signs end the list only where a new page starts, with its first entry or just before
        cut = _page_cut(found.entries, texts)
        kept = list(found.entries[:cut] if cut is not None else found.entries)
        if kept and cut is not None:  # the page's first lines that ran into the last reference are back matter
            lines = kept[-1].lines
            kept[-1] = replace(kept[-1], lines=lines[:_page_break_before(found.entries, cut) or len(lines)])
    while kept and _is_trailing_scrap(kept[-1].lines, texts[len(kept) - 1]):
        kept.pop()
    if len(kept) == len(found.entries) and cut is None:
        return found
    return replace(found, entries=tuple(kept), last_line=kept[-1].lines[-1].number if kept else found.first_line)


def _sort_key(text: str) -> str:
    """The first letter of an entry's first word, without accents ("Ó Tuathail" sorts under O)."""
    word = next((w for w in text.split() if any(c.isalpha() for c in w)), "")
    letter = next((c for c in word if c.isalpha()), "")
    return unicodedata.normalize("NFKD", letter)[:1].upper()


def _unsorted(texts: Sequence[str]) -> list[bool]:
    """Per entry, whether it comes before an earlier entry in the alphabet."""
    flags: list[bool] = []
    highest = ""
    for text in texts:
        key = _sort_key(text)
        flags.append(bool(key) and key < highest)
        highest = max(highest, key)
    return flags


def _page_cut(entries, texts: Sequence[str]) -> int | None:
    """The page break after which most entries have no year, address or DOI, or (in a list sorted by author
    up to there) are out of alphabetical order among themselves; of several, the one most of whose tail
    is such. A new alphabetical section is in order among itself, so it stays."""
    dated = [is_reference_like(text) for text in texts]
    by_author = sum(1 for text in texts if _LABEL.match(text)) < len(texts) / 2  # numbered lists go by number
    best, best_score = None, 0
    for k in range(1, len(entries) - MIN_SERIES_ENTRIES + 1):
        if _page_break_before(entries, k) is None:
            continue
        head = [t for t, d in zip(texts[:k], dated[:k], strict=True) if d]
        sorted_head = (by_author and len(head) >= MIN_SORTED_ENTRIES
                       and sum(1 for flag in _unsorted(head) if not flag) >= MIN_SORTED_SHARE * len(head))
        tail_refs = [t for t, d in zip(texts[k:], dated[k:], strict=True) if d]
        flagged = sum(1 for d in dated[k:] if not d) + (sum(_unsorted(tail_refs)) if sorted_head else 0)
        tail = len(entries) - k
        score = 2 * flagged - tail
        if flagged >= MIN_SERIES_SHARE * tail and score > best_score:
            best, best_score = k, score
    return best


def _page_break_before(entries, k: int) -> int | None:
    """Where a new page starts just before entry k: 0 when the entry itself starts the page, else the index
    of the line within the entry before it that does (its first line excepted); None without one."""
    if entries[k].lines[0].text.startswith("\f"):
        return 0
    if k:
        return next((n for n, line in enumerate(entries[k - 1].lines) if n and line.text.startswith("\f")), None)
    return None


def _change_point(strong: Sequence[bool], weak: Sequence[bool]) -> int | None:
    """The entry from which on most entries are flagged (strongly or weakly) and before which few are (the best
    split); it opens with a strongly flagged entry and the tail holds a few of them itself (two report
    numbers and a contact line are not a series list; undated entries alone end no list here)."""
    if sum(strong) < MIN_SERIES_ENTRIES:
        return None
    flags = [s or w for s, w in zip(strong, weak, strict=True)]
    before = [0]
    for flag in flags:
        before.append(before[-1] + (not flag))
    after, after_strong = sum(flags), sum(strong)
    best, best_score = None, -1
    for k in range(len(flags)):
        score = before[k] + after
        tail = len(flags) - k
        if (strong[k] and after_strong >= MIN_SERIES_ENTRIES and after >= MIN_SERIES_SHARE * tail
                and score > best_score):
            best, best_score = k, score
        after -= flags[k]
        after_strong -= strong[k]
    return best
