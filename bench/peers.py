"""Speed against a peer in the same run: our `layout build` vs Typst setting the same pages.

For each issue size (1, 4, 16, 48 pages of the sample's articles, bench/issues.py) this alternates
cold whole-process runs of
  (a) ours:  PYTHON -m layout build ISSUE.yaml -o TMP -q   (from this worktree, so its `layout`
      package is imported), in two modes:
        "editable install, no bytecode":     PYTHONDONTWRITEBYTECODE=1 and no __pycache__ under
                                             layout/ (every module compiled from source each run;
                                             installed dependencies keep their .pyc)
        "editable install, bytecode cached": PYTHONDONTWRITEBYTECODE unset, after one warm-up run
                                             that writes layout/**/__pycache__
        "no bytecode, warm build cache":     as the first, but always into the same output folder, so
                                             its build cache (<outdir>/.cache/store, docs/cache.md) is
                                             warm: nothing edited, a rebuild (the other modes build into
                                             a fresh folder each run: a cold cache)
        "wheel install, bytecode compiled":  with --wheel, a wheel of this checkout installed into a
                                             fresh venv (pip compiles the bytecode at install; the
                                             dependencies from this interpreter's site-packages via a
                                             .pth), run from a folder outside the checkout, cold cache
        "baseline tree, no bytecode":        with --baseline PATH, the engine of another checkout (run
                                             with PATH as its working directory), cold cache: before/after
                                             a change in the same alternation ("bytecode cached" when its
                                             layout/ holds compiled modules); and "baseline tree, warm build
                                             cache": the same, into one output folder every run
  (b) Typst 0.15 from PyPI in the bench-only venv bench/.venv-typst (created on first use). The
      PyPI package is typst-py, a Python binding with no CLI, so each run is a fresh process
      `bench/.venv-typst/bin/python bench/typst/compile.py main.typ out.pdf --font-path … 
      --ignore-system-fonts`, i.e. Python start-up + `import typst` + typst.compile(); the start-up
      share is measured separately (`import typst` alone) and printed below the table.
The Typst source is bench/typst/newspaper.typ (reads and parses the article files with read())
driven by main.typ that bench/typst/gen.py writes from the same issue.yaml.

Wall time is measured around each process; peak RSS is that process's ru_maxrss from os.wait4.
Medians over --runs runs (default 7), after one untimed warm-up run of each tool.

Run: /work/main/.venv/bin/python bench/peers.py [--sizes 1,4,16,48] [--runs 7] [--python PATH] [--json]
         [--typst-fonts dirs|files] [--distinct-pages] [--baseline PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VENV = BENCH / ".venv-typst"
TYPST_REQUIREMENT = "typst==0.15.*"
FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/lxgw-wenkai")
FONT_FILES = (  # the faces the pages use (fonts/fonts.yaml: song/hei regular+bold, kai regular+bold)
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf",
)
NO_BYTECODE = "editable install, no bytecode"
BYTECODE = "editable install, bytecode cached"
WARM = "no bytecode, warm build cache"  # the same output folder every run: <outdir>/.cache/store is warm
BEFORE = "baseline tree, no bytecode"  # --baseline PATH: another checkout (e.g. before a speed step)
BEFORE_WARM = "baseline tree, warm build cache"  # --baseline PATH, the same output folder every run
WHEEL = "wheel install, bytecode compiled"  # --wheel: non-editable install in a venv (wheel_python)
OFF = "__pycache__.peers-off"


def wheel_python(tmp: Path) -> Path:
    """A venv in `tmp` with this checkout installed from a wheel (non-editable; pip compiles bytecode at
    install); its dependencies come from this interpreter's site-packages (a .pth), as tests/e2e/test_wheel.py."""
    import sysconfig
    import venv
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels)], check=True, capture_output=True, cwd=tmp)
    env_dir = tmp / "wheel-venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(next(wheels.glob("layout-*.whl")))], check=True, capture_output=True)
    return python


# ---- the Typst venv ------------------------------------------------------------------------
def venv_python() -> Path:
    return VENV / "bin" / "python"


def ensure_typst() -> str:
    """Create bench/.venv-typst with typst 0.15 from PyPI if needed; return the installed version."""
    py = venv_python()
    probe = [str(py), "-c", "import importlib.metadata as m, typst; print(m.version('typst'))"]
    if py.exists():
        done = subprocess.run(probe, capture_output=True, text=True)
        if done.returncode == 0 and done.stdout.strip().startswith("0.15"):
            return done.stdout.strip()
    print(f"creating {VENV.relative_to(ROOT)} with {TYPST_REQUIREMENT} …", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", TYPST_REQUIREMENT], check=True)
    return subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()


# ---- measuring -----------------------------------------------------------------------------
def timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float, float]:
    """Run `cmd` as a fresh process: (wall seconds, peak RSS MiB, CPU seconds user + system of that process;
    CPU time is less disturbed than wall time when other work shares the machine, but sums all threads)."""
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=log, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{log.read().decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def pycache_dirs(hidden: bool = False) -> list[Path]:
    return sorted((ROOT / "layout").rglob(OFF if hidden else "__pycache__"))


def hide_bytecode() -> None:
    for d in pycache_dirs():
        target = d.with_name(OFF)
        if target.exists():
            shutil.rmtree(target)
        d.rename(target)


def show_bytecode() -> None:
    for d in pycache_dirs(hidden=True):
        target = d.with_name("__pycache__")
        if target.exists():
            shutil.rmtree(d)
        else:
            d.rename(target)


def environments() -> dict[str, dict]:
    nobc = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    bc = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {NO_BYTECODE: nobc, BYTECODE: bc}


def prepare(size: int, tmp: Path, python: str, distinct: bool = False) -> tuple[Path, Path]:
    """The issue of `size` pages and its Typst peer: (issue.yaml, main.typ)."""
    sys.path.insert(0, str(BENCH))
    from issues import make_issue  # bench/issues.py

    manifest = make_issue(size, tmp / f"pages-{size}", distinct)
    main = subprocess.run([python, str(BENCH / "typst" / "gen.py"), str(manifest)], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return manifest, Path(main)


def font_args(mode: str, tmp: Path) -> list[str]:
    if mode == "dirs":
        folders = list(FONT_DIRS)
    else:
        folder = tmp / "typst-fonts"
        folder.mkdir(exist_ok=True)
        for f in FONT_FILES:
            link = folder / Path(f).name
            if not link.exists():
                link.symlink_to(f)
        folders = [str(folder)]
    return [a for d in folders for a in ("--font-path", d)] + ["--ignore-system-fonts"]


def jobs_mode(jobs: int) -> str:
    """The mode of --jobs N: bytecode cached, pages composed in N worker processes (layout/parallel.py)."""
    return f"bytecode cached, --jobs {jobs}"


def before_mode(baseline: Path) -> str:
    """The baseline's mode: with bytecode when its layout/ holds compiled modules (./setup.sh compiles them)."""
    return BEFORE.replace("no bytecode", "bytecode cached") if any((baseline / "layout").rglob("*.pyc")) else BEFORE


def bench_size(size: int, runs: int, python: str, fonts: str, tmp: Path, distinct: bool = False,
               baseline: Path | None = None, wheel: Path | None = None, jobs: int | None = None) -> dict:
    manifest, main = prepare(size, tmp, python, distinct)
    envs = environments()
    envs[WARM] = envs[BEFORE] = envs[WHEEL] = envs[NO_BYTECODE]
    before = before_mode(baseline) if baseline else BEFORE
    envs[before] = envs[BEFORE_WARM] = envs[BEFORE]
    if jobs:
        envs[jobs_mode(jobs)] = envs[BYTECODE]
    outside = tmp / "outside"  # the wheel's runs: a working directory without the checkout's layout/
    outside.mkdir(exist_ok=True)
    typst_cmd = [str(venv_python()), str(BENCH / "typst" / "compile.py"), str(main), str(tmp / "typst.pdf"),
                 *font_args(fonts, tmp)]
    warm_out = tmp / f"warm-{size}"
    warm_before = tmp / f"warm-before-{size}"

    def ours(mode: str) -> tuple[float, float]:
        warm = {WARM: warm_out, BEFORE_WARM: warm_before}
        out = warm.get(mode) or Path(tempfile.mkdtemp(dir=tmp))  # a fresh folder: a cold cache
        if mode in (NO_BYTECODE, WARM):
            hide_bytecode()
        try:
            interpreter = str(wheel) if mode == WHEEL else python
            extra = ["--jobs", str(jobs)] if jobs and mode == jobs_mode(jobs) else []
            return timed([interpreter, "-m", "layout", "build", str(manifest), "-o", str(out), "-q", *extra],
                         envs[mode], baseline if mode in (before, BEFORE_WARM) else outside if mode == WHEEL else ROOT)
        finally:
            show_bytecode()
            if mode not in warm:
                shutil.rmtree(out)

    modes = (([before, BEFORE_WARM] if baseline else []) + [NO_BYTECODE, BYTECODE, WARM] + ([jobs_mode(jobs)] if jobs else [])
             + ([WHEEL] if wheel else []))
    # warm-ups (untimed): the bytecode one writes layout/**/__pycache__, the warm one fills its build
    # cache; all of them warm the page cache
    for mode in modes:
        ours(mode)
    timed(typst_cmd, dict(os.environ), ROOT)
    samples: dict[str, list] = {mode: [] for mode in modes} | {"typst": []}
    for _ in range(runs):  # alternate the tools run by run
        for mode in modes:
            samples[mode].append(ours(mode))
        samples["typst"].append(timed(typst_cmd, dict(os.environ), ROOT))
    result = {"pages": size, "runs": runs, "modes": modes}
    for key, values in samples.items():
        walls = [w for w, _, _ in values]
        result[key] = {"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
                       "peak_mib": max(m for _, m, _ in values), "walls": walls,
                       "median_cpu_s": statistics.median(c for _, _, c in values)}
    return result


def startup(runs: int) -> float:
    """Median wall of `python -c 'import typst'` in the bench venv: the Python share of a Typst run."""
    cmd = [str(venv_python()), "-c", "import typst"]
    timed(cmd, dict(os.environ), ROOT)
    return statistics.median(timed(cmd, dict(os.environ), ROOT)[0] for _ in range(runs))


def table(results: list[dict]) -> str:
    head = (f"{'pages':>5}  {'ours (mode)':<34} {'ours s':>7} {'typst s':>8} {'ratio':>6} "
            f"{'cpu ratio':>9} {'ours MiB':>9} {'typst MiB':>10} {'ours s/page':>12} {'typst s/page':>13}")
    rows = [head, "-" * len(head)]
    for r in results:
        t = r["typst"]
        for mode in r["modes"]:
            o = r[mode]
            rows.append(f"{r['pages']:>5}  {mode:<34} {o['median_s']:>7.3f} {t['median_s']:>8.3f} "
                        f"{o['median_s'] / t['median_s']:>6.2f} {o['median_cpu_s'] / t['median_cpu_s']:>9.2f} "
                        f"{o['peak_mib']:>9.0f} {t['peak_mib']:>10.0f} "
                        f"{o['median_s'] / r['pages']:>12.3f} {t['median_s'] / r['pages']:>13.3f}")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description="Our `layout build` against Typst 0.15 (PyPI) on the same pages: "
                                             "median wall time, ratio ours/typst, peak RSS.")
    ap.add_argument("--sizes", default="1,4,16,48", help="issue sizes in pages (default 1,4,16,48)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per tool and size (default 7)")
    ap.add_argument("--python", default=sys.executable,
                    help="interpreter of our engine (default: this one); run from this worktree")
    ap.add_argument("--typst-fonts", choices=("dirs", "files"), default="dirs",
                    help="dirs: --font-path the two system font folders (default); files: a folder of "
                         "links to just the six font files the pages use")
    ap.add_argument("--distinct-pages", action="store_true",
                    help="give every page its own text (bench/issues.py distinct=True) so that Typst's "
                         "memoization cannot reuse one page's layout for the next")
    ap.add_argument("--baseline", type=Path, help="also time the engine of this checkout (its own layout/, "
                    "no bytecode unless its layout/ holds compiled modules, cold cache) in the same alternation, e.g. the tree before a speed step")
    ap.add_argument("--wheel", action="store_true", help="also time a non-editable install: a wheel of this "
                    "checkout in a fresh venv (bytecode compiled by pip), run outside the checkout, cold cache")
    ap.add_argument("--jobs", type=int, help="also time `layout build --jobs N` (bytecode cached, cold cache)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]

    version = ensure_typst()
    had_bytecode = bool(pycache_dirs())
    results = []
    with tempfile.TemporaryDirectory(prefix="peers-") as tmp:
        wheel = wheel_python(Path(tmp)) if args.wheel else None
        try:
            for size in sizes:
                if not args.json:
                    print(f"… {size} page(s)", file=sys.stderr)
                results.append(bench_size(size, args.runs, args.python, args.typst_fonts, Path(tmp),
                                          args.distinct_pages, args.baseline, wheel, args.jobs))
        finally:
            show_bytecode()
            if not had_bytecode:  # leave layout/ as we found it
                for d in pycache_dirs():
                    shutil.rmtree(d)
    overhead = startup(args.runs)
    meta = {"typst": version, "typst_invocation": "fresh process: bench/.venv-typst/bin/python "
            "bench/typst/compile.py (typst-py binding: typst.compile(...), no CLI in the PyPI package)",
            "typst_fonts": args.typst_fonts, "distinct_pages": args.distinct_pages, "typst_import_s": overhead, "python": args.python,
            "cpus": os.cpu_count(), "results": results}
    if args.json:
        print(json.dumps(meta, indent=2, ensure_ascii=False))
        return
    print(f"Typst {version} (PyPI typst-py; one fresh `python bench/typst/compile.py` per run, "
          f"fonts: {args.typst_fonts}{'; distinct pages' if args.distinct_pages else ''}); ours: {args.python} -m layout build; medians of {args.runs} runs")
    print(table(results))
    print(f"ratio = ours median / typst median. Typst runs include Python start-up + `import typst`: "
          f"{overhead:.3f} s median on its own.")


if __name__ == "__main__":
    main()
