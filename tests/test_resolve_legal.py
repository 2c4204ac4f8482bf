"""audit/resolve_legal.py: which work a Bluebook short form names (pure functions over citations)."""

from __future__ import annotations

from audit.resolve import resolve_short_forms
from audit.resolve_legal import cases_cited_as, given_name, names_agree, supra_candidates
from tests.factories import cite

WU = cite("n1.1", "full", "Tim Wu, *Network Neutrality*, 2 J. on Telecomm. & High Tech. L. 141 (2003) "
          "[hereinafter Wu, *Neutrality*]", kind_of_work="article")
YOO = cite("n1.2", "full", "Christopher Yoo, *Beyond Network Neutrality*, 19 Harv. J.L. & Tech. 1 (2005)",
           kind_of_work="article")
WU_2 = cite("n1.3", "full", "Tim Wu, *The Master Switch*, 5 Yale L.J. 20 (2010)", kind_of_work="article")


def _case(cid: str, name: str, volume: str, page: str) -> object:
    return cite(cid, "full", f"{name}, {volume} F.3d {page} (D.C. Cir. 2014)", kind_of_work="legal",
                fields={"title": name, "container-title": "F.3d", "volume": volume, "pages": page})


def _short(cid: str, name: str, volume: str, pin: str) -> object:
    return cite(cid, "short", f"{name}, {volume} F.3d at {pin}", kind_of_work="legal", pinpoint=pin,
                fields={"title": name, "container-title": "F.3d", "volume": volume})


def test_supra_by_author_by_short_title_and_by_hereinafter_name():
    works = [WU, YOO, WU_2]
    assert supra_candidates(cite("n2.1", "supra", "Yoo, *supra* note 1, at 4."), works) == [YOO]
    assert supra_candidates(cite("n2.1", "supra", "Wu, *Master Switch*, *supra* note 1."), works) == [WU_2]
    assert supra_candidates(cite("n2.1", "supra", "Wu, *Neutrality*, *supra* note 1."), works) == [WU]
    assert supra_candidates(cite("n2.1", "supra", "*Beyond Network Neutrality*, *supra* note 1."), works) == [YOO]
    assert supra_candidates(cite("n2.1", "supra", "Wu, *supra* note 1."), works) == [WU, WU_2]  # cannot tell


def test_a_short_case_citation_picks_its_case_by_volume_name_and_page():
    verizon, other = _case("n1.1", "Verizon v. FCC", "740", "623"), _case("n1.2", "Alpha Corp. v. FCC", "740", "900")
    assert cases_cited_as(_short("n2.1", "Verizon", "740", "650"), [verizon, other]) == [verizon]
    assert cases_cited_as(_short("n2.1", "Id", "740", "905"), [verizon, other]) == [other]  # by page
    assert cases_cited_as(_short("n2.1", "Verizon", "741", "650"), [verizon, other]) == []


def test_names_agree_when_every_word_of_the_short_name_is_in_the_full_one():
    assert names_agree("Brand X", "Nat'l Cable & Telecomms. Ass'n v. Brand X Internet Servs.")
    assert not names_agree("Verizen", "Verizon v. FCC")
    assert not names_agree("", "Verizon v. FCC")


def test_given_names_compare_without_emphasis_case_or_punctuation():
    assert given_name(WU) == "wu neutrality"
    assert given_name(cite("n1.1", "full", "Comments of AT&T, GN Docket No. 17-108 (filed July 17, 2017) "
                                           "(AT&T Comments).")) == "at t comments"
    assert given_name(YOO) is None


def test_supra_pointing_forward_or_at_a_note_without_citations_is_unresolved():
    citations = [YOO, cite("n2.1", "supra", "Yoo, *supra* note 3, at 4."), cite("n3.1", "supra", "Yoo, supra note 2.")]
    _, resolutions = resolve_short_forms(citations, [1, 2, 3])
    assert resolutions["n2.1"].status == "unresolved" and "comes after it" in resolutions["n2.1"].reason
    assert resolutions["n3.1"].status == "unresolved" and "note 2 cites no work" in resolutions["n3.1"].reason
