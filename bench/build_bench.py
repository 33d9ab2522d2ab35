"""Benchmark: wall seconds and peak memory of `layout build` for the sample page and a 16-page issue.

Run: .venv/bin/python bench/build_bench.py   (each figure is a fresh process: cold font caches)
Targets (issue #2): sample page ≤ 1.0 s, 16 pages ≤ 4 s on the 2-core machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "issues" / "jining"

RUN = """
import resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from layout.build import BuildOptions, build
r = build(Path(sys.argv[1]), BuildOptions(outdir=Path(sys.argv[2])))
wall = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{wall:.3f} {peak:.0f} {r.summary.pages} {r.summary.characters}")
"""


def sixteen_pages(folder: Path) -> Path:
    """A 16-page issue: the sample page's articles on pages 1–16 (ids made unique per page)."""
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("build"))
    text = (folder / "issue.yaml").read_text(encoding="utf-8")
    head, pages = text.split("\npages:\n", 1)
    page = pages.split("\n  - number:", 1)[0] if pages.startswith("  - number:") else pages
    body = []
    for n in range(1, 17):
        block = re.sub(r"number: \d+", f"number: {n}", page, count=1)
        block = re.sub(r"id: (\w+)", lambda m: f"id: {m.group(1)}-p{n}", block)
        body.append(block.rstrip("\n"))
    (folder / "issue.yaml").write_text(head + "\npages:\n" + "\n".join(body) + "\n", encoding="utf-8")
    return folder / "issue.yaml"


def measure(manifest: Path, runs: int = 3) -> None:
    best = None
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            line = subprocess.run([sys.executable, "-c", RUN, str(manifest), out], check=True,
                                  capture_output=True, text=True, cwd=ROOT).stdout.split()
            process = time.perf_counter() - t0
        wall, peak, pages, chars = float(line[0]), float(line[1]), int(line[2]), int(line[3])
        if best is None or process < best[0]:
            best = (process, wall, peak, pages, chars)
    process, wall, peak, pages, chars = best
    print(f"{manifest.parent.name:>10}: {pages:2d} page(s), {chars} characters: build {wall:.2f} s, "
          f"whole process {process:.2f} s (Python start-up and imports included), peak RSS {peak:.0f} MiB")


def main() -> None:
    measure(SAMPLE / "issue.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        measure(sixteen_pages(Path(tmp) / "sixteen"))


if __name__ == "__main__":
    main()
