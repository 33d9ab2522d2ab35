"""Items stage: spans → box/glue/penalty items, on the tiny font (size 10: Han 10 pt, full-width mark
10 pt, Latin letter or digit 5 pt, other ASCII 2.5 pt)."""

from __future__ import annotations

import pytest

from layout import cjk
from layout.typeset.knuth import INF, Box, Glue, Penalty
from layout.typeset.items import build_items
from layout.typeset.config import ComposeConfig
from layout.typeset.items import Span


def items_of(tiny_font, text, measure=1000.0, **options):
    options.setdefault("indent", 0.0)
    return build_items([Span(text, tiny_font(10))], measure, ComposeConfig(**options))


def boxes(built):
    return [(built.prepared.text[b.start:b.end], b.width) for b in built.items if type(b) is Box]


def gap_after(built, char):
    """The items between the box holding `char` and the next box."""
    items, text = built.items, built.prepared.text
    start = next(i for i, b in enumerate(items) if type(b) is Box and char in text[b.start:b.end])
    out = []
    for item in items[start + 1:]:
        if type(item) is Box:
            break
        out.append(item)
    return out


def test_han_is_a_box_of_one_em(tiny_font):
    assert boxes(items_of(tiny_font, "永和")) == [("永", 10.0), ("和", 10.0)]


def test_gap_between_han_is_breakable_glue_that_only_stretches(tiny_font):
    assert gap_after(items_of(tiny_font, "永和"), "永") == [Glue(0.0, 1.0, 0.0)]


def test_stop_box_is_its_ink_and_its_blank_half_is_shrinkable_glue(tiny_font):
    built = items_of(tiny_font, "永，和")
    assert boxes(built)[1] == ("，", 5.0)
    assert gap_after(built, "，") == [Glue(5.0, 1.0, 5.0)]


def test_no_break_and_no_stretch_before_a_stop(tiny_font):
    assert gap_after(items_of(tiny_font, "永，和"), "永") == [Penalty(INF, "kinsoku")]


def test_opening_mark_blank_is_in_the_glue_before_it(tiny_font):
    built = items_of(tiny_font, "永（和")
    assert gap_after(built, "永") == [Glue(5.0, 1.0, 5.0)]
    assert boxes(built)[1] == ("（", 5.0)


def test_opening_mark_at_paragraph_start_keeps_its_leading_half(tiny_font):
    assert boxes(items_of(tiny_font, "（和）"))[0] == ("（", 10.0)


def test_mark_at_paragraph_end_has_no_trailing_blank(tiny_font):
    built = items_of(tiny_font, "永。")
    assert type(built.items[-2]) is Box and built.items[-2].width == 5.0


def test_adjacent_marks_lose_half_an_em_between_their_inks(tiny_font):
    assert gap_after(items_of(tiny_font, "永。」和"), "。") == [Penalty(INF, "kinsoku")]
    assert gap_after(items_of(tiny_font, "永）、和"), "）") == [Penalty(INF, "kinsoku")]


def test_closing_then_opening_pair_keeps_half_an_em(tiny_font):
    assert gap_after(items_of(tiny_font, "永」「和"), "」") == [Glue(5.0, 0.0, 5.0)]


def test_house_pair_compression_of_one_em_also_takes_the_outer_blank(tiny_font):
    built = items_of(tiny_font, "永。」和", pair_compression=1.0)
    assert gap_after(built, "」") == [Glue(0.0, 1.0, 0.0)]


def test_fixed_marks_are_boxes_of_their_full_width(tiny_font):
    assert boxes(items_of(tiny_font, "永——和·方"))[1:4] == [("——", 20.0), ("和", 10.0), ("·", 10.0)]


def test_ellipsis_pair_is_one_box(tiny_font):
    assert ("……", 20.0) in boxes(items_of(tiny_font, "说……好"))


def test_decimal_number_with_percent_is_one_box(tiny_font):
    assert ("60.4%", 20.0) in boxes(items_of(tiny_font, "增长60.4%；"))


def test_number_range_is_one_box(tiny_font):
    assert ("1—6", 20.0) in boxes(items_of(tiny_font, "1—6月份"))


def test_latin_word_is_one_box(tiny_font):
    assert ("Beijing", 35.0) in boxes(items_of(tiny_font, "在Beijing市"))


def test_break_before_a_unit_after_a_number_is_discouraged(tiny_font):
    gap = gap_after(items_of(tiny_font, "171.42亿元"), "171.42")
    assert gap[0] == Penalty(1000.0, "unit") and gap[1].width == 2.5


def test_latin_spacing_is_a_quarter_em_glue(tiny_font):
    assert gap_after(items_of(tiny_font, "永abc和"), "永") == [Glue(2.5, 0.1, 0.5)]


def test_latin_spacing_house_option_is_an_eighth(tiny_font):
    assert gap_after(items_of(tiny_font, "永abc和", latin_spacing=0.125), "abc")[0].width == 1.25


def test_no_latin_spacing_next_to_chinese_punctuation(tiny_font):
    assert gap_after(items_of(tiny_font, "永，abc"), "，") == [Glue(5.0, 1.0, 5.0)]


def test_word_space_is_glue_that_carries_its_character(tiny_font):
    built = items_of(tiny_font, "ab cd")
    glue = gap_after(built, "ab")[0]
    assert (glue.width, glue.stretch, built.prepared.text[glue.index]) == (2.5, 1.0, " ")


def test_latin_word_space_is_bounded_a_fifth_to_a_half_em(tiny_font):
    """jlreq §3.8 欧文間: the tiny font's ¼-em space squeezes to 0.2 em (shrink 0.5 pt), widens first
    by its give to ½ em (2.5 pt), then opens at the Han rate (0.1 em per unit of ratio)."""
    glue = gap_after(items_of(tiny_font, "ab cd"), "ab")[0]
    assert (glue.width, glue.shrink, glue.give, glue.stretch) == (2.5, pytest.approx(0.5), 2.5, 1.0)


def test_a_wide_font_space_is_held_to_a_third_of_an_em():
    from layout.typeset.items import word_space
    glue = word_space(5.0, 10.0, 3)  # a font whose space is ½ em
    assert (glue.width, glue.shrink, glue.give, glue.index) == (pytest.approx(10 / 3), pytest.approx(10 / 3 - 2),
                                                               pytest.approx(5 - 10 / 3), 3)


def test_first_line_indent_is_a_box_of_two_em(tiny_font):
    built = items_of(tiny_font, "永和", indent=2.0)
    assert built.items[0] == Box(width=20.0)


def test_indent_is_dropped_with_a_warning_when_the_measure_is_too_narrow(tiny_font):
    built = items_of(tiny_font, "永和", measure=25.0, indent=2.0)
    assert type(built.items[0]) is Box and built.items[0].width == 10.0 and "indent" in built.warnings[0]


def test_paragraph_ends_with_a_forced_break(tiny_font):
    assert items_of(tiny_font, "永").items[-1] == Penalty(-INF, "end")


def test_hanging_marks_only_with_the_option(tiny_font):
    plain = [b.hang for b in items_of(tiny_font, "永，和").items if type(b) is Box]
    hung = [b.hang for b in items_of(tiny_font, "永，和：方", hanging=True).items if type(b) is Box]
    assert plain == [0, 0, 0] and hung == [0, 5.0, 0, 0, 0]


def test_level_none_allows_a_break_before_a_stop(tiny_font):
    assert gap_after(items_of(tiny_font, "永，和", kinsoku="none"), "永") == [Glue(0.0, 0.0, 0.0)]


def test_solidus_may_end_a_line_at_basic_but_not_at_gb(tiny_font):
    basic = gap_after(items_of(tiny_font, "永/和", kinsoku="basic"), "/")
    gb = gap_after(items_of(tiny_font, "永/和", kinsoku="gb"), "/")
    assert type(basic[0]) is Glue and gb[0] == Penalty(INF, "kinsoku")


def test_token_wider_than_the_measure_breaks_after_separators(tiny_font):
    # after the `/`, and on either side of the `.` (before it preferred: the dot is a box of its own)
    built = items_of(tiny_font, "abc/defg.hij", measure=30.0)
    assert [t for t, _ in boxes(built)] == ["abc/", "defg", ".", "hij"]
    assert [(i.kind, i.cost) for i in built.items if type(i) is Penalty][:3] == [
        ("separator", 150.0), ("separator", 500.0), ("separator", 1000.0)]


def test_separator_breaks_never_split_a_run_of_separators(tiny_font):
    built = items_of(tiny_font, "http://abc", measure=30.0)
    assert [t for t, _ in boxes(built)][:1] == ["http://"]


def test_over_wide_piece_without_separator_breaks_anywhere_with_a_warning(tiny_font):
    built = items_of(tiny_font, "12345678", measure=20.0)
    kinds = {i.kind for i in built.items if type(i) is Penalty}
    assert "anywhere" in kinds and any("no / . - _ @" in w for w in built.warnings)


def test_paragraph_of_spaces_keeps_them(tiny_font):
    built = items_of(tiny_font, "  ")
    assert [i.index for i in built.items if type(i) is Glue] == [0, 1]


# --- issue 11: the composer on mixed copy ------------------------------------------------------------

def test_typed_space_next_to_han_is_the_one_quarter_em_space(tiny_font):
    typed = items_of(tiny_font, "永 abc和")
    glues = [i for i in typed.items if type(i) is Glue]
    assert glues[0] == Glue(2.5, 0.1, 0.5, 1)  # ¼ em at 10 pt, stretch 0.01 em, keeps 0.2 em


def test_url_token_breaks_after_slash_and_a_slash_in_it_is_no_solidus(tiny_font):
    built = items_of(tiny_font, "永http://abc.example.com/path/to/file", measure=60.0)
    cuts = [i for i in built.items if type(i) is Penalty and i.kind == "separator"]
    assert cuts and min(c.cost for c in cuts) == 150.0 and cjk.token_unit("com/", True) == "com/"
    assert cjk.token_unit("/", True) == "/" and cjk.line_end_unit("可用https://") == "https://"


def test_ascii_closing_bracket_never_starts_a_line(tiny_font):
    built = items_of(tiny_font, "(ab 永)")
    pens = [i for i in built.items if type(i) is Penalty and i.kind == "kinsoku"]
    assert pens  # before ')' : no break
