"""Corporate authors: every way an entry names the body is an alias a short citation may use."""

from __future__ import annotations

from audit.matching import authors_match
from audit.persons import names_of


def _matches(short: str, full: str) -> bool:
    return authors_match(names_of((short,)), names_of((full,)))


def test_acronym_and_full_name_on_either_side_of_a_dash():
    assert _matches("WHO", "WHO – World Health Organization")
    assert _matches("World Health Organization", "WHO – World Health Organization")


def test_a_name_with_its_gloss_in_parentheses_and_a_year_left_on_it():
    assert _matches("Socialstyrelsen", "Socialstyrelsen (National Board of Health and Welfare)(2002)")
    assert _matches("Socialstyrelsen", "Socialstyrelsen (National Board of Health and Welfare)")


def test_different_bodies_stay_apart():
    # hard negatives: a part of a name that is not one of its names
    assert not _matches("Health", "WHO – World Health Organization")
    assert not _matches("UNICEF", "WHO – World Health Organization")
    assert not _matches("National Board", "Socialstyrelsen (National Board of Health and Welfare)")
