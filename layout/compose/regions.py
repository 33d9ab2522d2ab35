"""Regions: a placement's cell minus its headline block and exclusions → the grid rows each column's text may use."""

from __future__ import annotations

from dataclasses import dataclass

from ..geometry import Cell
from ..makeup.plan import Placement


@dataclass(frozen=True)
class ColumnRows:
    """The body rows of one page column of a slot, top to bottom (0-based grid rows)."""

    column: int  # 1-based page column
    rows: tuple[int, ...]


@dataclass(frozen=True)
class Region:
    """Where a story's body lines may go: per column of its slot, the rows they sit on."""

    columns: tuple[ColumnRows, ...]
    starts: tuple[int, ...] = ()  # with exclusions: rows below the body top where each column's text starts

    @property
    def capacities(self) -> tuple[int, ...]:
        """Body lines each column holds."""
        return tuple(len(c.rows) for c in self.columns)


def body_region(placement: Placement) -> Region:
    """The body rows of a placement: below its headline block (and any figure above it), down to the cell's foot, outside exclusions."""
    cell = placement.cell
    first = cell.top + placement.head_top + placement.head_rows + placement.gap_rows
    columns = []
    for column in range(cell.column, cell.column + cell.span):
        rows = tuple(r for r in range(first, cell.bottom) if not _excluded(column, r, placement.exclusions))
        columns.append(ColumnRows(column, rows))
    if not placement.exclusions:
        return Region(tuple(columns))
    return Region(tuple(columns), tuple((c.rows[0] - first) if c.rows else 0 for c in columns))


def _excluded(column: int, row: int, exclusions: tuple[Cell, ...]) -> bool:
    """Whether grid cell (column, row) lies in one of the exclusions."""
    return any(e.column <= column < e.column + e.span and e.top <= row < e.bottom for e in exclusions)
