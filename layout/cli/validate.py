"""`layout validate` (and `layout build --dry-run`): every check the build makes, no file written."""

from __future__ import annotations

from pathlib import Path

import click

from ..spec import PDFX_STANDARDS
from . import EXIT_CODES
from ..i18n import N_
from .translated import LayoutCommand, PathType


@click.command("validate", epilog=EXIT_CODES, cls=LayoutCommand,
               help=N_("""Check the issue MANIFEST as `layout build` would — manifest, article files, fonts and their coverage,
    fit (overset; with --strict underfull and areas in no slot) — and write nothing."""))
@click.argument("manifest", type=PathType(exists=True, dir_okay=False, path_type=Path))
@click.option("--allow-overset", is_flag=True, help=N_("Do not fail on text that does not fit; list it."))
@click.option("--strict", is_flag=True, help=N_("Fail on underfull slots (开天窗) and areas in no slot too."))
@click.option("--pdfx", "standard", type=click.Choice(PDFX_STANDARDS), help=N_("Override print.standard."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print the summary as JSON (docs/json.md)."))
@click.option("-q", "--quiet", is_flag=True, help=N_("Print nothing but errors (and --json)."))
@click.option("-v", "--verbose", is_flag=True, help=N_("Also print the grid's capacity and every story's copy-fit."))
def command(manifest: Path, allow_overset: bool, strict: bool, standard: str | None, as_json: bool,
            quiet: bool, verbose: bool) -> None:
    """The `layout validate` command (its help is the help= text of the decorator)."""
    from ..build import BuildOptions
    run(manifest, BuildOptions(allow_overset=allow_overset, strict=strict, standard=standard),
        as_json=as_json, quiet=quiet, verbose=verbose)


def run(manifest: Path, options, *, as_json: bool, quiet: bool, verbose: bool) -> None:
    """Validate and print the summary (text or JSON); a failure raises the build's own LayoutError."""
    from .summary import format_validation, json_errors, to_json, validation_document
    with json_errors(as_json):
        made, summary = validate(manifest, options)
    if as_json:
        click.echo(to_json(validation_document(made, summary)))
    elif not quiet:
        click.echo(format_validation(manifest, made, summary, verbose=verbose))


def validate(manifest: Path, options):
    """The build up to painting, with the build's own checks: make-up (manifest, articles, fonts, coverage,
    composition), overset and --strict (their messages are the build's), and each used face's embeddability;
    returns the made-up issue and its summary counts."""
    from .. import build as stages
    made = stages.make_up(manifest, options)
    oversets = stages.check_fit(made, options)
    _check_programs(made)
    summary = stages.summarise(made, (), oversets, 0.0, 0)  # nothing painted: no fonts, no time, no bytes
    return made, summary


def _check_programs(made) -> None:
    """What painting would refuse about a face it embeds (e.g. CFF2 outlines), without painting."""
    from ..output.paint.cidfont import read_program
    faces = {id(run.face): run.face for page in made.pages for run in page.runs}
    for face in faces.values():
        read_program(face)
