"""Benchmark: `layout fit` (load, plan with squaring, set, compose; no painting) against a full build,
on the sample and the 16-page issue (bench/issues.py), in fresh processes, median of N runs.

Run: .venv/bin/python bench/fit_bench.py [--runs 5]
The figure that matters is the ratio fit / build in the same run (absolute times move between machines).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from issues import make_issue  # noqa: E402


def timed(args: list[str]) -> float:
    """Wall time of one fresh `python -m layout …` process (exit 0 or 1 both fine: fit exits 1 when short)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "layout", *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (1, 16):
            manifest = make_issue(pages, Path(tmp) / f"p{pages}")
            out = Path(tmp) / f"out{pages}"
            fit, build = [], []
            for _ in range(runs):  # alternate, so load on the machine hits both alike
                fit.append(timed(["fit", str(manifest)]))
                build.append(timed(["build", str(manifest), "-o", str(out), "-q"]))
            f, b = statistics.median(fit), statistics.median(build)
            print(f"{pages:>2} page(s): layout fit {f:.3f} s, layout build {b:.3f} s, fit/build {f / b:.2f}")


if __name__ == "__main__":
    main()
