"""Furniture: the 报眉 page header over its 眉线 on inner pages, the 报头 masthead on the front page."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..errors import FontError
from ..fonts import TextFont
from ..geometry import PageGrid, band_baseline
from ..makeup.plan import PagePlan
from ..placed import GlyphRun, Rule
from ..spec import Issue, TextStyle
from ..typeset.story import Setter
from .runs import Painted, natural_runs, text_width

WEEKDAYS = "一二三四五六日"
HEAD_RULE_WIDTH = 0.75  # pt: 眉线 under the page header


@dataclass(frozen=True)
class Furnisher:
    """What page furniture needs: the issue's paper, date and numbers, the grid, styles and fonts."""

    issue: Issue
    grid: PageGrid
    setter: Setter

    def style(self, name: str) -> TextStyle:
        """The text style `name`."""
        return self.setter.styles[name]

    def text(self, text: str, name: str, x: float, baseline: float, kind: str) -> tuple[GlyphRun, ...]:
        """Furniture text in style `name` at natural widths, after checking the fallback chain covers it."""
        font = self.setter.font(name)
        missing = font.missing(text)
        if missing:
            raise FontError("page furniture: no font has " + ", ".join(f"'{c}' U+{ord(c):04X}" for c in missing),
                            str(self.issue.manifest), "change the paper name, section, credits or masthead text")
        return natural_runs(text, font, x, baseline, self.style(name), kind)

    def font(self, name: str) -> TextFont:
        """The TextFont of style `name`."""
        return self.setter.font(name)


def date_line(date: _dt.date) -> str:
    """The date as a Chinese newspaper prints it: 2023年8月22日 星期二."""
    return f"{date.year}年{date.month}月{date.day}日 星期{WEEKDAYS[date.weekday()]}"


def furniture(plan: PagePlan, f: Furnisher) -> Painted:
    """The page's furniture: a masthead on a front page, else the 报眉."""
    return masthead(plan, f) if plan.masthead else folio(plan, f)


def folio(plan: PagePlan, f: Furnisher) -> Painted:
    """报眉 above the type area: 版次 and 版名 left; paper, date and credits right; 眉线 below."""
    issue, area = f.issue, f.grid.type_area
    rule_y = area.y1 + f.grid.leading * 0.5
    baseline = rule_y + 5.0
    small = f.style("folio")
    left = f"第{plan.number}版\u3000{plan.section}"
    credits = "\u3000".join(f"{k}：{v}" for k, v in plan.credits)
    pieces = [(issue.paper, "folio"), (date_line(issue.date), "folio-date"), (credits, "folio")]
    runs = list(f.text(left, "page_number", area.x0, baseline, "folio"))
    x, gap = area.x1, 2 * small.size
    for text, kind in reversed([p for p in pieces if p[0]]):
        x -= text_width(text, f.font("folio"))
        runs.extend(f.text(text, "folio", x, baseline, kind))
        x -= gap
    rule = Rule(x0=area.x0, y0=rule_y, x1=area.x1, y1=rule_y, width=HEAD_RULE_WIDTH, color=small.color)
    return Painted(runs=tuple(runs), rules=(rule,))


def _centred(text: str, name: str, baseline: float, f: Furnisher) -> tuple[GlyphRun, ...]:
    """Furniture in style `name` centred on the type area."""
    area = f.grid.type_area
    x = area.x0 + (area.width - text_width(text, f.font(name))) / 2
    return f.text(text, name, x, baseline, "masthead")


def masthead(plan: PagePlan, f: Furnisher) -> Painted:
    """报头 on the front page: paper name (and subtitle) centred in the masthead rows, issue data on
    its last row, a double-weight rule below."""
    mast, grid, issue = plan.masthead, f.grid, f.issue
    title_rows = mast.lines - (2 if mast.subtitle else 1)
    title_size, info_size = f.style("masthead").size, f.style("masthead_info").size
    runs = _centred(mast.title, "masthead", band_baseline(grid.row_top(0), title_rows * grid.leading,
                                                          title_size), f)
    if mast.subtitle:
        runs += _centred(mast.subtitle, "masthead_info", grid.baseline(mast.lines - 2, info_size), f)
    numbers = [f"第{issue.number}期" if issue.number else "", f"总第{issue.total_number}期" if issue.total_number else ""]
    info = "\u3000".join(p for p in [date_line(issue.date), *numbers, mast.registration, mast.publisher] if p)
    runs += _centred(info, "masthead_info", grid.baseline(mast.lines - 1, info_size), f)
    y, area = grid.row_top(mast.lines), grid.type_area
    rule = Rule(x0=area.x0, y0=y, x1=area.x1, y1=y, width=HEAD_RULE_WIDTH * 2, color=f.style("masthead_info").color)
    return Painted(runs=runs, rules=(rule,))
