"""Article format (layout/article/format.py): keys, parsing with offsets, the join rule, writing."""

import pytest

from layout.article import format as fmt
from layout.errors import ManifestError


def test_header_keys_are_english_and_chinese_for_each_field():
    assert set(fmt.HEADER_KEYS.values()) == {"label", "kicker", "headline", "deck", "dateline"}
    assert {k for k, v in fmt.HEADER_KEYS.items() if v == "headline"} == {"headline", "主题"}
    assert (fmt.HEADER_KEYS["栏目"], fmt.HEADER_KEYS["引题"], fmt.HEADER_KEYS["副题"], fmt.HEADER_KEYS["电头"]) == (
        "label", "kicker", "deck", "dateline")


def test_fields_and_paragraphs_know_their_line_and_offset():
    text = "# 注\n栏目： 黄屯街道\nheadline: 题\n\n  一段\n续。\n\n**抓，好。**二段。\n"
    parsed = fmt.parse(text, "a.txt")
    assert [(f.key, f.name, f.value, f.line) for f in parsed.header] == [
        ("#", "#", "# 注", 1), ("栏目", "label", "黄屯街道", 2), ("headline", "headline", "题", 3)]
    for field in parsed.header:
        assert text[field.offset:field.offset + len(field.value)] == field.value
    assert [(b.text, b.runin, b.rest, b.line) for b in parsed.body] == [
        ("一段续。", "", "一段续。", 5), ("**抓，好。**二段。", "抓，好。", "二段。", 8)]
    assert [text[b.offset] for b in parsed.body] == ["一", "*"]
    assert text[parsed.body_offset:].startswith("\n  一段")


def test_offsets_count_characters_with_crlf_line_ends():
    text = "headline: 题\r\n\r\n一段。\r\n"
    parsed = fmt.parse(text, "a.txt")
    assert parsed.body[0].line == 3 and text[parsed.body[0].offset] == "一"


def test_body_only_file_has_no_header():
    parsed = fmt.parse("记者：刘菲\n\n正文。", "a.txt")
    assert parsed.header == () and [b.text for b in parsed.body] == ["记者：刘菲", "正文。"]


@pytest.mark.parametrize(("left", "right", "glue"), [
    ("word", "next", " "), ("2023", "年", ""), ("高新", "区", ""), ("A", "1", " "), ("，", "B", ""), ("é", "a", ""),
])
def test_glue_is_a_space_only_between_two_latin_letters_or_digits(left, right, glue):
    assert fmt.glue(left, right) == glue


def test_join_lines_uses_the_glue():
    assert fmt.join_lines(["济宁", "高新区 Apple", "Inc。"]) == "济宁高新区 Apple Inc。"


def test_is_article_looks_at_the_first_line_after_comments():
    assert fmt.is_article("# 注\n主题: 题\n\n正文")
    assert not fmt.is_article("积极推动项目建设\n\n主题: 题")
    assert not fmt.is_article("作者: 某\n\n正文")


def test_write_gives_header_blank_line_paragraphs_and_final_lf():
    header = fmt.header_fields([("label", ""), ("headline", "题一"), ("headline", "题二"), ("dateline", "本报讯")])
    text = fmt.write(header, ["一段。", "**抓，好。**二段。"], "a.txt")
    assert text == "headline: 题一\nheadline: 题二\ndateline: 本报讯\n\n一段。\n\n**抓，好。**二段。\n"
    parsed = fmt.parse(text, "a.txt")
    assert parsed.headline == ("题一", "题二") and parsed.value("dateline") == "本报讯"


def test_write_keeps_comments_and_keys_as_written():
    header = (fmt.Field("#", "# 来稿"), fmt.Field("主题", "题"))
    assert fmt.write(header, ["正文。"], "a.txt") == "# 来稿\n主题: 题\n\n正文。\n"


def test_write_refuses_what_the_build_would_reject():
    with pytest.raises(ManifestError, match="dateline but no body") as info:
        fmt.write(fmt.header_fields([("headline", "题"), ("dateline", "本报讯")]), [], "01.txt")
    assert info.value.where == "01.txt:2"


def test_frozen_results_hold_tuples():
    parsed = fmt.parse("headline: 题\n\n正文。", "a.txt")
    assert isinstance(parsed.header, tuple) and isinstance(parsed.body, tuple)
    with pytest.raises(AttributeError):
        parsed.body_offset = 0
