"""Copy desk (layout clean), rule tables: the data the cleaner runs on, and the report built from it."""

import unicodedata

from layout.cleaning.desk import clean_text
from layout.cleaning.report import CHANGE_KINDS, NOTICE_KINDS, ReportInput, format_report
from layout.cleaning.rules import (CJK_PUNCT, DASH, DATELINES, ELLIPSIS, ENDS_PARAGRAPH, LABEL_SUFFIXES,
                                   MARKS, SENTENCE_PUNCT, han_count, is_cjk, is_han)
from layout.cleaning.tracked import Change, LineIndex, Notice


def test_every_mark_rule_is_ascii_to_full_width_and_cites_gb_15834():
    for rule in MARKS:
        assert rule.ascii.isascii() and len(rule.ascii) == 1
        assert rule.cjk in CJK_PUNCT
        assert unicodedata.east_asian_width(rule.cjk) == "F"
        assert rule.source.startswith("GB/T 15834—2011 §4.")
    assert {rule.ascii for rule in MARKS} == set(",;:?!()")


def test_two_em_marks():
    assert ELLIPSIS == "\u2026\u2026"
    assert DASH == "\u2014\u2014"


def test_sentence_ends_and_sentence_marks():
    assert set("。？！…”）") <= ENDS_PARAGRAPH
    assert not {"，", "、", "—"} & ENDS_PARAGRAPH
    assert set("，。、；：？！") <= SENTENCE_PUNCT
    assert not {"“", "”", "（", "）", "《", "》", "·", "—"} & SENTENCE_PUNCT  # allowed in headings


def test_han_class():
    assert is_han("济") and is_han("〇") and is_han("\U00020000") and is_han("豈")
    assert not is_han("，") and not is_han("A") and not is_han(None)
    assert is_cjk("，") and is_cjk("“") and not is_cjk(",")
    assert han_count("济宁2023年，") == 3


def test_label_suffixes_are_han_and_unique():
    assert all(han_count(suffix) == len(suffix) for suffix in LABEL_SUFFIXES)
    assert len(set(LABEL_SUFFIXES)) == len(LABEL_SUFFIXES)


def test_dateline_forms_have_sources():
    assert all(form.source for form in DATELINES)


def test_every_change_kind_the_cleaner_makes_is_in_the_report_table():
    text = ("\ufeff２０２３\r\n\r\nCafe\u0301，工作 室中来...高新区--济宁,\"好\"\n再说\n\n抓精细服务,推动项目建设提速增\n\n"
            "效。甲乙丙丁戊己庚辛。甲乙丙丁戊己庚辛\n\n甲乙丙丁戊己庚辛。")
    made = {change.kind for change in clean_text(text).changes}
    assert made == {"invisible", "fullwidth", "newline", "nfc", "space", "linebreak", "punctuation", "quote",
                    "ellipsis", "dash", "join", "duplicate"}
    assert made <= {kind for kind, _ in CHANGE_KINDS}


def test_report_counts_in_table_order_and_lists_places():
    raw = "第一行\n第二行,\n第三行"
    changes = (Change(kind="space", offset=3, before=" ", after=""),
               Change(kind="punctuation", offset=7, before=",", after="，"),
               Change(kind="space", offset=9, before=" ", after=""),
               Change(kind="join", offset=7, before="第二行", after="第三行", offset2=9))
    notices = (Notice("unpaired-quote", 5, "二行"),)
    text = format_report(ReportInput("title", changes, notices, LineIndex(raw)))
    assert text.splitlines()[:5] == [
        "title", "changes:",
        f"      1  join         {dict(CHANGE_KINDS)['join']}",
        f"      1  punctuation  {dict(CHANGE_KINDS)['punctuation']}",
        f"      2  space        {dict(CHANGE_KINDS)['space']}",
    ]
    assert "  line 2 → 3  …第二行 ⏎ 第三行…" in text
    assert f"1 {dict(NOTICE_KINDS)['unpaired-quote']}:\n  line 2:2  二行" in text


def test_line_index_counts_crlf_and_cr():
    index = LineIndex("a\r\nb\rc\nd")
    assert [index.position(offset).line for offset in (0, 3, 5, 7)] == [1, 2, 3, 4]
    assert index.lines == 4
