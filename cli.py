"""citeaudit's command line: a thin click layer over the `audit` library.

Each command builds an AuditConfig, calls one library function, renders, writes and exits.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
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
@url_options
@click.option("--debug", is_flag=True, default=False, help="Show tracebacks of internal errors.")
def audit(paths: tuple[str, ...], out_dir: str | None, formats: str | None, debug: bool, **flags: Any) -> None:
    """Audit each document (a directory means every supported file in it)."""
    from audit.commands import audit_command

    def body() -> int:
        chosen = _parse_formats(formats)
        config = _config(formats=chosen, debug=debug, **flags)
        return audit_command(paths, config, out_dir=out_dir, to_stdout=(out_dir is None and formats == "json"),
                             echo=_echo_out, warn=_echo_err)

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


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
