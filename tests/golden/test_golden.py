"""Golden: a small page set in the tiny font, dumped as text — a diff shows exactly which line moved.

Update with `pytest tests/golden --update-golden` only after reviewing the change."""

from layout.output.dump import text_dump
from worlds import article, make_issue, make_world

LEAD = """kicker: 引题文字
headline: 一条两行的主标题
headline: 第二行
dateline: 本报讯（记者 某某）

8月17日，全区深入贯彻落实“又高又新”主责主业，项目总投资171.42亿元，增长60.4%。发布会向与会媒体代表介绍了相关情况，并回答记者提问。

**抓精细服务，推动建设。**2023年高新区全面实施“县级领导包保+工作专班”推进体系（试行），进一步压实工作责任……"""

SIDE = """label: 黄屯街道
headline: 颁出首张 存证证书

近日，记者从相关部门获悉，某公司“设备管理云平台”获得首张证书，实现了从“0”到“1”的突破。"""


def test_two_article_page_dump(tiny_font_path, golden):
    issue = make_issue((article("lead", 1, 3, 0, 24), article("side", 4, 1, 0, 30)))
    world = make_world(tiny_font_path, issue, {"lead": LEAD, "side": SIDE})
    golden("two-articles", text_dump([world.compose(issue.pages[0])]))
