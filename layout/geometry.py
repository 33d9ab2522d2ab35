"""Geometry: rectangles (Rect) and the page grid (type area, columns, baseline rows); pure arithmetic."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .spec import GridSpec, Margins

PAGE_FORMATS = {  # trim sizes in mm (PRINT.md: 对开 broadsheet, 四开 tabloid)
    "broadsheet": (390.0, 540.0),
    "tabloid": (270.0, 390.0),
}
EM_BOX_ASCENT = 0.88  # ideographic em box: baseline sits 0.88 em below its top (Noto CJK typo ascender)


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in pt, PDF coordinates (origin bottom-left)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def contains(self, other: "Rect", tol: float = 1e-6) -> bool:
        """Whether `other` lies inside this rectangle (within `tol` pt)."""
        return (self.x0 - tol <= other.x0 and self.y0 - tol <= other.y0
                and other.x1 <= self.x1 + tol and other.y1 <= self.y1 + tol)

    def overlaps(self, other: "Rect") -> bool:
        """Whether the two rectangles share an area (touching edges do not count)."""
        return other.x0 < self.x1 and self.x0 < other.x1 and other.y0 < self.y1 and self.y0 < other.y1

    def __str__(self) -> str:
        return "[" + " ".join(f"{v:g}" for v in (self.x0, self.y0, self.x1, self.y1)) + "]"


@dataclass(frozen=True)
class Cell:
    """A rectangle of the page grid: 1-based first column, span, 0-based top row, rows."""

    column: int
    span: int
    top: int
    rows: int

    @property
    def bottom(self) -> int:
        """The row just below the cell."""
        return self.top + self.rows

    @property
    def columns(self) -> range:
        """The 1-based page columns of the cell."""
        return range(self.column, self.column + self.span)


@dataclass(frozen=True, kw_only=True)
class PageGrid:
    """The page's type area (版心), column measure and baseline rows, in pt (PDF coordinates)."""

    width: float  # page (trim) width
    height: float
    type_area: Rect
    columns: int
    measure: float  # one column's width (a whole number of body 字)
    gutter: float
    leading: float  # one body line (grid row) height
    body_size: float
    rows: int  # body lines in the type area

    def column_box(self, column: int) -> Rect:
        """The box of 1-based `column` over the whole type-area height."""
        x0 = self.type_area.x0 + (column - 1) * (self.measure + self.gutter)
        return Rect(x0, self.type_area.y0, x0 + self.measure, self.type_area.y1)

    def row_top(self, row: int) -> float:
        """y of the top of 0-based grid row `row` (row == rows gives the bottom of the grid)."""
        return self.type_area.y1 - row * self.leading

    def baseline(self, row: int, size: float | None = None) -> float:
        """Baseline y of 0-based row `row` for type of `size` (em box centred in the row)."""
        return band_baseline(self.row_top(row), self.leading, self.body_size if size is None else size)

    def cell_box(self, cell: "Cell") -> Rect:
        """The area of a grid cell: its columns and rows (gutters between its columns included)."""
        first, last = self.column_box(cell.column), self.column_box(cell.column + cell.span - 1)
        return Rect(first.x0, self.row_top(cell.bottom), last.x1, self.row_top(cell.top))

    def span_width(self, span: int) -> float:
        """The width of `span` columns with the gutters between them."""
        return span * self.measure + (span - 1) * self.gutter

    @property
    def characters(self) -> int:
        """Body characters (字) per column line: the measure in whole body sizes."""
        return int(self.measure / self.body_size + 1e-9)


def band_baseline(top: float, height: float, size: float) -> float:
    """Baseline of type of `size` whose em box is centred in a horizontal band from `top` down."""
    return top - (height - size) / 2 - EM_BOX_ASCENT * size


def make_grid(page_width: float, page_height: float, margins: Margins, spec: GridSpec) -> PageGrid:
    """Fit the column grid into the margins: whole-字 measure, type area centred horizontally."""
    avail_w = page_width - margins.left - margins.right
    avail_h = page_height - margins.top - margins.bottom
    measure = spec.measure
    if measure is None:
        chars = math.floor(((avail_w + spec.gutter) / spec.columns - spec.gutter) / spec.body_size + 1e-9)
        measure = chars * spec.body_size
    used_w = spec.columns * measure + (spec.columns - 1) * spec.gutter
    x0 = margins.left + (avail_w - used_w) / 2
    rows = math.floor(avail_h / spec.leading + 1e-9)
    top = page_height - margins.top
    area = Rect(x0, top - rows * spec.leading, x0 + used_w, top)
    return PageGrid(width=page_width, height=page_height, type_area=area, columns=spec.columns, measure=measure,
                    gutter=spec.gutter, leading=spec.leading, body_size=spec.body_size, rows=rows)
