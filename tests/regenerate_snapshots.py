"""`python -m tests.regenerate_snapshots` (`make snapshots`): rewrite the renderers' golden files.

The golden files change only through this command and a reviewed diff. They use the real parser and no
network: the golden report is the report a reviewer would read, so a change to the parser's model that
changes it must be reviewed here too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from audit.config import AuditConfig
from audit.ingest import ingest
from audit.pipeline import audit_document
from audit.render.markdown_report import render_markdown
from audit.report import Report

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
SEED_PAPER = "000_1ec35bee97424517.txt"
# The path printed in the report, as the tests name the seeds: the same on every checkout.
SEED_PAPER_SHOWN = f"../shared/seeds/{SEED_PAPER}"


@cache  # the Report is frozen: the tests that share it cannot change it
def seed_paper_report() -> Report:
    path = SEEDS / SEED_PAPER
    if not path.is_file():
        import pytest  # the tests skip, saying why; `make snapshots` stops with the same message

        pytest.skip(f"seed document missing: expected {path} (../shared/seeds beside the repository)")
    doc = replace(ingest(path), path=SEED_PAPER_SHOWN)
    return audit_document(doc, AuditConfig(offline=True, no_urls=True))


def seed_markdown() -> str:
    return render_markdown(seed_paper_report())


SNAPSHOTS: dict[str, Callable[[], str]] = {"seed_report.md": seed_markdown}


def main() -> int:
    DATA.mkdir(parents=True, exist_ok=True)
    for name, make in SNAPSHOTS.items():
        target = DATA / name
        text = make()
        before = target.read_text(encoding="utf-8") if target.exists() else None
        if before == text:
            print(f"unchanged {target}", file=sys.stderr)
            continue
        target.write_text(text, encoding="utf-8", newline="\n")
        print(f"{'updated' if before is not None else 'created'} {target}: review with git diff", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
