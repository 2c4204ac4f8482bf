"""One frozen AuditConfig: defaults, then [tool.citeaudit] in pyproject.toml, then the environment,
then the flags. No other module reads os.environ."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from audit.errors import ConfigError

DEFAULT_ARCHIVE_URL = "https://web.archive.org"
DEFAULT_CROSSREF_URL = "https://api.crossref.org"
DEFAULT_OPENALEX_URL = "https://api.openalex.org"
DEFAULT_OPENLIBRARY_URL = "https://openlibrary.org"


@dataclass(frozen=True, slots=True)
class AuditConfig:
    offline: bool = False
    no_urls: bool = False
    no_archive: bool = False
    refresh: bool = False
    fail_on: str = "error"
    formats: tuple[str, ...] = ("html", "json", "md", "bib")
    archive_url: str = DEFAULT_ARCHIVE_URL
    # Requests per second to the archive's CDX API. None means: the public Wayback default
    # (under 60 a minute) when archive_url is the public archive, no limit for any other base.
    archive_rate: float | None = None
    cache: str | None = None  # SQLite cache file (or a directory holding it); None = user cache dir
    cache_expiry_days: float = 7.0  # a week: links change slowly, and re-runs within a review stay free
    connect_timeout: float = 5.0  # seconds; a live server answers a TCP connect well within this
    read_timeout: float = 15.0  # seconds; slow report servers can take this long to start a PDF
    host_concurrency: int = 4  # per-host parallel requests: polite to one server
    max_concurrency: int = 64  # whole-run parallel requests: threads mostly wait on I/O; 16 hosts x 4 in flight
    max_retries: int = 2  # for 429/5xx, with back-off honouring Retry-After
    max_body_bytes: int = 64 * 1024  # enough to judge a soft 404 without downloading reports
    retry_backoff: float = 1.0  # seconds before the first retry, doubling: lets a briefly overloaded server recover
    retry_after_max: float = 60.0  # longest Retry-After honoured; a longer ask would park a worker, so: BLOCKED
    url_timeout: float = 20.0  # seconds one URL may take in all (time-outs and retries together); 0 = no bound
    inconclusive_expiry_hours: float = 1.0  # how long a time-out, 429 or 503 verdict is reused; 0 = never cached
    cache_home: str | None = None  # XDG_CACHE_HOME; the cache lives in <it>/citeaudit (default ~/.cache)
    max_input_bytes: int = 50 * 1024 * 1024  # larger inputs are refused with a one-line error
    debug: bool = False
    # Registry verification (audit/registry): base URLs are options so loopback fakes can stand in.
    no_registry: bool = False
    crossref_url: str = DEFAULT_CROSSREF_URL
    openalex_url: str = DEFAULT_OPENALEX_URL
    openlibrary_url: str = DEFAULT_OPENLIBRARY_URL
    mailto: str | None = None  # a contact address for Crossref's and OpenAlex's polite pools


_ENV = {
    "CITEAUDIT_ARCHIVE_URL": "archive_url",
    "CITEAUDIT_ARCHIVE_RATE": "archive_rate",
    "CITEAUDIT_CACHE": "cache",
    "CITEAUDIT_URL_TIMEOUT": "url_timeout",
    "CITEAUDIT_INCONCLUSIVE_EXPIRY": "inconclusive_expiry_hours",
    "XDG_CACHE_HOME": "cache_home",
    "CITEAUDIT_NO_REGISTRY": "no_registry",
    "CITEAUDIT_CROSSREF_URL": "crossref_url",
    "CITEAUDIT_OPENALEX_URL": "openalex_url",
    "CITEAUDIT_OPENLIBRARY_URL": "openlibrary_url",
    "CITEAUDIT_MAILTO": "mailto",
}


def _coerce(name: str, value: Any) -> Any:
    kinds = {f.name: f.type for f in fields(AuditConfig)}
    kind = str(kinds[name])
    try:
        if "bool" in kind and isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        if "float" in kind and value is not None:
            return float(value)
        if "int" in kind and value is not None:
            return int(value)
        if "tuple" in kind and isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        if "tuple" in kind and isinstance(value, list):
            return tuple(value)
    except ValueError as exc:
        raise ConfigError(f"{name}: {value!r} is not a valid value") from exc
    return value


def _from_pyproject(start: Path) -> dict[str, Any]:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                return {}
            section = data.get("tool", {}).get("citeaudit", {})
            return {k.replace("-", "_"): v for k, v in section.items()}
    return {}


def load_config(flags: dict[str, Any] | None = None, *, cwd: Path | None = None,
                environ: dict[str, str] | None = None) -> AuditConfig:
    """Resolve the configuration once; flags whose value is None are treated as not given."""
    environ = dict(os.environ) if environ is None else environ
    known = {f.name for f in fields(AuditConfig)}
    values: dict[str, Any] = {}
    for key, value in _from_pyproject(cwd or Path.cwd()).items():
        if key in known:
            values[key] = value
    for env_name, key in _ENV.items():
        if environ.get(env_name):
            values[key] = environ[env_name]
    for key, value in (flags or {}).items():
        if value is not None and key in known:
            values[key] = value
    return replace(AuditConfig(), **{k: _coerce(k, v) for k, v in values.items()})
