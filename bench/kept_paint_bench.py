"""The writing side of the one-article rebuild, in one process, repeated: CPU seconds of reading the kept pages
from the build's store, painting the issue PDF and writing the sidecar, as `layout build` does them after an
edit of one article of the 16-page issue (bench/incremental.py's edit; warm store).

Each round: one build of the edited issue in this process (untimed, fills the store), then `--runs` times each
step alone on the store that build left: `kept.load` of every page, `paint` of all pages (the PDF into a
scratch file) and the sidecar. Medians of CPU s (time.process_time). A build of this process is warm in ways
a new process is not (imported modules, faces read): compare the figures before and after a change, not with
bench/incremental.py's.

Run: .venv/bin/python bench/kept_paint_bench.py [--runs 7] [--pages 16] [--page 8]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from incremental import edited, lead_article
from issues import make_issue


def cpu(step, runs: int) -> float:
    """The median CPU seconds of `runs` calls of `step`."""
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.process_time()
        step()
        times.append(time.process_time() - started)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description="CPU s of reading kept pages, painting and the sidecar.")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pages", type=int, default=16)
    ap.add_argument("--page", type=int, default=8)
    args = ap.parse_args()
    from layout import build as B
    from layout import kept, store as _store
    from layout.output.paint.page import paint
    gc.set_threshold(100000, 50, 100)  # as the CLI runs a command
    with tempfile.TemporaryDirectory(prefix="kept-paint-") as tmp_name:
        tmp = Path(tmp_name)
        manifest = make_issue(args.pages, tmp / "issue")
        article = lead_article(manifest, args.page)
        out = tmp / "out"
        options = B.BuildOptions(outdir=out)
        B.build(manifest, options)
        article.write_text(edited(article.read_text(encoding="utf-8"), 0), encoding="utf-8")
        result = B.build(manifest, options)  # one page recomposed, the rest kept
        made = result.made
        store = B.cache_store(manifest, options)
        keys = [key for _page, key in made.kept.values()]
        settings = B._paint_settings(made.issue, "bench", made.pages)
        loaded = [kept.load(store, key) for key in keys]  # the pages as a new process reads them
        pages = tuple(page for page, _ink in loaded)
        prepared = {}
        for page, operators in loaded:  # as layout/build.py files them
            prepared.update(zip(map(id, page.runs), operators))
        records = {id(page): (page, key) for page, key in zip(pages, keys)}
        side = tmp / "side"
        side.mkdir()

        def sidecar() -> None:
            with B.OutputSet(side) as staged:
                B._stage_sidecar(pages, made.issue, side, staged, False, B._KeptRecords(kept.Records(store, records)))
                staged.commit()

        figures = {}
        with _store.using(store):
            figures["read kept pages"] = cpu(lambda: [kept.load(store, key) for key in keys], args.runs)
            figures["paint (kept pages)"] = cpu(lambda: paint(pages, tmp / "bench.pdf", settings,
                                                              prepared=dict(prepared)), args.runs)
            figures["paint (afresh)"] = cpu(lambda: paint(pages, tmp / "bench.pdf", settings), args.runs)
            figures["sidecar (kept records)"] = cpu(sidecar, args.runs)
    print(f"{args.pages} pages, page {args.page}'s lead article edited; median CPU s of {args.runs} runs")
    for name, value in figures.items():
        print(f"  {name:<24} {value:6.3f}")


if __name__ == "__main__":
    main()
