"""Copy desk (layout clean), paragraphs: broken paragraphs joined, duplicated fragments removed.

Inputs are real fragments of the seed page (/work/shared/seed/jining-page.txt).
"""

from layout.cleaning.desk import clean_text
from layout.cleaning.paragraphs import ends_open, is_heading, overlap
from layout.cleaning.tracked import LineIndex

BROKEN = "抓精细服务,推动项目建设提速增\n\n效。2023年高新区全面实施推进体系。"
DUPLICATE = (
    "实现了济宁高新区数据知识产权存证、登记、保护从\"0\"到\"1\"的突破。数据知识产权是指数据资源持有人或处理者对其\n\n"
    "数据知识产权是指数据资源持有人或处理者对其依法取得的数据进行实质性处理。"
)


def paragraphs(text: str) -> list[str]:
    """The cleaned paragraphs."""
    return [item.text for item in clean_text(text).paragraphs]


def test_broken_paragraph_is_joined():
    assert paragraphs(BROKEN) == ["抓精细服务，推动项目建设提速增效。2023年高新区全面实施推进体系。"]


def test_join_is_reported_with_both_raw_lines():
    text = "上半年\n\n下半年要做。\n\n整理印发政策,上门做好政策解读。上半\n\n年争取省级以上资金17.95亿元。"
    joins = [c for c in clean_text(text).changes if c.kind == "join"]
    index = LineIndex(text)
    assert [(index.position(c.offset).line, index.position(c.offset2).line) for c in joins] == [(5, 7)]


def test_break_across_several_blank_lines_is_joined():
    text = "为意向来济宁高新区就业创业的博士、硕士提供更多的机会。今\n\n\n\n后,济宁高新人才发展集团将不定期举办开放日活动。"
    assert paragraphs(text) == ["为意向来济宁高新区就业创业的博士、硕士提供更多的机会。今后，济宁高新人才发展集团将不定期举办开放日活动。"]


def test_three_pieces_of_one_paragraph_are_joined():
    text = "杨银轩在致辞中指出,组建后将开展结对帮扶等系列综合性服\n\n务,把更多有社\n\n会责任感的专家吸收进来。"
    assert paragraphs(text) == ["杨银轩在致辞中指出，组建后将开展结对帮扶等系列综合性服务，把更多有社会责任感的专家吸收进来。"]


def test_short_unpunctuated_fragment_counts_as_a_heading_and_is_not_joined():
    assert paragraphs("组建后将开展结对帮扶等系列综合性服\n\n务,把更多有社会责任感的专家吸收进来。") == [
        "组建后将开展结对帮扶等系列综合性服", "务，把更多有社会责任感的专家吸收进来。"]


def test_heading_is_not_joined_to_the_next_paragraph():
    text = "不断建强创业导师队伍体系\n\n济宁高新区创业导师工作室揭牌仪式举行\n\n本报济宁讯(记者 胡碧源)8月18日,揭牌仪式举行。"
    assert len(paragraphs(text)) == 3


def test_unterminated_paragraph_before_a_heading_is_not_joined_but_reported():
    text = "各街道社区要共同督促整改到位,切实提升物业服务水平\n\n开展文旅市场 安全生产专项检查\n\n本报济宁讯(记者 胡碧源)为进一步规范。"
    result = clean_text(text)
    assert len(result.paragraphs) == 3
    assert [n.kind for n in result.notices] == ["unterminated"]
    assert LineIndex(text).position(result.notices[0].offset).line == 1


def test_enumeration_starts_a_new_paragraph():
    text = "会议提出以下要求\n\n一、提高认识。"
    assert len(paragraphs(text)) == 2


def test_paragraph_ending_with_a_stop_is_not_joined():
    assert len(paragraphs("会议指出，工作很重要。\n\n会议强调，要抓落实。")) == 2


def test_duplicated_fragment_is_removed_once_and_reported():
    result = clean_text(DUPLICATE)
    fragment = "数据知识产权是指数据资源持有人或处理者对其"
    assert result.text.count(fragment) == 1
    assert fragment + "依法取得" in result.text
    duplicates = [c for c in result.changes if c.kind == "duplicate"]
    assert [(c.before, LineIndex(DUPLICATE).position(c.offset).line) for c in duplicates] == [(fragment, 3)]


def test_short_repetition_is_not_a_duplicate():
    assert overlap("会议要求做好工作", "做好工作的方法") == 0
    assert overlap("甲乙丙丁戊己庚辛壬。好", "甲乙丙丁戊己庚辛壬癸") == 0  # not at the end of the first
    assert overlap("好。甲乙丙丁戊己庚辛壬", "甲乙丙丁戊己庚辛壬癸") == 9


def test_heading_like_lines():
    assert is_heading("黄屯街道")
    assert is_heading("颁出首张 数据知识产权存证证书")
    assert is_heading("济宁高新区\"才聚蓼河 企望有你\"博硕开放日活动顺利举办")
    assert not is_heading("辰欣药业股份有限公司、山东胜利")  # 、 is sentence punctuation
    assert not is_heading("济宁高新区创业导师工作室揭牌仪式暨中科院项目资源与创新合作推介会举行")  # 35 > 30


def test_open_and_closed_paragraph_ends():
    assert ends_open("推动项目建设提速增")
    assert ends_open("并传达,")
    assert not ends_open("江沛说。")
    assert not ends_open("实现“满堂彩”")
    assert not ends_open('当好"黏合剂"')


def test_lines_without_blank_lines_are_paragraphs():
    assert paragraphs("第一段。\n第二段。\n第三段。") == ["第一段。", "第二段。", "第三段。"]


def test_soft_line_break_inside_a_paragraph_is_joined():
    text = "会议指出，做好\n工作很重要。\n\nthe quick\nbrown fox"
    assert paragraphs(text) == ["会议指出，做好工作很重要。", "the quick brown fox"]
