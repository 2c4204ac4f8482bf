"""citeaudit's command line: a thin click layer over the `audit` library.

Each command builds an AuditConfig, calls one library function, renders, writes and exits.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from audit import __version__
from audit.config import AuditConfig, load_config
from audit.errors import FAIL_ON_CHOICES, ConfigError, ExitCode, UnreadableInput

FORMAT_CHOICES = ("html", "json", "md", "bib")


def _fail(message: str, code: ExitCode) -> None:
    click.echo(f"citeaudit: {message}", err=True)
    sys.exit(int(code))


def _guarded(debug: bool, action: Callable[[], int]) -> None:
    """Run a command body; input problems exit 3, our own bugs exit 4 with one line."""
    try:
        code = action()
    except UnreadableInput as exc:
        _fail(str(exc), ExitCode.UNREADABLE_INPUT)
    except ConfigError as exc:
        _fail(str(exc), ExitCode.USAGE)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERNAL_ERROR)
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into exit code 4
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
              ExitCode.INTERNAL_ERROR)
    else:
        sys.exit(code)


def url_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that checks URLs."""
    options = [
        click.option("--offline", is_flag=True, default=None, help="Never touch the network; URLs are NOT_CHECKED."),
        click.option("--no-archive", is_flag=True, default=None, help="Do not look links up in the web archive."),
        click.option("--archive-url", default=None, help="Base URL of the Wayback-compatible archive."),
        click.option("--archive-rate", type=float, default=None, help="Archive requests per second."),
        click.option("--cache", "cache", default=None, help="SQLite cache file (or directory) for HTTP answers."),
        click.option("--refresh", is_flag=True, default=None, help="Ignore cached HTTP answers."),
        click.option("--url-timeout", type=float, default=None,
                     help="Seconds one URL may take, time-outs and retries together (default 20; 0: no bound)."),
        click.option("--inconclusive-expiry", "inconclusive_expiry_hours", type=float, default=None,
                     help="Hours a time-out, 429 or 503 answer is reused from the cache (default 1; 0: never)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def registry_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that verifies works against Crossref, OpenAlex and Open Library."""
    options = [
        click.option("--no-registry", is_flag=True, default=None,
                     help="Do not verify works against the registries; they are NOT_CHECKED."),
        click.option("--crossref-url", default=None,
                     help="Base URL of the Crossref REST API (CITEAUDIT_CROSSREF_URL)."),
        click.option("--openalex-url", default=None, help="Base URL of the OpenAlex API (CITEAUDIT_OPENALEX_URL)."),
        click.option("--openlibrary-url", default=None, help="Base URL of Open Library (CITEAUDIT_OPENLIBRARY_URL)."),
        click.option("--mailto", default=None,
                     help="Your e-mail address for Crossref's and OpenAlex's polite pools (CITEAUDIT_MAILTO)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _config(**flags: Any) -> AuditConfig:
    return load_config(flags)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citeaudit")
def cli() -> None:
    """Audit the citations of a scholarly or policy paper."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default=None, help="Write reports into this directory (default reports/).")
@click.option("--format", "formats", default=None,
              help="Comma-separated list of html,json,md,bib. With only json and no --out, print JSON.")
@click.option("--no-urls", is_flag=True, default=None, help="Skip the URL stage; URLs are NOT_CHECKED.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when findings at or above this severity exist (default error).")
@click.option("--jobs", type=click.IntRange(1), default=None,
              help="Audit several documents in this many worker processes (default: all cores).")
@click.option("--force", is_flag=True, default=False,
              help="Audit every document again, even those unchanged since the last run into --out.")
@click.option("--scheduler", envvar="CITEAUDIT_SCHEDULER", default=None,
              help="Run documents as tasks on this Dask scheduler (tcp://host:8786); needs citeaudit[dask].")
@url_options
@registry_options
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def audit(paths: tuple[str, ...], out_dir: str | None, formats: str | None, jobs: int | None,
          scheduler: str | None, force: bool, debug: bool, **flags: Any) -> None:
    """Audit each document (a directory means every supported file in it)."""
    from audit.collection import default_jobs
    from audit.commands import audit_command

    chosen = _parse_formats(formats)

    def body() -> int:
        config = _config(formats=chosen, debug=debug, **flags)
        tty = sys.stderr.isatty()
        return audit_command(paths, config, out_dir=out_dir, to_stdout=(out_dir is None and formats == "json"),
                             echo=_echo_out, warn=_echo_err, progress=_progress_bar() if tty else None,
                             jobs=jobs or default_jobs(), collection_progress=_documents_bar() if tty else None,
                             scheduler=scheduler, force=force)

    _guarded(debug, body)


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              help="A table (status, code, archive, URL) or the JSON report.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when findings at or above this severity exist (default error).")
@url_options
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def urls(path: str, fmt: str, debug: bool, **flags: Any) -> None:
    """Check only the URLs of one document: status, archived copy, repairs."""
    from audit.urls.command import urls_command

    def body() -> int:
        config = _config(debug=debug, **flags)
        return urls_command(path, config, fmt=fmt, echo=_echo_out, warn=_echo_err,
                            progress=_progress_bar() if sys.stderr.isatty() else None)

    _guarded(debug, body)


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              help="A table (work, status, score, registry, id, title) or the JSON report.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when findings at or above this severity exist (default error).")
@click.option("--offline", is_flag=True, default=None, help="Never touch the network; works are NOT_CHECKED.")
@click.option("--cache", "cache", default=None, help="SQLite cache file (or directory) for HTTP answers.")
@click.option("--refresh", is_flag=True, default=None, help="Ignore cached HTTP answers.")
@registry_options
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def verify(path: str, fmt: str, debug: bool, **flags: Any) -> None:
    """Verify only the cited works of one document against Crossref, OpenAlex and Open Library."""
    from audit.registry.command import verify_command

    def body() -> int:
        return verify_command(path, _config(debug=debug, **flags), fmt=fmt, echo=_echo_out, warn=_echo_err,
                              progress=_progress_bar() if sys.stderr.isatty() else None)

    _guarded(debug, body)


def _progress_bar() -> Callable[[int, int], None]:
    """A one-line bar on stderr (only used when stderr is a terminal)."""
    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", err=True, nl=done >= total)
    return show


def _documents_bar() -> Callable[[int, int, int], None]:
    """Documents done / total and failures so far, on one line of stderr."""
    def show(done: int, total: int, failed: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        failures = f", {failed} failed" if failed else ""
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} documents{failures}", err=True,
                   nl=done >= total)
    return show


@cli.command()
@click.argument("path")
@click.option("-o", "--output", default=None, help="Write the .bib file here instead of printing it.")
@click.option("--ascii", "ascii_only", is_flag=True, default=False,
              help="Classic BibTeX: LaTeX escapes instead of UTF-8.")
@click.option("--enrich", is_flag=True, default=False,
              help="Add the registries' DOIs and correct the fields they contradict, listing each change.")
@click.option("--offline", is_flag=True, default=None, help="Never touch the network (no enrichment).")
@click.option("--cache", "cache", default=None, help="SQLite cache file (or directory) for HTTP answers.")
@registry_options
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def bib(path: str, output: str | None, ascii_only: bool, enrich: bool, debug: bool, **flags: Any) -> None:
    """Cleaned BibTeX of every work (cited or listed) in a document."""
    from audit.commands import bib_command

    def body() -> int:
        return bib_command(path, _config(debug=debug, **flags), output=output, ascii=ascii_only, echo=_echo_out,
                           warn=_echo_err, enrich=enrich)

    _guarded(debug, body)


def _parse_formats(formats: str | None) -> tuple[str, ...] | None:
    if formats is None:
        return None
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMAT_CHOICES]
    if unknown or not chosen:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or '(none)'}; choose from "
                                 + ", ".join(FORMAT_CHOICES), param_hint="--format")
    return chosen


def _echo_out(text: str) -> None:
    click.echo(text)


def _echo_err(text: str) -> None:
    click.echo(text, err=True)


@cli.command()
@click.argument("file", default="-")
@click.option("--format", "fmt", type=click.Choice(("json",)), default="json", help="Output format (JSON lines).")
@click.option("--context", type=click.Choice(("note", "bibliography")), default="bibliography",
              help="Parse each line as a note citation (pinpoints split off) or a bibliography entry.")
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def parse(file: str, fmt: str, context: str, debug: bool) -> None:
    """Parse references, one per line of FILE (or stdin), into JSON lines."""
    from audit.parse import parse_references
    from audit.parse.jsonl import format_references

    def body() -> int:
        texts = [line.strip() for line in _read_input(file).splitlines() if line.strip()]
        for line in format_references(texts, parse_references(texts, context=context)):
            click.echo(line)
        return 0

    _guarded(debug, body)


def _crf_params(iterations: int | None) -> dict[str, object] | None:
    return {"max_iterations": iterations} if iterations else None


@cli.command()
@click.argument("data", nargs=-1, required=True)
@click.option("-o", "--output", "output", default="audit/parse/model.crfsuite", help="Where to write the model.")
@click.option("--limit", type=click.IntRange(10), default=None, help="Use at most this many references per source.")
@click.option("--notes", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="Share of the references also rendered as footnote citations for training.")
@click.option("--csl", type=click.FloatRange(0, 1), default=0.4, show_default=True,
              help="Share of the references also rendered through a CSL style (citeproc-py) for training.")
@click.option("--iterations", type=click.IntRange(1), default=None, help="Most L-BFGS iterations (default 500).")
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def train(data: tuple[str, ...], output: str, limit: int | None, notes: float, csl: float, iterations: int | None,
          debug: bool) -> None:
    """Train the reference CRF on labelled references: AnyStyle XML, GROBID TEI or EXCITE files or folders."""
    from audit.parse.crf import train_model

    def body() -> int:
        path = train_model(data, output, limit=limit, notes=notes, csl=csl, params=_crf_params(iterations))
        click.echo(f"wrote {path}", err=True)
        return 0

    _guarded(debug, body)


@cli.command(name="eval")
@click.argument("data", nargs=-1, required=True)
@click.option("--folds", type=click.IntRange(2, 20), default=5, help="Number of cross-validation folds.")
@click.option("--seed", type=int, default=0, help="Seed of the fold shuffle.")
@click.option("--limit", type=click.IntRange(10), default=None, help="Use at most this many references per source.")
@click.option("--notes", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="Share of the references also rendered as footnote citations (train and test).")
@click.option("--csl", type=click.FloatRange(0, 1), default=0.4, show_default=True,
              help="Share of the references also rendered through a CSL style (train and test, sources csl/…).")
@click.option("--iterations", type=click.IntRange(1), default=None, help="Most L-BFGS iterations (default 500).")
@click.option("--leave-one-out/--no-leave-one-out", default=True,
              help="Also train on all sources but one and test on the one left out.")
@click.option("--max-folds", type=click.IntRange(1), default=None,
              help="Run only the first N folds (each still trains on (k-1)/k of the data).")
@click.option("--model", "model", default=None, type=click.Path(dir_okay=False),
              help="Score this trained model on the data instead (no training; use data it never saw).")
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def evaluate(data: tuple[str, ...], folds: int, seed: int, limit: int | None, notes: float, csl: float,
             iterations: int | None,
             leave_one_out: bool, max_folds: int | None, model: str | None, debug: bool) -> None:
    """Token and field F1 of the reference CRF per source: k-fold within sources, and leave one source out."""
    from audit.parse.source_eval import evaluate_sources, format_sources, score_model

    def body() -> int:
        if model:
            report = score_model(data, model, limit=limit, seed=seed, notes=notes, csl=csl)
        else:
            report = evaluate_sources(data, folds=folds, seed=seed, limit=limit, notes=notes, csl=csl,
                                      leave_one_out=leave_one_out, params=_crf_params(iterations),
                                      max_folds=max_folds, progress=_echo_err)
        click.echo(format_sources(report))
        return 0

    _guarded(debug, body)


@cli.command(name="train-lines")
@click.argument("root", default="../shared/data/dev")
@click.option("--zones", "zones", default="audit/zoning/zones.crfsuite", help="Where to write the zone model.")
@click.option("--entries", "entries", default="audit/zoning/entries.crfsuite",
              help="Where to write the entry-start model.")
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def train_lines(root: str, zones: str, entries: str, debug: bool) -> None:
    """Train the line models (reference zones and entry starts) on the development corpus."""
    from pathlib import Path

    from audit.zoning.training import train_line_models

    def body() -> int:
        folder = Path(root)
        if not (folder / "finder").is_dir() or not (folder / "refsections").is_dir():
            raise UnreadableInput(f"{root}: needs finder/ and refsections/ (../shared/data/dev)")
        written = train_line_models(folder, Path(zones), Path(entries))
        click.echo("wrote " + ", ".join(str(p) for p in written), err=True)
        return 0

    _guarded(debug, body)


@cli.command(name="eval-docs")
@click.argument("root", default="../shared/data/dev")
@click.option("--part", "parts", multiple=True, type=click.Choice(("finder", "refsections", "pdfs")),
              help="Only this part of the corpus (repeatable; default all three).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N documents of each part.")
@click.option("--folds", type=click.IntRange(0, 20), default=0,
              help="Measure each document with line models trained without it (k-fold by document); "
                   "0 uses the shipped models, which were trained on them all.")
@click.option("-o", "--output", default=None, help="Also write the tables (Markdown) to this file.")
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def eval_docs(root: str, parts: tuple[str, ...], limit: int | None, folds: int, output: str | None,
              debug: bool) -> None:
    """Run the pipeline over the development corpus (../shared/data/dev) and measure it against its gold."""
    from pathlib import Path

    from audit.evaldocs import PARTS, evaluate_documents
    from audit.evaldocs.table import format_results

    def body() -> int:
        folder = Path(root)
        if not folder.is_dir():
            raise UnreadableInput(f"{root}: no development corpus there (expected ../shared/data/dev)")
        text = format_results(evaluate_documents(folder, parts or PARTS, limit=limit, folds=folds,
                                                 progress=_echo_err), folds=folds)
        click.echo(text, nl=False)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        return 0

    _guarded(debug, body)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the audit report (the project's contract, docs/report-contract.md)."""
    from audit.contract import schema_text

    click.echo(schema_text(), nl=False)


def _read_input(file: str) -> str:
    """The text of FILE, or of stdin for "-"; a missing or binary file is UnreadableInput."""
    if file == "-":
        return sys.stdin.read()
    try:
        with open(file, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInput(f"{file}: {exc.strerror if isinstance(exc, OSError) else 'not UTF-8 text'}") from exc


# An audit builds hundreds of thousands of long-lived records; with the default thresholds the cyclic
# garbage collector rescans them again and again (about 14 % of a 10,000-entry audit). Collect less often.
GC_THRESHOLDS = (100_000, 50, 1_000)


def main() -> None:
    import gc

    gc.set_threshold(*GC_THRESHOLDS)
    cli()


if __name__ == "__main__":
    main()
