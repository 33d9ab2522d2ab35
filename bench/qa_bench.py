"""Benchmark of the QA stage: `layout diff` on broadsheet pages (390 × 540 mm) set in a real CJK font.

Prints the timings the issue asks for:
  unchanged 16-page issue (hash skip) .......... target < 2 s
  one changed broadsheet page at 100 dpi ....... target < 1 s
and, for information, a 16-page issue with one page changed and `layout proof` of one page.

Run: /tmp/venv/bin/python bench/qa_bench.py   (from the repository root)
The test PDFs are made with reportlab and LXGW WenKai (a TrueType CJK font, Debian fonts-lxgw-wenkai),
8 columns of body text at 10.5/16.5 pt, so each page holds about 7 000 characters.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from layout.qa.diff import DiffOptions, diff  # noqa: E402
from layout.qa.proof import ProofOptions, proof  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "jining-page.txt"
MM = 72 / 25.4
WIDTH, HEIGHT = 390 * MM, 540 * MM
MARGIN, COLUMNS, GUTTER, SIZE, LEADING = 18 * MM, 8, 10.5, 10.5, 16.5


def body_text() -> str:
    """Plenty of Chinese text: the seed page, or a fixed pangram-like string when it is absent."""
    fallback = "济宁高新区重点项目建设新闻发布会举行。" * 50
    text = SEED.read_text(encoding="utf-8") if SEED.is_file() else fallback
    return "".join(text.split()) * 4


def column_lines(text: str, offset: int, chars: int, count: int) -> list[str]:
    """`count` lines of `chars` characters taken from `text` starting at `offset` (wrapping)."""
    doubled = text * 3
    start = offset % len(text)
    return [doubled[start + i * chars:start + (i + 1) * chars] for i in range(count)]


def draw_page(pdf: canvas.Canvas, text: str, page: int, edit: bool) -> dict:
    """Fill one broadsheet page with 8 columns of text; return its sidecar record."""
    measure = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS
    chars, count = int(measure // SIZE), int((HEIGHT - 2 * MARGIN) // LEADING)
    top = HEIGHT - MARGIN - SIZE
    pdf.setFont("WenKai", SIZE)
    columns = []
    for col in range(COLUMNS):
        x = MARGIN + col * (measure + GUTTER)
        lines = column_lines(text, (page * COLUMNS + col) * chars * count, chars, count)
        if edit and col == 2:
            lines[10] = lines[11]  # one line of one paragraph edited
        for i, line in enumerate(lines):
            pdf.drawString(x, top - i * LEADING, line)
        columns.append([round(x, 2), round(top - count * LEADING, 2), round(x + measure, 2), round(HEIGHT - MARGIN, 2)])
    half = HEIGHT / 2
    articles = [{"id": f"p{page + 1}-top", "slot": [MARGIN, half, WIDTH - MARGIN, HEIGHT - MARGIN], "columns": [],
                 "overset": None, "lines": []},
                {"id": f"p{page + 1}-bottom", "slot": [MARGIN, MARGIN, WIDTH - MARGIN, half], "columns": [],
                 "overset": None, "lines": []}]
    return {"index": page, "number": page + 1, "label": f"A{page + 1:02d}", "width": WIDTH, "height": HEIGHT,
            "trim": [0, 0, WIDTH, HEIGHT], "columns": columns, "baselines": [], "ignore": [], "furniture": [],
            "articles": articles}


def make_issue(path: Path, pages: int, edited: tuple[int, ...] = ()) -> Path:
    """Write a broadsheet PDF of `pages` pages and its sidecar; the pages in `edited` get one line edited."""
    text = body_text()
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=1)
    records = []
    for page in range(pages):
        records.append(draw_page(pdf, text, page, page in edited))
        pdf.showPage()
    pdf.save()
    sidecar = {"format": "layout-sidecar/1", "issue": path.stem, "pdf": path.name, "pages": records}
    path.with_name(path.stem + ".layout.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return path


def timed(label: str, target: float | None, action) -> float:
    """Run `action`, print its wall time against the target, return the seconds."""
    started = time.perf_counter()
    outcome = action()
    seconds = time.perf_counter() - started
    verdict = "" if target is None else ("  OK" if seconds < target else "  SLOW")
    goal = f" (target < {target:g} s)" if target else ""
    print(f"{label:48} {seconds:6.2f} s{goal}{verdict}   [{outcome}]")
    return seconds


def summary(result) -> str:
    """Page statuses of a diff result, counted."""
    counts: dict[str, int] = {}
    for page in result.pages:
        counts[page.status] = counts.get(page.status, 0) + 1
    return ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))


def main() -> None:
    """Make the test issues and time the diffs."""
    if not FONT.is_file():
        sys.exit(f"{FONT} is missing: apt-get install fonts-lxgw-wenkai")
    pdfmetrics.registerFont(TTFont("WenKai", str(FONT)))
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp:
        root = Path(tmp)
        for name in ("old", "same", "new", "all", "p1old", "p1new"):
            (root / name).mkdir()
        started = time.perf_counter()
        old = make_issue(root / "old" / "issue.pdf", 16)
        shutil.copy(old, root / "same" / "issue.pdf")
        shutil.copy(old.with_name("issue.layout.json"), root / "same" / "issue.layout.json")
        new = make_issue(root / "new" / "issue.pdf", 16, edited=(5,))
        every = make_issue(root / "all" / "issue.pdf", 16, edited=tuple(range(16)))
        one_old = make_issue(root / "p1old" / "page.pdf", 1)
        one_new = make_issue(root / "p1new" / "page.pdf", 1, edited=(0,))
        print(f"(made the test PDFs in {time.perf_counter() - started:.1f} s)")
        options = DiffOptions(dpi=100)
        timed("unchanged 16-page issue (hash skip)", 2.0,
              lambda: summary(diff(old, root / "same" / "issue.pdf", root / "r1", options)))
        timed("one changed broadsheet page, 100 dpi", 1.0,
              lambda: summary(diff(one_old, one_new, root / "r2", options)))
        timed("16-page issue, one page edited", None,
              lambda: summary(diff(old, new, root / "r3", options)))
        timed("16-page issue, every page edited (2 processes)", None,
              lambda: summary(diff(old, every, root / "r4", options)))
        timed("proof of one broadsheet page, 100 dpi, overlay", None,
              lambda: len(proof(one_old, root / "proof", ProofOptions(100, overlay=True)).pages))


if __name__ == "__main__":
    main()
