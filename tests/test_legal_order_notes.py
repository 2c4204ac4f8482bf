"""Footnotes written the way a US agency order writes them (invented, not copied), each short form with the
citation a cite-checker would point it to, and the three deliberate errors a cite-checker must catch."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.pipeline import run_audit
from audit.render.json_report import report_to_dict
from benchmarks.bluebook_memo import write_docx

NOTES = [
    # 1
    "*See* *Protecting and Promoting the Open Internet*, GN Docket No. 14-28, Report and Order on Remand, "
    "Declaratory Ruling, and Order, 30 FCC Rcd 5601, 5603, para. 4 (2015) (*Title II Order*).",
    "*Id.* at 5610, para. 22.",
    "*See* *Verizon v. FCC*, 740 F.3d 623, 628 (D.C. Cir. 2014); *see also* *Comcast Corp. v. FCC*, 600 F.3d 642, "
    "644 (D.C. Cir. 2010).",
    "*Id.* at 650.",
    # 5
    "*Verizon*, 740 F.3d at 650 (quoting *Comcast*, 600 F.3d at 645).",
    "*Id*. at 651.",
    "*See* *supra* Part III.B.",
    "*Id.*",
    "Comments of AT&T Services, Inc., WC Docket No. 17-108, at 12 (filed July 17, 2017) (AT&T Comments); "
    "Comments of Verizon, WC Docket No. 17-108, at 3 (filed July 17, 2017) (Verizon Comments).",
    # 10
    "AT&T Comments at 15; *see also* Verizon Comments at 4.",
    "*Id.* at 5.",
    "Kevin Werbach, *Only Connect*, 22 Berkeley Tech. L.J. 1233, 1240 (2007); Christopher S. Yoo, *Network "
    "Neutrality and the Economics of Congestion*, 94 Geo. L.J. 1847, 1850 (2006).",
    "Werbach, *supra* note 12, at 1245.",
    "Yoo, *supra* note 12, at 1860; *see also* *Title II Order*, 30 FCC Rcd at 5620, para. 40.",
    # 15
    "*Title II Order* ¶ 45.",
    "*Id.* ¶ 46.",
    "*Nat'l Cable & Telecomms. Ass'n v. Brand X Internet Servs.*, 545 U.S. 967, 980 (2005).",
    "*Brand X*, 545 U.S. at 1003 (Scalia, J., dissenting).",
    "*See* *infra* para. 314; *Brand X*, 545 U.S. at 1005.",
    # 20
    "*Id.* at 1006.",
    "*Mozilla Corp. v. FCC*, 940 F.3d 1, 18 (D.C. Cir. 2019) (per curiam).",
    "*Id.* at 20; *see also id.* at 35 (explaining that the Commission may reclassify).",
    "47 U.S.C. § 153(53).",
    "*Id.* § 153(24).",
    # 25
    "*Mozila*, 940 F.3d at 25.",
    "*Verizon*, 740 F.3d at 600.",
    "*Charter Commc'ns, Inc. v. FCC*, 460 F.3d 31, 40 (D.C. Cir. 2006).",
    "*Charter*, 461 F.3d at 41.",
    "The Commission disagrees with this reading. *See* *Mozilla*, 940 F.3d at 30.",
]
# (citation id, the full citation it repeats; None: ambiguous or unresolved, with a finding)
SHORT_FORMS = [
    ("n2.1", "n1.1"), ("n4.1", None), ("n5.1", "n3.1"), ("n6.1", "n3.1"), ("n8.1", "n3.1"), ("n10.1", "n9.1"),
    ("n10.2", "n9.2"), ("n11.1", None), ("n13.1", "n12.1"), ("n14.1", "n12.2"), ("n14.2", "n1.1"),
    ("n15.1", "n1.1"), ("n16.1", "n1.1"), ("n18.1", "n17.1"), ("n19.1", "n17.1"), ("n20.1", "n17.1"),
    ("n22.1", "n21.1"), ("n22.2", "n21.1"), ("n24.1", "n23.1"), ("n25.1", "n21.1"), ("n26.1", "n3.1"),
    ("n28.1", None), ("n29.1", "n21.1"),
]
EXPECTED_FINDINGS = [  # (rule, note of its first location)
    ("field-variant", 28), ("name-variant", 25), ("page-out-of-range", 26), ("short-form-ambiguous", 4),
    ("short-form-ambiguous", 11), ("short-form-unresolved", 28),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = write_docx(tmp_path_factory.mktemp("order") / "order.docx", NOTES)
    return report_to_dict(run_audit(path, AuditConfig(offline=True)))


@pytest.mark.parametrize(("citation", "antecedent"), SHORT_FORMS, ids=[c for c, _ in SHORT_FORMS])
def test_each_short_form_points_where_a_cite_checker_would(report, citation, antecedent):
    cited = {c["id"]: c for note in report["notes"] for c in note["citations"]}
    assert cited[citation]["kind"] in ("id", "short", "supra")
    assert cited[citation]["antecedent"] == antecedent


def test_the_cross_references_are_not_citations(report):
    assert report["notes"][6]["citations"] == []
    assert [c["text"] for c in report["notes"][18]["citations"]] == ["Brand X, 545 U.S. at 1005."]


def test_the_deliberate_errors_and_nothing_else_are_found(report, validate_report):
    validate_report(report)
    found = sorted((f["rule"], f["locations"][0]["number"]) for f in report["findings"])
    assert found == EXPECTED_FINDINGS
