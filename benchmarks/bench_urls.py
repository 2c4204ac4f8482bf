"""URL stage speed, on loopback sites served by another process (benchmarks/url_sites.py).

- 200 URLs on 10 hosts, each answering after 0.25 s: the stage in-process (median of 3, imports warm) without
  and with the archive (targets 1.6 s and 3 s; 4 requests per host in flight make 1.25 s the floor for one
  request per URL, 1.5 s with each host's soft-404 probe), then `citeaudit urls` as a user runs it.
- The trial document: 19 URLs, among them a host answering after 40 s, a 503, a 429 and a soft 404: the
  first `citeaudit audit` (bounded by --url-timeout, 20 s), and re-runs, which must ask nothing and take
  about a second (the same audit --offline is printed beside them: the part that is not the URL stage).

Run: .venv/bin/python -m benchmarks.bench_urls   (touches loopback only)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audit.config import AuditConfig
from audit.findings import Location
from audit.urls import UrlSite, UrlStatus, audit_urls
from benchmarks.url_sites import DELAY, SLOW, Sites, serving

HOSTS = [f"127.0.0.{i}" for i in range(2, 12)]  # 10 hosts; all of 127/8 is loopback on Linux
URLS_PER_HOST = 20
TARGETS = {False: 1.6, True: 3.0}  # seconds, without / with the archive
RERUN_TARGET = 1.0  # seconds for a whole re-run served from the cache ("about a second"), Python start-up included
REPEATS = 3
ROOT = Path(__file__).resolve().parent.parent


def two_hundred(sites: Sites) -> list[str]:
    return [f"{base}/docs/page{i}.html" for base in sites.bases for i in range(URLS_PER_HOST)]


def trial(sites: Sites) -> list[str]:
    """19 URLs shaped like the trial's: live pages, dead ones, a soft 404, 503, 429 and one very slow host."""
    a, b, c, d, slow = sites.bases[:5]
    return ([f"{a}/docs/page{i}.html" for i in range(8)] + [f"{b}/docs/page{i}.html" for i in range(4)]
            + [f"{b}/gone/report{i}.pdf" for i in range(2)] + [f"{c}/soft/article.html", f"{c}/busy/data.html",
                                                              f"{d}/limited/table.html", f"{d}/docs/page9.html",
                                                              f"{slow}/slow/statement.html"])


def time_stage(sites: Sites, urls: list[str], with_archive: bool) -> tuple[float, int]:
    """Seconds for audit_urls on a fresh cache, and how many URLs came out alive."""
    with tempfile.TemporaryDirectory() as cache:
        site_list = [UrlSite(f"Report, retrieved on 7 September 2011, {u}", Location.entry(i + 1, i + 1))
                     for i, u in enumerate(urls)]
        config = AuditConfig(cache=cache, no_archive=not with_archive, archive_url=sites.archive)
        started = time.perf_counter()
        result = audit_urls(site_list, config)
        elapsed = time.perf_counter() - started
        return elapsed, sum(r.status is UrlStatus.ALIVE for r in result.records)


def write_document(folder: Path, urls: list[str]) -> Path:
    doc = folder / "paper.txt"
    doc.write_text("Routes\n\n" + "\n\n".join(f"Report {i}, retrieved on 7 September 2011, {u}."
                                              for i, u in enumerate(urls)) + "\n", encoding="utf-8")
    return doc


def cli_environment(bytecode: Path) -> dict[str, str]:
    """The environment of a user's run: bytecode compiled once and reused (an installed package has it), kept
    in `bytecode` rather than in the repository, even where PYTHONDONTWRITEBYTECODE is set for development."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def time_cli(args: list[str], sites: Sites, env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """(seconds, requests the sites received, exit code) of one `python cli.py ...` run."""
    before = sites.requests
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
                          check=False, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        print(f"   (exit {done.returncode}: {done.stderr.strip()[:200]})")
    return elapsed, sites.requests - before, done.returncode


def verdict(elapsed: float, target: float) -> str:
    return f"target <= {target:g} s: {'OK' if elapsed <= target else 'TOO SLOW'}"


def main() -> None:
    import audit.rules.urls  # noqa: F401 - imported once, outside the timings of the stage (the CLI runs
    import audit.urls.http_client  # noqa: F401 - below include them, with Python's start-up)
    import audit.urls.network  # noqa: F401

    with serving(HOSTS) as sites:
        urls = two_hundred(sites)
        for with_archive in (False, True):
            runs = [time_stage(sites, urls, with_archive) for _ in range(REPEATS)]
            elapsed = statistics.median(t for t, _ in runs)
            label = "with the archive" if with_archive else "archive off"
            print(f"bench_urls stage ({label}): {len(urls)} URLs on {len(HOSTS)} hosts, {DELAY} s per answer: "
                  f"{elapsed:.2f} s (median of {REPEATS}; runs {', '.join(f'{t:.2f}' for t, _ in runs)}), "
                  f"{runs[0][1]} alive ({verdict(elapsed, TARGETS[with_archive])})")
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            doc = write_document(folder, urls)
            env = cli_environment(folder / "bytecode")
            time_cli(["audit", str(doc), "--offline", "--out", str(folder / "warm")], sites, env)  # compiles once
            for with_archive in (False, True):
                flags = ["--archive-url", sites.archive] if with_archive else ["--no-archive"]
                elapsed, asked, _ = time_cli(["urls", str(doc), "--format", "json", "--cache",
                                              str(folder / f"cache{with_archive}.sqlite"), *flags], sites, env)
                label = "with the archive" if with_archive else "--no-archive"
                print(f"bench_urls cli: citeaudit urls {label}, {len(urls)} URLs: {elapsed:.2f} s with Python "
                      f"start-up, {asked} requests")
            (folder / "trial").mkdir()
            trial_doc = write_document(folder / "trial", trial(sites))
            audit_args = ["audit", str(trial_doc), "--out", str(folder / "out"), "--format", "json",
                          "--cache", str(folder / "trial.sqlite"), "--archive-url", sites.archive]
            first, first_asked, _ = time_cli(audit_args, sites, env)
            reruns = [time_cli(audit_args, sites, env) for _ in range(REPEATS)]
            again, again_asked = statistics.median(t for t, _, _ in reruns), sum(n for _, n, _ in reruns)
            offline = statistics.median(time_cli(audit_args + ["--offline"], sites, env)[0] for _ in range(REPEATS))
            print(f"bench_urls trial (citeaudit audit, 19 URLs, one host answering after {SLOW:g} s): first run "
                  f"{first:.1f} s ({first_asked} requests; --url-timeout 20 s bounds the slow host); re-run "
                  f"{again:.2f} s (median of {REPEATS}; {again_asked} requests; {verdict(again, RERUN_TARGET)}"
                  f"{'' if again_asked == 0 else ', ASKED AGAIN'}); the same audit --offline {offline:.2f} s")


if __name__ == "__main__":
    main()
