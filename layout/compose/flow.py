"""Flow: fill a slot's columns with set lines, one grid row per body line; overflow is returned, never dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..typeset.lines import Line
from ..article import visible_characters


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
        return sum(visible_characters(line.text) for line in self.overflow)


def fill_columns(lines: Sequence[Line], columns: int, rows: int) -> ColumnFill:
    """Fill `columns` columns of at most `rows` rows in reading order, balanced (平衡栏).

    Text that fits is spread so that column lengths differ by at most one line (the first columns
    take the extra lines); text that does not fit fills every column and the rest is overflow.
    """
    capacity = max(0, columns * rows)
    placed = lines[:capacity]
    counts = _balanced(len(placed), columns, rows)
    out, index = [], 0
    for column, count in enumerate(counts):
        out.extend(PlacedLine(line, column, row) for row, line in enumerate(placed[index:index + count]))
        index += count
    return ColumnFill(tuple(out), tuple(lines[capacity:]), max(counts, default=0))


def _balanced(n: int, columns: int, rows: int) -> list[int]:
    """Lines per column: n spread evenly (differing by at most one), never more than `rows`."""
    if columns <= 0 or rows <= 0:
        return []
    base, extra = divmod(n, columns)
    return [min(rows, base + (k < extra)) for k in range(columns)]
