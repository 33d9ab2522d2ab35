"""`layout fit`: the copy-fit of every story — fits exactly, short by N lines (≈ 字 to add), over by N lines."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import click

from ..makeup.fit import CopyFit, lines, unplaced_message
from ..i18n import N_, _
from .translated import LayoutCommand, PathType

FIT_CODES = N_("""Exit codes: 0 every story fits its slot exactly (every column ends on the slot's last
baseline, no area in no slot); 1 something is short or over (or an input error); 2 usage error.""")


@click.command("fit", epilog=FIT_CODES, cls=LayoutCommand,
               help=N_("Report how every story of MANIFEST fits its slot, in 行 and ≈字, and what would square "
                       "its columns."))
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
        out.append(_("page {page}: type area {width} × {height} pt, {rows} rows of {leading} pt, {columns} columns "
                     "of {characters} 字 ({measure} pt), gutter {gutter} pt").format(
            page=plan.label, width=f"{grid.type_area.width:.1f}", height=f"{grid.type_area.height:.1f}",
            rows=grid.rows, leading=f"{grid.leading:g}", columns=grid.columns, characters=grid.characters,
            measure=f"{grid.measure:g}", gutter=f"{grid.gutter:g}"))
        out.append("  " + " ".join(_pad(_(word), width) for word, width in HEADINGS) + "  " + _("fit"))
        for frame in page.articles:
            out.append("  " + _row(frame.fit))
        out.extend(f"  {unplaced_message(plan.number, cell)}" for cell in plan.unplaced)
    for warning in made.ctx.grid_warnings:
        out.append(_("warning") + f": {warning}")
    return "\n".join(out)


# the table's column headings and widths (negative: left-aligned)
HEADINGS = ((N_("article"), -18), (N_("slot"), 12), (N_("head"), 4), (N_("body"), 5), (N_("free"), 5),
            (N_("over"), 5))


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (a CJK character takes two), left-aligned if width < 0."""
    fill = " " * max(0, abs(width) - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text))
    return text + fill if width < 0 else fill + text


def _row(fit: CopyFit) -> str:
    """One story's line of the table."""
    slot = f"{fit.cell.rows}×{fit.cell.span} @{fit.cell.column},{fit.cell.top}"
    verdict = {"exact": _("fits exactly"),
               "short": _("short by {lines} (≈ {characters} 字 to add)").format(
                   lines=lines(fit.short_lines), characters=fit.short_lines * fit.characters),
               "over": _("over by {lines} (≈ {characters} 字 to cut)").format(
                   lines=lines(fit.over_lines), characters=fit.characters_over)}[fit.status]
    if fit.estimated:  # the last paragraphs were counted, not set: the lines are an estimate, the 字 exact
        verdict = _("over by ≈ {lines} ({characters} 字 to cut; the last {paragraphs} paragraphs counted, not "
                    "set)").format(lines=lines(fit.over_lines), characters=fit.characters_over,
                                   paragraphs=fit.unset_paragraphs)
    if fit.square_lines:
        square = (_("; add {lines} to square the columns") if fit.square_lines > 0 else
                  _("; cut {lines} to square the columns"))
        verdict += square.format(lines=lines(abs(fit.square_lines)))
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
