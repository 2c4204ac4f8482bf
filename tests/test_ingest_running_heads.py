"""Running heads, footers and page numbers: removed from PDF pages before anything reads the text."""

from __future__ import annotations

from audit.ingest.pdf_geometry import Page
from audit.ingest.pdf_layout import TextLine
from audit.ingest.pdf_running import drop_running_heads, printed_area

A4_HEIGHT = 842.0


def _line(page: int, top: float, text: str) -> TextLine:
    return TextLine(page=page, top=top, bottom=top + 10, x0=72, x1=400, size=10, tokens=(text,))


def _pages(count: int) -> list[Page]:
    return [Page(number=n, width=595, height=A4_HEIGHT, glyphs=()) for n in range(1, count + 1)]


WORDS = ("prices", "opium", "harvest", "seizures", "farmers", "border", "markets", "survey", "traders", "rainfall",
         "provinces", "yields", "credit", "wages", "roads", "police", "exports", "drought", "courts", "villages")

VERBS = ("north", "south", "east", "west", "centre", "coast", "hills", "plain", "valley", "delta", "capital", "islands")


def _body(page: int, first: float = 120, last: float = 560) -> list[TextLine]:
    """Ordinary text lines, different on every page, from `first` to `last`."""
    tops = range(int(first), int(last) + 1, 40)
    return [_line(page, top, f"The {WORDS[page % 20]} of the {VERBS[i]}.") for i, top in enumerate(tops)]


def _texts(kept: dict[int, list[TextLine]]) -> list[str]:
    return [line.text for lines in kept.values() for line in lines]


def test_printed_area_is_the_median_first_and_last_line():
    lines = {n: _body(n) for n in range(1, 6)}
    lines[3].append(_line(3, 800, "A stamp near the sheet's edge on one page"))
    area = printed_area(_pages(5), lines)
    assert (area.top, area.bottom) == (120, 570)


def test_footer_of_a_small_page_printed_on_a4_is_dropped():
    # The journal's page ends three quarters down the sheet; its footer sits there, far from the A4 edge.
    lines = {n: [*_body(n), _line(n, 590, f"Journal of Small Formats 12 ({n + 40})")] for n in range(1, 7)}
    kept = drop_running_heads(_pages(6), lines)
    texts = _texts(kept)
    assert not any("Journal of Small Formats" in t for t in texts)
    assert len(texts) == 6 * len(_body(1))


def test_bare_page_number_at_the_foot_of_the_printed_area_is_dropped():
    lines = {n: [*_body(n), _line(n, 590, str(n + 100))] for n in range(1, 5)}
    texts = _texts(drop_running_heads(_pages(4), lines))
    assert not any(t.isdigit() for t in texts)


def test_left_and_right_heads_letter_spaced_differently_are_dropped():
    # Left pages carry the section title, right pages the paper's title; the letter-spaced capitals break into
    # words differently on each page, and each head is on only half (or less) of the pages.
    left = ["SO ZIAL- U ND WIRTSCHAFTS POLITIK", "SOZ IAL- UND WIRT SCHAFTSPOLITIK", "SOZIAL- UND WIRTSCHAFTSPOLITIK"]
    right = ["MEYER: ARBEIT IM WANDEL", "MEY ER: AR BEIT IM WANDEL", "MEYER: ARBEIT IM WAN DEL"]
    lines = {}
    for n in range(1, 13):
        variant = (n // 2) % 3
        head = f"{3340 + n} {left[variant]}" if n % 2 == 0 else f"{right[variant]} {3340 + n}"
        lines[n] = [_line(n, 100, head), *_body(n)]
    texts = _texts(drop_running_heads(_pages(12), lines))
    assert not any("SOZ" in t or "MEY" in t for t in texts)
    assert len(texts) == 12 * len(_body(1))


def test_lines_at_the_edge_that_differ_from_page_to_page_are_kept():
    # Hard negative: the last line of each page is a different reference at the same height; a heading on one
    # page at the top; a year alone in the middle of a page.
    lines = {n: [*_body(n), _line(n, 590, f"{WORDS[n].title()}, A. ({1990 + n}). On {WORDS[n + 9]}. Press.")]
             for n in range(1, 9)}
    lines[2].insert(0, _line(2, 100, "References"))
    lines[4].insert(3, _line(4, 245, "2007"))
    texts = _texts(drop_running_heads(_pages(8), lines))
    assert "References" in texts
    assert "2007" in texts
    assert sum(t.endswith("Press.") for t in texts) == 8


def test_a_short_note_ending_a_quarter_of_the_pages_is_kept():
    # "Ebd., S. 12." as the last note line of three pages in twelve, at the same height: a note, not a footer.
    lines = {n: [*_body(n), _line(n, 590, f"{n + 20} Ebd., S. {n * 3}." if n % 4 == 0 else f"{n + 20} {WORDS[n]}.")]
             for n in range(1, 13)}
    texts = _texts(drop_running_heads(_pages(12), lines))
    assert sum("Ebd., S." in t for t in texts) == 3


def test_a_short_head_on_the_even_pages_only_is_dropped():
    # "58 ZQF Heft 1/2014" heads the even pages, a little under half of them: a running head all the same.
    lines = {n: [*([_line(n, 100, f"{56 + n} ZQF Heft 1/2014")] if n % 2 == 0 else []), *_body(n)]
             for n in range(1, 22)}
    texts = _texts(drop_running_heads(_pages(21), lines))
    assert not any("ZQF" in t for t in texts)
