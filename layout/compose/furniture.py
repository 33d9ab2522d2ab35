"""Furniture: the 报眉 page header over its 眉线 on every page, the 报头 masthead on a front page."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FontError, LayoutError
from ..fonts import TextFont
from ..geometry import Cell, PageGrid, Rect, band_baseline
from ..i18n import _
from ..makeup.front import masthead_rows
from ..makeup.plan import PagePlan
from ..placed import GlyphRun, Rule
from ..spec import BLACK, Issue, Masthead, TextStyle
from ..typeset.story import Setter
from .almanac import lunar_date, solar_date
from .figure import Photos
from .runs import Painted, natural_runs, text_width
from .supplied import place_file, source_box

HEAD_RULE_WIDTH = 0.75  # pt: 眉线 under the page header


@dataclass(frozen=True)
class Furnisher:
    """What page furniture needs: the issue's paper, date and numbers, the grid, styles and fonts."""

    issue: Issue
    grid: PageGrid
    setter: Setter
    photos: Photos = field(default_factory=Photos)

    def style(self, name: str) -> TextStyle:
        """The text style `name`."""
        return self.setter.styles[name]

    def text(self, text: str, name: str, x: float, baseline: float, kind: str) -> tuple[GlyphRun, ...]:
        """Furniture text in style `name` at natural widths, after checking the fallback chain covers it."""
        font = self.setter.font(name)
        missing = font.missing(text)
        if missing:
            raise FontError(_("page furniture: no font has {codes}").format(
                codes=", ".join(f"'{c}' U+{ord(c):04X}" for c in missing)), str(self.issue.manifest),
                _("change the paper name, section, credits or masthead text"))
        return natural_runs(text, font, x, baseline, self.style(name), kind)

    def font(self, name: str) -> TextFont:
        """The TextFont of style `name`."""
        return self.setter.font(name)


def date_line(date: _dt.date) -> str:
    """The date as a Chinese newspaper prints it: 2023年8月22日 星期二."""
    return solar_date(date)


def furniture(plan: PagePlan, f: Furnisher) -> Painted:
    """The page's furniture: the 报眉 (on a front page only 版次, 版名 and credits) and the masthead."""
    return folio(plan, f, front=True) + masthead(plan, f) if plan.masthead else folio(plan, f)


def folio(plan: PagePlan, f: Furnisher, front: bool = False) -> Painted:
    """报眉 above the type area: 版次 and 版名 left; paper, date and credits right (a front page's masthead
    prints paper and date, its 报眉 only the credits); 眉线 below."""
    issue, area = f.issue, f.grid.type_area
    rule_y = area.y1 + f.grid.leading * 0.5
    baseline = rule_y + 5.0
    small = f.style("folio")
    left = f"第{plan.number}版\u3000{plan.section}"
    credits = "\u3000".join(f"{k}：{v}" for k, v in plan.credits)
    pieces = [(issue.paper, "folio"), (date_line(issue.date), "folio-date"), (credits, "folio")][2 if front else 0:]
    runs = list(f.text(left, "page_number", area.x0, baseline, "folio"))
    x, gap = area.x1, 2 * small.size
    for text, kind in reversed([p for p in pieces if p[0]]):
        x -= text_width(text, f.font("folio"))
        runs.extend(f.text(text, "folio", x, baseline, kind))
        x -= gap
    rule = Rule(x0=area.x0, y0=rule_y, x1=area.x1, y1=rule_y, width=HEAD_RULE_WIDTH, color=small.color)
    return Painted(runs=tuple(runs), rules=(rule,))


def info_texts(mast: Masthead, issue: Issue) -> tuple[str, ...]:
    """The masthead's info lines, as many as makeup.front.info_lines counts: subtitle; date with 星期 and
    农历; 第N期 / 总第N期 / 今日N版; 国内统一连续出版物号, 邮发代号 and publisher (centred: date and 农历 on
    one line, the last three on one line; at the left: one item a line)."""
    numbers = "\u3000".join(p for p in [f"第{issue.number}期" if issue.number else "",
                                         f"总第{issue.total_number}期" if issue.total_number else "",
                                         f"今日{len(issue.pages)}版"] if p)
    extra = [f"国内统一连续出版物号 {mast.registration}" if mast.registration else "",
             f"邮发代号 {mast.postal_code}" if mast.postal_code else "", mast.publisher]
    if mast.align == "center":
        lines = [mast.subtitle, f"{date_line(issue.date)}\u3000{lunar_date(issue.date)}", numbers,
                 "\u3000".join(e for e in extra if e)]
    else:
        lines = [mast.subtitle, date_line(issue.date), lunar_date(issue.date), numbers, *extra]
    return tuple(line for line in lines if line)


def masthead(plan: PagePlan, f: Furnisher) -> Painted:
    """报头: the paper's name (text in style `masthead`, or a logo) and the info lines in style
    `masthead_info`, in whole rows of its band (makeup.front.masthead_rows); centred, the name over the
    lines; left, the lines beside the name after a thin rule. Under the band a thick-and-thin rule (文武线)
    across the type area; a thin rule in the gutter to each ear (报眼)."""
    mast, cell, grid = plan.masthead, plan.masthead_cell, f.grid
    rows = masthead_rows(mast, f.setter.styles, grid.leading)
    lines = info_texts(mast, f.issue)
    box = grid.cell_box(Cell(cell.column, cell.span, 0, rows.band - 1))
    content = (rows.title + rows.content) if mast.align == "center" else max(rows.title, rows.content)
    top = (rows.band - 1 - content) // 2  # a band asked taller than the content: the content centred in it
    info_w = max(text_width(line, f.font("masthead_info")) for line in lines)
    if mast.align == "center":
        title, name_w = _name(mast, f, box, top, rows.title, None)
        painted = title + _info(lines, f, box, top + rows.title, rows.line, None, info_w)
    else:
        title_top = top + (content - rows.title) // 2
        title, name_w = _name(mast, f, box, title_top, rows.title, box.x0)
        x = box.x0 + name_w + 2 * f.style("masthead_info").size
        _fits(x + f.style("masthead_info").size + info_w, box, mast)
        rule = Rule(x0=x, y0=grid.row_top(top + content), x1=x, y1=grid.row_top(top), width=0.5, color=BLACK)
        info_top = top + (content - rows.content) // 2
        painted = title + _info(lines, f, box, info_top, rows.line, x + f.style("masthead_info").size, info_w) \
            + Painted(rules=(rule,))
    boxed = tuple(b.cell for b in plan.boxes if b.cell.top < cell.bottom)  # framed boxes in the ears
    return painted + Painted(rules=_band_rules(cell, grid, boxed))


def _name(mast: Masthead, f: Furnisher, box: Rect, top: int, rows: int, x: float | None) -> tuple[Painted, float]:
    """The paper's name in rows `top` … `top + rows` of the band, at `x` (None: centred in `box`): the logo
    file fitted to that height, else the title in style `masthead`; returns it and its width."""
    grid = f.grid
    y1, y0 = grid.row_top(top), grid.row_top(top + rows)
    if mast.logo is not None:
        source = logo_size(mast.logo, mast.where)
        width = (y1 - y0) * source[0] / source[1]
        if width > box.width + 1e-6:
            raise LayoutError(_("the masthead logo is {width} pt wide at {rows} rows, the masthead {masthead} pt").format(
                width=f"{width:.0f}", rows=rows, masthead=f"{box.width:.0f}"), mast.where,
                _("give it fewer logo_rows or more columns (span)"))
        x0 = box.x0 + (box.width - width) / 2 if x is None else x
        placed = place_file(mast.logo, mast.logo.name, Rect(x0, y0, x0 + width, y1), "masthead", mast.where,
                            f.photos, f.issue.print.ink_limit)
        return placed, width
    width = text_width(mast.title, f.font("masthead"))
    _fits(box.x0 + width, box, mast)
    x0 = box.x0 + (box.width - width) / 2 if x is None else x
    baseline = band_baseline(y1, y1 - y0, f.style("masthead").size)
    return Painted(runs=f.text(mast.title, "masthead", x0, baseline, "masthead")), width


def _info(lines: tuple[str, ...], f: Furnisher, box: Rect, top: int, rows: int, x: float | None,
          width: float) -> Painted:
    """The info lines, one band of `rows` rows each from row `top`: centred in `box`, or flush left at `x`."""
    size, runs = f.style("masthead_info").size, ()
    for i, line in enumerate(lines):
        line_w = text_width(line, f.font("masthead_info"))
        if x is None and line_w > box.width + 1e-6:
            raise LayoutError(_("the masthead line '{line}' is {width} pt wide, the masthead {masthead} pt").format(
                line=line, width=f"{line_w:.0f}", masthead=f"{box.width:.0f}"), f.issue.pages[0].where,
                _("shorten the publisher or registration, or widen the masthead"))
        at = box.x0 + (box.width - line_w) / 2 if x is None else x
        band_top = f.grid.row_top(top + i * rows)
        runs += f.text(line, "masthead_info", at, band_baseline(band_top, rows * f.grid.leading, size), "masthead")
    return Painted(runs=runs)


def _fits(right: float, box: Rect, mast: Masthead) -> None:
    """The masthead's content must end inside its columns."""
    if right > box.x1 + 1e-6:
        raise LayoutError(_("the masthead's name and info lines need {needed} pt, its columns give {width} pt").format(
            needed=f"{right - box.x0:.0f}", width=f"{box.width:.0f}"), mast.where,
            _("give the masthead more columns (span), a smaller title size, or align: center"))


def _band_rules(cell: Cell, grid: PageGrid, boxed: tuple[Cell, ...]) -> tuple[Rule, ...]:
    """The 文武线 under the masthead band across the type area (thick over thin, in the band's last row),
    and a thin rule in the gutter between the masthead and each ear that holds no framed box."""
    area, y = grid.type_area, grid.row_top(cell.bottom)
    rules = [Rule(x0=area.x0, y0=y + 3.5, x1=area.x1, y1=y + 3.5, width=HEAD_RULE_WIDTH * 2, color=BLACK),
             Rule(x0=area.x0, y0=y + 1.0, x1=area.x1, y1=y + 1.0, width=0.5, color=BLACK)]
    box = grid.cell_box(cell)
    left = any(b.column + b.span == cell.column for b in boxed)
    right = any(b.column == cell.column + cell.span for b in boxed)
    for edge, ear in ((box.x0 - grid.gutter / 2, cell.column > 1 and not left),
                      (box.x1 + grid.gutter / 2, cell.column + cell.span - 1 < grid.columns and not right)):
        if ear:
            rules.append(Rule(x0=edge, y0=y + 6.0, x1=edge, y1=area.y1, width=0.5, color=BLACK))
    return tuple(rules)


def logo_size(path: Path, where: str) -> tuple[float, float]:
    """A logo's width and height (any unit: only the ratio is used): a PDF's page box, an image's pixels."""
    if path.suffix.lower() == ".pdf":
        box = source_box(path, _("logo"), where)
        return box.width, box.height
    from PIL import Image as PILImage
    with PILImage.open(path) as image:
        return float(image.width), float(image.height)
