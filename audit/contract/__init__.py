"""The project's own report contract: the JSON Schema shipped inside the package.

`docs/report-contract.md` explains it in prose. It started as a copy of the first agreed contract
(`../shared/docs/`) and only ever adds to it: every id and key of the original stays, so reports keep
validating against the shared schema too.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def schema_text() -> str:
    """The report schema as shipped (JSON text)."""
    return resources.files(__name__).joinpath("report-schema.json").read_text(encoding="utf-8")


@cache
def report_schema() -> dict[str, Any]:
    """The report schema as a dict (parsed once)."""
    return json.loads(schema_text())


# Rule ids added to the catalogue after the first agreed contract. A report that uses one of them
# cannot validate against the first schema's closed rule enum; every other report still does.
ADDED_RULES: frozenset[str] = frozenset({"reference-not-found", "reference-mismatch", "reference-retracted",
                                        "identifier-invalid"})
