"""Whole `citeaudit audit --offline` on real documents of the dev corpus, as a user runs it (a fresh
process each time, start-up included), and the extraction stage alone on the same input.

Targets (issue #13): a 300-page PDF text in under 3 s, a 30-page PDF in under 5 s. Skips, saying why, when
../shared/data/dev is absent. Also prints how the time grows with the length of the text (the longest
dissertation cut to a quarter, a half and whole).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"


def _audit_seconds(path: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import cli; cli.main()", "audit", str(path), "--offline",
                        "--out", out, "--format", "json", "--fail-on", "never"], check=True, capture_output=True)
        return time.perf_counter() - start


def _stage_seconds(text: str) -> float:
    from audit.extract.bibliography import extract_bibliography
    from audit.ingest.plain_text import read_plain_text

    doc = read_plain_text("x.txt", text, "0" * 64, "utf-8")
    extract_bibliography(doc)  # models loaded once, as in a run
    start = time.perf_counter()
    extract_bibliography(doc)
    return time.perf_counter() - start


def main() -> None:
    if not DEV.is_dir():
        print(f"skipped: {DEV} is absent (../shared beside the repository)")
        return
    from audit.evaldocs.corpus import read_ttx

    longest = max((DEV / "finder").glob("*.ttx"), key=lambda p: p.stat().st_size)
    text = read_ttx(longest).text
    pages = text.count("\f") + 1
    with tempfile.TemporaryDirectory() as folder:
        for share in (0.25, 0.5, 1.0):
            part = text[: int(len(text) * share)]
            path = Path(folder) / f"thesis-{int(share * 100)}.txt"
            path.write_text(part, encoding="utf-8")
            print(f"PDF text, {int(pages * share)} pages ({len(part.splitlines())} lines): whole audit "
                  f"{_audit_seconds(path):.2f} s, bibliography stage {_stage_seconds(part):.2f} s")
    pdfs = sorted((DEV / "excite").glob("*/*.pdf"), key=lambda p: p.stat().st_size)
    # the median file, the largest 30-page file (the "30-page PDF in under 5 s") and the largest file
    thirty = max((p for p in pdfs if _pages(p) == 30), key=lambda p: p.stat().st_size, default=None)
    for pdf in (pdfs[len(pdfs) // 2], thirty, pdfs[-1]):
        if pdf is None:
            continue
        print(f"PDF {pdf.parent.name}/{pdf.name} ({_pages(pdf)} pages, {pdf.stat().st_size // 1024} KB): "
              f"whole audit {_audit_seconds(pdf):.2f} s (target for 30 pages < 5 s)")


def _pages(pdf: Path) -> int:
    """Pages of a dev-corpus PDF, counted once from the reader's page markers."""
    if pdf not in _PAGES:
        from audit.ingest import ingest

        doc = ingest(pdf)
        _PAGES[pdf] = max((page for _, page in doc.page_starts), default=1)
    return _PAGES[pdf]


_PAGES: dict[Path, int] = {}


if __name__ == "__main__":
    main()
