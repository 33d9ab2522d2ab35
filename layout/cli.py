"""CLI: the `layout` click group — build, clean, check, proof, diff; flags become one frozen options object."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from . import __version__
from .errors import LayoutError
from .model import PDFX_STANDARDS

EXIT_CODES = """Exit codes: 0 ok; 1 input or layout error (the message names the file, YAML path or
line, and a hint); 2 usage error."""


ERROR_EXIT = {"check": 2, "diff": 2}  # commands whose exit 1 means "found something", not "failed"


SUBCOMMANDS = ("check", "clean", "diff", "fonts", "proof")  # layout/commands/<name>.py, loaded on use


class LayoutGroup(click.Group):
    """The command group: subcommands are imported only when used (a build does not load the QA
    stack); a LayoutError or OSError from any command is one message, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *SUBCOMMANDS])

    def get_command(self, ctx: click.Context, name: str):
        if name in SUBCOMMANDS:
            return importlib.import_module(f"layout.commands.{name}").command
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LayoutError as error:
            fail(error, ERROR_EXIT.get(ctx.invoked_subcommand or "", 1))
        except OSError as error:
            where = str(error.filename or "")
            fail(LayoutError(error.strerror or str(error), where, "check the path and its permissions"),
                 ERROR_EXIT.get(ctx.invoked_subcommand or "", 1))


@click.group(cls=LayoutGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="layout")
def main() -> None:
    """layout: Chinese newspaper pages from an issue manifest (issue.yaml) to print-ready PDF."""


def fail(error: LayoutError, code: int = 1) -> None:
    """Print a LayoutError as one readable message (no traceback) and exit with `code`."""
    click.echo(f"error: {error}", err=True)
    sys.exit(code)


@main.command(epilog=EXIT_CODES)
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: build/ beside the manifest).")
@click.option("--pages", is_flag=True, help="Also write one PDF per page, named <edition><page:02>.pdf.")
@click.option("--allow-overset", is_flag=True, help="Build even if text does not fit; mark and list it.")
@click.option("--pdfx", "standard", type=click.Choice(PDFX_STANDARDS), help="Override print.standard.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every article with its line count.")
def build(manifest: Path, outdir: Path | None, pages: bool, allow_overset: bool, standard: str | None,
          quiet: bool, verbose: bool) -> None:
    """Set the issue MANIFEST and write OUTDIR/<issue-id>.pdf (PDF/X-1a by default)."""
    from .build import BuildOptions, build as run_build
    from .summary import format_summary
    bar = _progress(quiet)
    options = BuildOptions(outdir=outdir, pages=pages, allow_overset=allow_overset, standard=standard,
                           progress=bar)
    result = run_build(manifest, options)
    if not quiet:
        click.echo(format_summary(result, verbose=verbose))


def _progress(quiet: bool):
    """A progress callback drawing a bar on a terminal for multi-page issues (None otherwise)."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total > 1:
            width = 30
            filled = width * done // total
            click.echo(f"\r  composing [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
                       err=True, nl=done == total)
    return show
