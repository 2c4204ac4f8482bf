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
SCHEMA_PATH = SHARED / "docs" / "report-schema.json"
SEED_PAPER = "000_1ec35bee97424517.txt"
SEED_WEBPAGE = "002_913b045e799eb292.txt"


def seed_path(name: str) -> Path:
    path = SEEDS / name
    if not path.is_file():
        pytest.fail(f"seed document missing: expected {path} (../shared/seeds beside the repository)")
    return path


@pytest.fixture
def seed_paper() -> Path:
    return seed_path(SEED_PAPER)


@pytest.fixture
def seed_webpage() -> Path:
    return seed_path(SEED_WEBPAGE)


@pytest.fixture(scope="session")
def report_schema() -> dict:
    if not SCHEMA_PATH.is_file():
        pytest.fail(f"report schema missing: expected {SCHEMA_PATH}")
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def validate_report(report_schema):
    import jsonschema

    def check(report: dict) -> dict:
        jsonschema.validate(report, report_schema)
        return report

    return check


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
