"""Almanac: the date as a Chinese paper prints it in the masthead — 公历 with 星期, and the 农历 (lunar) date
from the maintained lunar-python library (干支 year, month with 闰 for a leap month, day)."""

from __future__ import annotations

import datetime as _dt

WEEKDAYS = "一二三四五六日"


def solar_date(date: _dt.date) -> str:
    """2023年8月22日 星期二."""
    return f"{date.year}年{date.month}月{date.day}日 星期{WEEKDAYS[date.weekday()]}"


def lunar_date(date: _dt.date) -> str:
    """The 农历 date: 农历癸卯年七月初七 (2023-08-22), 农历癸卯年闰二月初一 (2023-03-22), 农历甲辰年正月初一
    (2024-02-10); the 干支 year turns at 春节, not on 1 January."""
    from lunar_python import Solar  # loads only for a masthead that prints the date
    lunar = Solar.fromYmd(date.year, date.month, date.day).getLunar()
    return f"农历{lunar.getYearInGanZhi()}年{lunar.getMonthInChinese()}月{lunar.getDayInChinese()}"
