"""Looseness (缩行/拉行): the best breaks with exactly k lines, on hand-made items and on the tiny font
(size 10: a Han is 10 pt, a comma's ink 5 pt + a 5 pt blank that shrinks; a Han gap stretches 1 pt)."""

from __future__ import annotations

import pytest

from layout.typeset.breaking import MAX_RATIO, BreakParams, LineRange, line_range, total_fit, total_fit_lines
from layout.typeset.config import ComposeConfig
from layout.typeset.items import Span
from layout.typeset.knuth import INF, Box, Glue, Penalty
from layout.typeset.lines import SQUARING_GAP, set_paragraph

END = Penalty(-INF, "end")
HAN_GAP = Glue(0.0, 1.0, 0.0)
NO_BREAK = Penalty(INF, "kinsoku")
# 32 characters: the optimal setting leaves 永永 alone on a 4th line; six commas can absorb it.
SQUEEZABLE = "永，永永永，永永，永永，永永，永永永永永永永，永永永永，永永永永"


def han(n: int) -> list:
    """n ideograph boxes (10 pt, counted) with breakable 均排 gaps, and the forced end."""
    out: list = []
    for i in range(n):
        if i:
            out.append(HAN_GAP)
        out.append(Box(width=10.0, count=1))
    return out + [END]


def lengths(items, breaks) -> list[int]:
    """Boxes per line."""
    out, start = [], 0
    for b in breaks.breaks:
        out.append(sum(1 for i in items[start:b.index] if type(i) is Box))
        start = b.index
    return out


def setp(tiny_font, text, looseness=0, **options):
    options.setdefault("indent", 0.0)
    return set_paragraph([Span(text, tiny_font(10))], 100.0, ComposeConfig(**options), looseness)


def texts(result) -> list[str]:
    return [line.text for line in result.lines]


# --- breaking: total_fit_lines and line_range --------------------------------------------------------

def test_default_max_ratio_is_a_half_em_han_gap():
    assert MAX_RATIO == 5.0 and BreakParams(measure=100.0).max_ratio == MAX_RATIO


def test_one_line_more_spreads_the_characters_evenly():
    items = han(26)  # optimal 10 10 6; four lines: 8 8 8 2, each stretched 20 pt over 7 gaps
    result = total_fit_lines(items, BreakParams(measure=100.0), 4)
    assert lengths(items, result) == [8, 8, 8, 2]
    assert [b.ratio for b in result.breaks] == [pytest.approx(20 / 7)] * 3 + [0.0]
    # each of the three lines is over ¼-em gaps (ratio 2.86 > LOOSE_RATIO): a loose line's step demerits
    loose = BreakParams(measure=100.0).loose_demerits
    assert result.demerits == pytest.approx(3 * ((10 + 100 * (20 / 7) ** 3) ** 2 + loose) + 100)


def test_line_range_counts_what_the_bounds_allow():
    # 30 Han: 3 full lines; 5 lines of 7 7 7 7 2 stretch each gap exactly ½ em (ratio 5: allowed)
    assert line_range(han(30), BreakParams(measure=100.0)) == LineRange(3, 5)
    five = total_fit_lines(han(30), BreakParams(measure=100.0), 5)
    assert lengths(han(30), five) == [7, 7, 7, 7, 2] and five.breaks[0].ratio == pytest.approx(5.0)
    assert line_range(han(30), BreakParams(measure=100.0, max_ratio=4.9)) == LineRange(3, 4)
    assert total_fit_lines(han(30), BreakParams(measure=100.0, max_ratio=4.9), 5) is None


def test_counts_outside_the_range_have_no_solution():
    items, params = han(30), BreakParams(measure=100.0)
    assert [total_fit_lines(items, params, k) for k in (0, 1, 2, 6)] == [None] * 4


def test_a_last_line_orphan_is_not_allowed_but_a_one_line_paragraph_is():
    items = han(11)
    assert lengths(items, total_fit_lines(items, BreakParams(measure=100.0, orphan_min=2), 2)) == [9, 2]
    assert lengths(items, total_fit_lines(items, BreakParams(measure=100.0, orphan_min=1), 2)) == [10, 1]
    assert line_range(han(21), BreakParams(measure=100.0, orphan_min=2)) == LineRange(3, 3)
    assert lengths(han(1), total_fit_lines(han(1), BreakParams(measure=100.0, orphan_min=2), 1)) == [1]


def test_with_the_optimal_count_it_is_the_total_fit():
    comma = [Box(width=5.0), Glue(5.0, 1.0, 5.0)]
    items = han(6)[:-1] + [HAN_GAP, Box(width=17.5, count=3), HAN_GAP] + han(3)[:-1] + [HAN_GAP] + comma + han(19)
    params = BreakParams(measure=100.0)
    best = total_fit(items, params)
    exact = total_fit_lines(items, params, len(best.breaks))
    assert exact.breaks == best.breaks and exact.demerits == best.demerits


def test_a_mark_may_hang_on_a_prescribed_line_count():
    items = han(10)[:-1] + [NO_BREAK, HAN_GAP, Box(width=5.0, hang=5.0), Glue(5.0, 1.0, 5.0)] + han(3)
    result = total_fit_lines(items, BreakParams(measure=100.0), 2)
    assert result.breaks[0].hang == 5.0 and result.breaks[0].ratio == 0.0


def test_the_same_items_and_count_give_the_same_breaks():
    items, params = han(47), BreakParams(measure=100.0)
    assert len({total_fit_lines(items, params, 6) for _ in range(5)}) == 1


# --- set_paragraph(looseness=…) ----------------------------------------------------------------------

def test_one_line_shorter_squeezes_the_commas(tiny_font):
    plain = setp(tiny_font, SQUEEZABLE)
    assert texts(plain)[-1] == "永永" and len(plain.lines) == 4 and plain.demerits == 400.0
    short = setp(tiny_font, SQUEEZABLE, looseness=-1)
    assert short.looseness == -1
    assert texts(short) == ["永，永永永，永永，永永，", "永永，永永永永永永永，", "永永永永，永永永永"]
    assert [line.width for line in short.lines] == [pytest.approx(100.0)] * 2 + [pytest.approx(90.0)]
    assert [line.ratio for line in short.lines] == [pytest.approx(-1.0)] * 2 + [0.0]
    assert short.demerits == pytest.approx(2 * 110.0 ** 2 + 3000.0 + 100.0)  # two compressed in a row
    assert short.demerits >= plain.demerits


def test_one_line_longer_stretches_within_a_quarter_em(tiny_font):
    # 29 Han: 10/10/9 → 9/9/9/2 at ratio 1.25 (gaps of 0.125 em); with 8 on a line it would be 2.86
    plain, long = setp(tiny_font, "永" * 29), setp(tiny_font, "永" * 29, looseness=1)
    assert [len(t) for t in texts(plain)] == [10, 10, 9]
    assert long.looseness == 1 and [len(t) for t in texts(long)] == [9, 9, 9, 2]
    assert all(line.ratio <= SQUARING_GAP / 0.1 + 1e-9 for line in long.lines)
    assert long.demerits >= plain.demerits


def test_one_line_longer_is_refused_when_it_would_letterspace_past_a_quarter_em(tiny_font):
    # 26 Han: 8/8/8/2 would open every gap by 0.286 em (ratio 20/7, within MAX_RATIO but past ¼ em)
    plain, long = setp(tiny_font, "永" * 26), setp(tiny_font, "永" * 26, looseness=1)
    assert 20 / 7 < MAX_RATIO and long.looseness == 0 and long == plain


def test_an_impossible_request_keeps_the_optimal_breaking(tiny_font):
    text = "永" * 30  # three full lines, nothing that shrinks
    plain, short = setp(tiny_font, text), setp(tiny_font, text, looseness=-1)
    assert short.looseness == 0 and short == plain


def test_first_fit_does_not_loosen(tiny_font):
    result = setp(tiny_font, "永" * 26, looseness=1, breaker="greedy")
    assert result.looseness == 0 and [len(t) for t in texts(result)] == [10, 10, 6]


def test_looseness_zero_is_the_plain_setting(tiny_font):
    assert setp(tiny_font, SQUEEZABLE, looseness=0) == setp(tiny_font, SQUEEZABLE)
    assert setp(tiny_font, SQUEEZABLE).looseness == 0
