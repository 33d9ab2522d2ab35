"""Text: article header and body parsing, run-in heads, dateline, encodings."""

from pathlib import Path

import pytest

from layout.errors import ManifestError
from layout.article.text import parse_article, read_article

SRC = Path("a.txt")


def test_header_fields_in_english_and_chinese():
    art = parse_article("栏目: 黄屯街道\nkicker：引题文字\n主题: 标题\n副题: 副题文字\n电头: 本报讯\n\n正文。", SRC)
    assert (art.label, art.kicker, art.headline, art.deck, art.dateline) == (
        "黄屯街道", "引题文字", ("标题",), "副题文字", "本报讯")


def test_repeated_headline_gives_two_lines():
    art = parse_article("headline: 第一行\nheadline: 第二行\n\n正文。", SRC)
    assert art.headline == ("第一行", "第二行")


def test_headline_space_between_halves_is_kept():
    art = parse_article("headline: 颁出首张 数据知识产权存证证书\n\n正文。", SRC)
    assert art.headline == ("颁出首张 数据知识产权存证证书",)


def test_paragraphs_split_on_blank_lines_and_lines_join_without_space():
    art = parse_article("headline: 题\n\n第一段前半\n后半。\n\n\n第二段。", SRC)
    assert [p.text for p in art.paragraphs] == ["第一段前半后半。", "第二段。"]


def test_latin_words_across_a_line_break_keep_one_space():
    art = parse_article("headline: 题\n\nword\nnext", SRC)
    assert art.paragraphs[0].text == "word next"


def test_dateline_runs_in_at_the_start_of_the_first_paragraph():
    art = parse_article("headline: 题\ndateline: 本报济宁讯（记者 刘菲）\n\n8月17日，开会。\n\n二段。", SRC)
    first = art.paragraphs[0].spans
    assert first[0].style == "dateline" and first[0].text == "本报济宁讯（记者 刘菲）"
    assert first[1].text == "8月17日，开会。"
    assert art.paragraphs[1].spans[0].style == "body"


@pytest.mark.parametrize("dateline", ["本报讯", "本报济宁讯（记者 刘菲）", "新华社北京3月5日电（记者 张三 李四）",
                                      "本报讯(记者 王磊)"])
def test_a_news_dateline_runs_in(dateline):
    art = parse_article(f"headline: 题\ndateline: {dateline}\n\n正文。", SRC)
    assert [(s.style, s.text) for s in art.paragraphs[0].spans] == [("dateline", dateline), ("body", "正文。")]


@pytest.mark.parametrize("byline", ["文/林晚", "本报记者 刘菲", "□ 林晚", "记者 王磊 摄"])
def test_a_byline_stands_on_its_own_line(byline):
    """Run in, `文/林晚风从江面来，` reads as the name 林晚风: a byline is a paragraph of its own, in the
    dateline style, before the text (which keeps all its paragraphs)."""
    art = parse_article(f"headline: 春分\ndateline: {byline}\n\n风从江面来，\n\n把柳枝", SRC)
    assert [[(s.style, s.text) for s in p.spans] for p in art.paragraphs] == [
        [("dateline", byline)], [("body", "风从江面来，")], [("body", "把柳枝")]]
    assert art.dateline == byline and art.paragraphs[0].line == 2


def test_runin_head_is_its_own_span():
    art = parse_article("headline: 题\n\n**抓精细服务，推动项目建设提速增效。**2023年高新区。", SRC)
    spans = art.paragraphs[0].spans
    assert (spans[0].style, spans[0].text) == ("runin", "抓精细服务，推动项目建设提速增效。")
    assert (spans[1].style, spans[1].text) == ("body", "2023年高新区。")


def test_file_without_header_is_all_body():
    art = parse_article("只有正文，没有标题。", SRC)
    assert art.headline == () and art.paragraphs[0].text == "只有正文，没有标题。"


def test_paragraph_records_its_first_line():
    art = parse_article("headline: 题\n\n一段。\n\n二段。", SRC)
    assert [p.line for p in art.paragraphs] == [3, 5]


def test_header_key_twice_is_an_error_with_line():
    with pytest.raises(ManifestError) as info:
        parse_article("headline: 题\nkicker: 一\nkicker: 二\n\n正文", SRC)
    assert info.value.where == "a.txt:3"


def test_unknown_header_key_is_an_error_listing_the_keys():
    with pytest.raises(ManifestError, match="unknown header key 'note', did you mean one of label, ") as info:
        parse_article("headline: 题\nnote: 某\n\n正文", SRC)
    assert info.value.where == "a.txt:2"


def test_unknown_chinese_header_key_lists_the_chinese_keys():
    with pytest.raises(ManifestError, match="unknown header key '撰稿', did you mean one of 栏目, 引题, 主题"):
        parse_article("主题: 题\n撰稿: 某\n\n正文", SRC)


def test_misspelt_header_key_suggests_the_closest():
    with pytest.raises(ManifestError, match="unknown header key 'headlin', did you mean 'headline'"):
        parse_article("kicker: 引\nheadlin: 题\n\n正文", SRC)


def test_header_line_without_a_key_is_not_a_header_line():
    with pytest.raises(ManifestError, match="'这不是头部' is not a header line") as info:
        parse_article("headline: 题\n这不是头部\n\n正文", SRC)
    assert info.value.where == "a.txt:2"


def test_header_without_headline_is_an_error():
    with pytest.raises(ManifestError, match="no headline") as info:
        parse_article("# 注\nkicker: 引题\n\n正文", SRC)
    assert info.value.where == "a.txt:2"


def test_dateline_without_body_is_an_error_at_the_dateline():
    with pytest.raises(ManifestError, match="dateline but no body") as info:
        parse_article("headline: 题\ndateline: 本报讯\n", SRC)
    assert info.value.where == "a.txt:2"


def test_unclosed_runin_mark_is_an_error_naming_the_line():
    with pytest.raises(ManifestError, match="run-in head `\\*\\*` is not closed") as info:
        parse_article("headline: 题\n\n一段。\n\n**抓精细服务，推动项目\n建设。", SRC)
    assert info.value.where == "a.txt:5"


def test_runin_head_may_span_a_line_break_and_stars_later_are_text():
    art = parse_article("headline: 题\n\n**抓精细服务，\n推动。**正文 2**3。", SRC)
    spans = art.paragraphs[0].spans
    assert [(s.style, s.text) for s in spans] == [("runin", "抓精细服务，推动。"), ("body", "正文 2**3。")]


@pytest.mark.parametrize("text", ["", "\n\n", "  \n\t\n"])
def test_empty_article_file_is_an_error(text):
    with pytest.raises(ManifestError, match="article file is empty") as info:
        parse_article(text, SRC)
    assert info.value.where == "a.txt:1"


def test_headline_only_article_is_allowed():
    art = parse_article("headline: 只有标题\n", SRC)
    assert art.headline == ("只有标题",) and art.paragraphs == ()


def test_crlf_line_ends_read_like_lf():
    art = parse_article("headline: 题\r\n\r\n一段\r\n续。\r\n\r\n二段。", SRC)
    assert [(p.text, p.line) for p in art.paragraphs] == [("一段续。", 3), ("二段。", 6)]


def test_non_utf8_file_names_line_and_offset(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("headline: 题\n\n".encode() + "正文".encode("gbk"))
    with pytest.raises(ManifestError) as info:
        read_article(path)
    assert info.value.where == f"{path}:3"
    assert "offset" in info.value.message


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffheadline: 题\n\n正文。".encode())
    assert read_article(path).headline == ("题",)


def test_body_starting_with_a_hash_topic_is_body_not_a_comment():
    art = parse_article("#济宁高新区# 8月17日，开会。\n\n第二段。", SRC)
    assert [p.text for p in art.paragraphs] == ["#济宁高新区# 8月17日，开会。", "第二段。"]


def test_hash_lines_inside_a_header_are_comments():
    art = parse_article("# 来稿：通讯员\nheadline: 题\n\n正文。", SRC)
    assert art.headline == ("题",) and [p.text for p in art.paragraphs] == ["正文。"]


@pytest.mark.parametrize("key,meant", [("作者", "'电头' (dateline/电头)"), ("标题", "'主题' (headline/主题)"),
                                       ("肩题", "'引题' (kicker/引题)"), ("author", "'dateline' (dateline/电头)"),
                                       ("Title", "'headline' (headline/主题)")])
def test_a_word_editors_use_for_a_header_key_names_the_key_meant(key, meant):
    with pytest.raises(ManifestError) as info:
        parse_article(f"{key}: 某\n\n正文", SRC)
    assert info.value.message == f"unknown header key '{key}', did you mean {meant}?"
    assert info.value.where == "a.txt:1"
