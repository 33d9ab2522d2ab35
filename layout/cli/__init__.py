"""CLI: the `layout` click group — one module per command, loaded on use; one error → exit-code wrapper."""

from __future__ import annotations

import errno
import gc
import importlib
import sys
from pathlib import Path

import click

from .. import __version__, i18n
from ..i18n import N_, _
from ..errors import LayoutError
from ..files import disk_full
from .translated import LayoutContext, Translated, language_of

EXIT_CODES = N_("""Exit codes: 0 ok; 1 input or layout error (the message names the file, YAML path or
line, and a hint); 2 usage error.""")


# A command allocates hundreds of thousands of small objects (boxes, glue, lines, glyph runs) that live until
# it ends and form few cycles: the collector's default young-generation threshold (700) traverses them over and
# over. A command runs with these thresholds (≈ 15 % of a cold build's CPU, the same peak memory: bench/README.md).
GC_THRESHOLDS = (100_000, 50, 100)

ERROR_EXIT = {"check": 2, "diff": 2}  # commands whose exit 1 means "found something", not "failed"


# cli/<name>.py, loaded on use
SUBCOMMANDS = ("build", "check", "clean", "diff", "fit", "fonts", "plan", "proof", "schema", "validate", "watch")


class LayoutGroup(Translated, click.Group):
    """The command group: subcommands are imported only when used (a build does not load the QA
    stack); a LayoutError or OSError from any command is one message, never a traceback; the language
    is picked before click parses the command line, so help and usage errors are in it too."""

    context_class = LayoutContext

    def main(self, args=None, *rest, **options):
        """Run the command line in its language (--lang before the subcommand, else the locale), then
        leave the process in English (library calls stay English)."""
        i18n.use(language_of(list(sys.argv[1:] if args is None else args)))
        thresholds = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLDS)
        try:
            return super().main(args, *rest, **options)
        finally:
            gc.set_threshold(*thresholds)
            i18n.use("en")

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str):
        if name in SUBCOMMANDS:
            return importlib.import_module(f"layout.cli.{name}").command
        return None

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta["layout.command"] = (name, command, list(rest))  # for messages about the command's files
        return name, command, rest

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LayoutError as error:
            fail(error, ERROR_EXIT.get(ctx.invoked_subcommand or "", 1))
        except OSError as error:
            fail(os_error(error, ctx), ERROR_EXIT.get(ctx.invoked_subcommand or "", 1))


@click.group(cls=LayoutGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("layout: Chinese newspaper pages from an issue manifest (issue.yaml) to print-ready PDF."))
@click.version_option(version=__version__, prog_name="layout")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None,
              help=N_("Language of messages, summaries and help (default: zh when the locale is Chinese, e.g. "
                      "LANG=zh_CN.UTF-8, else en)."))
def main(lang: str | None) -> None:
    """The group's callback: the language of the command (already picked from the command line)."""
    i18n.use(lang or i18n.from_environment())


def os_error(error: OSError, ctx: click.Context) -> LayoutError:
    """An OSError as a LayoutError naming the file; a full disk names the file or output folder, the bytes
    the write needed when the error says so (a `needed` attribute) and the space left there."""
    where = str(error.filename or "")
    if error.errno not in (errno.ENOSPC, errno.EDQUOT):
        return LayoutError(error.strerror or str(error), where, _("check the path and its permissions"))
    return disk_full(error, None if where else _output_folder(ctx))


def _output_folder(ctx: click.Context) -> Path | None:
    """The folder the failed subcommand writes into (its -o, else build/ beside its manifest), if known."""
    name, command, args = ctx.meta.get("layout.command", (None, None, []))
    if command is None:
        return None
    try:
        params = command.make_context(name, list(args), parent=ctx, resilient_parsing=True).params
    except (click.ClickException, click.exceptions.Exit, OSError):
        return None
    outdir, manifest = params.get("outdir"), params.get("manifest")
    return Path(outdir) if outdir else Path(manifest).parent / "build" if manifest else None


def fail(error: LayoutError, code: int = 1) -> None:
    """Print a LayoutError as one readable message (no traceback) and exit with `code`."""
    click.echo(_("error") + f": {error}", err=True)
    sys.exit(code)
