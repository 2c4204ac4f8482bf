"""The registry stage on a generated test set with known truth (tests/registry_testset.py), against the
loopback fakes: the issue's targets, measured."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.registry import verify_works
from tests.registry_fakes import FakeRegistries, serving
from tests.registry_testset import build_testset, evaluate
from tests.url_fakes import loopback_only  # noqa: F401  (autouse guard)


@pytest.mark.parametrize("seed", [7, 3])
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
