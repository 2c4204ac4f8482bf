"""Where a reference list ends (`audit.extract.list_end`), on lists written for one behaviour each: the
line models are left out, so that each test sees exactly the entries it names."""

from __future__ import annotations

from audit.extract.list_end import without_trailing_matter
from audit.models import Line
from audit.zoning import ListEntry, ReferenceList

REFERENCES = [f"{name}, Anne. 20{k:02d}. A study of rivers number {k}. Water Journal {k}: 1-20."
              for k, name in enumerate(["Adams", "Baker", "Chen", "Dupont", "Evans", "Fisher", "Garcia", "Hughes",
                                        "Ivanov", "Jones"], start=1)]


def listing(*parts: list[str], sections: tuple[str | None, ...] = ()) -> ReferenceList:
    """A list of one-line entries; a part after the first starts on a new page (a form feed)."""
    entries = []
    for p, part in enumerate(parts):
        for k, text in enumerate(part):
            feed = "\f" if p and not k else ""
            section = sections[p] if p < len(sections) else None
            entries.append(ListEntry(section, (Line(len(entries) + 1, 0, feed + text),)))
    return ReferenceList("References", None, 1, len(entries), (), tuple(entries))


def names(found: ReferenceList) -> list[str]:
    return [item.lines[0].text.lstrip("\f").split(",")[0].split()[0] for item in without_trailing_matter(found).entries]


def test_a_list_of_references_is_left_whole():
    assert names(listing(REFERENCES[:5], REFERENCES[5:])) == [r.split(",")[0] for r in REFERENCES]


def test_a_series_list_with_numbers_is_cut_off_wherever_it_starts():
    series = [f"No. {k}/199{k} A working paper title number {k}. Author Name{k}" for k in range(1, 7)]
    assert names(listing(REFERENCES[:4] + series)) == ["Adams", "Baker", "Chen", "Dupont"]


def test_series_codes_at_the_entry_start_are_series_numbers():
    for code in ("{k}/200{k}", "FS II 95-10{k}", "WP 05/{k}"):
        series = [code.format(k=k) + f" Author Name{k} A working paper title number {k}" for k in range(1, 7)]
        assert names(listing(REFERENCES[:4] + series)) == ["Adams", "Baker", "Chen", "Dupont"], code


def test_issue_numbers_inside_references_are_not_series_numbers():
    cited = [f"Zeller, Karl, 200{k}: Article {k}, in: Technology Review {k}/200{k}: 20-41" for k in range(1, 7)]
    assert len(without_trailing_matter(listing(REFERENCES[:4] + cited)).entries) == 10


def test_a_table_after_the_references_is_cut_off():
    rows = [f"Country{k} 199{k} No (198{k}) 2000 2001" for k in range(1, 6)]
    assert names(listing(REFERENCES[:4] + rows)) == ["Adams", "Baker", "Chen", "Dupont"]


def test_short_vancouver_references_are_not_table_rows():
    short = [f"{k}. Kim J, Lee K. Nature. 201{k};375:1{k}3-9." for k in range(1, 8)]
    assert len(without_trailing_matter(listing(short)).entries) == 7


UNDATED = [f"Writer{k}, Anne. The title of a discussion paper, number {k}. Cologne: The Institute."
           for k in range(1, 7)]


def test_undated_entries_from_a_new_page_on_end_the_list():
    assert names(listing(REFERENCES[:4], UNDATED)) == ["Adams", "Baker", "Chen", "Dupont"]


def test_undated_entries_on_the_same_page_are_kept():
    assert len(without_trailing_matter(listing(REFERENCES[:4] + UNDATED)).entries) == 10


OTHER_TITLES = [f"{name}, Karl, 200{k}: Another paper in the publisher's series, number {k}."
                for k, name in enumerate(["Weber", "Schulz", "Mayer", "Keller", "Bauer", "Fischer"], start=1)]


def test_dated_entries_out_of_alphabetical_order_from_a_new_page_on_end_a_sorted_list():
    assert names(listing(REFERENCES, OTHER_TITLES)) == [r.split(",")[0] for r in REFERENCES]


def test_a_new_alphabetical_section_on_a_new_page_is_kept():
    found = listing(REFERENCES, sorted(OTHER_TITLES), sections=("Primary sources", "Secondary sources"))
    assert len(without_trailing_matter(found).entries) == 16


def test_a_numbered_list_goes_by_number_not_by_name():
    numbered = [f"{k}. {name}" for k, name in enumerate([*REFERENCES, *OTHER_TITLES], start=1)]
    assert len(without_trailing_matter(listing(numbered[:10], numbered[10:])).entries) == 16


def test_the_back_matter_lines_that_ran_into_the_last_reference_are_dropped():
    last = ListEntry(None, (Line(4, 0, REFERENCES[3]), Line(5, 0, "\fDiscussion Papers of the Institute")))
    entries = (*listing(REFERENCES[:3]).entries, last,
               *(ListEntry(None, (Line(6 + k, 0, text),)) for k, text in enumerate(UNDATED)))
    cut = without_trailing_matter(ReferenceList("References", None, 1, 11, (), entries))
    assert len(cut.entries) == 4 and [line.number for line in cut.entries[-1].lines] == [4]


def test_a_series_list_with_order_numbers_is_cut_off():
    series = [f"Author Name{k}, Title of working paper {k} (200{k}) Bestell-Nr. TUTS-WP-{k}-200{k}"
              for k in range(1, 7)]
    assert names(listing(REFERENCES[:4] + series)) == ["Adams", "Baker", "Chen", "Dupont"]


def test_a_report_number_in_a_few_references_does_not_end_the_list():
    cited = [*REFERENCES[:6], "Vertovec, Steven (2002) Networks. WPTC-02-02, Oxford.", *REFERENCES[6:]]
    assert len(without_trailing_matter(listing(cited)).entries) == 11


def test_two_report_numbers_and_a_contact_line_at_the_end_do_not_end_the_list():
    # Two working papers of one series near the end, a last reference, then the author's contact line.
    tail = ["Vertovec, Steven (2001) Formations. WPTC-01-16 - ESRC Programme. Oxford.",
            "Vertovec, Steven (2002) Networks. WPTC-02-02 - ESRC Programme. Oxford.",
            "Zipf, George (1946) The P1 P2 / D Hypothesis. American Sociological Review 11: 677-686.",
            "Kontakt: someone@example.org"]
    assert names(listing(REFERENCES[:6] + tail)) == [*[r.split(",")[0] for r in REFERENCES[:6]],
                                                     "Vertovec", "Vertovec", "Zipf"]


def _multiline(texts: list[str]) -> ListEntry:
    return ListEntry(None, tuple(Line(n + 1, 0, text) for n, text in enumerate(texts)))


def test_a_chart_read_as_one_last_entry_is_dropped():
    chart = ["Country Module Archived Study", "Australia 1996", "(2003) 1997", "1998", "1999 No", "USA 1997",
             "(1984) 1998", "2000"]
    entries = (*listing(REFERENCES[:3]).entries, _multiline(chart))
    found = without_trailing_matter(ReferenceList("References", None, 1, 20, (), entries))
    assert len(found.entries) == 3


def test_a_last_reference_over_several_lines_is_kept():
    # Hard negative: a long last entry, and a short undated one with enough words.
    last = ["Zipf, George Kingsley (1946) The P1 * P2 / D Hypo-", "thesis. In: American Sociological",
            "Review, Vol. 11, October,", "677-686."]
    entries = (*listing(REFERENCES[:3]).entries, _multiline(last), _multiline(["UNODC. World Drug Report."]))
    found = without_trailing_matter(ReferenceList("References", None, 1, 20, (), entries))
    assert len(found.entries) == 5


def test_an_appendix_that_ran_into_the_list_ends_it():
    appendix = ["Appendix Please tell us which other study the survey was fielded with (topic, survey name).",
                *[f"{k} Country{k} Fielded together with the survey of 200{k} (Citizenship)." for k in range(1, 6)]]
    assert names(listing(REFERENCES[:5] + appendix)) == [r.split(",")[0] for r in REFERENCES[:5]]


def test_a_reference_mentioning_an_appendix_is_kept():
    # Hard negative: the word inside a reference, not opening an entry.
    cited = [*REFERENCES[:5], "Kim, Jae (2003). Appendix tables to the survey. Seoul: KDI.", *REFERENCES[5:]]
    assert len(without_trailing_matter(listing(cited)).entries) == 11


def test_a_licence_notice_after_the_references_is_dropped():
    notice = ("This work is licensed under a Creative Commons Attribution 4.0 License: "
              "creativecommons.org/licenses/by/4.0/")
    assert len(without_trailing_matter(listing(REFERENCES[:4] + [notice])).entries) == 4
    # hard negative: a dated reference about the licences stays
    cited = "Lessig, Lawrence (2004). Free Culture. Creative Commons edition. New York: Penguin."
    assert len(without_trailing_matter(listing(REFERENCES[:4] + [cited])).entries) == 5


def test_a_series_list_under_its_own_heading_ends_the_list():
    series = ["Bereits erschienene Soziologische Arbeitspapiere",
              *[f"Ein Arbeitspapier über Thema {k} (Februar 200{k})" for k in range(1, 6)]]
    assert names(listing(REFERENCES[:5] + series)) == [r.split(",")[0] for r in REFERENCES[:5]]


def test_a_series_list_whose_entries_alternate_with_author_lines_is_cut_off():
    # "No. 3/1991 Title." then "Thomas Schweer und Hermann Strasser." on a line of its own: half the entries
    # carry a series number, the others are undated names
    series = []
    for k in range(1, 7):
        series += [f"No. {k}/1991 A working paper title number {k} about the city.", f"Author{k} Name und Other Name."]
    assert names(listing(REFERENCES[:6] + series)) == [r.split(",")[0] for r in REFERENCES[:6]]


def test_undated_entries_without_series_numbers_do_not_end_the_list_on_the_same_page():
    undated = [f"Archive{k}, Anne. Letters to the river commission, box {k}. Cologne: State Archive."
               for k in range(1, 7)]
    assert len(without_trailing_matter(listing(REFERENCES[:6] + undated)).entries) == 12


def test_a_chart_whose_rows_ran_together_into_entries_is_cut_off():
    # pdfplumber reads a chart's cells in rows: "1996 No Australia 1997 No (1984) 1998 1999 2000 No 2001 …"
    chart = [f"Country Module Archived Study {k} 1996 No Austria 1997 (1985) 1998 1999 2000 No 2001 2002 2003"
             for k in range(1, 6)]
    assert names(listing(REFERENCES[:3] + chart)) == ["Adams", "Baker", "Chen"]


def test_a_reference_naming_a_few_years_is_kept():
    reprint = ["Weber, Max. 1984 [1904]. Die protestantische Ethik. Reprint of the 1920 edition, 2nd ed. 1988."]
    assert len(without_trailing_matter(listing(REFERENCES[:6] + reprint)).entries) == 7


def test_an_unnamed_list_that_ends_the_text_is_judged_without_the_series_list_it_ran_into():
    from audit.extract.bibliography import _is_trailing_list

    series = [f"No. {k}/1993 A working paper title number {k}." for k in range(1, 9)]
    found = listing(REFERENCES[:5] + series)
    found = ReferenceList(None, None, 1, found.last_line, (), found.entries)
    lines = [line for item in found.entries for line in item.lines]
    # five references, then eight series entries to the end of the text
    assert _is_trailing_list(found, without_trailing_matter(found), lines)
    series_only = ReferenceList(None, None, 1, 8, (), found.entries[5:])
    assert not _is_trailing_list(series_only, without_trailing_matter(series_only), lines[5:])


def test_a_series_list_read_as_a_list_of_its_own_does_not_hide_the_references_before_it():
    from audit.extract.bibliography import paper_lists

    series = [f"No. {k}/1993 A working paper title number {k}." for k in range(1, 9)]
    lines = [Line(k + 1, 0, text) for k, text in enumerate([*REFERENCES[:5], "", *series])]
    references = ReferenceList(None, None, 1, 5, (), tuple(ListEntry(None, (line,)) for line in lines[:5]))
    back = ReferenceList(None, None, 7, 14, (), tuple(ListEntry(None, (line,)) for line in lines[6:]))
    assert paper_lists([references, back], lines) == [references]
    # hard negative: when the list after is references too, the unnamed list before it is no paper's list
    more = [Line(k + 7, 0, text) for k, text in enumerate(REFERENCES[5:])]
    other = ReferenceList(None, None, 7, 11, (), tuple(ListEntry(None, (line,)) for line in more))
    assert paper_lists([references, other], [*lines[:6], *more]) == [other]
