"""Rules: thin rules where two slots meet — in the gutter between columns, on the row line between rows."""

from __future__ import annotations

from typing import Sequence

from ..geometry import PageGrid, Rect
from ..placed import ArticleFrame, Rule
from ..spec import BLACK

RULE_WIDTH = 0.5  # pt: thin rules between articles (≥ 0.3 pt survives newsprint, PRINT.md)


def rules_between(frames: Sequence[ArticleFrame], grid: PageGrid) -> tuple[Rule, ...]:
    """Thin rules where two slots meet: in the gutter between columns, on the row line between rows."""
    rules = []
    for i, a in enumerate(frames):
        for b in frames[i + 1:]:
            rules.extend(_shared_edges(a.slot, b.slot, grid))
    return tuple(rules)


def _shared_edges(a: Rect, b: Rect, grid: PageGrid) -> list[Rule]:
    """The rules along the edges two slots share (a vertical one in the gutter, a horizontal one)."""
    tol, out = 0.01, []
    left, right = (a, b) if a.x0 < b.x0 else (b, a)
    if abs(right.x0 - left.x1 - grid.gutter) < tol:
        y0, y1 = max(a.y0, b.y0), min(a.y1, b.y1)
        if y1 - y0 > tol:
            x = left.x1 + grid.gutter / 2
            out.append(Rule(x0=x, y0=y0, x1=x, y1=y1, width=RULE_WIDTH, color=BLACK))
    upper, lower = (a, b) if a.y1 > b.y1 else (b, a)
    if abs(upper.y0 - lower.y1) < tol:
        x0, x1 = max(a.x0, b.x0), min(a.x1, b.x1)
        if x1 - x0 > tol:
            out.append(Rule(x0=x0, y0=upper.y0, x1=x1, y1=upper.y0, width=RULE_WIDTH, color=BLACK))
    return out
