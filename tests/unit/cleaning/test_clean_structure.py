"""Copy desk (layout clean), structure: page → articles (label, kicker, headline, deck, dateline, run-in heads).

Inputs are real fragments of the seed page (/work/shared/seed/jining-page.txt).
"""

from layout.cleaning.desk import clean_text
from layout.cleaning.render import article_text, file_names, skeleton_text
from layout.cleaning.rules import DATELINES, dateline_span
from layout.cleaning.structure import is_label, split_page

LEAD = """积极推动项目建设提质提速提效

济宁高新区重点项目建设新闻发布会举行

本报济宁讯(记者 刘菲)8月17日,济宁高新区数说发展看高新主题系列(第2场)高新区重点项目建设新闻发布会举行。

抓精细服务,推动项目建设提速增

效。2023年高新区全面实施推进体系。

抓项目落地,突出高效投资引领。 2023年高新区聚焦重点项目建设。

抓政策落实,在要素保障上再创新高。2023年高新区从优化服务入手。
"""
LABELLED = """济宁高新区党工委组织部(人力资源部)

开展大走访 推动任务走深走实

本报济宁讯(记者 胡碧源 通讯员 赵然)8月18日上午,会议召开。

黄屯街道

听取社情民意 收集意见建议

本报济宁讯(记者 刘菲 通讯员 张瑞)为落实会议精神,召开培训会。
"""


def page(text: str):
    """The cleaned text split into articles."""
    return split_page(clean_text(text).paragraphs)


def test_lead_story_kicker_headline_dateline():
    header = page(LEAD).articles[0].header
    assert header.kicker == "积极推动项目建设提质提速提效"
    assert header.headlines == ("济宁高新区重点项目建设新闻发布会举行",)
    assert header.label == ""
    assert header.dateline == "本报济宁讯（记者 刘菲）"


def test_body_starts_after_the_dateline():
    body = page(LEAD).articles[0].body
    assert body[0].startswith("8月17日，济宁高新区")


def test_run_in_heads_are_marked_in_a_series():
    body = page(LEAD).articles[0].body
    assert body[1].startswith("**抓精细服务，推动项目建设提速增效。**2023年")
    assert body[2].startswith("**抓项目落地，突出高效投资引领。**2023年")
    assert body[3].startswith("**抓政策落实，在要素保障上再创新高。**2023年")
    assert sum(1 for c in page(LEAD).changes if c.kind == "runin") == 3


def test_a_single_short_clause_is_not_a_run_in_head():
    text = LEAD.replace("抓项目落地,突出高效投资引领。", "").replace("抓政策落实,在要素保障上再创新高。", "")
    body = page(text).articles[0].body
    assert not any(paragraph.startswith("**") for paragraph in body)


def test_labels_and_two_articles():
    articles = page(LABELLED).articles
    assert [a.header.label for a in articles] == ["济宁高新区党工委组织部（人力资源部）", "黄屯街道"]
    assert [a.header.kicker for a in articles] == ["", ""]
    assert articles[1].header.headlines == ("听取社情民意 收集意见建议",)
    assert articles[1].header.dateline == "本报济宁讯（记者 刘菲 通讯员 张瑞）"


def test_label_or_kicker():
    assert is_label("黄屯街道")
    assert is_label("济宁高新区")
    assert is_label("接庄街道")
    assert is_label("济宁高新区党工委组织部（人力资源部）")
    assert not is_label("积极推动项目建设提质提速提效")
    assert not is_label("引才聚智 赋能产业高质量发展")
    assert not is_label("不断建强创业导师队伍体系")


def test_long_headline_right_before_a_dateline():
    text = ("不断建强创业导师队伍体系\n\n济宁高新区创业导师工作室揭牌仪式暨中科院项目资源与创新合作推介会举行\n\n"
            "本报济宁讯(记者 胡碧源 通讯员 万继成)8月18日,推介会举行。")
    header = page(text).articles[0].header
    assert header.kicker == "不断建强创业导师队伍体系"
    assert header.headlines == ("济宁高新区创业导师工作室揭牌仪式暨中科院项目资源与创新合作推介会举行",)


def test_deck_starting_with_a_dash():
    text = "济宁高新区重点项目建设新闻发布会举行\n\n——数说发展看高新主题系列第2场\n\n新华社济宁8月17日电 发布会举行。"
    header = page(text).articles[0].header
    assert header.headlines == ("济宁高新区重点项目建设新闻发布会举行",)
    assert header.deck == "——数说发展看高新主题系列第2场"
    assert header.dateline == "新华社济宁8月17日电"
    assert page(text).articles[0].body == ("发布会举行。",)


def test_text_before_the_first_headline_is_an_article_without_header():
    result = page("这是报眉下的一段说明。\n\n" + LABELLED)
    assert result.articles[0].header is None
    assert result.articles[0].body == ("这是报眉下的一段说明。",)
    assert [n.kind for n in result.notices] == ["untitled"]


def test_dateline_forms_table():
    assert [form.name for form in DATELINES] == ["本报X讯", "新华社电", "中新社电"]
    assert dateline_span("本报济宁讯(记者 刘菲)8月17日") == len("本报济宁讯(记者 刘菲)")
    assert dateline_span("本报讯（记者 王五）昨日") == len("本报讯（记者 王五）")
    assert dateline_span("新华社北京8月17日电（记者 张三）今天") == len("新华社北京8月17日电（记者 张三）")
    assert dateline_span("中新社北京8月17日电 今天") == len("中新社北京8月17日电")
    assert dateline_span("本报记者近日从相关部门获悉") == 0


def test_article_file_text_follows_the_format():
    article = page(LABELLED).articles[1]
    assert article_text(article) == (
        "label: 黄屯街道\nheadline: 听取社情民意 收集意见建议\ndateline: 本报济宁讯（记者 刘菲 通讯员 张瑞）\n\n"
        "为落实会议精神，召开培训会。\n"
    )


def test_skeleton_lists_ids_and_files_without_slots():
    articles = page(LABELLED).articles
    text = skeleton_text(file_names(2), articles, "articles", "raw.txt")
    assert "  - id: a01  # 开展大走访 推动任务走深走实\n    file: \"articles/01.txt\"\n" in text
    assert "  - id: a02  # 听取社情民意 收集意见建议\n    file: \"articles/02.txt\"\n" in text
    assert "slot" not in text.split("articles:\n")[1]


def test_file_names_in_page_order():
    assert file_names(3) == ("01.txt", "02.txt", "03.txt")
    assert file_names(100)[-1] == "100.txt"


ONE_BREAK = """济宁高新区重点项目建设新闻发布会举行

本报济宁讯（记者 刘菲）8月17日，发布会举行。
会议要求，加快项目建设。
城区新开通三条公交线路
本报讯（记者王磊 通讯员孙倩）近日，城区新开通三条公交线路。

市民表示出行更方便。
"""


def test_a_headline_after_one_line_break_before_a_dateline_starts_a_new_article():
    split = page(ONE_BREAK)
    assert [a.header.headlines for a in split.articles] == [("济宁高新区重点项目建设新闻发布会举行",),
                                                            ("城区新开通三条公交线路",)]
    assert split.articles[0].body == ("8月17日，发布会举行。会议要求，加快项目建设。",)
    assert split.articles[1].header.dateline == "本报讯（记者王磊 通讯员孙倩）"
    assert split.articles[1].body == ("近日，城区新开通三条公交线路。", "市民表示出行更方便。")


def test_a_kicker_line_above_the_headline_goes_with_it():
    text = ONE_BREAK.replace("城区新开通三条公交线路\n本报讯", "公交优先 便民出行\n城区新开通三条公交线路\n本报讯")
    second = page(text).articles[1].header
    assert (second.kicker, second.headlines) == ("公交优先 便民出行", ("城区新开通三条公交线路",))
    assert page(text).articles[0].body == ("8月17日，发布会举行。会议要求，加快项目建设。",)


def test_the_report_lists_the_article_split_off_by_its_raw_line(tmp_path):
    from layout.cleaning.desk import clean_file, report_text
    raw = tmp_path / "page.txt"
    raw.write_text(ONE_BREAK, encoding="utf-8")
    report = report_text(clean_file(raw), None)
    assert ("1 articles split off (headline, dateline):\n"
            "  line 5  城区新开通三条公交线路 ⏎ 本报讯（记者王磊 通讯员孙倩）…") in report


def test_the_split_is_idempotent():
    once = clean_text(ONE_BREAK).text
    assert clean_text(once).text == once
