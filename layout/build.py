"""Build: the whole pipeline — load → plan → set → compose → paint → preflight → summary."""

from __future__ import annotations

import datetime as _dt
import os
import time
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from pathlib import Path
from typing import Callable, Mapping, Sequence

from . import kept, manifest
from . import store as _store
from .article import read_article, visible_characters
from .compose.audit import Typesetting, audit_records
from .compose.figure import Photos
from .compose.page import Context, compose_page
from .errors import LayoutError, OversetError, PrintError
from .files import OutputSet
from .fonts import FontBook
from .fonts.book import weight_warnings
from .geometry import Rect, make_grid
from .i18n import _
from .images import PhotoSettings
from .makeup import fixed, index, jumps, placer, room
from .makeup.fit import CopyFit, unplaced_message
from .makeup.plan import PagePlan
from .placed import Overset, Page
from .spec import PDFX, Issue
from .typeset.config import ComposeConfig
from .memory import Memory
from .typeset.memo import ParagraphMemo
from .typeset.story import SetStory, Setter, StoryCache


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """What `layout build` was asked for (one frozen object from the CLI flags)."""

    outdir: Path | None = None  # default: build/ beside the manifest
    pages: bool = False  # also one PDF per page, <edition><page:02>.pdf
    allow_overset: bool = False
    strict: bool = False  # underfull slots and areas in no slot fail the build like overset
    standard: str | None = None  # override print.standard ('x-1a' | 'x-1a:2003' | 'x-4')
    revision: int | None = None  # override issue.revision (a corrected page set a plant can tell apart)
    cache: bool = True  # keep set paragraphs and font data in <outdir>/.cache/store (--no-cache: off)
    jobs: int | None = 1  # pages composed in this many worker processes (None: one a CPU; 1: none, the default)
    progress: Callable[[str, int, int], None] | None = field(default=None, compare=False)  # (stage, done, total)
    memory: Memory | None = field(default=None, compare=False)  # `layout watch`: fonts and set stories kept


@dataclass(frozen=True, kw_only=True)
class BuildSummary:
    """What the build prints at the end."""

    pages: int
    articles: int
    lines: int
    characters: int
    fonts: tuple  # paint.page.FontUse
    warnings: tuple[str, ...]
    oversets: tuple[Overset, ...]
    underfull: tuple[CopyFit, ...]  # stories that leave empty lines at the foot of their columns (开天窗)
    photos: tuple = ()  # placed.Image of every page: file, ppi, max TAC
    unplaced: tuple[str, ...]  # page areas in no slot
    typesetting: Typesetting
    seconds: float
    pdf_bytes: int


@dataclass(frozen=True, kw_only=True)
class BuildResult:
    """Files written and what was built."""

    issue_pdf: Path
    page_pdfs: tuple[Path, ...]
    sidecar: Path
    pages: tuple[Page, ...]
    summary: BuildSummary
    made: "MadeUp | None" = None  # the made-up issue (grid, plans, copy-fit), for the verbose report
    page_sidecars: tuple[Path, ...] = ()  # with --pages: <label>.layout.json beside each page PDF


@dataclass(frozen=True)
class MadeUp:
    """An issue made up but not yet painted: what `layout build` writes and `layout fit` reports on."""

    issue: Issue
    ctx: Context
    plans: tuple[PagePlan, ...]
    pages: tuple[Page, ...]
    prepared: dict = field(default_factory=dict, compare=False, repr=False)  # the workers' run operators
    kept: dict = field(default_factory=dict, compare=False, repr=False)  # id(page) → (page, its store key)
    fresh: tuple = field(default=(), compare=False, repr=False)  # (page, key): composed now, kept once painted

    @property
    def fits(self) -> tuple[CopyFit, ...]:
        """The copy-fit of every placed story, page by page."""
        return tuple(a.fit for p in self.pages for a in p.articles if a.fit is not None)

    @property
    def unplaced(self) -> tuple[str, ...]:
        """Page areas no slot covers, in words."""
        return tuple(unplaced_message(plan.number, cell) for plan in self.plans for cell in plan.unplaced)


def make_up(manifest_path: Path, options: BuildOptions = BuildOptions(), store: _store.Store | None = None,
            workers: bool = False) -> MadeUp:
    """Read, plan, set and compose an issue (everything but painting): every step is one stage. Without a
    `store` the build folder's cache is only read (validate and fit write no file); with `workers` the
    pages are composed in `options.jobs` worker processes (layout/parallel.py), for a build that paints."""
    store = store or cache_store(manifest_path, options, writable=False)
    with _store.using(store):
        issue = _load(manifest_path, options)                         # read and validate issue.yaml
        ctx, desk = _context(issue, _photos(issue, manifest_path, options), options.memory,
                              ParagraphMemo(store))  # grid, styles, fonts, texts
        plans = _plan(issue, ctx, desk)                               # make-up: what goes where, page by page
        stories = _set(plans, desk)                                   # set each placed story (once per shape)
        if workers and _parallel(options, len(plans)):              # position everything on every page
            from . import parallel
            composed = parallel.compose_pages(plans, stories, ctx, parallel.jobs_for(options.jobs, len(plans)),
                                              options.progress)
            return MadeUp(issue, ctx, plans, composed.pages, composed.prepared)
        if workers and store.enabled and options.memory is None:  # a build that paints: pages kept in the store
            return _kept_pages(issue, ctx, plans, stories, desk.texts, store, options)
        pages = _compose_all(plans, stories, ctx, options)
    return MadeUp(issue, ctx, plans, pages)


def _parallel(options: BuildOptions, pages: int) -> bool:
    """Whether the pages are composed in worker processes: several pages, more than one job, not a watch
    (which keeps composed pages in its own process), and a platform that forks."""
    if pages < 2 or options.memory is not None or options.jobs == 1:  # the default: no multiprocessing import
        return False
    from . import parallel
    return parallel.jobs_for(options.jobs, pages) > 1 \
        and parallel.available()


def plan_stories(manifest_path: Path) -> tuple[Issue, tuple[tuple[int, "placer.Placed"], ...]]:
    """The placer's decision for every page with `stories:` (page number, Placed), for `layout plan`."""
    issue = _load(manifest_path, BuildOptions())
    ctx, desk = _context(issue)
    return issue, tuple((plan.number, decided) for decided, plan in _planned(issue, ctx, desk) if decided)


def _planned(issue: Issue, ctx: Context, desk: StoryCache) -> list[tuple["placer.Placed | None", PagePlan]]:
    """Every page's plan in order, with the placer's decision for a page with `stories:` (else None): a
    jump's parts are split on its first page, before its continuation (a planned one cut so that the
    later page takes its rest, makeup.room); a planned story that did not jump leaves its continuation slot out."""
    edition, out, unjumped = jumps.edition_jumps(issue.pages, issue.page_name), [], set()
    for number, page in enumerate(issue.pages):
        page, decided = placer.without_continuations(page, unjumped), None
        if page.stories:
            later = room.Later(tuple(placer.without_continuations(p, unjumped) for p in issue.pages[number + 1:]),
                               ctx.grid, issue.edition, issue.fit, edition)  # where its jumps' rests must fit
            decided = placer.place(page, ctx.grid, desk, issue.fit, edition, later)
            unjumped |= decided.unjumped
            plan = placer.plan_placed(page, decided, ctx.grid, issue.edition, desk, issue.fit, edition)
        else:
            plan = fixed.plan_page(page, ctx.grid, issue.edition, desk, issue.fit, edition)
        out.append((decided, plan))
    return out


def cache_store(manifest_path: Path, options: BuildOptions, writable: bool = True) -> _store.Store:
    """The build's persistent cache, <outdir>/.cache/store (disabled with --no-cache)."""
    if not options.cache:
        return _store.Store()
    outdir = output_folder(manifest_path, options)
    return _store.Store(outdir / ".cache" / "store", writable=writable, anchor=outdir)


def build(manifest_path: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build an issue: make it up, check what does not fit, paint, preflight, write, summarise."""
    started = time.perf_counter()
    store = cache_store(manifest_path, options)
    with _store.using(store):
        return _build(manifest_path, options, store, started)


def _build(manifest_path: Path, options: BuildOptions, store: _store.Store, started: float) -> BuildResult:
    """The build with its cache active."""
    made = make_up(manifest_path, options, store, workers=True)       # load → plan → set → compose
    issue, pages = made.issue, made.pages
    oversets = check_fit(made, options)                               # overset is never silent, nor white
    outdir = output_folder(manifest_path, options)
    outdir.mkdir(parents=True, exist_ok=True)
    _store.flush(store)                                               # what was set before the folder existed
    memo = _output_memo(options.memory)                               # the watch: unchanged pages kept painted
    with OutputSet(outdir) as staged:                                 # all outputs land together
        prepared = made.prepared if made.prepared or made.kept else None  # kept pages: the painter adds the rest
        fonts = _stage_pdf(pages, outdir / f"{issue.id}.pdf", issue, staged, options.progress, memo, prepared)
        _keep_fresh(made, store)
        for page in pages if options.pages else ():
            _stage_pdf([page], outdir / f"{page.label}.pdf", issue, staged, memo=memo, prepared=prepared)
        _stage_sidecar(pages, issue, outdir, staged, options.pages,  # records for QA (and per page PDF)
                       memo or (_KeptRecords(kept.Records(store, made.kept)) if made.kept else None))
        pdf_bytes = staged.files[0][0].stat().st_size  # before commit: a second build of the folder may be
        written = staged.commit()                      # putting its own file in place right after it
    count = len(pages) if options.pages else 0
    issue_pdf, page_pdfs, sidecar = written[0], tuple(written[1:1 + count]), written[1 + count]
    summary = summarise(made, fonts, oversets, time.perf_counter() - started, pdf_bytes)
    return BuildResult(issue_pdf=issue_pdf, page_pdfs=page_pdfs, sidecar=sidecar, pages=pages,
                       summary=summary, made=made, page_sidecars=tuple(written[2 + count:]))


@dataclass(frozen=True)
class _KeptRecords:
    """The kept pages' sidecar records in the place of the watch's output memo (only its `records`)."""

    records: "kept.Records"


def _output_memo(memory: Memory | None):
    """The watch's output memo (output.memo.OutputMemo), started for this rebuild; None outside a watch."""
    if memory is None:
        return None
    if memory.output is None:
        from .output.memo import OutputMemo
        memory.output = OutputMemo()
    return memory.output.next()


def output_folder(manifest_path: Path, options: BuildOptions) -> Path:
    """Where the build writes: -o, else build/ beside the manifest."""
    return options.outdir or Path(manifest_path).parent / "build"


def check_fit(made: MadeUp, options: BuildOptions) -> tuple[Overset, ...]:
    """Overset is an error unless allowed (then listed); with --strict, so is white (underfull, no slot)."""
    oversets = _oversets(made.pages, options)
    _strict(made, options)
    return oversets


def _load(manifest_path: Path, options: BuildOptions) -> Issue:
    """The issue as the manifest describes it, with the CLI's --pdfx override."""
    memory = options.memory
    issue = memory.issue(manifest_path, manifest.load_issue) if memory else manifest.load_issue(manifest_path)
    if options.standard:
        issue = replace(issue, print=replace(issue.print, standard=options.standard))
    if options.revision:
        issue = replace(issue, revision=options.revision)
    return issue


def _photos(issue: Issue, manifest_path: Path, options: BuildOptions) -> Photos:
    """How figures' photos are converted: separated for the manifest's ICC profile (else the packaged
    TR 002 newsprint profile) within its ink limit, cached in <outdir>/.cache/images."""
    outdir = output_folder(manifest_path, options)
    settings = PhotoSettings(profile=issue.print.icc_profile, ink_limit=issue.print.ink_limit)
    return Photos(settings=settings, cache=outdir / ".cache" / "images", root=issue.root)


def _context(issue: Issue, photos: Photos = Photos(), memory: Memory | None = None,
             memo: ParagraphMemo | None = None) -> tuple[Context, StoryCache]:
    """The page grid and the story setter (styles, font book with overrides, composer options, the memo of
    set paragraphs), and the cache that sets each article's text (read once) at the shapes make-up asks
    for; with a watch's memory, the font book and the stories set by the last rebuild are reused."""
    table = manifest.load_font_table().with_overrides(issue.fonts)
    grid = make_grid(issue.page_width, issue.page_height, issue.margins, issue.grid)
    book = memory.font_book(table) if memory else FontBook(table)
    setter = Setter.of(issue.styles, book, ComposeConfig.from_typography(issue.typography), grid.leading, memo)
    texts = {a.id: read_article(a.file) for p in issue.pages for a in p.articles if a.part != 2}
    texts |= {s.id: read_article(s.file) for p in issue.pages for s in p.stories}  # planned (makeup.placer)
    warnings = grid_warnings(issue, grid) + weight_warnings(issue.styles, table, issue.manifest.name)
    ctx = Context(issue=issue, grid=grid, setter=setter, grid_warnings=warnings, photos=photos)
    return ctx, memory.story_cache(texts, setter) if memory else StoryCache(texts, setter)


def grid_warnings(issue: Issue, grid) -> tuple[str, ...]:
    """A measure given in the manifest that is not a whole number of 字 is set, but said (clreq: the
    column measure is a whole number of body characters)."""
    asked = issue.grid.measure
    if asked is not None and abs(asked / grid.body_size - round(asked / grid.body_size)) > 1e-6:
        return (_("grid.measure {asked}pt is {characters} 字, not a whole number of 字: lines hold {held} 字 and "
                  "{white}pt stays white").format(asked=f"{asked:g}", characters=f"{asked / grid.body_size:.2f}",
                                                  held=grid.characters,
                                                  white=f"{asked - grid.characters * grid.body_size:.2f}"),)
    return ()


def _plan(issue: Issue, ctx: Context, desk: StoryCache) -> tuple[PagePlan, ...]:
    """Every page's plan: each article's slot is fixed by the manifest (the identity planner); the jumps'
    labels are resolved first over the whole edition (its final page names), then the pages are planned
    in order, a story that jumps split where its first part fills its slot (makeup.jumps); 导读 entries
    then point at the pages the stories landed on; a page with `stories:` is planned (makeup.placer)."""
    return index.resolve(tuple(plan for _decided, plan in _planned(issue, ctx, desk)), issue, desk.texts)


def _set(plans: Sequence[PagePlan], desk: StoryCache) -> Mapping[str, SetStory]:
    """Each placed story set at its placement's shape (the planner already set most of them)."""
    return MappingProxyType({p.story: desk.story(p.story, p.shape, p.loosen, p.budget)
                             for plan in plans for p in plan.placements})


def _compose_all(plans: Sequence[PagePlan], stories: Mapping[str, SetStory], ctx: Context,
                 options: BuildOptions) -> tuple[Page, ...]:
    """Every planned page composed, reporting progress page by page."""
    pages, memory = [], options.memory
    for number, plan in enumerate(plans, start=1):
        pages.append(memory.page(plan, stories, ctx, compose_page) if memory else compose_page(plan, stories, ctx))
        if options.progress:
            options.progress("composing", number, len(plans))
    return tuple(pages)


def _kept_pages(issue: Issue, ctx: Context, plans: Sequence[PagePlan], stories: Mapping[str, SetStory],
                texts: Mapping, store: _store.Store, options: BuildOptions) -> MadeUp:
    """Every planned page from the store when it was composed before with the same inputs, else composed (and
    kept once painted, with the operators the painter made for its runs: _keep_fresh; layout/kept.py)."""
    context, pages, prepared, keys, fresh = kept.context_key(ctx), [], {}, {}, []
    for number, plan in enumerate(plans, start=1):
        key = kept.page_key(context, plan, texts)
        found = kept.load(store, key)
        if found is None:
            page = compose_page(plan, stories, ctx)
            fresh.append((page, key))
        else:
            page, operators = found
            prepared.update(zip(map(id, page.runs), operators))
        keys[id(page)] = (page, key)
        pages.append(page)
        if options.progress:
            options.progress("composing", number, len(plans))
    return MadeUp(issue, ctx, plans, tuple(pages), prepared, keys, tuple(fresh))


def _keep_fresh(made: MadeUp, store: _store.Store) -> None:
    """Keep the pages composed by this build, each with its runs' operators as the painter made them."""
    for page, key in made.fresh:
        kept.save(store, key, page, tuple(made.prepared[id(run)] for run in page.runs))


def _oversets(pages: Sequence[Page], options: BuildOptions) -> tuple[Overset, ...]:
    """Every overset of the build; an error unless the build allows overset (then they are listed)."""
    oversets = tuple(a.overset for p in pages for a in p.articles if a.overset)
    if oversets and not options.allow_overset:
        raise OversetError("\n".join(f"{o.where}: {o.message()}" if o.where else o.message() for o in oversets),
                           "", _("shorten the text, enlarge the slot, or build with --allow-overset "
                                 "(`layout fit` lists what to cut)"))
    return oversets


def _strict(made: MadeUp, options: BuildOptions) -> None:
    """With --strict, underfull slots (开天窗) and areas in no slot fail the build like overset."""
    white = [f"{f.where}: {f.message()}" for f in made.fits if f.status == "short"] + list(made.unplaced)
    if options.strict and white:
        raise OversetError("\n".join(white), "",
                           _("lengthen the stories or shorten their slots (`layout fit` says by how many lines)"))


def created_at(issue: Issue) -> _dt.datetime:
    """The fixed creation date of the PDF: SOURCE_DATE_EPOCH if set (whole seconds, 1970–2099 UTC), else
    the issue date 00:00 UTC. str.isdigit() would take '¹' or '٣', and int() would take '١٢' or '1_0':
    only ASCII digits are read, and only up to 2099-12-31 23:59:59 (int → datetime overflows later)."""
    from .manifest.limits import MAX_YEAR
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        last = int(_dt.datetime(MAX_YEAR, 12, 31, 23, 59, 59, tzinfo=_dt.timezone.utc).timestamp())
        valid = f"give whole seconds 0–{last} (1970-01-01 to {MAX_YEAR}-12-31 UTC), e.g. 1692662400"
        shown = epoch if len(epoch) <= 24 else epoch[:24] + "…"
        if epoch.startswith("-") and epoch[1:].isascii() and epoch[1:].isdigit():
            raise LayoutError(_("SOURCE_DATE_EPOCH={shown} is negative (before 1970-01-01 UTC)").format(shown=shown),
                              "environment",
                              _("unset it, or {valid}").format(valid=valid))
        if not (epoch.isascii() and epoch.isdigit()):
            raise LayoutError(_("SOURCE_DATE_EPOCH={shown!r} is not a number of seconds (ASCII "
                                "digits 0-9 only)").format(shown=shown),
                              "environment", _("unset it, or {valid}").format(valid=valid))
        if len(epoch.lstrip("0")) > len(str(last)) or int(epoch) > last:  # no int() of a 10**30 … digit string
            raise LayoutError(_("SOURCE_DATE_EPOCH={shown} is after {MAX_YEAR}-12-31 23:59:59 UTC").format(
                                  shown=shown, MAX_YEAR=MAX_YEAR), "environment",
                              _("unset it, or {valid}").format(valid=valid))
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
    return _dt.datetime(issue.date.year, issue.date.month, issue.date.day, tzinfo=_dt.timezone.utc)


def _paint_settings(issue: Issue, title: str, pages: Sequence[Page] = ()):
    from .output.paint import pdfx
    from .output.paint.page import PaintSettings
    spec = issue.print
    info = "ISO 12647-3 coldset newsprint (IFRA26)" if spec.output_condition == "IFRA26" else spec.output_condition
    settings = pdfx.PdfxSettings(standard=spec.standard, title=title, author=issue.paper,
                                 created=created_at(issue), output_condition=spec.output_condition,
                                 registry=spec.registry, output_condition_info=info,
                                 icc_profile=spec.icc_profile, revision=issue.revision)
    if spec.icc_profile is None and any(p.images for p in pages):  # photos separated for TR 002: say so
        settings = pdfx.photo_intent(settings)
    revision = f"  rev {issue.revision}" if issue.revision > 1 else ""
    slug = (f"{issue.paper}  {issue.date.isoformat()}  {{page}}{revision}  built "
            f"{settings.modified:%Y-%m-%d %H:%M} UTC")
    return PaintSettings(settings, marks=spec.marks, slug=slug)


def _stage_pdf(pages: Sequence[Page], path: Path, issue: Issue, staged: OutputSet, progress=None, memo=None,
               prepared=None):
    """Paint `pages` to a staged temporary for `path` and preflight it (reporting `progress` page by page;
    with the watch's output `memo`, or the runs' operators `prepared` by the workers); returns the fonts used."""
    from .output.paint.page import paint
    title = f"{issue.paper} {issue.date.isoformat()} " + (pages[0].label if len(pages) == 1 else issue.edition)
    tmp = staged.add(path)
    fonts = paint(pages, tmp, _paint_settings(issue, title, pages), progress, memo, prepared)
    _preflight(tmp, path, issue, progress, len(pages))
    return fonts


PASSED = "passed"  # the store's kind of the files the build's own preflight passed


def _preflight(tmp: Path, path: Path, issue: Issue, progress=None, pages: int = 0) -> None:
    """Run `layout check` on our own output; a failure keeps the file aside as *.failed.pdf. A file of the very
    bytes a build of this engine checked and passed with the same options before is not checked again (nor
    pikepdf loaded): the store keeps the SHA-256 of every file that passed."""
    family = PDFX[issue.print.standard].family  # the rule family `layout check` applies (x-1a:2003 → x-1a)
    store = _store.active()
    passed = _passed_key(tmp, family, issue.print.ink_limit) if store.enabled else None
    if passed is not None and store.load(PASSED, passed) == PASSED.encode():
        for number in range(1, pages + 1) if progress else ():
            progress("preflight", number, pages)
        return
    from .check import CheckOptions, preflight
    report = preflight(tmp, CheckOptions(standard=family, ink_limit=issue.print.ink_limit), progress,
                       memo=store)
    if report.passed and passed is not None:
        store.save(PASSED, passed, PASSED.encode())
    if not report.passed:
        failed = path.with_suffix(".failed.pdf")
        os.replace(tmp, failed)
        raise PrintError(_("the PDF written does not pass preflight:\n") + report.as_table(),
                         str(failed), _("this is a bug in layout or a manifest colour/size problem named above"))


def _passed_key(pdf: Path, family: str, ink_limit: float) -> str:
    """The store key of a file's passing its preflight: its bytes' SHA-256 and the check's options."""
    import hashlib
    return _store.key(PASSED, hashlib.sha256(pdf.read_bytes()).hexdigest(), family, ink_limit)


def _stage_sidecar(pages: Sequence[Page], issue: Issue, outdir: Path, staged: OutputSet,
                   per_page: bool = False, memo=None) -> None:
    """The sidecar JSON (every line's article, column and position) beside the issue PDF; with --pages also
    `<label>.layout.json` beside each page PDF (a page handed over alone can still be proofed and diffed)."""
    from .output import sidecar
    from .output.paint.page import media_box
    settings = _paint_settings(issue, "")
    ignore = tuple(Rect(*r) for r in issue.ignore_regions)
    records = tuple(_page_record(i, p, media_box(p, settings), ignore, memo) for i, p in enumerate(pages))
    whole = sidecar.Sidecar(issue.id, f"{issue.id}.pdf", records)
    target = staged.add(outdir / sidecar.sidecar_name(issue.id))
    sidecar.write(target, whole) if memo is None else sidecar.write(target, whole, memo.records)
    for page in pages if per_page else ():
        sidecar.write(staged.add(outdir / sidecar.sidecar_name(page.label)), sidecar.page_sidecar(whole, page.label))


def _page_record(index: int, page: Page, media: Rect, ignore: tuple, memo=None):
    """A page's sidecar record; in a watch, the last rebuild's record of the same composed page."""
    from .output import sidecar
    if memo is None:
        return sidecar.page_record(index, page, media, ignore)
    key = (index, media, ignore)
    return memo.records.of(page, key) or memo.records.keep(page, sidecar.page_record(index, page, media, ignore), key)


def summarise(made: MadeUp, fonts, oversets, seconds: float, pdf_bytes: int) -> BuildSummary:
    """The counts the build prints: pages, articles, lines, characters, fonts, warnings, fit, defects."""
    pages = made.pages
    records = [r for p in pages for a in p.articles for r in a.lines]
    characters = sum(visible_characters(r.text) for r in records)
    underfull = tuple(f for f in made.fits if f.status == "short")
    photos = tuple(image for p in pages for image in p.images)
    return BuildSummary(photos=photos, pages=len(pages), articles=len({a.id for p in pages for a in p.articles}),
                        lines=len(records), characters=characters, fonts=fonts,
                        warnings=tuple(w for p in pages for w in p.warnings) + made.ctx.grid_warnings
                        + tuple(note for plan in made.plans for note in plan.notes)
                        + _intent_warnings(made.issue, photos),
                        oversets=oversets, underfull=underfull, unplaced=made.unplaced,
                        typesetting=_typesetting(pages, made.ctx), seconds=seconds, pdf_bytes=pdf_bytes)


def _intent_warnings(issue: Issue, photos: tuple) -> tuple[str, ...]:
    """The manifest's output condition replaced because photos were separated for TR 002: said, not silent."""
    spec = issue.print
    if photos and spec.icc_profile is None and spec.output_condition != "CGATS TR 002":
        return (_("print.output_condition {condition} is written as CGATS TR 002 (profile embedded): the photos "
                  "are separated with the packaged newsprint-tr002.icc; set print.icc_profile to the plant's "
                  "profile to separate for it instead").format(condition=spec.output_condition),)
    return ()


def _typesetting(pages: Sequence[Page], ctx: Context) -> Typesetting:
    """Count defects in the body lines the build set (the PDF-side reader is the independent test)."""
    body = [r for p in pages for a in p.articles for r in a.lines if r.kind == "body"]
    grid = frozenset(round(y, 3) for y in pages[0].baselines) if pages else frozenset()
    starts = {c: ctx.grid.column_box(c).x0 for c in range(1, ctx.grid.columns + 1)}  # each column's once
    return audit_records(body, ctx.setter.config, lambda column: starts.get(column) or ctx.grid.column_box(column).x0,
                         grid)
