"""Issue 11 rules 3–7 with exact numbers on the tiny font (size 10: Han and full-width marks 10 pt,
Latin letters and digits 5 pt, other ASCII 2.5 pt; the Han–Latin space ¼ em = 2.5 pt)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from worlds import article, make_issue, make_world

from layout.article.text import parse_article
from layout.typeset.audit import audit_lines
from layout.typeset.breaking import (
    INF_BAD,
    LOOSE_RATIO,
    BreakParams,
    Colour,
    colour_of,
    demerits,
    fewest_loose,
    short_stiff_lines,
    total_fit,
)
from layout.typeset.config import ComposeConfig
from layout.typeset.hyphen import points
from layout.typeset.items import Span, build_items
from layout.typeset.knuth import Box, Penalty
from layout.typeset.lines import _break_once, _line_texts, colour_bound, letterspacing, lone_latin, set_paragraph
from layout.typeset.story import Shape, set_head


def head(tiny_font, text, measure):
    """A headline part set as the story sets it: centred, broken between words only."""
    result = set_paragraph([Span(text, tiny_font(10), "headline", words=True)], measure,
                           ComposeConfig(indent=0.0, align="center"))
    return [line.text for line in result.lines]


def body(tiny_font, text, measure, **options):
    options.setdefault("indent", 0.0)
    return set_paragraph([Span(text, tiny_font(10))], measure, ComposeConfig(**options))


def cuts(tiny_font, text, measure=60.0):
    """(text before the cut, cost) of each break allowed inside the tokens of `text`."""
    built = build_items([Span(text, tiny_font(10))], measure, ComposeConfig(indent=0.0))
    items, chars, out = built.items, built.prepared.text, []
    for i, item in enumerate(items):
        if type(item) is Penalty and item.kind == "separator":
            after = next(x for x in items[i:] if type(x) is Box)
            out.append((chars[:after.start], item.cost))
    return out


# --- rule 5: headlines break like an editor breaks them ---------------------------------------------------

def test_a_headline_with_latin_words_breaks_at_words_in_balanced_lines(tiny_font):
    # 6 字: 从 git 到 (40 pt) | GitHub 协作 (52.5) | 开发入门 (40): never one word a line, never 协|作
    assert head(tiny_font, "从 git 到 GitHub 协作开发入门", 60.0) == ["从 git 到", "GitHub 协作", "开发入门"]


def test_a_narrow_headline_never_breaks_inside_a_word(tiny_font):
    assert head(tiny_font, "新能源汽车销量创新高", 40.0) == ["新能源", "汽车销量", "创新高"]


def test_latin_words_join_the_han_word_after_them_rather_than_stand_alone(tiny_font):
    # `GitHub Copilot` (67.5 pt) alone would fit; it takes 悄然 (90 pt) and 进课堂 goes down
    assert head(tiny_font, "Python 3.12 发布 GitHub Copilot 悄然进课堂", 100.0) == [
        "Python 3.12 发布", "GitHub Copilot 悄然", "进课堂"]


def test_lone_latin_is_a_line_of_latin_words_or_numbers_only():
    assert lone_latin("GitHub Copilot") and lone_latin("12647-3") and lone_latin(" iPhone 15 Pro ")
    assert not lone_latin("GitHub 协作") and not lone_latin("标准") and not lone_latin("“Hello”")


def test_a_headline_that_must_leave_latin_alone_is_set_smaller(tiny_font_path):
    # at 20 pt in 90 pt `12647-3` (65 pt) can join neither 迈向 ISO nor 标准 (110 pt): alone whatever the
    # breaks; 0.9 (18 pt: 12647-3 标准 99 pt) does not help, 0.8 (16 pt: 88 pt) does
    world = make_world(tiny_font_path, make_issue((article("a", 1, 1, 0, 10),)), {})
    text = parse_article("headline: 报业印刷迈向 ISO 12647-3 标准\n\n正文。", Path("a.txt"))
    lines = set_head("a", text, Shape(100.0, 90.0, headline_size=20.0), world.setter)
    assert [(h.line.text, h.size) for h in lines] == [("报业印刷", 16.0), ("迈向 ISO", 16.0), ("12647-3 标准", 16.0)]


def test_a_dateline_credit_and_name_never_break_inside(tiny_font):
    # 2-字 indent + 本报讯（记者 刘菲） is 112.5 pt, 100 pt with the credit space closed and （ squeezed: in
    # 90 pt the line breaks between credit and name, never 记|者 or 刘|菲
    result = set_paragraph([Span("本报讯（记者 刘菲）", tiny_font(10), "dateline", words=True),
                            Span("永永永永永永永永永", tiny_font(10))], 90.0, ComposeConfig(indent=2.0))
    assert [line.text for line in result.lines] == ["本报讯（记者", "刘菲）永永永永永永", "永永永"]


def test_a_credit_space_closes_up_rather_than_leave_the_credit_line_letterspaced(tiny_font):
    # In 100 pt `本报讯（记者` alone opens its gaps by 2 em: the even-colour pass closes the space between
    # 记者 and 刘菲 (2.5 pt → 0) and squeezes （ to its ink, and the dateline fits its line exactly
    result = set_paragraph([Span("本报讯（记者 刘菲）", tiny_font(10), "dateline", words=True),
                            Span("永永永永永永永永永永永", tiny_font(10))], 100.0, ComposeConfig(indent=2.0))
    first = result.lines[0]
    assert [line.text for line in result.lines] == ["本报讯（记者 刘菲）", "永永永永永永永永永", "永永"]
    space = next(g for g in first.glyphs if g.char == " ")
    assert space.advance == pytest.approx(0.0, abs=1e-9) and first.width == pytest.approx(100.0)


def test_the_credit_space_keeps_its_width_when_no_line_is_loose(tiny_font):
    # (the even-colour pass runs only for a paragraph with a line over ¼ em: a 孤字-free fit is left alone)
    result = set_paragraph([Span("本报讯（记者 刘菲）", tiny_font(10), "dateline", words=True),
                            Span("永永永永永永", tiny_font(10))], 200.0, ComposeConfig(indent=2.0))
    space = next(g for g in result.lines[0].glyphs if g.char == " ")
    assert space.advance == pytest.approx(2.5)


# --- even colour: English words hyphenated as a last resort ------------------------------------------------

def test_an_english_word_is_hyphenated_with_a_visible_hyphen_rather_than_letterspace(tiny_font):
    # 100 pt: `永永永永永永永Counterpoint` cannot fit (70 + 2.5 + 60); unhyphenated the first line is
    # 永×7 at 0.43 em gaps. Coun-ter-point: `Coun-` (20 + 2.5 hyphen) after the space fills 95 of 100 pt
    text = "永永永永永永永Counterpoint永永永永永永永永永"
    lines = body(tiny_font, text, 100.0).lines
    assert [line.text for line in lines] == ["永永永永永永永Coun-", "terpoint永永永永永", "永永永永"]
    hyphen = lines[0].glyphs[-1]
    assert hyphen.char == "-" and hyphen.x + hyphen.advance == pytest.approx(100.0)
    assert max(letterspacing(line) for line in lines[:-1]) <= 0.25


@pytest.mark.parametrize("word", ["rebase", "NVIDIA", "Hello", "requirements.txt", "Intel5"])
def test_lower_case_words_acronyms_short_words_and_tokens_are_never_hyphenated(word):
    assert points(word) == ()


def test_hyphenation_points_leave_two_letters_before_and_three_after():
    assert points("Counterpoint") == (4, 7) and points("JetBrains") == (3,)


def test_a_word_the_us_patterns_do_not_know_takes_the_british_points():
    """en_US first (`Vis-ual`, which en_GB does not split); a word it gives no point takes en_GB's:
    `Py-thon`, `Ge-Force`, `Git-Hub`."""
    assert points("Visual") == (3,) and points("Python") == (2,) and points("GeForce") == (2,)
    assert points("GitHub") == (3,)


def test_a_first_line_that_cannot_take_its_latin_word_hyphenates_it(tiny_font):
    """`市图书馆新增` + `Python` is 92.5 pt, the first line 90 (110 less the 2-字 indent): unhyphenated
    it is 6 Han at 0.6-em gaps; `Py-` (10 + 2.5 pt hyphen) leaves 15 pt to 6 gaps: ¼ em."""
    result = body(tiny_font, "市图书馆新增Python与Arduino入门课程，每周六14:00开课。", 110.0, indent=2.0)
    assert [line.text for line in result.lines] == ["市图书馆新增Py-", "thon与Arduino入门课", "程，每周六14:00开课。"]
    assert [round(letterspacing(line), 3) for line in result.lines] == [0.25, 0.15, 0.0]
    assert result.lines[0].hyphenated and result.lines[1].copy.startswith("thon")


# --- rule 6: paths and URLs break well -------------------------------------------------------------------

def test_a_path_breaks_after_slashes_never_after_its_first_nor_inside_a_version(tiny_font):
    assert cuts(tiny_font, "见/usr/local/lib/python3.11/site-packages目录") == [
        ("见/usr/", 150.0), ("见/usr/local/", 150.0), ("见/usr/local/lib/", 150.0),
        ("见/usr/local/lib/python3.11/", 150.0), ("见/usr/local/lib/python3.11/site-", 300.0)]


def test_a_url_prefers_a_slash_to_a_dot_and_to_its_scheme(tiny_font):
    """A dot breaks best before it (the next line starts `.com/`: nothing reads as a full stop), at 500;
    after it (the line ends `example.`) only at the discouraged 1000; a slash at 150, the scheme at 600."""
    assert cuts(tiny_font, "见https://example.com/news/index.html页") == [
        ("见https://", 600.0), ("见https://example", 500.0), ("见https://example.", 1000.0),
        ("见https://example.com/", 150.0), ("见https://example.com/news/", 150.0),
        ("见https://example.com/news/index", 500.0), ("见https://example.com/news/index.", 1000.0)]


def test_a_dot_break_never_enters_a_number_nor_leaves_under_three_characters(tiny_font):
    """Before a dot: a letter or digit on both sides, not between two digits (`3.11`, `v2.3`), three
    characters at least on each side of it in the token (`.cn` is three; `a` before `.io` is one)."""
    assert cuts(tiny_font, "见www.robot-contest.cn。") == [
        ("见www", 500.0), ("见www.", 1000.0), ("见www.robot-", 300.0), ("见www.robot-contest", 500.0)]
    assert cuts(tiny_font, "装/opt/python3.11/v2.3.10/bin") == [("装/opt/", 150.0), ("装/opt/python3.11/", 150.0),
                                                             ("装/opt/python3.11/v2.3.10/", 150.0)]
    assert cuts(tiny_font, "见a.io/abcdef/ghi") == [("见a.io/", 150.0), ("见a.io/abcdef/", 150.0)]


def test_a_url_too_long_for_its_line_breaks_before_its_last_dot(tiny_font):
    """`www.robotics-contest.cn` (107.5 pt) and its `。` do not fit 110 pt, `cn` is too short to follow
    a break after its dot, and breaking after `www.` or `-` only set `第十届青少年` (6 Han after the
    2-字 indent) at 0.6-em gaps and `机器人大赛报名开` at 0.43. Before the dot: `www.robotics-contest`
    (95 pt, 15 short) and `.cn。`, every Han line under ¼ em."""
    text = "第十届青少年机器人大赛报名开始，详情见www.robotics-contest.cn。"
    result = body(tiny_font, text, 110.0, indent=2.0)
    assert [line.text for line in result.lines] == ["第十届青少年机器人", "大赛报名开始，详情见",
                                                    "www.robotics-contest", ".cn。"]
    assert [round(letterspacing(line), 3) for line in result.lines] == [0.0, 0.125, 0.0, 0.0]
    assert result.lines[2].width == pytest.approx(95.0)


def test_a_piece_that_fills_its_line_costs_less_than_a_short_one(tiny_font):
    # a line with nothing to stretch is scored by its white (STIFF_STRETCH of its tokens), not a flat
    # INF_BAD, so `example.com/news/` + `2023-08-22.html` (12.5 and 22.5 pt short) beat a flush line
    # and one 32.5 pt short, and its demerits (below 1e12) leave the other lines their precision
    result = body(tiny_font, "详情见https://example.com/news/2023-08-22.html网站。", 90.0)
    assert [line.text for line in result.lines] == ["详情见https://", "example.com/news/", "2023-08-22.html",
                                                    "网站。"]
    assert result.demerits < INF_BAD ** 2


# --- rule 3: even colour ---------------------------------------------------------------------------------

def test_a_loose_line_costs_a_step(tiny_font):
    items = build_items([Span("永" * 26, tiny_font(10))], 100.0, ComposeConfig(indent=0.0)).items
    params = BreakParams(measure=100.0)
    loose = [b for b in total_fit(items, params).breaks[:-1] if b.ratio > LOOSE_RATIO]
    assert loose == [] and params.loose_demerits == 1e7 and LOOSE_RATIO == 2.5
    assert demerits(items, total_fit(items, params).breaks, params) == pytest.approx(2 * 10 ** 2 + 10 ** 2)


def test_word_spaces_widen_to_half_an_em_before_han_gaps_open(tiny_font):
    # ab cd + 6 Han in 90 pt: 85 pt natural, 5 pt to take; the word space gives 2.5 pt first (to ½ em),
    # then every gap opens alike (word space and 5 Han gaps 1 pt per unit, the Han–Latin space 0.1)
    result = body(tiny_font, "ab cd" + "永" * 16, 90.0)
    first = result.lines[0]
    space = next(g for g in first.glyphs if g.char == " ")
    hans = [g for g in first.glyphs if g.char == "永"]
    han_gap = hans[1].x - hans[0].x - 10.0
    assert first.text == "ab cd永永永永永永"
    assert han_gap == pytest.approx(2.5 / 6.1)
    assert space.advance == pytest.approx(5.0 + han_gap)  # ½ em, then as much as a Han gap


# --- rule 7: squeezed stops stay consistent --------------------------------------------------------------

def test_squeezed_stops_get_the_same_width(tiny_font):
    # 5 Han + 4 commas = 90 pt in 80: each comma's blank half gives the same 2.5 pt (ratio −½)
    result = body(tiny_font, "永，永，永，永，永永。永永永永永", 80.0)
    line = result.lines[0]
    assert line.text == "永，永，永，永，永" and line.ratio == pytest.approx(-0.5) and line.width == pytest.approx(80.0)
    assert [g.advance for g in line.glyphs if g.char == "，"] == [pytest.approx(7.5)] * 4
    assert audit_lines(result.lines, ComposeConfig(indent=0.0)).squeezed == 1


def test_a_squeezed_stop_is_never_narrower_than_half_an_em(tiny_font):
    # 7 Han + 3 commas + 。 (trimmed at the end) = 105 pt in 90: all 15 pt of blank halves are used, no more
    result = body(tiny_font, "永，永，永，永永永永。", 90.0)
    line = result.lines[0]
    assert line.ratio == pytest.approx(-1.0) and line.width == pytest.approx(90.0)
    assert [g.advance for g in line.glyphs if g.char == "，"] == [pytest.approx(5.0)] * 3
    assert body(tiny_font, "永，永，永，永永永永永。", 90.0).lines[0].text != "永，永，永，永永永永永。"  # 95 pt: pushed out


def test_a_hole_is_worse_than_a_loose_line(tiny_font):
    """Rule 3: a line with nothing to stretch left short (`永` alone after the 2-字 indent, 70 pt of white
    in 100) is re-broken: the even-colour pass sets 6 Han on the first line at 0.4-em gaps instead, and
    every line but the last is flush."""
    text = "永永永永永永python与Arduino入门课程，每周六14:00开课。"  # (lower case: never hyphenated)
    plain = _break_once([Span(text, tiny_font(10))], 100.0, ComposeConfig(indent=2.0), frozenset(),
                        discourage=frozenset())
    assert _line_texts(plain)[0] == "永" and short_stiff_lines(plain.built.items, plain.breaks.breaks, 100.0) == 1
    result = body(tiny_font, text, 100.0, indent=2.0)
    assert [line.text for line in result.lines] == ["永永永永永永", "python与Arduino入", "门课程，每周六14:00", "开课。"]
    assert result.lines[0].ratio == pytest.approx(4.0)
    assert all(line.width == pytest.approx(100.0) for line in result.lines[:-1])


def test_a_line_of_one_latin_word_alone_is_a_hole_too(tiny_font):
    """`Python` alone on a line of 9 字 (30 pt in 90) is re-broken: `Python与Arduino` fills the line."""
    result = body(tiny_font, "永永永永永永Python与Arduino入门课程，每周六14:00开课。", 90.0)
    assert "Python" not in [line.text for line in result.lines]
    assert all(line.width == pytest.approx(90.0) for line in result.lines[:-1])


# --- rule 3: the proof of a forced loose line ------------------------------------------------------------

def han_items(tiny_font, count, measure, indent=0.0):
    return build_items([Span("永" * count, tiny_font(10))], measure, ComposeConfig(indent=indent)).items


def test_fewest_loose_finds_an_even_breaking_when_there_is_one(tiny_font):
    # 26 Han in 100 pt: 10 + 10 + 6, every line but the last flush
    assert fewest_loose(han_items(tiny_font, 26, 100.0), BreakParams(measure=100.0)) == Colour(0, 0, 0)


def test_a_loose_line_the_orphan_rule_forces_is_found_forced(tiny_font):
    """6 Han in 50 pt: 5 + 1 is a 孤字, so 4 + 2 (10 pt over 3 gaps: 0.333 em) is the best there is and
    total fit sets it. Pricing loose lines at 10^14 would not prove it: total fit then takes the 孤字
    (it costs 10^9); fewest_loose never admits one."""
    items, params = han_items(tiny_font, 6, 50.0), BreakParams(measure=50.0)
    found = total_fit(items, params)
    assert [b.ratio for b in found.breaks] == [pytest.approx(10 / 3), 0.0]
    assert fewest_loose(items, params) == Colour(0, 0, 1) == colour_of(items, found.breaks, params)
    assert [b.ratio for b in total_fit(items, replace(params, loose_demerits=1e14)).breaks] == [0.0, 0.0]


def test_a_hole_counts_before_loose_lines_and_no_breaking_is_none(tiny_font):
    # 3 Han in 20 pt: 2 + 1 is a 孤字, so 1 + 2 — `永` alone, 10 pt short of 20, nothing to stretch: a hole
    assert fewest_loose(han_items(tiny_font, 3, 20.0), BreakParams(measure=20.0)) == Colour(1, 0, 0)
    assert fewest_loose(han_items(tiny_font, 2, 8.0), BreakParams(measure=8.0)) is None  # a Han is 10 pt
    assert Colour(0, 1, 0) > Colour(0, 0, 2) and Colour(1, 0, 0) > Colour(0, 1, 5)


def test_the_hole_paragraph_has_one_forced_loose_line(tiny_font):
    """The even-colour pass's paragraph (test_a_hole_is_worse_than_a_loose_line): its plain breaking has
    a hole (`永` alone after the indent); no breaking has neither a hole nor a loose line, and the one
    the composer sets (6 Han at 0.4-em gaps) is as even as any."""
    text = "永永永永永永python与Arduino入门课程，每周六14:00开课。"
    spans, config = [Span(text, tiny_font(10))], ComposeConfig(indent=2.0)
    plain = _break_once(spans, 100.0, config, frozenset(), discourage=frozenset())
    assert colour_of(plain.built.items, plain.breaks.breaks, BreakParams(measure=100.0)) == Colour(1, 0, 0)
    assert colour_bound(spans, 100.0, config) == Colour(0, 0, 1)
    lines = body(tiny_font, text, 100.0, indent=2.0).lines
    assert [round(letterspacing(line), 3) for line in lines[:-1]] == [0.4, 0.0, 0.083]
