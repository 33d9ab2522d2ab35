"""Benchmark: how long `layout watch` takes to rebuild the 16-page issue after one article is saved.

The issue is bench/issues.py's 16 pages with --distinct text (each page its own article files, so one
saved file changes one story, as in a real issue). In one process, as the watch runs: a first build with
a fresh Memory, then five saves of one article (a character changed, alternately back), each rebuilt
with the session's Memory; and, for comparison, the same rebuild without Memory (every story set again,
fonts still loaded). Prints medians and where a rebuild's time goes (stages timed by wrapping them).

Run: /work/main/.venv/bin/python bench/watch_bench.py [--runs 5] [--pages 16]
Target (issue #15): ≤ 0.3 s for a one-article rebuild of 16 pages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from issues import make_issue  # noqa: E402

from layout import build as stages  # noqa: E402
from layout.build import BuildOptions, build  # noqa: E402
from layout.memory import Memory  # noqa: E402
from layout.files import without_fsync  # noqa: E402

STAGES = ("make_up", "check_fit", "_stage_pdf", "_stage_sidecar", "_preflight")
SPENT: dict[str, float] = defaultdict(float)


def _timed(name: str):
    """Wrap layout.build.<name> to add its wall time to SPENT[name]."""
    inner = getattr(stages, name)

    def run(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - t0
    setattr(stages, name, run)


def rebuilds(manifest: Path, article: Path, options: BuildOptions, runs: int) -> tuple[list[float], dict]:
    """Wall seconds of `runs` rebuilds, each after one save of `article`; and the mean stage times."""
    original = article.read_text(encoding="utf-8")
    times = []
    SPENT.clear()
    for run in range(runs):
        article.write_text(original.replace("。", "，", 1) if run % 2 == 0 else original, encoding="utf-8")
        t0 = time.perf_counter()
        with without_fsync():  # as layout watch writes (cli/watch.py rebuild)
            build(manifest, options)
        times.append(time.perf_counter() - t0)
    article.write_text(original, encoding="utf-8")
    return times, {k: v / runs for k, v in SPENT.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=16)
    args = ap.parse_args()
    for name in STAGES:
        _timed(name)
    with tempfile.TemporaryDirectory(prefix="watch-bench-") as tmp:
        manifest = make_issue(args.pages, Path(tmp) / "issue", distinct=True)
        article = manifest.parent / "articles" / "p5" / "03.txt"
        out = Path(tmp) / "out"
        memory = BuildOptions(outdir=out, memory=Memory())
        t0 = time.perf_counter()
        build(manifest, memory)
        first = time.perf_counter() - t0
        kept, kept_stages = rebuilds(manifest, article, memory, args.runs)
        cold, cold_stages = rebuilds(manifest, article, BuildOptions(outdir=out), args.runs)
    print(f"{args.pages} pages, one article saved, {args.runs} rebuilds each (medians):")
    print(f"  first build in the process      {first:6.3f} s")
    print(f"  rebuild with the watch's Memory {statistics.median(kept):6.3f} s")
    print(f"  rebuild without Memory          {statistics.median(cold):6.3f} s")
    print("  where a rebuild's time goes (mean s, with Memory / without):")
    for name in STAGES:
        print(f"    {name:<15} {kept_stages.get(name, 0):6.3f} / {cold_stages.get(name, 0):6.3f}")


if __name__ == "__main__":
    main()
