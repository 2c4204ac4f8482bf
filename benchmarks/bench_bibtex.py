"""BibTeX splitter speed: 50,000 entries (one in 1,000 broken) read and laid out as a document; target under 30 s.

Run: .venv/bin/python -m benchmarks.bench_bibtex   (builds the file in memory and a temporary directory)
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from audit.ingest import ingest
from audit.ingest.bibtex_doc import split_bibtex
from audit.models import SourceEntry, UnreadablePart

ENTRIES = 50_000
TARGET_SECONDS = 30.0


def make_bib(count: int, broken_every: int = 1_000) -> str:
    parts = []
    for i in range(count):
        if broken_every and i % broken_every == broken_every - 1:
            parts.append(f"@article{{broken{i},\n  title = {{Unclosed {{brace}},\n  year = {{2001}}\n}}\n")
            continue
        parts.append(
            f"@article{{key{i},\n  author = {{Smith, John and M{{\\\"u}}ller, Hans and Doe, Jane}},\n"
            f"  title = {{A Study of {{Things}} Number {i}}},\n  journal = {{Journal of Studies}},\n"
            f"  volume = {i % 90}, number = {{{i % 12}}}, pages = {{{i % 300}--{i % 300 + 20}}},\n"
            f"  year = {1950 + i % 70},\n  doi = {{10.1000/xyz.{i}}},\n  url = {{https://example.org/p/{i}}}\n}}\n")
    return "\n".join(parts)


def time_split(text: str) -> tuple[float, list[SourceEntry], list[UnreadablePart]]:
    started = time.perf_counter()
    entries, problems = split_bibtex(text, "bench.bib")
    return time.perf_counter() - started, entries, problems


def main() -> None:
    text = make_bib(ENTRIES)
    seconds, entries, problems = time_split(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.bib"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        doc = ingest(path)
        whole = time.perf_counter() - started
    verdict = "OK" if whole < TARGET_SECONDS else "TOO SLOW"
    print(f"bench_bibtex: {len(text) / 1_048_576:.1f} MB, {len(entries)} entries, {len(problems)} unreadable: "
          f"split {seconds:.2f} s; ingest with layout {whole:.2f} s, {len(doc.lines)} lines "
          f"(target < {TARGET_SECONDS:.0f} s: {verdict})")


if __name__ == "__main__":
    main()
