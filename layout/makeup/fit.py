"""Fit: how deep a set story is at a span, where a slot's slack goes, and the copy-fit of a placed story.

The arithmetic a 美编 does by hand: a story set at a span takes its headline block (占行) plus the body
lines spread over the columns (平衡栏: column lengths differ by at most one line); a slot taller than that
has spare rows, which the house policy gives first to the headline's air, then to a gap before the body;
what is left is white at the foot of the columns (开天窗), reported in lines and ≈字, never silent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from ..geometry import Cell
from ..spec import FitPolicy
from ..i18n import _, ngettext

OVERSET_MARGIN = 40  # body lines set past a fixed slot's rows before the rest is counted, not set (docs/limits.md)


@dataclass(frozen=True)
class Depth:
    """A story's depth at a span: headline block rows and body lines, in grid rows."""

    head_rows: int
    body_lines: int
    span: int

    @property
    def body_rows(self) -> int:
        """Rows of the tallest column when the body is balanced over the span."""
        return math.ceil(self.body_lines / self.span)

    @property
    def rows(self) -> int:
        """The rows the story needs: headline block plus its tallest column."""
        return self.head_rows + self.body_rows


@dataclass(frozen=True)
class Slack:
    """Spare rows of a slot as the house policy places them, and the rows it could not place."""

    air: int  # rows added to the headline block (split above and below it)
    gap: int  # rows between the headline block and the body
    left: int  # rows still empty at the foot of every column


def distribute(spare: int, policy: FitPolicy) -> Slack:
    """Give `spare` rows to the headline air up to its limit, then to the body gap, the rest is left."""
    air = min(max(0, spare), policy.headline_air)
    gap = min(max(0, spare) - air, policy.body_gap)
    return Slack(air, gap, max(0, spare) - air - gap)


def balanced(lines: int, capacities: Sequence[int]) -> list[int]:
    """Lines per column: `lines` spread evenly (differing by at most one, the first columns taking the
    extra lines), never more than a column holds; what a short column cannot take goes to the next ones."""
    columns = len(capacities)
    if columns == 0:
        return []
    base, extra = divmod(lines, columns)
    counts = [min(max(0, cap), base + (k < extra)) for k, cap in enumerate(capacities)]
    left = lines - sum(counts)
    for k, cap in enumerate(capacities):  # only with unequal capacities: fill the remainder in order
        take = min(left, max(0, cap) - counts[k])
        counts[k] += take
        left -= take
    return counts


def held(level: int, starts: Sequence[int], capacities: Sequence[int]) -> int:
    """Lines the columns hold when every one ends at body row `level` (or is full before it): a column
    whose text starts `starts[k]` rows below the body top and holds `capacities[k]` lines."""
    return sum(min(max(0, level - s), max(0, c)) for s, c in zip(starts, capacities))


def level_of(lines: int, starts: Sequence[int], capacities: Sequence[int], limit: int | None = None) -> int:
    """The body row the columns must reach (end on, or be full before) to hold `lines` (at most `limit`)."""
    level = 1
    while (limit is None or level < limit) and held(level, starts, capacities) < lines:
        level += 1
    return level


def level_counts(lines: int, capacities: Sequence[int], starts: Sequence[int]) -> list[int]:
    """Lines per column so that the columns end level (平衡栏 over unequal columns, e.g. beside a figure):
    every column ends on the same body row or one row higher, the first columns taking the extra lines;
    with equal columns and no starts this is `balanced`."""
    lines = min(lines, sum(max(0, c) for c in capacities))
    if lines <= 0:
        return [0] * len(capacities)
    level = level_of(lines, starts, capacities)
    counts = [min(max(0, level - 1 - s), max(0, c)) for s, c in zip(starts, capacities)]
    left = lines - sum(counts)
    for k, (s, c) in enumerate(zip(starts, capacities)):
        if left and min(max(0, level - s), max(0, c)) > counts[k]:
            counts[k] += 1
            left -= 1
    return counts


def square_delta(lines: int, capacities: Sequence[int], starts: Sequence[int]) -> int:
    """Lines to add (>0) or cut (<0) so that columns of unequal heights end level (0 when they do)."""
    total = sum(max(0, c) for c in capacities)
    if lines >= total or lines <= 0:
        return 0
    level = level_of(lines, starts, capacities)
    above, below = held(level, starts, capacities) - lines, lines - held(level - 1, starts, capacities)
    if above == 0:
        return 0
    return above if above <= below else -below


@dataclass(frozen=True, kw_only=True)
class CopyFit:
    """How a placed story fits its slot, in 行 (lines) and ≈字: what a 美编 needs to cut or add."""

    id: str
    page: int
    where: str  # the slot's manifest location
    cell: Cell
    head_rows: int  # rows above the body: figures at the slot's top, the headline block (air included)
    gap_rows: int
    body_lines: int
    counts: tuple[int, ...]  # body lines per column as filled
    capacities: tuple[int, ...]  # body lines each column of the slot holds (fewer where a figure is)
    characters: int  # 字 per column line (the measure)
    characters_over: int  # characters in the lines that did not fit (0 when nothing is over)
    starts: tuple[int, ...] = ()  # rows below the body top where each column's text starts (figures); () = 0
    part: int = 0  # 1 or 2: the part before or after a jump (转版); 0: the whole story
    unset_paragraphs: int = 0  # the last paragraphs counted, not set (the slot was full): body_lines is ≈

    @property
    def estimated(self) -> bool:
        """Whether body_lines (and over_lines) are an estimate: the last paragraphs were counted, not set."""
        return self.unset_paragraphs > 0

    @property
    def name(self) -> str:
        """The story as messages name it: 'lead', or 'lead (part 2)' for a part of a jump."""
        return self.id if not self.part else f"{self.id} (part {self.part})"

    @property
    def capacity(self) -> int:
        """Body lines the slot's fullest column holds."""
        return max(self.capacities, default=0)

    @property
    def over_lines(self) -> int:
        """Lines that do not fit the slot (overset)."""
        return max(0, self.body_lines - sum(self.capacities))

    @property
    def empty(self) -> tuple[int, ...]:
        """Empty lines at the foot of each column."""
        return tuple(cap - c for cap, c in zip(self.capacities, self.counts))

    @property
    def short_lines(self) -> int:
        """Empty lines in the slot's columns (underfull, 开天窗)."""
        return sum(self.empty)

    @property
    def status(self) -> str:
        """'exact' (every column ends on the slot's last baseline), 'short' or 'over'."""
        if self.over_lines:
            return "over"
        return "short" if self.short_lines else "exact"

    @property
    def square_lines(self) -> int:
        """Lines to add (>0) or cut (<0) so that the columns end level (0 when they do, or on overset)."""
        return square_delta(self.body_lines, self.capacities, self.starts or (0,) * len(self.capacities))

    def message(self) -> str:
        """One line for the summary and `layout fit`, in 行 and ≈字."""
        if self.status == "over" and self.estimated:
            return _("article {article} on page {page}: over by ≈ {lines} ({characters} 字 to cut; the last "
                     "paragraphs counted, not set)").format(article=self.name, page=self.page,
                                                           lines=lines(self.over_lines),
                                                           characters=self.characters_over)
        if self.status == "over":
            return _("article {article} on page {page}: over by {lines} (≈ {characters} 字 to cut)").format(
                article=self.name, page=self.page, lines=lines(self.over_lines), characters=self.characters_over)
        if self.status == "short":
            return _("article {article} on page {page}: {lines} at the foot of {columns} (≈ {characters} 字 to add)"
                     ).format(article=self.name, page=self.page, lines=empty_lines(self.short_lines),
                              columns=_columns(self.cell, self.empty), characters=self.short_lines * self.characters)
        return _("article {article} on page {page}: fits exactly").format(article=self.name, page=self.page)


def lines(count: int, noun: str = "line") -> str:
    """'1 line', '3 lines' (a noun other than line, row or empty line is not translated)."""
    if noun == "line":
        return ngettext("{count} line", "{count} lines", count).format(count=count)
    if noun == "row":
        return ngettext("{count} row", "{count} rows", count).format(count=count)
    if noun == "empty line":
        return empty_lines(count)
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def empty_lines(count: int) -> str:
    """'1 empty line', '3 empty lines' (开天窗)."""
    return ngettext("{count} empty line", "{count} empty lines", count).format(count=count)


def _columns(cell: Cell, empty: Sequence[int]) -> str:
    """'column 5' or 'columns 5–6' (or '1, 3'): the page columns that have empty lines."""
    cols = [cell.column + k for k, e in enumerate(empty) if e]
    if len(cols) == 1:
        return _("column {column}").format(column=cols[0])
    if cols == list(range(cols[0], cols[-1] + 1)):
        return _("columns {first}–{last}").format(first=cols[0], last=cols[-1])
    return "columns " + ", ".join(str(c) for c in cols)


def free_cells(cells: Sequence[Cell], columns: int, first: int, rows: int) -> tuple[Cell, ...]:
    """The parts of the type area (rows `first`…`rows`−1, all columns) that no cell covers, as cells:
    per column the runs of uncovered rows, neighbouring columns with the same run joined."""
    runs: list[Cell] = []
    for column in range(1, columns + 1):
        covered = [False] * rows
        for cell in cells:
            if cell.column <= column < cell.column + cell.span:
                for r in range(max(cell.top, 0), min(cell.bottom, rows)):
                    covered[r] = True
        row = first
        while row < rows:
            if covered[row]:
                row += 1
                continue
            end = row
            while end < rows and not covered[end]:
                end += 1
            runs.append(Cell(column, 1, row, end - row))
            row = end
    return _joined(runs)


def _joined(runs: list[Cell]) -> tuple[Cell, ...]:
    """Column runs with the same rows in neighbouring columns joined into one cell."""
    out: list[Cell] = []
    for run in sorted(runs, key=lambda c: (c.top, c.rows, c.column)):
        last = out[-1] if out else None
        if last and (last.top, last.rows) == (run.top, run.rows) and last.column + last.span == run.column:
            out[-1] = Cell(last.column, last.span + 1, last.top, last.rows)
        else:
            out.append(run)
    return tuple(sorted(out, key=lambda c: (c.column, c.top)))


def free_area(cell: Cell) -> str:
    """An area in words: 'rows 80–86 of columns 1–3 (7 rows × 3 columns)'."""
    cols = (_("column {column}").format(column=cell.column) if cell.span == 1 else
            _("columns {first}–{last}").format(first=cell.column, last=cell.column + cell.span - 1))
    rows = (_("row {row}").format(row=cell.top) if cell.rows == 1 else
            _("rows {first}–{last}").format(first=cell.top, last=cell.bottom - 1))
    return _("{rows} of {columns} ({row_count} rows × {column_count} columns)").format(
        rows=rows, columns=cols, row_count=cell.rows, column_count=cell.span)


def unplaced_message(page: int, cell: Cell) -> str:
    """A page area no slot covers, in words: 'page 3: rows 80–86 of column 1 (7 rows × 1 columns) in no slot'."""
    return _("page {page}: {area} in no slot").format(page=page, area=free_area(cell))


@dataclass(frozen=True)
class Target:
    """A way to fill a slot: body rows per column, lines to add (拉行) or remove (缩行), white left."""

    rows: int  # body rows of every column
    delta: int  # lines the body must gain (>0) or lose (<0) for its columns to end level at `rows`
    white: int  # empty lines the slot keeps after the house policy's slack (0: exact fill)


def column_targets(lines: int, starts: Sequence[int], capacities: Sequence[int], most: int) -> list[Target]:
    """The ways to square a body over columns of unequal heights (a figure in the slot), best first: least
    white, then fewest lines changed, then taller columns; `most` lines can change at most."""
    total = sum(max(0, c) for c in capacities)
    found = []
    for level in range(1, max((s + c for s, c in zip(starts, capacities)), default=0) + 1):
        fill = held(level, starts, capacities)
        if abs(fill - lines) <= most and fill > held(level - 1, starts, capacities):
            found.append(Target(level, fill - lines, total - fill))
    return sorted(found, key=lambda t: (t.white, abs(t.delta), -t.rows))


def targets(lines: int, span: int, body_rows: int | None, slack: FitPolicy, most: int) -> list[Target]:
    """The ways to square a body of `lines` over `span` columns, best first: least white, then fewest
    lines changed, then taller columns. `body_rows` None: the slot takes what it needs (auto height);
    `most`: lines the copy can change at most (one per paragraph)."""
    if lines <= 0:
        return [Target(0, 0, (body_rows or 0) * span)]
    low = max(1, math.ceil((lines - most) / span))
    high = math.floor((lines + most) / span) if body_rows is None else min(body_rows, math.floor((lines + most) / span))
    if body_rows is None:
        high = min(high, math.ceil(lines / span))
    found = []
    for rows in range(low, high + 1):
        delta = rows * span - lines
        spare = 0 if body_rows is None else body_rows - rows
        found.append(Target(rows, delta, max(0, spare - slack.headline_air - slack.body_gap) * span))
    return sorted(found, key=lambda t: (t.white, abs(t.delta), -t.rows))
