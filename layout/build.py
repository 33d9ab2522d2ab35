"""Build: the whole pipeline — manifest → articles → composed pages → PDF(s), sidecar, preflight, summary."""

from __future__ import annotations

import datetime as _dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import manifest
from .compose import page as compose
from .output import dump
from .errors import LayoutError, OversetError, PrintError
from .fonts import FontBook
from .compose.audit import Typesetting, audit_records
from .typeset.lines import ComposeConfig
from .spec import Issue
from .geometry import Rect
from .placed import Overset, Page
from .files import temporary
from .article import read_article, visible_characters


@dataclass(frozen=True)
class BuildOptions:
    """What `layout build` was asked for (one frozen object from the CLI flags)."""

    outdir: Path | None = None  # default: build/ beside the manifest
    pages: bool = False  # also one PDF per page, <edition><page:02>.pdf
    allow_overset: bool = False
    standard: str | None = None  # override print.standard ('x-1a' | 'x-4')
    preflight: bool = True  # check our own output and fail if it does not pass
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class BuildSummary:
    """What the build prints at the end."""

    pages: int
    articles: int
    lines: int
    characters: int
    fonts: tuple  # paint.page.FontUse
    warnings: tuple[str, ...]
    oversets: tuple[Overset, ...]
    typesetting: Typesetting
    seconds: float
    pdf_bytes: int


@dataclass(frozen=True)
class BuildResult:
    """Files written and what was built."""

    issue_pdf: Path
    page_pdfs: tuple[Path, ...]
    sidecar: Path
    pages: tuple[Page, ...]
    summary: BuildSummary


def build(manifest_path: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build an issue: every step below is one stage of ARCHITECTURE.md."""
    started = time.perf_counter()
    issue = manifest.load_issue(manifest_path)                       # read and validate issue.yaml
    if options.standard:
        issue = _with_standard(issue, options.standard)
    ctx = _context(issue)                                            # fonts, grid, articles, options
    pages = _compose_all(issue, ctx, options)                        # compose every page
    oversets = tuple(a.overset for p in pages for a in p.articles if a.overset)
    if oversets and not options.allow_overset:                       # overset is never silent
        raise OversetError("\n".join(o.message() for o in oversets), str(manifest_path),
                           "shorten the text, enlarge the slot, or build with --allow-overset")
    outdir = options.outdir or manifest_path.parent / "build"
    outdir.mkdir(parents=True, exist_ok=True)
    with Staging() as staged:                                         # all outputs land together
        fonts = _stage_pdf(pages, outdir / f"{issue.id}.pdf", issue, options, staged)  # paint, preflight
        for page in pages if options.pages else ():
            _stage_pdf([page], outdir / f"{page.label}.pdf", issue, options, staged)
        _stage_sidecar(pages, issue, outdir, staged)                  # records for QA
        written = staged.commit()
    issue_pdf, *page_pdfs, sidecar = written
    summary = _summary(issue, pages, ctx, fonts, oversets, time.perf_counter() - started, issue_pdf)
    return BuildResult(issue_pdf, tuple(page_pdfs), sidecar, pages, summary)


class Staging:
    """Output files written to temporaries and renamed into place together only when all succeeded,
    so a failed build leaves the last good PDFs, page PDFs and sidecar untouched and in step."""

    def __init__(self) -> None:
        self.files: list[tuple[Path, Path]] = []  # (temporary, final)

    def __enter__(self) -> "Staging":
        return self

    def add(self, final: Path) -> Path:
        """A temporary path for `final`, renamed into place by commit()."""
        tmp = temporary(final)
        self.files.append((tmp, final))
        return tmp

    def commit(self) -> tuple[Path, ...]:
        for tmp, final in self.files:
            os.replace(tmp, final)
        return tuple(final for _, final in self.files)

    def __exit__(self, *exc) -> None:
        for tmp, _ in self.files:
            tmp.unlink(missing_ok=True)


def _with_standard(issue: Issue, standard: str) -> Issue:
    from dataclasses import replace
    return replace(issue, print=replace(issue.print, standard=standard))


def _context(issue: Issue) -> compose.Context:
    """Everything composing needs: font book with overrides, the grid, article texts, composer options."""
    from .geometry import make_grid
    table = manifest.load_font_table().with_overrides(issue.fonts)
    config = ComposeConfig.from_typography(issue.typography)
    articles = {a.id: read_article(a.file) for p in issue.pages for a in p.articles}
    grid = make_grid(issue.page_width, issue.page_height, issue.margins, issue.grid)
    return compose.Context(issue, grid, FontBook(table), config, articles)


def _compose_all(issue: Issue, ctx: compose.Context, options: BuildOptions) -> tuple[Page, ...]:
    pages = []
    for number, spec in enumerate(issue.pages, start=1):
        pages.append(compose.compose_page(spec, ctx))
        if options.progress:
            options.progress(number, len(issue.pages))
    return tuple(pages)


def created_at(issue: Issue) -> _dt.datetime:
    """The fixed creation date of the PDF: SOURCE_DATE_EPOCH if set, else the issue date 00:00 UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.isdigit():
            raise LayoutError(f"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds", "environment",
                              "unset it, or set it to a Unix time such as 1692662400")
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
    return _dt.datetime(issue.date.year, issue.date.month, issue.date.day, tzinfo=_dt.timezone.utc)


def _paint_settings(issue: Issue, title: str):
    from .output.paint import pdfx
    from .output.paint.page import PaintSettings
    spec = issue.print
    info = "ISO 12647-3 coldset newsprint (IFRA26)" if spec.output_condition == "IFRA26" else spec.output_condition
    settings = pdfx.PdfxSettings(standard=spec.standard, title=title, author=issue.paper,
                                 created=created_at(issue), output_condition=spec.output_condition,
                                 registry=spec.registry, output_condition_info=info,
                                 icc_profile=spec.icc_profile)
    slug = f"{issue.paper}  {issue.date.isoformat()}  {{page}}  built {created_at(issue):%Y-%m-%d %H:%M} UTC"
    return PaintSettings(settings, marks=spec.marks, slug=slug)


def _stage_pdf(pages: Sequence[Page], path: Path, issue: Issue, options: BuildOptions, staged: Staging):
    """Paint `pages` to a staged temporary for `path` and preflight it; returns the fonts used."""
    from .output.paint.page import paint
    title = f"{issue.paper} {issue.date.isoformat()} " + (pages[0].label if len(pages) == 1 else issue.edition)
    tmp = staged.add(path)
    fonts = paint(pages, tmp, _paint_settings(issue, title))
    if options.preflight:
        _preflight(tmp, path, issue)
    return fonts


def _preflight(tmp: Path, path: Path, issue: Issue) -> None:
    """Run `layout check` on our own output; a failure keeps the file aside as *.failed.pdf."""
    from .check import CheckOptions, preflight
    report = preflight(tmp, CheckOptions(standard=issue.print.standard, ink_limit=issue.print.ink_limit))
    if not report.passed:
        failed = path.with_suffix(".failed.pdf")
        os.replace(tmp, failed)
        raise PrintError("the PDF written does not pass preflight:\n" + report.as_table(),
                         str(failed), "this is a bug in layout or a manifest colour/size problem named above")


def _stage_sidecar(pages: Sequence[Page], issue: Issue, outdir: Path, staged: Staging) -> None:
    """The sidecar JSON (every line's article, column and position) beside the issue PDF."""
    from .output import sidecar
    from .output.paint.page import media_box
    settings = _paint_settings(issue, "")
    ignore = tuple(Rect(*r) for r in issue.ignore_regions)
    records = tuple(sidecar.page_record(i, p, media_box(p, settings), ignore) for i, p in enumerate(pages))
    sidecar.write(staged.add(outdir / sidecar.sidecar_name(issue.id)),
                  sidecar.Sidecar(issue.id, f"{issue.id}.pdf", records))


def _summary(issue: Issue, pages: Sequence[Page], ctx: compose.Context, fonts, oversets, seconds: float,
             pdf: Path) -> BuildSummary:
    records = [r for p in pages for a in p.articles for r in a.lines]
    characters = sum(visible_characters(r.text) for r in records)
    return BuildSummary(len(pages), sum(len(p.articles) for p in pages), len(records), characters,
                        fonts, tuple(w for p in pages for w in p.warnings), oversets,
                        _typesetting(pages, ctx), seconds, pdf.stat().st_size)


def _typesetting(pages: Sequence[Page], ctx: compose.Context) -> Typesetting:
    """Count defects in the body lines the build set (the PDF-side reader is the independent test)."""
    body = [r for p in pages for a in p.articles for r in a.lines if r.kind == "body"]
    grid = frozenset(round(y, 3) for y in pages[0].baselines) if pages else frozenset()
    return audit_records(body, ctx.config, lambda column: ctx.grid.column_box(column).x0, grid)
