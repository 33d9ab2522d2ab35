"""Copy desk (layout clean), text level: punctuation, quotes, ellipses, dashes, spaces, normalisation.

Inputs are real fragments of the seed page (/work/shared/seed/jining-page.txt) unless said otherwise.
"""

import pytest

from layout.cleaning.desk import clean_text


def cleaned(text: str) -> str:
    """The cleaned text without its final newline."""
    return clean_text(text).text.rstrip("\n")


def kinds(text: str) -> dict[str, int]:
    """Count of changes per kind."""
    counts: dict[str, int] = {}
    for change in clean_text(text).changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    return counts


# --- punctuation -------------------------------------------------------------------------------

def test_commas_between_han_become_full_width():
    assert cleaned("据了解,2023年,全区深入贯彻落实") == "据了解，2023年，全区深入贯彻落实"


def test_semicolon_after_percent_becomes_full_width_and_decimal_stays():
    text = "比去年同期增长60.4%;获批政策项目77个"
    assert cleaned(text) == "比去年同期增长60.4%；获批政策项目77个"


def test_range_dash_between_digits_and_decimals_stay():
    text = "1—6月份投资完成率69.6%,投资贡献率9.9%,综合排名全市第3。"
    assert cleaned(text) == "1—6月份投资完成率69.6%，投资贡献率9.9%，综合排名全市第3。"


def test_question_exclamation_and_colon_in_chinese():
    assert cleaned("你去吗?去!结果:很好。") == "你去吗？去！结果：很好。"


def test_ascii_stays_inside_numbers_and_latin_words():
    assert cleaned("共1,000人,10:30开会。") == "共1,000人，10:30开会。"
    assert cleaned("Hello, world: fine; ok? yes!") == "Hello, world: fine; ok? yes!"


def test_urls_and_emails_stay_ascii():
    text = "详见http://www.jining.gov.cn/a?b=1,联系news@jndaily.com。"
    assert cleaned(text) == "详见http://www.jining.gov.cn/a?b=1，联系news@jndaily.com。"


def test_brackets_of_a_dateline_and_a_document_number():
    text = "按照《济宁高新区物业服务企业管理考评办法》(济高新管办字(2023)3号)、"
    assert cleaned(text) == "按照《济宁高新区物业服务企业管理考评办法》（济高新管办字（2023）3号）、"


def test_brackets_around_latin_after_latin_stay():
    assert cleaned("函数f(x)的值") == "函数f(x)的值"


def test_brackets_with_han_inside_become_full_width():
    assert cleaned("艾美科健(中国)生物医药有限公司") == "艾美科健（中国）生物医药有限公司"


def test_ellipsis_spellings():
    assert cleaned("等等...还有") == "等等……还有"
    assert cleaned("等等。。。还有") == "等等……还有"
    assert cleaned("等等…还有") == "等等……还有"
    assert cleaned("wait... ok") == "wait... ok"
    assert kinds("等等...还有")["ellipsis"] == 1


def test_dash_spellings():
    assert cleaned("高新区--济宁") == "高新区——济宁"
    assert cleaned("高新区———济宁") == "高新区——济宁"
    assert cleaned("高新区――济宁") == "高新区——济宁"
    assert cleaned("well--done") == "well--done"


# --- quotes ------------------------------------------------------------------------------------

def test_straight_quotes_pair_across_a_paragraph():
    text = '要强化"上限""下限"和"底线"思维,当好党群关系的"黏合剂"。'
    assert cleaned(text) == "要强化“上限”“下限”和“底线”思维，当好党群关系的“黏合剂”。"


def test_quote_pair_around_a_sentence_with_stop_inside():
    text = '努力实现自己的梦 想。"江沛说。'
    opening = '"2016年我来到济宁高新 区,见证了高新区的发展历程,'
    assert cleaned(opening + text) == "“2016年我来到济宁高新区，见证了高新区的发展历程，努力实现自己的梦想。”江沛说。"


def test_unpaired_quote_inside_title_marks_is_closing_and_reported():
    text = '并传达了《黄屯街道访民情、解民忧、转作风、促发展"大走访活动实施方案》。'
    result = clean_text(text)
    assert result.text.rstrip() == "并传达了《黄屯街道访民情、解民忧、转作风、促发展”大走访活动实施方案》。"
    notices = [n for n in result.notices if n.kind == "unpaired-quote"]
    assert [n.offset for n in notices] == [text.index('"')]


def test_unpaired_quote_after_a_comma_opens():
    assert cleaned('他说,"大家好。') == "他说，“大家好。"


def test_quote_inside_title_marks_does_not_pair_with_one_outside():
    text = '《促发展"大走访》和"两委"'
    assert cleaned(text) == "《促发展”大走访》和“两委”"


def test_single_quotes_pair_and_apostrophes_stay():
    assert cleaned("他说:'好'。") == "他说：‘好’。"
    assert cleaned("中国don't") == "中国don't"


def test_quotes_in_a_latin_only_paragraph_stay():
    assert cleaned('He said "yes".') == 'He said "yes".'


# --- spaces ------------------------------------------------------------------------------------

def test_space_between_han_is_removed():
    text = "把更多有社会责任感的专家和企业家吸收到工作 室中来,打造富有活力的创新创业服务 平台。"
    assert cleaned(text) == "把更多有社会责任感的专家和企业家吸收到工作室中来，打造富有活力的创新创业服务平台。"


def test_space_next_to_chinese_marks_is_removed():
    assert cleaned("突出高效投资引领。 2023年高新区") == "突出高效投资引领。2023年高新区"
    assert cleaned('会议指出,"访民情、解民忧、转作风、 促发展"活动') == "会议指出，“访民情、解民忧、转作风、促发展”活动"


def test_spaces_inside_a_dateline_are_kept():
    text = "本报济宁讯(记者 刘菲 通讯员 宁辰雨 李希香) 近日,济宁高新区黄屯街道"
    assert cleaned(text) == "本报济宁讯（记者 刘菲 通讯员 宁辰雨 李希香）近日，济宁高新区黄屯街道"


def test_space_between_halves_of_a_heading_is_kept():
    text = "颁出首张 数据知识产权存证证书\n\n引才聚智 赋能产业高质量发展"
    assert clean_text(text).text == text + "\n"


def test_space_in_a_quoted_slogan_of_two_halves_is_kept():
    text = '8月17日上午,济宁高新区"才聚蓼河 企望有你"博硕开放日活动顺利举办,来自中国药科大学的人才参加。'
    assert "“才聚蓼河 企望有你”" in cleaned(text)


def test_space_in_a_quote_of_unequal_halves_is_removed():
    assert cleaned('着力调查研究"教 学质量""医疗费用"等。') == "着力调查研究“教学质量”“医疗费用”等。"


def test_space_between_han_and_latin_is_kept_once():
    assert cleaned("使用  Python 编程的人很多。") == "使用 Python 编程的人很多。"


# --- normalisation -----------------------------------------------------------------------------

def test_full_width_letters_and_digits_become_ascii():
    assert cleaned("２０２３年ＡＢｃ类") == "2023年ABc类"
    assert kinds("２０２３年")["fullwidth"] == 4


def test_nfc_normalisation():
    assert cleaned("Cafe\u0301很好。") == "Café很好。"
    assert kinds("Cafe\u0301很好。")["nfc"] == 1


def test_odd_spaces_and_invisible_characters():
    assert cleaned("\u3000\u3000会议指出\u200b,做好工作。") == "会议指出，做好工作。"


def test_crlf_line_ends():
    assert clean_text("第一段。\r\n\r\n第二段。\r\n").text == "第一段。\n\n第二段。\n"


def test_clean_text_is_a_fixed_point_on_its_own_output():
    once = clean_text('据了解,2023年,"又高又新"主责主业...\n\n抓精细服务,推动项目建设提速增\n\n效。')
    assert clean_text(once.text).text == once.text
    assert clean_text(once.text).changes == ()


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_blank_text_cleans_to_nothing(text):
    assert clean_text(text).text == ""
