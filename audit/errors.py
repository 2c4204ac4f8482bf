"""Exit codes and the errors that map onto them."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from audit.findings import Finding, Severity


class ExitCode(IntEnum):
    CLEAN = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # usage error (click's own code)
    UNREADABLE_INPUT = 3  # unreadable or unsupported input
    INTERNAL_ERROR = 4  # a bug in citeaudit: one line, traceback only with --debug


class UnreadableInput(Exception):
    """The input cannot be audited at all (missing, empty, binary, unsupported, too large)."""


class ConfigError(Exception):
    """A configuration value is invalid."""


FAIL_ON_CHOICES = ("error", "warning", "info", "never")


def exit_code_for(findings: Iterable[Finding], fail_on: str) -> ExitCode:
    """The one place that decides the exit code of an audit run."""
    if fail_on == "never":
        return ExitCode.CLEAN
    threshold = Severity(fail_on).rank
    if any(f.severity.rank >= threshold for f in findings):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN
