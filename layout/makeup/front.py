"""Front: the rows a front page's 报头 and boxed slots (导读, weather, ad) take, in whole grid rows from their
content, and the checks that keep every slot clear of the masthead and inside its ear (报眼)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import LayoutError
from ..i18n import N_, _
from ..geometry import Cell, PageGrid
from ..spec import AUTO, REST, BoxSpec, Masthead, PageSpec, TextStyle
from .plan import BoxPlan

TITLE_AIR = 1.15  # the masthead title's rows hold 1.15 × its size (the face's ascenders and descenders)
LINE_AIR = 1.25  # an info line, index entry or weather line holds 1.25 × its size
BOX_TITLE_AIR = 1.6  # a box heading holds 1.6 × its size (a rule sits under it)


@dataclass(frozen=True, kw_only=True)
class MastheadRows:
    """The masthead's rows: the title's (or logo's), each info line's, the info lines, and the band in all."""

    title: int
    line: int
    lines: int  # info lines (subtitle, date, numbers, registration)
    band: int  # rows from the top of the type area to the rule under the masthead

    @property
    def content(self) -> int:
        """Rows the info lines take together."""
        return self.line * self.lines


def rows_for(size: float, air: float, leading: float) -> int:
    """Whole grid rows that hold type of `size` with `air` × its size of line height (at least one)."""
    return max(1, math.ceil(size * air / leading - 1e-9))


def info_lines(mast: Masthead) -> int:
    """How many info lines the masthead prints (compose.furniture.info_texts sets them): its subtitle; the
    date with 星期 and the 农历 date (one line centred, two at the left); 第N期 / 总第N期 / 今日N版; and
    国内统一连续出版物号, 邮发代号 and publisher (one line centred when any is given, one each at the left)."""
    extra = [mast.registration, mast.postal_code, mast.publisher]
    if mast.align == "center":
        return (1 if mast.subtitle else 0) + 2 + (1 if any(extra) else 0)
    return (1 if mast.subtitle else 0) + 3 + sum(1 for e in extra if e)


def masthead_rows(mast: Masthead, styles: Mapping[str, TextStyle], leading: float) -> MastheadRows:
    """The masthead's band in whole rows, from its content: centred, the title over the info lines; left,
    the info lines beside the title; one row of air above the rule. A `lines:` smaller than that is an
    error (it would overprint), a larger one is the band asked for."""
    title = mast.logo_rows or rows_for(styles["masthead"].size, TITLE_AIR, leading)
    line = rows_for(styles["masthead_info"].size, LINE_AIR, leading)
    count = info_lines(mast)
    needed = (title + line * count if mast.align == "center" else max(title, line * count)) + 1
    if mast.lines is not None and mast.lines < needed:
        what = (_("title {title} + {count} info lines × {line} + 1 row of air") if mast.align == "center"
                else _("the larger of title {title} and {count} info lines × {line}, + 1 row of air")).format(
            title=title, count=count, line=line)
        raise LayoutError(_("the masthead needs {needed} rows ({what}), lines: {lines} would overprint").format(
            needed=needed, what=what, lines=mast.lines), mast.where,
            _("give lines: {needed} or more, or leave lines out (computed from the content)").format(needed=needed))
    return MastheadRows(title=title, line=line, lines=count, band=mast.lines or needed)


def masthead_cell(page: PageSpec, styles: Mapping[str, TextStyle], grid: PageGrid) -> Cell | None:
    """The masthead's columns and band rows on the page, or None without one."""
    mast = page.masthead
    if mast is None:
        return None
    rows = masthead_rows(mast, styles, grid.leading).band
    if rows >= grid.rows:
        raise LayoutError(_("the masthead needs {rows} rows, the type area has {area}").format(rows=rows, area=grid.rows),
                          mast.where, _("make the masthead title smaller (styles.masthead.size)"))
    return Cell(mast.column, mast.span or grid.columns, 0, rows)


def first_row(column: int, span: int, occupied: Sequence[Cell]) -> int:
    """The first row of an auto-top slot in these columns: under the cells of `occupied` in them that start
    above it (a cell further down, an ad at the foot, is left for the slot to stop above)."""
    columns, top = set(range(column, column + span)), 0
    for cell in sorted((c for c in occupied if columns & set(c.columns)), key=lambda c: c.top):
        if cell.top <= top:
            top = max(top, cell.bottom)
    return top


def box_rows(spec: BoxSpec, styles: Mapping[str, TextStyle], leading: float) -> tuple[int, int, int]:
    """(needed rows, heading rows, rows per line) of a box from its content: the heading, one line per 导读
    entry or weather line, one row of air; an ad's rows are its slot's."""
    if spec.kind == "ad":
        return (spec.slot.lines, 0, 1)
    title = rows_for(styles["box_title"].size, BOX_TITLE_AIR, leading)
    line = rows_for(styles["box"].size, LINE_AIR, leading)
    count = spec.entries if spec.kind == "index" else len(spec.lines)
    return (title + line * count + 1, title, line)


def plan_box(spec: BoxSpec, styles: Mapping[str, TextStyle], grid: PageGrid, occupied: Sequence[Cell]) -> BoxPlan:
    """A box's cell: its slot, `top: auto` under what is above it, `lines: auto` from its content; a slot
    smaller than the content is an error."""
    slot = spec.slot
    needed, title, line = box_rows(spec, styles, grid.leading)
    top = slot.top if slot.top != AUTO else first_row(slot.column, slot.span, occupied)
    rows = needed if slot.lines == AUTO else grid.rows - top if slot.lines == REST else slot.lines
    name = box_name("导读" if spec.kind == "index" else spec.kind, spec.id)
    if rows < needed:
        raise LayoutError(_("{box} needs {needed} rows (heading {title} + {lines} of lines + 1 of air), its slot "
                            "gives {rows}").format(box=name, needed=needed, title=title, lines=needed - title - 1,
                                                   rows=rows), spec.where,
                          _("give its slot lines: {needed} or more, or lines: auto").format(needed=needed))
    if top + rows > grid.rows:
        raise LayoutError(_("{box} needs rows {first}–{last}, the type area has {area}").format(
            box=name, first=top, last=top + rows - 1, area=grid.rows), spec.where,
            _("start it higher or give it fewer entries"))
    return BoxPlan(spec=spec, cell=Cell(slot.column, slot.span, top, rows), title_rows=title, line_rows=line)


def check_clear(cell: Cell, name: str, where: str, masthead: Cell | None, boxes: Sequence[BoxPlan]) -> None:
    """A slot may not run into the masthead or a box, and a slot in an ear (报眼) may not run below the
    masthead's band (the rule under the masthead would cross it)."""
    for other, what in [(masthead, _("the masthead")), *[(b.cell, box_name(b.spec.kind, b.spec.id)) for b in boxes]]:
        if other is not None and other is not cell and _overlap(cell, other):
            move = (_("end it above row {row} (lines: {lines} or fewer)").format(row=other.top,
                                                                                  lines=other.top - cell.top)
                    if other.top > cell.top else _("start it at top: {row} or lower").format(row=other.bottom))
            raise LayoutError(_("{name} (rows {first}–{last} of columns {columns}) runs into {other} (rows "
                                "{other_first}–{other_last} of columns {other_columns})").format(
                name=name, first=cell.top, last=cell.bottom - 1, columns=_cols(cell), other=what,
                other_first=other.top, other_last=other.bottom - 1, other_columns=_cols(other)), where,
                move + _(", or move it to other columns"))
    if masthead is not None and cell.top < masthead.bottom and cell.bottom > masthead.bottom - 1:
        fewer = (_("give it at most {rows} rows, ").format(rows=masthead.bottom - 1 - cell.top)
                 if cell.top < masthead.bottom - 1 else "")
        raise LayoutError(_("{name} is in the ear (报眼) beside the masthead but runs to row {row}; the masthead's "
                            "band is rows 0–{last} and its last row holds the rule under it").format(
            name=name, row=cell.bottom - 1, last=masthead.bottom - 1), where,
            fewer + _("start it at top: {top}, or give the masthead lines: {lines}").format(
                top=masthead.bottom, lines=cell.bottom + 1))


BOX_KINDS = (N_("weather"), N_("ad"), N_("index"))  # the word for a box's kind ('导读' is the same in both)


def article_name(article: str) -> str:
    """An article as messages name it: "article 'lead'"."""
    return _("article '{id}'").format(id=article)


def box_name(kind: str, box: str) -> str:
    """A box as messages name it: "the index box 'guide'", "the 导读 box 'guide'" (kind translated)."""
    return _("the {kind} box '{id}'").format(kind=_(kind), id=box)


def _overlap(a: Cell, b: Cell) -> bool:
    """Whether two cells share a column and a row."""
    return bool(set(a.columns) & set(b.columns)) and a.top < b.bottom and b.top < a.bottom


def _cols(cell: Cell) -> str:
    """A cell's columns in words: 3 or 1–5."""
    return str(cell.column) if cell.span == 1 else f"{cell.column}–{cell.column + cell.span - 1}"
