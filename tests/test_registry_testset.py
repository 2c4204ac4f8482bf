"""The registry stage on a generated test set with known truth (tests/registry_testset.py), against the
loopback fakes: the issue's targets, measured."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.registry import verify_works
from tests.registry_fakes import FakeRegistries, serving
from tests.registry_testset import build_testset, document_text, evaluate
from tests.url_fakes import loopback_only  # noqa: F401  (autouse guard)


@pytest.mark.parametrize("seed", [7])  # python -m tests.registry_testset runs more seeds
def test_targets_on_the_generated_test_set(tmp_path, seed: int) -> None:
    known, cases = build_testset(seed)
    assert len(cases) >= 200
    with serving(FakeRegistries(known)) as urls:
        audit = verify_works([c.cited for c in cases], AuditConfig(cache=str(tmp_path), **urls))
    figures = evaluate(cases, audit.verdicts)
    print(figures)  # shown with pytest -s
    assert figures.not_found_precision >= 0.98 and figures.not_found_recall >= 0.90
    assert figures.mismatch_precision >= 0.95
    assert figures.mismatch_right_field == 1.0
    assert figures.retractions_caught == figures.retractions > 0
    assert figures.variants_not_found == 0


def test_the_test_set_mixes_every_kind_of_case() -> None:
    _, cases = build_testset(7)
    kinds = {c.truth for c in cases}
    assert kinds == {"found", "changed", "variant", "invented"}
    assert {c.changed_field for c in cases if c.truth == "changed"} == {"date", "volume", "pages", "author", "doi"}
    assert sum(c.retracted for c in cases if c.truth == "found") >= 4
    assert any(i.kind == "isbn" for c in cases for i in c.cited.identifiers)
    assert sum(1 for c in cases if c.truth == "invented" and c.cited.identifiers) >= 10  # borrowed or made-up DOIs


@pytest.mark.parametrize("kinds", [("found", "invented"), ("changed",), ("variant",)])
def test_through_the_whole_pipeline_with_the_real_parser(tmp_path, kinds: tuple[str, ...]) -> None:
    """The references as a plain-text reference list, parsed by the CRF and clustered before they are
    verified. One document per kind: a misprinted copy beside its original would be merged with it."""
    from audit.pipeline import run_audit

    known, cases = build_testset(7)
    chosen = [c for c in cases if c.truth in kinds]
    paper = tmp_path / "paper.txt"
    paper.write_text(document_text(chosen), encoding="utf-8")
    with serving(FakeRegistries(known)) as urls:
        report = run_audit(paper, AuditConfig(cache=str(tmp_path / "cache"), no_urls=True, **urls))
    assert len(report.bibliography) == len(chosen)
    verdicts = {c.cited.work_id: report.registry[e.work] for e, c in zip(report.bibliography, chosen, strict=True)}
    figures = evaluate(chosen, verdicts)
    print(kinds, figures)
    assert figures.not_found_precision >= 0.98 and figures.not_found_recall >= 0.90
    assert figures.mismatch_precision >= 0.95 and figures.variants_not_found == 0
    if "changed" in kinds:
        assert figures.mismatch_recall >= 0.90
    if "found" in kinds:
        assert figures.retractions_caught == figures.retractions
