"""Flow: lines fill a slot's columns top to bottom; overflow is returned with counts."""

from layout.compose.flow import fill_columns
from layout.typeset.lines import Line


def lines(n, chars=10):
    return [Line(glyphs=(), measure=100.0, width=100.0, first=False, last=False) for _ in range(n)]


def test_lines_fill_first_column_then_the_next():
    fill = fill_columns(lines(7), [4] * 2)
    assert [(p.column, p.row) for p in fill.placed] == [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2)]
    assert fill.overflow == ()


def test_placed_lines_keep_their_order():
    src = lines(7)
    fill = fill_columns(src, [10] * 3)
    assert all(p.line is line for p, line in zip(fill.placed, src)) and len(fill.placed) == 7


def per_column(fill, columns):
    return [sum(1 for p in fill.placed if p.column == c) for c in range(columns)]


def test_short_text_is_balanced_over_the_columns():
    # 7 lines in 3 columns of 10 rows: 3, 2, 2 — not 7, 0, 0
    fill = fill_columns(lines(7), [10] * 3)
    assert per_column(fill, 3) == [3, 2, 2]
    assert fill.resume_at == 7 and not fill.overflow


def test_balancing_never_leaves_a_column_empty():
    assert per_column(fill_columns(lines(5), [10] * 4), 4) == [2, 1, 1, 1]
    assert per_column(fill_columns(lines(9), [10] * 8), 8) == [2, 1, 1, 1, 1, 1, 1, 1]


def test_overflow_keeps_every_line_that_does_not_fit():
    src = lines(11)
    fill = fill_columns(src, [4] * 2)
    assert len(fill.placed) == 8
    assert list(fill.overflow) == src[8:]


def test_no_rows_means_everything_overflows():
    fill = fill_columns(lines(3), [0] * 2)
    assert fill.placed == () and len(fill.overflow) == 3


def test_resume_at_is_the_first_line_that_did_not_fit():
    src = lines(11)
    fill = fill_columns(src, [4, 4])
    assert fill.resume_at == 8 and fill.overflow == tuple(src[8:])


def test_a_shorter_column_passes_its_remainder_on():
    # a figure takes 3 rows of the first column: 7 lines over columns of 2 and 5 rows
    assert per_column(fill_columns(lines(7), [2, 5]), 2) == [2, 5]
