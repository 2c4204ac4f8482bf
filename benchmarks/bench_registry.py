"""Registry stage speed: 500 works verified against loopback fakes of Crossref, OpenAlex and Open Library
that answer after 0.1 s each; target under 15 s, and a second run served from the cache with no request.

Timed twice: the stage alone (verify_works on 500 works), and `citeaudit audit` as a user runs it on a
.bib file of the same 500 references (a fresh process, --no-urls, JSON to stdout).

Run: .venv/bin/python -m benchmarks.bench_registry   (prints the figures; touches loopback only)
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audit.config import AuditConfig
from audit.registry import RegistryStatus, verify_works
from tests.registry_fakes import FakeRegistries, serving
from tests.registry_testset import Case, build_testset

WORKS = 500
LATENCY = 0.1
TARGET_SECONDS = 15.0
ROOT = Path(__file__).resolve().parent.parent


def bib_entry(index: int, case: Case) -> str:
    fields = case.cited.fields
    lines = [f"@article{{ref{index},", f"  author = {{{' and '.join(fields.get('author', ()))}}},",
             f"  title = {{{fields['title']}}},", f"  year = {{{fields['date']}}},"]
    for bib_name, name in (("journal", "container-title"), ("volume", "volume"), ("pages", "pages"),
                           ("publisher", "publisher")):
        if fields.get(name):
            lines.append(f"  {bib_name} = {{{fields[name]}}},")
    for identifier in case.cited.identifiers:
        if identifier.kind in ("doi", "isbn"):
            lines.append(f"  {identifier.kind} = {{{identifier.value}}},")
    return "\n".join(lines) + "\n}\n"


def time_stage(fake: FakeRegistries, urls: dict[str, str], cases: list[Case], cache: str) -> tuple[float, int, str]:
    config = AuditConfig(cache=cache, **urls)
    before = len(fake.requests)
    started = time.perf_counter()
    audit = verify_works([c.cited for c in cases], config)
    elapsed = time.perf_counter() - started
    counts: dict[str, int] = {}
    for verdict in audit.verdicts.values():
        counts[verdict.status.value] = counts.get(verdict.status.value, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    assert counts.get(RegistryStatus.UNREACHABLE.value, 0) == 0, summary
    return elapsed, len(fake.requests) - before, summary


def time_cli(fake: FakeRegistries, urls: dict[str, str], bib: Path, cache: str) -> tuple[float, int, int]:
    before = len(fake.requests)
    command = [sys.executable, str(ROOT / "cli.py"), "audit", str(bib), "--format", "json", "--no-urls",
               "--cache", cache, "--crossref-url", urls["crossref_url"], "--openalex-url", urls["openalex_url"],
               "--openlibrary-url", urls["openlibrary_url"]]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    elapsed = time.perf_counter() - started
    report = json.loads(done.stdout)
    verified = sum(1 for w in report["works"] if w["registry"]["status"] not in ("NOT_CHECKED", "UNREACHABLE"))
    return elapsed, len(fake.requests) - before, verified


def main() -> None:
    known, every = build_testset(seed=11, generated=440)
    cases = random.Random(0).sample(every, WORKS)  # the stage: every kind (correct, misprinted, variant, invented)
    # The document: 500 distinct works (a misprinted copy of a listed work would be merged with it).
    distinct = [c for c in every if c.truth in ("found", "invented")][:WORKS]
    fake = FakeRegistries(known, latency=LATENCY)
    with serving(fake) as urls, tempfile.TemporaryDirectory() as work:
        for run in ("first", "second"):
            elapsed, asked, summary = time_stage(fake, urls, cases, f"{work}/stage/")
            verdict = "OK" if (elapsed < TARGET_SECONDS if run == "first" else asked == 0) else "FAILED"
            print(f"bench_registry (stage, {run} run): {len(cases)} works, {LATENCY} s per answer: {elapsed:.2f} s, "
                  f"{asked} requests ({summary}) (target {'< 15 s' if run == 'first' else 'no request'}: {verdict})")
        bib = Path(work) / "references.bib"
        bib.write_text("\n".join(bib_entry(i, c) for i, c in enumerate(distinct, start=1)), encoding="utf-8")
        for run in ("first", "second"):
            elapsed, asked, verified = time_cli(fake, urls, bib, f"{work}/cli/")
            verdict = "OK" if (elapsed < TARGET_SECONDS if run == "first" else asked == 0) else "FAILED"
            print(f"bench_registry (citeaudit audit, {run} run): {len(distinct)} references in a .bib: "
                  f"{elapsed:.2f} s, {asked} requests, {verified} works looked up "
                  f"(target {'< 15 s' if run == 'first' else 'no request'}: {verdict})")


if __name__ == "__main__":
    main()
