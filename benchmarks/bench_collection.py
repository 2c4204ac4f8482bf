"""Collection throughput: documents per second with --jobs 1 and --jobs 2, on a local Dask cluster, and a re-run.

The issue's size, 1,000 documents, is the default; pass a smaller count for a short run. Synthetic papers
(notes and a bibliography built from benchmarks/synthetic_bib.py), audited offline as a user runs it
(`python cli.py`).
Speed-ups measured on a machine other developers are using at the same time are depressed by their load.

Run: .venv/bin/python -m benchmarks.bench_collection [DOCUMENTS]
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_audit_scale import measured, run_cli_measured
from benchmarks.synthetic_bib import make_bib

DOCUMENTS = 1_000  # the size; pass a smaller count for a short run on a busy machine
TARGET_SPEEDUP_PROCESSES, TARGET_SPEEDUP_DASK = 1.8, 1.6


def _paper(rng: random.Random, entries: list[str]) -> str:
    """A short paper: sentences with note markers, notes citing works, then the bibliography."""
    chosen = rng.sample(entries, 25)
    notes = [f"{n}. {entry}, p. {rng.randint(1, 300)}." for n, entry in enumerate(chosen[:15], start=1)]
    body = " ".join(f"A claim about the matter.{n}" for n in range(1, 16))
    return f"A Synthetic Paper\n\n{body}\n\nNotes\n\n" + "\n".join(notes) + "\n\nBibliography\n\n" + \
        "\n\n".join(sorted(chosen)) + "\n"


def _entries(count: int) -> list[str]:
    """Reference-list lines ("Surname, Given, Title, Container, Year") from the synthetic .bib."""
    import re

    out = []
    for block in make_bib(count).text.split("\n\n"):
        fields = dict(re.findall(r"(\w+) = \{(.*)\}", block))
        if "author" in fields:
            where = fields.get("journal") or fields.get("publisher", "")
            out.append(f"{fields['author'].split(' and ')[0]}, {fields['title']}, {where}, {fields['year']}")
    return out


def write_collection(folder: Path, documents: int) -> None:
    rng = random.Random(7)
    entries = _entries(2_000)
    for n in range(documents):
        (folder / f"paper{n:04d}.txt").write_text(_paper(rng, entries), encoding="utf-8")


def _dask_cluster() -> tuple[object, str] | None:
    """A local cluster of two worker processes, started before (outside) the timed runs."""
    try:
        from distributed import LocalCluster
    except ImportError:
        return None
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           host="127.0.0.1")
    return cluster, cluster.scheduler_address


def _worker_peaks_mb(address: str) -> list[float]:
    import resource

    from distributed import Client

    with Client(address) as client:
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return [kib / 1024 for kib in peaks.values()]


def _run(args: list[str], tmp: Path) -> tuple[float, str]:
    seconds, memory, stderr = run_cli_measured(args, tmp)
    cpu, workers = measured(stderr, "cpu_seconds"), measured(stderr, "children_cpu_seconds")
    worker_mb = measured(stderr, "children_maxrss_kib") / 1024
    return seconds, (f"CPU {cpu:.1f} s in the main process + {workers:.1f} s in worker processes; peak "
                     f"{memory:.0f} MB main" + (f", {worker_mb:.0f} MB per worker" if worker_mb else ""))


def main(documents: int = DOCUMENTS) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "papers"
        folder.mkdir()
        write_collection(folder, documents)
        times = {}
        for jobs in (1, 2):
            seconds, cost = _run(["audit", str(folder), "--offline", "--jobs", str(jobs), "--out",
                                  str(tmp / f"out{jobs}")], tmp)
            times[jobs] = seconds
            print(f"bench_collection: {documents} documents, --jobs {jobs}: {seconds:.1f} s, "
                  f"{documents / seconds:.2f} documents/s ({cost})")
        print(f"  speed-up with 2 processes: {times[1] / times[2]:.2f}x (target >= {TARGET_SPEEDUP_PROCESSES}x; "
              "depressed on a shared machine)")
        rerun, cost = _run(["audit", str(folder), "--offline", "--jobs", "2", "--out", str(tmp / "out2")], tmp)
        print(f"  re-run with nothing changed: {rerun:.2f} s ({100 * rerun / times[2]:.1f} % of the --jobs 2 run, "
              f"{100 * rerun / times[1]:.1f} % of the --jobs 1 run; target < 5 %; {cost})")
        started = _dask_cluster()
        if started is None:
            print("  Dask: not installed (pip install -e '.[dask]'), skipped")
            return
        cluster, address = started
        try:
            # Timed: the whole `citeaudit audit --scheduler` run (connecting, tasks, gathering, the index).
            # Not timed: starting the cluster. The first run's workers also import citeaudit and load its
            # models (a user's first run on a fresh cluster); the second (--force) measures throughput.
            base = ["audit", str(folder), "--offline", "--scheduler", address, "--out", str(tmp / "outdask")]
            cold, _ = _run(base, tmp)
            warm, cost = _run([*base, "--force"], tmp)
            peaks = _worker_peaks_mb(address)
        finally:
            cluster.close()
        for label, seconds in (("first run, fresh workers", cold), ("again on the same workers", warm)):
            print(f"  Dask local cluster (2 worker processes), {label}: {seconds:.1f} s, "
                  f"{documents / seconds:.2f} documents/s, speed-up {times[1] / seconds:.2f}x "
                  f"(target >= {TARGET_SPEEDUP_DASK}x)")
        print(f"  Dask workers' peak memory: {', '.join(f'{mb:.0f} MB' for mb in peaks)} ({cost})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENTS)
