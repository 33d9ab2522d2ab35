"""`layout fonts`: list the font roles, the files behind them, and verify their sha256."""

from __future__ import annotations

import sys

import click

from ..errors import LayoutError
from ..fonts import file_sha256, load_face
from ..i18n import N_, _
from .translated import LayoutCommand

FONTS_FORMAT = "layout-fonts/1"
OK, DIFFERS = N_("ok"), N_("sha256 differs from fonts.yaml")
STATUS = (OK, DIFFERS)  # the table says them in the active language; --json keeps the English


@click.command(cls=LayoutCommand, epilog=N_("Exit codes: 0 every configured face present and verified; 1 a face "
                                           "is missing, differs from its sha256 or forbids embedding."),
               help=N_("List font roles (song/hei/kai × weight) → files; check they exist, match and may be "
                       "embedded."))
@click.option("--verify/--no-verify", default=True, help=N_("Compare each file's sha256 with fonts.yaml."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print the table as JSON (docs/json.md)."))
def command(verify: bool, as_json: bool) -> None:
    """The `layout fonts` command (its help is the help= text of the decorator)."""
    from .summary import json_errors, to_json
    with json_errors(as_json):
        rows = font_rows(verify)
    ok = all(row["status"] == OK for row in rows)
    if as_json:
        click.echo(to_json({"format": FONTS_FORMAT, "ok": ok, "verified": verify, "fonts": rows}))
    else:
        for r in rows:
            click.echo(f"{r['role']:>5} {r['weight']:<9} {_(r['status']) if r['status'] in STATUS else r['status']:<6} "
                       f"{r['file']} " + _("[face {index}]").format(index=r["index"]) + f" ({r['package']})")
    sys.exit(0 if ok else 1)


def font_rows(verify: bool) -> list[dict]:
    """One row per face of fonts/fonts.yaml: role, weight, file, face index, package, sha256 and status."""
    from ..fonts import check_embeddable
    from ..manifest import load_font_table
    rows = []
    for src in load_font_table().sources:
        status, found = OK, None
        try:
            face = load_face(src)
            check_embeddable(face)
            if verify:
                found = file_sha256(src.file)
                if src.sha256 and found != src.sha256:
                    status = DIFFERS
        except LayoutError as error:
            status = error.message
        rows.append({"role": src.role, "weight": src.weight, "file": str(src.file), "index": src.index,
                     "package": src.package, "sha256_expected": src.sha256 or None, "sha256_found": found,
                     "status": status})
    return rows
