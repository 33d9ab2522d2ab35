"""CLI stage: `layout proof` — render a PDF (or an issue, built first) to PNG proofs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import LayoutError
from ..i18n import N_, _
from ..qa.proof import ProofOptions, proof
from .translated import LayoutCommand, PathType


@click.command("proof", cls=LayoutCommand,
               epilog=N_("Exit codes: 0 proofs written; 1 error (bad input, build failure)."),
               help=N_("Render every page of SOURCE (a PDF, or an issue folder / issue.yaml, which is built) to PNG."))
@click.argument("source", type=PathType(path_type=Path))
@click.option("-o", "--outdir", "outdir", required=True, type=PathType(path_type=Path, file_okay=False),
              help=N_("Folder for the PNGs (<label>.png with a sidecar, else page-001.png …)."))
@click.option("--dpi", default=100.0, show_default=True, type=float, help=N_("Resolution of the PNGs."))
@click.option("--overlay", is_flag=True,
              help=N_("Draw columns, slots and article ids, baselines, overset and kinsoku/orphan lines."))
def command(source: Path, outdir: Path, dpi: float, overlay: bool) -> None:
    """The `layout proof` command (its help is the help= text of the decorator)."""
    try:
        from ..progress import terminal_progress
        result = proof(source, outdir, ProofOptions(dpi=dpi, overlay=overlay), terminal_progress())
    except LayoutError as err:
        click.echo(_("error") + f": {err}", err=True)
        sys.exit(1)
    for path in result.pages:
        click.echo(str(path))
    click.echo((_("{count} page(s) proofed at {dpi} dpi with overlay") if overlay else
                _("{count} page(s) proofed at {dpi} dpi")).format(count=len(result.pages), dpi=f"{dpi:g}"))
