"""The clreq / GB tables themselves (layout/cjk.py), checked against TYPOGRAPHY.md §1–§3."""

from __future__ import annotations

import pytest

from layout import cjk
from layout.errors import LayoutError

# TYPOGRAPHY.md §2, written out again here from the design document (not from the code).
SPEC_BASIC_START = "、，。：；！？”’』」）】〗〕］｝》〉–—～·/／" + ")]}"  # issue 11: ASCII brackets as
SPEC_BASIC_END = "“‘『「（【〖〔［｛《〈" + "([{"  # their full-width forms


def test_level_none_prohibits_nothing():
    assert cjk.NOT_AT_START["none"] == frozenset() and cjk.NOT_AT_END["none"] == frozenset()


def test_basic_not_at_start_is_the_spec_table():
    assert cjk.NOT_AT_START["basic"] == frozenset(SPEC_BASIC_START)


def test_basic_not_at_end_is_the_spec_table():
    assert cjk.NOT_AT_END["basic"] == frozenset(SPEC_BASIC_END)


def test_gb_adds_solidus_at_line_end_only():
    assert cjk.NOT_AT_START["gb"] == cjk.NOT_AT_START["basic"]
    assert cjk.NOT_AT_END["gb"] - cjk.NOT_AT_END["basic"] == {"/", "／"}


def test_strict_adds_the_two_em_marks_at_line_start():
    assert cjk.NOT_AT_START["strict"] - cjk.NOT_AT_START["gb"] == {"——", "……", "⸺"}
    assert cjk.NOT_AT_END["strict"] == cjk.NOT_AT_END["gb"]


def test_two_em_dash_may_start_a_line_below_strict():
    assert cjk.may_start("——", "gb") and not cjk.may_start("——", "strict")


def test_single_em_dash_is_a_connector_at_basic():
    assert not cjk.may_start("—", "basic")


@pytest.mark.parametrize("mark", sorted(cjk.POSTFIX))
def test_unit_marks_never_start_a_line(mark):
    assert not cjk.may_start(mark, "basic") and cjk.may_start(mark, "none")


@pytest.mark.parametrize("mark", sorted(cjk.PREFIX))
def test_currency_never_ends_a_line(mark):
    assert not cjk.may_end(mark, "basic") and cjk.may_end(mark, "none")


def test_spec_number_marks_are_in_the_tables():
    assert set("%‰℃°") <= cjk.POSTFIX and set("¥$£") <= cjk.PREFIX


@pytest.mark.parametrize("char,cls", [("永", "H"), ("\u3000", "H"), ("〇", "H"), ("“", "O"), ("（", "O"),
                                      ("》", "C"), ("’", "C"), ("。", "S"), ("？", "S"), ("——"[0], "N"),
                                      ("…", "N"), ("·", "N"), ("／", "N"), ("a", "L"), ("7", "L"), ("%", "L"),
                                      ("℃", "L"), ("¥", "L"), ("/", "L"), (" ", "W")])
def test_character_classes(char, cls):
    assert cjk.char_class(char) == cls


def test_every_adjustable_mark_has_one_class():
    marks = cjk.OPENING + cjk.CLOSING + cjk.STOPS
    assert len(set(marks)) == len(marks) and not set(marks) & set(cjk.FIXED)


def test_fixed_marks_are_the_spec_non_adjustable_ones():
    assert set("–·／—…") <= set(cjk.FIXED)


def test_only_slight_pause_comma_and_period_hang():
    assert cjk.HANGABLE == frozenset("、，。")


def test_two_em_units_are_recognised_at_line_edges():
    assert cjk.line_start_unit("——说") == "——" and cjk.line_end_unit("他说……") == "……"


def test_punctuation_is_not_counted_for_orphans():
    assert [cjk.is_counted(c) for c in "永a7，”%"] == [True, True, True, False, False, False]


def test_unknown_level_is_a_layout_error():
    with pytest.raises(LayoutError, match="kinsoku"):
        cjk.check_level("loose")
