"""Overset stop: a story far longer than its fixed slot is set only to the slot's capacity plus a margin;
the rest is counted, not set — exact characters over, lines ≈ (makeup.fixed budget, typeset.story Unset)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from layout.errors import LayoutError
from layout.makeup.fit import OVERSET_MARGIN
from layout.spec import FitPolicy
from layout.typeset.story import Shape
from worlds import article, make_issue, make_world

PARAGRAPHS = 300
# 25 Han + the 2-字 indent = 27 字: 3 lines of a 10-字 column (10, 10, 7); 缩行 can take 1 of them
PARAGRAPH = "正文内容" * 6 + "正"
TEXT = "headline: 标题\n\n" + "\n\n".join(PARAGRAPH for _ in range(PARAGRAPHS)) + "\n"


def compose(tiny_font_path, lines):
    """Article a in column 1 (10 字), `lines` rows from the top; the page, the world and the placement."""
    issue = replace(make_issue((article("a", 1, 1, 0, lines),)), fit=FitPolicy(0, 0))
    world = make_world(tiny_font_path, issue, {"a": TEXT})
    page = world.compose(issue.pages[0])
    return page, world, world.plan(issue.pages[0]).placements[0]


def test_a_story_far_longer_than_its_slot_is_set_to_capacity_plus_margin(tiny_font_path):
    page, world, placement = compose(tiny_font_path, 10)  # 3 headline rows, 7 body lines
    budget = 10 + OVERSET_MARGIN  # every row of the slot's column, plus the margin
    assert placement.budget == budget
    story = world.desk.story("a", placement.shape, placement.loosen, placement.budget)
    # each paragraph keeps 2 of its 3 lines however it is squared: setting stops once more than 50 are kept
    assert story.paragraphs == (3,) * 26 and len(story.body) == 78
    assert story.unset.paragraphs == PARAGRAPHS - 26
    assert story.unset.characters == (PARAGRAPHS - 26) * 25  # exact
    assert story.unset.lines == (PARAGRAPHS - 26) * 3  # ⌈(25 + 2) / 10⌉ each: here the estimate is exact
    over = page.articles[0].overset
    assert (over.lines_needed, over.lines_available, over.estimated) == (900, 7, True)
    assert over.characters_over == PARAGRAPHS * 25 - (25 + 25 + 8)  # all but the 7 lines placed (8 after an indent)
    assert "needs ≈ 900 lines, slot holds 7 (≈ 893 lines, 7442 characters over; the last 274 paragraphs " \
           "counted, not set)" in over.message()
    fit = page.articles[0].fit
    assert (fit.body_lines, fit.over_lines, fit.characters_over, fit.estimated) == (900, 893, 7442, True)
    assert "over by ≈ 893 lines (7442 字 to cut" in fit.message()


def test_the_lines_placed_are_those_of_the_whole_story(tiny_font_path):
    page, world, placement = compose(tiny_font_path, 10)
    whole = world.desk.story("a", placement.shape)  # every paragraph set, as before the stop
    assert whole.unset is None and len(whole.body) == 900
    placed = [r.text for r in page.articles[0].lines if r.kind == "body"]
    assert placed == [line.text for line in whole.body[:7]]
    over = page.articles[0].overset
    assert over.lines_needed == len(whole.body)
    assert over.characters_over == sum(len(line.text) for line in whole.body[7:])


def test_a_story_that_ends_within_its_budget_is_the_whole_story(tiny_font_path):
    issue = replace(make_issue((article("a", 1, 1, 0, 10),)), fit=FitPolicy(0, 0))
    short = "headline: 标题\n\n" + "\n\n".join(PARAGRAPH for _ in range(10)) + "\n"  # 30 lines: over, not far
    world = make_world(tiny_font_path, issue, {"a": short})
    placement = world.plan(issue.pages[0]).placements[0]
    assert placement.budget is None  # nothing was left unset: the build asks for the whole story
    story = world.desk.story("a", placement.shape)
    assert story.unset is None and len(story.body) == 30
    over = world.compose(issue.pages[0]).articles[0].overset
    assert (over.lines_needed, over.estimated) == (30, False)
    assert "needs 30 lines, slot holds 7 (23 lines" in over.message() and "not set" not in over.message()


def test_auto_height_sets_the_whole_story(tiny_font_path):
    issue = replace(make_issue((article("a", 1, 1, 0, "auto"),), rows=1000), fit=FitPolicy(0, 0))
    world = make_world(tiny_font_path, issue, {"a": TEXT})
    placement = world.plan(issue.pages[0]).placements[0]
    assert placement.budget is None and placement.cell.rows == 3 + 900
    assert world.desk.story("a", Shape(100.0, 100.0)).unset is None


def test_auto_height_past_the_type_area_is_an_error_with_the_estimate(tiny_font_path):
    issue = replace(make_issue((article("a", 1, 1, 0, "auto"),), rows=40), fit=FitPolicy(0, 0))
    world = make_world(tiny_font_path, issue, {"a": TEXT})
    with pytest.raises(LayoutError, match="lines: auto needs ≈ 903 rows from row 0, the type area has 40 left"):
        world.plan(issue.pages[0])
    assert len(world.desk.story("a", Shape(100.0, 100.0), (), 40 + OVERSET_MARGIN).paragraphs) == 41
