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
