"""What the `citeaudit` commands do, without click: expand paths, run, render, write atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from audit.collection import CollectionProgress, Outcome, audit_documents, write_reports
from audit.collection_report import build_collection
from audit.config import AuditConfig
from audit.errors import ExitCode, UnreadableInput
from audit.formats import is_supported, supported_suffixes
from audit.manifest import (
    MANIFEST_NAME,
    DocumentSummary,
    fails,
    file_sha256,
    is_current,
    load_manifest,
    make_entry,
    manifest_text,
    summarise,
)
from audit.render.html_report import render_index

if TYPE_CHECKING:
    from audit.report import Report

# The audit itself (pipeline, rules, readers, renderers) is imported where a document is audited, not here:
# a re-run that finds every document unchanged hashes files, reads the manifest and writes the index only.

Echo = Callable[[str], None]
DEFAULT_OUT = "reports"
REPORT_MODE = 0o644


def expand_paths(paths: Sequence[str]) -> list[Path]:
    """Files as given; a directory means every supported file directly inside it."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir()
                            if p.is_file() and not p.name.startswith(".") and is_supported(p))
            if not inside:
                kinds = ", ".join(sorted(supported_suffixes()))
                raise UnreadableInput(f"{path}: no supported documents in this directory ({kinds})")
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise UnreadableInput(f"{path}: no such file or directory")
    return found


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write via a temporary file and rename, so a failure never leaves a partial report. `text` may come
    in pieces (a report rendered piece by piece), written as they come."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.chmod(tmp, REPORT_MODE)  # mkstemp makes the file private; reports are meant to be shared
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_outputs(report: Report, formats: Sequence[str]) -> dict[str, str]:
    from audit.render import RENDERERS

    return {fmt: RENDERERS[fmt](report) for fmt in formats if fmt in RENDERERS}


def write_index(documents: Sequence[Report | DocumentSummary], out_dir: Path,
                collection: dict | None = None) -> Path | None:
    """`index.html` listing every audited document with its counts; only when several were audited."""
    if len(documents) < 2:
        return None
    target = out_dir / "index.html"
    write_atomically(target, render_index([(f"{Path(d.path).stem}.html", d) for d in documents], collection))
    return target


def _sha256_or_none(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:
        return None  # audited anyway: the audit says what is wrong with it


def audit_command(paths: Sequence[str], config: AuditConfig, *, out_dir: str | None, to_stdout: bool,
                  echo: Echo, warn: Echo, progress: Callable[[int, int], None] | None = None,
                  jobs: int = 1, collection_progress: CollectionProgress | None = None,
                  scheduler: str | None = None, force: bool = False) -> int:
    documents = expand_paths(paths)
    target = None if to_stdout else Path(out_dir or DEFAULT_OUT)
    manifest = load_manifest(target) if target is not None else {}
    hashes = {d: _sha256_or_none(d) for d in documents} if target is not None else {}
    redo = force or config.refresh  # --refresh asks for fresh URL checks: nothing is kept
    kept = {d: manifest[str(d)] for d in documents if target is not None and not redo and hashes[d]
            and is_current(manifest.get(str(d)), hashes[d], target, config)}
    todo = [d for d in documents if d not in kept]
    if len(documents) == 1 and todo and not scheduler:  # one document: its errors are the run's (exit 3 or 4)
        from audit.pipeline import run_audit

        report = run_audit(documents[0], config, progress=progress)
        if target is not None:
            write_reports(report, documents[0], target, config.formats)
        outcomes = [Outcome(documents[0], report)]
    else:
        # With reports written to a folder, workers send back each document's summary, not its report.
        outcomes = audit_documents(todo, config, out_dir=target, jobs=jobs, progress=collection_progress,
                                   scheduler=scheduler, keep_reports=target is None) if todo else []
    by_path = {o.path: o for o in outcomes}
    reports: list[Report] = []
    listed: list[DocumentSummary] = []
    unreadable = internal = failing = False
    failures: list[str] = []
    for path in documents:
        if path in kept:
            warn(f"{path}: unchanged since the last run; its reports are kept (--force audits it again)")
            listed.append(kept[path].summary)
            failing |= fails(kept[path].summary, config.fail_on)
            continue
        outcome = by_path[path]
        if outcome.error is not None:
            warn(f"citeaudit: {outcome.error}")
            failures.append(outcome.error)
            unreadable |= outcome.unreadable
            internal |= not outcome.unreadable
            continue
        summary = outcome.summary or summarise(outcome.report)
        if outcome.report is not None:
            reports.append(outcome.report)
        listed.append(summary)
        failing |= fails(summary, config.fail_on)
        for notice in summary.notices:
            warn(f"{path}: {notice}")
        if target is not None:
            counts = summary.severity_counts
            warn(f"{path}: {summary.notes} notes, {summary.entries} bibliography entries, "
                 f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info -> {target}/")
            if hashes[path]:
                manifest[str(path)] = make_entry(path, hashes[path], summary, config)
    if failures:
        warn(f"citeaudit: {len(failures)} of {len(documents)} documents could not be audited (see above)")
    if target is not None:
        if todo:  # with every document kept, the manifest on disk is already this one
            write_atomically(target / MANIFEST_NAME, manifest_text(manifest.values()))
        collection = None
        if len(documents) > 1:
            collection = build_collection(
                [(d, manifest[d.path].report if d.path in manifest else d.path) for d in listed], failures)
            write_atomically(target / "collection.json", json.dumps(collection, ensure_ascii=False, indent=2) + "\n")
        if "html" in config.formats:
            write_index(listed, target, collection)
    if to_stdout:
        from audit.render.json_report import report_to_dict

        payload = report_to_dict(reports[0]) if len(reports) == 1 else [report_to_dict(r) for r in reports]
        echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if internal:
        return int(ExitCode.INTERNAL_ERROR)
    if unreadable:
        return int(ExitCode.UNREADABLE_INPUT)
    # `fails` reads a summary's counts by severity with exit_code_for's rule, for kept and audited documents.
    return int(ExitCode.FINDINGS if failing else ExitCode.CLEAN)


def bib_command(path: str, config: AuditConfig, *, output: str | None, ascii: bool, echo: Echo, warn: Echo,
                enrich: bool = False) -> int:
    """Cleaned BibTeX of every work in one document, to a file or stdout; `enrich` adds what the registries
    confirm (DOIs, corrected fields), each change listed on stderr."""
    from audit.pipeline import export_works, run_audit

    documents = expand_paths([path])
    if len(documents) != 1:
        raise UnreadableInput(f"{path}: give one document, not a directory of {len(documents)}")
    report = run_audit(documents[0], replace(config, no_urls=True, no_registry=config.no_registry or not enrich))
    works = list(report.works)
    if enrich:
        from audit.registry import is_registry_notice
        from audit.registry.enrich import enrich_works

        works, changes = enrich_works(report.works, report.registry)
        for notice in filter(is_registry_notice, report.notices):
            warn(f"{documents[0]}: {notice}")
        for change in changes:
            warn(f"{documents[0]}: {change}")
    exported = export_works(works, ascii=ascii)
    if output:
        write_atomically(Path(output), exported.text)
        warn(f"{documents[0]}: {len(report.works)} works -> {output}")
    else:
        echo(exported.text.rstrip("\n"))
    for _, problem in exported.problems:
        warn(f"{documents[0]}: {problem}")
    return int(ExitCode.CLEAN)
