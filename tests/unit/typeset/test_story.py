"""Story: a story is set at a shape without a page — headline rows 占行 and body lines at the measure."""

from pathlib import Path

import pytest

from layout.article.text import parse_article
from layout.errors import FontError
from layout.typeset.story import Shape, StoryCache, set_story
from worlds import article, make_issue, make_world

TEXT = parse_article("headline: 标题\n\n" + "正文" * 60 + "。", Path("a.txt"))


def setter(tiny_font_path):
    return make_world(tiny_font_path, make_issue((article("a", 1, 1, 0, 10),)), {}).setter


def test_body_depth_depends_on_the_measure_only(tiny_font_path):
    # 121 characters, 2-字 indent: 10-字 columns → 13 lines; 20-字 columns → 7 lines
    s = setter(tiny_font_path)
    narrow = set_story("a", TEXT, Shape(100.0, 100.0), s)
    wide = set_story("a", TEXT, Shape(200.0, 320.0), s)
    assert (len(narrow.body), len(wide.body)) == (13, 7)
    assert all(line.measure == 100.0 for line in narrow.body)


def test_headline_rows_follow_the_headline_size(tiny_font_path):
    # 15 pt rows: 20 pt → 2 rows + 1 air row; 40 pt → 3 rows + 1
    s = setter(tiny_font_path)
    assert set_story("a", TEXT, Shape(100.0, 210.0), s).head_rows == 3
    assert set_story("a", TEXT, Shape(100.0, 210.0, headline_size=40.0), s).head_rows == 4


def test_a_story_without_a_header_has_no_headline_rows(tiny_font_path):
    text = parse_article("正文。", Path("b.txt"))
    story = set_story("b", text, Shape(100.0, 100.0), setter(tiny_font_path))
    assert story.head == () and story.head_rows == 0 and story.needs == (1,)


def test_the_cache_sets_each_shape_once(tiny_font_path):
    cache = StoryCache({"a": TEXT}, setter(tiny_font_path))
    shape = Shape(100.0, 210.0)
    assert cache.story("a", shape) is cache.story("a", Shape(100.0, 210.0))
    assert cache.story("a", Shape(200.0, 210.0)) is not cache.story("a", shape)


def test_a_text_added_under_a_key_replaces_what_was_set_of_the_old_one_and_forget_drops_it(tiny_font_path):
    """A jump's part tried with one cut, then set with another (makeup.room): never the stale story."""
    cache = StoryCache({"a": TEXT}, setter(tiny_font_path))
    shape = Shape(100.0, 210.0)
    cache.add("a (part 2)", TEXT)
    assert len(cache.story("a (part 2)", shape).body) == 13
    shorter = parse_article("headline: 标题\n\n" + "正文" * 10 + "。", Path("a.txt"))
    cache.add("a (part 2)", shorter)
    assert len(cache.story("a (part 2)", shape).body) == 3  # 21 characters, 2-字 indent: 3 lines of 10 字
    kept = cache.story("a (part 2)", shape)
    cache.add("a (part 2)", shorter)  # the same text again: what was set stays
    assert cache.story("a (part 2)", shape) is kept
    cache.forget("a (part 2)")
    assert "a (part 2)" not in cache.texts and len(cache.story("a", shape).body) == 13


def test_a_missing_glyph_names_the_article_and_file(tiny_font_path):
    text = parse_article("headline: 标题\n\n正文\u0900。", Path("c.txt"))
    with pytest.raises(FontError, match=r"article c, paragraph 1: no font has .*U\+0900") as err:
        set_story("c", text, Shape(100.0, 100.0), setter(tiny_font_path))
    assert err.value.where == "c.txt"
