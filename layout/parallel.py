"""Parallel: the pages of an issue composed (and their glyph runs encoded) in forked worker processes.

Planning and setting stay issue-wide in the build's process; then each page is composed by one of
`jobs` workers forked from it (fork shares the loaded faces, the plans and the set stories, so nothing
is sent to a worker but a page number). A worker sends back, as pickled bytes, the composed page (each
Face as its FaceSource, the build's process putting its own Face back), the PDF operators of every glyph
run after its font's resource name with the codes the run uses (output/paint/page.py's `prepared`), the
embedding data of the faces it encoded with, and the store entries it set before the output folder
existed. The build's process paints the pages in order, so the PDF is the same bytes whatever `jobs`
(tests/e2e/test_parallel.py). `jobs=1`, a single page, a `layout watch` or a platform without fork:
everything in the build's process, as before.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from . import store as _store
from .fonts import FaceSource, load_face
from .kept import dumps, loads

_WORK: list = []  # (plans, stories, ctx) of the build that forks: the workers read it, never a pipe


@dataclass(frozen=True)
class Composed:
    """The pages composed by the workers, in order, and what painting them needs from the workers."""

    pages: tuple
    prepared: dict  # id(run) → (operators after `BT /Fn`, {code: char}) for every run of every page


def jobs_for(asked: int | None, pages: int) -> int:
    """Workers for `pages` pages: as asked (default: the CPUs this process may use), at most one a page."""
    if asked is None:
        asked = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(asked, pages))


def available() -> bool:
    """Whether worker processes can be forked here (not on Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def compose_pages(plans: Sequence, stories: Mapping, ctx, jobs: int,
                  progress: Callable[[str, int, int], None] | None = None) -> Composed:
    """Every page composed, joined in page order: page i by this process when i % jobs == 0 (nothing to
    send back), else by one of `jobs - 1` forked workers."""
    from .compose.page import compose_page
    _before_fork()
    _WORK.append((plans, stories, ctx))
    total, store = len(plans), _store.active()
    pages: dict[int, object] = {}
    prepared: dict = {}
    try:
        with multiprocessing.get_context("fork").Pool(jobs - 1) as pool:
            theirs = [i for i in range(total) if i % jobs]
            results = pool.imap(_work, theirs)
            for i in range(0, total, jobs):
                pages[i] = compose_page(plans[i], stories, ctx)
                _progress(progress, len(pages), total)
            for i, blob in zip(theirs, results):
                pages[i] = _joined(blob, i, prepared, store)
                _progress(progress, len(pages), total)
    finally:
        _WORK.pop()
    return Composed(tuple(pages[i] for i in range(total)), prepared)


def _joined(blob: bytes | None, index: int, prepared: dict, store) -> object:
    """A worker's page, its runs' operators into `prepared`, its fonts' data and store entries taken over."""
    if blob is None:  # the worker failed: compose here, for the build's own error
        from .compose.page import compose_page
        plans, stories, ctx = _WORK[-1]
        compose_page(plans[index], stories, ctx)
        raise RuntimeError(f"page {index + 1}: composing failed in a worker process only")
    page, operators, programs, pending = loads(blob)
    _install(programs)
    prepared.update(zip(map(id, page.runs), operators))
    store.pending.update(pending)
    return page


def _progress(progress, done: int, total: int) -> None:
    if progress:
        progress("composing", done, total)


def _before_fork() -> None:
    """What the workers would each do again, done once here: the painter imported, and the embedding data
    of every face loaded so far read (a face that cannot be embedded is refused later, when painted)."""
    from .errors import LayoutError
    from .fonts.faces import loaded_faces
    from .output.paint import cidfont
    for face in loaded_faces():
        try:
            cidfont.register(face).program
        except LayoutError:
            pass


def _work(index: int) -> bytes | None:
    """In a worker: what `_composed` pickles; None when it fails (the build's process then composes the
    page itself and raises the error as a build without workers does)."""
    try:
        return _composed(index)
    except Exception:
        return None


def _composed(index: int) -> bytes:
    """Compose page `index`, encode its runs, and pickle what the build's process needs."""
    from .compose.page import compose_page
    from .output.paint import cidfont
    from .output.paint.page import prepare_run
    plans, stories, ctx = _WORK[-1]
    store = _store.active()
    before = set(store.pending)
    page = compose_page(plans[index], stories, ctx)
    operators = tuple(prepare_run(run) for run in page.runs)
    faces = {run.face.source: run.face for run in page.runs}
    programs = {source: cidfont.register(face).program for source, face in sorted(faces.items(), key=repr)}
    pending = {k: v for k, v in store.pending.items() if k not in before}
    return dumps((page, operators, programs, pending))


def _install(programs: Mapping[FaceSource, object]) -> None:
    """The embedding data a worker read, given to this process's fonts (so it is not read again)."""
    from .output.paint import cidfont
    for source, program in programs.items():
        font = cidfont.register(load_face(source))
        if font._program is None:
            font._program = program
