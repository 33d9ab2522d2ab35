"""Flow: lines fill a slot's columns top to bottom; overflow is returned with counts."""

from layout.flow import fill_columns
from layout.lines import Line


def lines(n, chars=10):
    return [Line((), 100.0, 100.0, False, False) for _ in range(n)]


def test_lines_fill_first_column_then_the_next():
    fill = fill_columns(lines(7), columns=2, rows=4)
    assert [(p.column, p.row) for p in fill.placed] == [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2)]
    assert fill.overflow == ()


def test_short_text_is_balanced_over_the_columns():
    # 7 lines in 3 columns of 10 rows: 3, 3, 1 — not 7, 0, 0
    fill = fill_columns(lines(7), columns=3, rows=10)
    assert [sum(1 for p in fill.placed if p.column == c) for c in range(3)] == [3, 3, 1]
    assert fill.rows_used == 3


def test_overflow_keeps_every_line_that_does_not_fit():
    src = lines(11)
    fill = fill_columns(src, columns=2, rows=4)
    assert len(fill.placed) == 8
    assert list(fill.overflow) == src[8:]


def test_no_rows_means_everything_overflows():
    fill = fill_columns(lines(3), columns=2, rows=0)
    assert fill.placed == () and len(fill.overflow) == 3
