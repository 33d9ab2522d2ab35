"""Round 2 of the messages in the editor's language: proof's --dpi, the kinsoku level, an overlap that
lines: auto makes, the PDF/X painter's checks, the copy desk's change report and `layout plan`'s report are
Chinese with --lang zh (message and hint) and unchanged English otherwise."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from worlds import write_issue

from layout import cjk, i18n
from layout.cli import main
from layout.cli.plan import plan_report
from layout.errors import LayoutError, PrintError
from layout.geometry import Cell
from layout.makeup.placer import Score
from layout.output.paint.pdfx import PdfxSettings, standard_of


@contextmanager
def language(code: str):
    """Make `code` the active language inside the block, English again after it."""
    i18n.use(code)
    try:
        yield
    finally:
        i18n.use("en")


def run(*args: str):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_proof_refuses_a_bad_dpi_in_both_languages(tmp_path):
    pdf, out = tmp_path / "x.pdf", tmp_path / "out"
    zh = run("--lang", "zh", "proof", pdf, "-o", out, "--dpi", "5")
    assert zh.exit_code == 1
    assert zh.output == "错误: --dpi: --dpi 5 超出范围\n  提示: 请用 10–600（默认 100）\n"
    en = run("--lang", "en", "proof", pdf, "-o", out, "--dpi", "5")
    assert en.output == "error: --dpi: --dpi 5 is out of range\n  hint: use 10–600 (100 is the default)\n"


def test_an_unknown_kinsoku_level_is_chinese(tmp_path, tiny_font_path):
    issue = write_issue(tmp_path, tiny_font_path)
    issue.write_text(issue.read_text(encoding="utf-8").replace("pages:\n", "typography: {kinsoku: strict2}\npages:\n"),
                     encoding="utf-8")
    result = run("--lang", "zh", "validate", issue)
    assert result.exit_code == 1
    assert "(typography.kinsoku): kinsoku「strict2」不是 none, basic, gb, strict 之一" in result.output
    assert "提示: 是不是要写「strict」？" in result.output
    with language("zh"), pytest.raises(LayoutError) as caught:
        cjk.check_level("loose")
    assert (caught.value.message, caught.value.hint) == ("未知的避头尾级别「loose」", "可用的有：none, basic, gb, strict")
    with pytest.raises(LayoutError, match="unknown kinsoku level 'loose'"):
        cjk.check_level("loose")


def overlapping_issue(tmp_path, font):
    """Article b's slot (lines: auto, from row 5) runs into article a's rows 0–19 in column 2."""
    issue = write_issue(tmp_path, font)
    issue.write_text(issue.read_text(encoding="utf-8").replace(
        "slot: {column: 3, span: 2, top: 0, lines: rest}", "slot: {column: 2, span: 2, top: 5, lines: auto}"),
        encoding="utf-8")
    return issue


def test_a_slot_overlap_made_by_lines_auto_is_chinese(tmp_path, tiny_font_path):
    issue = overlapping_issue(tmp_path, tiny_font_path)
    zh = run("--lang", "zh", "validate", issue)
    assert zh.exit_code == 1
    assert f"错误: {issue}:24 (pages[0].articles[1].slot): 稿件「a」和「b」的版位重叠（第 5–8 行与第 0–19 行）\n" in zh.output
    assert f"  提示: 移动或缩小其中一个（「a」在 {issue}:21 (pages[0].articles[0].slot)）" in zh.output
    en = run("--lang", "en", "validate", issue)
    assert (f"error: {issue}:24 (pages[0].articles[1].slot): the slots of articles 'a' and 'b' overlap (rows 5–8 "
            f"and 0–19)\n  hint: move or shrink one of them ('a' is at {issue}:21 (pages[0].articles[0].slot))"
            ) in en.output


def settings(standard: str) -> PdfxSettings:
    return PdfxSettings(standard=standard, title="t", author="a", created=dt.datetime(2024, 1, 5, tzinfo=dt.UTC),
                        output_condition="IFRA26", registry="http://www.color.org", output_condition_info="ifra")


def test_the_pdfx_painter_names_an_unknown_standard_in_chinese():
    with language("zh"):
        with pytest.raises(PrintError) as caught:
            standard_of(settings("x-9"))
        assert str(caught.value).startswith("print.standard: 未知的 PDF/X 标准 'x-9'\n  提示: 可用的有：x-1a")
    assert caught.value.message == "未知的 PDF/X 标准 'x-9'"
    with pytest.raises(PrintError) as english:
        standard_of(settings("x-9"))
    assert english.value.message == "unknown PDF/X standard 'x-9'" and english.value.hint.startswith("use one of: x-1a")


PAGE = "济宁高新区重点项目建设新闻发布会举行\n\n本报济宁讯(记者 刘菲)8月17日,发布会举行。\n\n抓精细服务,推动项目建设提速增\n\n效。2023年高新区全面实施推进体系。\n"


def test_the_copy_desks_change_report_is_chinese(tmp_path):
    raw = tmp_path / "page.txt"
    raw.write_text(PAGE, encoding="utf-8")
    zh = run("--lang", "zh", "clean", raw, "-o", tmp_path / "zh")
    assert zh.exit_code == 0, zh.output
    assert f"layout clean：{raw}（UTF-8，7 行）→ 1 个稿件文件，在 {tmp_path / 'zh'}" in zh.output
    assert "改动：" in zh.output and "  电头移入稿头" in zh.output and "接上的段落：1 处" in zh.output
    assert "  第 5 行 → 第 7 行  …" in zh.output
    en = run("--lang", "en", "clean", raw, "-o", tmp_path / "en")
    assert "changes:" in en.output and "1 joined paragraphs:" in en.output and "  line 5 → 7  …" in en.output
    assert "datelines moved into the header" in en.output


def placed_page():
    story = SimpleNamespace(id="lead", priority=1)
    spot = SimpleNamespace(cell=Cell(column=1, span=3, top=0, rows=12), story=story, size=28.0, ladder=0.0,
                           deck=True, split=False, jumped=False)
    score = Score(order=0.0, left=3.0, fill=1.5, variety=0.0, lead=2.0, white=0.0)
    return [(1, SimpleNamespace(spots=(spot,), held=(story,), score=score, rules=(), notes=("a note",)))]


def test_the_plan_report_is_chinese_and_its_english_is_the_placers():
    score = placed_page()[0][1].score
    assert score.breakdown() == ("score 6.5 = order 0 + left 3 + fill 1.5 + variety 0 + lead 2 + white 0 + smaller 0 "
                                 "+ ruled 0 + deck 0")  # jump and lines only when not 0
    assert plan_report(placed_page()).splitlines() == [
        "page 1: 1 stories placed, 1 held over; " + score.breakdown(),
        "  lead               priority 1  columns 1–3, rows 0–11 (12 × 3), headline 28pt",
        "  note: a note"]
    with language("zh"):
        report = plan_report(placed_page()).splitlines()
    assert report == ["第 1 版：排入 1 篇，压稿 1 篇；得分 6.5 = 次序 0 + 剩余 3 + 填满 1.5 + 变化 0 + 头条 2 + 空白 0 + 减小字号 0 + 栏线 0 + 去副题 0",
                      "  lead               优先级 1  第 1–3 栏，第 0–11 行（12 行 × 3 栏），主题 28pt",
                      "  注：a note"]


def test_check_and_clean_refuse_unusable_files_in_chinese(tmp_path):
    text = tmp_path / "notes.pdf"
    text.write_text("hello\n", encoding="utf-8")
    zh = run("--lang", "zh", "check", text)
    assert f"layout check: {text}: 不是 PDF（没有 %PDF- 文件头）" in zh.output
    assert f"layout check: {text}: not a PDF (no %PDF- header)" in run("--lang", "en", "check", text).output
    empty = tmp_path / "page.txt"
    empty.write_bytes(b"")
    result = run("--lang", "zh", "clean", empty, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "文件是空的" in result.output and "提示: 重新导出这个版的文字" in result.output


def test_the_plan_report_names_its_column_rules_and_smaller_headlines_in_chinese():
    from layout.spec import ColumnRule
    number, page = placed_page()[0]
    page.spots[0].ladder = 32.0
    page.rules = (ColumnRule(4, 19, 3),)
    en = plan_report([(number, page)]).splitlines()
    assert en[1].endswith("headline 28pt (one level smaller; ladder 32pt)")
    assert en[2] == "  栏线: gutter left of column 4, rows 19–21 (碰题 parted)"
    with language("zh"):
        zh = plan_report([(number, page)]).splitlines()
    assert zh[1].endswith("主题 28pt（小一级；按级差应为 32pt）") and zh[2] == "  栏线：第 4 栏左侧栏间，第 19–21 行（隔开碰题）"
