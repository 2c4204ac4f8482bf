"""The comma-style rules: which references they take, and the segment shapes they read."""

from __future__ import annotations

import pytest

from audit.parse.comma_style import parse_comma_style


def test_a_genre_word_before_the_quoted_title_is_read() -> None:
    fields = parse_comma_style('Emerson, Michael, Conference "Into EurAsia", Brussels, 2010')
    assert fields is not None and fields["genre"] == "Conference" and fields["title"] == "Into EurAsia"


@pytest.mark.parametrize("text", [
    "Rogoff, Ken. 2014. “The Exaggerated Death of Inflation.”.",
    'A. Gupta, D. Quass. "Aggregate-Query Processing", Proceedings of the 21st VLDB Conference, Zurich, 1995.',
    'Renne, P. R., Comment on: "K-Ar evidence from illitic clays", Earth and Planetary Science Letters, 2002.',
])
def test_names_or_a_year_closed_by_a_period_before_the_title_are_left_to_the_crf(text: str) -> None:
    assert parse_comma_style(text) is None


def test_number_segments_are_volume_then_issue_with_the_year() -> None:
    fields = parse_comma_style("Devakumar J., “Caste Clashes”, in Social Scientist, 35, 11/12 (2007), pp. 39-54.")
    assert fields is not None
    assert (fields["volume"], fields["issue"], fields["date"]) == ("35", "11/12", "2007")


def test_a_year_segment_is_not_a_volume() -> None:
    fields = parse_comma_style("Adam, V., « Formes », Cahiers Tristan, 22, 2000, p. 47-61.")
    assert fields is not None and fields["volume"] == "22" and fields["date"] == "2000" and "issue" not in fields
