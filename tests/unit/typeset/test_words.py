"""Words: where a headline may break — between words, never inside a short phrase the editor set off."""

import pytest

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


def test_a_text_cut_once_is_read_back_from_the_store_without_the_segmenter(tmp_path, monkeypatch):
    from layout import store as _store
    from layout.typeset import words as module
    text = "济宁高新区举办博硕开放日活动"
    store = _store.Store(tmp_path / "store")
    with _store.using(store):
        module.words.cache_clear()
        first = module.words(text)
    assert len(first) > 1 and "".join(first) == text
    assert list((tmp_path / "store" / module.KIND).rglob("*.bin"))  # the cut was filed

    def no_segmenter():
        raise AssertionError("the segmenter was loaded for a text the store holds")
    monkeypatch.setattr(module, "_segmenter", no_segmenter)
    with _store.using(_store.Store(tmp_path / "store")):  # a new build on the same folder
        module.words.cache_clear()
        assert module.words(text) == first
    module.words.cache_clear()
    with _store.using(_store.Store()), pytest.raises(AssertionError):  # --no-cache: cut again
        module.words(text)
    module.words.cache_clear()
