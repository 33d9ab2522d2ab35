"""`layout schema`: print the JSON Schema of issue.yaml (completion and hover in editors; docs/schema.md)."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import N_, _
from .translated import LayoutCommand, PathType

@click.command("schema", cls=LayoutCommand,
               epilog=N_("Exit codes: 0 printed or written; 1 the file cannot be written."),
               help=N_("Print the JSON Schema of issue.yaml, generated from the manifest reader's keys and value "
                       "kinds."))
@click.option("-o", "--output", type=PathType(dir_okay=False, path_type=Path),
              help=N_("Write the schema to this file instead of printing it."))
def command(output: Path | None) -> None:
    """The `layout schema` command (its help is the help= text of the decorator)."""
    from ..files import write_text_atomic
    from ..manifest.schema import schema_text
    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
        return
    write_text_atomic(output, text)
    click.echo(_("wrote {output}").format(output=output), err=True)
