"""`layout plan`: plan the pages with `stories:` and write the plan as an ordinary manifest with slots."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import LayoutError
from . import EXIT_CODES
from ..i18n import N_
from .translated import LayoutCommand, PathType


@click.command("plan", epilog=EXIT_CODES, cls=LayoutCommand,
               help=N_("""Plan every page of MANIFEST that lists `stories:` (docs/planner.md) and write the result as a
    manifest whose stories are articles with slots and headline sizes; it rebuilds to the same pages."""))
@click.argument("manifest", type=PathType(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=PathType(dir_okay=False, path_type=Path),
              help=N_("Write the planned manifest here (beside MANIFEST; default: print it)."))
@click.option("-q", "--quiet", is_flag=True, help=N_("Do not print the plan's report (stories, score, notes)."))
def command(manifest: Path, output: Path | None, quiet: bool) -> None:
    """The `layout plan` command (its help is the help= text of the decorator)."""
    from ..build import plan_stories
    from ..files import write_text_atomic
    from ..manifest.planned import planned_manifest
    if output is not None and output.resolve().parent != manifest.resolve().parent:
        raise LayoutError(f"the planned manifest must go beside {manifest.name} (its article, font and photo "
                          "paths are relative to that folder)", str(output),
                          f"write it into {manifest.resolve().parent}, e.g. -o {manifest.parent / 'planned.yaml'}")
    _, placed = plan_stories(manifest)
    report = plan_report(placed)
    text = planned_manifest(manifest, {number: p.articles for number, p in placed},
                            header=f"Planned by `layout plan {manifest.name}` (docs/planner.md).\n" + report,
                            rules={number: p.rules for number, p in placed})
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
    if not quiet:
        click.echo(report, err=output is None)


def plan_report(placed) -> str:
    """Per planned page: every story's slot and headline size, the score breakdown, the notes."""
    out = []
    for number, p in placed:
        out.append(f"page {number}: {len(p.spots)} stories placed, {len(p.held)} held over; {p.score.breakdown()}")
        for spot in sorted(p.spots, key=lambda s: (s.cell.column, s.cell.top)):
            c = spot.cell
            out.append(f"  {spot.story.id:<18} priority {spot.story.priority:<2} columns {c.column}–"
                       f"{c.column + c.span - 1}, rows {c.top}–{c.bottom - 1} ({c.rows} × {c.span}), "
                       f"headline {spot.size:g}pt" + (f" (one level smaller; ladder {spot.ladder:g}pt)" if spot.ladder else "")
                       + ("" if spot.deck else " (deck dropped)"))
        out.extend(f"  栏线: gutter left of column {r.column}, rows {r.top}–{r.top + r.lines - 1} (碰题 parted)"
                   for r in p.rules)
        out.extend(f"  note: {note}" for note in p.notes)
    return "\n".join(out)
