"""Vancouver references read by rule, and the texts that must be left to the other parsers."""

from __future__ import annotations

import pytest

from audit.parse import parse_reference
from audit.parse.vancouver import parse_vancouver


def test_single_author_short_title() -> None:
    """The CRF reads "Kim J. Rivers in Asia. BMJ." as one author; the rule does not."""
    assert parse_vancouver("Kim J. Rivers in Asia. BMJ. 2011;342:d45.") == {
        "author": ["Kim J"], "title": "Rivers in Asia", "container-title": "BMJ", "date": "2011", "volume": "342",
        "pages": "d45"}


def test_many_authors_particles_et_al_question_title() -> None:
    fields = parse_vancouver("Kim JH, de la Macorra JC, et al. Is water scarce? J Clin Oncol. 2012;30(15):1750-4.")
    assert fields is not None
    assert fields["author"] == ["Kim JH", "de la Macorra JC"]
    assert (fields["title"], fields["container-title"]) == ("Is water scarce?", "J Clin Oncol")
    assert (fields["volume"], fields["issue"], fields["pages"]) == ("30", "15", "1750-4")


def test_numbered_entry_through_the_parser() -> None:
    parsed = parse_reference("12. Lee K. Water stress in Asia. JAMA. 2003 Mar 5;289(9):1107-16.")
    assert parsed.type == "article"
    assert parsed.fields["author"] == ("Lee K",)
    assert (parsed.fields["title"], parsed.fields["container-title"]) == ("Water stress in Asia", "JAMA")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Brown, A. (2010). Pools; 12 lessons. Water, 3, 1-9.", id="apa-semicolon-in-title"),
        pytest.param("Kim, J. Rivers in Asia. BMJ. 2011;342:d45.", id="comma-after-surname"),
        pytest.param("Kim J. Rivers in Asia. BMJ. 2011;342:d45. Epub 2011 Jan 3.", id="block-not-at-end"),
        pytest.param("Smith, John. Rivers. London: Springer; 2010.", id="chicago-no-block"),
        pytest.param("Kim J. Rivers in Asia 2011;342:d45.", id="no-journal"),
    ],
)
def test_not_vancouver_shape_is_left_alone(text: str) -> None:
    assert parse_vancouver(text) is None


@pytest.mark.parametrize(("text", "title", "journal"), [
    ("Neves CAB. Saúde: a cartografia do trabalho vivo. Cad. Saúde Pública. 2008; 24(8):1953-5.",
     "Saúde: a cartografia do trabalho vivo", "Cad. Saúde Pública"),
    ("Marco MA. Do modelo biomédico ao modelo biopsicossocial. Rev. Bras. Educ. Med. 2006; 30(1):60-72.",
     "Do modelo biomédico ao modelo biopsicossocial", "Rev. Bras. Educ. Med"),
    ("Kim J, Lee K. Floods in Korea. Water Res. 2010;44(2):12-19.", "Floods in Korea", "Water Res"),
])
def test_an_abbreviated_journal_with_periods_stays_whole(text: str, title: str, journal: str) -> None:
    fields = parse_vancouver(text)
    assert fields is not None and (fields["title"], fields["container-title"]) == (title, journal)
