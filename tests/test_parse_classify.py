"""Reference types from fields and wording: conference papers, journals named "Proceedings"."""

from __future__ import annotations

import pytest

from audit.parse.classify import classify


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"author": ["K. He"], "title": "Deep residual learning", "container-title": "Proc. CVPR",
                      "date": "2016", "pages": "770-778"}, "chapter", id="proc-abbreviated"),
        pytest.param({"author": ["A. Smith"], "title": "Rivers", "container-title": "Proceedings of the 3rd "
                      "Workshop on Water", "date": "2019", "pages": "1-9"}, "chapter", id="proceedings-of-workshop"),
        pytest.param({"author": ["J. Dupont"], "title": "L'eau", "container-title": "Actes du colloque de Lyon",
                      "date": "2001"}, "chapter", id="french-actes"),
        pytest.param({"author": ["A. Kramer"], "title": "Emotional contagion",
                      "container-title": "Proceedings of the National Academy of Sciences", "volume": "111",
                      "issue": "24", "pages": "8788-8790"}, "article", id="pnas-is-a-journal"),
        pytest.param({"author": ["B. Lee"], "title": "Dams", "container-title": "Water Policy", "volume": "3",
                      "pages": "1-9"}, "article", id="plain-journal"),
    ],
)
def test_conference_papers_are_chapters_journals_stay_articles(fields: dict, expected: str) -> None:
    assert classify(fields, "") == expected
