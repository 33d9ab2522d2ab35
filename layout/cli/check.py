"""CLI stage: `layout check FILE.pdf…`, the independent preflight of print PDFs (logic in layout/check/)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..check import STANDARDS, CheckOptions, UnusablePdfError, preflight
from ..i18n import N_
from .translated import LayoutCommand, PathType

EXIT_PASS, EXIT_FAIL, EXIT_UNUSABLE = 0, 1, 2


@click.command("check", cls=LayoutCommand,
               help=N_("""Preflight print PDFs the way a newspaper plant would: PDF/X keys, OutputIntent, boxes, fonts,
    colour spaces, transparency, small and black text, line widths, image resolution, total ink,
    encryption, JavaScript, annotations and LZW.

    \b
    Exit codes:
      0  every file passes (warnings allowed)
      1  a check failed in at least one file
      2  a file is unusable: missing, not a PDF, damaged, or needs a password
    """))
@click.argument("files", nargs=-1, required=True, type=PathType(path_type=Path))
@click.option("--standard", type=click.Choice(STANDARDS), default=None,
              help=N_("PDF/X flavour to check against  [default: the file's GTS_PDFXVersion, else x-1a]"))
@click.option("--ink-limit", type=click.FloatRange(0, 400, min_open=True), default=240.0, show_default=True,
              help=N_("Maximum total ink (C+M+Y+K, %) of any vector paint or image."))
@click.option("--json", "as_json", is_flag=True,
              help=N_("Print a machine-readable report: per file, per page, a list of findings."))
def command(files: tuple[Path, ...], standard: str | None, ink_limit: float, as_json: bool) -> None:
    """The `layout check` command (its help is the help= text of the decorator)."""
    options = CheckOptions(standard=standard, ink_limit=ink_limit)
    code, reports = EXIT_PASS, []
    for path in files:
        try:
            report = preflight(path, options)
        except UnusablePdfError as err:
            click.echo(f"layout check: {err.where}: {err.message}", err=True)
            reports.append({"file": str(path), "usable": False, "error": err.message})
            code = EXIT_UNUSABLE
            continue
        reports.append(report.to_dict())
        if not as_json:
            click.echo(report.as_table() + "\n")
        if not report.passed and code == EXIT_PASS:
            code = EXIT_FAIL
    if as_json:
        click.echo(json.dumps({"passed": code == EXIT_PASS, "files": reports}, ensure_ascii=False, indent=2))
    raise SystemExit(code)
