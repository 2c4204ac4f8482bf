"""Trust on the dev PDFs: error-severity findings per paper, and the notes found, for `run_audit` offline.

    python -m benchmarks.dev_findings [--show RULE] [--paper ID] [--pages-cache DIR]

Reads ../shared/data/dev/excite/{en,de-end}/*.pdf (published social-science papers, which almost never
mis-number their notes), runs the whole audit as a user would (offline, no URL checks), and prints one
row per paper: errors, warnings, notes, markers, bibliography entries and the rules behind the errors;
then the mean and maximum of errors per paper. `--show` prints the messages of one rule's findings so
they can be checked by eye. `--pages-cache` keeps the parsed PDF pages (pickled) between runs, which
saves most of the time while the layout or the stages after it change; the cache holds no text of its
own beyond what pdfminer read from the PDF.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import statistics
import time
from collections import Counter
from pathlib import Path

from audit.config import AuditConfig
from audit.findings import Severity
from audit.ingest import pdf_doc
from audit.pipeline import audit_document
from audit.urls import UrlAudit

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev" / "excite"
TARGET_MEAN, TARGET_MAX = 1.0, 5


def _no_urls(sites, config, **_kwargs) -> UrlAudit:
    return UrlAudit(records=(), findings=(), notice=None)


def _document(path: Path, cache: Path | None):
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if cache is None:
        return pdf_doc.read_pdf(str(path), data, sha)
    cached = cache / f"{path.parent.name}-{path.stem}.pickle"
    if cached.is_file():
        pages, problems = pickle.loads(cached.read_bytes())
    else:
        pages, problems = pdf_doc.read_pages(str(path), data)
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps((pages, problems)))
    return pdf_doc.document_from_layout(str(path), sha, pdf_doc.lay_out(pages), problems)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="append", default=[], help="print the findings of this rule")
    parser.add_argument("--paper", action="append", default=[], help="only this paper id (file stem)")
    parser.add_argument("--pages-cache", type=Path, help="keep parsed PDF pages here between runs")
    args = parser.parse_args(argv)
    if not DEV.is_dir():
        print(f"dev corpus absent: expected {DEV}")
        return
    config = AuditConfig(offline=True, no_urls=True)
    paths = sorted(DEV.glob("*/*.pdf"))
    if args.paper:
        paths = [p for p in paths if p.stem in args.paper]
    errors: list[int] = []
    totals: Counter[str] = Counter()
    print(f"{'paper':<16}{'err':>5}{'warn':>6}{'notes':>6}{'mark':>6}{'bib':>5}{'sec':>6}  error rules")
    for path in paths:
        start = time.perf_counter()
        doc = _document(path, args.pages_cache)
        report = audit_document(doc, config, url_stage=_no_urls)
        elapsed = time.perf_counter() - start
        found = [item.finding for item in report.findings]
        rules = Counter(f.rule for f in found if f.severity is Severity.ERROR)
        totals.update(f"{f.severity.value} {f.rule}" for f in found)
        counts = report.severity_counts
        errors.append(counts["error"])
        name = f"{path.parent.name}/{path.stem}"
        print(f"{name:<16}{counts['error']:>5}{counts['warning']:>6}{len(report.notes):>6}{report.marker_count:>6}"
              f"{len(report.bibliography):>5}{elapsed:>6.1f}  {dict(rules) if rules else ''}")
        for finding in found:
            if finding.rule in args.show:
                where = ", ".join(f"{loc.kind}:{loc.page or '-'}/{loc.line}" for loc in finding.locations)
                print(f"    {finding.severity.value} {finding.rule} [{where}] {finding.message[:150]}")
    if totals:
        print("findings over all papers:", ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    if errors:
        over = sum(1 for n in errors if n > TARGET_MAX)
        print(f"{len(errors)} papers: errors per paper mean {statistics.mean(errors):.2f} (target <= {TARGET_MEAN}), "
              f"median {statistics.median(errors)}, max {max(errors)} (target <= {TARGET_MAX}), "
              f"{over} papers over {TARGET_MAX}")


if __name__ == "__main__":
    main()
