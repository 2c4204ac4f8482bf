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


def audit_on_dask(documents: Sequence[Path], config: AuditConfig, *, out_dir: Path | None, scheduler: str,
                  shared: SharedUrlChecks | None, progress: CollectionProgress | None = None,
                  keep_reports: bool = True) -> list[Outcome]:
    """One task per document on the scheduler at `scheduler`; outcomes gathered in the order given."""
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    outcomes: dict[int, Outcome] = {}
    failed = 0
    with client:
        # One map call submits every task in one message; the collection's URL verdicts go to each worker once,
        # not inside every task.
        url_stage = client.scatter(shared, broadcast=True) if shared is not None else None
        futures = client.map(audit_one, list(documents), config=config, out_dir=out_dir, url_stage=url_stage,
                             keep_report=keep_reports, pure=False)
        position = {future.key: index for index, future in enumerate(futures)}
        for future in as_completed(futures):
            index = position[future.key]
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails that document only
                outcome = Outcome(documents[index], None,
                                  f"{documents[index]}: the Dask task failed: {type(exc).__name__}: {exc}")
            outcomes[index] = outcome
            failed += outcome.error is not None
            if progress:
                progress(len(outcomes), len(documents), failed)
    return [outcomes[i] for i in range(len(documents))]
