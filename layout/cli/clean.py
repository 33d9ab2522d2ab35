"""Copy desk CLI (layout clean): the click command around layout/cleaning/desk.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from ..cleaning.desk import (CleanResult, build_error, check_result, clean_file, diff_text, format_errors,
                             report_text, write_result)
from ..errors import LayoutError
from ..i18n import N_, _
from .translated import LayoutCommand, PathType


@dataclass(frozen=True)
class CleanOptions:
    """The command line of one `layout clean` run."""

    source: Path
    out_dir: Path | None
    check: bool
    diff: bool


@click.command("clean", cls=LayoutCommand,
               help=N_("""Clean raw copy SOURCE into article files in DIR, printing a change report.

    SOURCE is a raw page (UTF-8, GB18030 or UTF-16) or an existing article file, which is cleaned
    again and written under its own name into DIR.

    Exit codes: 0 done (or --check: nothing would change); 1 bad input, or --check found changes.
    """))
@click.argument("source", type=PathType(path_type=Path))
@click.option("-o", "--out", "out_dir", type=PathType(path_type=Path),
              help=N_("Directory for the article files (01.txt … and skeleton.yaml)."))
@click.option("--check", is_flag=True,
              help=N_("Write nothing; exit 1 if the files in DIR (or, without -o, the input) would change."))
@click.option("--diff", "show_diff", is_flag=True,
              help=N_("Write nothing; print a unified diff raw → cleaned (the report goes to stderr)."))
def command(source: Path, out_dir: Path | None, check: bool, show_diff: bool) -> None:
    """The `layout clean` command (its help is the help= text of the decorator)."""
    options = CleanOptions(source, out_dir, check, show_diff)
    try:
        run(options)
    except LayoutError as err:
        click.echo(_("error") + f": {err}", err=True)
        raise SystemExit(1) from None


def run(options: CleanOptions) -> None:
    """Clean, then check, diff or write, as the options say."""
    if options.check and options.out_dir is None:
        _raise_build_error(options.source)
    result = clean_file(options.source, options.out_dir.name if options.out_dir else "articles")
    report = report_text(result, options.out_dir)
    if options.diff:
        click.echo(report, err=True, nl=False)
        click.echo(diff_text(result), nl=False)
    if options.check:
        _check(options, result, report)
        return
    if options.diff:
        return
    if options.out_dir is None:
        raise LayoutError(_("no output directory"), str(options.source),
                          _("give -o DIR (or --check / --diff to write nothing)"))
    written = write_result(result, options.out_dir)
    click.echo(report, nl=False)
    click.echo(_("wrote {count} files to {folder}").format(count=len(written), folder=options.out_dir))


def _raise_build_error(source: Path) -> None:
    """`--check` of the input itself: first, the article-format error the build would raise on it."""
    error = build_error(source)
    if error is not None:
        raise error


def _check(options: CleanOptions, result: CleanResult, report: str) -> None:
    """`--check`: print what would change and the build's article-format errors; exit 1 on any."""
    differ = check_result(result, options.out_dir)
    errors = format_errors(result, options.out_dir) if options.out_dir is not None else ()
    if not options.diff:
        click.echo(report, nl=False)
    for name in differ:
        click.echo(_("would change: {name}").format(name=name))
    for error in errors:
        click.echo(_("error") + f": {error}", err=True)
    if differ or errors:
        raise SystemExit(1)
    click.echo(_("clean: nothing would change"))
