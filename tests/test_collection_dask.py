"""`citeaudit audit DIR --scheduler ADDRESS`: documents as tasks on a Dask cluster (two local workers)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.test_collection import _collection, _reports

ROOT = Path(__file__).resolve().parent.parent


def test_dask_cluster_gives_the_same_reports_and_isolates_failures(tmp_path):
    distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install -e '.[dask]'")
    folder = _collection(tmp_path)
    with distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
        result = CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--out", str(tmp_path / "dask")],
                                    env={"CITEAUDIT_SCHEDULER": cluster.scheduler_address})
    assert result.exit_code == 3, result.output
    assert sum("c.docx" in line for line in result.stderr.splitlines()) == 1
    local = CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--jobs", "1", "--out", str(tmp_path / "one")])
    assert local.exit_code == 3
    on_dask, in_process = _reports(tmp_path / "dask"), _reports(tmp_path / "one")
    assert sorted(on_dask) == ["a.json", "b.json", "d.json"]
    for name in on_dask:
        assert {**on_dask[name], "tool": None} == {**in_process[name], "tool": None}


def test_unreachable_scheduler_is_a_one_line_usage_error(tmp_path):
    pytest.importorskip("distributed", reason="Dask is an optional extra: pip install -e '.[dask]'")
    folder = _collection(tmp_path)
    result = CliRunner().invoke(cli, ["audit", str(folder), "--offline", "--scheduler", "tcp://127.0.0.1:9",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.stderr


def test_nothing_of_dask_is_imported_without_a_scheduler(tmp_path):
    folder = _collection(tmp_path)
    code = ("import sys, json\nfrom click.testing import CliRunner\nfrom cli import cli\n"
            f"CliRunner().invoke(cli, ['audit', {str(folder)!r}, '--offline', '--jobs', '2', '--out', "
            f"{str(tmp_path / 'out')!r}])\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_collection_url_verdicts_reach_every_dask_task(tmp_path):
    # The collection's URL checks are scattered to the workers once, not sent inside every task.
    distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install -e '.[dask]'")
    from audit.collection_urls import SharedUrlChecks
    from audit.config import AuditConfig
    from audit.dask_runner import audit_on_dask
    from audit.urls import ArchiveResult, ArchiveStatus, UrlStatus
    from audit.urls.records import UrlRecord

    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(
            "A claim.¹\n\n¹ J. Smith, *Water*, 2001, https://example.org/shared (accessed 3 May 2020).\n",
            encoding="utf-8")
    url = "https://example.org/shared"
    dead = UrlRecord(url, url, "2020-05-03", UrlStatus.DEAD, 404, None, ArchiveResult(ArchiveStatus.NOT_ARCHIVED),
                     (), reason="answers 404")
    shared = SharedUrlChecks({url: dead}, None)
    with distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
        outcomes = audit_on_dask(sorted(folder.iterdir()), AuditConfig(), out_dir=None,
                                 scheduler=cluster.scheduler_address, shared=shared)
    assert [o.path.name for o in outcomes] == ["a.txt", "b.txt"]
    assert all({u.status for u in o.report.urls} == {UrlStatus.DEAD} for o in outcomes)


@pytest.mark.parametrize("count, workers", [(1, 2), (7, 2), (1000, 2), (33, 5), (0, 2)])
def test_documents_go_to_dask_in_batches_that_cover_each_once_in_order(count, workers):
    pytest.importorskip("distributed", reason="Dask is an optional extra: pip install -e '.[dask]'")
    from audit.dask_runner import TASKS_PER_WORKER, _batches

    batches = _batches(count, workers)
    assert [i for batch in batches for i in batch] == list(range(count))
    assert len(batches) <= max(count, 1) and (count < workers * TASKS_PER_WORKER or len(batches) >= workers)
