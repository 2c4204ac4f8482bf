"""Audit many documents: in worker processes when asked, each document's failure kept to itself.

`audit_documents()` runs `audit_one()` for every path, in parallel worker processes when `jobs > 1`, and
returns one `Outcome` per document in the order given. A document that cannot be read, or that trips a
bug, becomes an outcome with a one-line error; the other documents are audited as usual.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from audit.config import AuditConfig
from audit.errors import UnreadableInput
from audit.manifest import DocumentSummary, summarise

if TYPE_CHECKING:  # the audit is imported when a document is audited: a re-run with nothing to do skips it
    from audit.collection_urls import SharedUrlChecks
    from audit.report import Report

# done, total, failed so far
CollectionProgress = Callable[[int, int, int], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    path: Path
    report: Report | None  # None when it could not be audited, or when only its summary was asked for
    error: str | None = None  # one line, when the document could not be audited
    unreadable: bool = False  # the error is the input's fault (exit code 3), not ours
    summary: DocumentSummary | None = None  # what the manifest, the index and the run's exit code need


def default_jobs() -> int:
    return os.cpu_count() or 1


def write_reports(report: Report, path: Path, target: Path, formats: Sequence[str]) -> None:
    """Render and write each format in turn, piece by piece: no whole rendering is held in memory."""
    from audit.commands import write_atomically  # commands imports this module
    from audit.render import RENDERERS, render_pieces

    for fmt in formats:
        if fmt in RENDERERS:
            write_atomically(target / f"{path.stem}.{fmt}", render_pieces(fmt, report))


def run_audit(path: Path, config: AuditConfig, **stages: object) -> Report:
    """The pipeline's `run_audit`, imported when a document is first audited (a re-run with nothing to audit
    never loads the pipeline, its readers and rules)."""
    from audit.pipeline import run_audit as audit_pipeline

    return audit_pipeline(path, config, **stages)


def audit_one(path: Path, config: AuditConfig, out_dir: Path | None,
              url_stage: SharedUrlChecks | None = None, keep_report: bool = True) -> Outcome:
    """Audit one document and write its reports (when `out_dir` is given); never raises.
    `url_stage`: the collection's URL checks, instead of checking this document's URLs alone.
    `keep_report=False`: the outcome carries the document's summary only, a few hundred bytes for a worker
    to send back instead of the whole report (its reports are written already)."""
    try:
        report = run_audit(path, config, url_stage=url_stage) if url_stage else run_audit(path, config)
        if out_dir is not None:
            write_reports(report, path, out_dir, config.formats)
        summary = summarise(report)
    except UnreadableInput as exc:
        return Outcome(path, None, str(exc), unreadable=True)
    except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the collection
        if config.debug:
            raise
        return Outcome(path, None, f"{path}: internal error: {type(exc).__name__}: {exc}")
    return Outcome(path, report if keep_report else None, summary=summary)


def audit_documents(documents: Sequence[Path], config: AuditConfig, *, out_dir: Path | None, jobs: int,
                    progress: CollectionProgress | None = None, scheduler: str | None = None,
                    keep_reports: bool = True) -> list[Outcome]:
    """One outcome per document, in the order given; `jobs` worker processes (1: in this process), or
    tasks on the Dask scheduler at `scheduler`. `keep_reports=False`: outcomes carry summaries only."""
    total, failed = len(documents), 0
    outcomes: dict[int, Outcome] = {}

    def record(index: int, outcome: Outcome) -> None:
        nonlocal failed
        outcomes[index] = outcome
        failed += outcome.error is not None
        if progress:
            progress(len(outcomes), total, failed)

    shared = None
    if not (config.offline or config.no_urls):  # offline, the URL stage (and the pipeline) is not imported here
        from audit.collection_urls import check_collection_urls

        shared = check_collection_urls(documents, config)  # every distinct URL once, for all documents
    if scheduler:
        from audit.dask_runner import audit_on_dask  # Dask is imported only when a scheduler is given

        return audit_on_dask(documents, config, out_dir=out_dir, scheduler=scheduler, shared=shared,
                             progress=progress, keep_reports=keep_reports)
    if jobs <= 1 or total <= 1:
        for index, path in enumerate(documents):
            record(index, audit_one(path, config, out_dir, shared, keep_reports))
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, total)) as pool:
            futures = {pool.submit(audit_one, path, config, out_dir, shared, keep_reports): index
                       for index, path in enumerate(documents)}
            for future in as_completed(futures):
                index = futures[future]
                try:
                    outcome = future.result()
                except Exception as exc:  # noqa: BLE001 - a worker that died (killed, out of memory)
                    outcome = Outcome(documents[index], None,
                                      f"{documents[index]}: the worker process failed: {type(exc).__name__}: {exc}")
                record(index, outcome)
    return [outcomes[i] for i in range(total)]
