"""Fixed planner: a manifest page's slots become placements; headline rows as the story needs or as given."""

from dataclasses import replace

import pytest

from layout.errors import LayoutError
from layout.geometry import Cell
from worlds import article, make_issue, make_world

BODY = "正文" * 60 + "。"


def test_slots_become_cells_and_rest_reaches_the_foot(tiny_font_path):
    issue = make_issue((article("a", 1, 2, 0, 12), article("b", 3, 2, 5, None)), rows=40)
    world = make_world(tiny_font_path, issue, {"a": "headline: 甲\n\n" + BODY, "b": BODY})
    plan = world.plan(issue.pages[0])
    assert [p.cell for p in plan.placements] == [Cell(1, 2, 0, 12), Cell(3, 2, 5, 35)]
    # a: 13 lines need 3 + 7 rows, the 2 spare rows are headline air; b has no headline block to air
    assert [p.head_rows for p in plan.placements] == [3 + 2, 0]
    assert plan.placements[0].shape.width == 210.0 and plan.placements[0].shape.measure == 100.0
    assert plan.label == "A02"


def test_headline_lines_gives_the_block_its_rows(tiny_font_path):
    issue = make_issue((replace(article("a", 1, 2, 0, 12), headline_lines=6),))
    world = make_world(tiny_font_path, issue, {"a": "headline: 甲\n\n" + BODY})
    assert world.plan(issue.pages[0]).placements[0].head_rows == 6


def test_a_headline_block_taller_than_its_slot_is_an_error(tiny_font_path):
    issue = make_issue((article("a", 1, 2, 0, 2),))
    world = make_world(tiny_font_path, issue, {"a": "headline: 甲\n\n" + BODY})
    with pytest.raises(LayoutError, match="needs 3 body lines, the slot holds 2"):
        world.plan(issue.pages[0])
