"""`layout fonts`: list the font roles, the files behind them, and verify their sha256."""

from __future__ import annotations

import sys

import click

from ..errors import LayoutError
from ..fonts import file_sha256, load_face


@click.command(epilog="Exit codes: 0 every configured face present and verified; 1 a face is missing, "
                      "differs from its sha256 or forbids embedding.")
@click.option("--verify/--no-verify", default=True, help="Compare each file's sha256 with fonts.yaml.")
def command(verify: bool) -> None:
    """List font roles (song/hei/kai × weight) → files; check they exist, match and may be embedded."""
    from ..fonts import check_embeddable
    from ..manifest import load_font_table
    problems = 0
    table = load_font_table()
    for src in table.sources:
        status = "ok"
        try:
            face = load_face(src)
            check_embeddable(face)
            if verify and src.sha256 and file_sha256(src.file) != src.sha256:
                status = "sha256 differs from fonts.yaml"
        except LayoutError as error:
            status = error.message
        problems += status != "ok"
        click.echo(f"{src.role:>5} {src.weight:<9} {status:<6} {src.file} [face {src.index}] ({src.package})")
    sys.exit(1 if problems else 0)
