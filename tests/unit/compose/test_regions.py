"""Regions: a placement's body rows start under its headline block and skip its exclusions."""

from layout.compose.regions import body_region
from layout.geometry import Cell
from layout.makeup.plan import Placement
from layout.typeset.story import Shape


def placement(cell: Cell, head_rows: int, exclusions=()) -> Placement:
    return Placement(id="a", cell=cell, shape=Shape(100, 210), head_rows=head_rows, where="pages[0]",
                     exclusions=tuple(exclusions))


def test_body_rows_start_below_the_headline_block():
    region = body_region(placement(Cell(2, 2, 10, 8), head_rows=3))
    assert [c.column for c in region.columns] == [2, 3]
    assert region.columns[0].rows == (13, 14, 15, 16, 17)
    assert region.capacities == (5, 5)


def test_an_exclusion_removes_whole_rows_of_its_columns_only():
    region = body_region(placement(Cell(1, 2, 0, 10), head_rows=2, exclusions=[Cell(2, 1, 2, 4)]))
    assert region.columns[0].rows == tuple(range(2, 10))
    assert region.columns[1].rows == (6, 7, 8, 9)
