"""Headline break: a headline of one part and one half set in a forced number of lines (the headline-lines
lever, `headline_break: N`) — balanced, between the segmenter's words, two words or more a line."""

from pathlib import Path

import pytest

from layout.article.text import parse_article
from layout.errors import LayoutError
from layout.typeset.items import Span
from layout.typeset.lines import set_in_lines
from layout.typeset.story import Shape, set_story
from worlds import make_issue, make_world


@pytest.fixture
def setter(tiny_font_path):
    return make_world(tiny_font_path, make_issue(()), {}).setter


def broken(setter, headline: str, width: float, count: int):
    """The headline at 20 pt (a Han is 20 pt wide on the tiny font) in `count` lines, as line texts (None: none)."""
    found = set_in_lines([Span(headline, setter.font("headline", 20.0), "headline", words=True)], width,
                         setter.config_for("headline", indent=0.0), count)
    return None if found is None else [line.text for line in found.lines]


def test_a_headline_on_one_line_is_broken_into_two_balanced_lines_between_words(setter):
    assert broken(setter, "高新区举办人才招聘会", 210.0, 1) == ["高新区举办人才招聘会"]  # 200 pt: it fits one line
    assert broken(setter, "高新区举办人才招聘会", 210.0, 2) == ["高新区举办", "人才招聘会"]  # 5 + 5, not 3 + 7
    assert broken(setter, "全市召开工作会议", 210.0, 2) == ["全市召开", "工作会议"]


def test_a_forced_break_never_falls_inside_a_word(setter):
    # 济宁|高新区|企业家|座谈会|召开: the even cut 7 + 6 (济宁高新区企业|家座谈会召开) is
    # inside 企业家; the nearest cuts between words are 5 + 8 and 8 + 5, as even as each other
    assert broken(setter, "济宁高新区企业家座谈会召开", 270.0, 2) == ["济宁高新区", "企业家座谈会召开"]


def test_no_line_holds_one_word_alone(setter):
    assert broken(setter, "高新区召开", 210.0, 2) is None  # 高新区 | 召开: one word a line
    assert broken(setter, "济宁高新区召开大会", 210.0, 2) is None  # 济宁高新区 | 召开大会 (one word)
    assert broken(setter, "高新区举办人才招聘会", 210.0, 3) is None  # four words cannot make three lines of two


def test_set_head_breaks_a_one_half_headline_into_the_shapes_lines(setter):
    text = parse_article("headline: 高新区举办人才招聘会\n\n正文。", Path("a.txt"))
    natural = set_story("a", text, Shape(100.0, 210.0, headline_size=20.0), setter)
    more = set_story("a", text, Shape(100.0, 210.0, headline_size=20.0, breaks=2), setter)
    assert [h.line.text for h in natural.head] == ["高新区举办人才招聘会"] and natural.head_rows == 3
    assert [h.line.text for h in more.head] == ["高新区举办", "人才招聘会"] and more.head_rows == 5  # 2 × 2 rows + air


def test_a_headline_break_that_cannot_be_set_is_an_error_naming_the_article(setter):
    halves = parse_article("headline: 乙乙 丙丙\n\n正文。", Path("a.txt"))
    with pytest.raises(LayoutError) as info:
        set_story("b", halves, Shape(100.0, 210.0, headline_size=20.0, breaks=2), setter)
    assert "article b: headline_break is for a headline of one line and one half" in info.value.message
    assert "headline_split" in info.value.hint
    short = parse_article("headline: 高新区召开\n\n正文。", Path("a.txt"))
    with pytest.raises(LayoutError) as info:
        set_story("c", short, Shape(100.0, 210.0, headline_size=20.0, breaks=2), setter)
    assert info.value.message == ("article c: the headline '高新区召开' cannot be broken into 2 lines between words "
                                  "(two words or more a line)")
