"""Fit and fill: auto heights, stacking, slack by house policy, underfull counts, areas in no slot (tiny font)."""

from dataclasses import replace

import pytest

from layout.errors import LayoutError
from layout.geometry import Cell
from layout.makeup.fit import Depth, balanced, distribute, free_area, free_cells
from layout.spec import AUTO, FitPolicy
from worlds import article, make_issue, make_world

# 10-字 columns: 2-字 indent + 58 字 = 60 字 → 6 lines per paragraph; headline 20 pt on 15 pt rows → 3 rows
PARA = "正" * 57 + "。"


def text(paragraphs: int) -> str:
    return "headline: 标题\n\n" + "\n\n".join([PARA] * paragraphs)


def fits(tiny_font_path, texts, *articles, rows=40, policy=FitPolicy()):
    issue = replace(make_issue(tuple(articles), rows=rows), fit=policy)
    world = make_world(tiny_font_path, issue, texts)
    page = world.compose(issue.pages[0])
    return {a.id: a.fit for a in page.articles}, world.plan(issue.pages[0])


def test_depth_is_headline_rows_plus_the_tallest_balanced_column():
    assert Depth(3, 13, 2).rows == 3 + 7
    assert Depth(3, 12, 2).rows == 3 + 6


def test_slack_goes_to_headline_air_then_body_gap_then_stays():
    assert distribute(1, FitPolicy(2, 1)) == distribute(1, FitPolicy(2, 1))
    assert (distribute(1, FitPolicy(2, 1)).air, distribute(1, FitPolicy(2, 1)).gap) == (1, 0)
    s = distribute(5, FitPolicy(2, 1))
    assert (s.air, s.gap, s.left) == (2, 1, 2)


def test_balanced_fill_puts_the_extra_lines_in_the_first_columns():
    assert balanced(7, [10, 10, 10]) == [3, 2, 2]
    assert balanced(30, [10, 10, 10]) == [10, 10, 10]


def test_auto_height_takes_exactly_the_rows_the_story_needs(tiny_font_path):
    # 2 paragraphs = 12 lines over 2 columns = 6 rows, + 3 headline rows
    fit, plan = fits(tiny_font_path, {"a": text(2)}, article("a", 1, 2, 0, AUTO))
    assert plan.placements[0].cell == Cell(1, 2, 0, 9)
    assert fit["a"].status == "exact" and fit["a"].counts == (6, 6)


def test_top_auto_stacks_under_the_previous_story_in_the_same_columns(tiny_font_path):
    fit, plan = fits(tiny_font_path, {"a": text(2), "b": text(1), "c": text(1)},
                     article("a", 1, 2, 0, AUTO), article("b", 1, 2, AUTO, AUTO), article("c", 3, 2, AUTO, AUTO))
    cells = [p.cell for p in plan.placements]
    assert cells == [Cell(1, 2, 0, 9), Cell(1, 2, 9, 6), Cell(3, 2, 0, 6)]


def test_slack_in_a_fixed_slot_is_squared_then_goes_to_the_headline_then_is_reported(tiny_font_path):
    # 12 lines in a 14-row slot (3 headline rows + 11): both paragraphs set a line longer (拉行) → 7 rows;
    # the 4 spare rows: 2 headline air, 1 gap, 1 row (2 lines) underfull
    fit, plan = fits(tiny_font_path, {"a": text(2)}, article("a", 1, 2, 0, 14))
    p = plan.placements[0]
    assert p.loosen == ((0, 1), (1, 1)) and fit["a"].body_lines == 14
    assert (p.head_rows, p.gap_rows) == (3 + 2, 1)
    assert fit["a"].status == "short" and fit["a"].empty == (1, 1) and fit["a"].short_lines == 2
    assert fit["a"].message() == ("article a on page 2: 2 empty lines at the foot of columns 1–2 "
                                  "(≈ 20 字 to add)")


def test_uneven_columns_are_squared_by_setting_paragraphs_a_line_longer(tiny_font_path):
    # 3 paragraphs = 18 lines over 4 columns in a 5-row body: two paragraphs 拉行 → 20 lines, 5 per column
    fit, plan = fits(tiny_font_path, {"a": text(3)}, article("a", 1, 4, 0, 8))
    assert fit["a"].status == "exact" and fit["a"].counts == (5, 5, 5, 5)
    assert len(plan.placements[0].loosen) == 2


def test_columns_that_cannot_be_squared_are_underfull_with_the_columns_named(tiny_font_path):
    # three one-line paragraphs: none can lose a line, none can gain one without a 孤字 → 2 + 1 lines
    fit, plan = fits(tiny_font_path, {"a": "\n\n".join(["正正。"] * 3)}, article("a", 1, 2, 0, 2))
    assert plan.placements[0].loosen == () and fit["a"].counts == (2, 1)
    assert fit["a"].message() == "article a on page 2: 1 empty line at the foot of column 2 (≈ 10 字 to add)"
    assert fit["a"].square_lines == 1


def test_headline_lines_given_by_the_editor_takes_no_slack(tiny_font_path):
    spec = replace(article("a", 1, 2, 0, 14), headline_lines=3)
    fit, plan = fits(tiny_font_path, {"a": text(2)}, spec)
    assert (plan.placements[0].head_rows, plan.placements[0].gap_rows) == (3, 0)
    # no slack to place: squared to 7 rows (+2 lines, one per paragraph), 4 rows × 2 columns stay empty
    assert fit["a"].short_lines == 2 * 4


def test_overset_counts_match_the_copy_fit(tiny_font_path):
    fit, _ = fits(tiny_font_path, {"a": text(2)}, article("a", 1, 1, 0, 8))
    assert fit["a"].status == "over" and fit["a"].over_lines == 12 - 5
    assert fit["a"].characters_over > 0


def test_areas_in_no_slot_are_listed_as_cells(tiny_font_path):
    _, plan = fits(tiny_font_path, {"a": text(1)}, article("a", 1, 2, 0, 10), rows=20)
    assert plan.unplaced == (Cell(1, 2, 10, 10), Cell(3, 2, 0, 20))
    assert free_area(plan.unplaced[0]) == "rows 10–19 of columns 1–2 (10 rows × 2 columns)"


def test_free_cells_join_neighbouring_columns_with_the_same_rows():
    assert free_cells([Cell(1, 1, 0, 5), Cell(2, 1, 0, 5)], 3, 0, 5) == (Cell(3, 1, 0, 5),)
    assert free_cells([], 2, 2, 5) == (Cell(1, 2, 2, 3),)


def test_auto_height_past_the_type_area_is_an_error_at_the_slot(tiny_font_path):
    with pytest.raises(LayoutError, match="lines: auto needs 63 rows from row 0") as err:
        fits(tiny_font_path, {"a": text(10)}, article("a", 1, 1, 0, AUTO), rows=40)
    assert err.value.where == "pages[0].articles[a].slot"


def test_targets_prefer_no_white_then_fewest_lines_changed():
    from layout.makeup.fit import Target, targets
    # 13 lines over 2 columns in 8 body rows, slack policy 2 + 1: 7 rows (+1 line) leaves 1 spare row,
    # absorbed; 6 rows (−1 line) leaves 2 spare rows, absorbed too: +1 wins on taller columns? no — fewer
    # lines changed ties (1 each), so the taller columns (7 rows) come first
    best = targets(13, 2, 8, FitPolicy(2, 1), most=3)
    assert best[0] == Target(7, 1, 0) and best[1] == Target(6, -1, 0)
    # with no slack allowed, only filling all 8 rows leaves no white: +3 lines
    assert targets(13, 2, 8, FitPolicy(0, 0), most=3)[0] == Target(8, 3, 0)


def test_auto_height_targets_are_the_two_level_fills_around_the_natural_depth():
    from layout.makeup.fit import Target, targets
    assert targets(13, 2, None, FitPolicy(), most=5)[:2] == [Target(7, 1, 0), Target(6, -1, 0)]
    assert targets(12, 2, None, FitPolicy(), most=5)[0] == Target(6, 0, 0)
