"""Shared fixtures: seed documents, report-schema validation, and a guard against real network use."""

from __future__ import annotations

import ipaddress
import json
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SHARED_SCHEMA_PATH = SHARED / "docs" / "report-schema.json"
SEED_PAPER = "000_1ec35bee97424517.txt"
SEED_WEBPAGE = "002_913b045e799eb292.txt"


def seed_path(name: str) -> Path:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed document missing: expected {path} (../shared/seeds beside the repository)")
    return path


def shared_path(*parts: str) -> Path:
    """A file or folder of ../shared; the test skips, saying what is missing, when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the repository), which is absent")
    return path


@pytest.fixture
def seed_paper() -> Path:
    return seed_path(SEED_PAPER)


@pytest.fixture
def seed_webpage() -> Path:
    return seed_path(SEED_WEBPAGE)


@pytest.fixture(scope="session")
def report_schema() -> dict:
    from audit.contract import report_schema as shipped

    return shipped()


def validate_against_contracts(report: dict) -> dict:
    """Validate against the project's schema and, where ../shared is present, the first agreed one too."""
    import jsonschema

    from audit.contract import report_schema as shipped

    jsonschema.validate(report, shipped())
    if SHARED_SCHEMA_PATH.is_file() and not _uses_additions(report):
        jsonschema.validate(report, json.loads(SHARED_SCHEMA_PATH.read_text(encoding="utf-8")))
    return report


def _uses_additions(report: dict) -> bool:
    """True when the report uses an enum value added after the first contract (new rule ids)."""
    from audit.contract import ADDED_RULES

    return any(f.get("rule") in ADDED_RULES for f in report.get("findings", []))


@pytest.fixture
def validate_report():
    return validate_against_contracts


def _is_loopback(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Tests may reach loopback fakes only; anything else fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise OSError(f"test tried to reach {address!r}: only loopback is allowed in tests")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
