"""Parse speed: 10,000 references through `parse_references`, in references per second.

References are sampled from AnyStyle's training strings and the seed gold files, with every
digit re-drawn at random so that numbers (years, pages, volumes) are new tokens each time, as
in a real bibliography. `python -m benchmarks.bench_parse --profile` prints a cProfile summary.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import random
import sys
import time
from pathlib import Path

from audit.parse import parse_references
from audit.parse.dataset import read_dataset

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "anystyle-core.xml"
GOLD = (ROOT / "tests" / "data" / "gold_seed_bibliography.json", ROOT / "tests" / "data" / "gold_seed_notes.json")
COUNT = 10_000
TARGET = 1_000  # references per second on one core


def sample_references(count: int = COUNT, seed: int = 0) -> list[str]:
    """`count` reference strings with freshly drawn digits."""
    texts = [seq.text for seq in read_dataset(DATA)] if DATA.is_file() else []
    for path in GOLD:
        if path.is_file():
            texts += [item["text"] for item in json.loads(path.read_text(encoding="utf-8"))]
    if not texts:
        raise SystemExit(f"no references to sample: {DATA} and the gold files are missing")
    rng = random.Random(seed)
    digits = "0123456789"
    out = []
    for _ in range(count):
        text = rng.choice(texts)
        out.append("".join(rng.choice(digits) if c.isdigit() else c for c in text))
    return out


def main(argv: list[str] | None = None) -> float:
    argv = sys.argv[1:] if argv is None else argv
    refs = sample_references()
    parse_references(refs[:10])  # load the model outside the timing
    profiler = cProfile.Profile() if "--profile" in argv else None
    start, cpu_start = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    parse_references(refs)
    if profiler:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    rate = len(refs) / elapsed
    # CPU time shows what one core does when the machine is shared (wall time then counts the waiting).
    print(f"bench_parse: {len(refs)} references in {elapsed:.2f} s = {rate:,.0f} refs/s "
          f"(target {TARGET:,}/s) {'OK' if rate >= TARGET else 'TOO SLOW'}; "
          f"CPU time {cpu:.2f} s = {len(refs) / cpu:,.0f} refs/s")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return rate


if __name__ == "__main__":
    main()
