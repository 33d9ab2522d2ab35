"""Rules: thin rules where two slots meet — in the gutter between columns, on the row line between rows — and
the page's 栏线 (column rules the manifest or the planner asks for: heavier, they part 碰题 headlines)."""

from __future__ import annotations

from typing import Sequence

from ..geometry import Cell, PageGrid, Rect
from ..placed import ArticleFrame, Rule
from ..spec import BLACK, ColumnRule

RULE_WIDTH = 0.5  # pt: thin rules between articles (≥ 0.3 pt survives newsprint, PRINT.md)
COLUMN_RULE_WIDTH = 1.0  # pt: a 栏线 parting two headlines side by side — plainly heavier than the thin rules


def rules_between(frames: Sequence[ArticleFrame], grid: PageGrid,
                  column_rules: Sequence[Rule] = ()) -> tuple[Rule, ...]:
    """Thin rules where two slots meet: in the gutter between columns, on the row line between rows; none
    along the stretch of a gutter a 栏线 (`column_rules`) already takes."""
    rules = []
    for i, a in enumerate(frames):
        for b in frames[i + 1:]:
            for rule in _shared_edges(a.slot, b.slot, grid):
                rules.extend(_outside(rule, column_rules))
    return tuple(rules)


def column_rules(asked: Sequence[ColumnRule], grid: PageGrid) -> tuple[Rule, ...]:
    """The page's 栏线: each in the middle of the gutter left of its column, over its rows."""
    out = []
    for rule in asked:
        box = grid.cell_box(Cell(rule.column, 1, rule.top, rule.lines))
        x = box.x0 - grid.gutter / 2
        out.append(Rule(x0=x, y0=box.y0, x1=x, y1=box.y1, width=COLUMN_RULE_WIDTH, color=BLACK))
    return tuple(out)


def _outside(rule: Rule, heavy: Sequence[Rule], tol: float = 0.01) -> list[Rule]:
    """The parts of a vertical thin rule no 栏线 on the same x covers (a horizontal rule as it is)."""
    if abs(rule.x0 - rule.x1) > tol:
        return [rule]
    pieces = [(rule.y0, rule.y1)]
    for h in heavy:
        if abs(h.x0 - rule.x0) > tol:
            continue
        low, high = min(h.y0, h.y1), max(h.y0, h.y1)
        pieces = [part for y0, y1 in pieces for part in ((y0, min(y1, low)), (max(y0, high), y1)) if part[1] - part[0] > tol]
    return [Rule(x0=rule.x0, y0=y0, x1=rule.x1, y1=y1, width=rule.width, color=rule.color) for y0, y1 in pieces]


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
