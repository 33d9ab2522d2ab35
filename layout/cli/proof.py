"""CLI stage: `layout proof` — render a PDF (or an issue, built first) to PNG proofs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import LayoutError
from ..i18n import _
from ..qa.proof import ProofOptions, proof


@click.command("proof", epilog="Exit codes: 0 proofs written; 1 error (bad input, build failure).")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--outdir", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the PNGs (<label>.png with a sidecar, else page-001.png …).")
@click.option("--dpi", default=100.0, show_default=True, type=float, help="Resolution of the PNGs.")
@click.option("--overlay", is_flag=True,
              help="Draw columns, slots and article ids, baselines, overset and kinsoku/orphan lines.")
def command(source: Path, outdir: Path, dpi: float, overlay: bool) -> None:
    """Render every page of SOURCE (a PDF, or an issue folder / issue.yaml, which is built) to PNG."""
    try:
        from ..progress import terminal_progress
        result = proof(source, outdir, ProofOptions(dpi=dpi, overlay=overlay), terminal_progress())
    except LayoutError as err:
        click.echo(_("error") + f": {err}", err=True)
        sys.exit(1)
    for path in result.pages:
        click.echo(str(path))
    click.echo(f"{len(result.pages)} page(s) proofed at {dpi:g} dpi{' with overlay' if overlay else ''}")
