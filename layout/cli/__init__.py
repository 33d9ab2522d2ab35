"""CLI: the `layout` click group — one module per command, loaded on use; one error → exit-code wrapper."""

from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from ..errors import LayoutError

EXIT_CODES = """Exit codes: 0 ok; 1 input or layout error (the message names the file, YAML path or
line, and a hint); 2 usage error."""


ERROR_EXIT = {"check": 2, "diff": 2}  # commands whose exit 1 means "found something", not "failed"


SUBCOMMANDS = ("build", "check", "clean", "diff", "fit", "fonts", "proof")  # layout/cli/<name>.py, loaded on use


class LayoutGroup(click.Group):
    """The command group: subcommands are imported only when used (a build does not load the QA
    stack); a LayoutError or OSError from any command is one message, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str):
        if name in SUBCOMMANDS:
            return importlib.import_module(f"layout.cli.{name}").command
        return None

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
