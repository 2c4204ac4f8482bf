"""Identifiers in citations: found in their written forms, repaired across line breaks, checked."""

from __future__ import annotations

import pytest

from audit.registry.identifiers import (
    find_identifiers,
    identifiers_of_fields,
    isbn10_check,
    isbn10_to_13,
    isbn13_check,
)


def only(text: str):
    found = find_identifiers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("Nature 521 (2015): 436. doi:10.1038/nature14539.", "10.1038/nature14539"),
    ("DOI 10.1038/NATURE14539", "10.1038/nature14539"),
    ("https://doi.org/10.1016/0021-9258(19)52451-6).", "10.1016/0021-9258(19)52451-6"),
    ("(available at https://dx.doi.org/10.1002/j.1538-7305.1948.tb01338.x)", "10.1002/j.1538-7305.1948.tb01338.x"),
    ("see 10.1371/journal.pmed.0020124, p. 3", "10.1371/journal.pmed.0020124"),
    ("https://doi.org/10.1000/a%2Fb", "10.1000/a/b"),
])
def test_dois_in_their_written_forms(text: str, value: str) -> None:
    found = only(text)
    assert (found.kind, found.value, found.valid) == ("doi", value, True)


def test_doi_broken_by_a_line_break_is_joined() -> None:
    found = only("Cell 136 (2009). https://doi.org/10.1016/j.\ncell.2009.01.002 Accessed")
    assert found.value == "10.1016/j.cell.2009.01.002"


@pytest.mark.parametrize("text, value", [
    ("doi: 10.12759/ hsr.40.2015.4.7-31.", "10.12759/hsr.40.2015.4.7-31"),  # a space after the slash
    ("doi:10 .1088/1367-2630/12/2/025010. URL http://x", "10.1088/1367-2630/12/2/025010"),
    ("doi: 10.1017/\nS0022381600000000 more", "10.1017/s0022381600000000"),
    ("doi:10.1007/s10584‐015‐1585‐x.", "10.1007/s10584-015-1585-x"),  # typographic hyphens
])
def test_dois_damaged_in_conversion_are_repaired(text: str, value: str) -> None:
    found = only(text)
    assert (found.value, found.valid) == (value, True)


def test_a_word_after_a_cut_doi_is_not_its_tail() -> None:
    found = only("doi: 10.1111/ The next sentence starts here.")
    assert not found.valid and "no suffix" in found.problem


def test_a_new_line_starting_with_a_word_does_not_join_a_complete_doi() -> None:
    found = only("doi:10.1038/nature14539\nSmith, J. Another paper. 2001.")
    assert found.value == "10.1038/nature14539"


@pytest.mark.parametrize("text, problem", [
    ("doi:10.123/abc", "not a DOI prefix"),
    ("https://doi.org/10.1038", "prefix and a suffix"),
    ("DOI: 10.10.1000/x", "not a DOI prefix"),
])
def test_cued_dois_that_break_the_syntax_are_invalid(text: str, problem: str) -> None:
    found = only(text)
    assert not found.valid and problem in found.problem


def test_number_like_text_is_no_doi() -> None:
    assert find_identifiers("ratio 10.5/3 and 10.12/45 in table 2") == ()


@pytest.mark.parametrize("digits, ok", [("0306406152", True), ("080442957X", True), ("0306406153", False),
                                        ("019953556X", False)])
def test_isbn10_checksum(digits: str, ok: bool) -> None:
    assert isbn10_check(digits) is ok


@pytest.mark.parametrize("digits, ok", [("9780306406157", True), ("9780226458083", True), ("9780306406158", False),
                                        ("9770306406157", False)])
def test_isbn13_checksum(digits: str, ok: bool) -> None:
    assert isbn13_check(digits) is ok


def test_isbn10_to_13() -> None:
    assert isbn10_to_13("0306406152") == "9780306406157"


@pytest.mark.parametrize("text, value, valid", [
    ("Chicago: UCP, 1962. ISBN 978-0-226-45808-3.", "9780226458083", True),
    ("ISBN-10: 0-306-40615-2", "0306406152", True),
    ("ISBN: 0 306 40615 3", "0306406153", False),
    ("ISBN 978-0-226-45808-4", "9780226458084", False),
    ("ISBN 12345", None, None),  # too short to be read as an ISBN at all
    ("ISBN 0-306-406-15-22", "03064061522", False),  # eleven digits
])
def test_isbns_with_their_cue(text: str, value: str | None, valid: bool | None) -> None:
    found = [i for i in find_identifiers(text) if i.kind == "isbn"]
    if value is None:
        assert found == []
        return
    assert (found[0].value, found[0].valid) == (value, valid)


def test_thirteen_digits_without_a_cue_are_no_isbn() -> None:
    assert find_identifiers("order no. 9780306406157 of the registry") == ()


@pytest.mark.parametrize("text, kind, value, valid", [
    ("arXiv preprint arXiv:1706.03762v5 (2017)", "arxiv", "1706.03762", True),
    ("https://arxiv.org/abs/2101.00001", "arxiv", "2101.00001", True),
    ("arXiv:hep-th/9901001", "arxiv", "hep-th/9901001", True),
    ("arXiv:1713.03762", "arxiv", "1713.03762", False),
    ("PubMed PMID: 16275915.", "pmid", "16275915", True),
    ("http://hdl.handle.net/10419/123456.", "handle", "10419/123456", True),
    ("hdl:1721.1/12345", "handle", "1721.1/12345", True),
    ("urn:nbn:de:bvb:19-146642", "urn-nbn", "de:bvb:19-146642", True),
])
def test_other_identifiers(text: str, kind: str, value: str, valid: bool) -> None:
    found = only(text)
    assert (found.kind, found.value, found.valid) == (kind, value, valid)


def test_identifiers_of_fields_need_no_cue() -> None:
    found = identifiers_of_fields("10.1038/nature14539", "978-0-226-45808-3")
    assert [(i.kind, i.value, i.valid) for i in found] == [("doi", "10.1038/nature14539", True),
                                                          ("isbn", "9780226458083", True)]
    assert identifiers_of_fields("https://doi.org/10.1038/x", None)[0].value == "10.1038/x"


@pytest.mark.parametrize("text", [
    "Smith, J. (2001) Title. Journal 3: 1-9.",  # no cue at all: every scan stops early
    "ArXiv:1706.03762v5 and arXıv:1706.03762 and ARXIV.org/abs/1706.03762",
    "isbn 0-19-953556-X; ıSBN 978-0-19-953556-9", "PMID: 12345678 pmid 7", "HDL:1721.1/12345",
    "URN:NBN:de:bvb:19-146642", "10.1000/xyz123 and doi 10 .1088/abc",
])
def test_cue_scans_never_drop_an_identifier(text: str) -> None:
    # find_identifiers skips a pattern when its cue word is absent; the result equals running every pattern.
    from audit.registry import id_patterns as P
    from audit.registry.identifiers import _arxiv, _simple, find_dois, find_identifiers, find_isbns

    every = [*find_dois(text), *find_isbns(text), *_simple(text, P.ARXIV, "arxiv", _arxiv),
             *_simple(text, P.PMID, "pmid", lambda t: (t.lstrip("0") or t, "")),
             *_simple(text, P.HANDLE, "handle", lambda t: (t.rstrip(P.TRAILING), "")),
             *_simple(text, P.URN_NBN, "urn-nbn", lambda t: (t.lower(), ""))]
    assert find_identifiers(text) == tuple(dict.fromkeys(every))
