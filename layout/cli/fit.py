"""`layout fit`: the copy-fit of every story — fits exactly, short by N lines (≈ 字 to add), over by N lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..makeup.fit import CopyFit, lines
from ..i18n import N_
from .translated import LayoutCommand, PathType

FIT_CODES = N_("""Exit codes: 0 every story fits its slot exactly (every column ends on the slot's last
baseline, no area in no slot); 1 something is short or over (or an input error); 2 usage error.""")


@click.command("fit", epilog=FIT_CODES, cls=LayoutCommand,
               help=N_("Report how every story of MANIFEST fits its slot, in 行 and ≈字, and what would square its columns."))
@click.argument("manifest", type=PathType(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help=N_("Print the report as JSON (for scripts)."))
def command(manifest: Path, as_json: bool) -> None:
    """The `layout fit` command (its help is the help= text of the decorator)."""
    from ..build import BuildOptions, make_up
    made = make_up(manifest, BuildOptions())
    click.echo(json.dumps(fit_document(made), ensure_ascii=False, indent=2) if as_json else capacity_report(made))
    exact = all(f.status == "exact" for f in made.fits) and not made.unplaced
    sys.exit(0 if exact else 1)


def capacity_report(made) -> str:
    """Per page the type area, rows and measure; per story its slot, headline rows, lines and fit."""
    grid, out = made.ctx.grid, []
    for plan, page in zip(made.plans, made.pages):
        out.append(f"page {plan.label}: type area {grid.type_area.width:.1f} × {grid.type_area.height:.1f} pt, "
                   f"{grid.rows} rows of {grid.leading:g} pt, {grid.columns} columns of {grid.characters} 字 "
                   f"({grid.measure:g} pt), gutter {grid.gutter:g} pt")
        out.append(f"  {'article':<18} {'slot':>12} {'head':>4} {'body':>5} {'free':>5} {'over':>5}  fit")
        for frame in page.articles:
            out.append("  " + _row(frame.fit))
        out.extend(f"  {free}" for free in made.unplaced if free.startswith(f"page {plan.number}:"))
    for warning in made.ctx.grid_warnings:
        out.append(f"warning: {warning}")
    return "\n".join(out)


def _row(fit: CopyFit) -> str:
    """One story's line of the table."""
    slot = f"{fit.cell.rows}×{fit.cell.span} @{fit.cell.column},{fit.cell.top}"
    verdict = {"exact": "fits exactly",
               "short": f"short by {lines(fit.short_lines)} (≈ {fit.short_lines * fit.characters} 字 to add)",
               "over": f"over by {lines(fit.over_lines)} (≈ {fit.characters_over} 字 to cut)"}[fit.status]
    if fit.estimated:  # the last paragraphs were counted, not set: the lines are an estimate, the 字 exact
        verdict = (f"over by ≈ {lines(fit.over_lines)} ({fit.characters_over} 字 to cut; the last "
                   f"{fit.unset_paragraphs} paragraphs counted, not set)")
    if fit.square_lines:
        verb = "add" if fit.square_lines > 0 else "cut"
        verdict += f"; {verb} {lines(abs(fit.square_lines))} to square the columns"
    approx = "≈" if fit.estimated else ""
    return (f"{fit.name:<18} {slot:>12} {fit.head_rows + fit.gap_rows:>4} {approx + str(fit.body_lines):>5} "
            f"{fit.short_lines:>5} {approx + str(fit.over_lines):>5}  {verdict}")


def fit_document(made) -> dict:
    """The report as plain data: the grid, then every story's numbers (lines, ≈字, status)."""
    grid = made.ctx.grid
    return {
        "grid": {"columns": grid.columns, "rows": grid.rows, "measure_pt": round(grid.measure, 3),
                 "measure_characters": grid.characters, "gutter_pt": round(grid.gutter, 3),
                 "leading_pt": round(grid.leading, 3), "warnings": list(made.ctx.grid_warnings)},
        "stories": [{"id": f.id, "page": f.page, "where": f.where, "column": f.cell.column, "span": f.cell.span,
                     "top": f.cell.top, "rows": f.cell.rows, "head_rows": f.head_rows, "gap_rows": f.gap_rows,
                     "body_lines": f.body_lines, "empty_per_column": list(f.empty), "short_lines": f.short_lines,
                     "over_lines": f.over_lines, "characters_to_add": f.short_lines * f.characters,
                     "characters_to_cut": f.characters_over, "square_lines": f.square_lines, "status": f.status,
                     "lines_estimated": f.estimated, "paragraphs_not_set": f.unset_paragraphs,
                     **({"part": f.part} if f.part else {})}
                    for f in made.fits],
        "unplaced": list(made.unplaced),
        "exact": all(f.status == "exact" for f in made.fits) and not made.unplaced,
    }
