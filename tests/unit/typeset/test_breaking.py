"""Breaking stage: greedy and total-fit breakers over hand-made items (pure: no fonts)."""

from __future__ import annotations

import pytest

from layout.typeset.breaking import BreakParams, demerits, greedy, total_fit
from layout.typeset.knuth import INF, Box, Glue, Penalty

END = Penalty(-INF, "end")
HAN_GAP = Glue(0.0, 1.0, 0.0)  # between two ideographs: stretches for 均排, no shrink
COMMA_BLANK = Glue(5.0, 1.0, 5.0)  # a stop's blank half: shrinks (挤进)
NO_BREAK = Penalty(INF, "kinsoku")


def han(n: int) -> list:
    """n ideograph boxes (10 pt, counted) separated by breakable inter-character glue."""
    out = []
    for i in range(n):
        if i:
            out.append(HAN_GAP)
        out.append(Box(width=10.0, count=1))
    return out


def joined(*parts) -> list:
    """Item lists joined by breakable ideograph gaps, with the forced end."""
    out: list = []
    for part in parts:
        if out:
            out.append(HAN_GAP)
        out.extend(part)
    return out + [END]


def indexes(breaks) -> list[int]:
    return [b.index for b in breaks.breaks]


def line_lengths(items, breaks) -> list[int]:
    """Boxes per line."""
    out, start = [], 0
    for b in breaks.breaks:
        out.append(sum(1 for i in items[start:b.index] if type(i) is Box))
        start = b.index
    return out


@pytest.mark.parametrize("breaker", [greedy, total_fit])
def test_exact_lines_break_where_the_measure_is_full(breaker):
    items = joined(han(25))
    assert line_lengths(items, breaker(items, BreakParams(measure=100.0))) == [10, 10, 5]


@pytest.mark.parametrize("breaker", [greedy, total_fit])
def test_last_line_is_ragged_not_stretched(breaker):
    items = joined(han(13))
    assert breaker(items, BreakParams(measure=100.0)).breaks[-1].ratio == 0.0


@pytest.mark.parametrize("breaker", [greedy, total_fit])
def test_reported_demerits_are_the_shared_demerits_function(breaker):
    items = joined(han(7), [COMMA_BLANK], han(9), [Box(width=15.0, count=2)], han(6))
    params = BreakParams(measure=100.0)
    result = breaker(items, params)
    assert result.demerits == pytest.approx(demerits(items, result.breaks, params), rel=1e-12)


@pytest.mark.parametrize("breaker", [greedy, total_fit])
def test_never_breaks_at_glue_after_an_infinite_penalty(breaker):
    items = han(10) + [NO_BREAK, HAN_GAP, Box(width=10.0, count=1), HAN_GAP] + han(3) + [END]
    result = breaker(items, BreakParams(measure=100.0))
    assert indexes(result)[0] == 17 and line_lengths(items, result)[0] == 9  # the glue before box 10


@pytest.mark.parametrize("breaker", [greedy, total_fit])
def test_shrinking_punctuation_fits_a_mark_that_may_not_start_a_line(breaker):
    # 4 Han, comma blank, 5 Han = 100 pt; then a full stop's ink (5 pt) that may not start a line.
    items = (han(4) + [Box(width=5.0), COMMA_BLANK] + han(5) + [NO_BREAK, Box(width=5.0), Glue(5.0, 1.0, 5.0)]
             + han(2) + [END])
    result = breaker(items, BreakParams(measure=100.0))
    assert line_lengths(items, result)[0] == 11 and result.breaks[0].ratio == pytest.approx(-1.0)


def test_total_fit_avoids_the_loose_line_first_fit_makes():
    # 10 Han fill line 1 exactly; then Han + an 80 pt unbreakable box leave line 2 10 pt short with one gap.
    items = joined(han(11), [Box(width=80.0, count=8)], [Box(width=50.0, count=5)])
    params = BreakParams(measure=100.0)
    first, best = greedy(items, params), total_fit(items, params)
    assert line_lengths(items, first) == [10, 2, 1] and line_lengths(items, best) == [9, 3, 1]
    assert best.demerits < first.demerits / 1000


def test_total_fit_keeps_two_characters_on_the_last_line():
    items = joined(han(21))
    result = total_fit(items, BreakParams(measure=100.0, orphan_min=2))
    assert line_lengths(items, result)[-1] == 2 and sorted(line_lengths(items, result)) == [2, 9, 10]


def test_greedy_fixes_a_last_line_orphan_by_pulling_a_character_down():
    items = joined(han(21))
    assert line_lengths(items, greedy(items, BreakParams(measure=100.0, orphan_min=2))) == [10, 9, 2]


def test_orphan_rule_can_ask_for_more_characters():
    items = joined(han(21))
    assert line_lengths(items, total_fit(items, BreakParams(measure=100.0, orphan_min=4)))[-1] >= 4


def test_orphan_demerits_are_charged_only_for_a_short_last_line():
    items = joined(han(21))
    params = BreakParams(measure=100.0, orphan_min=2)
    plain = greedy(items, BreakParams(measure=100.0, orphan_min=1))
    assert demerits(items, plain.breaks, params) - plain.demerits == params.orphan_demerits


def test_discouraged_break_is_taken_by_greedy_only_if_nothing_else_fits():
    unit = Penalty(1000.0, "unit")
    items = han(7) + [Glue(2.5, 1.0, 2.5), Box(width=27.5, count=5), unit, Glue(2.5, 1.0, 2.5)] + han(4) + [END]
    result = greedy(items, BreakParams(measure=100.0))
    assert type(items[result.breaks[0].index]) is Glue  # broke before the number, not at its unit


def test_hanging_box_may_end_a_line_past_the_measure():
    comma = Box(width=5.0, hang=5.0)
    items = han(10) + [NO_BREAK, HAN_GAP, comma, Glue(5.0, 1.0, 5.0)] + han(3) + [END]
    result = total_fit(items, BreakParams(measure=100.0))
    assert result.breaks[0].hang == 5.0 and result.breaks[0].ratio == 0.0


def test_two_compressed_lines_in_a_row_cost_extra():
    items = joined(han(4) + [Box(width=5.0), COMMA_BLANK] + han(5) + [NO_BREAK, Box(width=5.0)],
                   han(4) + [Box(width=5.0), COMMA_BLANK] + han(5) + [NO_BREAK, Box(width=5.0)], han(3))
    params = BreakParams(measure=100.0)
    result = greedy(items, params)
    ratios = [b.ratio for b in result.breaks]
    assert ratios[:2] == [pytest.approx(-1.0), pytest.approx(-1.0)]
    lone = (params.line_penalty + 100.0) ** 2
    assert result.demerits == pytest.approx(2 * lone + params.line_penalty ** 2 + params.compressed_demerits)


@pytest.mark.parametrize("breaker", [greedy, total_fit])
def test_box_wider_than_the_measure_is_set_overfull_and_reported(breaker):
    items = joined(han(3), [Box(width=150.0, count=1)], han(3))
    result = breaker(items, BreakParams(measure=100.0))
    assert result.overfull == 1 and len(result.breaks) == 3


def test_total_fit_is_never_worse_than_greedy_on_mixed_material():
    items = joined(han(6), [Box(width=17.5, count=3)], han(3), [Box(width=5.0), COMMA_BLANK], han(8),
                   [Box(width=32.5, count=6)], han(12), [Box(width=5.0), COMMA_BLANK], han(9))
    params = BreakParams(measure=100.0)
    assert total_fit(items, params).demerits <= greedy(items, params).demerits


def test_ragged_mode_balances_lines_and_scores_the_last_one_too():
    items = joined(han(21))
    assert line_lengths(items, total_fit(items, BreakParams(measure=100.0, ragged=True))) == [7, 7, 7]
