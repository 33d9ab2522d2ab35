"""`layout plan`: plan the pages with `stories:` and write the plan as an ordinary manifest with slots."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import LayoutError
from . import EXIT_CODES
from ..i18n import N_, _
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
        raise LayoutError(_("the planned manifest must go beside {name} (its article, font and "
                            "photo paths are relative to that folder)").format(name=manifest.name), str(output),
                          _("write it into {parent}, e.g. -o {value}").format(
                              parent=manifest.resolve().parent, value=manifest.parent / 'planned.yaml'))
    _stories, placed = plan_stories(manifest)
    report = plan_report(placed)
    text = planned_manifest(manifest, {number: p.articles for number, p in placed},
                            header=_("Planned by `layout plan {name}` (docs/planner.md).").format(name=manifest.name)
                            + "\n" + report,
                            rules={number: p.rules for number, p in placed},
                            dropped=frozenset().union(*(p.unjumped for _n, p in placed)))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
    if not quiet:
        click.echo(report, err=output is None)


def _levers(spot) -> list[str]:
    """What the plan did to a story to fill the page, as marks after its line in the report."""
    marks = [_(" (one level smaller; ladder {size}pt)").format(size=f"{spot.ladder:g}")] if spot.ladder else []
    marks += [] if spot.deck else [_(" (deck dropped)")]
    marks += [_(" (headline in one line more)")] if spot.split else []
    marks += [_(" (jumps to page {page})").format(page=spot.story.jump.page)] if spot.jumped else []
    return marks


def plan_report(placed) -> str:
    """Per planned page: every story's slot and headline size, the score breakdown, the notes."""
    out = []
    for number, p in placed:
        out.append(_("page {number}: {stories} stories placed, {held} held over; {score}").format(
            number=number, stories=len(p.spots), held=len(p.held), score=p.score.breakdown()))
        for spot in sorted(p.spots, key=lambda s: (s.cell.column, s.cell.top)):
            c = spot.cell
            out.append(_("  {id} priority {priority} columns {first}–{last}, rows {top}–{bottom} "
                         "({rows} × {span}), headline {size}pt").format(
                id=f"{spot.story.id:<18}", priority=f"{spot.story.priority:<2}", first=c.column,
                last=c.column + c.span - 1, top=c.top, bottom=c.bottom - 1, rows=c.rows, span=c.span,
                size=f"{spot.size:g}") + "".join(_levers(spot)))
        out.extend(_("  栏线: gutter left of column {column}, rows {top}–{bottom} (碰题 parted)").format(
            column=r.column, top=r.top, bottom=r.top + r.lines - 1) for r in p.rules)
        out.extend(_("  note: {note}").format(note=note) for note in p.notes)
    return "\n".join(out)
