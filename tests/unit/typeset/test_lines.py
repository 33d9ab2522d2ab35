"""Lines stage: set_paragraph end to end on the tiny font (size 10: Han 10 pt, full-width mark 10 pt,
Latin letter or digit 5 pt, other ASCII 2.5 pt). Measures are whole ems, indent 0 unless said."""

from __future__ import annotations

import pytest

from layout import cjk
from layout.errors import LayoutError
from layout.typeset.config import ComposeConfig
from layout.typeset.lines import Glyph, Line, set_paragraph
from layout.typeset.items import Span
from layout.typeset.audit import audit_lines

HAN = "永"
# Table units the tiny font has a glyph for (⸺ ‰ ℃ ° ¥ £ € are checked on the tables in test_cjk.py).
IN_TINY_FONT = set(cjk.OPENING + cjk.CLOSING + cjk.STOPS + "–—～·/／%％$") | {"——", "……"}
NOT_START = sorted((u, lv) for lv in cjk.LEVELS for u in cjk.NOT_AT_START[lv] | {"%", "％"}
                   if u in IN_TINY_FONT and not cjk.may_start(u, lv))
MAY_START = sorted((u, lv) for lv in cjk.LEVELS for u in cjk.NOT_AT_START["strict"] | {"%"}
                   if u in IN_TINY_FONT and cjk.may_start(u, lv))
NOT_END = sorted((u, lv) for lv in cjk.LEVELS for u in cjk.NOT_AT_END[lv] | {"$"}
                 if u in IN_TINY_FONT and not cjk.may_end(u, lv))
MAY_END = sorted((u, lv) for lv in cjk.LEVELS for u in cjk.NOT_AT_END["strict"] | {"$"}
                 if u in IN_TINY_FONT and cjk.may_end(u, lv))


def setp(tiny_font, text, measure=100.0, **options):
    options.setdefault("indent", 0.0)
    return set_paragraph([Span(text, tiny_font(10))], measure, ComposeConfig(**options))


def texts(result):
    return [line.text for line in result.lines]


def glyph(line, char, nth=0):
    return [g for g in line.glyphs if g.char == char][nth]


def right_edge(line):
    return max(g.x + g.advance for g in line.glyphs)


# --- 1. prohibitions ---------------------------------------------------------------------------------

@pytest.mark.parametrize("unit,level", NOT_START)
def test_prohibited_mark_never_starts_a_line(tiny_font, unit, level):
    result = setp(tiny_font, HAN * 10 + unit + HAN * 3, kinsoku=level)
    assert not any(line.text.startswith(unit) for line in result.lines)
    assert result.lines[0].kinsoku == "push-out" and result.lines[0].text == HAN * 9


@pytest.mark.parametrize("unit,level", MAY_START)
def test_mark_allowed_at_this_level_starts_the_line(tiny_font, unit, level):
    assert setp(tiny_font, HAN * 10 + unit + HAN * 3, kinsoku=level).lines[1].text.startswith(unit)


@pytest.mark.parametrize("unit,level", NOT_END)
def test_prohibited_mark_never_ends_a_line(tiny_font, unit, level):
    result = setp(tiny_font, HAN * 9 + unit + HAN * 4, kinsoku=level)
    assert not any(line.text.endswith(unit) for line in result.lines)


@pytest.mark.parametrize("unit,level", MAY_END)
def test_mark_allowed_at_this_level_ends_the_line(tiny_font, unit, level):
    assert setp(tiny_font, HAN * 9 + unit + HAN * 4, kinsoku=level).lines[0].text.endswith(unit)


@pytest.mark.parametrize("mark", ["——", "……"])
def test_two_em_marks_are_never_split_even_without_prohibitions(tiny_font, mark):
    assert any(mark in t for t in texts(setp(tiny_font, HAN * 9 + mark + HAN * 3, kinsoku="none")))


@pytest.mark.parametrize("number", ["171.42", "60.4%", "1—6"])
def test_numbers_stay_on_one_line(tiny_font, number):
    result = setp(tiny_font, HAN * 8 + number + "亿元月" + HAN * 3)
    assert any(number in t for t in texts(result))


def test_latin_word_is_not_broken_when_no_line_is_loose(tiny_font):
    # (in 100 pt the first line would be 永×7 at 0.4 em gaps: the even-colour pass hyphenates Bei-jing,
    # tests/unit/typeset/test_issue11_rules.py); a lower-case word is never hyphenated
    assert any("Beijing" in t for t in texts(setp(tiny_font, HAN * 7 + "Beijing" + HAN * 3, measure=120)))
    assert any("beijing" in t for t in texts(setp(tiny_font, HAN * 7 + "beijing" + HAN * 3)))


def test_number_moves_down_whole_rather_than_leave_its_unit(tiny_font):
    result = setp(tiny_font, HAN * 17 + "171.42亿元" + HAN * 3, measure=200)
    assert texts(result)[0] == HAN * 17 and texts(result)[1].startswith("171.42亿元")


def test_break_before_the_unit_when_nothing_else_works(tiny_font):
    result = setp(tiny_font, "永永永，永永永171.42亿元永永永")
    assert texts(result) == ["永永永，永永永171.42", "亿元永永永"]


# --- 2. punctuation compression ----------------------------------------------------------------------

@pytest.mark.parametrize("pair", ["。」", "）、", "》，", "」「"])
def test_adjacent_marks_take_one_and_a_half_em(tiny_font, pair):
    line = setp(tiny_font, HAN + pair + HAN, measure=200).lines[0]
    assert glyph(line, HAN, 1).x - glyph(line, pair[0]).x == pytest.approx(15.0)


@pytest.mark.parametrize("pair", ["。」", "）、", "》，"])
def test_house_pair_compression_sets_a_pair_in_one_em(tiny_font, pair):
    line = setp(tiny_font, HAN + pair + HAN, measure=200, pair_compression=1.0).lines[0]
    assert glyph(line, HAN, 1).x - glyph(line, pair[0]).x == pytest.approx(10.0)


def test_mark_at_line_end_is_trimmed_to_half_width(tiny_font):
    line = setp(tiny_font, HAN * 9 + "，" + HAN * 3).lines[0]
    comma = glyph(line, "，")
    assert (comma.x, comma.advance, line.width) == (pytest.approx(95.0), 5.0, pytest.approx(100.0))


def test_opening_bracket_at_line_start_loses_its_leading_half(tiny_font):
    line = setp(tiny_font, HAN * 10 + "（永永）").lines[1]
    bracket = glyph(line, "（")
    assert (bracket.x, bracket.advance, line.glyphs[1].x) == (-5.0, 5.0, 5.0)


def test_opening_bracket_ink_keeps_its_distance_to_the_text_it_encloses(tiny_font):
    mid = setp(tiny_font, HAN + "（永）", measure=200).lines[0]
    start = setp(tiny_font, HAN * 10 + "（永永）").lines[1]
    assert mid.glyphs[2].x - glyph(mid, "（").x == start.glyphs[1].x - glyph(start, "（").x == 10.0


def test_fixed_marks_are_never_compressed(tiny_font):
    line = setp(tiny_font, "永·永——永", measure=200).lines[0]
    assert [g.advance for g in line.glyphs] == [10.0] * 6


# --- 3. push-in before push-out --------------------------------------------------------------------

@pytest.mark.parametrize("breaker", ["total-fit", "greedy"])
def test_push_in_is_tried_before_push_out(tiny_font, breaker):
    line = setp(tiny_font, "永永永永，永永永永永。永永", breaker=breaker).lines[0]
    assert (line.text, line.kinsoku) == ("永永永永，永永永永永。", "push-in")
    assert glyph(line, "，").advance == pytest.approx(5.0) and right_edge(line) == pytest.approx(100.0)


def test_push_in_is_marked_on_a_paragraph_last_line_too(tiny_font):
    line = setp(tiny_font, "永永永永，永永永永永。").lines[0]
    assert (line.last, line.kinsoku, line.width) == (True, "push-in", pytest.approx(100.0))


def test_push_out_spreads_the_line_between_characters(tiny_font):
    line = setp(tiny_font, HAN * 10 + "。" + HAN * 3).lines[0]
    gaps = {round(b.x - a.x, 6) for a, b in zip(line.glyphs, line.glyphs[1:])}
    assert line.kinsoku == "push-out" and gaps == {11.25}


# --- 4. justification, spacing, indent -------------------------------------------------------------

def test_latin_spacing_is_a_quarter_em(tiny_font):
    line = setp(tiny_font, "永abc和", measure=200).lines[0]
    assert (glyph(line, "a").x, glyph(line, "和").x) == (12.5, 30.0)


def test_latin_spacing_house_option_is_an_eighth(tiny_font):
    assert glyph(setp(tiny_font, "永abc和", measure=200, latin_spacing=0.125).lines[0], "a").x == 11.25


def test_no_latin_spacing_next_to_chinese_punctuation(tiny_font):
    assert glyph(setp(tiny_font, "永，abc", measure=200).lines[0], "a").x == 20.0


def test_no_latin_spacing_at_line_end_or_start(tiny_font):
    result = setp(tiny_font, HAN * 7 + "abcde" + HAN * 3)
    assert right_edge(result.lines[0]) == pytest.approx(100.0) and result.lines[1].glyphs[0].x == 0.0
    assert setp(tiny_font, HAN * 10 + "abc" + HAN).lines[1].glyphs[0].x == 0.0


def test_justified_lines_are_flush_within_a_hundredth_of_a_point(tiny_font):
    text = ("据了解，2023年，全区深入贯彻落实党的二十大精神及各级经济工作会议要求，聚焦“又高又新”主责主业，"
            "全面铺开“1477”发展思路布局，项目总投资171.42亿元，增长60.4%。")
    result = setp(tiny_font, text, measure=110, indent=2.0)
    for line in result.lines[:-1]:
        assert abs(line.width - 110) <= 0.01 and abs(right_edge(line) - 110) <= 0.01


def test_first_line_is_indented_two_em(tiny_font):
    assert setp(tiny_font, HAN * 12, indent=2.0).lines[0].glyphs[0].x == 20.0


def test_last_line_is_set_at_natural_width(tiny_font):
    line = setp(tiny_font, HAN * 13).lines[-1]
    assert (line.width, [g.x for g in line.glyphs]) == (30.0, [0.0, 10.0, 20.0])


def test_centred_lines_are_set_at_natural_width_in_the_middle(tiny_font):
    line = setp(tiny_font, "永永永", align="center").lines[0]
    assert [g.x for g in line.glyphs] == [35.0, 45.0, 55.0]


def test_centred_text_is_broken_into_balanced_lines(tiny_font):
    assert sorted(len(t) for t in texts(setp(tiny_font, HAN * 25, align="center"))) == [8, 8, 9]


# --- 5. 孤字 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("breaker", ["total-fit", "greedy"])
def test_last_line_orphan_is_fixed_by_rebreaking(tiny_font, breaker):
    result = setp(tiny_font, HAN * 21 + "。", breaker=breaker)
    assert result.lines[-1].text == "永永。" and all(abs(ln.width - 100) <= 0.01 for ln in result.lines[:-1])


def test_orphan_minimum_is_configurable(tiny_font):
    assert setp(tiny_font, HAN * 21, orphan_min=4).lines[-1].text == HAN * 4


# --- 6. breakers ------------------------------------------------------------------------------------

def test_total_fit_breaks_where_the_line_is_full_rather_than_squeeze(tiny_font):
    text = "永永、永永永永。永永永永永"
    greedy = setp(tiny_font, text, breaker="greedy")
    best = setp(tiny_font, text)
    assert texts(greedy) == ["永永、永永永永。永永永", "永永"] and greedy.lines[0].ratio == -1.0
    assert texts(best) == ["永永、永永永永。永永", "永永永"] and best.demerits < greedy.demerits


def test_unknown_breaker_is_a_layout_error(tiny_font):
    with pytest.raises(LayoutError, match="breaker"):
        setp(tiny_font, HAN, breaker="fast")


def test_prohibitions_are_relaxed_with_a_warning_when_nothing_else_fits(tiny_font):
    result = setp(tiny_font, "（" * 12 + HAN, measure=30)
    assert all(line.width <= 30 + 1e-6 and right_edge(line) <= 30 + 1e-6 for line in result.lines)
    assert "".join(texts(result)) == "（" * 12 + HAN and "too narrow" in result.warnings[0]


def test_too_narrow_measure_sets_overfull_lines_with_a_warning(tiny_font):
    result = setp(tiny_font, HAN * 3, measure=8.0)
    assert len(result.lines) == 3 and any("wider than" in w for w in result.warnings)


# --- 8. hanging punctuation ------------------------------------------------------------------------

def test_hanging_comma_sits_past_the_measure(tiny_font):
    line = setp(tiny_font, HAN * 10 + "，永永", hanging=True).lines[0]
    assert (line.text, line.width, line.hang, glyph(line, "，").x) == (HAN * 10 + "，", 100.0, 5.0, 100.0)


def test_without_hanging_the_comma_pushes_a_character_out(tiny_font):
    assert setp(tiny_font, HAN * 10 + "，永永").lines[0].text == HAN * 9


def test_colon_does_not_hang(tiny_font):
    assert setp(tiny_font, HAN * 10 + "：永永", hanging=True).lines[0].text == HAN * 9


def test_at_most_one_mark_hangs(tiny_font):
    result = setp(tiny_font, HAN * 10 + "。”永永", hanging=True)
    assert result.lines[0].text == HAN * 9 and all(line.hang == 0 for line in result.lines)


# --- 9. long tokens --------------------------------------------------------------------------------

def test_long_url_is_broken_after_separators_within_the_measure(tiny_font):
    text = "见http://example.com/path/to/file.html永"
    result = setp(tiny_font, text, measure=50)
    assert "".join(texts(result)) == text and result.warnings
    assert all(line.width <= 50 + 1e-6 and right_edge(line) <= 50 + 1e-6 for line in result.lines)
    assert all(t[-1] in "/.-_@" for t in texts(result)[1:-1])


def test_long_number_without_separators_is_broken_anywhere_with_a_warning(tiny_font):
    result = setp(tiny_font, "12345678901234567890", measure=50)
    assert all(right_edge(line) <= 50 + 1e-6 for line in result.lines)
    assert any("no / . - _ @" in w for w in result.warnings)


# --- 10. run-in heads and datelines ----------------------------------------------------------------

def test_run_in_head_keeps_its_style_and_breaks_like_body_text(tiny_font):
    font = tiny_font(10)
    spans = [Span("本报讯", font, "dateline"), Span("抓精细服务，", font, "runin"), Span("永" * 12, font)]
    result = set_paragraph(spans, 105.0, ComposeConfig(indent=2.0))
    styles = [g.style for line in result.lines for g in line.glyphs]
    assert styles == ["dateline"] * 3 + ["runin"] * 6 + ["body"] * 12 and texts(result)[0] == "本报讯抓精细服务，"


def test_empty_paragraph_has_no_lines(tiny_font):
    assert set_paragraph([], 100.0, ComposeConfig()).lines == ()


# --- audit -----------------------------------------------------------------------------------------

def _line(tiny_face, text, width, first=False, last=False):
    glyphs = tuple(Glyph(char=c, face=tiny_face, size=10.0, x=10.0 * i, advance=10.0) for i, c in enumerate(text))
    return Line(glyphs=glyphs, measure=100.0, width=width, first=first, last=last)


def test_audit_of_well_set_lines_is_clean(tiny_font):
    lines = setp(tiny_font, "永永永永，永永永永永。永永永永（永永）永永永永永永永永永永永永。").lines
    audit = audit_lines(lines, ComposeConfig())
    assert (audit.lines, audit.prohibited_starts, audit.prohibited_ends, audit.not_flush, audit.orphans,
            audit.overfull) == (len(lines), 0, 0, 0, 0, 0)


def test_audit_counts_each_defect(tiny_face):
    lines = [_line(tiny_face, "永永（", 100.0, first=True), _line(tiny_face, "，永永", 90.0),
             _line(tiny_face, "永永永", 110.0), _line(tiny_face, "永。", 15.0, last=True)]
    audit = audit_lines(lines, ComposeConfig())
    assert (audit.prohibited_starts, audit.prohibited_ends, audit.not_flush, audit.orphans,
            audit.overfull) == (1, 1, 2, 1, 1)
