"""Dump: a diffable text dump of composed pages for golden tests (the sidecar JSON is output/sidecar.py)."""

from __future__ import annotations

from typing import Sequence

from ..placed import Page

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
