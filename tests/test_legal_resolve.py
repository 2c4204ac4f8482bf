"""Bluebook short forms in a Word file's footnotes resolved as a cite-checker would, and the law-review checks.

Each test writes a small .docx (zip and XML, italics as Word runs) and audits it offline with the real parser."""

from __future__ import annotations

from pathlib import Path

from audit.config import AuditConfig
from audit.pipeline import run_audit
from audit.render.json_report import report_to_dict
from benchmarks.bluebook_memo import write_docx

VERIZON = "*See* *Verizon v. FCC*, 740 F.3d 623, 628 (D.C. Cir. 2014)."
MOZILLA = "*Mozilla Corp. v. FCC*, 940 F.3d 1, 18 (D.C. Cir. 2019)."
RIF = ("*Restoring Internet Freedom*, Declaratory Ruling, Report and Order, and Order, 33 FCC Rcd 311, 315, "
       "para. 10 (2018) [hereinafter *RIF Order*].")
WU = ("Tim Wu, *Network Neutrality, Broadband Discrimination*, 2 J. on Telecomm. & High Tech. L. 141, 145 (2003) "
      "[hereinafter Wu, *Network Neutrality*]")
VAN_SCHEWICK = ("Barbara van Schewick, *Network Neutrality and Quality of Service*, 67 Stan. L. Rev. 1, 15 (2015) "
                "[hereinafter van Schewick, *Quality of Service*]")


def _audit(tmp_path: Path, notes: list[str], validate_report=None) -> dict:
    report = report_to_dict(run_audit(write_docx(tmp_path / "order.docx", notes), AuditConfig(offline=True)))
    if validate_report is not None:
        validate_report(report)
    return report


def _citations(report: dict) -> dict[str, dict]:
    return {c["id"]: c for note in report["notes"] for c in note["citations"]}


def _rules(report: dict) -> list[str]:
    return sorted(f["rule"] for f in report["findings"])


def test_id_short_case_names_and_hereinafter_resolve_to_their_full_citations(tmp_path, validate_report):
    report = _audit(tmp_path, [VERIZON, "*Id*. at 659.", RIF, "*Verizon*, 740 F.3d at 650.", "*Id.* at 651.",
                               "*RIF Order*, 33 FCC Rcd at 320, para. 25.", "*See also id.* at 321."], validate_report)
    cited = _citations(report)
    assert [cited[f"n{n}.1"]["antecedent"] for n in (2, 4, 5, 6, 7)] == ["n1.1", "n1.1", "n1.1", "n3.1", "n3.1"]
    assert cited["n2.1"]["pinpoint"] == "659" and cited["n2.1"]["kind"] == "id"
    assert report["findings"] == []


def test_a_hereinafter_name_used_alone_with_a_pinpoint_is_a_short_form(tmp_path):
    report = _audit(tmp_path, [RIF, VERIZON, "*See* *RIF Order* ¶ 25.", "*Id.* ¶ 26.",
                               "The *RIF Order* changed course."])
    cited = _citations(report)
    assert (cited["n3.1"]["kind"], cited["n3.1"]["antecedent"], cited["n3.1"]["pinpoint"]) == ("short", "n1.1", "¶ 25")
    assert cited["n4.1"]["antecedent"] == "n1.1"
    assert report["notes"][4]["citations"] == []  # the name in a sentence about the order is not a citation
    assert report["findings"] == []


def test_an_agency_order_names_comments_in_a_closing_parenthetical(tmp_path):
    report = _audit(tmp_path, ["Comments of AT&T, GN Docket No. 17-108, at 12 (filed July 17, 2017) (AT&T Comments).",
                               VERIZON, "*See* AT&T Comments at 15.", "*Id.* at 16."])
    cited = _citations(report)
    assert [cited[i]["antecedent"] for i in ("n3.1", "n4.1")] == ["n1.1", "n1.1"]
    assert report["findings"] == []


def test_filings_of_two_commenters_are_two_works(tmp_path):
    report = _audit(tmp_path, ["Comments of Cascade Inc., GN Docket No. 17-108, at 26 (filed July 17, 2017).",
                               "Comments of Cascade Media Inc., GN Docket No. 17-108, at 4 (filed July 17, 2017)."])
    cited = _citations(report)
    assert cited["n1.1"]["work"] != cited["n2.1"]["work"] and report["findings"] == []


def test_an_order_named_in_italics_in_a_closing_parenthetical(tmp_path):
    report = _audit(tmp_path, ["*See* *Restoring Internet Freedom*, Notice of Proposed Rulemaking, 32 FCC Rcd 4434, "
                               "4437, para. 8 (2017) (*Internet Freedom NPRM*).", "*Internet Freedom NPRM* ¶ 20.",
                               "*Internet Freedom NPRM*, 32 FCC Rcd at 4440, para. 21."])
    cited = _citations(report)
    assert [cited[i]["antecedent"] for i in ("n2.1", "n3.1")] == ["n1.1", "n1.1"] and report["findings"] == []


def test_citation_text_is_plain_and_the_emphasis_is_kept_as_spans(tmp_path, validate_report):
    cited = _citations(_audit(tmp_path, [VERIZON, "*Id*. at 659."], validate_report))
    assert cited["n1.1"]["text"] == "Verizon v. FCC, 740 F.3d 623, 628 (D.C. Cir. 2014)."
    assert cited["n1.1"]["emphasis"] == [[0, 14]]
    assert cited["n2.1"]["text"] == "Id. at 659." and cited["n2.1"]["emphasis"] == [[0, 2]]


def test_id_skips_notes_that_cite_nothing_and_internal_cross_references(tmp_path):
    report = _audit(tmp_path, [VERIZON, "*See* *supra* Part III.B.", "The Commission returns to this below.",
                               "*Id.* at 630."])
    assert _citations(report)["n4.1"]["antecedent"] == "n1.1"
    assert report["notes"][1]["citations"] == [] and report["findings"] == []


def test_id_after_a_string_of_signals_in_its_note_repeats_the_last_authority(tmp_path):
    report = _audit(tmp_path, [f"{VERIZON[:-1]}; *see also* {MOZILLA} *Id.* at 20."])
    assert _citations(report)["n1.3"]["antecedent"] == "n1.2"


def test_id_after_a_note_citing_two_authorities_is_ambiguous(tmp_path):
    report = _audit(tmp_path, [f"{VERIZON[:-1]}; {MOZILLA}", "*Id.* at 20."])
    assert _citations(report)["n2.1"]["antecedent"] is None
    (finding,) = report["findings"]
    assert finding["rule"] == "short-form-ambiguous" and "note 1 before it cites 2 authorities" in finding["message"]


def test_id_after_two_citations_of_one_case_is_not_ambiguous(tmp_path):
    report = _audit(tmp_path, [VERIZON, "*Verizon*, 740 F.3d at 640; *see also* *Verizon*, 740 F.3d at 645.",
                               "*Id.* at 646."])
    assert _citations(report)["n3.1"]["antecedent"] == "n1.1" and report["findings"] == []


def test_supra_note_n_resolves_to_note_n_and_by_author_when_it_cites_several(tmp_path, validate_report):
    report = _audit(tmp_path, [f"*See* {WU}; *see also* {VAN_SCHEWICK}.", "Wu, *supra* note 1, at 150.",
                               "van Schewick, *Quality of Service*, *supra* note 1, at 20.", f"{WU}.",
                               "Wu, *Network Neutrality*, *supra* note 4, at 143."], validate_report)
    cited = _citations(report)
    assert [cited[i]["antecedent"] for i in ("n2.1", "n3.1", "n5.1")] == ["n1.1", "n1.2", "n4.1"]
    assert cited["n1.1"]["type"] == "article" and cited["n1.1"]["fields"]["volume"] == "2"
    assert report["findings"] == []


def test_supra_note_n_that_cannot_tell_two_works_apart_is_ambiguous(tmp_path):
    report = _audit(tmp_path, [f"*See* {WU}; *see also* {VAN_SCHEWICK}.", "Crawford, *supra* note 1, at 3."])
    assert _citations(report)["n2.1"]["antecedent"] is None
    assert _rules(report) == ["short-form-ambiguous"]


def test_a_short_form_before_the_full_citation_is_unresolved_and_says_where_the_full_one_is(tmp_path):
    report = _audit(tmp_path, ["*Verizon*, 740 F.3d at 650.", VERIZON])
    (finding,) = report["findings"]
    assert finding["rule"] == "short-form-unresolved"
    assert "only given later, in note 2" in finding["message"]


def test_a_pinpoint_before_the_first_page_of_the_case(tmp_path):
    report = _audit(tmp_path, [VERIZON, "*Verizon*, 740 F.3d at 600.", "*Id.* at 700."])
    (finding,) = report["findings"]
    assert finding["rule"] == "page-out-of-range" and finding["values"] == ["600", "623"]
    assert finding["locations"][0]["number"] == 2


def test_a_case_name_spelled_two_ways(tmp_path):
    report = _audit(tmp_path, [VERIZON, "*Verizen*, 740 F.3d at 650.",
                               "*See* *Verison v. FCC*, 740 F.3d 623, 630 (D.C. Cir. 2014)."])
    assert {f["rule"] for f in report["findings"]} == {"name-variant"}  # not also a title-variant
    findings = report["findings"]
    assert sorted(tuple(f["values"]) for f in findings) == [("Verison v. FCC", "Verizon v. FCC"),
                                                            ("Verizen", "Verizon v. FCC")]


def test_a_short_name_that_abbreviates_is_not_a_misspelling(tmp_path):
    report = _audit(tmp_path, ["*Nat'l Cable & Telecomms. Ass'n v. Brand X Internet Servs.*, 545 U.S. 967, 980 "
                               "(2005).", "*Brand X*, 545 U.S. at 1000.", RIF, "*RIF Order*, 33 FCC Rcd at 320."])
    assert report["findings"] == []


def test_a_reporter_volume_or_page_that_differs_between_citations_of_one_case(tmp_path):
    report = _audit(tmp_path, [VERIZON, "*Verizon v. FCC*, 740 F.3d 632, 640 (D.C. Cir. 2014).",
                               "*Verizon*, 741 F.3d at 650."])
    variants = sorted(tuple(f["values"]) for f in report["findings"] if f["rule"] == "field-variant")
    assert variants == [("740 F.3d 632", "740 F.3d 623"), ("741 F.3d", "740 F.3d")]


def test_the_same_name_in_another_year_is_another_case(tmp_path):
    report = _audit(tmp_path, [VERIZON, "*Verizon v. FCC*, 654 F.3d 10, 12 (D.C. Cir. 2011)."])
    assert report["findings"] == []
