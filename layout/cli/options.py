"""Options: the click options `layout build` and `layout watch` share (manifest, output folder, pages, fit)."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import N_
from .translated import PathType
from ..spec import PDFX_STANDARDS


def build_options(command):
    """Decorate a command with MANIFEST, -o/--outdir, --pages, --allow-overset, --strict and --pdfx (in order)."""
    decorators = (
        click.argument("manifest", type=PathType(exists=True, dir_okay=False, path_type=Path)),
        click.option("-o", "--outdir", type=PathType(file_okay=False, path_type=Path),
                     help=N_("Output folder (default: build/ beside the manifest).")),
        click.option("--pages", is_flag=True, help=N_("Also write one PDF per page, named <edition><page:02>.pdf.")),
        click.option("--allow-overset", is_flag=True, help=N_("Build even if text does not fit; mark and list it.")),
        click.option("--strict", is_flag=True,
                     help=N_("Fail on underfull slots (开天窗) and areas in no slot too.")),
        click.option("--pdfx", "standard", type=click.Choice(PDFX_STANDARDS), help=N_("Override print.standard.")),
    )
    for decorate in reversed(decorators):
        command = decorate(command)
    return command
