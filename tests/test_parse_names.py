"""Name lists: persons split as written, corporate authors whole."""

from __future__ import annotations

import pytest

from audit.parse.names import clean_name, is_corporate, split_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("D. Trenin and A. Malashenko", ["D. Trenin", "A. Malashenko"], id="initials-and"),
        pytest.param("Melvin, Neil J. and Jos Boonstra", ["Melvin, Neil J.", "Jos Boonstra"], id="inverted-first"),
        pytest.param("Rumer, B. Eugene, Dmitri Trenin and Huasheng Zhao",
                     ["Rumer, B. Eugene", "Dmitri Trenin", "Huasheng Zhao"], id="three-inverted-first"),
        pytest.param("Romero, C., Paunesku, D., & Dweck, C.", ["Romero, C.", "Paunesku, D.", "Dweck, C."],
                     id="apa-all-inverted"),
        pytest.param("Lee, L. L., W. E. Howard, and R. E. Marsh.", ["Lee, L. L.", "W. E. Howard", "R. E. Marsh"],
                     id="oxford-comma-and"),
        pytest.param("Pérez-Higueras JJ, Arias A, de la Macorra JC", ["Pérez-Higueras JJ", "Arias A",
                                                                       "de la Macorra JC"], id="vancouver"),
        pytest.param("Laure Delcour *et al.* (eds.)", ["Laure Delcour"], id="et-al-and-role-dropped"),
        pytest.param("Cummings, Sally N. (ed.)", ["Cummings, Sally N."], id="editor-mark-dropped"),
        pytest.param("Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"], id="french-et"),
        pytest.param("Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"], id="german-und"),
        pytest.param("United Nations Office on Drugs and Crime (UNODC)",
                     ["United Nations Office on Drugs and Crime (UNODC)"], id="corporate-with-and"),
        pytest.param("Council of the European Union", ["Council of the European Union"], id="corporate-with-of"),
        pytest.param("Central Asia-Caucasus Institute & Silk Road Studies Programme",
                     ["Central Asia-Caucasus Institute & Silk Road Studies Programme"], id="corporate-ampersand"),
        pytest.param("Schmidt, Eva/Roth, Paul (Hg.):", ["Schmidt, Eva", "Roth, Paul"], id="german-slash-editors"),
        pytest.param("Meier, H. / Huber, K.", ["Meier, H.", "Huber, K."], id="spaced-slash"),
        pytest.param("Taylor, James R./van Every, Elizabeth J.", ["Taylor, James R.", "van Every, Elizabeth J."],
                     id="slash-before-a-particle"),
        pytest.param("Deutsche Gesellschaft für Internationale Zusammenarbeit/GIZ",
                     ["Deutsche Gesellschaft für Internationale Zusammenarbeit/GIZ"], id="corporate-slash-kept"),
        pytest.param("Doe A, Roe B, editors.", ["Doe A", "Roe B"], id="vancouver-editors-word-dropped"),
        pytest.param("", [], id="empty"),
    ],
)
def test_split_names(text: str, expected: list[str]) -> None:
    assert split_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("International Crisis Group", True, id="group"),
        pytest.param("UNODC", True, id="acronym"),
        pytest.param("Kathleen Collins", False, id="person"),
        pytest.param("Délétroz Alain", False, id="person-inverted-no-comma"),
    ],
)
def test_is_corporate(text: str, expected: bool) -> None:
    assert is_corporate(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neil J.", "Neil J.", id="keeps-initial-period"),
        pytest.param("Collins.", "Collins", id="drops-sentence-period"),
        pytest.param("Smith, J.,", "Smith, J.", id="drops-comma"),
    ],
)
def test_clean_name(text: str, expected: str) -> None:
    assert clean_name(text) == expected
