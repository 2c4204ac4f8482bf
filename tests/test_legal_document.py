"""A synthetic Bluebook-style order (Word footnotes, known truth) audited as a user would: the share of Id. found
and resolved to the authority before them, supra note N and short case names resolved to their full citations.

The figures for the 2,500-note order are printed by `python -m benchmarks.bench_legal`."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.pipeline import run_audit
from audit.render.json_report import report_to_dict
from benchmarks.bluebook_memo import make_notes, score, write_docx

NOTES = 400


@pytest.fixture(scope="module")
def order(tmp_path_factory):
    notes, truth = make_notes(NOTES, seed=5)
    path = write_docx(tmp_path_factory.mktemp("order") / "order.docx", notes)
    return report_to_dict(run_audit(path, AuditConfig(offline=True))), truth


def test_the_order_has_every_kind_of_short_form(order):
    _, truth = order
    kinds = {t.kind for t in truth}
    assert kinds == {"id", "short", "supra"} and sum(t.full_note is None for t in truth) > 0


def test_id_found_and_resolved_to_the_preceding_authority(order):
    report, truth = order
    ids = score(report, truth, "id")
    assert ids.found / ids.expected >= 0.95
    assert ids.resolved / ids.expected >= 0.90


@pytest.mark.parametrize("kind", ["supra", "short"])
def test_supra_note_n_and_short_case_names_resolved(order, kind):
    report, truth = order
    result = score(report, truth, kind)
    assert result.expected > 0 and result.resolved == result.expected


def test_only_the_ambiguous_id_are_reported(order, validate_report):
    report, _ = order
    validate_report(report)
    assert {f["rule"] for f in report["findings"]} == {"short-form-ambiguous"}
    assert all("authorities" in f["message"] for f in report["findings"])
