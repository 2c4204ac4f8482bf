"""Documents as tasks on a Dask distributed cluster: the only module that imports Dask.

Used only with `--scheduler ADDRESS` (or CITEAUDIT_SCHEDULER); without it nothing of Dask is imported.
Workers must see the documents and the output folder at the same paths (a shared file system).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from distributed import Client, as_completed

from audit.collection import CollectionProgress, Outcome, audit_one
from audit.collection_urls import SharedUrlChecks
from audit.config import AuditConfig
from audit.errors import ConfigError

TASKS_PER_WORKER = 8  # documents go in batches, this many per worker: fewer, larger tasks cost less to schedule


def audit_batch(paths: Sequence[Path], config: AuditConfig, out_dir: Path | None,
                url_stage: SharedUrlChecks | None, keep_report: bool) -> list[Outcome]:
    """One task: several documents audited in turn on one worker (each one's failure stays its own)."""
    return [audit_one(path, config, out_dir, url_stage, keep_report) for path in paths]


def _batches(count: int, workers: int) -> list[range]:
    size = max(1, count // max(1, workers * TASKS_PER_WORKER))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def audit_on_dask(documents: Sequence[Path], config: AuditConfig, *, out_dir: Path | None, scheduler: str,
                  shared: SharedUrlChecks | None, progress: CollectionProgress | None = None,
                  keep_reports: bool = True) -> list[Outcome]:
    """Documents in batches as tasks on the scheduler at `scheduler`; outcomes gathered in the order given."""
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    outcomes: dict[int, Outcome] = {}
    failed = 0
    with client:
        workers = len(client.scheduler_info().get("workers", {})) or 1
        batches = _batches(len(documents), workers)
        # One map call submits every task in one message; the collection's URL verdicts go to each worker once,
        # not inside every task.
        url_stage = client.scatter(shared, broadcast=True) if shared is not None else None
        futures = client.map(audit_batch, [[documents[i] for i in batch] for batch in batches], config=config,
                             out_dir=out_dir, url_stage=url_stage, keep_report=keep_reports, pure=False)
        position = {future.key: k for k, future in enumerate(futures)}
        for future in as_completed(futures):
            batch = batches[position[future.key]]
            try:
                results = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails that batch's documents only
                results = [Outcome(documents[i], None, f"{documents[i]}: the Dask task failed: "
                                                       f"{type(exc).__name__}: {exc}") for i in batch]
            for index, outcome in zip(batch, results, strict=True):
                outcomes[index] = outcome
                failed += outcome.error is not None
            if progress:
                progress(len(outcomes), len(documents), failed)
    return [outcomes[i] for i in range(len(documents))]
