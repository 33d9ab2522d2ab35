"""Figures on the tiny font: exclusion cells, caption rows, legs, per-column capacities, top and bottom place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image as PILImage

from layout.compose.figure import Photos
from layout.errors import LayoutError
from layout.geometry import Cell
from layout.makeup.figures import CAPTION_GAP, CAPTION_PITCH, LEG_MIN
from layout.makeup.fit import level_counts, square_delta
from layout.spec import ArticleSpec, FigureSpec, PageSpec, Slot, TextStyle
from tests.worlds import make_issue, make_world

CAPTION_SIZE = 8.0
PITCH = CAPTION_PITCH * CAPTION_SIZE  # 11.6 pt: larger than the style's solid leading
TEXT = "headline: 测试\n\n" + "\n\n".join(["正文" * 40] * 6)  # 6 paragraphs of 80 字: 8 lines each at 10 字


@pytest.fixture
def photo(tmp_path) -> Path:
    """An 800 × 600 sRGB JPEG (274 ppi across 2 tiny columns)."""
    path = tmp_path / "p.jpg"
    PILImage.new("RGB", (800, 600), (120, 140, 160)).save(path, quality=90)
    return path


def world(font, photo: Path, figures: tuple[FigureSpec, ...], lines: int = 30, text: str = TEXT):
    spec = ArticleSpec(id="a", file=Path("a.txt"), slot=Slot(1, 4, 0, lines), where="pages[0].articles[0]",
                       figures=figures)
    issue = make_issue((spec,), columns=4, rows=40)
    caption = TextStyle(name="caption", role="kai", weight="regular", size=CAPTION_SIZE, leading=CAPTION_SIZE,
                        align="justify")
    issue = replace(issue, styles=issue.styles + (caption,))
    w = make_world(font, issue, {"a": text})
    w = replace(w, ctx=replace(w.ctx, photos=Photos(cache=photo.parent / ".cache")))
    return w, issue.pages[0]


def figure(photo: Path, **given) -> FigureSpec:
    values = dict(file=photo, span=2, rows=6, caption="图为测试。", credit="图片来源：测试", where="figures[0]")
    values.update(given)
    return FigureSpec(**values)


def placement(w, page: PageSpec):
    return w.plan(page).placements[0]


def test_a_top_figure_is_excluded_directly_under_the_headline_block(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo),))
    p = placement(w, page)
    top = p.head_rows + p.gap_rows
    caption_rows = p.figures[0].cell.rows - 6 - 1
    assert p.figures[0].photo == Cell(1, 2, top, 6)
    assert p.exclusions == (Cell(1, 2, top, 6 + caption_rows + 1),)


def test_a_short_caption_takes_its_gap_and_one_pitch_in_whole_rows(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, credit=None),))
    f = placement(w, page).figures[0]
    assert len(f.caption) == 1 and f.credit is None
    assert f.cell.rows == 6 + 1 + 1  # ceil((3 + 11.6) / 15) = 1 caption row, 1 air row
    assert f.pitch == pytest.approx(PITCH)


def test_a_credit_that_does_not_fit_the_last_line_takes_its_own(tiny_font_path, photo):
    long = "图为测试的图片说明文字很长很长很长很长"  # 19 字 × 8 pt at 210 pt: one full-ish line, no room left
    w, page = world(tiny_font_path, photo, (figure(photo, caption=long),))
    f = placement(w, page).figures[0]
    assert not f.credit_on_last
    assert f.cell.rows == 6 + -(-(CAPTION_GAP + 2 * PITCH) // 15) + 1  # 2 caption rows


def test_a_credit_fits_on_the_captions_last_line(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, caption="图为测试。", credit="来源"),))
    assert placement(w, page).figures[0].credit_on_last


def test_a_leg_of_fewer_than_five_lines_under_a_figure_is_a_located_error(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, rows=22),), lines=30)
    with pytest.raises(LayoutError, match=r"leg of \d lines? under it.*at least 5") as err:
        w.plan(page)
    assert "figures[0]" in str(err.value)


def test_a_figure_reaching_the_slot_foot_leaves_no_leg_and_is_fine(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, rows=9, credit=None),), lines=13)  # body 10 rows
    p = placement(w, page)
    assert p.exclusions[0].bottom == p.cell.bottom
    assert w.compose(page).articles[0].fit.capacities[:2] == (0, 0)


def test_a_bottom_figure_ends_at_the_slot_foot_with_its_air_row_above(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, place="bottom"),))
    p = placement(w, page)
    f = p.figures[0]
    assert f.cell.bottom == p.cell.bottom
    assert f.photo.top == f.cell.top + 1


def test_a_figure_at_the_top_sits_above_the_headline_block_which_starts_an_air_row_under_it(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, span=4, place="top", credit=None),))
    p = placement(w, page)
    f = p.figures[0]
    caption_rows = f.cell.rows - 6 - 1  # photo 6 rows, caption rows, 1 air row over the headline
    assert f.photo == Cell(1, 4, 0, 6)
    assert f.cell == Cell(1, 4, 0, 6 + caption_rows + 1)
    assert p.head_top == f.cell.rows
    frame = w.compose(page).articles[0]
    head = [r for r in frame.lines if r.kind == "headline"]
    body = [r for r in frame.lines if r.kind == "body"]
    box = frame.figures[0].box
    assert head and all(r.baseline < frame.figures[0].caption.y0 for r in head)  # under the caption (PDF y up)
    assert body and max(r.baseline for r in body) < min(r.baseline for r in head)
    assert frame.fit.capacities == (30 - p.head_top - p.head_rows - p.gap_rows,) * 4
    assert not [r for r in frame.lines if r.kind == "body" and r.baseline > box.y0 - 3]


def test_a_top_figure_under_another_slot_keeps_an_air_row_above_its_photo(tiny_font_path, photo):
    spec = ArticleSpec(id="a", file=Path("a.txt"), slot=Slot(1, 4, 5, 30), where="pages[0].articles[0]",
                       figures=(figure(photo, span=4, place="top", credit=None),))
    issue = make_issue((spec,), columns=4, rows=40)
    caption = TextStyle(name="caption", role="kai", weight="regular", size=CAPTION_SIZE, leading=CAPTION_SIZE,
                        align="justify")
    w = make_world(tiny_font_path, replace(issue, styles=issue.styles + (caption,)), {"a": TEXT})
    w = replace(w, ctx=replace(w.ctx, photos=Photos(cache=photo.parent / ".cache")))
    p = placement(w, issue.pages[0])
    assert p.figures[0].photo == Cell(1, 4, 6, 6)  # row 5 is air under whatever ends above the slot
    assert p.head_top == 1 + p.figures[0].cell.rows


def test_figures_above_the_headline_taller_than_the_slot_are_a_located_error(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, span=4, place="top", rows=28),), lines=30)
    with pytest.raises(LayoutError, match=r"figures above the headline and the headline block need \d+ rows, "
                                          r"the slot has 30") as err:
        w.plan(page)
    assert "figures[0]" in str(err.value)


def test_photo_news_is_a_headline_under_a_top_figure_in_exactly_the_rows_it_needs(tiny_font_path, photo):
    # 图片新闻: a file with only a headline, the photo above it, lines: auto → no body rows, nothing empty
    spec = ArticleSpec(id="a", file=Path("a.txt"), slot=Slot(1, 4, 0, "auto"), where="pages[0].articles[0]",
                       figures=(figure(photo, span=4, place="top", credit=None),))
    issue = make_issue((spec,), columns=4, rows=40)
    caption = TextStyle(name="caption", role="kai", weight="regular", size=CAPTION_SIZE, leading=CAPTION_SIZE,
                        align="justify")
    w = make_world(tiny_font_path, replace(issue, styles=issue.styles + (caption,)), {"a": "headline: 测试\n"})
    w = replace(w, ctx=replace(w.ctx, photos=Photos(cache=photo.parent / ".cache")))
    p = placement(w, issue.pages[0])
    assert p.cell.rows == p.head_top + p.head_rows + p.gap_rows
    fit = w.compose(issue.pages[0]).articles[0].fit
    assert fit.status == "exact" and fit.short_lines == 0 and sum(fit.capacities) == 0


def test_copy_fit_capacities_are_per_column(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo, column_offset=1),))
    p = placement(w, page)
    frame = w.compose(page).articles[0]
    body = p.cell.rows - p.head_rows - p.gap_rows
    excluded = p.exclusions[0].rows
    assert frame.fit.capacities == (body, body - excluded, body - excluded, body)
    assert frame.fit.short_lines == sum(frame.fit.capacities) - frame.fit.body_lines


def test_no_body_line_is_set_over_the_figure(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo),))
    placed = w.compose(page)
    box = placed.articles[0].figures[0].box
    body = [r for r in placed.articles[0].lines if r.kind == "body"]
    assert body
    assert not [r for r in body if r.x0 < box.x1 and r.x1 > box.x0 and box.y0 - 3 < r.baseline < box.y1 + 3]
    assert placed.images and placed.images[0].box == box


def test_the_caption_sits_under_the_photo_inside_its_width(tiny_font_path, photo):
    w, page = world(tiny_font_path, photo, (figure(photo),))
    frame = w.compose(page).articles[0]
    box = frame.figures[0].box
    captions = [r for r in frame.lines if r.kind in ("caption", "credit")]
    assert captions and all(box.x0 - 1e-6 <= r.x0 and r.x1 <= box.x1 + 1e-6 and r.baseline < box.y0
                            for r in captions)


def test_level_counts_end_columns_level_beside_a_top_figure():
    # columns 1–2 start 8 rows down (a figure), 3–4 from the top; 20 rows each column's extent
    # level 12 holds 4 + 4 + 12 + 12 = 32, level 11 holds 28: the first columns take the 2 extra lines
    assert level_counts(30, (12, 12, 20, 20), (8, 8, 0, 0)) == [4, 4, 11, 11]


def test_level_counts_equal_columns_are_the_balanced_fill():
    assert level_counts(10, (5, 5, 5), (0, 0, 0)) == [4, 3, 3]


def test_square_delta_over_unequal_columns():
    assert square_delta(30, (12, 12, 20, 20), (8, 8, 0, 0)) == 2  # level 12 holds 4+4+12+12 = 32
    assert square_delta(32, (12, 12, 20, 20), (8, 8, 0, 0)) == 0


def test_leg_minimum_is_five_lines():
    assert LEG_MIN == 5



def test_a_story_far_longer_than_a_slot_with_a_figure_is_counted_past_its_budget(tiny_font_path, photo):
    from layout.makeup.fit import OVERSET_MARGIN
    long = "headline: 测试\n\n" + "\n\n".join(["正文" * 40] * 100)  # 100 paragraphs: 80 字 + indent, 9 lines
    w, page = world(tiny_font_path, photo, (figure(photo),), lines=20, text=long)
    p = placement(w, page)
    assert p.budget == 20 * 4 + OVERSET_MARGIN  # every row of the 4 columns, the figure's included
    story = w.desk.story("a", p.shape, p.loosen, p.budget)
    assert story.paragraphs == (9,) * 16  # 8 lines kept each: setting stops once more than 120 are kept
    assert (story.unset.paragraphs, story.unset.characters, story.unset.lines) == (84, 84 * 80, 84 * 9)
    frame = w.compose(page).articles[0]
    assert frame.fit.capacities == (9, 9, 17, 17)  # the figure takes 8 rows of columns 1–2
    over = frame.overset
    assert (over.lines_needed, over.lines_available, over.estimated) == (900, 52, True)
    assert over.characters_over == 100 * 80 - (5 * 80 + 8 + 6 * 10)  # 52 lines placed: 5 paragraphs and 7 lines
