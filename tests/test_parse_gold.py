"""The parser against hand-made gold for the seed paper's bibliography and notes.

The gold files hold each entry's text as a test input (with its line in the seed) and the
fields written by reading it; tests/data/README.md gives the conventions. The seed itself is
read from ../shared/seeds/ to check that the gold still matches the document.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.parse import parse_reference

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_1ec35bee97424517.txt"
TARGET = 0.95  # share of gold fields (plus spurious predicted ones) that must be exactly right


def _load(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _as_json(fields: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}


def score_items(items: list[dict], context: str) -> tuple[int, int, int, list[str]]:
    """(fields right, fields compared, types right, differences) over gold ∪ predicted fields."""
    right = total = types = 0
    diffs: list[str] = []
    for item in items:
        parsed = parse_reference(item["text"], context=context)
        got = _as_json(parsed.fields)
        gold = dict(item["fields"])
        if context == "note":
            gold["pinpoint"] = item["pinpoint"]
            got["pinpoint"] = parsed.pinpoint
        for key in sorted(set(gold) | set(got)):
            total += 1
            if gold.get(key) == got.get(key):
                right += 1
            else:
                diffs.append(f"line {item['line']} {key}: gold {gold.get(key)!r} got {got.get(key)!r}")
        types += parsed.type == item["type"]
        if parsed.type != item["type"]:
            diffs.append(f"line {item['line']} type: gold {item['type']!r} got {parsed.type!r}")
    return right, total, types, diffs


def test_gold_texts_match_the_seed() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed document missing: {SEED} (the tests expect ../shared/seeds/ beside the checkout)")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for item in _load("gold_seed_bibliography.json"):
        assert lines[item["line"] - 1].strip() == item["text"]
    for item in _load("gold_seed_notes.json"):
        assert lines[item["line"] - 1].endswith(item["text"])


def test_gold_bibliography_has_every_section() -> None:
    items = _load("gold_seed_bibliography.json")
    counts = {s: sum(i["section"] == s for i in items) for s in {i["section"] for i in items}}
    assert counts == {"Documents and reports": 23, "Articles": 21, "Books": 8, "News Articles": 5, "Interviews": 3}
    assert len(_load("gold_seed_notes.json")) >= 30


@pytest.mark.parametrize(
    ("name", "context"),
    [
        pytest.param("gold_seed_bibliography.json", "bibliography", id="bibliography"),
        pytest.param("gold_seed_notes.json", "note", id="notes"),
    ],
)
def test_gold_field_accuracy(name: str, context: str, capsys: pytest.CaptureFixture[str]) -> None:
    items = _load(name)
    right, total, types, diffs = score_items(items, context)
    share = right / total
    with capsys.disabled():
        print(f"\n{name}: fields exactly right {right}/{total} = {share:.3f}; "
              f"types right {types}/{len(items)} = {types / len(items):.3f}")
    assert share >= TARGET, "\n".join(diffs)
