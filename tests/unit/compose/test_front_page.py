"""Front page (issue 13): 农历 dates, the masthead's rows from its content, ears, the 导读 resolved from the
made-up edition, ads (placeholder reported, a PDF imported and preflighted), and nothing given dropped."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from layout.build import BuildOptions, build
from layout.compose.almanac import lunar_date, solar_date
from layout.errors import LayoutError
from layout.makeup import front, index
from layout.manifest import load_issue
from layout.spec import BoxSpec, Masthead, Slot
from tests.worlds import article, make_issue, make_world, manifest_text

BODY = "正文" * 30


@pytest.mark.parametrize("day, expected", [
    (dt.date(2023, 8, 22), "农历癸卯年七月初七"),  # the sample's date (七夕)
    (dt.date(2023, 3, 22), "农历癸卯年闰二月初一"),  # a leap month
    (dt.date(2024, 2, 9), "农历癸卯年腊月三十"),  # 除夕: still the old 干支 year
    (dt.date(2024, 2, 10), "农历甲辰年正月初一"),  # 春节: the 干支 year turns here, not on 1 January
    (dt.date(2020, 1, 1), "农历己亥年腊月初七"),
])
def test_lunar_dates_on_known_days(day, expected):
    assert lunar_date(day) == expected


def test_solar_date_has_the_weekday():
    assert solar_date(dt.date(2023, 8, 22)) == "2023年8月22日 星期二"


def styles(world):
    return world.setter.styles


def test_masthead_rows_from_content_centred_and_left(tiny_font_path):
    world = make_world(tiny_font_path, make_issue(()), {})
    # tiny world: masthead 40 pt, info 8 pt, rows of 15 pt → title ⌈40 × 1.15 / 15⌉ = 4, a line ⌈8 × 1.25 / 15⌉ = 1
    centred = front.masthead_rows(Masthead(title="测试日报", publisher="社"), styles(world), 15.0)
    assert (centred.title, centred.line, centred.lines, centred.band) == (4, 1, 3, 4 + 3 + 1)
    left = front.masthead_rows(Masthead(title="测试日报", align="left", subtitle="机关报", registration="CN 37-0001",
                                        postal_code="23-80", publisher="社"), styles(world), 15.0)
    assert (left.title, left.lines, left.band) == (4, 1 + 3 + 3, 7 + 1)  # the info beside the title: max(4, 7)
    asked = front.masthead_rows(Masthead(title="测试日报", lines=12), styles(world), 15.0)
    assert asked.band == 12  # taller than the content is what the editor asked for


def test_masthead_lines_too_small_is_an_error_not_an_overprint(tiny_font_path):
    world = make_world(tiny_font_path, make_issue(()), {})
    with pytest.raises(LayoutError) as err:
        front.masthead_rows(Masthead(title="测试日报", lines=2, where="issue.yaml:9 (pages[0].masthead)"),
                            styles(world), 15.0)
    assert err.value.message == ("the masthead needs 7 rows (title 4 + 2 info lines × 1 + 1 row of air), "
                                 "lines: 2 would overprint")
    assert err.value.where == "issue.yaml:9 (pages[0].masthead)" and "lines: 7" in err.value.hint


def front_world(tiny_font_path, masthead: Masthead, boxes=(), articles=None, pages=1):
    """A one-page world whose page is 第1版 with `masthead` and `boxes`."""
    articles = articles if articles is not None else (article("a", 1, 4, "auto", "auto"),)
    issue = replace(make_issue(articles), fit=replace(make_issue(()).fit, headline_air=0, body_gap=0))
    page = replace(issue.pages[0], number=1, masthead=masthead, boxes=tuple(boxes))
    issue = replace(issue, pages=(page,) * pages)
    return make_world(tiny_font_path, issue, {"a": "headline: 头条\n\n" + BODY}), page


def test_auto_top_stacks_under_the_band_and_an_ear_slot_stays_in_it(tiny_font_path):
    mast = Masthead(title="测试日报", span=2)  # band 7 rows over columns 1–2; columns 3–4 are the ear
    weather = BoxSpec(kind="weather", id="weather", slot=Slot(3, 2, 0, "auto"), where="w", title="天气",
                      lines=("晴", "多云"))
    world, page = front_world(tiny_font_path, mast, [weather])
    plan = world.plan(page)
    assert plan.masthead_cell.rows == 7 and plan.masthead_cell.span == 2
    assert plan.boxes[0].cell.top == 0 and plan.boxes[0].cell.rows == 2 + 2 + 1
    assert plan.placements[0].cell.top == 7  # top: auto lands under the band, not in the ear
    tall = replace(weather, lines=("晴",) * 5)  # 2 + 5 + 1 = 8 rows: into the band's rule row
    world, page = front_world(tiny_font_path, mast, [tall])
    with pytest.raises(LayoutError, match=r"in the ear \(报眼\) beside the masthead but runs to row 7"):
        world.plan(page)


def test_a_slot_into_the_masthead_is_an_error(tiny_font_path):
    world, page = front_world(tiny_font_path, Masthead(title="测试日报"), articles=(article("a", 1, 2, 3, 10),))
    with pytest.raises(LayoutError, match=r"article 'a' \(rows 3–12 of columns 1–2\) runs into the masthead "
                                          r"\(rows 0–6 of columns 1–4\)"):
        world.plan(page)


def test_nothing_given_is_dropped_from_the_front_page(tiny_font_path):
    mast = Masthead(title="测试日报", subtitle="中共测试市委机关报", publisher="测试日报社", registration="CN 37-0001",
                    postal_code="23-80", align="left")
    world, page = front_world(tiny_font_path, mast, articles=(article("a", 1, 4, "auto", "auto"),))
    composed = world.compose(replace(page, section="要闻", credits=(("责任编辑", "王静"), ("美编", "李明"))))
    text = " ".join(r.text for r in composed.runs)
    for given in ("第1版\u3000要闻", "责任编辑：王静", "美编：李明", "测试日报", "中共测试市委机关报", "测试日报社",
                  "国内统一连续出版物号 CN 37-0001", "邮发代号 23-80", "第1期\u3000总第2期\u3000今日1版",
                  "2023年8月22日 星期二", "农历癸卯年七月初七", "头条"):
        assert given in text, given


def three_page_edition(tiny_font_path, edition="A"):
    """A toy edition: page 1 with a 导读 box, pages 2 and 3 with stories marked index: (b by its headline)."""
    issue = make_issue(())
    marked = [replace(article("b", 1, 2, 0, "auto"), index=""), replace(article("c", 3, 2, 0, "auto"), index="短题丙"),
              article("d", 1, 2, 0, "auto"), replace(article("e", 3, 2, 0, "auto"), index="短题戊")]
    box = BoxSpec(kind="index", id="index", slot=Slot(1, 2, 20, "auto"), where="pages[0].index", title="导读",
                  entries=3)
    pages = (replace(issue.pages[0], number=1, articles=(article("a", 1, 4, 0, 10),), boxes=(box,)),
             replace(issue.pages[0], number=2, articles=tuple(marked[:2])),
             replace(issue.pages[0], number=3, articles=tuple(marked[2:])))
    issue = replace(issue, pages=pages, edition=edition)
    texts = {k: f"headline: 标题{k}\n\n" + BODY for k in "acde"} | {"b": "headline: 乙的标题\n\n" + BODY}
    return make_world(tiny_font_path, issue, texts), issue


def test_index_labels_resolve_to_the_pages_the_stories_landed_on(tiny_font_path):
    world, issue = three_page_edition(tiny_font_path)
    plans = index.resolve(tuple(world.plan(p) for p in issue.pages), issue, world.desk.texts)
    entries = plans[0].boxes[0].entries
    assert [(e.article, e.text, e.label) for e in entries] == [("b", "乙的标题", "第2版"), ("c", "短题丙", "第2版"),
                                                               ("e", "短题戊", "第3版")]
    assert plans[0].boxes[0].cell.rows == 2 + 3 + 1  # heading, three entries, a row of air
    stories = {p.id: world.desk.story(p.id, p.shape, p.loosen) for p in plans[0].placements}
    from layout.compose.page import compose_page
    page = compose_page(plans[0], stories, world.ctx)
    runs = [r for r in page.runs if r.style == "index"]
    lines = {}
    for run in runs:
        lines.setdefault(round(run.y, 2), []).append(run)
    assert [" ".join(r.text.strip("…") or "…" for r in row) for _, row in sorted(lines.items(), reverse=True)] == [
        "乙的标题 … 第2版", "短题丙 … 第2版", "短题戊 … 第3版"]
    box = world.grid.cell_box(plans[0].boxes[0].cell)
    for row in lines.values():  # text flush left, label flush right (half a body 字 inside the frame)
        assert row[0].x == pytest.approx(box.x0 + 5) and row[-1].x + 8 + 4 + 8 == pytest.approx(box.x1 - 5)


def test_index_labels_carry_the_edition_letter(tiny_font_path):
    world, issue = three_page_edition(tiny_font_path, edition="B")
    plans = index.resolve(tuple(world.plan(p) for p in issue.pages), issue, world.desk.texts)
    assert [e.label for e in plans[0].boxes[0].entries] == ["B2版", "B2版", "B3版"]


def test_ad_placeholder_is_marked_and_reported(tiny_font_path):
    ad = BoxSpec(kind="ad", id="bank", slot=Slot(1, 4, 30, 10), where="issue.yaml:40 (pages[0].ads[0])",
                 file_name="ads/bank.pdf", label="某银行")
    world, page = front_world(tiny_font_path, Masthead(title="测试日报"), [ad])
    composed = world.compose(page)
    assert [r.text for r in composed.runs if r.style == "ad"] == ["广告", "某银行", "4栏10行（宽152mm，高53mm）",
                                                                  "待稿：ads/bank.pdf"]
    assert composed.warnings == (("page 1: ad 'bank' is not in yet (ads/bank.pdf): a marked placeholder of "
                                  "4栏10行（宽152mm，高53mm） is printed in the ad slot at issue.yaml:40 (pages[0].ads[0])"),)


# --- ads through the whole build, on the tiny font ---------------------------------------------------------

AD_PAGE = """\
  - number: 1
    section: 要闻
    masthead: {title: 测试日报}
    index: {slot: {column: 3, span: 2, top: 8}}
    ads:
      - {id: bank, file: ads/bank.pdf, slot: {column: 1, width: 210pt, top: 8, height: 150pt}}
    articles:
      - {id: lead, file: a.txt, slot: {column: 3, span: 2, top: 12, lines: 10}}
"""


def ad_manifest(tmp_path: Path, font: Path, draw) -> Path:
    """A tiny 2-page edition whose page 1 has an ad drawn by `draw(canvas)` (reportlab) into ads/bank.pdf."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    (tmp_path / "ads").mkdir()
    pdfmetrics.registerFont(TTFont("TinyAd", str(font)))  # embedded: reportlab's Helvetica would not be
    canvas = Canvas(str(tmp_path / "ads" / "bank.pdf"), pagesize=(200, 140), invariant=1, initialFontName="TinyAd")
    draw(canvas)
    canvas.showPage()
    canvas.save()
    text = manifest_text(font).replace("  - number: 3\n", AD_PAGE + "  - number: 3\n", 1)
    text = text.replace("      - id: b\n        file: b.txt\n", "      - id: b\n        file: b.txt\n        index: 短题\n")
    (tmp_path / "a.txt").write_text("headline: 头条\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("headline: 乙\n\n" + BODY, encoding="utf-8")
    path = tmp_path / "issue.yaml"
    path.write_text(text.replace("      - id: a\n        file: a.txt", "      - id: a2\n        file: a.txt"),
                    encoding="utf-8")
    return path


def cmyk_art(canvas):
    canvas.setFillColorCMYK(0, 1, 1, 0)
    canvas.rect(10, 10, 180, 120, stroke=0, fill=1)


def test_ad_pdf_is_placed_as_a_vector_form_and_the_page_passes_preflight(tmp_path, tiny_font_path):
    from layout.check import CheckOptions, preflight
    path = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    issue = load_issue(path)
    ad = issue.pages[0].boxes[1]
    assert (ad.kind, ad.slot) == ("ad", Slot(1, 2, 8, 10))  # 210 pt → 2 columns (210 + 10) / 110; 150 pt → 10 rows
    result = build(path, BuildOptions(outdir=tmp_path / "out"))
    form = result.pages[0].forms[0]
    assert (form.name, form.article) == ("ads/bank.pdf", "bank")
    assert form.box.width / form.box.height == pytest.approx(200 / 140)  # scaled to fit, not distorted
    assert preflight(result.issue_pdf, CheckOptions(standard="x-1a")).passed
    with pikepdf.open(result.issue_pdf) as pdf:
        xobjects = pdf.pages[0].Resources.XObject
        forms = [x for x in xobjects.values() if x.get("/Subtype") == "/Form"]
        assert len(forms) == 1 and [float(v) for v in forms[0].BBox] == [0, 0, 200, 140]
        assert b"0 1 1 0 k" in forms[0].read_bytes()  # the ad's own CMYK operators, copied as they are


@pytest.mark.parametrize("draw, problem", [
    (lambda c: (c.setFillColorRGB(1, 0, 0), c.rect(0, 0, 50, 50, stroke=0, fill=1)), "DeviceRGB"),
    (lambda c: (c.setFillColorCMYK(1, 1, 1, 1), c.rect(0, 0, 50, 50, stroke=0, fill=1)), "total ink"),
    (lambda c: (c.setFillColorCMYK(0, 0, 0, 1), c.setFont("Helvetica", 12), c.drawString(10, 10, "Ad")),
     "font Helvetica is not embedded"),
])
def test_ad_pdf_failing_preflight_is_rejected_with_its_problems(tmp_path, tiny_font_path, draw, problem):
    path = ad_manifest(tmp_path, tiny_font_path, draw)
    with pytest.raises(LayoutError) as err:
        build(path, BuildOptions(outdir=tmp_path / "out"))
    assert err.value.message.startswith("ad 'bank' 'bank.pdf' fails preflight: ") and problem in err.value.message
    assert "pages[0].ads[0]" in err.value.where and "PDF/X-1a" in err.value.hint


def test_missing_ad_file_builds_with_a_placeholder_in_the_summary(tmp_path, tiny_font_path):
    path = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    (tmp_path / "ads" / "bank.pdf").unlink()
    result = build(path, BuildOptions(outdir=tmp_path / "out"))
    assert any(w.startswith("page 1: ad 'bank' is not in yet (ads/bank.pdf)") for w in result.summary.warnings)
    assert result.pages[0].forms == ()


# --- keys printed or rejected ----------------------------------------------------------------------------

def load_with(tmp_path, font, page_text):
    (tmp_path / "a.txt").write_text("headline: 头条\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("headline: 乙\n\n" + BODY, encoding="utf-8")
    path = tmp_path / "issue.yaml"
    path.write_text(manifest_text(font).replace("  - number: 3\n    section: 要闻\n", page_text, 1), encoding="utf-8")
    return load_issue(path)


def test_masthead_on_an_inner_page_is_an_error_unless_it_fronts_a_section(tmp_path, tiny_font_path):
    with pytest.raises(LayoutError) as err:
        load_with(tmp_path, tiny_font_path, "  - number: 3\n    section: 要闻\n    masthead: {title: 测试日报}\n")
    assert err.value.message == "page 3 has a masthead (报头), but only the front page (第1版) carries one"
    assert "section_front: true" in err.value.hint and "(pages[0].masthead)" in err.value.where
    issue = load_with(tmp_path, tiny_font_path, "  - number: 3\n    section: 要闻\n    section_front: true\n"
                      "    masthead: {title: 测试日报}\n")
    assert issue.pages[0].section_front and issue.pages[0].masthead.title == "测试日报"


def test_unknown_masthead_key_and_unlisted_index_marks_are_rejected(tmp_path, tiny_font_path):
    with pytest.raises(LayoutError, match="unknown key 'postcode' in masthead"):
        load_with(tmp_path, tiny_font_path, "  - number: 1\n    section: 要闻\n    masthead: {postcode: 23-80}\n")
    text = manifest_text(tiny_font_path).replace("        file: b.txt\n", "        file: b.txt\n        index: true\n")
    (tmp_path / "issue.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LayoutError, match="article 'b' on page 3 is marked index:, but no earlier page has a 导读 box"):
        load_issue(tmp_path / "issue.yaml")


def test_masthead_title_defaults_to_the_paper(tmp_path, tiny_font_path):
    issue = load_with(tmp_path, tiny_font_path, "  - number: 1\n    section: 要闻\n    masthead: {align: left}\n")
    assert (issue.pages[0].masthead.title, issue.pages[0].masthead.align) == ("测试日报", "left")


def test_a_story_can_sit_in_the_ear(tiny_font_path):
    world, page = front_world(tiny_font_path, Masthead(title="测试日报", span=2),
                              articles=(article("a", 3, 2, 0, 6),))
    plan = world.plan(page)
    assert (plan.placements[0].cell.top, plan.placements[0].cell.bottom) == (0, 6)  # above the rule row (6)


def test_masthead_logo_pdf_is_placed_as_a_form_the_title_rows_high(tmp_path, tiny_font_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    logo = tmp_path / "logo.pdf"
    pdfmetrics.registerFont(TTFont("TinyAd", str(tiny_font_path)))
    canvas = Canvas(str(logo), pagesize=(200, 50), invariant=1, initialFontName="TinyAd")
    cmyk_art(canvas)
    canvas.showPage()
    canvas.save()
    world, page = front_world(tiny_font_path, Masthead(title="测试日报", logo=logo, logo_rows=3))
    composed = world.compose(page)
    form = composed.forms[0]
    assert (form.article, form.box.height, form.box.width) == ("masthead", 45.0, pytest.approx(180.0))
    grid = world.grid
    assert form.box.x0 == pytest.approx(grid.type_area.x0 + (grid.type_area.width - 180) / 2)  # centred
    assert not [r for r in composed.runs if r.text == "测试日报" and r.style == "masthead"]  # the logo replaces it


def test_masthead_title_and_logo_together_are_rejected(tmp_path, tiny_font_path):
    (tmp_path / "logo.png").write_bytes(b"")
    with pytest.raises(LayoutError, match="the masthead takes a title or a logo, not both"):
        load_with(tmp_path, tiny_font_path, "  - number: 1\n    section: 要闻\n"
                  "    masthead: {title: 测试日报, logo: logo.png}\n")


def test_ad_image_is_separated_and_placed_whole(tmp_path, tiny_font_path):
    from PIL import Image as PILImage
    path = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    PILImage.new("RGB", (800, 560), (200, 30, 30)).save(tmp_path / "ads" / "bank.jpg", quality=90)
    path.write_text(path.read_text(encoding="utf-8").replace("ads/bank.pdf", "ads/bank.jpg"), encoding="utf-8")
    result = build(path, BuildOptions(outdir=tmp_path / "out"))
    image = next(i for i in result.pages[0].images if i.article == "bank")
    assert (image.file, image.components) == ("ads/bank.jpg", 4)  # DeviceCMYK, within the ink limit
    assert image.max_tac <= 240 + 1e-6 and result.pages[0].forms == ()
