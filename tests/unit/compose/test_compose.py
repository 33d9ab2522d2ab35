"""Compose: headline blocks in whole rows (占行), body on the baseline grid, rules, overset, 报眉."""

import datetime
from dataclasses import replace

import pytest

from layout.compose.furniture import date_line
from layout.errors import FontError
from layout.spec import FitPolicy
from worlds import article, make_issue, make_world

BODY = "正文" * 60 + "。"


NO_SLACK = FitPolicy(0, 0)  # these tests measure the headline block's own rows (占行), not slack


def page_for(tiny_font_path, texts, *articles, rows=40):
    issue = replace(make_issue(tuple(articles), rows=rows), fit=NO_SLACK)
    world = make_world(tiny_font_path, issue, texts)
    return world.compose(issue.pages[0]), world


def records(page, kind):
    return [r for a in page.articles for r in a.lines if r.kind == kind]


def test_one_line_headline_takes_three_rows(tiny_font_path):
    # headline 20 pt on 15 pt rows → 2 rows per line, plus 1 row before the body
    page, ctx = page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, article("a", 1, 2, 0, 20))
    first_body = records(page, "body")[0]
    assert first_body.baseline == pytest.approx(ctx.grid.baseline(3))


def test_two_line_headline_takes_five_rows(tiny_font_path):
    page, ctx = page_for(tiny_font_path, {"a": "headline: 第一行\nheadline: 第二行\n\n" + BODY},
                         article("a", 1, 2, 0, 20))
    assert records(page, "body")[0].baseline == pytest.approx(ctx.grid.baseline(5))
    assert len(records(page, "headline")) == 2


def test_every_body_line_sits_on_the_page_baseline_grid(tiny_font_path):
    page, ctx = page_for(tiny_font_path, {"a": "kicker: 引题\nheadline: 标题\n\n" + BODY,
                                          "b": "headline: 另一篇\n\n" + BODY},
                         article("a", 1, 2, 0, 20), article("b", 3, 2, 0, 20))
    grid = {round(ctx.grid.baseline(r), 6) for r in range(ctx.grid.rows)}
    assert all(round(r.baseline, 6) in grid for r in records(page, "body"))


def test_body_fills_the_slot_columns_in_reading_order(tiny_font_path):
    page, ctx = page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, article("a", 2, 2, 0, 8))
    cols = [r.column for r in records(page, "body")]
    assert cols == sorted(cols) and set(cols) == {2, 3}
    assert records(page, "body")[0].x0 >= ctx.grid.column_box(2).x0


def test_headline_is_centred_on_the_slot(tiny_font_path):
    page, ctx = page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, article("a", 1, 2, 0, 20))
    head = records(page, "headline")[0]
    slot = page.articles[0].slot
    assert (head.x0 - slot.x0) == pytest.approx(slot.x1 - head.x1)


def test_headline_halves_split_at_the_space_when_too_wide(tiny_font_path):
    # one column is 100 pt: 5 Han at 20 pt; "颁出首张 数据存证" is 9 字 → two lines split at the space
    page, _ = page_for(tiny_font_path, {"a": "headline: 颁出首张 数据存证\n\n" + BODY}, article("a", 1, 1, 0, 30))
    assert [r.text for r in records(page, "headline")] == ["颁出首张", "数据存证"]


def test_headline_halves_fit_with_an_ideographic_space(tiny_font_path):
    page, _ = page_for(tiny_font_path, {"a": "headline: 颁出 首张\n\n" + BODY}, article("a", 1, 2, 0, 30))
    assert [r.text for r in records(page, "headline")] == ["颁出\u3000首张"]


def test_overset_is_recorded_with_exact_counts(tiny_font_path):
    # 1 column, 5 rows, headline 3 rows → 2 body rows of 10 字; 121 characters need 13 lines
    page, _ = page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, article("a", 1, 1, 0, 5))
    over = page.articles[0].overset
    assert (over.lines_needed, over.lines_available) == (13, 2)
    set_chars = sum(len(r.text) for r in records(page, "body"))
    assert set_chars + over.characters_over == len(BODY)
    assert page.fills, "an overset sign is drawn"


def test_missing_character_names_article_paragraph_and_code(tiny_font_path):
    with pytest.raises(FontError) as info:
        page_for(tiny_font_path, {"a": "headline: 标题\n\n正文。\n\n第二段é。"}, article("a", 1, 2, 0, 20))
    assert "article a, paragraph 2" in info.value.message and "U+00E9" in info.value.message


def test_rule_between_side_by_side_articles_sits_in_the_gutter(tiny_font_path):
    page, ctx = page_for(tiny_font_path, {"a": "headline: 甲\n\n正文。", "b": "headline: 乙\n\n正文。"},
                         article("a", 1, 2, 0, 10), article("b", 3, 2, 0, 10))
    x = ctx.grid.column_box(2).x1 + ctx.grid.gutter / 2
    assert any(r.x0 == r.x1 == pytest.approx(x) for r in page.rules)


def test_rule_between_stacked_articles_sits_on_the_row_line(tiny_font_path):
    page, ctx = page_for(tiny_font_path, {"a": "headline: 甲\n\n正文。", "b": "headline: 乙\n\n正文。"},
                         article("a", 1, 4, 0, 10), article("b", 1, 2, 10, 10))
    y = ctx.grid.row_top(10)
    assert any(r.y0 == r.y1 == pytest.approx(y) and r.x1 - r.x0 == pytest.approx(210) for r in page.rules)


def test_date_line_has_the_weekday():
    assert date_line(datetime.date(2023, 8, 22)) == "2023年8月22日 星期二"
    assert date_line(datetime.date(2023, 8, 27)) == "2023年8月27日 星期日"


def test_folio_carries_page_section_paper_and_date(tiny_font_path):
    page, _ = page_for(tiny_font_path, {"a": "headline: 甲\n\n正文。"}, article("a", 1, 2, 0, 10))
    furniture = " ".join(r.text for r in page.runs if not r.article)
    for part in ("第2版", "要闻", "测试日报", "2023年8月22日", "责任编辑：王静"):
        assert part in furniture
    assert page.label == "A02"


def test_article_headline_size_sets_the_headline_and_its_rows(tiny_font_path):
    from dataclasses import replace
    spec = replace(article("a", 1, 4, 0, 30), headline_size=40.0)  # 40 pt on 15 pt rows → 3 rows + 1
    page, ctx = page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, spec)
    head = next(r for r in page.runs if r.style == "headline")
    assert head.size == 40.0
    assert records(page, "body")[0].baseline == pytest.approx(ctx.grid.baseline(4))


def test_headline_halves_split_only_outside_quotes():
    from layout.typeset.story import split_halves
    assert split_halves("颁出首张 数据知识产权存证证书") == ["颁出首张", "数据知识产权存证证书"]
    assert split_halves("济宁高新区“才聚蓼河 企望有你”博硕开放日") == ["济宁高新区“才聚蓼河 企望有你”博硕开放日"]


def test_headline_block_spare_row_is_split_above_and_below(tiny_font_path):
    # headline 20 pt in 2 rows of 15 pt + 1 spare row: half the spare (7.5 pt) goes above the block
    page, ctx = page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, article("a", 1, 2, 0, 20))
    head = next(r for r in page.runs if r.style == "headline")
    assert head.y == pytest.approx(ctx.grid.row_top(0) - 7.5 - (30 - 20) / 2 - 0.88 * 20)


def test_front_page_has_a_masthead_and_a_folio_with_its_page_number(tiny_font_path):
    from dataclasses import replace
    from layout.spec import Masthead
    issue = replace(make_issue((article("a", 1, 4, 8, 20),)), fit=NO_SLACK)
    page_spec = replace(issue.pages[0], number=1, masthead=Masthead(title="测试日报", lines=8, publisher="测试日报社"))
    issue = replace(issue, pages=(page_spec,))
    ctx = make_world(tiny_font_path, issue, {"a": "headline: 头条\n\n" + BODY})
    page = ctx.compose(page_spec)
    furniture = {r.style: r for r in page.runs if not r.article}
    assert set(furniture) == {"masthead", "folio"}  # 版次 on the front page too (issue 13)
    folio = [r.text for r in page.runs if r.style == "folio"]
    assert folio == ["第1版\u3000要闻", "责任编辑：王静"]  # paper and date are in the masthead
    title = next(r for r in page.runs if r.text == "测试日报" and r.size == 40)
    assert ctx.grid.row_top(4) < title.y < ctx.grid.row_top(0)  # the title's 4 rows (40 × 1.15 / 15 ↑)
    info = [r.text for r in page.runs if r.style == "masthead" and r.size == 8]
    assert info == ["2023年8月22日 星期二\u3000农历癸卯年七月初七", "第1期\u3000总第2期\u3000今日1版", "测试日报社"]
    # the 文武线's thick rule in the band's last row (7), over the first article row (8); the 眉线 above the area
    assert sorted(r.y0 - ctx.grid.row_top(8) for r in page.rules if r.y0 == r.y1 and r.width > 0.6) == \
        pytest.approx([3.5, 8 * 15 + 7.5])


def test_style_leading_gives_headline_lines_more_rows(tiny_font_path):
    from dataclasses import replace
    issue = replace(make_issue((article("a", 1, 2, 0, 20),)), fit=NO_SLACK)
    styles = tuple(replace(s, leading=31.0) if s.name == "headline" else s for s in issue.styles)
    issue = replace(issue, styles=styles)  # 31 pt leading on 15 pt rows → 3 rows, + 1 spare
    ctx = make_world(tiny_font_path, issue, {"a": "headline: 标题\n\n" + BODY})
    page = ctx.compose(issue.pages[0])
    assert records(page, "body")[0].baseline == pytest.approx(ctx.grid.baseline(4))


def test_headline_lines_smaller_than_the_headline_is_an_error(tiny_font_path):
    from dataclasses import replace
    from layout.errors import LayoutError
    spec = replace(article("a", 1, 2, 0, 20), headline_lines=1)
    with pytest.raises(LayoutError, match="headline block needs 2 body lines, headline_lines gives 1"):
        page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, spec)


def test_headline_block_taller_than_the_slot_is_an_error(tiny_font_path):
    from layout.errors import LayoutError
    with pytest.raises(LayoutError, match="needs 3 body lines, the slot holds 2"):
        page_for(tiny_font_path, {"a": "headline: 标题\n\n" + BODY}, article("a", 1, 2, 0, 2))


def test_composer_warnings_reach_the_page_with_article_and_paragraph(tiny_font_path):
    url = "见" + "https://example.com/" + "a" * 60 + "。"
    page, _ = page_for(tiny_font_path, {"a": "headline: 标题\n\n正文。\n\n" + url}, article("a", 1, 2, 0, 30))
    assert page.warnings and all(w.startswith("article a, paragraph 2: ") for w in page.warnings)


def test_furniture_falls_back_face_by_face(tiny_font_path, latin_only_font_path):
    from layout.fonts import FaceSource, FontBook, FontTable
    issue = make_issue((article("a", 1, 2, 0, 10),))
    world = make_world(tiny_font_path, issue, {"a": "headline: 甲\n\n正文。"})
    sources = (FaceSource(role="hei", weight="regular", file=latin_only_font_path),
               FaceSource(role="song", weight="regular", file=tiny_font_path))
    book = FontBook(FontTable(sources, (("hei", ("song",)),)))
    from layout.compose.runs import natural_runs
    runs = natural_runs("AB中文C", book.text_font("hei", "regular", 8), 0.0, 0.0, world.setter.styles["folio"],
                        "folio")
    assert [(r.text, r.face.source.role) for r in runs] == [("AB", "hei"), ("中文", "song"), ("C", "hei")]
    assert runs[1].x == pytest.approx(2 * 4.0) and runs[2].x == pytest.approx(2 * 4.0 + 2 * 8.0)


def test_the_page_number_has_its_own_style_not_the_label_colour(tiny_font_path):
    from dataclasses import replace
    from layout.spec import CMYK
    issue = make_issue((article("a", 1, 2, 0, 10),))
    red = CMYK(0, 100, 100, 0)
    issue = replace(issue, styles=tuple(replace(s, color=red) if s.name == "label" else s for s in issue.styles))
    page = make_world(tiny_font_path, issue, {"a": "label: 栏目\nheadline: 甲\n\n正文。"}).compose(issue.pages[0])
    number = next(r for r in page.runs if r.text.startswith("第2版"))
    assert number.color.is_pure_black and number.size == 10
    assert next(r for r in page.runs if r.text == "栏目").color == red


def test_a_column_rule_replaces_the_thin_rule_over_its_rows(tiny_font_path):
    from layout.compose.rules import COLUMN_RULE_WIDTH, RULE_WIDTH
    from layout.output.sidecar import Sidecar, dumps, loads, page_record
    from layout.spec import ColumnRule
    texts = {"a": "headline: 甲\n\n正文。", "b": "headline: 乙\n\n正文。"}
    issue = replace(make_issue((article("a", 1, 2, 0, 20), article("b", 3, 2, 0, 20))), fit=NO_SLACK)
    issue = replace(issue, pages=(replace(issue.pages[0], column_rules=(ColumnRule(3, 0, 6),)),))
    world = make_world(tiny_font_path, issue, texts)
    page = world.compose(issue.pages[0])
    grid = world.grid
    x = grid.column_box(2).x1 + grid.gutter / 2
    in_gutter = sorted(((round(min(r.y0, r.y1), 2), round(max(r.y0, r.y1), 2), r.width) for r in page.rules
                        if r.x0 == r.x1 == pytest.approx(x)), key=lambda t: -t[1])
    # the 栏线 over rows 0–5, the thin rule only under it (rows 6–19), nothing drawn twice
    assert in_gutter == [(round(grid.row_top(6), 2), round(grid.row_top(0), 2), COLUMN_RULE_WIDTH),
                         (round(grid.row_top(20), 2), round(grid.row_top(6), 2), RULE_WIDTH)]
    record = page_record(0, page, page.bleed)
    assert len(record.column_rules) == 1 and record.column_rules[0].width == COLUMN_RULE_WIDTH
    again = loads(dumps(Sidecar("t", "t.pdf", (record,))))
    assert again.pages[0].column_rules == record.column_rules  # read back from the JSON


def test_a_page_without_column_rules_writes_none_in_the_sidecar(tiny_font_path):
    from layout.output.sidecar import Sidecar, dumps, page_record
    page, _ = page_for(tiny_font_path, {"a": "headline: 甲\n\n正文。", "b": "headline: 乙\n\n正文。"},
                       article("a", 1, 2, 0, 10), article("b", 3, 2, 0, 10))
    assert "column_rules" not in dumps(Sidecar("t", "t.pdf", (page_record(0, page, page.bleed),)))
