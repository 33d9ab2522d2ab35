"""Manifest stage: issue.yaml → Issue, defaults, units, and one test per validation message."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from layout import spec as model
from layout.errors import FontError, ManifestError
from layout.fonts import FONT_TABLE
from layout.manifest import load_font_table, load_issue
from layout.units import PT_PER_MM, PT_PER_Q

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "issues" / "jining" / "issue.yaml"

# A small valid manifest with exact numbers: 300 × 400 pt page, 20 pt margins, 4 columns of 10 pt 字,
# gutter 10 pt → measure floor((260 + 10) / 4 - 10) / 10 = 5 字 = 50 pt; 360 / 18 = 20 body lines.
BASE = """\
issue:
  id: test-2024-01-05
  paper: 测试日报
  date: 2024-01-05
format: {width: 300pt, height: 400pt}
margins: {top: 20, right: 20, bottom: 20, left: 20}
grid:
  columns: 4
  gutter: 10pt
  body: 10pt
  leading: 18pt
pages:
  - number: 1
    section: 要闻
    articles:
      - id: a
        file: articles/a.txt
        slot: {column: 1, span: 2, top: 0, lines: 10}
      - id: b
        file: articles/b.txt
        slot: {column: 3, span: 2, top: 0, lines: rest}
"""


def write(tmp_path: Path, text: str) -> Path:
    """Write `text` as tmp_path/issue.yaml with the article files a.txt and b.txt next to it."""
    (tmp_path / "articles").mkdir(exist_ok=True)
    for name in ("a", "b", "c"):
        (tmp_path / "articles" / f"{name}.txt").write_text("headline: 标题\n\n正文。\n", encoding="utf-8")
    path = tmp_path / "issue.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def fails(tmp_path: Path, text: str) -> ManifestError:
    """The ManifestError that loading `text` raises."""
    with pytest.raises(ManifestError) as info:
        load_issue(write(tmp_path, text))
    return info.value


def line_of(text: str, marker: str) -> int:
    """1-based line of the first line containing `marker`."""
    for number, line in enumerate(text.splitlines(), 1):
        if marker in line:
            return number
    raise AssertionError(marker)


def assert_at(error: ManifestError, tmp_path: Path, line: int, yaml_path: str) -> None:
    """The error's where names the manifest, the line and the YAML path."""
    assert error.where == f"{tmp_path / 'issue.yaml'}:{line} ({yaml_path})"


def with_line(marker: str, replacement: str, text: str = BASE) -> str:
    """BASE with the (unique) line containing `marker` replaced by `replacement` (same indentation kept)."""
    lines = text.splitlines()
    index = line_of(text, marker) - 1
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = indent + replacement
    return "\n".join(lines) + "\n"


def insert_after(marker: str, block: str, text: str = BASE) -> str:
    """`text` with `block` (full lines) inserted after the line containing `marker`."""
    lines = text.splitlines()
    index = line_of(text, marker)
    return "\n".join(lines[:index] + block.rstrip("\n").splitlines() + lines[index:]) + "\n"


# ---------------------------------------------------------------- reading valid manifests

def test_base_manifest_reads_exact_values(tmp_path):
    issue = load_issue(write(tmp_path, BASE))
    assert (issue.id, issue.paper, issue.date, issue.edition) == ("test-2024-01-05", "测试日报",
                                                                  dt.date(2024, 1, 5), "A")
    assert (issue.page_width, issue.page_height) == (300, 400)
    assert issue.grid == model.GridSpec(columns=4, gutter=10, body_size=10, leading=18, measure=None)
    page = issue.pages[0]
    assert (page.number, page.section, page.credits, page.masthead) == (1, "要闻", (), None)
    assert [a.id for a in page.articles] == ["a", "b"]
    assert page.articles[0].slot == model.Slot(1, 2, 0, 10)
    assert page.articles[1].slot == model.Slot(3, 2, 0, "rest")  # lines: rest
    assert page.articles[0].file == (tmp_path / "articles" / "a.txt").resolve()
    assert issue.manifest == (tmp_path / "issue.yaml").resolve()
    assert issue.root == tmp_path.resolve()


def test_article_where_names_manifest_line_and_path(tmp_path):
    issue = load_issue(write(tmp_path, BASE))
    assert issue.pages[0].articles[1].where == f"{tmp_path / 'issue.yaml'}:{line_of(BASE, 'id: b')} " \
                                               f"(pages[0].articles[1])"


def test_defaults_when_sections_are_left_out(tmp_path):
    text = BASE.replace("format: {width: 300pt, height: 400pt}\n", "").replace(
        "margins: {top: 20, right: 20, bottom: 20, left: 20}\n", "")
    text = text.replace("  gutter: 10pt\n  body: 10pt\n  leading: 18pt\n", "")
    issue = load_issue(write(tmp_path, text))
    assert issue.page_width == pytest.approx(390 * PT_PER_MM)  # broadsheet
    assert issue.page_height == pytest.approx(540 * PT_PER_MM)
    assert issue.margins == model.Margins(*(pytest.approx(20 * PT_PER_MM),) * 4)
    assert issue.grid.body_size == 10.5  # 五号
    assert issue.grid.gutter == 10.5  # 1 字
    assert issue.grid.leading == pytest.approx(1.6 * 10.5)
    assert issue.typography == model.Typography()
    assert issue.print == model.PrintSpec()
    assert (issue.fonts, issue.colors, issue.ignore_regions) == ((), (), ())


def test_default_styles(tmp_path):
    issue = load_issue(write(tmp_path, BASE))
    assert [s.name for s in issue.styles] == list(model.STYLE_NAMES)
    body = issue.style("body")
    assert (body.role, body.weight, body.size, body.leading, body.align) == ("song", "regular", 10, 18, "justify")
    sizes = {s.name: s.size for s in issue.styles}
    assert sizes == {"body": 10, "runin": 10, "dateline": 10, "label": 12, "kicker": 15, "headline": 24,
                     "deck": 13.75, "folio": 9, "page_number": 12, "masthead": 60, "masthead_info": 9,
                     "overset": 10, "caption": 9, "jump_label": 10, "jump_headline": 15.75,
                     "box_title": 12, "box": 9}
    assert issue.style("headline").leading == 24  # set solid: leading = size
    assert (issue.style("dateline").role, issue.style("dateline").weight) == ("kai", "bold")
    assert (issue.style("masthead").weight, issue.style("masthead").align) == ("black", "center")
    assert issue.style("folio").align == "left"
    assert issue.style("overset").color == model.CMYK(0, 100, 100, 0)


def test_hao_sizes_and_office_table(tmp_path):
    text = insert_after("  leading: 18pt", "typography: {hao_table: office}\n"
                        "styles:\n  headline: {size: 一号}\n  deck: {size: 四号}\n  label: {size: 13Q}")
    text = with_line("body: 10pt", "body: 小五", text)
    issue = load_issue(write(tmp_path, text))
    assert issue.grid.body_size == 9
    assert issue.style("headline").size == 26  # office 一号 (clreq: 27.5)
    assert issue.style("deck").size == 14  # office 四号 (clreq: 13.75)
    assert issue.style("label").size == pytest.approx(13 * PT_PER_Q)


def test_hao_clreq_is_the_default_table(tmp_path):
    text = insert_after("  leading: 18pt", "styles:\n  headline: {size: 一号}\n  kicker: {size: 小三}")
    issue = load_issue(write(tmp_path, text))
    assert issue.style("headline").size == 27.5
    assert issue.style("kicker").size == 15  # only in the office table: taken from there


def test_lengths_in_units(tmp_path):
    text = with_line("margins:", "margins: {top: 1cm, right: 10mm, bottom: 40Q, left: 2字}")
    text = with_line("gutter: 10pt", "gutter: 1字", text)
    text = insert_after("  leading: 18pt", "  measure: 5字", text)
    issue = load_issue(write(tmp_path, text))
    assert issue.margins.top == pytest.approx(10 * PT_PER_MM)
    assert issue.margins.right == pytest.approx(10 * PT_PER_MM)
    assert issue.margins.bottom == pytest.approx(10 * PT_PER_MM)  # 40 Q = 10 mm
    assert issue.margins.left == 20  # 2 字 of 10 pt body
    assert (issue.grid.gutter, issue.grid.measure) == (10, 50)


def test_named_colour_and_cmyk_list(tmp_path):
    text = insert_after("  leading: 18pt", "colors:\n  house-red: [0, 100, 100, 0]\n"
                        "styles:\n  label: {color: house-red}\n  kicker: {color: [100, 0, 0, 0]}")
    issue = load_issue(write(tmp_path, text))
    assert issue.colors == (("house-red", model.CMYK(0, 100, 100, 0)),)
    assert issue.style("label").color == model.CMYK(0, 100, 100, 0)
    assert issue.style("kicker").color == model.CMYK(100, 0, 0, 0)


def test_partial_style_override_merges_with_default(tmp_path):
    text = insert_after("  leading: 18pt", "styles:\n  headline: {size: 二号}\n  deck: {align: left, kinsoku: gb}")
    issue = load_issue(write(tmp_path, text))
    headline = issue.style("headline")
    assert (headline.role, headline.weight, headline.align) == ("hei", "bold", "center")
    assert (headline.size, headline.leading) == (21, 21)
    deck = issue.style("deck")
    assert (deck.role, deck.weight, deck.size, deck.align, deck.kinsoku) == ("song", "bold", 13.75, "left", "gb")


def test_typography_values_and_yaml11_booleans(tmp_path):
    text = insert_after("  leading: 18pt", "typography:\n  kinsoku: basic\n  pair_compression: 0\n"
                        "  latin_spacing: 0.125\n  hanging: yes\n  breaker: greedy\n  indent: 0字\n  orphan_min: 3")
    typo = load_issue(write(tmp_path, text)).typography
    assert typo == model.Typography(kinsoku="basic", pair_compression=0, latin_spacing=0.125, hanging=True,
                                   breaker="greedy", indent=0, orphan_min=3, hao_table="clreq")


def test_yaml11_words_stay_text(tmp_path):
    """`no`/`off` are booleans and 2024-01-05 a date in YAML 1.1; text fields keep what was written."""
    text = with_line("section: 要闻", "section: no")
    text = insert_after("  date: 2024-01-05", "  edition: off", text)
    issue = load_issue(write(tmp_path, text))
    assert (issue.pages[0].section, issue.edition) == ("no", "off")


def test_quoted_date(tmp_path):
    issue = load_issue(write(tmp_path, with_line("date: 2024", 'date: "2024-01-05"')))
    assert issue.date == dt.date(2024, 1, 5)


def test_print_section_and_icc_profile_relative_to_manifest(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "news.icc").write_bytes(b"icc")
    text = insert_after("  leading: 18pt", "print:\n  standard: x-4\n  bleed: 3mm\n  marks: true\n"
                        "  ink_limit: 220\n  icc_profile: profiles/news.icc\n  output_condition: ISOnewspaper26v4")
    spec = load_issue(write(tmp_path, text)).print
    assert (spec.standard, spec.marks, spec.ink_limit, spec.output_condition) == ("x-4", True, 220,
                                                                                  "ISOnewspaper26v4")
    assert spec.bleed == pytest.approx(3 * PT_PER_MM)
    assert spec.icc_profile == (tmp_path / "profiles" / "news.icc").resolve()


def test_page_credits_order_and_masthead(tmp_path):
    text = insert_after("section: 要闻", "    credits: {责任编辑: 王静, 美编: 李明, 校对: 张华}\n"
                        "    masthead: {title: 测试日报, lines: 4, publisher: 测试报社, registration: CN 37-0001}")
    text = text.replace("top: 0, lines: 10", "top: 4, lines: 10").replace("top: 0, lines: rest",
                                                                          "top: 4, lines: rest")
    page = load_issue(write(tmp_path, text)).pages[0]
    assert page.credits == (("责任编辑", "王静"), ("美编", "李明"), ("校对", "张华"))
    assert page.masthead.where.endswith("(pages[0].masthead)")
    assert replace(page.masthead, where="") == model.Masthead(title="测试日报", lines=4, publisher="测试报社",
                                                              registration="CN 37-0001", span=4)


def test_article_headline_options(tmp_path):
    text = insert_after("id: a", "        headline_align: left\n        headline_lines: 3")
    article = load_issue(write(tmp_path, text)).pages[0].articles[0]
    assert (article.headline_align, article.headline_lines) == ("left", 3)


def test_font_overrides_relative_to_manifest(tmp_path, tiny_font_path):
    (tmp_path / "myfonts").mkdir()
    (tmp_path / "myfonts" / "t.ttf").write_bytes(tiny_font_path.read_bytes())
    text = insert_after("  leading: 18pt", "fonts:\n  - {role: song, weight: regular, file: myfonts/t.ttf}\n"
                        f"  - {{role: hei, weight: bold, file: {tiny_font_path}, index: 0}}")
    fonts = load_issue(write(tmp_path, text)).fonts
    assert fonts == (model.FontOverride("song", "regular", (tmp_path / "myfonts" / "t.ttf").resolve(), 0),
                     model.FontOverride("hei", "bold", tiny_font_path.resolve(), 0))


def test_qa_ignore_regions_with_units(tmp_path):
    text = insert_after("  leading: 18pt", "qa:\n  ignore:\n    - [0, 0, 10mm, 20pt]")
    regions = load_issue(write(tmp_path, text)).ignore_regions
    assert regions == ((0, 0, pytest.approx(10 * PT_PER_MM), 20),)


def test_yaml_merge_keys_are_read(tmp_path):
    text = BASE.replace("slot: {column: 1, span: 2, top: 0, lines: 10}",
                        "slot: &half {column: 1, span: 2, top: 0, lines: 10}")
    text = text.replace("slot: {column: 3, span: 2, top: 0, lines: rest}", "slot: {<<: *half, column: 3}")
    issue = load_issue(write(tmp_path, text))
    assert issue.pages[0].articles[1].slot == model.Slot(3, 2, 0, 10)


@pytest.mark.skipif(not (SAMPLE.parent / "articles").is_dir(), reason="sample article files not generated yet")
def test_sample_manifest_loads():
    issue = load_issue(SAMPLE)
    assert issue.id == "jining-2023-08-22"
    assert issue.date == dt.date(2023, 8, 22)
    assert issue.grid.columns == 8
    assert all(article.file.is_file() for page in issue.pages for article in page.articles)


# ---------------------------------------------------------------- one test per message

def test_yaml_syntax_error_has_line_and_column(tmp_path):
    text = with_line("paper: 测试日报", "paper: [测试日报")
    error = fails(tmp_path, text)
    assert error.where.startswith(f"{tmp_path / 'issue.yaml'}:")
    assert "YAML syntax error" in error.message and "column" in error.message
    assert error.__suppress_context__  # raised `from None`: the CLI shows no yaml traceback


def test_tab_indentation_hint(tmp_path):
    error = fails(tmp_path, BASE.replace("  paper:", "\tpaper:"))
    assert error.where == f"{tmp_path / 'issue.yaml'}:{line_of(BASE, 'paper:')}"
    assert "tabs" in error.hint


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path, text):
    error = fails(tmp_path, text)
    assert "empty" in error.message
    assert error.where == str(tmp_path / "issue.yaml")


def test_top_level_must_be_a_mapping(tmp_path):
    error = fails(tmp_path, "- issue\n- pages\n")
    assert "must be a mapping" in error.message
    assert error.where == f"{tmp_path / 'issue.yaml'}:1"


def test_missing_manifest_file(tmp_path):
    with pytest.raises(ManifestError, match="not found"):
        load_issue(tmp_path / "nope.yaml")


def test_unknown_top_level_key_suggests(tmp_path):
    text = BASE.replace("pages:", "page:")
    error = fails(tmp_path, text)
    assert "unknown key 'page'" in error.message
    assert "did you mean 'pages'" in error.hint
    assert_at(error, tmp_path, line_of(text, "page:"), "page")


def test_unknown_nested_key_suggests(tmp_path):
    text = BASE.replace("{column: 1, span: 2", "{colum: 1, span: 2")
    error = fails(tmp_path, text)
    assert "unknown key 'colum'" in error.message and "did you mean 'column'" in error.hint
    assert_at(error, tmp_path, line_of(text, "colum:"), "pages[0].articles[0].slot.colum")


def test_wrong_type(tmp_path):
    text = BASE.replace("span: 2, top: 0, lines: 10", "span: three, top: 0, lines: 10")
    error = fails(tmp_path, text)
    assert "span must be a whole number, not 'three'" in error.message
    assert_at(error, tmp_path, line_of(text, "three"), "pages[0].articles[0].slot.span")


def test_list_where_a_value_is_expected(tmp_path):
    text = with_line("paper:", "paper: [a, b]")
    error = fails(tmp_path, text)
    assert "paper must be text, not a list" in error.message
    assert_at(error, tmp_path, line_of(text, "paper:"), "issue.paper")


def test_missing_required_key(tmp_path):
    text = BASE.replace("  id: test-2024-01-05\n", "")
    error = fails(tmp_path, text)
    assert "missing required key 'id' in issue" in error.message
    assert_at(error, tmp_path, line_of(text, "paper:"), "issue.id")


def test_missing_slot_key(tmp_path):
    text = BASE.replace("column: 1, span: 2, top: 0, lines: 10", "column: 1, top: 0, lines: 10")
    error = fails(tmp_path, text)
    assert "missing required key 'span'" in error.message
    assert_at(error, tmp_path, line_of(text, "column: 1, top: 0, lines: 10"), "pages[0].articles[0].slot.span")


def test_slot_top_and_lines_default_to_auto(tmp_path):
    issue = load_issue(write(tmp_path, BASE.replace("span: 2, top: 0, lines: 10", "span: 2, lines: auto")))
    assert issue.pages[0].articles[0].slot == model.Slot(1, 2, "auto", "auto")


def test_fit_policy_is_read(tmp_path):
    issue = load_issue(write(tmp_path, BASE + "fit: {headline_air: 3, body_gap: 0}\n"))
    assert issue.fit == model.FitPolicy(3, 0)


def test_required_key_without_value(tmp_path):
    text = with_line("paper:", "paper:")
    error = fails(tmp_path, text)
    assert "no value for required key 'paper'" in error.message
    assert_at(error, tmp_path, line_of(text, "paper:"), "issue.paper")


@pytest.mark.parametrize("line,yaml_path,message", [
    ("typography: {pair_compression: 1.2}", "typography.pair_compression", "more than the maximum 1"),
    ("typography: {latin_spacing: -0.1}", "typography.latin_spacing", "less than the minimum 0"),
    ("typography: {orphan_min: 0}", "typography.orphan_min", "less than the minimum 1"),
    ("print: {ink_limit: 500}", "print.ink_limit", "more than the maximum 400"),
    ("print: {bleed: -3mm}", "print.bleed", "at least 0"),
])
def test_values_out_of_range(tmp_path, line, yaml_path, message):
    text = insert_after("  leading: 18pt", line)
    error = fails(tmp_path, text)
    assert message in error.message
    assert_at(error, tmp_path, line_of(text, line), yaml_path)


def test_zero_columns(tmp_path):
    text = with_line("columns: 4", "columns: 0")
    error = fails(tmp_path, text)
    assert "less than the minimum 1" in error.message
    assert_at(error, tmp_path, line_of(text, "columns: 0"), "grid.columns")


def test_unknown_choice_lists_allowed_values(tmp_path):
    text = insert_after("  leading: 18pt", "typography: {kinsoku: no}")
    error = fails(tmp_path, text)
    assert "kinsoku 'no' is not one of none, basic, gb, strict" in error.message
    assert "did you mean 'none'" in error.hint
    assert_at(error, tmp_path, line_of(text, "kinsoku"), "typography.kinsoku")


@pytest.mark.parametrize("key,value,allowed", [
    ("role", "heiti", model.ROLES), ("weight", "heavy", model.WEIGHTS), ("align", "centre", model.ALIGNMENTS),
])
def test_unknown_role_weight_align(tmp_path, key, value, allowed):
    text = insert_after("  leading: 18pt", f"styles:\n  headline: {{{key}: {value}}}")
    error = fails(tmp_path, text)
    assert f"{key} '{value}' is not one of {', '.join(allowed)}" in error.message
    assert_at(error, tmp_path, line_of(text, "headline:"), f"styles.headline.{key}")


def test_unknown_style_name(tmp_path):
    text = insert_after("  leading: 18pt", "styles:\n  headlin: {size: 二号}")
    error = fails(tmp_path, text)
    assert "unknown key 'headlin' in styles" in error.message and "did you mean 'headline'" in error.hint
    assert_at(error, tmp_path, line_of(text, "headlin:"), "styles.headlin")


def test_bad_type_size(tmp_path):
    text = insert_after("  leading: 18pt", "styles:\n  headline: {size: 大一}")
    error = fails(tmp_path, text)
    assert "'大一' is not a type size" in error.message and "小一" in error.hint
    assert_at(error, tmp_path, line_of(text, "大一"), "styles.headline.size")


def test_bad_length(tmp_path):
    text = with_line("gutter: 10pt", "gutter: 1inch")
    error = fails(tmp_path, text)
    assert "'1inch' is not a length" in error.message
    assert_at(error, tmp_path, line_of(text, "1inch"), "grid.gutter")


def test_bad_date(tmp_path):
    text = with_line("date: 2024", "date: 2024-02-30")
    error = fails(tmp_path, text)
    assert "not a real date" in error.message
    assert_at(error, tmp_path, line_of(text, "date:"), "issue.date")


def test_bad_issue_id(tmp_path):
    text = with_line("id: test-2024", "id: 济宁/2024")
    error = fails(tmp_path, text)
    assert "may only use letters, digits" in error.message
    assert_at(error, tmp_path, line_of(text, "id: 济宁"), "issue.id")


def test_unknown_format(tmp_path):
    text = with_line("format:", "format: broadshet")
    error = fails(tmp_path, text)
    assert "format 'broadshet' is not one of broadsheet, tabloid" in error.message
    assert "did you mean 'broadsheet'" in error.hint
    assert_at(error, tmp_path, line_of(text, "format:"), "format")


def test_margins_need_all_four_sides(tmp_path):
    text = with_line("margins:", "margins: {top: 20, right: 20, bottom: 20}")
    error = fails(tmp_path, text)
    assert "missing required key 'left' in margins" in error.message
    assert_at(error, tmp_path, line_of(text, "margins:"), "margins.left")


def test_margins_larger_than_page(tmp_path):
    text = with_line("margins:", "margins: {top: 20, right: 150, bottom: 20, left: 150}")
    error = fails(tmp_path, text)
    assert "no type area" in error.message
    assert_at(error, tmp_path, line_of(text, "margins:"), "margins")


def test_measure_too_wide_for_the_page(tmp_path):
    text = insert_after("  leading: 18pt", "  measure: 7字")  # 4 × 70 + 3 × 10 = 310 > 260
    error = fails(tmp_path, text)
    assert "do not fit the type area width 260pt" in error.message
    assert_at(error, tmp_path, line_of(text, "measure:"), "grid.measure")


def test_grid_leading_below_body_size(tmp_path):
    text = with_line("leading: 18pt", "leading: 1.6")
    error = fails(tmp_path, text)
    assert "grid leading 1.6pt is less than the body size 10pt" in error.message
    assert_at(error, tmp_path, line_of(text, "leading: 1.6"), "grid.leading")


def test_body_style_must_match_the_grid(tmp_path):
    text = insert_after("  leading: 18pt", "styles:\n  body: {leading: 20pt}")
    error = fails(tmp_path, text)
    assert "body leading 20pt differs from grid.leading 18pt" in error.message
    assert_at(error, tmp_path, line_of(text, "body: {"), "styles.body.leading")


def test_style_leading_below_size(tmp_path):
    text = insert_after("  leading: 18pt", "styles:\n  headline: {leading: 20pt}")
    error = fails(tmp_path, text)
    assert "style 'headline': leading 20pt is less than its size 24pt" in error.message
    assert_at(error, tmp_path, line_of(text, "headline:"), "styles.headline.leading")


def test_unknown_colour_name(tmp_path):
    text = insert_after("  leading: 18pt", "colors:\n  house-red: [0, 100, 100, 0]\n"
                        "styles:\n  label: {color: house-rad}")
    error = fails(tmp_path, text)
    assert "colour 'house-rad' is not defined" in error.message and "did you mean 'house-red'" in error.hint
    assert_at(error, tmp_path, line_of(text, "label:"), "styles.label.color")


def test_cmyk_needs_four_numbers(tmp_path):
    text = insert_after("  leading: 18pt", "colors:\n  red: [0, 100, 100]")
    error = fails(tmp_path, text)
    assert "needs 4 numbers, not 3" in error.message
    assert_at(error, tmp_path, line_of(text, "red:"), "colors.red")


def test_cmyk_channel_out_of_range(tmp_path):
    text = insert_after("  leading: 18pt", "colors:\n  red: [0, 120, 100, 0]")
    error = fails(tmp_path, text)
    assert "more than the maximum 100" in error.message
    assert_at(error, tmp_path, line_of(text, "red:"), "colors.red[1]")


def test_style_colour_over_ink_limit_names_the_style(tmp_path):
    text = insert_after("  leading: 18pt", "styles:\n  headline:\n    color: [60, 60, 60, 100]")
    error = fails(tmp_path, text)
    assert "style 'headline'" in error.message and "280 % total ink" in error.message
    assert "ink limit 240" in error.message
    assert_at(error, tmp_path, line_of(text, "color: [60"), "styles.headline.color")


def test_default_overset_colour_over_a_low_ink_limit(tmp_path):
    text = insert_after("  leading: 18pt", "print: {ink_limit: 150}")
    error = fails(tmp_path, text)
    assert "style 'overset'" in error.message and "200 % total ink" in error.message
    assert_at(error, tmp_path, line_of(text, "ink_limit"), "print.ink_limit")


def test_duplicate_page_numbers(tmp_path):
    text = BASE + "  - number: 1\n    section: 副刊\n"
    error = fails(tmp_path, text)
    assert "page number 1 is used twice" in error.message
    assert f"issue.yaml:{line_of(BASE, 'number: 1')}" in error.message  # where the first one is
    assert_at(error, tmp_path, len(text.splitlines()) - 1, "pages[1].number")


def test_duplicate_article_ids_across_pages(tmp_path):
    text = BASE + ("  - number: 2\n    articles:\n      - id: a\n        file: articles/c.txt\n"
                   "        slot: {column: 1, span: 1, top: 0, lines: 5}\n")
    error = fails(tmp_path, text)
    assert "article id 'a' is used twice" in error.message
    assert_at(error, tmp_path, len(text.splitlines()) - 2, "pages[1].articles[0].id")


def test_slot_columns_outside_grid(tmp_path):
    text = BASE.replace("{column: 3, span: 2,", "{column: 3, span: 3,")
    error = fails(tmp_path, text)
    assert "columns 3–5 run past the grid's 4 columns" in error.message
    assert "span ≤ 2" in error.hint
    assert_at(error, tmp_path, line_of(text, "column: 3"), "pages[0].articles[1].slot.span")


def test_slot_lines_outside_grid(tmp_path):
    text = BASE.replace("top: 0, lines: 10", "top: 15, lines: 10")
    error = fails(tmp_path, text)
    assert "run past the type area's 20 body lines" in error.message
    assert "lines ≤ 5" in error.hint
    assert_at(error, tmp_path, line_of(text, "top: 15"), "pages[0].articles[0].slot.lines")


def test_slot_top_below_grid(tmp_path):
    text = BASE.replace("top: 0, lines: rest", "top: 20, lines: rest")
    error = fails(tmp_path, text)
    assert "top line 20 is below the type area" in error.message
    assert_at(error, tmp_path, line_of(text, "top: 20, lines: rest"), "pages[0].articles[1].slot.top")


def test_overlapping_slots_name_both_articles(tmp_path):
    text = BASE.replace("{column: 3, span: 2, top: 0, lines: rest}", "{column: 2, span: 2, top: 5, lines: rest}")
    error = fails(tmp_path, text)
    assert "articles 'a' and 'b' overlap" in error.message
    assert_at(error, tmp_path, line_of(text, "column: 2"), "pages[0].articles[1].slot")


def test_stacked_slots_do_not_overlap(tmp_path):
    text = BASE.replace("{column: 3, span: 2, top: 0, lines: rest}", "{column: 1, span: 4, top: 10, lines: rest}")
    assert load_issue(write(tmp_path, text)).pages[0].articles[1].slot.top == 10


def test_slot_inside_masthead(tmp_path):
    text = insert_after("section: 要闻", "    masthead: {title: 测试日报, lines: 4}")
    error = fails(tmp_path, text)
    assert "article 'a' starts on line 0, inside the masthead (lines 0–3)" in error.message
    assert "top: 4" in error.hint
    assert_at(error, tmp_path, line_of(text, "top: 0, lines: 10"), "pages[0].articles[0].slot.top")


def test_missing_article_file(tmp_path):
    text = BASE.replace("articles/b.txt", "articles/zz.txt")
    error = fails(tmp_path, text)
    assert "article file 'articles/zz.txt' not found" in error.message
    assert_at(error, tmp_path, line_of(text, "zz.txt"), "pages[0].articles[1].file")


@pytest.mark.parametrize("target", ["../outside.txt", "articles/../../outside.txt", "/etc/hostname"])
def test_article_path_escaping_the_issue_folder(tmp_path, target):
    issue_dir = tmp_path / "issue"
    issue_dir.mkdir()
    (tmp_path / "outside.txt").write_text("x", encoding="utf-8")
    text = BASE.replace("articles/b.txt", target)
    error = fails(issue_dir, text)
    assert "is outside the issue folder" in error.message
    assert_at(error, issue_dir, line_of(text, target), "pages[0].articles[1].file")


def test_absolute_article_path_inside_the_folder_is_allowed(tmp_path):
    path = write(tmp_path, BASE)
    absolute = (tmp_path / "articles" / "b.txt").resolve()
    path.write_text(BASE.replace("articles/b.txt", str(absolute)), encoding="utf-8")
    assert load_issue(path).pages[0].articles[1].file == absolute


def test_missing_icc_profile(tmp_path):
    text = insert_after("  leading: 18pt", "print: {icc_profile: profiles/none.icc}")
    error = fails(tmp_path, text)
    assert "ICC profile 'profiles/none.icc' not found" in error.message
    assert_at(error, tmp_path, line_of(text, "icc_profile"), "print.icc_profile")


def test_missing_font_override_file(tmp_path):
    text = insert_after("  leading: 18pt", "fonts:\n  - {role: song, weight: regular, file: nofont.ttf}")
    error = fails(tmp_path, text)
    assert "font 'nofont.ttf' not found" in error.message
    assert_at(error, tmp_path, line_of(text, "nofont"), "fonts[0].file")


def test_duplicate_yaml_key(tmp_path):
    text = insert_after("paper: 测试日报", "  paper: 另一日报")
    error = fails(tmp_path, text)
    assert f"key 'paper' appears twice in issue (first on line {line_of(text, 'paper: 测试')})" in error.message
    assert "only the last" in error.hint
    assert_at(error, tmp_path, line_of(text, "另一日报"), "issue.paper")


def test_duplicate_key_in_flow_mapping(tmp_path):
    text = BASE.replace("{column: 1, span: 2, top: 0, lines: 10}", "{column: 1, span: 2, top: 0, lines: 10, span: 1}")
    error = fails(tmp_path, text)
    assert "key 'span' appears twice" in error.message
    assert_at(error, tmp_path, line_of(text, "span: 1}"), "pages[0].articles[0].slot.span")


def test_pages_must_not_be_empty(tmp_path):
    text = BASE[: BASE.index("pages:")] + "pages: []\n"
    error = fails(tmp_path, text)
    assert "pages is empty" in error.message
    assert_at(error, tmp_path, line_of(text, "pages:"), "pages")


def test_qa_region_needs_ordered_corners(tmp_path):
    text = insert_after("  leading: 18pt", "qa: {ignore: [[10, 10, 5, 20]]}")
    error = fails(tmp_path, text)
    assert "greater than its x0/y0" in error.message
    assert_at(error, tmp_path, line_of(text, "qa:"), "qa.ignore[0]")


# ---------------------------------------------------------------- fonts/fonts.yaml

def test_font_table_reads_the_project_table():
    table = load_font_table(FONT_TABLE)
    song = table.source("song", "regular")
    assert song.file == Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    assert (song.index, song.package, len(song.sha256)) == (2, "fonts-noto-cjk", 64)
    assert table.source("kai", "bold").index == 0
    assert table.fallback_roles("song") == ("hei", "kai")


def test_font_table_relative_file_and_default_index(tmp_path):
    path = tmp_path / "fonts.yaml"
    path.write_text("faces:\n  song:\n    regular: {file: t.ttf}\nfallback:\n  song: []\n", encoding="utf-8")
    table = load_font_table(path)
    assert table.sources[0].file == tmp_path.resolve() / "t.ttf"
    assert table.sources[0].index == 0
    assert table.fallback == (("song", ()),)


def test_font_table_unknown_weight_is_a_font_error(tmp_path):
    path = tmp_path / "fonts.yaml"
    path.write_text("faces:\n  song:\n    regualr: {file: t.ttf}\n", encoding="utf-8")
    with pytest.raises(FontError) as info:
        load_font_table(path)
    assert "unknown key 'regualr'" in info.value.message and "did you mean 'regular'" in info.value.hint
    assert info.value.where == f"{path}:3 (faces.song.regualr)"


def test_font_table_fallback_to_unconfigured_role(tmp_path):
    path = tmp_path / "fonts.yaml"
    path.write_text("faces:\n  song:\n    regular: {file: t.ttf}\nfallback:\n  song: [hei]\n", encoding="utf-8")
    with pytest.raises(FontError) as info:
        load_font_table(path)
    assert "'hei' is not one of song" in info.value.message
    assert info.value.where == f"{path}:5 (fallback.song[0])"


def test_article_headline_size_accepts_hao_names(tmp_path):
    """An article may set its own headline size (字号) by 号 name or pt."""
    text = BASE.replace("        slot: {column: 1, span: 2, top: 0, lines: 10}\n",
                        "        slot: {column: 1, span: 2, top: 0, lines: 10}\n        headline_size: 小二\n")
    issue = load_issue(write(tmp_path, text))
    assert issue.pages[0].articles[0].headline_size == 18
    assert issue.pages[0].articles[1].headline_size is None
