"""Whole `citeaudit audit X.bib --offline` as a user runs it, on synthetic .bib files of growing size.

Prints seconds and peak memory per size, the growth ratio from 10k to the largest size, and duplicate
detection precision and recall on the 50k file against the planted truth (benchmarks/synthetic_bib.py).
Targets (issue 16): 50k entries < 20 s; growth 10k -> 100k <= 12x; memory < 1 GB at 100k;
precision >= 0.97 at recall >= 0.95 at 50k.

Run: .venv/bin/python -m benchmarks.bench_audit_scale [SIZE ...]   (default 5000 10000 50000 100000)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic_bib import make_bib, score_pairs

SIZES = (5_000, 10_000, 50_000, 100_000)
TARGET_50K_SECONDS, TARGET_GROWTH, TARGET_MEMORY_MB = 20.0, 12.0, 1024.0
TARGET_PRECISION, TARGET_RECALL = 0.97, 0.95
CLI = Path(__file__).resolve().parent.parent / "cli.py"
# Runs the CLI in a child and reports its peak resident memory (ru_maxrss is in KiB on Linux) and the CPU
# seconds of the run and of its worker processes: on a machine others are using, CPU time is the figure
# their load distorts least (wall time waits for the cores they hold).
_MEASURED = ("import resource, runpy, sys\n"
             "sys.argv = sys.argv[1:]\n"
             "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\n"
             "finally:\n"
             "    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "    print(f'maxrss_kib={me.ru_maxrss}', file=sys.stderr)\n"
             "    print(f'children_maxrss_kib={kids.ru_maxrss}', file=sys.stderr)\n"
             "    print(f'cpu_seconds={me.ru_utime + me.ru_stime:.2f}', file=sys.stderr)\n"
             "    print(f'children_cpu_seconds={kids.ru_utime + kids.ru_stime:.2f}', file=sys.stderr)\n")


def run_cli_measured(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Seconds, peak memory (MB) and stderr of one `python cli.py ARGS` run."""
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(CLI.parent)}  # this checkout's code, not an installed copy
    done = subprocess.run([sys.executable, "-c", _MEASURED, str(CLI), *args], cwd=cwd, capture_output=True,
                          text=True, check=False, env=env)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:  # 1 is also Python's exit on a crash
        raise RuntimeError(f"citeaudit exited {done.returncode}: {done.stderr[-500:]}")
    rss = next((int(line.split("=")[1]) for line in done.stderr.splitlines() if line.startswith("maxrss_kib=")), 0)
    return seconds, rss / 1024, done.stderr


def measured(stderr: str, name: str) -> float:
    """A figure `_MEASURED` printed: cpu_seconds, children_cpu_seconds, children_maxrss_kib …"""
    return next((float(line.split("=")[1]) for line in stderr.splitlines() if line.startswith(f"{name}=")), 0.0)


def duplicate_pairs(report_path: Path) -> set[tuple[int, int]]:
    """Pairs of entry indices the report calls duplicates."""
    report = json.loads(report_path.read_text(encoding="utf-8"))
    pairs = set()
    for finding in report["findings"]:
        if finding["rule"] != "duplicate-entry":
            continue
        indices = sorted(loc["index"] for loc in finding["locations"])
        pairs |= {(a, b) for i, a in enumerate(indices) for b in indices[i + 1:]}
    return pairs


def audit_size(count: int, folder: Path) -> tuple[float, float, float, tuple[float, float]]:
    """Wall seconds, peak MB, CPU seconds and duplicate (precision, recall) of one whole audit."""
    bib = make_bib(count)
    path = folder / f"synthetic{count}.bib"
    path.write_text(bib.text, encoding="utf-8")
    out = folder / f"out{count}"
    seconds, memory, stderr = run_cli_measured(["audit", str(path), "--offline",
                                                "--out", str(out)], folder)
    quality = score_pairs(duplicate_pairs(out / f"{path.stem}.json"), bib.true_pairs())
    path.unlink()
    return seconds, memory, measured(stderr, "cpu_seconds"), quality


def main(sizes: tuple[int, ...] = SIZES) -> None:
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in sizes:
            seconds, memory, cpu, (precision, recall) = audit_size(count, Path(tmp))
            times[count] = seconds
            print(f"bench_audit_scale: {count:>7} entries: whole audit {seconds:6.1f} s (CPU {cpu:6.1f} s), "
                  f"peak {memory:5.0f} MB, duplicates precision {precision:.3f} recall {recall:.3f}")
            if count == 50_000:
                ok = seconds < TARGET_50K_SECONDS and precision >= TARGET_PRECISION and recall >= TARGET_RECALL
                print(f"  50k target (< {TARGET_50K_SECONDS:.0f} s, P >= {TARGET_PRECISION}, "
                      f"R >= {TARGET_RECALL}): {'OK' if ok else 'MISSED'}")
            if count == max(sizes) and count >= 100_000:
                print(f"  memory target at {count} (< {TARGET_MEMORY_MB:.0f} MB): "
                      f"{'OK' if memory < TARGET_MEMORY_MB else 'MISSED'}")
    if 10_000 in times and max(times) > 10_000:
        growth = times[max(times)] / times[10_000]
        print(f"  growth 10k -> {max(times) // 1000}k: {growth:.1f}x for {max(times) / 10_000:.0f}x the entries "
              f"(target <= {TARGET_GROWTH:.0f}x at 100k: {'OK' if growth <= TARGET_GROWTH else 'MISSED'})")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
