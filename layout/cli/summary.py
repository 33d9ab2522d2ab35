"""Summary: the build's end-of-run report — pages, articles, lines, characters, fonts, warnings, time —
as text, or as JSON (`--json`, formats in docs/json.md); and the one JSON error object."""

from __future__ import annotations

import dataclasses
import json
from contextlib import contextmanager

import click

from ..errors import LayoutError
from ..i18n import _

BUILD_FORMAT = "layout-build-summary/1"
VALIDATE_FORMAT = "layout-validate-summary/1"
ERROR_FORMAT = "layout-error/1"


def format_summary(result, verbose: bool = False) -> str:
    """Human-readable summary of a BuildResult (in the active language)."""
    s = result.summary
    out = [_("built {pdf} ({kib} KiB): {pages} page(s), {articles} articles, {lines} lines, {characters} characters "
             "set in {seconds} s").format(pdf=result.issue_pdf, kib=f"{s.pdf_bytes / 1024:.0f}", pages=s.pages,
                                          articles=s.articles, lines=s.lines, characters=s.characters,
                                          seconds=f"{s.seconds:.2f}")]
    for path, records in zip(result.page_pdfs, result.page_sidecars or (None,) * len(result.page_pdfs)):
        out.append("  " + (_("page PDF {path} (sidecar {name})").format(path=path, name=records.name) if records
                           else _("page PDF {path}").format(path=path)))
    out.append("  " + _("sidecar {path}").format(path=result.sidecar))
    out.append("  " + _("fonts embedded as subsets:"))
    for f in s.fonts:
        out.append(f"    {f.key:<13} {f.postscript_name:<36} " + _("{count} characters, subset {kib} KiB").format(
            count=f"{f.characters:>4}", kib=f"{f.subset_bytes / 1024:.0f}"))
    if s.photos:
        out.append("  " + _("photos: {count}").format(count=len(s.photos)))
        for image in s.photos:
            out.append(f"    {image.file:<36} {image.article:<16} " + _(
                "{width} × {height} mm, {ppi} ppi, max TAC {tac} %").format(
                    width=f"{image.box.width / 72 * 25.4:.0f}", height=f"{image.box.height / 72 * 25.4:.0f}",
                    ppi=f"{image.ppi:.0f}", tac=f"{image.max_tac:.1f}"))
    out.extend(_checks(s))
    if verbose and result.made is not None:
        from .fit import capacity_report
        out.append(capacity_report(result.made))
    return "\n".join(out)


def format_validation(manifest, made, s, verbose: bool = False) -> str:
    """Human-readable summary of `layout validate` (and `build --dry-run`): the build's counts, no files."""
    out = [_("valid {manifest}: {pages} page(s), {articles} articles, {lines} lines, {characters} characters "
             "(nothing written)").format(manifest=manifest, pages=s.pages, articles=s.articles, lines=s.lines,
                                         characters=s.characters)]
    out.extend(_checks(s))
    if verbose:
        from .fit import capacity_report
        out.append(capacity_report(made))
    return "\n".join(out)


def _checks(s) -> list[str]:
    """The lines both summaries share: typesetting defects, fit, overset/underfull/no-slot, warnings."""
    t = s.typesetting
    out = ["  " + _("typesetting: {lines} body lines; prohibited line starts {starts}, ends {ends}; non-flush lines "
                    "{flush}; overfull {overfull}; 孤字 {orphans}; off the baseline grid {off_grid}; squeezed (先挤进) "
                    "{squeezed}").format(
               lines=t.lines, starts=t.prohibited_starts, ends=t.prohibited_ends, flush=t.not_flush,
               overfull=t.overfull, orphans=t.orphans, off_grid=t.off_grid, squeezed=t.squeezed),
           "  " + _("fit: overset {overset}, underfull {short} lines in {underfull} articles, areas in no slot "
                    "{unplaced}").format(overset=len(s.oversets), short=sum(f.short_lines for f in s.underfull),
                                         underfull=len(s.underfull), unplaced=len(s.unplaced))]
    for overset in s.oversets:
        out.append("  " + _("OVERSET") + f" {overset.message()}")
    for fit in s.underfull:
        out.append("  " + _("UNDERFULL") + f" {fit.message()}")
    for area in s.unplaced:
        out.append("  " + _("NO SLOT") + f" {area}")
    out.append("  " + _("warnings: {count}").format(count=len(s.warnings)) + "".join(f"\n    {w}" for w in s.warnings))
    return out


def to_json(document: dict) -> str:
    """Every JSON document the CLI prints: sorted keys (a stable order), UTF-8 text as is."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)


def validation_document(made, s) -> dict:
    """`layout validate --json`: the counts and fit of the made-up issue (docs/json.md)."""
    cells = [(plan.number, cell) for plan in made.plans for cell in plan.unplaced]
    return {
        "format": VALIDATE_FORMAT,
        "pages": s.pages,
        "articles": s.articles,
        "lines": s.lines,
        "characters": s.characters,
        "overset": [{"article": o.article, "page": o.page, "where": o.where, "lines_needed": o.lines_needed,
                     "lines_available": o.lines_available, "characters_over": o.characters_over,
                     "lines_estimated": o.estimated, "paragraphs_not_set": o.unset_paragraphs}
                    for o in s.oversets],
        "underfull": [{"article": f.id, "page": f.page, "where": f.where, "empty_per_column": list(f.empty),
                       "short_lines": f.short_lines, "characters_to_add": f.short_lines * f.characters}
                      for f in s.underfull],
        "unplaced": [{"page": page, "column": cell.column, "span": cell.span, "top": cell.top, "rows": cell.rows,
                      "message": message} for (page, cell), message in zip(cells, s.unplaced)],
        "typesetting": dataclasses.asdict(s.typesetting),
        "warnings": list(s.warnings),
    }


def build_document(result) -> dict:
    """`layout build --json`: the validation document plus fonts, seconds and the files written."""
    s = result.summary
    document = validation_document(result.made, s)
    document.update({
        "format": BUILD_FORMAT,
        "fonts": [{"key": f.key, "postscript_name": f.postscript_name, "characters": f.characters,
                   "subset_bytes": f.subset_bytes} for f in s.fonts],
        "seconds": round(s.seconds, 3),
        "outputs": {"issue_pdf": str(result.issue_pdf), "issue_pdf_bytes": s.pdf_bytes,
                    "page_pdfs": [str(p) for p in result.page_pdfs], "sidecar": str(result.sidecar),
                    "page_sidecars": [str(p) for p in result.page_sidecars]},
    })
    return document


def error_document(error: LayoutError) -> dict:
    """An error as JSON on stdout (the message still goes to stderr): what, where, how to fix it."""
    return {"format": ERROR_FORMAT, "error": error.message, "where": error.where, "hint": error.hint}


@contextmanager
def json_errors(enabled: bool):
    """With --json, a LayoutError or OSError also prints an error object on stdout; the group's wrapper
    then prints the message on stderr and exits 1 as without --json."""
    if not enabled:
        yield
        return
    try:
        yield
    except LayoutError as error:
        click.echo(to_json(error_document(error)))
        raise
    except OSError as error:
        from . import os_error
        converted = os_error(error, click.get_current_context().find_root())
        click.echo(to_json(error_document(converted)))
        raise converted from None
