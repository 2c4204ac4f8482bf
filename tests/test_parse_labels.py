"""From CRF labels to fields: the repair of short author-date titles, and label mapping."""

from __future__ import annotations

from audit.parse.labels import fields_from_labels, pinpoint_from_labels, repair_labels, split_commentary


def test_short_title_read_as_journal_gets_its_title_back() -> None:
    tokens = "Jones, K. (2010). Floods. Water, 3, 1-9.".split()
    labels = ["author", "author", "date", "journal", "journal", "volume", "pages"]
    repaired = repair_labels(tokens, labels)
    assert repaired == ["author", "author", "date", "title", "journal", "volume", "pages"]
    fields = fields_from_labels(tokens, repaired)
    assert (fields["title"], fields["container-title"]) == ("Floods", "Water")


def test_abbreviated_journal_after_the_date_is_left_alone() -> None:
    tokens = "L. Randall (1999). Phys. Rev. Lett. 83, 3370.".split()
    labels = ["author", "author", "date", "journal", "journal", "journal", "volume", "pages"]
    assert repair_labels(tokens, labels) == labels


def test_reference_with_a_title_is_left_alone() -> None:
    tokens = "Smith, J. (2004). Rivers. Hydrology Today. Water, 3.".split()
    labels = ["author", "author", "date", "title", "journal", "journal", "journal", "volume"]
    assert repair_labels(tokens, labels) == labels


def test_container_not_after_the_date_is_left_alone() -> None:
    """Numbered physics style: no title, the journal follows the authors, not the date."""
    tokens = "E. Yablonovitch, J. Opt. Soc. Am. 1982, 72, 899.".split()
    labels = ["author", "author", "journal", "journal", "journal", "journal", "date", "volume", "pages"]
    assert repair_labels(tokens, labels) == labels


def test_volume_and_issue_split_from_one_label_run() -> None:
    fields = fields_from_labels(["Water,", "12(3),", "45-67."], ["journal", "volume", "pages"])
    assert (fields["volume"], fields["issue"], fields["pages"]) == ("12", "3", "45-67")


def test_vancouver_block_labelled_volume_gives_date_volume_issue_pages() -> None:
    tokens = "Lancet. 2010;375(9):123-30.".split()
    fields = fields_from_labels(tokens, ["journal", "volume"])
    assert (fields["date"], fields["volume"], fields["issue"], fields["pages"]) == ("2010", "375", "9", "123-30")


def test_vancouver_block_without_pages_leaves_them_to_the_next_segment() -> None:
    """AnyStyle's own labelling: `2012;30(15):` is the volume, `1750-1754.` the pages."""
    tokens = "Oncology. 2012;30(15): 1750-1754.".split()
    fields = fields_from_labels(tokens, ["journal", "volume", "pages"])
    assert (fields["date"], fields["volume"], fields["issue"], fields["pages"]) == ("2012", "30", "15", "1750-1754")


def test_vancouver_block_with_month_and_letter_page() -> None:
    tokens = "JAMA. 2003 Mar 5;289:e45.".split()
    fields = fields_from_labels(tokens, ["journal", "date", "date", "date"])
    assert (fields["date"], fields["volume"], fields["pages"]) == ("2003 Mar 5", "289", "e45")


def test_semicolon_in_a_title_is_not_a_vancouver_block() -> None:
    tokens = "Pools; 12 lessons.".split()
    fields = fields_from_labels(tokens, ["title", "title", "title"])
    assert fields == {"title": "Pools; 12 lessons"}


def test_pinpoint_from_crf_labels_loses_its_locator_word() -> None:
    tokens = "Rossi, M., La città, Bari 1998, p. 3 n. 4.".split()
    labels = ["author"] * 2 + ["title"] * 2 + ["location", "date"] + ["pinpoint"] * 4
    assert pinpoint_from_labels(tokens, labels) == "3 n. 4"
    assert pinpoint_from_labels("hier S. 50–52.".split(), ["pinpoint"] * 3) == "50-52"


def test_no_pinpoint_label_is_no_pinpoint() -> None:
    assert pinpoint_from_labels(["Smith,", "T."], ["author", "title"]) is None
    assert fields_from_labels(["Vgl.", "Smith,", "T.", "S.", "4."], ["signal", "author", "title", "pinpoint",
                                                                     "pinpoint"]) == {"author": ["Smith"],
                                                                                      "title": "T"}


def test_lower_case_prose_after_a_quoted_title_is_commentary() -> None:
    tokens = 'The "Joint Declaration in Paris" is available'.split()
    labels = split_commentary(tokens, ["title"] * 7)
    assert labels == ["title"] * 5 + ["note"] * 2
    assert fields_from_labels(tokens, labels)["title"] == 'The "Joint Declaration in Paris'


def test_words_after_a_quoted_title_that_are_not_prose_stay() -> None:
    unquoted = "Water in the city is scarce".split()
    assert split_commentary(unquoted, ["title"] * 6) == ["title"] * 6
    capitalised = '"Floods" Revisited'.split()
    assert split_commentary(capitalised, ["title"] * 2) == ["title"] * 2
    long_tail = '"Floods" and the rivers of the north'.split()
    assert split_commentary(long_tail, ["title"] * 7) == ["title"] * 7


def test_one_token_holding_volume_and_pages_gives_both() -> None:
    fields = fields_from_labels("Immunity 1998; 8:723-732.".split(), ["journal", "date", "pages"])
    assert (fields["volume"], fields["pages"]) == ("8", "723-732")
    fields = fields_from_labels("J 92(5):3097-105.".split(), ["journal", "pages"])
    assert (fields["volume"], fields["issue"], fields["pages"]) == ("92", "5", "3097-105")


def test_plain_pages_and_volume_runs_stay_as_they_are() -> None:
    fields = fields_from_labels("J 12, 45-67.".split(), ["journal", "volume", "pages"])
    assert (fields["volume"], fields["pages"]) == ("12", "45-67")
    assert "volume" not in fields_from_labels("pp. 3:4".split(), ["note", "note"])


def test_identifiers_lose_their_lead_words() -> None:
    tokens = "doi:10.1000/abc. Available at: http://www. x.org/a.html ISBN 978-3-16-148410-0".split()
    labels = ["doi", "url", "url", "url", "url", "isbn", "isbn"]
    fields = fields_from_labels(tokens, labels)
    assert fields == {"doi": "10.1000/abc", "url": "http://www.x.org/a.html", "isbn": "978-3-16-148410-0"}


def test_volume_with_its_lead_and_issue_in_one_token() -> None:
    assert fields_from_labels("vol. 30(3),".split(), ["volume", "volume"]) == {"volume": "30", "issue": "3"}


def test_what_follows_a_place_colon_in_one_location_run_is_the_publisher() -> None:
    tokens = "Paramonov, Central Asia (Moscow: Nauka, 2005), 12.".split()
    labels = ["author", "title", "title", "location", "location", "date", "pinpoint"]
    assert repair_labels(tokens, labels)[4] == "publisher"
    # hard negatives: a place without a colon, and a colon outside a location run
    tokens = "Paramonov, Central Asia (New York, 2005).".split()
    labels = ["author", "title", "title", "location", "location", "date"]
    assert repair_labels(tokens, labels) == labels
    tokens = "Paramonov, Asia: Notes. Moscow, 2005.".split()
    labels = ["author", "title", "title", "location", "date"]
    assert repair_labels(tokens, labels) == labels
