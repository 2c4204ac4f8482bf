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
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def bib(path: str, output: str | None, ascii_only: bool, debug: bool) -> None:
    """Cleaned BibTeX of every work (cited or listed) in a document."""
    from audit.commands import bib_command

    def body() -> int:
        return bib_command(path, _config(debug=debug), output=output, ascii=ascii_only, echo=_echo_out,
                           warn=_echo_err)

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


@cli.command()
@click.argument("data")
@click.option("-o", "--output", "output", default="audit/parse/model.crfsuite", help="Where to write the model.")
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def train(data: str, output: str, debug: bool) -> None:
    """Train the reference CRF on an AnyStyle XML dataset."""
    from audit.parse.crf import train_model

    def body() -> int:
        click.echo(f"wrote {train_model(data, output)}", err=True)
        return 0

    _guarded(debug, body)


@cli.command(name="eval")
@click.argument("data")
@click.option("--folds", type=click.IntRange(2, 20), default=5, help="Number of cross-validation folds.")
@click.option("--seed", type=int, default=0, help="Seed of the fold shuffle.")
@click.option("--limit", type=click.IntRange(10), default=None, help="Use only this many sequences.")
@click.option("--workers", type=click.IntRange(1, 16), default=None,
              help="Train folds in parallel processes (default: one per CPU).")
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def evaluate(data: str, folds: int, seed: int, limit: int | None, workers: int | None, debug: bool) -> None:
    """Cross-validate the reference CRF on an AnyStyle XML dataset."""
    from audit.parse.evaluate import cross_validate, format_cv

    def body() -> int:
        click.echo(format_cv(cross_validate(data, folds=folds, seed=seed, limit=limit, workers=workers,
                                            progress=_echo_err)))
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
