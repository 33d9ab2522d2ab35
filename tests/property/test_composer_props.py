"""Composer properties (hypothesis) on random mixes of Han, punctuation, numbers and Latin words set on
the tiny font at random measures of 5–30 字: nothing lost or doubled, no prohibited line start or end,
every non-final line flush, no line past the measure, total fit never worse than first fit; a prescribed
line count (缩行/拉行, looseness ±1) is met exactly within the bounds or not at all."""

from __future__ import annotations

import pytest
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from layout import cjk
from layout.typeset.breaking import (LOOSE_RATIO, BreakParams, demerits, greedy, short_stiff_lines, stiff_lines,
                                     total_fit,
                                     total_fit_lines)
from layout.fonts import TextFont
from layout.typeset.items import build_items
from layout.typeset.config import ComposeConfig
from layout.typeset.items import Span
from layout.typeset.audit import audit_lines
from layout.typeset.lines import SQUARING_GAP, set_paragraph

HAN = st.text(alphabet="永和国中大新", min_size=1, max_size=7)
MARKS = st.sampled_from(list(cjk.STOPS + cjk.OPENING + cjk.CLOSING)
                        + ["——", "……", "·", "～", "／", "–", "/"])
NUMBERS = st.from_regex(r"[0-9]{1,3}(\.[0-9])?%?", fullmatch=True)  # at most 2.5 em
WORDS = st.text(alphabet="abcxyz", min_size=1, max_size=4)  # at most 2 em
# Han runs alternate with one mark, number or word, so no unbreakable chain is wider than the measure.
TEXT = st.lists(st.tuples(HAN, st.one_of(MARKS, NUMBERS, WORDS, st.just(""))), min_size=1, max_size=30).map(
    lambda parts: "".join(h + s for h, s in parts))
CONFIG = st.builds(ComposeConfig, kinsoku=st.sampled_from(cjk.LEVELS),
                   breaker=st.sampled_from(["total-fit", "greedy"]), hanging=st.booleans(),
                   indent=st.sampled_from([0.0, 2.0]), pair_compression=st.sampled_from([0.5, 1.0]),
                   latin_spacing=st.sampled_from([0.25, 0.125]))
MEASURE = st.integers(min_value=5, max_value=30).map(lambda n: n * 10.0)


def _set(tiny_face, text, measure, config):
    return set_paragraph([Span(text, TextFont((tiny_face,), 10.0))], measure, config)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, measure=MEASURE, config=CONFIG)
def test_nothing_is_lost_or_doubled(tiny_face, text, measure, config):
    assert "".join(line.text for line in _set(tiny_face, text, measure, config).lines) == text


@settings(max_examples=300, deadline=None)
@given(text=TEXT, measure=MEASURE, config=CONFIG)
def test_no_prohibited_line_start_or_end_at_the_chosen_level(tiny_face, text, measure, config):
    audit = audit_lines(_set(tiny_face, text, measure, config).lines, config)
    assert (audit.prohibited_starts, audit.prohibited_ends) == (0, 0)


def _one_atom(text: str) -> bool:
    """A line holding one unbreakable unit (one character, one word or number, —— or ……): it has no
    gap to spread, so it can only be set short (e.g. a Han after the indent when a number follows)."""
    return len(text) == 1 or text in ("——", "……") or all(cjk.char_class(c) == "L" for c in text)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, measure=MEASURE, config=CONFIG)
def test_every_line_but_the_last_is_flush(tiny_face, text, measure, config):
    for line in _set(tiny_face, text, measure, config).lines[:-1]:
        assert abs(line.width - measure) <= 0.01 or _one_atom(line.text)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, measure=MEASURE, config=CONFIG)
def test_no_line_is_wider_than_the_measure(tiny_face, text, measure, config):
    result = _set(tiny_face, text, measure, config)
    for line in result.lines:
        assert line.width <= measure + 1e-6
        assert max(g.x + g.advance for g in line.glyphs) <= measure + line.hang + 1e-6
    assert not [w for w in result.warnings if "opens its gaps" not in w]  # colour warnings are allowed


# issue 11: Latin words, URLs/paths, no-break-space phrases, ASCII brackets between Han runs
MIXED = st.lists(st.sampled_from(["永和中", "Windows", " ", "https://example.com/a/b", "C:\\Users\\x",
                                  "NVIDIA\u00a0H100", "(x86)", "，", "v2.3.1_full.exe", "中"]),
                 min_size=1, max_size=14).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=MIXED, measure=st.sampled_from([60.0, 80.0, 100.0]), breaker=st.sampled_from(["total-fit", "greedy"]))
def test_mixed_copy_never_passes_the_column_edge(tiny_face, text, measure, breaker):
    result = _set(tiny_face, text, measure, ComposeConfig(breaker=breaker))
    assert "".join("".join(line.copy.split()) for line in result.lines) == "".join(text.split())
    for line in result.lines:
        assert line.hyphenated == (line.text != line.copy)  # only an added hyphen differs from the copy
        assert line.width <= measure + 1e-6
        assert max(g.x + g.advance for g in line.glyphs) <= measure + line.hang + 1e-6


@settings(max_examples=300, deadline=None)
@given(text=TEXT, measure=MEASURE, config=CONFIG)
def test_total_fit_demerits_never_exceed_greedy(tiny_face, text, measure, config):
    items = build_items([Span(text, TextFont((tiny_face,), 10.0))], measure, config).items
    params = BreakParams(measure=measure, orphan_min=config.orphan_min)
    best, first = total_fit(items, params), greedy(items, params)
    assert best.demerits <= first.demerits * (1 + 1e-9) + 1e-6
    assert best.demerits == pytest.approx(demerits(items, best.breaks, params), rel=1e-9)


def _items(tiny_face, text, measure, config):
    return build_items([Span(text, TextFont((tiny_face,), 10.0))], measure, config).items


def _loose(items, breaks):
    """Justified lines with something to stretch set past LOOSE_RATIO (¼-em Han gaps)."""
    stiff = stiff_lines(items, breaks)
    return sum(1 for b, no in zip(breaks[:-1], stiff) if not no and b.ratio > LOOSE_RATIO + 1e-9)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, measure=MEASURE, config=CONFIG, change=st.sampled_from([-1, 1]))
def test_a_prescribed_line_count_is_met_within_the_bounds(tiny_face, text, measure, config, change):
    items, params = _items(tiny_face, text, measure, config), BreakParams(measure=measure, orphan_min=config.orphan_min)
    best = total_fit(items, params)
    if short_stiff_lines(items, best.breaks, measure):
        return  # a hole (a short line with nothing to stretch): set_paragraph re-breaks it (even colour)
    k = len(best.breaks) + change
    # set_paragraph's bound: no line looser than ¼-em gaps (SQUARING_GAP) unless the best setting has
    # one; lines with nothing that stretches (set short) are admitted, no more of them than in the best
    stiff = stiff_lines(items, best.breaks)
    loosest = max((b.ratio for b, no in zip(best.breaks[:-1], stiff) if not no), default=0.0)
    if loosest > LOOSE_RATIO + 1e-9:
        return  # a loose line: set_paragraph may re-break it with eager items (even colour), not modelled here
    params = replace(params, max_ratio=max(SQUARING_GAP / cjk.INTER_CHAR_STRETCH, loosest), stiff=any(stiff[:-1]))
    found = total_fit_lines(items, params, k)
    if found is None or sum(stiff_lines(items, found.breaks)[:-1]) > sum(stiff[:-1]):
        return
    if _loose(items, found.breaks) > _loose(items, best.breaks):
        return  # set_paragraph keeps the best setting: 拉行 may add no line over ¼ em
    assert len(found.breaks) == k and found.overfull == 0
    assert all(-1.0 <= b.ratio <= params.max_ratio + 1e-9 or no
               for b, no in zip(found.breaks[:-1], stiff_lines(items, found.breaks)))
    assert found.demerits == pytest.approx(demerits(items, found.breaks, params), rel=1e-9)
    assert demerits(items, found.breaks, replace(params, orphan_min=0)) == found.demerits  # no 孤字
    config = replace(config, breaker="total-fit")
    result = set_paragraph([Span(text, TextFont((tiny_face,), 10.0))], measure, config, change)
    assert result.looseness == change and len(result.lines) == k
    assert "".join(line.text for line in result.lines) == text
    assert all(line.width <= measure + 1e-6 for line in result.lines)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, measure=MEASURE, config=CONFIG)
def test_with_the_optimal_line_count_it_is_the_total_fit(tiny_face, text, measure, config):
    items, params = _items(tiny_face, text, measure, config), BreakParams(measure=measure, orphan_min=config.orphan_min)
    best = total_fit(items, params)
    admissible = (not best.overfull and all(b.ratio <= params.max_ratio for b in best.breaks[:-1])
                  and demerits(items, best.breaks, replace(params, orphan_min=0)) == best.demerits)
    exact = total_fit_lines(items, params, len(best.breaks))
    if not admissible:
        return
    assert exact is not None and exact.demerits <= best.demerits * (1 + 1e-9) + 1e-6
    if not config.hanging:  # one way to set each line: both are the same optimum
        assert exact.demerits == pytest.approx(best.demerits, rel=1e-9)
