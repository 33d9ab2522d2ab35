"""Write the Typst peer of an issue: `main.typ` (page geometry, styles and slots in pt) beside the
issue's `issue.yaml`, plus a copy of `newspaper.typ` (which reads and parses the article files itself).

Run: python bench/typst/gen.py ISSUE.yaml   → prints the path of main.typ (Typst root: the issue folder)

The geometry comes from our own manifest reader (layout.manifest / layout.geometry), so both tools
set the very same grid: broadsheet 390 × 540 mm, margins 25/18/20/18 mm, 8 columns of 11 字 with
1-字 gutters, 87 rows of 16 pt. Nothing here is timed: bench/peers.py times `typst.compile` only.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from layout.build import make_up  # noqa: E402
from layout.compose.furniture import date_line  # noqa: E402

FAMILIES = {"song": "Noto Serif CJK SC", "hei": "Noto Sans CJK SC", "kai": "LXGW WenKai",
            "fangsong": "LXGW WenKai"}
FALLBACK = {"song": ["hei", "kai"], "hei": ["song", "kai"], "kai": ["song", "hei"], "fangsong": ["song", "hei"]}
ALIGN = {"justify": "left", "left": "left", "center": "center", "right": "right"}
STYLES = ("body", "runin", "dateline", "label", "kicker", "headline", "deck", "folio")


def pt(value: float) -> str:
    return f"{value:.3f}pt"


def tstr(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def style(issue, name: str) -> str:
    st = issue.style(name)
    fonts = ", ".join(tstr(FAMILIES[r]) for r in [st.role, *FALLBACK[st.role]])
    c = st.color
    return (f"(font: ({fonts},), weight: {tstr(st.weight)}, size: {pt(st.size)}, "
            f"fill: cmyk({c.c:g}%, {c.m:g}%, {c.y:g}%, {c.k:g}%), align: {ALIGN[st.align]})")


def shared_edges(a, b, gutter: float) -> list[tuple[float, float, float, float]]:
    """Rules where two slots meet (as layout.compose._shared_edges), in PDF coordinates."""
    tol, out = 0.01, []
    left, right = (a, b) if a.x0 < b.x0 else (b, a)
    if abs(right.x0 - left.x1 - gutter) < tol:
        y0, y1 = max(a.y0, b.y0), min(a.y1, b.y1)
        if y1 - y0 > tol:
            x = left.x1 + gutter / 2
            out.append((x, y0, x, y1))
    upper, lower = (a, b) if a.y1 > b.y1 else (b, a)
    if abs(upper.y0 - lower.y1) < tol:
        x0, x1 = max(a.x0, b.x0), min(a.x1, b.x1)
        if x1 - x0 > tol:
            out.append((x0, upper.y0, x1, upper.y0))
    return out


def generate(manifest: Path) -> Path:
    """Write main.typ and newspaper.typ into the issue folder; return main.typ's path."""
    made = make_up(manifest)  # our own plan: the same slots and headline rows for both engines
    issue, grid = made.issue, made.ctx.grid
    H = issue.page_height
    area = grid.type_area
    out = [f'#import "newspaper.typ": newspaper',
           f"// {issue.id}: {len(issue.pages)} page(s), written by bench/typst/gen.py from {manifest.name}",
           "#newspaper(",
           f"  page-size: (width: {pt(grid.width)}, height: {pt(grid.height)}),",
           f"  area: (x: {pt(area.x0)}, y: {pt(H - area.y1)}, width: {pt(area.width)}),",
           f"  grid: (body: {pt(grid.body_size)}, leading: {pt(grid.leading)}, gutter: {pt(grid.gutter)}, "
           f"measure: {pt(grid.measure)}),",
           "  styles: (",
           *[f"    {name}: {style(issue, name)}," for name in STYLES],
           "  ),",
           "  pages: ("]
    right_pieces = [issue.paper, date_line(issue.date)]
    for page, plan in zip(issue.pages, made.plans):
        if page.masthead:
            raise SystemExit("gen.py: masthead pages are not supported by the Typst peer")
        credits = "\u3000".join(f"{k}：{v}" for k, v in page.credits)
        right = ", ".join(tstr(p) for p in [*right_pieces, credits] if p)
        left = f"第{page.number}版\u3000{page.section}"
        out.append(f"    (number: {page.number}, left: {tstr(left)}, "
                   f"right: ({right},), articles: (")
        boxes = []
        for art, placed in zip(page.articles, plan.placements):
            box = grid.cell_box(placed.cell)
            boxes.append(box)
            rel = art.file.resolve().relative_to(issue.root)
            out.append(f"      (file: {tstr('/' + rel.as_posix())}, x: {pt(box.x0)}, y: {pt(H - box.y1)}, "
                       f"width: {pt(box.width)}, span: {placed.cell.span}, rows: {placed.cell.rows}, "
                       f"headline-size: {pt(art.headline_size) if art.headline_size else 'none'}, "
                       f"headline-lines: {placed.head_rows + placed.gap_rows}),")
        out.append("    ), rules: (")
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                for x0, y0, x1, y1 in shared_edges(a, b, grid.gutter):
                    out.append(f"      ({pt(x0)}, {pt(H - y0)}, {pt(x1)}, {pt(H - y1)}),")
        out.append("    )),")
    out += ["  ),", ")", ""]
    folder = issue.root
    shutil.copyfile(HERE / "newspaper.typ", folder / "newspaper.typ")
    main = folder / "main.typ"
    main.write_text("\n".join(out), encoding="utf-8")
    return main


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(generate(Path(arg)))
