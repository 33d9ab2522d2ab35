"""Nothing accepted and dropped (issue 15, item 6): each case that once passed silently is an error or a
warning naming the place — a weight the role has no face for, a role whose font is not installed, an empty
article file, an unclosed `**`, an unknown header key, a headline that fills its slot, a full-width
'：' in issue.yaml."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest
from click.testing import CliRunner
from worlds import make_issue, make_world, article, write_issue

from layout.cli import main
from layout.errors import FontError
from layout.fonts import FaceSource, FontBook, FontTable
from layout.typeset.story import Setter


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def issue(tmp_path, tiny_font_path) -> Path:
    return write_issue(tmp_path, tiny_font_path)


def test_a_weight_the_role_has_no_face_for_is_a_warning_naming_the_style(issue):
    issue.write_text(issue.read_text(encoding="utf-8") + "styles:\n  kicker: {weight: semibold}\n"
                     "  dateline: {weight: black}\n", encoding="utf-8")
    result = run("validate", str(issue), "--json")
    assert result.exit_code == 0, result.output
    warnings = json.loads(result.output)["warnings"]
    assert ("issue.yaml (styles.dateline): kai black has no face in fonts.yaml (kai has light, regular, bold): "
            "kai regular is set instead; choose one of those weights, or give the face under fonts:") in warnings
    assert any(w.startswith("issue.yaml (styles.kicker): hei semibold has no face") for w in warnings)


def test_the_sample_styles_have_a_face_each(issue):
    assert json.loads(run("validate", str(issue), "--json").output)["warnings"] == []


def test_a_role_whose_font_is_not_installed_names_the_style(tmp_path, tiny_font_path):
    world = make_world(tiny_font_path, make_issue((article("a", 1, 1, 0, 10),)), {})
    missing = tmp_path / "LXGWWenKai-Bold.ttf"
    table = FontTable((FaceSource(role="song", weight="regular", file=tiny_font_path),
                       FaceSource(role="kai", weight="bold", file=missing, package="fonts-lxgw-wenkai")), ())
    styles = dict(world.setter.styles, dateline=replace(world.setter.styles["dateline"], role="kai", weight="bold"))
    setter = Setter(MappingProxyType(styles), FontBook(table), world.setter.config, world.setter.row)
    with pytest.raises(FontError) as info:
        setter.font("dateline")
    assert info.value.message == f"style 'dateline' (kai bold): font file {missing} not found"
    assert info.value.where == "styles.dateline (issue.yaml), font kai/bold"
    assert info.value.hint.startswith("install the Debian package fonts-lxgw-wenkai; or give styles.dateline")


def test_an_empty_article_file_is_an_error(issue):
    (issue.parent / "b.txt").write_text("\n \n", encoding="utf-8")
    result = run("validate", str(issue))
    assert result.exit_code == 1
    assert f"error: {issue.parent / 'b.txt'}:1: the article file is empty (no headline, no body)" in result.output


@pytest.mark.parametrize("body,line", [("**小标正文。", 3), ("第一段。\n\n**小标，\n正文。", 5)])
def test_an_unclosed_run_in_mark_is_an_error_at_its_line(issue, body, line):
    (issue.parent / "b.txt").write_text(f"headline: 另一篇\n\n{body}\n", encoding="utf-8")
    result = run("validate", str(issue))
    assert result.exit_code == 1
    assert f"{issue.parent / 'b.txt'}:{line}: " in result.output
    assert "the run-in head `**` is not closed" in result.output


@pytest.mark.parametrize("text,line", [("headline: 另一篇\n作者: 李振华\n\n短文。\n", 2),
                                       ("作者: 李振华\n\n短文。\n", 1)])
def test_an_unknown_header_key_says_which_key_was_meant(issue, text, line):
    (issue.parent / "b.txt").write_text(text, encoding="utf-8")
    result = run("validate", str(issue))
    assert result.exit_code == 1
    assert (f"{issue.parent / 'b.txt'}:{line}: unknown header key '作者', did you mean '电头' (dateline/电头)?"
            in result.output)


def test_a_reporter_line_opening_the_body_stays_body(issue):
    (issue.parent / "b.txt").write_text("记者：王磊\n\n短文。\n", encoding="utf-8")
    assert run("validate", str(issue)).exit_code == 0


def test_a_headline_that_fills_its_slot_says_so(tmp_path, tiny_font_path):
    issue = write_issue(tmp_path, tiny_font_path, lines=3)  # 小一 headline: 2 rows + 1 air = the slot's 3 rows
    result = run("validate", str(issue))
    assert result.exit_code == 1
    assert ("article a on page 3: needs 16 lines, slot holds 0 (the headline block takes all 3 rows; "
            "16 lines ≈ 151 characters over)") in result.output


@pytest.mark.parametrize("old,new,key", [("slot: {column: 1, span: 2", "slot: {column： 1, span: 2", "column： 1"),
                                         ("  paper: 测试日报", "  paper：测试日报", None)])
def test_a_full_width_colon_is_named_on_its_own_line(issue, old, new, key):
    text = issue.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    issue.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "：" in row)
    result = run("validate", str(issue))
    assert result.exit_code == 1
    assert f"error: {issue}:{line}" in result.output and "full-width colon '：'" in result.output
