"""Benchmark of the composer: set_paragraph over sample-like text, and over 10k/100k/1M generated characters.

Run: /tmp/venv/bin/python bench/compose_bench.py [--quick]   (from the repository root)
Target (composer issue): the sample page, ~6000 characters in 11-字 columns at 10.5 pt, composed in
≲ 150 ms; characters/second should stay flat from 10k to 1M characters (the composer is linear).
The stage line splits the sample-like total-fit time into items, breaking and lines (layout/typeset/items.py,
layout/typeset/breaking.py, layout/typeset/lines.py) to show where the next optimisation should go.
Fonts: Noto Serif CJK SC (body), Noto Sans CJK SC Bold (run-in heads), LXGW WenKai Bold (datelines),
as in fonts/fonts.yaml; the tiny test font if those are not installed.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from layout.typeset.breaking import BreakParams, greedy, total_fit  # noqa: E402
from layout.fonts import FaceSource, TextFont, load_face  # noqa: E402
from layout.typeset.items import build_items  # noqa: E402
from layout.typeset.config import ComposeConfig  # noqa: E402
from layout.typeset.items import Span  # noqa: E402
from layout.typeset.lines import set_paragraph  # noqa: E402

SIZE = 10.5  # 五号
MEASURE = 11 * SIZE  # 11 字
FACES = {
    "body": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "runin": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "dateline": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf", 0),
}

# Paragraphs in the manner of the sample page (济宁日报 第2版), punctuation normalised to full width.
SAMPLE = [
    ("本报济宁讯（记者 刘菲）", "8月17日，济宁高新区数说发展看高新主题系列（第2场）高新区重点项目建设新闻发布会举行。"
     "发布会向与会媒体代表介绍了高新区重点项目建设相关情况，并回答记者提问。人民网、齐鲁晚报、大众网、"
     "济宁日报、搜狐、网易、区融媒体中心等省、市、区媒体记者参加此次发布会。"),
    ("", "据了解，2023年，全区深入贯彻落实党的二十大精神及各级经济工作会议要求，聚焦“又高又新”主责主业，"
     "全面铺开“1477”发展思路布局，以战略支撑项目为龙头，做大做强主导产业和特色产业集群，实施强链延链补链工程，"
     "在刚结束的全市上半年观摩会中综合成绩位居全市第一，三个项目全部入选招商引资十佳项目。"),
    ("抓精细服务，推动项目建设提速增效。", "2023年高新区全面实施“县级领导包保+工作专班”推进体系，责任部门全员蹲点督导，"
     "督查专班一线现场督办，进一步压实工作责任，找准差距，补齐短板，及时化解项目建设中遇到的问题和困难，"
     "2023年以来共入选省级重点项目13个，排名全市第2，项目总投资171.42亿元，年度计划投资59.55亿元。"
     "其中省重大项目4个，省补短板项目2个，省优选项目5个，省“双招双引”项目2个，1—6月份投资完成率80%，"
     "投资贡献率9.3%，排名全市第4。"),
    ("", "上半年争取省级以上资金17.95亿元，比去年同期增长60.4%；获批政策项目77个，比去年同期增加35个；"
     "发行政府专项债券7.75亿元，成功获批国开行融资5.85亿元，发放农发行融资6.6亿元，2个重点项目获批国家支持"
     "先进制造业和现代服务业发展专项资金，项目个数与金额实现全省“双第一”，服务业专项项目为全省唯一。"),
    ("", "本次开放日由济宁高新人才发展集团精心组织，先后考察参观了蓼河国际英才港、鲁抗医药·生命科学体验馆、"
     "龙心健康产业园，让意向来高新区就业创业的博士硕士人才近距离感受区内企业实力——深入了解高新区企业的发展平台"
     "与技术实力。“2016年我来到济宁高新区，见证了高新区的发展历程……”江沛说。"),
]

HAN = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
       "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
       "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
       "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
       "几九区强放决西被干做必战先回则任取据处理府研")
PUNCT = "，，，，。、、；：！？"


def faces() -> dict[str, TextFont]:
    """A TextFont per style at 10.5 pt (the tiny test font when the system fonts are missing)."""
    fonts = {}
    for style, (path, index) in FACES.items():
        if not Path(path).is_file():
            from tinyfont import build_tiny_font
            path, index = str(build_tiny_font(Path("/tmp/compose-bench-tiny.ttf"))), 0
        source = FaceSource(role=style, weight="regular", file=Path(path), index=index)
        fonts[style] = TextFont((load_face(source),), SIZE)
    return fonts


def sample_paragraphs(fonts: dict[str, TextFont], characters: int = 6000) -> list[list[Span]]:
    """The sample paragraphs repeated to about `characters` characters (dateline only on the first)."""
    out, total, first = [], 0, True
    while total < characters:
        for lead, body in SAMPLE:
            spans = []
            if lead:
                style = "dateline" if lead.startswith("本报") else "runin"
                if style == "runin" or first:
                    spans.append(Span(lead, fonts[style], style))
            spans.append(Span(body, fonts["body"], "body"))
            first = False
            out.append(spans)
            total += sum(len(s.text) for s in spans)
    return out


def generated(fonts: dict[str, TextFont], characters: int, seed: int = 1) -> list[list[Span]]:
    """Random news-like paragraphs (Han, stops, quotes, brackets, numbers, 亿元, %) of 80–300 characters."""
    rng, out, total = random.Random(seed), [], 0
    while total < characters:
        parts, length = [], rng.randint(80, 300)
        while sum(map(len, parts)) < length:
            roll = rng.random()
            if roll < 0.80:
                parts.append("".join(rng.choice(HAN) for _ in range(rng.randint(2, 12))))
            elif roll < 0.90:
                parts.append(rng.choice(PUNCT))
            elif roll < 0.94:
                unit = rng.choice(["年", "个", "亿元", "%", ".5亿元", "月份"])
                parts.append(f"{rng.randint(1, 2023)}{unit}")
            elif roll < 0.97:
                parts.append("“" + "".join(rng.choice(HAN) for _ in range(rng.randint(2, 6))) + "”")
            else:
                parts.append("（" + "".join(rng.choice(HAN) for _ in range(rng.randint(2, 6))) + "）")
        text = "".join(parts) + "。"
        out.append([Span(text, fonts["body"], "body")])
        total += len(text)
    return out


def run(paragraphs: list[list[Span]], config: ComposeConfig) -> tuple[float, int, int]:
    """Seconds to set every paragraph, characters, lines."""
    chars = sum(len(s.text) for p in paragraphs for s in p)
    t0 = time.perf_counter()
    lines = sum(len(set_paragraph(p, MEASURE, config).lines) for p in paragraphs)
    return time.perf_counter() - t0, chars, lines


def best_ms(task, runs: int = 5) -> float:
    """Milliseconds of the fastest of `runs` calls of task()."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        task()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def stages(paragraphs: list[list[Span]], config: ComposeConfig) -> str:
    """Where set_paragraph's time goes: items, breaking (total fit and first fit), the rest (lines)."""
    params = BreakParams(measure=MEASURE, orphan_min=config.orphan_min)
    built = [build_items(p, MEASURE, config).items for p in paragraphs]
    items = best_ms(lambda: [build_items(p, MEASURE, config) for p in paragraphs])
    best = best_ms(lambda: [total_fit(b, params) for b in built])
    first = best_ms(lambda: [greedy(b, params) for b in built])
    whole = best_ms(lambda: [set_paragraph(p, MEASURE, config) for p in paragraphs])
    return (f"  stages (total fit): items {items:.1f} ms, breaking {best:.1f} ms (first fit {first:.1f} ms), "
            f"lines and the rest {whole - items - best:.1f} ms")


def main() -> None:
    quick = "--quick" in sys.argv
    fonts = faces()
    print(f"measure {MEASURE:g} pt (11 字 at {SIZE} pt); fonts: "
          + ", ".join(f"{k}={v.face.postscript_name}" for k, v in fonts.items()))
    sample = sample_paragraphs(fonts)
    seconds, chars, lines = run(sample, ComposeConfig())
    print(f"sample-like cold     : {chars:7d} chars {lines:5d} lines  {seconds * 1000:7.1f} ms  "
          f"(first run: fills the per-character metric caches)")
    for breaker in ("total-fit", "greedy"):
        config = ComposeConfig(breaker=breaker)
        best = min((run(sample, config) for _ in range(5)), key=lambda r: r[0])
        seconds, chars, lines = best
        print(f"sample-like {breaker:9}: {chars:7d} chars {lines:5d} lines  {seconds * 1000:7.1f} ms  "
              f"{chars / seconds:9.0f} chars/s")
    print(stages(sample, ComposeConfig()))
    sizes = (10_000, 100_000) if quick else (10_000, 100_000, 1_000_000)
    config = ComposeConfig()
    for size in sizes:
        seconds, chars, lines = run(generated(fonts, size), config)
        print(f"generated total-fit  : {chars:7d} chars {lines:6d} lines  {seconds * 1000:8.1f} ms  "
              f"{chars / seconds:9.0f} chars/s")


if __name__ == "__main__":
    main()
