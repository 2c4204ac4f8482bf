"""resolve_short_forms(): each kind of short form, and the cases that must stay unresolved."""

from __future__ import annotations

import pytest

from audit.models import ParsedReference
from audit.resolve import resolve_short_forms
from tests.factories import cite

SMITH = {"author": ("J. Smith",), "title": "A History of Roads", "date": "2001"}
SMITH_2 = {"author": ("J. Smith",), "title": "Bridges and Tunnels", "date": "2005"}
JONES = {"author": ("K. Jones",), "title": "Rivers", "date": "1999"}


def _resolve(citations, entries=()):
    notes = sorted({c.note for c in citations if c.note is not None})
    out, resolutions = resolve_short_forms(citations, notes, entries)
    return {c.id: c.antecedent for c in out}, resolutions


def test_ibid_points_to_the_only_citation_of_the_previous_note():
    antecedents, _ = _resolve([cite("n1.1", "full", "J. Smith, ...", fields=SMITH),
                               cite("n2.1", "ibid", "Ibid., p. 4.")])
    assert antecedents["n2.1"] == "n1.1"


def test_ibid_chain_resolves_to_the_full_citation():
    antecedents, _ = _resolve([cite("n1.1", "full", "x", fields=SMITH), cite("n2.1", "ibid", "Ibid."),
                               cite("n3.1", "ibid", "Ibid.")])
    assert antecedents["n3.1"] == "n1.1"


def test_ibid_after_a_note_with_two_citations_is_ambiguous():
    antecedents, res = _resolve([cite("n1.1", "full", "x", fields=SMITH), cite("n1.2", "full", "y", fields=JONES),
                                 cite("n2.1", "ibid", "Ibid.")])
    assert antecedents["n2.1"] is None and res["n2.1"].status == "ambiguous"
    assert res["n2.1"].candidates == ("n1.1", "n1.2")


def test_ibid_within_a_note_repeats_the_citation_before_it():
    antecedents, _ = _resolve([cite("n1.1", "full", "x", fields=SMITH), cite("n1.2", "full", "y", fields=JONES),
                               cite("n1.3", "ibid", "ibid., 4")])
    assert antecedents["n1.3"] == "n1.2"


def test_ibid_after_a_commentary_note_is_unresolved():
    # note 2 exists but cites nothing: the note order passed in includes it
    out, res = resolve_short_forms([cite("n1.1", "full", "x", fields=SMITH), cite("n3.1", "ibid", "Ibid.")],
                                   [1, 2, 3])
    assert out[1].antecedent is None and "note 2" in res["n3.1"].reason


@pytest.mark.parametrize("text, expected", [
    pytest.param("Smith, op. cit., p. 9.", None, id="author-with-two-works-is-ambiguous"),
    pytest.param("Smith, *Bridges*, op. cit., p. 9.", "n2.1", id="short-title-disambiguates"),
    pytest.param("Jones, *op.cit.*, p. 2.", "n3.1", id="author-with-one-work"),
    pytest.param("Brown, op. cit.", None, id="no-earlier-full-citation"),
    pytest.param("Jones, op. cit., 2004, p. 2.", None, id="year-must-match"),
    pytest.param("Jomes, op. cit., p. 2.", "n3.1", id="typo-in-surname-tolerated"),
])
def test_op_cit(text, expected):
    antecedents, _ = _resolve([cite("n1.1", "full", "a", fields=SMITH), cite("n2.1", "full", "b", fields=SMITH_2),
                               cite("n3.1", "full", "c", fields=JONES), cite("n4.1", "op-cit", text)])
    assert antecedents["n4.1"] == expected


def test_short_title_form_and_author_date_short_form():
    antecedents, _ = _resolve([cite("n1.1", "full", "a", fields=SMITH), cite("n2.1", "full", "b", fields=SMITH_2),
                               cite("n3.1", "short", "Smith, A History, 12."),
                               cite("b.1", "short", "Smith, 2005, p. 3.", line=99)])
    assert antecedents["n3.1"] == "n1.1" and antecedents["b.1"] == "n2.1"


def test_interview_op_cit_never_points_to_an_article_by_the_same_person():
    article = {"author": ("A. Dupont",), "title": "Les routes", "date": "2010"}
    entry = (1, ParsedReference("interview", {"author": ("Dupont, Alain",), "date": "2011"}),
             "Dupont, Alain, Interview, Paris, 2011.")
    antecedents, res = _resolve([cite("n1.1", "full", "a", fields=article, kind_of_work="news"),
                                 cite("n2.1", "op-cit", "Interview with Alain Dupont, op. cit.")], [entry])
    assert antecedents["n2.1"] is None and res["n2.1"].entry == 1


def test_supra_and_cross_reference_use_the_note_number():
    antecedents, _ = _resolve([cite("n1.1", "full", "a", fields=SMITH), cite("n2.1", "full", "b", fields=SMITH_2),
                               cite("n3.1", "supra", "Smith, supra note 1, at 4."),
                               cite("n4.1", "cross-ref", "See note 2.")])
    assert antecedents["n3.1"] == "n1.1" and antecedents["n4.1"] == "n2.1"


def test_infra_reference_to_a_later_note_resolves_after_the_pass():
    antecedents, res = _resolve([cite("n1.1", "infra", "See infra note 3."), cite("n3.1", "full", "c", fields=JONES)])
    assert antecedents["n1.1"] == "n3.1" and res["n1.1"].status == "resolved"


def test_bare_ibid_and_loc_cit_repeat_the_page():
    out, _ = resolve_short_forms([cite("n1.1", "full", "a", fields=SMITH, pinpoint="12"),
                                  cite("n2.1", "ibid", "Ibid."), cite("n3.1", "ibid", "Ibid., p. 14", pinpoint="14"),
                                  cite("n4.1", "full", "b", fields=JONES, pinpoint="7"),
                                  cite("n5.1", "loc-cit", "Smith, loc. cit.")], [1, 2, 3, 4, 5])
    assert {c.id: c.pinpoint for c in out} == {"n1.1": "12", "n2.1": "12", "n3.1": "14", "n4.1": "7", "n5.1": "12"}
