"""Copy-desk cleaning (layout clean): rule tables — character classes, punctuation, datelines, limits.

Sources: GB/T 15834—2011 《标点符号用法》 (§4.x: one mark each; §5: position and full-width form of
marks in Chinese text), W3C clreq (https://www.w3.org/TR/clreq/, section ids in brackets). Where a rule
is a house convention of Chinese newspapers rather than a standard, the row says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import cjk

# --- character classes -------------------------------------------------------------------------

# Han: CJK Unified Ideographs, Ext. A, compatibility ideographs, Ext. B–H, and 〇 (U+3007, Script=Han).
HAN_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN_CLASS}]")

# Full-width Chinese punctuation (GB/T 15834—2011 §3–§4; clreq [#punctuation_marks]).
CJK_PUNCT = frozenset(
    "，。、；：？！“”‘’（）《》〈〉【】〖〗〔〕［］｛｝「」『』…—～·－／．％"
)
# Opening and closing marks, as the composer classes them (layout/cjk.py, clreq [#punctuation_marks]);
# a closing mark may follow a sentence-final mark and still end the sentence (GB/T 15834 §5.1.2).
CLOSING = frozenset(cjk.CLOSING)
OPENING = frozenset(cjk.OPENING)

SPACE_LIKE = frozenset("\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                       "\u200a\u202f\u205f\u3000")
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def is_han(ch: str | None) -> bool:
    """True for a Han character (the characters `layout clean` must never lose)."""
    return ch is not None and HAN_RE.match(ch) is not None


def is_cjk(ch: str | None) -> bool:
    """True for a Han character or a full-width Chinese mark: the 'Chinese context' of a mark."""
    return ch is not None and (ch in CJK_PUNCT or is_han(ch))


def is_latin(ch: str | None) -> bool:
    """True for an ASCII letter or digit (a Latin word or number)."""
    return ch is not None and ch.isascii() and ch.isalnum()


def han_count(text: str) -> int:
    """Number of Han characters in `text`."""
    return len(HAN_RE.findall(text))


# --- punctuation map ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkRule:
    """One ASCII mark and the full-width mark it becomes in Chinese context."""

    ascii: str
    cjk: str
    source: str


MARKS: tuple[MarkRule, ...] = (
    MarkRule(",", "，", "GB/T 15834—2011 §4.4 逗号"),
    MarkRule(";", "；", "GB/T 15834—2011 §4.6 分号"),
    MarkRule(":", "：", "GB/T 15834—2011 §4.7 冒号"),
    MarkRule("?", "？", "GB/T 15834—2011 §4.2 问号"),
    MarkRule("!", "！", "GB/T 15834—2011 §4.3 叹号"),
    MarkRule("(", "（", "GB/T 15834—2011 §4.9 括号"),
    MarkRule(")", "）", "GB/T 15834—2011 §4.9 括号"),
)
MARK_MAP = {rule.ascii: rule.cjk for rule in MARKS}
# Marks that stay ASCII between two digits (1,000  10:30); GB/T 15834 does not apply inside numbers.
NUMERIC_MARKS = frozenset(",:")

DOUBLE_QUOTES = ("“", "”")  # GB/T 15834—2011 §4.8 引号 (horizontal text: “ ” outside, ‘ ’ inside)
SINGLE_QUOTES = ("‘", "’")  # GB/T 15834—2011 §4.8 引号: ‘ ’ for a quotation inside “ ”
ELLIPSIS = "……"  # GB/T 15834—2011 §4.11 省略号: six dots, two U+2026
DASH = "——"  # GB/T 15834—2011 §4.10 破折号: two U+2014; a single — between numbers is §4.13 连接号

# Ellipsis spellings (any of them in Chinese context → ……); a lone … is half an ellipsis.
ELLIPSIS_RE = re.compile(r"\.{3,}|。{3,}|．{3,}|(?<!…)…(?!…)")
# Dash spellings: runs of hyphens, of em dashes / horizontal bars, of full-width hyphen-minus.
DASH_RE = re.compile(r"-{2,}|[—―]{2,}|－{2,}")

# Brackets that bound a scope for pairing quotes (a quote pair never crosses them).
SCOPE_PAIRS = {"《": "》", "〈": "〉", "（": "）", "(": ")", "【": "】", "〔": "〕", "［": "］"}

# URLs and e-mail addresses stay exactly as written.
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+[A-Za-z0-9/#=_-]"
                    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# --- paragraphs --------------------------------------------------------------------------------

# A paragraph ending in one of these is complete (句末点号 GB/T 15834 §4.1–4.3, 省略号 §4.11, closing
# marks after them §5.1.2). ；： also end a block (list items, an introduced quotation) and ASCII
# equivalents count before conversion. Anything else at the end means the paragraph was broken.
ENDS_PARAGRAPH = frozenset("。？！…；：" "”’）」』》】" ".?!;:\"')")
# Sentence punctuation: a heading has none of these (dashes, quotes, brackets and · are allowed).
SENTENCE_PUNCT = frozenset("，。、；：？！…,;:?!")
# Enumerations that open a new paragraph: 一、 （一） (1) 1. 1、 第一，
ENUMERATION_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．]"
                            r"|第[一二三四五六七八九十]+[，,、])")

HEADING_MAX = 30  # a heading-like line: at most 30 characters (not counting spaces), no sentence marks
HEADLINE_MAX = 48  # the line right before a dateline may be a long headline (house convention)
LABEL_MAX = 20  # 栏目 labels are short names
KICKER_MIN_HAN = 4  # a kicker (引题) is a phrase, not a stray bracket or number
RUNIN_MAX = 20  # a run-in head (段首小标) is a short clause: 抓X，Y。
RUNIN_SERIES = 2  # run-in heads come in series: at least two in one article (be conservative)
DUP_MIN_CHARS = 8  # a duplicated fragment is at least 8 characters …
DUP_MIN_HAN = 4  # … with at least 4 Han, so ordinary repetition is never taken for one
DUP_MAX_CHARS = 400  # column-break duplicates are fragments of a few lines
MAX_BYTES = 50 * 1024 * 1024  # raw files above 50 MB are refused (a page is a few tens of kB)

# 栏目 label: a place or organisation name (house convention of local papers), optionally with a
# bracketed second name: 济宁高新区党工委组织部（人力资源部）.
LABEL_SUFFIXES: tuple[str, ...] = (
    "街道", "社区", "区", "县", "市", "镇", "乡", "村", "部", "局", "委", "办", "厅", "处", "科",
    "署", "所", "院", "站", "队", "中心", "集团", "公司", "学校", "大学",
)
LABEL_RE = re.compile(f"^[{HAN_CLASS}]{{2,}}(?:[（(][{HAN_CLASS}]+[）)])?$")

# Run-in head (段首小标) at paragraph start: a short clause A，B。 followed by more text.
RUNIN_RE = re.compile(f"^([{HAN_CLASS}A-Za-z0-9]{{2,8}}，[{HAN_CLASS}A-Za-z0-9]{{2,16}}。)(?=.)")


# --- datelines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatelineForm:
    """One form of dateline (电头) at the start of an article's first paragraph."""

    name: str
    pattern: re.Pattern[str]
    source: str


_BRACKET = r"(?:[（(][^（）()\n]{1,60}[）)])"
DATELINES: tuple[DatelineForm, ...] = (
    DatelineForm("本报X讯", re.compile(f"^本报[{HAN_CLASS}]{{0,10}}讯{_BRACKET}?"),
                 "house style of Chinese papers: 本报济宁讯（记者 刘菲 通讯员 张瑞）"),
    DatelineForm("新华社电", re.compile(
        f"^(?:据)?新华社[{HAN_CLASS}]{{1,12}}\\d{{1,2}}月\\d{{1,2}}日电{_BRACKET}?"),
        "Xinhua dateline: 新华社北京8月17日电（记者 张三）"),
    DatelineForm("中新社电", re.compile(
        f"^中新(?:社|网)[{HAN_CLASS}]{{1,12}}\\d{{1,2}}月\\d{{1,2}}日电{_BRACKET}?"),
        "China News Service dateline: 中新社北京8月17日电"),
)


def dateline_span(text: str) -> int:
    """Length of the dateline at the start of `text` (0 when the paragraph does not start with one)."""
    for form in DATELINES:
        match = form.pattern.match(text)
        if match:
            return match.end()
    return 0

