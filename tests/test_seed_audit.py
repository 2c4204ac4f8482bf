"""The seed paper audited as a careful editor would, checked against a hand-made gold file.

tests/data/seed_audit_gold.json was written by reading the paper (see its "how_made").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.config import AuditConfig
from audit.pipeline import run_audit
from audit.render.json_report import report_to_dict
from tests.conftest import SEED_PAPER, seed_path

GOLD = json.loads((Path(__file__).parent / "data" / "seed_audit_gold.json").read_text(encoding="utf-8"))
# Rules whose every finding the gold file lists, whatever the severity.
FULLY_LISTED = {"title-variant", "not-in-bibliography", "uncited-entry", "name-variant", "date-variant",
                "field-variant", "missing-field", "short-form-unresolved", "short-form-ambiguous", "url-malformed"}


@pytest.fixture(scope="module")
def report():
    return report_to_dict(run_audit(seed_path(SEED_PAPER), AuditConfig(offline=True)))


def _citations(report):
    for note in report["notes"]:
        yield from note["citations"]
    yield from report["body_citations"]


def _body_citation(report, line):
    return next(c for c in report["body_citations"] if c["line"] == line)


def test_report_follows_the_contract(report, validate_report):
    validate_report(report)


def test_findings_by_rule_counts_every_finding_once(report):
    by_rule = report["stats"]["findings_by_rule"]
    assert by_rule == {rule: sum(f["rule"] == rule for f in report["findings"]) for rule in by_rule}
    assert sum(by_rule.values()) == sum(report["stats"]["findings"].values()) == len(report["findings"])


def test_urls_list_the_repairs_made_to_them(report):
    (url,) = [u for u in report["urls"] if "Russian_Plan_Rainbow" in u["url"]]
    assert url["repairs"] == ["missing scheme", "doubled slash in the path"]
    assert url["reason"] is None  # offline: not checked, so the URL stage gives no reason
    assert all(u["repairs"] == [] for u in report["urls"] if u["url"] == u["normalised"])


@pytest.mark.parametrize("gold", GOLD["short_forms"], ids=lambda g: g.get("citation") or f"line{g['body_line']}")
def test_short_form_antecedents(report, gold):
    if "citation" in gold:
        citation = next(c for c in _citations(report) if c["id"] == gold["citation"])
    else:
        citation = _body_citation(report, gold["body_line"])
    assert citation["antecedent"] == gold["antecedent"]


def _work_of_note(report, number):
    note = next(n for n in report["notes"] if n["number"] == number)
    works = {c["work"] for c in note["citations"]}
    assert len(works) == 1, f"note {number} should cite exactly one work, got {works}"
    return works.pop()


@pytest.mark.parametrize("gold", GOLD["works"], ids=lambda g: "notes-" + "-".join(map(str, g["notes"])))
def test_works(report, gold):
    works = {_work_of_note(report, n) for n in gold["notes"]}
    works |= {_body_citation(report, line)["work"] for line in gold.get("body_lines", [])}
    assert len(works) == 1 and None not in works, f"notes {gold['notes']} should form one work: {works}"
    wid = works.pop()
    work = next(w for w in report["works"] if w["id"] == wid)
    assert sorted(work["bibliography"]) == sorted(gold["entries"])


def test_different_works_stay_apart(report):
    firsts = [_work_of_note(report, g["notes"][0]) for g in GOLD["works"]]
    assert len(set(firsts)) == len(firsts)


def test_uncited_entries(report):
    uncited = sorted(loc["index"] for f in report["findings"] if f["rule"] == "uncited-entry"
                     for loc in f["locations"])
    assert uncited == sorted(GOLD["uncited_entries"])
    for entry in report["bibliography"]:
        assert (entry["cited_by"] == []) == (entry["index"] in GOLD["uncited_entries"] + [28, 35, 45, 51, 52]), \
            f"entry {entry['index']}: cited_by {entry['cited_by']}"


def _places(finding):
    notes = {loc["number"] for loc in finding["locations"] if loc["kind"] == "note"}
    entries = {loc["index"] for loc in finding["locations"] if loc["kind"] == "bibliography"}
    lines = {loc["line"] for loc in finding["locations"] if loc["kind"] == "body"}
    return notes, entries, lines


def _matches(finding, gold):
    if finding["rule"] != gold["rule"] or gold.get("severity", finding["severity"]) != finding["severity"]:
        return False
    notes, entries, lines = _places(finding)
    if not (set(gold.get("notes", [])) <= notes and set(gold.get("entries", [])) <= entries
            and set(gold.get("body_lines", [])) <= lines):
        return False
    return set(gold.get("values", [])) <= set(finding.get("values", []))


@pytest.mark.parametrize("gold", GOLD["findings"], ids=lambda g: f"{g['rule']}-{g.get('notes') or g.get('entries')}")
def test_every_gold_finding_is_reported(report, gold):
    found = [f for f in report["findings"] if _matches(f, gold)]
    assert found, f"missing: {gold}"


def test_no_false_alarms(report):
    expected = GOLD["findings"] + GOLD["tolerated"]
    unexpected = []
    for finding in report["findings"]:
        if finding["severity"] == "info" and finding["rule"] not in FULLY_LISTED:
            continue
        if finding["rule"] == "uncited-entry":
            continue  # checked entry by entry above
        notes, entries, lines = _places(finding)
        if not any(finding["rule"] == g["rule"] and (notes & set(g.get("notes", [])) or entries & set(
                g.get("entries", [])) or lines & set(g.get("body_lines", []))) for g in expected):
            unexpected.append((finding["rule"], finding["message"]))
    assert unexpected == []
