"""The README's promises: the two commands first, and the exit-code table matches ExitCode."""

from __future__ import annotations

import re
from pathlib import Path

from audit.errors import ExitCode

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_two_commands_come_first():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "make audit" in first_block and "make test" in first_block


def test_exit_code_table_matches_the_enum():
    rows = dict(re.findall(r"^\| (\d) \| (.+?) \|$", README, flags=re.MULTILINE))
    assert sorted(int(code) for code in rows) == sorted(code.value for code in ExitCode)
