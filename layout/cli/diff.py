"""CLI stage: `layout diff` — compare two builds and write an HTML and JSON report."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from ..qa.diff import DiffOptions, MAX_WORKERS, diff, parse_mask
from ..errors import LayoutError
from ..i18n import N_, _
from .translated import LayoutCommand, PathType

EXIT_SAME, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def _status_line(page) -> str:
    """One line of the summary: page key, status and what changed."""
    line = f"{page.key:12} {_(STATUS.get(page.status, page.status))}"
    if page.status == "changed":
        articles = sorted({c.article for c in page.text} | {a for r in page.regions for a in r.articles})
        line += _(": {text} text change(s), {regions} region(s), {pixels} px; articles: {articles}").format(
            text=len(page.text), regions=len(page.regions), pixels=page.changed_pixels,
            articles=", ".join(a or _("(page)") for a in articles) or "-")
    return line


# a page's status (report.json keeps the English word) as the summary says it
STATUS = {"added": N_("added"), "removed": N_("removed"), "unchanged": N_("unchanged"), "changed": N_("changed"),
          "identical": N_("identical")}


@click.command("diff", cls=LayoutCommand, epilog=N_(
    "Exit codes: 0 no visible change; 1 changes found; 2 error (bad input, build failure, bad --mask)."),
               help=N_("Compare OLD and NEW (two PDFs, or two issue folders / issue.yaml files, which are built)."))
@click.argument("old", type=PathType(path_type=Path))
@click.argument("new", type=PathType(path_type=Path))
@click.option("-o", "--outdir", "outdir", required=True, type=PathType(path_type=Path, file_okay=False),
              help=N_("Report folder: index.html, report.json and pages/*.png."))
@click.option("--dpi", default=100.0, show_default=True, type=float, help=N_("Resolution of the raster diff."))
@click.option("--mask", "masks", multiple=True, metavar="x0,y0,x1,y1|KIND",
              help=N_("Ignore a box (pt, origin bottom-left) or a page-furniture kind from the sidecar, e.g. "
                   "folio-date. Repeatable. The sidecar's own ignore boxes always apply."))
@click.option("--threshold", default=0.1, show_default=True, type=float,
              help=N_("pt a glyph may move before it counts as moved."))
@click.option("--tolerance", default=32, show_default=True, type=click.IntRange(0, 254),
              help=N_("Per-channel difference (0-255) a pixel may have before it counts as changed."))
@click.option("--jobs", default=MAX_WORKERS, show_default=True, type=click.IntRange(1, MAX_WORKERS),
              help=N_("Worker processes for the pages to compare."))
def command(old: Path, new: Path, outdir: Path, dpi: float, masks: tuple[str, ...], threshold: float,
            tolerance: int, jobs: int) -> None:
    """The `layout diff` command (its help is the help= text of the decorator)."""
    try:
        options = DiffOptions(dpi=dpi, move_threshold=threshold, tolerance=tolerance,
                              masks=tuple(parse_mask(m) for m in masks), jobs=jobs)
        from ..progress import terminal_progress
        result = diff(old, new, outdir, options, terminal_progress())
    except LayoutError as err:
        click.echo(_("error") + f": {err}", err=True)
        sys.exit(EXIT_ERROR)
    except OSError as err:  # an unreadable input or unwritable report folder: a message, not a bug
        click.echo(_("error") + f": {err.filename or ''}: {err.strerror or err}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception:  # a bug, not a difference: exit 1 would claim "changes found"
        click.echo(traceback.format_exc(), err=True)
        sys.exit(EXIT_ERROR)
    for page in result.pages:
        click.echo(_status_line(page))
    verdict = _("changes found") if result.changed else _("no visible change")
    click.echo(_("{verdict} (pages compared in {seconds} s); report: {report}").format(
        verdict=verdict, seconds=f"{result.seconds:.2f}", report=outdir / "index.html"))
    sys.exit(EXIT_CHANGED if result.changed else EXIT_SAME)
