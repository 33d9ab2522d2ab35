"""The one-article rebuild: edit one article of the 16-page issue, build again in a new process with the
build cache warm, against Typst's cold 16-page time measured in the same run.

The issue is bench/issues.py's 16 pages (the sample page's slots and articles on pages 1…16; with
--distinct-pages every page its own text). Before the timed runs the issue is built once into one output
folder (the cache in <outdir>/.cache/store fills). Each timed run then edits the lead article of page
`--page` (default 8): a different edit every run (the run's number of the article's own ideographs moved
within the body, so no new glyph is needed and no earlier run's paragraphs can be reused), and runs
`PYTHON -m layout build ISSUE -o OUT -q` in a fresh process (PYTHONDONTWRITEBYTECODE=1, the development
setting), alternating with a cold Typst compile of the same 16 pages (bench/peers.py's Typst source).
Also timed, alternating: the same build with nothing edited (everything from the cache) and a cold
build (a fresh output folder). Medians, and the ratio against Typst's cold median.

Run: /work/main/.venv/bin/python bench/incremental.py [--runs 7] [--pages 16] [--page 8] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from peers import ensure_typst, font_args, prepare, timed, venv_python


def lead_article(manifest: Path, page: int) -> Path:
    """The first article file of page `page`, made that page's own copy (the repeated pages share files)."""
    folder = manifest.parent
    head, *blocks = manifest.read_text(encoding="utf-8").split("\n  - number:")
    block = blocks[page - 1]
    name = block.split("file: ", 1)[1].split("\n", 1)[0].strip()
    own = Path(name).with_name(f"{Path(name).stem}-own-p{page}.txt")
    shutil.copyfile(folder / name, folder / own)
    blocks[page - 1] = block.replace(f"file: {name}", f"file: {own}", 1)
    manifest.write_text("\n  - number:".join([head, *blocks]), encoding="utf-8")
    return folder / own


def edited(original: str, run: int) -> str:
    """The article with ideograph number `run + 1` of its body moved one place later: a new text each run,
    the same characters (so the same glyph subsets) and the same length."""
    head, sep, body = original.partition("\n\n")
    han = [i for i, c in enumerate(body) if "\u4e00" <= c <= "\u9fff"]
    a, b = han[(run + 1) % len(han)], han[(run + 2) % len(han)]
    chars = list(body)
    chars[a], chars[b] = chars[b], chars[a]
    return head + sep + "".join(chars)


def main() -> None:
    ap = argparse.ArgumentParser(description="One-article rebuild of the 16-page issue (warm build cache) "
                                             "against Typst's cold time in the same run.")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pages", type=int, default=16)
    ap.add_argument("--page", type=int, default=8, help="the page whose lead article is edited")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--distinct-pages", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    ensure_typst()
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    with tempfile.TemporaryDirectory(prefix="incremental-") as tmp_name:
        tmp = Path(tmp_name)
        manifest, main_typ = prepare(args.pages, tmp, args.python, args.distinct_pages)
        article = lead_article(manifest, args.page)
        original = article.read_text(encoding="utf-8")
        out = tmp / "out"
        build = [args.python, "-m", "layout", "build", str(manifest), "-o", str(out), "-q"]
        typst = [str(venv_python()), str(BENCH / "typst" / "compile.py"), str(main_typ), str(tmp / "t.pdf"),
                 *font_args("dirs", tmp)]

        def cold() -> tuple[float, float]:
            fresh = Path(tempfile.mkdtemp(dir=tmp))
            try:
                return timed([*build[:-3], "-o", str(fresh), "-q"], env, ROOT)
            finally:
                shutil.rmtree(fresh)

        timed(build, env, ROOT)  # fills the cache (untimed)
        timed(typst, dict(os.environ), ROOT)
        samples: dict[str, list] = {"one article edited": [], "nothing edited": [], "cold (no cache)": [],
                                    "typst cold": []}
        for run in range(args.runs):
            article.write_text(edited(original, run), encoding="utf-8")
            samples["one article edited"].append(timed(build, env, ROOT))
            samples["nothing edited"].append(timed(build, env, ROOT))
            samples["cold (no cache)"].append(cold())
            samples["typst cold"].append(timed(typst, dict(os.environ), ROOT))
        article.write_text(original, encoding="utf-8")
    typst_median = statistics.median(w for w, _, _ in samples["typst cold"])
    typst_cpu = statistics.median(c for _, _, c in samples["typst cold"])
    rows = {name: {"median_s": statistics.median(w for w, _, _ in values), "peak_mib": max(m for _, m, _ in values),
                   "median_cpu_s": statistics.median(c for _, _, c in values),
                   "walls": [w for w, _, _ in values]} for name, values in samples.items()}
    if args.json:
        print(json.dumps({"pages": args.pages, "runs": args.runs, "results": rows}, indent=2))
        return
    print(f"{args.pages} pages, page {args.page}'s lead article edited, medians of {args.runs} runs "
          f"(ours: no bytecode, {args.python})")
    for name, row in rows.items():
        print(f"  {name:<20} {row['median_s']:6.3f} s  ratio to typst cold {row['median_s'] / typst_median:5.2f}"
              f"  cpu {row['median_cpu_s']:6.3f} s (ratio {row['median_cpu_s'] / typst_cpu:5.2f})"
              f"  peak {row['peak_mib']:4.0f} MiB")


if __name__ == "__main__":
    main()
