"""Dump: stable records of composed pages — the sidecar JSON for QA and a text dump for golden tests."""

from __future__ import annotations

import json
from typing import Sequence

from ..geometry import Rect
from ..placed import ArticleFrame, Page

SIDECAR_FORMAT = "layout-sidecar/1"
SIDECAR_SUFFIX = ".layout.json"


def sidecar_name(issue_id: str) -> str:
    """File name of an issue's sidecar, written beside <issue-id>.pdf."""
    return issue_id + SIDECAR_SUFFIX


def _box(box: Rect, dx: float, dy: float) -> list[float]:
    return [round(box.x0 + dx, 3), round(box.y0 + dy, 3), round(box.x1 + dx, 3), round(box.y1 + dy, 3)]


def _article(frame: ArticleFrame, dx: float, dy: float) -> dict:
    overset = None
    if frame.overset:
        o = frame.overset
        overset = {"lines_needed": o.lines_needed, "lines_available": o.lines_available,
                   "characters_over": o.characters_over}
    lines = [{"column": r.column, "baseline": round(r.baseline + dy, 3), "x0": round(r.x0 + dx, 3),
              "x1": round(r.x1 + dx, 3), "text": r.text, "kind": r.kind, "first": r.first, "last": r.last,
              "kinsoku": r.kinsoku} for r in frame.lines]
    return {"id": frame.id, "slot": _box(frame.slot, dx, dy),
            "columns": [_box(c, dx, dy) for c in frame.columns], "overset": overset, "lines": lines}


def page_record(index: int, page: Page, media: Rect, ignore: Sequence[Rect] = ()) -> dict:
    """One page's sidecar record, in the PDF page's user space (MediaBox origin at 0, 0)."""
    dx, dy = -media.x0, -media.y0
    furniture = [{"kind": run.style, "box": _box(Rect(run.x, run.y - run.size * 0.12,
                                                     run.x + run.offsets[-1] + run.size, run.y + run.size * 0.88), dx, dy)}
                 for run in page.runs if not run.article]
    return {"index": index, "number": page.number, "label": page.label,
            "width": round(media.width, 3), "height": round(media.height, 3),
            "trim": _box(page.trim, dx, dy),
            "columns": [_box(c, dx, dy) for c in page.column_boxes],
            "baselines": [round(y + dy, 3) for y in page.baselines],
            "ignore": [_box(b, dx, dy) for b in ignore],
            "furniture": furniture,
            "articles": [_article(a, dx, dy) for a in page.articles]}


def sidecar_json(issue_id: str, pdf_name: str, records: Sequence[dict]) -> str:
    """The sidecar JSON text (sorted keys, stable floats, compact: the C encoder): which article
    every line belongs to."""
    doc = {"format": SIDECAR_FORMAT, "issue": issue_id, "pdf": pdf_name, "pages": list(records)}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def text_dump(pages: Sequence[Page]) -> str:
    """A diffable text dump of every line: page, article, column, baseline, x-range and text."""
    out = []
    for page in pages:
        out.append(f"page {page.label}")
        for frame in page.articles:
            out.append(f"  article {frame.id} slot {frame.slot.x0:.2f},{frame.slot.y0:.2f},"
                       f"{frame.slot.x1:.2f},{frame.slot.y1:.2f}")
            for r in frame.lines:
                out.append(f"    c{r.column} y={r.baseline:.2f} x={r.x0:.2f}..{r.x1:.2f} {r.kind} {r.text}")
    return "\n".join(out) + "\n"
