"""Figures: a photo in whole columns × whole body rows of its story's slot (图井按栏咬合), caption set, legs checked.

The geometry (docs/figures.md): a figure takes `span` columns of the slot from `column_offset`; its
photo is `rows` rows high, or its width ÷ aspect rounded to whole rows; the caption (style `caption`)
is set at the photo's width under it, the credit flush right on the caption's last line when it fits
there after a 1-字 space, else on a line of its own; the caption lines are CAPTION_PITCH × the caption
size apart (or the style's leading, if larger) and take whole rows. `place: before-body` (the default) puts
the figure directly under the headline block, `top` across the whole slot above the headline block (which
then starts an air row under it), `bottom` at the slot's foot; one air row separates it from the text in
its columns. A text leg left under, over or beside a figure has at least LEG_MIN lines, or none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Sequence

from ..errors import FontError, LayoutError
from ..geometry import Cell, PageGrid
from ..i18n import N_, _
from ..spec import ArticleSpec, FigureSpec
from ..typeset.items import Span
from ..typeset.lines import Line
from ..typeset.story import Setter, check_fits
from .fit import lines
from .plan import Figure

LEG_MIN = 5  # lines a text leg beside or under a figure must hold (a shorter leg reads as a scrap)
AIR_ROWS = 1  # rows between a figure and the text in its columns
CAPTION_GAP = 3.0  # pt between the photo's edge and the caption's first line box
CAPTION_PITCH = 1.45  # caption baselines × the caption size apart (unless the style's leading is larger)


@dataclass(frozen=True, kw_only=True)
class SetFigure:
    """A figure with its height in rows and its caption set at its width (not yet on the slot's rows)."""

    spec: FigureSpec
    photo_rows: int
    caption: tuple[Line, ...]
    credit: Line | None
    credit_on_last: bool
    pitch: float
    caption_rows: int

    @property
    def rows(self) -> int:
        """Rows of photo and caption (the air row not counted)."""
        return self.photo_rows + self.caption_rows


@dataclass(frozen=True)
class FigureLayout:
    """Figures on a slot's rows: the placed figures, per slot column where its text starts (rows below
    the body top) and how many lines it holds, and the rows above the headline block (figures at the top)."""

    figures: tuple[Figure, ...]
    starts: tuple[int, ...]
    capacities: tuple[int, ...]
    head_top: int = 0

    @property
    def exclusions(self) -> tuple[Cell, ...]:
        return tuple(f.cell for f in self.figures)


def set_figures(spec: ArticleSpec, grid: PageGrid, setter: Setter) -> tuple[SetFigure, ...]:
    """Every figure of an article: photo rows and the caption set at the figure's width."""
    return tuple(set_figure(figure, spec.id, grid, setter) for figure in spec.figures)


def set_figure(figure: FigureSpec, article: str, grid: PageGrid, setter: Setter) -> SetFigure:
    """Photo rows (given, or width ÷ aspect in whole rows), caption lines and the credit's place."""
    width = grid.span_width(figure.span)
    rows = figure.rows if figure.rows is not None else max(1, round(width / figure.aspect / grid.leading))
    style, font = setter.styles["caption"], setter.font("caption")
    for text in (figure.caption, figure.credit or ""):
        missing = font.missing(text.replace(" ", ""))
        if missing:
            raise FontError(_("article {article}, figure caption: no font has {codes}").format(
                article=article, codes=", ".join(f"'{c}' U+{ord(c):04X}" for c in missing)), figure.where,
                _("replace the character in the caption or credit"))
    config = setter.config_for("caption", indent=0.0)
    caption = setter.paragraph([Span(figure.caption, font, "caption")], width, config).lines
    credit = setter.paragraph([Span(figure.credit, font, "caption", words=True)], width,
                              replace(config, align="left")).lines if figure.credit else ()
    check_fits(caption + credit, article, "figure caption")
    pitch = max(style.leading, CAPTION_PITCH * style.size)
    on_last = bool(credit) and len(credit) == 1 and caption[-1].width + style.size + credit[0].width <= width + 1e-6
    lines = len(caption) + (1 if credit and not on_last else 0)
    caption_rows = math.ceil((CAPTION_GAP + lines * pitch) / grid.leading - 1e-9)
    return SetFigure(spec=figure, photo_rows=rows, caption=caption, credit=credit[0] if credit else None,
                     credit_on_last=on_last, pitch=pitch, caption_rows=caption_rows)


def lay_out(figures: Sequence[SetFigure], cell: Cell, head: int, article: str) -> FigureLayout:
    """The figures on the slot's rows: `top` ones stacked down from the slot's top above the headline block
    (`head` rows, air included), `before-body` ones down from the body top under it, `bottom` ones up from
    the foot; a leg of text under, over or beside them of 1–4 lines, or figures that do not fit the column,
    is an error at the figure."""
    above = [f for f in figures if f.spec.place == "top"]
    lead = AIR_ROWS if above and cell.top > 0 else 0  # air between the text above the slot and its photo
    head_top = lead + sum(f.rows + AIR_ROWS for f in above)
    body_top = cell.top + head_top + head
    top = {c: body_top for c in cell.columns}
    foot = {c: cell.bottom for c in cell.columns}
    cores, row = [], cell.top + lead
    for figure in above:
        cores.append((figure, Cell(cell.column + figure.spec.column_offset, figure.spec.span, row, figure.rows)))
        row += figure.rows + AIR_ROWS
    if head_top and body_top > cell.bottom:
        _too_tall(above[-1], cell, head_top + head, article)
    for figure in figures:
        first = cell.column + figure.spec.column_offset
        columns = range(first, first + figure.spec.span)
        if figure.spec.place == "top":
            continue
        if figure.spec.place == "before-body":
            row = max(top[c] for c in columns)
            for c in columns:
                top[c] = row + figure.rows
        else:
            row = min(foot[c] for c in columns) - figure.rows
            for c in columns:
                foot[c] = row
        cores.append((figure, Cell(first, figure.spec.span, row, figure.rows)))
    for figure, core in cores:
        if figure.spec.place != "top":
            _check_legs(figure, core, top, foot, cell, article)
    placed = tuple(_above(figure, core) if figure.spec.place == "top" else _placed(figure, core, top, foot)
                   for figure, core in cores)
    starts, capacities = [], []
    for c in cell.columns:
        has_text = foot[c] - top[c] > 0
        first = top[c] + (AIR_ROWS if has_text and top[c] > body_top else 0)
        last = foot[c] - (AIR_ROWS if has_text and foot[c] < cell.bottom else 0)
        starts.append(first - body_top)
        capacities.append(max(0, last - first))
    if figures:
        _check_beside(figures, cores, cell, body_top, capacities)
    return FigureLayout(placed, tuple(starts), tuple(capacities), head_top)


FEWER_ROWS = N_("give the figure fewer rows (rows or aspect), or make the slot taller")


def _too_tall(figure: SetFigure, cell: Cell, needed: int, article: str) -> None:
    """Figures above the headline and the headline block taller than the slot: an error at the figure."""
    raise LayoutError(_("article {article}: the figures above the headline and the headline block need {needed} "
                        "rows, the slot has {rows}").format(article=article, needed=needed, rows=cell.rows),
                      figure.spec.where, _(FEWER_ROWS))


def _check_legs(figure: SetFigure, core: Cell, top: dict, foot: dict, cell: Cell, article: str) -> None:
    """The text left in a figure's columns: none, or at least LEG_MIN lines after the air row."""
    for c in core.columns:
        room = foot[c] - top[c]
        if room < 0:
            raise LayoutError(_("article {article}: the figure needs {rows} rows (photo {photo}, caption {caption}), "
                                "column {column} of the slot has {left} left for it").format(
                article=article, rows=figure.rows, photo=figure.photo_rows, caption=figure.caption_rows, column=c,
                left=room + figure.rows), figure.spec.where, _(FEWER_ROWS))
        leg = room - AIR_ROWS
        if 0 < leg < LEG_MIN:
            under = figure.spec.place == "before-body"
            message = (_("article {article}: the figure leaves a text leg of {lines} under it in column {column}; a "
                         "leg needs at least {minimum} lines") if under else
                       _("article {article}: the figure leaves a text leg of {lines} over it in column {column}; a "
                         "leg needs at least {minimum} lines"))
            hint = (_("make the figure {taller} taller (to the slot's foot) or {shorter} shorter, or change the "
                      "slot's lines") if under else
                    _("make the figure {taller} taller (to the slot's top) or {shorter} shorter, or change the "
                      "slot's lines"))
            raise LayoutError(message.format(article=article, lines=lines(max(0, leg)), column=c, minimum=LEG_MIN),
                              figure.spec.where, hint.format(taller=lines(room, "row"),
                                                             shorter=lines(LEG_MIN - max(0, leg), "row")))


def _check_beside(figures: Sequence[SetFigure], cores: list, cell: Cell, body_top: int,
                  capacities: list[int]) -> None:
    """Columns beside a figure keep the slot's full body height: it must hold at least LEG_MIN lines."""
    covered = {c for f, core in cores if f.spec.place != "top" for c in core.columns}
    if not covered:
        return
    body = cell.bottom - body_top
    for c in cell.columns:
        if c not in covered and body < LEG_MIN:
            figure = figures[0]
            raise LayoutError(_("the text beside the figure has {lines} lines in column {column}; a leg needs at "
                                "least {minimum} lines").format(lines=body, column=c, minimum=LEG_MIN),
                              figure.spec.where, _("make the slot taller"))


def _placed(figure: SetFigure, core: Cell, top: dict, foot: dict) -> Figure:
    """The placed figure: photo rows, and the excluded cell (core plus the air row toward any text)."""
    text_left = any(foot[c] - top[c] > 0 for c in core.columns)
    photo = Cell(core.column, core.span, core.top, figure.photo_rows)
    if figure.spec.place == "before-body":
        cell = Cell(core.column, core.span, core.top, core.rows + (AIR_ROWS if text_left else 0))
    else:
        cell = Cell(core.column, core.span, core.top - (AIR_ROWS if text_left else 0),
                    core.rows + (AIR_ROWS if text_left else 0))
    return _figure(figure, photo, cell)


def _above(figure: SetFigure, core: Cell) -> Figure:
    """A figure above the headline block: its photo and caption rows and the air row over the headline."""
    return _figure(figure, Cell(core.column, core.span, core.top, figure.photo_rows),
                   Cell(core.column, core.span, core.top, core.rows + AIR_ROWS))


def _figure(figure: SetFigure, photo: Cell, cell: Cell) -> Figure:
    """The plan's Figure for a set figure at its photo cell and excluded cell."""
    return Figure(file=figure.spec.file, photo=photo, cell=cell, caption=figure.caption, credit=figure.credit,
                  credit_on_last=figure.credit_on_last, pitch=figure.pitch, fit=figure.spec.fit,
                  focus=figure.spec.focus, where=figure.spec.where)
