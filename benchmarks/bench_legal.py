"""Legal citations: a 2,500-footnote Bluebook-style order (Word) audited whole, as a user runs it; target under 15 s.

Prints the time of `citeaudit audit --offline` (a fresh process: start-up, eyecite's reporter tables, ingest, every
stage, all four report formats), the time of the legal stage alone (cutting the notes into citations, with
eyecite, and resolving the short forms), and the truth figures: Id. found and resolved to the preceding
authority, supra note N and short case names resolved.

Run: .venv/bin/python -m benchmarks.bench_legal
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audit.emphasis import strip_emphasis
from audit.extract.legal_reader import read_legal_citations
from audit.ingest import ingest
from audit.pipeline import extract_notes, segment_notes
from audit.resolve import resolve_short_forms
from benchmarks.bluebook_memo import make_notes, score, write_docx

NOTES = 2_500
TARGET_SECONDS = 15.0
_CLI = Path(__file__).resolve().parent.parent / "cli.py"


def time_cli(path: Path, out: Path) -> tuple[float, dict]:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(_CLI), "audit", str(path), "--offline", "--out", str(out),
                    "--fail-on", "never"], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    return seconds, json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))


def time_stage(path: Path) -> float:
    """Segmentation with eyecite and short-form resolution, on a document already read (caches cleared)."""
    notes = extract_notes(ingest(path))
    read_legal_citations.cache_clear()
    strip_emphasis.cache_clear()
    started = time.perf_counter()
    citations = segment_notes(notes)
    resolve_short_forms(citations, [n.number for n in notes.notes])
    return time.perf_counter() - started


def main() -> None:
    notes, truth = make_notes(NOTES)
    with tempfile.TemporaryDirectory() as folder:
        path = write_docx(Path(folder) / "order.docx", notes)
        seconds, report = time_cli(path, Path(folder) / "reports")
        stage = time_stage(path)
    verdict = "OK" if seconds < TARGET_SECONDS else "TOO SLOW"
    print(f"bench_legal: {len(report['notes'])} footnotes, {report['stats']['citations']} citations: "
          f"citeaudit audit --offline {seconds:.2f} s (target < {TARGET_SECONDS:.0f} s: {verdict}); "
          f"legal segmentation + resolution {stage:.2f} s")
    for kind, label in (("id", "Id."), ("supra", "supra note N"), ("short", "short case names")):
        result = score(report, truth, kind)
        print(f"  {label}: {result.expected} in the text, {result.found} found "
              f"({result.found / result.expected:.1%}), {result.resolved} resolved right "
              f"({result.resolved / result.expected:.1%})")


if __name__ == "__main__":
    main()
