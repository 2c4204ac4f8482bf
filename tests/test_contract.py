"""The project owns its contract: the shipped schema extends the first agreed one and never breaks it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from audit.contract import ADDED_RULES, report_schema
from cli import cli
from tests.conftest import REPO, shared_path


def test_schema_command_prints_the_shipped_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == report_schema()


def test_contract_document_is_in_the_repository() -> None:
    text = (REPO / "docs" / "report-contract.md").read_text(encoding="utf-8")
    assert "citeaudit/1" in text and "## Rule catalogue" in text


def _keys(node, path=()):  # every (path, key) of a JSON Schema's properties, recursively
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for name in value:
                    yield (*path, name)
            yield from _keys(value, (*path, key))
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item, path)


def test_shipped_schema_only_adds_to_the_shared_one() -> None:
    first = json.loads(shared_path("docs", "report-schema.json").read_text(encoding="utf-8"))
    ours = report_schema()
    assert set(_keys(first)) <= set(_keys(ours))
    for name, definition in first["$defs"].items():
        assert set(definition.get("required", [])) == set(ours["$defs"][name].get("required", [])), name
    first_rules = set(first["$defs"]["finding"]["properties"]["rule"]["enum"])
    our_rules = set(ours["$defs"]["finding"]["properties"]["rule"]["enum"])
    assert first_rules <= our_rules
    assert our_rules - first_rules == set(ADDED_RULES)
    first_kinds = set(first["$defs"]["location"]["properties"]["kind"]["enum"])
    assert first_kinds <= set(ours["$defs"]["location"]["properties"]["kind"]["enum"])
