"""Geometry: whole-字 measure, centred type area, rows, slot boxes, baselines."""

import pytest

from layout.geometry import EM_BOX_ASCENT, Cell, make_grid
from layout.spec import GridSpec, Margins


def grid(width=480.0, height=640.0, columns=4, gutter=10.0, measure=None):
    return make_grid(width, height, Margins(20, 20, 20, 20), GridSpec(columns=columns, gutter=gutter, body_size=10, leading=15,
                                                                            measure=measure))


def test_measure_is_whole_characters():
    g = grid(width=485.0)  # 445 pt available: (445+10)/4-10 = 103.75 → 10 字 = 100 pt
    assert g.measure == 100


def test_type_area_is_centred_in_the_margins():
    g = grid(width=485.0)
    used = 4 * 100 + 3 * 10
    assert g.type_area.width == used
    assert g.type_area.x0 == pytest.approx(20 + (445 - used) / 2)


def test_rows_fill_the_height_from_the_top_margin():
    g = grid(height=640.0)  # 600 pt / 15 = 40 rows
    assert g.rows == 40
    assert g.type_area.y1 == 620
    assert g.type_area.y0 == 20


def test_column_boxes_step_by_measure_plus_gutter():
    g = grid(width=480.0)
    assert g.column_box(2).x0 - g.column_box(1).x0 == 110
    assert g.column_box(1).width == 100


def test_cell_box_spans_columns_and_rows():
    g = grid()
    box = g.cell_box(Cell(2, 2, 3, 5))
    assert box.x0 == g.column_box(2).x0 and box.x1 == g.column_box(3).x1
    assert box.y1 == g.row_top(3) and box.height == 5 * 15


def test_a_cell_down_to_the_last_row_ends_at_the_type_area_foot():
    g = grid()
    assert g.cell_box(Cell(1, 1, 10, g.rows - 10)).y0 == g.type_area.y0


def test_span_width_and_characters_per_column():
    g = grid(width=480.0)
    assert g.span_width(1) == 100 and g.span_width(3) == 320
    assert g.characters == 10


def test_baseline_centres_the_em_box_in_the_row():
    g = grid()
    # row 0: top 620, em box 10 pt centred in 15 pt → top of em 617.5, baseline 0.88 em below
    assert g.baseline(0) == pytest.approx(620 - 2.5 - EM_BOX_ASCENT * 10)
    assert g.baseline(1) - g.baseline(0) == pytest.approx(-15)
