"""Flow: fill a slot's columns with set lines, one grid row per body line; overflow is returned, never dropped."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from .lines import Line


@dataclass(frozen=True)
class PlacedLine:
    """A body line assigned to a column (0-based within the slot) and a row (0-based within the column)."""

    line: Line
    column: int
    row: int


@dataclass(frozen=True)
class ColumnFill:
    """The result of filling columns: placed lines, and the lines that did not fit (overset)."""

    placed: tuple[PlacedLine, ...]
    overflow: tuple[Line, ...]
    rows_used: int  # rows used in the fullest column

    @property
    def characters_over(self) -> int:
        """Characters (not counting spaces) in the overflow lines."""
        return sum(1 for line in self.overflow for g in line.glyphs if not g.char.isspace())


def fill_columns(lines: Sequence[Line], columns: int, rows: int) -> ColumnFill:
    """Fill `columns` columns of at most `rows` rows in reading order, balanced (平衡栏).

    Every column but the last gets ceil(lines / columns) rows, so an article shorter than its slot
    ends at one height across its columns instead of leaving one long and one short column.
    """
    capacity = max(0, columns * rows)
    depth = min(rows, math.ceil(len(lines) / columns)) if columns > 0 and rows > 0 else 0
    placed = tuple(PlacedLine(line, i // depth, i % depth) for i, line in enumerate(lines[:capacity]))
    return ColumnFill(placed, tuple(lines[capacity:]), depth)
