"""`layout build`: set an issue and write its PDF(s), sidecar and summary."""

from __future__ import annotations

from pathlib import Path

import click

from .options import build_options
from . import EXIT_CODES
from ..i18n import N_
from .translated import LayoutCommand


@click.command("build", epilog=EXIT_CODES, cls=LayoutCommand,
               help=N_("Set the issue MANIFEST and write OUTDIR/<issue-id>.pdf (PDF/X-1a by default)."))
@build_options
@click.option("--revision", type=click.IntRange(1, 999),
              help=N_("Revision of a corrected page set (VersionID, ModDate)."))
@click.option("--dry-run", is_flag=True, help=N_("Check everything the build checks and write nothing "
                                               "(as `layout validate`)."))
@click.option("--no-cache", is_flag=True, help=N_("Set everything afresh: neither read nor write the cache in "
                                                "OUTDIR/.cache/store (docs/cache.md)."))
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help=N_("Compose the pages in this many processes (1: all in this one). The output is the same "
                      "bytes whatever the number (docs/cache.md)."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print the summary as JSON (docs/json.md)."))
@click.option("-q", "--quiet", is_flag=True, help=N_("Print nothing but errors (and --json)."))
@click.option("-v", "--verbose", is_flag=True, help=N_("Also print the grid's capacity and every story's copy-fit."))
def command(manifest: Path, outdir: Path | None, pages: bool, allow_overset: bool, strict: bool,
            standard: str | None, revision: int | None, dry_run: bool, no_cache: bool, jobs: int, as_json: bool, quiet: bool,
            verbose: bool) -> None:
    """The `layout build` command (its help is the help= text of the decorator)."""
    from ..build import BuildOptions, build as run_build
    from .summary import build_document, format_summary, json_errors, to_json
    from ..progress import terminal_progress
    bar = terminal_progress(quiet or as_json)
    options = BuildOptions(outdir=outdir, pages=pages, allow_overset=allow_overset, strict=strict,
                           standard=standard, revision=revision, cache=not no_cache, jobs=jobs, progress=bar)
    if dry_run:
        from . import validate
        validate.run(manifest, options, as_json=as_json, quiet=quiet, verbose=verbose)
        return
    with json_errors(as_json):
        result = run_build(manifest, options)
    if as_json:
        click.echo(to_json(build_document(result)))
    elif not quiet:
        click.echo(format_summary(result, verbose=verbose))
