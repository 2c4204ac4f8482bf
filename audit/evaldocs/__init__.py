"""evaluate_documents(): run the real pipeline over the development corpus and measure it against the gold.

Three parts (see `../shared/data/dev/README.md`): dissertations as PDF text with a label per line (finder),
reference sections cut from PDFs with one entry each (refsections), and social-science PDFs with their
gold reference strings (excite). Every document goes through `audit_document`, offline, as a user's would.
"""

from __future__ import annotations

import bisect
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from audit.config import AuditConfig
from audit.evaldocs.corpus import read_gold_pdfs, read_refsection, read_ttx
from audit.evaldocs.measures import Counts, compare_sets, found_references, same_entry
from audit.ingest import ingest
from audit.ingest.plain_text import read_plain_text
from audit.models import Document
from audit.pipeline import audit_document
from audit.report import Report

PARTS = ("finder", "refsections", "pdfs")
OFFLINE = AuditConfig(offline=True, no_urls=True)
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class DocResult:
    part: str
    name: str
    seconds: float
    lines: Counts | None = None  # finder: reference lines covered by the bibliography
    boundaries: Counts | None = None  # refsections: entry starts
    exact: tuple[int, int] | None = None  # refsections: (entries reproduced exactly, gold entries)
    found: tuple[int, int] | None = None  # pdfs: (gold references found, gold references)
    entries: tuple[int, int] | None = None  # (bibliography entries found, gold entries)
    notes: int = 0
    errors: tuple[str, ...] = ()  # error-severity findings, "rule: message"
    warnings_by_rule: dict[str, int] = field(default_factory=dict)
    group: str = ""


def _text_document(name: str, text: str) -> Document:
    return read_plain_text(name, text, "0" * 64, "utf-8")


def _audit(doc: Document) -> tuple[Report, float]:
    start = time.perf_counter()
    report = audit_document(doc, OFFLINE)
    return report, time.perf_counter() - start


def _errors(report: Report) -> tuple[str, ...]:
    return tuple(f"{n.finding.rule}: {n.finding.message}" for n in report.findings
                 if n.finding.severity.value == "error")


def _warnings(report: Report) -> dict[str, int]:
    out: dict[str, int] = {}
    for n in report.findings:
        if n.finding.severity.value == "warning":
            out[n.finding.rule] = out.get(n.finding.rule, 0) + 1
    return out


def entry_lines(doc: Document, report: Report) -> set[int]:
    """1-based numbers of the non-blank lines the bibliography entries cover."""
    covered: set[int] = set()
    starts = [line.start for line in doc.lines]
    for record in report.bibliography:
        span = record.entry.span
        last = bisect.bisect_right(starts, max(span.start, span.end - 1))
        covered.update(n for n in range(span.line, last + 1) if doc.lines[n - 1].text.strip())
    return covered


def evaluate_finder(path: Path) -> DocResult:
    gold = read_ttx(path)
    doc = _text_document(path.name, gold.text)
    report, seconds = _audit(doc)
    truth = {k + 1 for k, label in enumerate(gold.labels) if label == "ref"}
    return DocResult("finder", gold.name, seconds, lines=compare_sets(entry_lines(doc, report), truth),
                     entries=(len(report.bibliography), 0), notes=len(report.notes), errors=_errors(report),
                     warnings_by_rule=_warnings(report))


def evaluate_refsection(path: Path) -> DocResult:
    gold = read_refsection(path)
    doc = _text_document(path.name, gold.text)
    report, seconds = _audit(doc)
    starts = {record.entry.span.line - 1 for record in report.bibliography}
    by_start = {record.entry.span.line - 1: record.entry.text for record in report.bibliography}
    exact = sum(1 for first, last in gold.entries
                if first in by_start and same_entry(by_start[first], gold.lines[first:last + 1]))
    return DocResult("refsections", gold.name, seconds,
                     boundaries=compare_sets(starts, {first for first, _ in gold.entries}),
                     exact=(exact, len(gold.entries)), entries=(len(report.bibliography), len(gold.entries)),
                     errors=_errors(report), warnings_by_rule=_warnings(report))


def evaluate_pdf(gold_pdf) -> DocResult:
    start = time.perf_counter()
    doc = ingest(gold_pdf.path)
    report = audit_document(doc, OFFLINE)
    seconds = time.perf_counter() - start
    items = [record.entry.text for record in report.bibliography]
    items += [citation.text for note in report.notes for citation in note.citations]
    return DocResult("pdfs", gold_pdf.name, seconds, group=gold_pdf.group,
                     found=(found_references(gold_pdf.references, items), len(gold_pdf.references)),
                     entries=(len(report.bibliography), len(gold_pdf.references)), notes=len(report.notes),
                     errors=_errors(report), warnings_by_rule=_warnings(report))


def evaluate_documents(root: Path, parts: Sequence[str] = PARTS, *, limit: int | None = None, folds: int = 0,
                       progress: Progress | None = None) -> list[DocResult]:
    """Every document of the chosen parts of the corpus under `root` (../shared/data/dev).

    The line models ship trained on all of it (the PDFs' layouts teach the zone model); with `folds` > 1
    each document is measured with models trained without it (k-fold by document), as unseen documents are.
    """
    finder = sorted((root / "finder").glob("*.ttx"))[:limit] if "finder" in parts else []
    sections = sorted((root / "refsections").glob("*.tei.xml"))[:limit] if "refsections" in parts else []
    pdfs = read_gold_pdfs(root / "excite")[:limit] if "pdfs" in parts else []
    jobs: list[tuple[Callable[..., DocResult], object, str, int]] = []  # (how, what, name, index in part)
    jobs += [(evaluate_finder, p, p.stem, k) for k, p in enumerate(finder)]
    jobs += [(evaluate_refsection, p, p.name.removesuffix(".tei.xml"), k) for k, p in enumerate(sections)]
    jobs += [(evaluate_pdf, g, g.name, k) for k, g in enumerate(pdfs)]
    total = len(jobs)
    batches = [(set(), jobs)] if folds < 2 else [
        ({name for _, _, name, k in jobs if k % folds == fold}, [job for job in jobs if job[3] % folds == fold])
        for fold in range(folds)]
    results: list[DocResult] = []
    for held_out, todo in batches:
        if not todo:
            continue
        with _models_without(held_out, root, progress):
            for run, arg, name, _ in todo:
                if progress:
                    progress(f"[{len(results) + 1}/{total}] {name}")
                results.append(run(arg))
    return results


@contextmanager
def _models_without(names: set[str], root: Path, progress: Progress | None) -> Iterator[None]:
    """Line models trained on the corpus less `names` for the duration (the shipped ones when empty)."""
    if not names:
        yield
        return
    from audit.zoning.model import restore_models, use_models
    from audit.zoning.training import train_line_models

    with tempfile.TemporaryDirectory() as folder:
        if progress:
            progress(f"training line models without {len(names)} documents")
        zones, entries = train_line_models(root, Path(folder) / "zones.crfsuite", Path(folder) / "entries.crfsuite",
                                           exclude=frozenset(names))
        previous = use_models(zones, entries)
        try:
            yield
        finally:
            restore_models(previous)
