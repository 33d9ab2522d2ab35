"""Flow: fill a region's columns with set lines, one grid row per body line; overflow is returned, never dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..article import visible_characters
from ..makeup.fit import balanced, level_counts
from ..typeset.lines import Line


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
    resume_at: int  # index of the first line not placed (== number of lines placed): where a jump resumes
    counts: tuple[int, ...] = ()  # lines placed in each column

    @property
    def characters_over(self) -> int:
        """Characters (not counting spaces) in the overflow lines."""
        return sum(visible_characters(line.text) for line in self.overflow)


def fill_columns(lines: Sequence[Line], capacities: Sequence[int], starts: Sequence[int] = ()) -> ColumnFill:
    """Fill columns holding `capacities` lines each in reading order, balanced (平衡栏).

    Text that fits is spread so that column lengths differ by at most one line (the first columns
    take the extra lines); text that does not fit fills every column and the rest is overflow. With
    `starts` (a figure in the slot: columns start lower or hold fewer lines) the columns end level.
    """
    capacity = sum(max(0, c) for c in capacities)
    placed = lines[:capacity]
    counts = level_counts(len(placed), capacities, starts) if starts else balanced(len(placed), capacities)
    out, index = [], 0
    for column, count in enumerate(counts):
        out.extend(PlacedLine(line, column, row) for row, line in enumerate(placed[index:index + count]))
        index += count
    return ColumnFill(tuple(out), tuple(lines[capacity:]), len(placed), tuple(counts))
