"""QA diff stage: compare two builds page by page — hash skip, text/glyph diff, colour raster diff.

Pages whose content stream and resources hash alike are skipped (qa/digest.py). The others are compared
twice: characters with their boxes (qa/text.py), giving inserted, deleted, changed and moved text,
grouped by the article whose slot holds it; and RGB renderings at `dpi` (qa/pixels.py), giving the
changed pixels, their regions in pt and an overlay image. This module pairs the pages, runs the page
comparisons in worker processes and writes the report (qa/report.py).
"""

from __future__ import annotations

import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from ..output.sidecar import SidecarPage
from .digest import page_digests
from .masks import check_mask_kinds, page_masks, parse_mask
from .model import MAX_WORKERS, BoxPt, DiffOptions, DiffResult, PageDiff, PageImages
from .pixels import blank_masks, changed_mask, count_pixels, overlay_image, pad, raster_regions
from .proof import Raster, Source, check_dpi, open_pdf, open_source, page_names, render_page, save_png, sidecar_page
from .report import write_report
from .text import page_glyphs, text_changes

__all__ = ["MAX_WORKERS", "DiffOptions", "DiffResult", "diff", "diff_sources", "parse_mask"]


@dataclass(frozen=True, kw_only=True)
class PageJob:
    """One page pair to compare in a worker, with the sidecar records and the masks that apply."""

    key: str
    old_index: int | None
    new_index: int | None
    old_record: SidecarPage | None
    new_record: SidecarPage | None
    masks: tuple[BoxPt, ...]


@dataclass(frozen=True)
class DiffContext:
    """What every worker needs: both PDFs, the output folder and the options."""

    old_pdf: Path
    new_pdf: Path
    outdir: Path
    options: DiffOptions


# --- one page --------------------------------------------------------------------------------

_DOCUMENTS: dict[str, object] = {}  # per process: pdfium documents opened by the page workers


def _document(path: Path):
    """The pdfium document at `path`, opened once per process."""
    key = str(path)
    if key not in _DOCUMENTS:
        _DOCUMENTS[key] = open_pdf(path)
    return _DOCUMENTS[key]


def _close_documents() -> None:
    """Close the documents this process opened (before forking workers, and after a run)."""
    for document in _DOCUMENTS.values():
        document.close()
    _DOCUMENTS.clear()


def _image_names(context: DiffContext, key: str, images: dict[str, Image.Image]) -> PageImages:
    """Write a page's report images (pages/<key>-old.png, …) and name them relative to the report."""
    names: dict[str, str | None] = {"old": None, "new": None, "overlay": None}
    size = (0, 0)
    for role, image in images.items():
        name = f"pages/{key}-{role}.png"
        save_png(image, context.outdir / name, context.options.dpi)
        names[role], size = name, image.size
    return PageImages(old=names["old"], new=names["new"], overlay=names["overlay"], width=size[0], height=size[1])


def _one_sided(context: DiffContext, job: PageJob) -> PageDiff:
    """An added or removed page: all of it is the change."""
    added = job.old_index is None
    path, index = (context.new_pdf, job.new_index) if added else (context.old_pdf, job.old_index)
    rendered = render_page(_document(path), index, context.options.dpi)
    images = _image_names(context, job.key, {"new" if added else "old": rendered.image})
    return PageDiff(key=job.key, status="added" if added else "removed", old_index=job.old_index,
                    new_index=job.new_index, images=images)


def compare_page(context: DiffContext, job: PageJob) -> PageDiff:
    """Compare one page pair: text and glyph positions, then the colour raster."""
    if job.old_index is None or job.new_index is None:
        return _one_sided(context, job)
    old_doc, new_doc = _document(context.old_pdf), _document(context.new_pdf)
    options = context.options
    text = text_changes(page_glyphs(old_doc, job.old_index, job.old_record, job.masks),
                        page_glyphs(new_doc, job.new_index, job.new_record, job.masks), options.move_threshold)
    old_r, new_r = render_page(old_doc, job.old_index, options.dpi), render_page(new_doc, job.new_index, options.dpi)
    size = (max(old_r.image.width, new_r.image.width), max(old_r.image.height, new_r.image.height))
    old_img, new_img = pad(old_r.image, size), pad(new_r.image, size)
    raster = Raster(scale=new_r.raster.scale, left=new_r.raster.left, top=new_r.raster.top, width=size[0],
                    height=size[1])
    mask = blank_masks(changed_mask(old_img, new_img, options.tolerance), raster, job.masks)
    regions = raster_regions(mask, raster, (job.old_record, job.new_record))
    if not text and not regions:
        return PageDiff(key=job.key, status="unchanged", old_index=job.old_index, new_index=job.new_index,
                        masks=job.masks)
    overlay = overlay_image(old_img, new_img, [raster.box_px(r.box) for r in regions])
    images = _image_names(context, job.key, {"old": old_img, "new": new_img, "overlay": overlay})
    return PageDiff(key=job.key, status="changed", old_index=job.old_index, new_index=job.new_index, text=text,
                    regions=regions, changed_pixels=count_pixels(mask), masks=job.masks, images=images)


def _compare_job(context: DiffContext, job: PageJob) -> PageDiff:
    """Worker entry point (module level so it pickles)."""
    return compare_page(context, job)


def run_jobs(context: DiffContext, jobs: list[PageJob], progress=None) -> list[PageDiff]:
    """Compare page pairs, in up to `jobs` (≤ 2) processes when there is more than one pair, calling
    `progress('comparing', done, total)` as pages come back if given."""
    workers = max(1, min(context.options.jobs, MAX_WORKERS, len(jobs)))
    try:
        if workers == 1:
            results = (compare_page(context, job) for job in jobs)
            return _reported(results, len(jobs), progress)
        _close_documents()
        with ProcessPoolExecutor(max_workers=workers, initializer=_close_documents) as pool:
            return _reported(pool.map(_compare_job, [context] * len(jobs), jobs), len(jobs), progress)
    finally:
        _close_documents()


def _reported(results, total: int, progress) -> list[PageDiff]:
    """The compared pages, in order, each reported to `progress` as it is done."""
    out = []
    for page in results:
        out.append(page)
        if progress is not None:
            progress("comparing", len(out), total)
    return out


# --- two documents ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PagePair:
    """A page key and the page's index in the old and the new PDF (None when absent)."""

    key: str
    old_index: int | None
    new_index: int | None


def pair_pages(old_names: tuple[str, ...], new_names: tuple[str, ...], by_label: bool) -> tuple[PagePair, ...]:
    """Pair pages by label when both builds have sidecars, else by position; new order, then removed pages."""
    pairs = []
    if by_label:
        for j, name in enumerate(new_names):
            pairs.append(PagePair(name, old_names.index(name) if name in old_names else None, j))
        pairs += [PagePair(n, i, None) for i, n in enumerate(old_names) if n not in new_names]
        return tuple(pairs)
    for i in range(max(len(old_names), len(new_names))):
        key = new_names[i] if i < len(new_names) else old_names[i]
        pairs.append(PagePair(key, i if i < len(old_names) else None, i if i < len(new_names) else None))
    return tuple(pairs)


def diff_sources(old: Source, new: Source, outdir: Path, options: DiffOptions, progress=None) -> DiffResult:
    """Compare two built PDFs: hash-identical pages skipped, the rest compared in worker processes."""
    started = time.perf_counter()
    check_dpi(options.dpi)
    check_mask_kinds(options.masks, (old.sidecar, new.sidecar))
    old_digests, new_digests = page_digests(old.pdf), page_digests(new.pdf)
    old_names = page_names(old.sidecar, len(old_digests))
    new_names = page_names(new.sidecar, len(new_digests))
    pairs = pair_pages(old_names, new_names, old.sidecar is not None and new.sidecar is not None)
    done: dict[str, PageDiff] = {}
    jobs = []
    for pair in pairs:
        same = (pair.old_index is not None and pair.new_index is not None
                and old_digests[pair.old_index] == new_digests[pair.new_index])
        if same:
            done[pair.key] = PageDiff(key=pair.key, status="identical", old_index=pair.old_index,
                                      new_index=pair.new_index)
            continue
        records = (_record(old, pair.old_index), _record(new, pair.new_index))
        jobs.append(PageJob(key=pair.key, old_index=pair.old_index, new_index=pair.new_index,
                            old_record=records[0], new_record=records[1], masks=page_masks(options.masks, records)))
    context = DiffContext(old.pdf, new.pdf, Path(outdir), options)
    _remove_stale_images(Path(outdir))
    for page in run_jobs(context, jobs, progress):
        done[page.key] = page
    pages = tuple(done[pair.key] for pair in pairs)
    return DiffResult(old=old.pdf, new=new.pdf, options=options, pages=pages,
                      seconds=round(time.perf_counter() - started, 3))


def _remove_stale_images(outdir: Path) -> None:
    """Delete the page images an earlier diff left in OUTDIR/pages, so the folder matches the report."""
    for stale in sorted((outdir / "pages").glob("*.png")):
        stale.unlink()


def _record(source: Source, index: int | None) -> SidecarPage | None:
    """The sidecar page record of `source` at `index` (None when absent)."""
    return None if index is None else sidecar_page(source.sidecar, index)


def diff(old: Path, new: Path, outdir: Path, options: DiffOptions, progress=None) -> DiffResult:
    """Compare two PDFs or two issues (built into temporary folders) and write the report into `outdir`."""
    outdir = Path(outdir)
    with tempfile.TemporaryDirectory(prefix="layout-diff-") as tmp:
        old_source = open_source(Path(old), Path(tmp) / "old")
        new_source = open_source(Path(new), Path(tmp) / "new")
        outdir.mkdir(parents=True, exist_ok=True)
        result = replace(diff_sources(old_source, new_source, outdir, options, progress), old=Path(old), new=Path(new))
        write_report(result, outdir)
    return result
