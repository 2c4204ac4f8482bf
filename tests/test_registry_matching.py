"""Matching a cited work to a registry record: scores, acceptance (with hard negatives) and differences."""

from __future__ import annotations

from audit.registry.matching import compare, is_abbreviation, page_range, title_similarity
from audit.registry.records import RegistryRecord

RECORD = RegistryRecord(
    source="crossref", id="10.2307/1914185", type="journal-article", title="Prospect Theory",
    subtitle="An Analysis of Decision under Risk", authors=(("Kahneman", "Daniel"), ("Tversky", "Amos")),
    years=(1979,), container=("Econometrica",), volume="47", issue="2", pages="263-291", doi="10.2307/1914185")
CITED = {"author": ("Kahneman, D.", "Tversky, A."), "title": "Prospect theory: an analysis of decision under risk",
         "date": "1979", "container-title": "Econometrica", "volume": "47", "issue": "2", "pages": "263-91"}


def fields(**changes: object) -> dict:
    return {**CITED, **changes}


def test_the_work_as_published_is_accepted_without_differences() -> None:
    match = compare(CITED, RECORD)
    assert match.accepted and match.differences == () and match.score == 100


def test_subtitle_dropped_case_and_leading_article_do_not_count() -> None:
    assert title_similarity("Prospect theory", RECORD) == 100  # the registered main title
    whole = RegistryRecord("openalex", "W1", "article", "Prospect Theory: An Analysis of Decision under Risk")
    assert title_similarity("Prospect theory", whole) == 95  # OpenAlex gives title and subtitle as one
    assert title_similarity("PROSPECT THEORY: AN ANALYSIS OF DECISION UNDER RISK", RECORD) == 100
    assert compare(fields(title="Prospect theory"), RECORD).differences == ()


def test_a_typo_in_the_title_is_still_the_work() -> None:
    match = compare(fields(title="Prospect theory: an analysis of decison under risk"), RECORD)
    assert match.accepted and match.differences == ()


def test_one_wrong_field_is_a_difference_with_both_values() -> None:
    match = compare(fields(date="1981"), RECORD)
    assert match.accepted
    assert [(d.field, d.cited, d.registered) for d in match.differences] == [("date", "1981", "1979")]
    assert [d.field for d in compare(fields(volume="48"), RECORD).differences] == ["volume"]
    assert [d.field for d in compare(fields(pages="273-301"), RECORD).differences] == ["pages"]


def test_an_author_spelled_differently_is_named() -> None:
    match = compare(fields(author=("Kahnemann, D.", "Tversky, A.")), RECORD)
    assert match.accepted
    assert [(d.field, d.cited) for d in match.differences] == [("author", "Kahnemann, D.")]


def test_initials_must_be_compatible() -> None:
    assert compare(fields(author=("Kahneman, Daniel", "Tversky, A. N.")), RECORD).differences == ()
    match = compare(fields(author=("Kahneman, J.", "Tversky, A.")), RECORD)
    assert [(d.field, d.cited, d.registered) for d in match.differences] == [
        ("author", "Kahneman, J.", "Kahneman, Daniel")]


def test_accents_and_transliteration_are_no_difference() -> None:
    record = RegistryRecord("crossref", "x", "journal-article", "Coral reef resilience",
                            authors=(("Sørensen", "Mette"),), years=(2010,))
    match = compare({"author": ("Sorensen, M.",), "title": "Coral reef resilience", "date": "2010"}, record)
    assert match.accepted and match.differences == ()


def test_online_first_year_agrees() -> None:
    record = RegistryRecord("openalex", "W1", "article", "Coral reef resilience", authors=(("Varga", "Zs."),),
                            years=(2011,))  # OpenAlex gives the online year; the print year is 2012
    match = compare({"author": ("Varga, Z.",), "title": "Coral reef resilience", "date": "2012"}, record)
    assert match.accepted and match.differences == ()
    assert [d.field for d in compare({"author": ("Varga, Z.",), "title": "Coral reef resilience", "date": "2010"},
                                     record).differences] == ["date"]


def test_abbreviated_journal_agrees() -> None:
    assert is_abbreviation("proc natl acad sci", "proceedings of the national academy of sciences")
    assert not is_abbreviation("j urban econ", "journal of environmental management")
    match = compare(fields(**{"container-title": "Econometrica"}), RECORD)
    assert match.differences == ()


def test_page_ranges() -> None:
    assert page_range("263-91") == ("263", "291")
    assert page_range("e124") == ("e124", "")
    assert page_range("1669–1674") == ("1669", "1674")


def test_another_paper_of_the_same_authors_is_rejected() -> None:
    match = compare(fields(title="Judgment under uncertainty: heuristics and biases", date="1974",
                           **{"container-title": "Science", "volume": "185"}), RECORD)
    assert not match.accepted and "title similarity" in match.reason


def test_a_similar_title_with_everything_else_different_is_rejected() -> None:
    """A made-up reference borrowing a real title's pattern: close title, but year, journal, volume, pages
    all disagree."""
    record = RegistryRecord("crossref", "10.1/x", "journal-article",
                            "A longitudinal study of informal labour markets in the Arctic",
                            authors=(("Chakraborty", "Elena"),), years=(1998,), container=("Water Research",),
                            volume="24", pages="369-379")
    cited = {"author": ("Chakraborty, Elena",), "title": "A longitudinal study of informal labour markets in alpine "
             "catchments", "date": "2008", "container-title": "Social Science & Medicine", "volume": "50",
             "pages": "101-118"}
    match = compare(cited, record)
    assert not match.accepted and "disagree" in match.reason


def test_same_title_but_no_author_in_common_needs_the_year() -> None:
    other = fields(author=("Smith, J.",))
    assert compare(other, RECORD).accepted  # identical title and year: a parse that lost the names
    assert not compare({**other, "date": "1990"}, RECORD).accepted


def test_registry_markup_in_titles_is_read_as_text() -> None:
    from audit.registry.crossref import read_work

    record = read_work({"DOI": "10.1/x", "title": ["Growth of <i>Escherichia coli</i> in milk &amp; whey"],
                        "author": [{"family": "Rossi", "given": "G."}], "issued": {"date-parts": [[2010]]},
                        "container-title": ["Food &amp; Function"]})
    assert record.title == "Growth of Escherichia coli in milk & whey"
    assert record.container == ("Food & Function",)
    match = compare({"author": ("Rossi, G.",), "title": "Growth of Escherichia coli in milk and whey",
                     "date": "2010"}, record)
    assert match.accepted


def test_a_book_cited_with_its_first_years_is_no_mismatch() -> None:
    edition = RegistryRecord("openlibrary", "/books/OL1M", "book", "The structure of scientific revolutions",
                             authors=(("Kuhn", "Thomas S."),), years=(2012,))
    match = compare({"author": ("Kuhn, Thomas S.",), "title": "The Structure of Scientific Revolutions",
                     "date": "1962"}, edition)
    assert match.accepted and match.differences == ()


DEEP = RegistryRecord("crossref", "10.1038/nature14539", "journal-article", "Deep learning",
                      authors=(("LeCun", "Yann"), ("Bengio", "Yoshua"), ("Hinton", "Geoffrey")), years=(2015,),
                      container=("Nature",), volume="521", issue="7553", pages="436-444", doi="10.1038/nature14539")


def test_a_damaged_title_is_the_work_when_everything_else_agrees() -> None:
    cited = {"author": ("LeCun, Y.", "Bengio, Y."), "title": "A review of representation learning in vision",
             "date": "2015", "container-title": "Nature", "volume": "521", "pages": "436-444"}
    match = compare(cited, DEEP)
    assert match.accepted and "first author, the year and 3" in match.reason
    assert [d.field for d in match.differences] == ["title"]


def test_a_title_parsed_with_too_much_is_no_title_difference() -> None:
    cited = fields(title="Prospect theory an analysis of decision under risk Econometrica")
    assert compare(cited, PROSPECT_NO_SUBTITLE).differences == ()


def test_same_authors_and_year_but_other_volume_and_pages_is_another_work() -> None:
    cited = {"author": ("LeCun, Y.",), "title": "Convolutional priors for sparse protein graphs", "date": "2015",
             "container-title": "Nature", "volume": "518", "pages": "529-533"}
    assert not compare(cited, DEEP).accepted


PROSPECT_NO_SUBTITLE = RegistryRecord("crossref", "10.2307/1914185", "journal-article",
                                      "Prospect theory: an analysis of decision under risk",
                                      authors=(("Kahneman", "Daniel"), ("Tversky", "Amos")), years=(1979,),
                                      container=("Econometrica",), volume="47", issue="2", pages="263-291")
