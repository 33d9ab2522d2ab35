"""Benchmark issues of 1, 4, 16 and 48 pages made from the sample's articles (issues/jining).

The 1-page issue is the sample itself (copied); an N-page issue repeats the sample page's slots and
articles on pages 1…N with article ids made unique per page, as bench/build_bench.py does for 16.

With distinct=True (peers.py --distinct-pages) page n ≥ 2 gets its own copies of the article files
(articles/p<n>/) whose body ideographs are shifted n-1 code points within U+4E00–U+9FA5: same
length, same punctuation and line breaks, but no two pages set the same text, so a typesetter
that memoizes layout (Typst does) cannot reuse one page's work for the next.

Run: python bench/issues.py OUTDIR [--sizes 1,4,16,48] [--distinct]   → one folder per size, prints the manifests
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "issues" / "jining"
SIZES = (1, 4, 16, 48)


def _shift(text: str, by: int) -> str:
    """Ideographs moved `by` code points (wrapping inside U+4E00–U+9FA5); everything else kept."""
    lo, hi = 0x4E00, 0x9FA5
    return "".join(chr(lo + (ord(c) - lo + by) % (hi - lo + 1)) if lo <= ord(c) <= hi else c for c in text)


def _distinct_articles(folder: Path, n: int) -> None:
    """articles/p<n>/*.txt: the article files with their body (not the header) shifted by n-1."""
    target = folder / "articles" / f"p{n}"
    target.mkdir()
    for src in sorted((folder / "articles").glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n\n")
        (target / src.name).write_text(head + sep + _shift(body, n - 1), encoding="utf-8")


def make_issue(pages: int, folder: Path, distinct: bool = False) -> Path:
    """Copy the sample into `folder` (without build/ and raw/) and give it `pages` pages; return
    its issue.yaml. pages == 1 keeps the sample's manifest as it is (page 2, 高新区新闻)."""
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("build", "raw"))
    manifest = folder / "issue.yaml"
    if pages == 1:
        return manifest
    text = manifest.read_text(encoding="utf-8")
    head, body = text.split("\npages:\n", 1)
    page = body.split("\n  - number:", 1)[0] if body.startswith("  - number:") else body
    blocks = []
    for n in range(1, pages + 1):
        block = re.sub(r"number: \d+", f"number: {n}", page, count=1)
        block = re.sub(r"id: (\w[\w-]*)", lambda m: f"id: {m.group(1)}-p{n}", block)
        if distinct and n > 1:
            _distinct_articles(folder, n)
            block = block.replace("file: articles/", f"file: articles/p{n}/")
        blocks.append(block.rstrip("\n"))
    manifest.write_text(head + "\npages:\n" + "\n".join(blocks) + "\n", encoding="utf-8")
    return manifest


def make_issues(outdir: Path, sizes=SIZES, distinct: bool = False) -> dict[int, Path]:
    """One issue folder per size under `outdir` (pages-1, pages-4, …): size → issue.yaml."""
    return {n: make_issue(n, Path(outdir) / f"pages-{n}", distinct) for n in sizes}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--distinct", action="store_true", help="no two pages set the same text (see above)")
    args = ap.parse_args()
    for n, path in make_issues(args.outdir, [int(s) for s in args.sizes.split(",")], args.distinct).items():
        print(f"{n:3d} page(s): {path}")


if __name__ == "__main__":
    main()
