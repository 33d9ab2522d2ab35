"""Placer: stories without slots planned into exact-fill rectangles — 头条 top-left, legs 5–45, no 碰题,
held over or reported short when they cannot fill the page."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from planner_check import check_page
from worlds import article, make_issue, make_world

from layout.errors import LayoutError
from layout.geometry import Cell, Rect
from layout.makeup import placer
from layout.output import sidecar
from layout.spec import FitPolicy, StorySpec


def story(id_: str, priority: int, span: tuple[int, int] | None = None, size: float | None = None) -> StorySpec:
    return StorySpec(id=id_, file=Path(f"{id_}.txt"), priority=priority, where=f"pages[0].stories[{id_}]",
                     span=span, headline_size=size)


def text(head: str, lines: int, paragraphs: int = 4) -> str:
    """An article of about `lines` body lines of 10 字 (the tiny grid's measure) in `paragraphs` paragraphs."""
    per = max(1, lines // paragraphs)
    body = "\n\n".join("　" * 0 + "正" * (per * 10 - 4) + "文。" for _ in range(paragraphs))
    return f"headline: {head}\n\n{body}"


def world_with(tiny_font_path, stories, texts, columns=4, rows=40, articles=()):
    issue = make_issue(tuple(articles), columns=columns, rows=rows)
    page = replace(issue.pages[0], stories=tuple(stories))
    issue = replace(issue, pages=(page,))
    return make_world(tiny_font_path, issue, texts), page


def planned_record(world, page) -> dict:
    """Plan, set and compose the page as the build does; its sidecar record as the JSON has it."""
    from layout.compose.page import compose_page
    plan = placer.plan_page(page, world.grid, "A", world.desk, world.ctx.issue.fit)
    sets = {p.id: world.desk.story(p.id, p.shape, p.loosen) for p in plan.placements}
    composed = compose_page(plan, sets, world.ctx)
    record = sidecar.page_record(0, composed, Rect(0, 0, composed.trim.x1, composed.trim.y1))
    return json.loads(sidecar.dumps(sidecar.Sidecar("t", "t.pdf", (record,))))["pages"][0], plan, composed


SIX = [("甲", 70), ("乙", 40), ("丙", 36), ("丁", 30), ("戊", 26), ("己", 22)]


@pytest.fixture
def six(tiny_font_path):
    stories = [story(f"s{k}", k + 1) for k in range(len(SIX))]
    texts = {f"s{k}": text(h, n) for k, (h, n) in enumerate(SIX)}
    return world_with(tiny_font_path, stories, texts, columns=6, rows=60)


def test_six_stories_fill_the_page_exactly_with_the_lead_top_left(six):
    world, page = six
    placed = placer.place(page, world.grid, world.desk)
    assert placed.held == () and placed.notes == ()
    lead = next(s for s in placed.spots if s.story.priority == 1)
    assert (lead.cell.column, lead.cell.top) == (1, 0)
    assert lead.size == max(s.size for s in placed.spots) and lead.size > sorted(s.size for s in placed.spots)[-2]
    covered = sorted((c, r) for s in placed.spots for c in s.cell.columns for r in range(s.cell.top, s.cell.bottom))
    assert covered == sorted((c, r) for c in range(1, 7) for r in range(60))  # a tiling: no hole, no overlap


def test_the_checker_counts_nothing_on_the_composed_page(six):
    world, page = six
    record, plan, composed = planned_record(world, page)
    sizes = {p.id: p.shape.headline_size for p in plan.placements}
    found = check_page(record, sizes, {s.id: s.priority for s in page.stories})
    assert found.total == 0, found.details
    assert all(a.overset is None for a in composed.articles)


def test_planning_is_deterministic(six):
    world, page = six
    first = placer.place(page, world.grid, world.desk)
    again = placer.place(page, world.grid, world.desk)
    assert first == again


def test_a_span_range_is_kept(tiny_font_path):
    stories = [story("a", 1), story("b", 2, span=(2, 2)), story("c", 3, span=(2, 2))]
    texts = {"a": text("甲", 60), "b": text("乙", 50), "c": text("丙", 40)}
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=50)
    placed = placer.place(page, world.grid, world.desk)
    spans = {s.story.id: s.cell.span for s in placed.spots}
    assert spans["b"] == 2 and spans["c"] == 2


def test_a_story_that_does_not_fit_is_held_over_and_named(tiny_font_path):
    stories = [story("a", 1), story("b", 2), story("c", 3), story("d", 4)]
    texts = {"a": text("甲", 60), "b": text("乙", 36), "c": text("丙", 34), "d": text("丁", 200, 10)}
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=40)
    placed = placer.place(page, world.grid, world.desk)
    assert [s.id for s in placed.held] == ["d"]
    assert placed.notes[0].startswith("story d (priority 4, 200 lines, ≈ 2000 字) is held over")
    assert {s.story.id for s in placed.spots} == {"a", "b", "c"} and not any(s.white for s in placed.spots)


def test_stories_too_short_in_total_leave_white_reported_in_lines(tiny_font_path):
    stories = [story("a", 1), story("b", 2)]
    texts = {"a": text("甲", 30), "b": text("乙", 20)}
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=60)
    placed = placer.place(page, world.grid, world.desk)
    assert placed.held == ()
    white = sum(s.white * s.cell.span for s in placed.spots)
    assert white > 0 and placed.notes
    assert sum(int(n.split("; ")[1].split(" line")[0]) for n in placed.notes if ": no exact fill; " in n) == white
    plan = placer.plan_page(page, world.grid, "A", world.desk)
    assert sum(c.rows * c.span for c in plan.unplaced) == white  # the build reports it as areas in no slot
    assert plan.notes == placed.notes


def test_stories_are_planned_around_a_pinned_article(tiny_font_path):
    pinned = article("top", 1, 4, 0, 12)
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {"top": text("顶", 30), "a": text("甲", 40), "b": text("乙", 30), "c": text("丙", 30)}
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=50, articles=(pinned,))
    placed = placer.place(page, world.grid, world.desk)
    assert placed.articles[0] is page.articles[0]
    assert min(s.cell.top for s in placed.spots) == 12
    lead = next(s for s in placed.spots if s.story.id == "a")
    assert (lead.cell.column, lead.cell.top) == (1, 12)


def test_pinned_articles_that_leave_no_rectangle_are_an_error(tiny_font_path):
    pinned = article("mid", 2, 2, 10, 10)
    world, page = world_with(tiny_font_path, [story("a", 1)], {"mid": text("中", 20), "a": text("甲", 40)},
                             articles=(pinned,))
    with pytest.raises(LayoutError, match="need one free rectangle"):
        placer.place(page, world.grid, world.desk)


def test_the_heights_a_variant_fills_exactly():
    # 30 lines at span 3: 10 rows; one paragraph may lose a line (29 → no: 30-1 = 29 is not 3·b), two may gain
    found, air = placer._heights(30, 3, head=3, slack=FitPolicy(2, 1), shrink=1, grow=2, most=60)
    assert sorted(found) == [13, 14, 15, 16]  # 3 + 10 rows, plus 0–3 rows of headline air and body gap
    assert found[13] == 0 and found[16] == 3.0
    assert air == {13: 0, 14: 1, 15: 2, 16: 2}  # the air first (at most 2 rows), then the body gap
    # a leg shorter than 5 lines is never offered
    assert placer._heights(8, 2, head=3, slack=FitPolicy(0, 0), shrink=0, grow=0, most=60) == ({}, {})


def test_the_ladder_never_increases_with_priority():
    stories = [story("a", 1), story("b", 2), story("c", 2), story("d", 7)]
    sizes = placer.headline_sizes(stories)
    assert sizes == {"a": 30.0, "b": 24.0, "c": 24.0, "d": 22.0}
    assert placer.headline_sizes([story("a", 1, size=40.0)])["a"] == 40.0


def test_neighbouring_headlines_are_staggered():
    assert not placer._clear([(0, 4), (20, 24)], [(0, 4), (22, 26)], band_top=0)  # 20–23 and 22–25 share rows
    assert placer._clear([(0, 4), (20, 24)], [(0, 4), (24, 28)], band_top=0)  # the band's openers: a rule between
    assert not placer._clear([(5, 9)], [(5, 9)], band_top=0)  # same row below the band's top: 碰题


def test_headlines_side_by_side_get_a_column_rule_over_the_rows_the_slots_share():
    def spot(column, span, top, rows, head=5, air=0):
        return placer.Spot(story(f"c{column}t{top}", 2), Cell(column, span, top, rows), 24.0, head, 0.0, air=air)
    # three openers on the band's top row: two 栏线; a story below the left one, staggered: none
    spots = [spot(1, 3, 10, 30), spot(4, 2, 10, 40), spot(6, 3, 10, 20), spot(1, 3, 40, 20)]
    assert placer.column_rules(spots) == (placer.ColumnRule(4, 10, 30), placer.ColumnRule(6, 10, 20))
    # a headline whose rows (with its air) reach the neighbour's: parted too, over the shared rows only
    spots = [spot(1, 2, 0, 20, head=5, air=2), spot(3, 2, 0, 4, head=0), spot(3, 2, 4, 30)]
    assert placer.column_rules(spots) == (placer.ColumnRule(3, 4, 16),)


def test_the_planned_page_parts_its_openers_with_column_rules(six):
    world, page = six
    record, plan, composed = planned_record(world, page)
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert plan.column_rules == placed.rules and len(composed.column_rules) == len(placed.rules)
    assert placed.rules  # the openers under the 头条 stand side by side; without the 栏线 the checker counts 碰题
    sizes = {s.story.id: s.size for s in placed.spots}
    priorities = {s.story.id: s.story.priority for s in placed.spots}
    bare = {k: v for k, v in record.items() if k != "column_rules"}
    assert check_page(bare, sizes, priorities).collisions >= len(placed.rules)
    assert check_page(record, sizes, priorities).collisions == 0


def test_cells_of_a_plan_are_whole_columns_and_rows(six):
    world, page = six
    for spot in placer.place(page, world.grid, world.desk).spots:
        assert isinstance(spot.cell, Cell) and spot.cell.span >= 2 and spot.cell.rows >= spot.head + 5


def test_a_pinned_headline_size_that_inverts_the_order_is_said(six):
    world, page = six
    page = replace(page, stories=page.stories[:-1] + (replace(page.stories[-1], headline_size=40.0),))
    placed = placer.place(page, world.grid, world.desk)
    assert any(n.startswith("story s5: its headline (40pt) is larger than that of s0 (30pt)") for n in placed.notes)


def test_a_held_over_story_gets_the_copy_fit_that_brings_it_back(tiny_font_path):
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {"a": text("甲", 60), "b": text("乙", 36), "c": text("丙", 40, 8)}
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=40)
    placed = placer.place(page, world.grid, world.desk)
    assert [s.id for s in placed.held] == ["c"]
    assert placed.notes[0] == ("story c (priority 3, 40 lines, ≈ 400 字) is held over: the page has no exact fill "
                               "with it; cut it by 2 lines (≈ 20 字) and it fits, or move it to another page")
    # and so it does: the same story 2 lines shorter fills the page with the others
    texts["c"] = text("丙", 38, 8)
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=40)
    again = placer.place(page, world.grid, world.desk)
    assert again.held == () and again.notes == ()


LONG_HEADS = {"a": ("甲", 47), "b": ("乙" * 17, 40), "c": ("丙" * 9, 44)}  # b's head wraps at 24pt, not at 22pt


def test_a_headline_one_level_smaller_fills_the_page_before_anything_is_held_over(tiny_font_path):
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {k: text(h, n) for k, (h, n) in LONG_HEADS.items()}
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=40)
    ordered = tuple(sorted(page.stories, key=lambda s: s.priority))
    area, variants = measured(world, page, ordered)
    assert placer._fallbacks(ordered, variants, area)[1] != ()  # at the ladder's sizes a story is held over
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == ()
    assert {s.story.id: (s.size, s.ladder) for s in placed.spots} == {"a": (30.0, 0.0), "b": (22.0, 24.0),
                                                                       "c": (22.0, 0.0)}
    assert placed.notes == ("story b: headline one level smaller (22pt, the ladder gives 24pt) so that the page "
                            "fills exactly",)
    assert placed.score.smaller == placer.WEIGHTS.smaller and "+ smaller 10" in placed.score.breakdown()
    assert [a.headline_size for a in placed.articles] == [30.0, 22.0, 22.0]  # what `layout plan` writes
    record, _, _ = planned_record(world, page)
    found = check_page(record, {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in stories})
    assert found.total == 0, found.details


def test_the_smaller_headline_is_never_the_leads_nor_a_pinned_one(tiny_font_path):
    stories = [story("a", 1), story("b", 2, size=24.0), story("c", 3)]
    texts = {k: text(h, n) for k, (h, n) in LONG_HEADS.items()} | {"c": text("丙" * 10, 44)}  # wraps at 22pt only
    world, page = world_with(tiny_font_path, stories, texts, columns=4, rows=40)
    area, variants = measured(world, page, stories)
    more = placer._with_smaller(stories, variants, area, world.grid, world.desk, world.ctx.issue.fit)
    assert more["a"] == variants["a"] and more["b"] == variants["b"]  # the 头条, and b's pinned 24pt
    assert any(v.smaller for v in more["c"]) and all(size == 20.0 for v in more["c"] for size, _ in v.smaller.values())
    assert placer.one_smaller(22.0) == 20.0 and placer.one_smaller(18.0) is None


def test_under_a_smaller_headline_no_larger_one_follows_in_the_stack():
    def variant(id_, size, heights, smaller=()):
        return placer.Variant(story(id_, 3), 2, size, 3, 20, dict(heights), smaller={h: (20.0, 2) for h in smaller})
    upper = variant("u", 22.0, {10: 0.0, 12: 10.0}, smaller=(12,))  # 12 rows only with its headline at 20pt
    lower = variant("l", 22.0, {18: 0.0, 20: 0.0})  # same priority: the ladder's 22pt
    options = placer._stack_options((upper, lower), placer.Area(1, 2, 0, 30), short=False)
    assert options == [(10, 20)]  # (12, 18) would put a 22pt headline under a 20pt one


def measured(world, page, ordered):
    """The page's free area and every story measured at the ladder's sizes, as place() measures them."""
    area = placer.free_area(page, world.grid, world.desk, world.ctx.issue.fit)
    sizes = placer.headline_sizes(ordered)
    return area, {s.id: placer.measure(s, sizes[s.id], area, world.grid, world.desk, world.ctx.issue.fit,
                                       s is ordered[0]) for s in ordered}


def two_column(id_, heights):
    """A 2-column variant of a 24pt story with a 3-row headline block (lines on 2) at these heights."""
    return placer.Variant(story(id_, 2), 2, 24.0, 3, 20, dict(heights))


def test_stacks_that_cannot_be_staggered_are_parted_by_column_rules_at_a_cost():
    left = (two_column("l1", {10: 0.0}), two_column("l2", {20: 0.0}))
    right = (two_column("r1", {10: 0.0, 11: 1.0}), two_column("r2", {20: 0.0, 19: 0.0}))
    area = placer.Area(1, 4, 0, 30)
    options = [placer._stack_options(stack, area, False) for stack in (left, right)]
    assert options == [[(10, 20)], [(10, 20), (11, 19)]]  # the second stories start on row 10 or 11: 碰题 both ways
    assert placer._stagger(options, (left, right), area) == [(10, 20), (10, 20)]  # the cheapest, with a 栏线
    spots = placer._heights_for(placer._State((2, 2), (left, right), (0, 0)), area, False)
    rules = placer.column_rules(spots)
    assert rules == (placer.ColumnRule(3, 0, 30),)  # openers and the 碰题 on row 10 share one gutter: one 栏线
    score = placer._scored(spots, area, False)[1]
    assert score.ruled == placer.WEIGHTS.ruled  # the openers' 栏线 is free, the one below the band's top is not


@pytest.fixture
def photo_world(tiny_font_path, tmp_path):
    """A 6 × 50 page: a 头条 and two stories, the second of them with a 2-column photo."""
    from PIL import Image as PILImage

    from layout.compose.figure import Photos
    from layout.spec import FigureSpec, TextStyle
    photo = tmp_path / "p.jpg"
    PILImage.new("RGB", (800, 600), (120, 140, 160)).save(photo, quality=90)

    def make(place: str = "before-body", lengths=(90, 60, 68), rows: int | None = 6):
        figure = FigureSpec(file=photo, span=2, rows=rows, aspect=1.5, caption="图为测试。", credit="图片来源：测试",
                            where="pages[0].stories[1].figures[0]", place=place)
        stories = [story("a", 1), replace(story("b", 2), figures=(figure,)), story("c", 3)]
        world, page = world_with(tiny_font_path, stories, {k: text(h, n) for k, h, n in zip("abc", "甲乙丙", lengths)},
                                 columns=6, rows=50)
        caption = TextStyle(name="caption", role="kai", weight="regular", size=8.0, leading=8.0, align="justify")
        issue = replace(world.ctx.issue, styles=world.ctx.issue.styles + (caption,))
        world = make_world(tiny_font_path, issue, {k: text(h, n) for k, h, n in zip("abc", "甲乙丙", lengths)})
        world = replace(world, ctx=replace(world.ctx, photos=Photos(cache=tmp_path / ".cache")))
        return world, page
    return make


@pytest.mark.parametrize("place", ["before-body", "bottom"])
def test_a_story_with_a_photo_is_planned_to_fill_exactly(photo_world, place):
    world, page = photo_world(place)
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == () and placed.score.white == 0
    b = next(s for s in placed.spots if s.story.id == "b")
    assert b.cell.span >= 2 and len(b.photos) == 1 and b.photos[0].span == 2  # the photo inside its slot
    assert next(a for a in placed.articles if a.id == "b").figures == page.stories[1].figures
    record, plan, _ = planned_record(world, page)
    assert next(p for p in plan.placements if p.id == "b").figures  # makeup.fixed lays the photo out as planned
    sizes, priorities = {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in page.stories}
    found = check_page(record, sizes, priorities)
    assert found.total == 0, found.details
    if place == "bottom":  # the rows the photo takes at the column's foot are not white; without it they would be
        bare = {**record, "articles": [{k: v for k, v in a.items() if k != "figures"} for a in record["articles"]]}
        assert check_page(bare, sizes, priorities).empty_lines > 0


def test_photos_of_neighbouring_slots_never_stand_side_by_side():
    def spot(column, top, photos):
        return placer.Spot(story(f"s{column}", 2), Cell(column, 2, top, 30), 24.0, 3, 0.0, photos=photos)
    left, right = spot(1, 0, (Cell(1, 2, 4, 6),)), spot(3, 0, (Cell(3, 2, 8, 6),))
    assert placer._photos_touch([left, right])  # rows 8–9 side by side across the gutter
    assert not placer._photos_touch([left, spot(3, 0, (Cell(3, 2, 10, 6),))])  # staggered: the caption between
    assert not placer._photos_touch([spot(1, 0, (Cell(1, 1, 4, 6), Cell(2, 1, 4, 6)))])  # one story's own pair


def test_a_photo_without_pinned_rows_may_be_cropped_a_row_shorter_to_fill_the_page(photo_world, monkeypatch):
    world, page = photo_world(lengths=(90, 32, 88), rows=None)  # 210 pt wide at 3:2: 9 rows of 15 pt
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == () and placed.score.white == 0
    assert placed.notes == ("story b: photo 1 cropped 1 row shorter (9 → 8 rows) so that the page fills exactly",)
    b = next(a for a in placed.articles if a.id == "b")
    assert [f.rows for f in b.figures] == [8] and page.stories[1].figures[0].rows is None
    record, plan, _ = planned_record(world, page)
    photo = next(p for p in plan.placements if p.id == "b").figures[0].photo
    assert photo.rows == 8  # makeup.fixed sets the photo as planned
    found = check_page(record, {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in page.stories})
    assert found.total == 0, found.details
    monkeypatch.setattr(placer, "PHOTO_ROWS", ())  # without the lever the page does not fill exactly
    again = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert again.held or again.score.white


def test_a_photo_with_pinned_rows_keeps_them(photo_world):
    world, page = photo_world(lengths=(90, 32, 88), rows=9)
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert all(f.rows == 9 for a in placed.articles for f in a.figures)
    assert not any("photo" in note for note in placed.notes)


def test_a_headline_without_air_reaches_half_into_the_air_row():
    # compose splits the block's spare rows (the air row, the air) above and below its lines: a 2-row head
    # with no air goes down half a row, so rows 10–12 take type; with 2 rows of air it goes down 1.5 rows
    assert placer.head_zone(10, 3, 0) == (10, 13)
    assert placer.head_zone(10, 3, 1) == (10, 13)
    assert placer.head_zone(10, 3, 2) == (10, 14)
    assert placer.head_zone(10, 0, 0) == (10, 10)  # no headline: no rows


def test_a_column_a_photo_does_not_take_from_the_body_top_is_white():
    from layout.makeup.figures import FigureLayout
    from layout.makeup.plan import Figure

    def figure(photo_top, cell_top):
        return Figure(file=Path("p.jpg"), photo=Cell(1, 1, photo_top, 8), cell=Cell(1, 1, cell_top, 13 - cell_top),
                      caption=(), credit=None, credit_on_last=False, pitch=10.0, fit="cover", focus=(0.5, 0.5),
                      where="")
    # head 3 rows (0–2), body from row 3: a photo at the foot from row 4 leaves row 3 white in column 1
    assert placer._white_beside(FigureLayout((figure(4, 3),), (0, 0), (0, 10)), 2, 3, 13)
    assert not placer._white_beside(FigureLayout((figure(3, 3),), (0, 0), (0, 10)), 2, 3, 13)
    assert not placer._white_beside(FigureLayout((figure(6, 5),), (0, 0), (1, 10)), 2, 3, 13)  # text above it
    # a photo of 8 rows and a caption of 1 under the headline, its air row toward no text: row 12 stays white
    assert placer._white_beside(FigureLayout((figure(3, 3),), (0, 0), (0, 10)), 2, 3, 13, rows=(9,))
    assert not placer._white_beside(FigureLayout((figure(3, 3),), (0, 0), (0, 10)), 2, 3, 13, rows=(10,))


def pinned_beside(tiny_font_path, lengths=(70, 50, 40)):
    """A 6 × 50 page: two articles pinned one under the other in columns 5–6 (the second's headline on
    row 22), three stories planned into columns 1–4 beside them."""
    pinned = (article("p1", 5, 2, 0, 22), article("p2", 5, 2, 22, None))
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {"p1": text("左", 34), "p2": text("右", 52)} | {k: text(h, n) for k, h, n in zip("abc", "甲乙丙", lengths)}
    return world_with(tiny_font_path, stories, texts, columns=6, rows=50, articles=pinned)


def test_a_pinned_article_beside_the_free_area_is_a_wall_with_its_headline_rows(tiny_font_path):
    world, page = pinned_beside(tiny_font_path)
    area, walls = placer.free_and_walls(page, world.grid, world.desk, world.ctx.issue.fit)
    assert area == Cell(1, 4, 0, 50)
    assert [(w.id, w.cell.top, w.zone[0]) for w in walls] == [("p1", 0, 0), ("p2", 22, 22)]
    assert all(w.zone[1] > w.zone[0] for w in walls)


def test_planned_stories_beside_a_pinned_article_keep_clear_of_its_headlines(tiny_font_path):
    world, page = pinned_beside(tiny_font_path)
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == ()
    record, plan, _ = planned_record(world, page)
    sizes = {s.story.id: s.size for s in placed.spots}
    priorities = {s.id: s.priority for s in page.stories}
    found = check_page(record, sizes, priorities)
    assert found.collisions == 0 and found.holes == 0, found.details
    # the 头条 beside p1 and the openers under it beside p2 are parted by a 栏线 left of column 5
    assert any(r.column == 5 and r.top == 0 and r.lines == 50 for r in placed.rules)
    bare = {k: v for k, v in record.items() if k != "column_rules"}
    assert check_page(bare, sizes, priorities).collisions == 3  # without them: a | p1, b | c, c | p2


def test_a_stack_beside_a_pinned_headline_is_staggered_against_it():
    stack = (two_column("s1", {10: 0.0, 11: 1.0}), two_column("s2", {20: 0.0, 19: 0.0}))
    area = placer.Area(1, 2, 0, 30)
    options = [placer._stack_options(stack, area, False)]
    assert options == [[(10, 20), (11, 19)]]
    assert placer._stagger(options, (stack,), area) == [(10, 20)]  # the cheapest
    wall = placer.Wall("p", Cell(3, 2, 0, 30), (8, 11))  # a pinned headline on rows 8–10 right of the stack
    assert placer._stagger(options, (stack,), area, (wall,)) == [(11, 19)]  # s2's head from row 11: clear of it
    left = placer.Wall("q", Cell(1, 2, 0, 30), (8, 11))  # a pinned article elsewhere (not beside) is no wall
    assert placer._stagger(options, (stack,), area, (left,)) == [(10, 20)]
    walled = placer.Wall("p", Cell(3, 2, 0, 30), (8, 12))  # clear of neither: the cheapest, a 栏线 at a cost
    assert placer._stagger(options, (stack,), area, (walled,)) == [(10, 20)]
    spots = placer._heights_for(placer._State((2,), (stack,), (0,)), area, False, (walled,))
    assert placer.column_rules(spots, (walled,)) == (placer.ColumnRule(3, 10, 20),)
    assert placer._scored(spots, area, False, (walled,))[1].ruled == placer.WEIGHTS.ruled


def with_deck(head: str, deck: str, lines: int) -> str:
    """text() with a deck (副题) line under the headline."""
    return text(head, lines).replace("\n\n", f"\ndeck: {deck}\n\n", 1)


@pytest.fixture
def decked(tiny_font_path):
    """A 4 × 40 page whose stories fill exactly only with b's 3-line deck dropped (the 头条 has a deck too)."""
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {"a": with_deck("甲", "副题", 44), "b": with_deck("乙", "副" * 40, 44), "c": text("丙", 44)}
    return world_with(tiny_font_path, stories, texts, columns=4, rows=40)


def test_a_deck_is_dropped_before_a_headline_goes_smaller_or_a_story_is_held_over(decked):
    world, page = decked
    ordered = tuple(page.stories)
    area, variants = measured(world, page, ordered)
    assert placer._fallbacks(ordered, variants, area)[1] != ()  # with every deck a story is held over
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == ()
    assert {s.story.id: s.deck for s in placed.spots} == {"a": True, "b": False, "c": True}  # never the 头条's
    assert placed.notes == ("story b: deck (副题) dropped so that the page fills exactly (the planned manifest "
                            "writes deck: false)",)
    assert placed.score.deck == placer.WEIGHTS.deck and "+ deck 6" in placed.score.breakdown()
    assert [a.deck for a in placed.articles] == [True, False, True]  # what `layout plan` writes
    record, plan, _ = planned_record(world, page)
    kinds = {a["id"]: {line["kind"] for line in a["lines"]} for a in record["articles"]}
    assert "deck" in kinds["a"] and "deck" not in kinds["b"]  # makeup.fixed and compose set it without
    from layout.makeup import fixed
    rebuilt = fixed.plan_page(replace(page, articles=placed.articles, stories=(), column_rules=placed.rules),
                              world.grid, "A", world.desk, world.ctx.issue.fit)
    assert rebuilt.placements == plan.placements  # the planned articles (deck: false on b) rebuild the same page
    found = check_page(record, {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in page.stories})
    assert found.total == 0, found.details


def test_without_a_deck_a_story_has_no_deck_lever(decked, tiny_font_path):
    world, page = decked
    area, variants = measured(world, page, page.stories)
    more = placer._without_deck(page.stories, variants, area, world.grid, world.desk, world.ctx.issue.fit)
    assert more["a"] == variants["a"] and more["c"] == variants["c"]  # the 头条; c has no deck
    assert any(v.nodeck for v in more["b"])
    assert all(v.head_at(h) < v.head for v in more["b"] for h in v.nodeck)  # a shorter headline block


def test_photos_that_would_stand_side_by_side_are_staggered_apart():
    left = (two_column("l1", {12: 0.0}), two_column("l2", {18: 0.0}))
    right = (two_column("r1", {8: 0.0, 16: 1.0}), two_column("r2", {22: 0.0, 14: 0.0}))
    area = placer.Area(1, 4, 0, 30)
    options = [placer._stack_options(stack, area, False) for stack in (left, right)]
    assert options == [[(12, 18)], [(8, 22), (16, 14)]]  # l2's headline on row 12; r2's on row 8 or 16: clear
    assert placer._stagger(options, (left, right), area) == [(12, 18), (8, 22)]  # the cheapest, without photos
    # l2's photo on rows 13–18 in column 2; r2's under its headline in column 3: rows 11–16 when it starts on
    # row 8 (beside l2's across the gutter), rows 19–24 when it starts on row 16 (clear)
    photos = [[[Cell(2, 1, 13, 6)]], [[Cell(3, 1, 11, 6)], [Cell(3, 1, 19, 6)]]]
    assert placer._stagger(options, (left, right), area, photos=photos) == [(12, 18), (16, 14)]  # re-staggered
    never = [[[Cell(2, 1, 13, 6)]], [[Cell(3, 1, 11, 6)], [Cell(3, 1, 17, 6)]]]  # every choice side by side
    assert placer._stagger(options, (left, right), area, photos=never) is None  # the assignment is skipped
    assert placer._beside([Cell(2, 1, 15, 6)], [Cell(3, 1, 20, 3)])
    assert not placer._beside([Cell(2, 1, 15, 6)], [Cell(3, 1, 21, 3)])
    assert not placer._beside([Cell(1, 1, 15, 6)], [Cell(3, 1, 15, 6)])  # not across one gutter


def test_a_planned_photo_is_staggered_apart_from_a_pinned_photo_beside_it():
    stack = (two_column("s1", {8: 0.0, 16: 1.0}), two_column("s2", {22: 0.0, 14: 0.0}))
    area = placer.Area(1, 2, 0, 30)
    options = [placer._stack_options(stack, area, False)]
    photos = [[[Cell(2, 1, 11, 6)], [Cell(2, 1, 19, 6)]]]  # s2's photo in column 2 as s2 starts on row 8 or 16
    wall = placer.Wall("p", Cell(3, 2, 0, 30), (0, 3), photos=(Cell(3, 2, 10, 6),))  # a pinned photo, rows 10–15
    assert placer._stagger(options, (stack,), area, (), photos) == [(8, 22)]
    assert placer._stagger(options, (stack,), area, (wall,), photos) == [(16, 14)]
    blocked = placer.Wall("p", Cell(3, 2, 0, 30), (0, 3), photos=(Cell(3, 2, 10, 12),))  # rows 10–21: both
    assert placer._stagger(options, (stack,), area, (blocked,), photos) is None


def test_the_checker_counts_photos_of_two_slots_side_by_side():
    from planner_check import Violations, _photos_beside
    columns = [[0, 0, 100, 600], [110, 0, 210, 600], [220, 0, 320, 600]]

    def page(right_top):
        return {"columns": columns, "articles": [
            {"id": "l", "figures": [{"box": [0, 400, 100, 300]}]},
            {"id": "r", "figures": [{"box": [110, right_top, 210, right_top - 100]}, {"box": [220, 400, 320, 300]}]}]}
    found = Violations()
    _photos_beside(page(450), found)  # l's photo beside r's first (rows shared); r's two are its own
    assert found.photos_beside == 1 and found.total == 1
    found = Violations()
    _photos_beside(page(300), found)  # r's photo under l's: only its edge at l's foot
    assert found.photos_beside == 0


@pytest.fixture
def two_halves(tiny_font_path):
    """A 4 × 40 page whose stories fill exactly only with b's two-half headline (乙乙 丙丙) set one half per line."""
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {"a": text("甲", 40), "b": text("乙乙 丙丙", 30), "c": text("丙", 36)}
    return world_with(tiny_font_path, stories, texts, columns=4, rows=40)


def test_a_headline_is_set_in_one_line_more_before_a_deck_is_dropped_or_a_story_held_over(two_halves):
    world, page = two_halves
    ordered = tuple(page.stories)
    area, variants = measured(world, page, ordered)
    assert placer._search(ordered, variants, area) is None  # with the breaker's lines no plan fills exactly
    assert not placer._too_short(ordered, variants, area)  # (and the stories are not too short: no white)
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == () and all(s.white == 0 for s in placed.spots)
    assert {s.story.id: s.split for s in placed.spots} == {"a": False, "b": True, "c": False}
    b = next(s for s in placed.spots if s.story.id == "b")
    natural = next(v for v in variants["b"] if v.span == b.cell.span).head
    assert b.head > natural  # the block is taller by the line the second half takes
    assert placed.notes == (f"story b: headline set in one line more (its halves one per line, {b.head} rows) so "
                            "that the page fills exactly (the planned manifest writes headline_split: true)",)
    assert placed.score.lines == placer.WEIGHTS.lines and "+ lines 4" in placed.score.breakdown()
    assert [a.headline_split for a in placed.articles] == [False, True, False]  # what `layout plan` writes
    record, plan, _ = planned_record(world, page)
    heads = {a["id"]: [line for line in a["lines"] if line["kind"] == "headline"] for a in record["articles"]}
    assert len(heads["b"]) == 2 and len(heads["a"]) == len(heads["c"]) == 1
    from layout.makeup import fixed
    rebuilt = fixed.plan_page(replace(page, articles=placed.articles, stories=(), column_rules=placed.rules),
                              world.grid, "A", world.desk, world.ctx.issue.fit)
    assert rebuilt.placements == plan.placements  # headline_split: true on b rebuilds the same page
    found = check_page(record, {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in page.stories})
    assert found.total == 0, found.details


def test_a_headline_of_one_word_has_no_lines_lever(two_halves):
    world, page = two_halves
    area, variants = measured(world, page, page.stories)
    more = placer._with_split(page.stories, variants, area, world.grid, world.desk, world.ctx.issue.fit)
    assert more["a"] == variants["a"] and more["c"] == variants["c"]  # 甲, 丙: one word, nothing to split or break
    assert any(v.split for v in more["b"])
    assert all(v.head_at(h) > v.head and v.heights[h] >= placer.WEIGHTS.lines for v in more["b"] for h in v.split)


@pytest.fixture
def one_half(tiny_font_path):
    """A 4 × 40 page whose stories fill exactly only with b's headline of one half (全市召开工作会议, one line
    at 2 columns) broken into two lines between words."""
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {"a": text("甲", 40), "b": text("全市召开工作会议", 30), "c": text("丙", 36)}
    return world_with(tiny_font_path, stories, texts, columns=4, rows=40)


def test_a_headline_of_one_half_is_broken_into_one_line_more_so_that_the_page_fills(one_half):
    world, page = one_half
    ordered = tuple(page.stories)
    area, variants = measured(world, page, ordered)
    assert placer._search(ordered, variants, area) is None and not placer._too_short(ordered, variants, area)
    best, held = placer._fallbacks(ordered, variants, area)  # without the lever: white under a story
    assert held == () and sum(s.white * s.cell.span for s in best[0]) > 0
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == () and all(s.white == 0 for s in placed.spots)
    assert {s.story.id: (s.split, s.lines) for s in placed.spots} == {"a": (False, 0), "b": (True, 2), "c": (False, 0)}
    b = next(s for s in placed.spots if s.story.id == "b")
    assert (b.cell, b.head) == (Cell(1, 2, 16, 24), 5)  # 2 lines × 2 rows + the air row (one line: 3 rows)
    assert next(v for v in variants["b"] if v.span == 2).head == 3
    assert placed.notes == ("story b: headline broken into one line more (2 lines between words, 5 rows) so that "
                            "the page fills exactly (the planned manifest writes headline_break: 2)",)
    assert placed.score.lines == placer.WEIGHTS.lines and "+ lines 4" in placed.score.breakdown()
    assert [(a.headline_break, a.headline_split) for a in placed.articles] == [(0, False), (2, False), (0, False)]
    record, plan, _ = planned_record(world, page)
    heads = {a["id"]: [line["text"] for line in a["lines"] if line["kind"] == "headline"] for a in record["articles"]}
    assert heads["b"] == ["全市召开", "工作会议"]  # balanced, between words
    from layout.makeup import fixed
    rebuilt = fixed.plan_page(replace(page, articles=placed.articles, stories=(), column_rules=placed.rules),
                              world.grid, "A", world.desk, world.ctx.issue.fit)
    assert rebuilt.placements == plan.placements  # headline_break: 2 on b rebuilds the same page
    found = check_page(record, {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in page.stories})
    assert found.total == 0, found.details


def test_the_lines_lever_of_a_one_half_headline_adds_the_heights_of_its_block_one_line_taller(one_half):
    world, page = one_half
    area, variants = measured(world, page, page.stories)
    more = placer._with_split(page.stories, variants, area, world.grid, world.desk, world.ctx.issue.fit)
    assert more["a"] == variants["a"] and more["c"] == variants["c"]  # 甲, 丙: one word, never broken
    at = {v.span: v for v in more["b"]}
    assert set(at[2].broken.values()) == {2} and set(at[2].split.values()) == {5}  # 2 lines, 5 rows at 2 columns
    assert all(h not in variants["b"][0].heights and at[2].heights[h] >= placer.WEIGHTS.lines for h in at[2].split)
    assert all(v.lines == 0 for v in more["b"])  # the merged variants are the natural ones, plus those heights


@pytest.fixture
def combined(tiny_font_path):
    """A 4 × 40 page that fills exactly only with b's halves one per line and c's deck dropped together."""
    stories = [story("a", 1), story("b", 2), story("c", 3)]
    texts = {"a": text("甲", 40), "b": text("乙乙 丙丙", 30), "c": with_deck("丙", "副" * 40, 40)}
    return world_with(tiny_font_path, stories, texts, columns=4, rows=40)


def test_the_levers_combine_when_no_one_lever_fills_the_page(combined):
    world, page = combined
    ordered = tuple(page.stories)
    area, variants = measured(world, page, ordered)
    fit = world.ctx.issue.fit
    for lever in placer.LEVERS:  # each lever alone: no exact fill
        pool = placer._with_levers(ordered, variants, area, world.grid, world.desk, fit, (lever,))
        assert placer._search(ordered, pool, area) is None, lever
    placed = placer.place(page, world.grid, world.desk, fit)
    assert placed.held == () and all(s.white == 0 for s in placed.spots)
    assert {s.story.id: (s.split, s.deck) for s in placed.spots} == {"a": (False, True), "b": (True, True),
                                                                    "c": (False, False)}
    assert (placed.score.lines, placed.score.deck) == (placer.WEIGHTS.lines, placer.WEIGHTS.deck)
    assert placed.notes == ("story c: deck (副题) dropped so that the page fills exactly (the planned manifest "
                            "writes deck: false)",
                            "story b: headline set in one line more (its halves one per line, 5 rows) so that the "
                            "page fills exactly (the planned manifest writes headline_split: true)")
    record, plan, _ = planned_record(world, page)
    from layout.makeup import fixed
    rebuilt = fixed.plan_page(replace(page, articles=placed.articles, stories=(), column_rules=placed.rules),
                              world.grid, "A", world.desk, fit)
    assert rebuilt.placements == plan.placements
    found = check_page(record, {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in page.stories})
    assert found.total == 0, found.details


def test_a_story_may_take_two_levers_at_once(combined):
    world, page = combined
    ordered = tuple(page.stories)
    area, variants = measured(world, page, ordered)
    chosen = placer.settings(ordered[2], 22.0, world.desk, False, ("lines", "deck", "smaller"))
    assert [(s.levers, s.size, s.deck, s.cost) for s in chosen] == [
        (("deck",), 22.0, False, 6.0), (("smaller",), 20.0, True, 10.0), (("deck", "smaller"), 20.0, False, 16.0)]
    both = placer.settings(ordered[1], 24.0, world.desk, False, ("lines", "deck"))
    assert [(s.levers, s.split) for s in both] == [(("lines",), True)]  # b has no deck to drop


def test_per_height_the_cheapest_lever_setting_is_kept_and_recorded():
    def alt(head, size, heights):
        return placer.Variant(story("c", 3), 2, size, head, 20, dict(heights), air={h: 0 for h in heights})
    base = alt(6, 22.0, {10: 0.0})
    deck, smaller, both = (placer.Setting(("deck",), 22.0, deck=False, cost=6.0),
                           placer.Setting(("smaller",), 20.0, cost=10.0),
                           placer.Setting(("deck", "smaller"), 20.0, deck=False, cost=16.0))
    merged = placer._levered(base, [(deck, alt(4, 22.0, {8: 0.0, 10: 0.0})), (smaller, alt(5, 20.0, {9: 1.0})),
                                    (both, alt(3, 20.0, {7: 0.0, 8: 0.0}))], 22.0)
    assert merged.heights == {10: 0.0, 8: 6.0, 9: 11.0, 7: 16.0}  # 10 natural; 8 the deck alone, cheaper than both
    assert merged.nodeck == {8: 4, 7: 3} and merged.smaller == {9: (20.0, 5), 7: (20.0, 3)} and merged.split == {}
    assert [(merged.head_at(h), merged.size_at(h)) for h in (10, 9, 8, 7)] == [(6, 22.0), (5, 20.0), (4, 22.0),
                                                                                (3, 20.0)]
    spot = placer._spot(merged, Cell(1, 2, 0, 7))
    assert (spot.deck, spot.ladder, spot.size, spot.head, spot.cost) == (False, 22.0, 20.0, 3, 0.0)  # both levers


def test_a_lever_search_that_adds_nothing_is_skipped(decked, monkeypatch):
    world, page = decked  # one-character headlines: no headline-lines lever; b's deck fills
    searched = []
    search = placer._search
    monkeypatch.setattr(placer, "_search", lambda ordered, pool, *a, **k: searched.append(
        placer.levers_used(pool)) or search(ordered, pool, *a, **k))
    placed = placer.place(page, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == () and [s.deck for s in placed.spots] == [True, False, True]
    assert searched == [frozenset(), frozenset({"deck"})]  # natural, then lines + deck; lines alone is skipped


def test_a_storys_deck_true_is_never_dropped_and_false_is_never_set(decked):
    world, page = decked
    kept = replace(page, stories=(page.stories[0], replace(page.stories[1], deck=True), page.stories[2]))
    placed = placer.place(kept, world.grid, world.desk, world.ctx.issue.fit)
    assert all(s.deck for s in placed.spots) and placed.score.deck == 0  # b's deck kept: not the lever
    assert [s.id for s in placed.held] == ["c"]  # so the page does not fill with every story (with b's deck off it did)
    area, variants = measured(world, kept, kept.stories)
    assert placer.settings(kept.stories[1], 24.0, world.desk, False, ("deck",)) == []
    off = replace(page, stories=(page.stories[0], replace(page.stories[1], deck=False), page.stories[2]))
    area, natural = measured(world, off, off.stories)
    _, decked_heads = measured(world, page, page.stories)
    assert [v.head for v in decked_heads["b"]] == [6, 5, 5]  # spans 2, 3, 4: its deck of 40 字 on 3, 2, 2 lines
    assert [v.head for v in natural["b"]] == [3, 3, 3]  # deck: false: the headline block without it
    placed = placer.place(off, world.grid, world.desk, world.ctx.issue.fit)
    assert placed.held == () and placed.score.deck == 0 and placed.notes == ()  # set without it: no lever, no note
    assert [a.deck for a in placed.articles] == [True, False, True]  # what `layout plan` writes: deck: false
    record, _, _ = planned_record(world, off)
    kinds = {a["id"]: {line["kind"] for line in a["lines"]} for a in record["articles"]}
    assert "deck" in kinds["a"] and "deck" not in kinds["b"]


def pinned_with_air(tiny_font_path):
    """pinned_beside with p1 in rows 0–19 and 30 lines: its slot gives its headline 2 rows of air."""
    pinned = (article("p1", 5, 2, 0, 20), article("p2", 5, 2, 20, None))
    texts = {"p1": text("左", 30), "p2": text("右", 52), "a": text("甲", 68), "b": text("乙", 42), "c": text("丙", 42)}
    return world_with(tiny_font_path, [story("a", 1), story("b", 2), story("c", 3)], texts, columns=6, rows=50,
                      articles=pinned)


def test_a_pinned_headline_takes_the_rows_of_its_lines_not_its_whole_block_with_air(tiny_font_path):
    world, pinned = pinned_with_air(tiny_font_path)
    plan = placer.fixed.plan_page(replace(pinned, stories=()), world.grid, "A", world.desk, world.ctx.issue.fit)
    p1 = next(p for p in plan.placements if p.id == "p1")
    assert (p1.head_rows, p1.gap_rows) == (5, 1)  # 2 rows of lines + the air row + 2 of headline air; 1 of gap
    area, walls = placer.free_and_walls(pinned, world.grid, world.desk, world.ctx.issue.fit)
    assert [(w.id, w.zone) for w in walls] == [("p1", (0, 3)), ("p2", (20, 23))]  # the whole blocks: (0, 5), (20, 24)
    from layout.compose.page import compose_page
    sets = {p.id: world.desk.story(p.id, p.shape, p.loosen) for p in plan.placements}
    composed = compose_page(plan, sets, world.ctx)
    record = json.loads(sidecar.dumps(sidecar.Sidecar("t", "t.pdf", (sidecar.page_record(
        0, composed, Rect(0, 0, composed.trim.x1, composed.trim.y1)),))))["pages"][0]
    from planner_check import boxes
    lasts = {b.id: b.head_last for b in boxes(record)}
    assert [w.zone[1] for w in walls] == [lasts["p1"] + 1, lasts["p2"] + 1]  # the checker's own reading agrees


def test_the_exact_pinned_headline_rows_let_a_story_beside_it_stagger_without_a_column_rule(tiny_font_path,
                                                                                         monkeypatch):
    world, pinned = pinned_with_air(tiny_font_path)
    fit = world.ctx.issue.fit
    placed = placer.place(pinned, world.grid, world.desk, fit)
    assert placed.held == () and placed.score.ruled == 0 and placed.score.total == 11
    record, _, _ = planned_record(world, pinned)
    found = check_page(record, {s.story.id: s.size for s in placed.spots}, {s.id: s.priority for s in pinned.stories})
    assert found.total == 0, found.details
    with monkeypatch.context() as m:  # the whole block with its air, as estimated before: a 碰题 ruled at a cost
        m.setattr(placer, "pinned_zone", lambda p, story, grid: (p.cell.top + p.head_top,
                                                                 p.cell.top + p.head_top + p.head_rows))
        generous = placer.place(pinned, world.grid, world.desk, fit)
    assert generous.score.ruled == placer.WEIGHTS.ruled and generous.score.total == 31


def test_a_story_with_a_photo_keeps_its_own_headline_lines_at_every_span(photo_world):
    world, page = photo_world(rows=None)  # a photo the planner may crop shorter: measured at each crop too
    from layout.article.text import parse_article
    world.desk.add("b", parse_article(text("全市召开工作会议", 60), Path("b.txt")))  # one line at 2–4 columns
    b, fit = page.stories[1], world.ctx.issue.fit
    area = placer.free_area(page, world.grid, world.desk, fit)
    natural = placer.measure(b, 24.0, area, world.grid, world.desk, fit, False)
    assert [(v.span, v.head, v.lines) for v in natural] == [(2, 3, 0), (3, 3, 0), (4, 3, 0)]  # never broken unasked
    broken = placer.measure(b, 24.0, area, world.grid, world.desk, fit, False, one_more=True)
    assert [(v.span, v.head, v.lines) for v in broken] == [(2, 5, 2), (3, 5, 2), (4, 5, 2)]
