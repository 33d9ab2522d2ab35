"""Words: where a headline may break — between words, never inside a short phrase the editor set off."""

from layout.typeset.words import keep_positions


def cuts(text: str) -> str:
    """`text` with a '|' wherever a line may break."""
    keep = keep_positions(text)
    return "".join(c + ("" if i + 1 in keep or i + 1 == len(text) else "|") for i, c in enumerate(text))


def test_a_four_character_phrase_set_off_by_a_space_and_a_quote_stays_whole():
    # the segmenter alone cuts 企望|有|你, which broke the sample's headline as 企望有 / 你”
    assert "|企望有你|" in cuts("济宁高新区“才聚蓼河 企望有你”博硕开放日活动顺利举办")
    assert "才聚蓼河" in cuts("济宁高新区“才聚蓼河 企望有你”博硕开放日活动顺利举办").split("|")


def test_words_of_a_long_run_may_still_break_between_them():
    assert cuts("博硕开放日活动顺利举办").count("|") >= 3


def test_a_name_after_a_credit_stays_whole_without_the_segmenter():
    # a dateline needs no dictionary: no break inside 周明亮 (offsets 3|4|5|6) nor inside 记者 (0|1|2)
    assert keep_positions("记者 周明亮", segment=False) == frozenset({1, 4, 5})
