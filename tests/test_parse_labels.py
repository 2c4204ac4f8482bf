"""From CRF labels to fields: the repair of short author-date titles, and label mapping."""

from __future__ import annotations

from audit.parse.labels import fields_from_labels, repair_labels


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
