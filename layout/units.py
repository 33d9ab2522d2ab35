"""Units: mm/pt/Q/字 conversions and the 号 (hao) type-size table."""

from __future__ import annotations

import re

from .errors import ManifestError
from .i18n import _

PT_PER_MM = 72 / 25.4
PT_PER_Q = PT_PER_MM / 4  # 1 Q = 0.25 mm

# 号 sizes in pt. clreq [#type_size] (TYPOGRAPHY.md §5) values, and the office-suite variant.
HAO_CLREQ: dict[str, float] = {
    "初号": 42, "一号": 27.5, "小一": 24, "二号": 21, "小二": 18, "三号": 15.75,
    "四号": 13.75, "小四": 12, "五号": 10.5, "小五": 9, "新五号": 9, "六号": 7.875, "七号": 5.25,
}
HAO_OFFICE: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
    "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "新五号": 9, "六号": 7.5, "小六": 6.5,
    "七号": 5.5, "八号": 5,
}
HAO_TABLES = {"clreq": HAO_CLREQ, "office": HAO_OFFICE}

_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|pt|q|Q|字|em|cm)?\s*$")


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * PT_PER_MM


def font_size(value: object, where: str, table: str = "clreq") -> float:
    """A type size in pt from a number (pt), '9pt', '12Q' or a 号 name like '小五'."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    hao = HAO_TABLES[table]
    if text in hao:
        return float(hao[text])
    try:
        return length(text, where, em=None)
    except ManifestError:
        raise ManifestError(
            _("'{value}' is not a type size").format(value=value), where,
            _("use points (9 or '9pt'), Q ('13Q') or a 号 name: {choices}").format(choices='、'.join(hao)),
        ) from None


def length(value: object, where: str, em: float | None) -> float:
    """A length in pt from a number (pt) or a string with mm, cm, pt, Q, 字/em (em = body size)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = _LENGTH.match(str(value))
    if not match:
        raise ManifestError(_("'{value}' is not a length").format(value=value), where,
                            _("write e.g. 12mm, 9pt, 1字, 40Q"))
    number, unit = float(match.group(1)), match.group(2) or "pt"
    if unit in ("字", "em"):
        if em is None:
            raise ManifestError(_("'{value}': 字/em is not allowed here").format(value=value), where,
                                _("give mm or pt"))
        return number * em
    factor = {"mm": PT_PER_MM, "cm": 10 * PT_PER_MM, "pt": 1.0, "q": PT_PER_Q, "Q": PT_PER_Q}[unit]
    return number * factor
