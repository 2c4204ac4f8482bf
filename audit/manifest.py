"""The incremental manifest: which documents were audited into an output folder, from which bytes.

`manifest.json` in the output folder lists, per document: its path, sha256, the tool version and its
report path, with the counts the collection index shows. A re-run audits again only the documents whose
bytes, tool version or report-shaping options changed or whose reports are missing (`--force` or
`--refresh` redo all).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from audit import __version__
from audit.config import AuditConfig
from audit.findings import Severity
from audit.models import Work

if TYPE_CHECKING:  # a re-run that only reads the manifest imports none of the audit
    from audit.report import Report

MANIFEST_NAME = "manifest.json"
MANIFEST_SCHEMA = "citeaudit-manifest/1"
WORK_KEY_WORDS = 6  # title words that identify a work across documents (with author and year)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the collection index shows of one audited document."""

    path: str
    notes: int
    citations: int
    works: int
    entries: int
    urls: int
    severity_counts: dict[str, int]
    notices: tuple[str, ...]
    findings_by_rule: dict[str, int] = field(default_factory=dict)
    url_checks: tuple[tuple[str, str, str], ...] = ()  # (access year or "", URL status, archive status)
    work_keys: tuple[tuple[str, str], ...] = ()  # (key matching a work across documents, how it is written)


def summarise(report: Report) -> DocumentSummary:
    url_checks = tuple(((u.accessed or "")[:4], u.status.value, u.archive.status.value) for u in report.urls)
    return DocumentSummary(report.path, len(report.notes), report.citation_count, len(report.works),
                           len(report.bibliography), len(report.urls), report.severity_counts, report.notices,
                           report.findings_by_rule, url_checks, tuple(w for w in map(_work_key, report.works) if w))


def _work_key(work: Work) -> tuple[str, str] | None:
    """Surname of the first author, year and the first words of the title: one work in several documents."""
    from audit.matching import record_names, title_key, years_of  # only when a document was audited

    names = record_names(work.fields)
    title = title_key(str(work.fields.get("title", "")))
    year = min(years_of(str(work.fields.get("date", ""))), default="")
    if not title or not names:
        return None
    written = f"{names[0].written} ({year or 'n.d.'}), {work.fields.get('title')}"
    return f"{names[0].key}|{year}|{' '.join(title.split()[:WORK_KEY_WORDS])}", written


def _summary_from_dict(data: dict) -> DocumentSummary:
    return DocumentSummary(**{**data, "notices": tuple(data["notices"]),
                              "url_checks": tuple(tuple(u) for u in data.get("url_checks", ())),
                              "work_keys": tuple(tuple(w) for w in data.get("work_keys", ()))})


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path: str
    sha256: str
    tool_version: str
    report: str  # the main report's path, relative to the output folder
    formats: tuple[str, ...]
    summary: DocumentSummary
    options: str = ""  # fingerprint of the options that shape a report (offline, archive, limits …)


def options_fingerprint(config: AuditConfig) -> str:
    """Options that change what a report says; --fail-on, --format, --debug and --refresh do not."""
    shaping = replace(config, fail_on="never", formats=(), debug=False, refresh=False)
    return hashlib.sha256(repr(shaping).encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def make_entry(path: Path, sha256: str, report: Report | DocumentSummary, config: AuditConfig) -> ManifestEntry:
    formats = config.formats
    main = next((f for f in ("html", "json", "md", "bib") if f in formats), formats[0])
    summary = report if isinstance(report, DocumentSummary) else summarise(report)
    return ManifestEntry(str(path), sha256, __version__, f"{path.stem}.{main}", tuple(formats), summary,
                         options_fingerprint(config))


def load_manifest(out_dir: Path) -> dict[str, ManifestEntry]:
    """Entries by document path; a missing or damaged manifest is an empty one (everything is audited)."""
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        return {d["path"]: ManifestEntry(d["path"], d["sha256"], d["tool_version"], d["report"], tuple(d["formats"]),
                                         _summary_from_dict(d["summary"]), d.get("options", ""))
                for d in data["documents"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def is_current(entry: ManifestEntry | None, sha256: str, out_dir: Path, config: AuditConfig) -> bool:
    """The reports in `out_dir` were made from these bytes by this version with the same options, in every
    format asked for."""
    formats = config.formats
    if entry is None or entry.sha256 != sha256 or entry.tool_version != __version__:
        return False
    if entry.options != options_fingerprint(config):
        return False
    stem = Path(entry.path).stem
    return set(formats) <= set(entry.formats) and all((out_dir / f"{stem}.{f}").exists() for f in formats)


def manifest_text(entries: Iterable[ManifestEntry]) -> str:
    """One document per line: the file is the tool's own record (the work keys of a thousand documents), and
    encoding it indented took the standard library's slow path while the worker processes sat idle."""
    documents = [json.dumps({**asdict(e), "formats": list(e.formats)}, ensure_ascii=False) for e in entries]
    listed = "[\n" + ",\n".join(documents) + "\n]" if documents else "[]"
    head = f'"schema": {json.dumps(MANIFEST_SCHEMA)}, "tool_version": {json.dumps(__version__)}'
    return f'{{{head}, "documents": {listed}}}\n'


def fails(summary: DocumentSummary, fail_on: str) -> bool:
    """The summary has findings at or above `fail_on` (the exit-code rule of `exit_code_for`)."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(count and Severity(name).rank >= threshold for name, count in summary.severity_counts.items())
