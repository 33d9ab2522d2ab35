"""Styles: the standard text styles (defaults per TYPOGRAPHY.md), the manifest's overrides, colours, ink."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

import yaml

from ..spec import ALIGNMENTS, BLACK, CMYK, GridSpec, KINSOKU_LEVELS, ROLES, STYLE_NAMES, TextStyle, WEIGHTS
from . import kinds
from .nodes import TOL, Map, Value, close, hao
from ..i18n import _

_STYLE_KEYS = ("role", "weight", "size", "leading", "align", "color", "kinsoku")
_CMYK_KIND = kinds.one_of(kinds.listing(kinds.number(0, 100), count=4), {"type": "string"},
                          description="[c, m, y, k] in percent, or a name from colors:")
_STYLE_KINDS = {"role": kinds.choice(ROLES), "weight": kinds.choice(WEIGHTS), "size": kinds.size(),
                "leading": kinds.length(), "align": kinds.choice(ALIGNMENTS), "color": _CMYK_KIND,
                "kinsoku": kinds.choice(KINSOKU_LEVELS)}
STYLES_KIND = kinds.mapping(STYLE_NAMES, {name: kinds.mapping(_STYLE_KEYS, _STYLE_KINDS) for name in STYLE_NAMES},
                            description="overrides of the standard styles")
COLORS_KIND = kinds.table(_CMYK_KIND, "named colours: name → [c, m, y, k]")
_STYLE_LEADING = 1.0  # × style size, for every style but body (set solid; headline rows = ceil(leading / grid))


def cmyk(value: Value, colors: dict[str, CMYK]) -> CMYK:
    """A colour: [c, m, y, k] in percent or a name defined under `colors:`."""
    if isinstance(value.node, yaml.ScalarNode) and not value.is_null:
        name = value.node.value.strip()
        if name not in colors:
            value.fail(_("colour '{name}' is not defined under colors:").format(name=name), close(name, tuple(colors)))
        return colors[name]
    if not isinstance(value.node, yaml.SequenceNode):
        value.fail(_("{name} must be a CMYK list [c, m, y, k] or a colour name, not {kind}").format(
                       name=value.name, kind=value.kind()),
                   _("write e.g. [0, 100, 100, 0] (percent) or a name from colors:"))
    items = value.items()
    if len(items) != 4:
        value.fail(_("a CMYK colour needs 4 numbers, not {count}").format(count=len(items)),
                   _("write [c, m, y, k] in percent 0–100"))
    return CMYK(*(item.number(0, 100, "100") for item in items))


def colors(value: Value | None) -> dict[str, CMYK]:
    """Read `colors:` name → CMYK, in document order."""
    if value is None:
        return {}
    m = value.mapping()
    defined: dict[str, CMYK] = {}
    for name in m.values:
        defined[name] = cmyk(m.need(name), defined)
    return defined


@dataclass(frozen=True)
class StyleDefault:  # positional on purpose: the rows of the STYLE_DEFAULTS table
    """A standard style before the manifest: role, weight, size (号 name, pt, or None = grid body)."""

    role: str
    weight: str
    size: str | float | None
    align: str = "justify"
    color: CMYK = BLACK


# TYPOGRAPHY.md §4–6: body 书宋 (song), headings 黑体 (hei), datelines 楷体 (kai); sizes are 号 names or pt.
STYLE_DEFAULTS: dict[str, StyleDefault] = {
    "body": StyleDefault("song", "regular", None),
    "runin": StyleDefault("hei", "bold", None),
    "dateline": StyleDefault("kai", "bold", None),
    "label": StyleDefault("hei", "bold", "小四"),
    "kicker": StyleDefault("hei", "regular", "小三", "center"),
    "headline": StyleDefault("hei", "bold", "小一", "center"),
    "deck": StyleDefault("song", "bold", "四号", "center"),
    "folio": StyleDefault("hei", "regular", "小五", "left"),  # 报眉 text: paper, date, credits
    "page_number": StyleDefault("hei", "bold", "小四", "left"),  # 版次 and 版名 in the 报眉 (第2版 要闻)
    "masthead": StyleDefault("song", "black", 60.0, "center"),
    "masthead_info": StyleDefault("song", "regular", "小五"),
    "overset": StyleDefault("hei", "bold", None, color=CMYK(0, 100, 100, 0)),
    "caption": StyleDefault("kai", "regular", "小五"),  # 图片说明 and credit (docs/figures.md)
    "jump_label": StyleDefault("kai", "regular", None, "right"),  # （下转第N版） / （上接第M版） (docs/jumps.md)
    "jump_headline": StyleDefault("hei", "bold", "三号", "center"),  # 转版题 over a continuation
    "box_title": StyleDefault("hei", "bold", "小四", "left"),  # heading of a 导读 or weather box
    "box": StyleDefault("song", "regular", "小五", "left"),  # 导读 entries, weather lines, ad placeholder text
}


@dataclass(frozen=True)
class StyleContext:
    """What a style needs: the grid (body size = 字, leading), 号 table, named colours."""

    grid: GridSpec
    hao_table: str
    colors: Mapping[str, CMYK]  # read-only (MappingProxyType)


def _default_style(name: str, ctx: StyleContext) -> TextStyle:
    """The standard style `name` before overrides."""
    spec = STYLE_DEFAULTS[name]
    if spec.size is None:
        size = ctx.grid.body_size
    else:
        size = hao(spec.size, ctx.hao_table) if isinstance(spec.size, str) else float(spec.size)
    leading = ctx.grid.leading if name == "body" else _STYLE_LEADING * size
    return TextStyle(name=name, role=spec.role, weight=spec.weight, size=size, leading=leading, align=spec.align,
                     color=spec.color)


def _style(base: TextStyle, value: Value, ctx: StyleContext) -> TextStyle:
    """A standard style with the keys the manifest gives merged over it."""
    m = value.mapping(_STYLE_KEYS)
    body = ctx.grid.body_size
    readers = {
        "role": lambda v: v.choice(ROLES), "weight": lambda v: v.choice(WEIGHTS),
        "size": lambda v: v.size(ctx.hao_table), "leading": lambda v: v.length(body, positive=True),
        "align": lambda v: v.choice(ALIGNMENTS), "color": lambda v: cmyk(v, ctx.colors),
        "kinsoku": lambda v: v.choice(KINSOKU_LEVELS),
    }
    given = {key: read(m.get(key)) for key, read in readers.items() if m.get(key) is not None}
    if "size" in given and "leading" not in given and base.name != "body":
        given["leading"] = _STYLE_LEADING * given["size"]
    style = replace(base, **given)
    if base.name == "body":
        _check_body(style, m, ctx.grid)
    if style.leading < style.size - TOL:
        (m.get("leading") or m.need("size")).fail(
            _("style '{name}': leading {leading:g}pt is less than its size {size:g}pt").format(
                name=base.name, leading=style.leading, size=style.size),
            _("give the leading as a length, e.g. {value:g}pt").format(value=_STYLE_LEADING * style.size))
    return style


def _check_body(style: TextStyle, m: Map, grid: GridSpec) -> None:
    """Body text sits on the baseline grid: its size and leading are the grid's."""
    if abs(style.size - grid.body_size) > TOL:
        m.need("size").fail(_("body size {size:g}pt differs from grid.body {body_size:g}pt").format(
                                size=style.size, body_size=grid.body_size),
                            _("the body size is the grid's 字: set it once under grid: body"))
    if abs(style.leading - grid.leading) > TOL:
        m.need("leading").fail(_("body leading {leading:g}pt differs from grid.leading "
                                 "{leading2:g}pt").format(leading=style.leading, leading2=grid.leading),
                               _("body lines sit on the baseline grid: set the leading once under grid: leading"))


def styles(value: Value | None, ctx: StyleContext) -> dict[str, TextStyle]:
    """Every standard style: defaults, with the manifest's `styles:` overrides merged in."""
    given = value.mapping(STYLE_NAMES) if value is not None else None
    styles = {}
    for name in STYLE_NAMES:
        style = _default_style(name, ctx)
        override = given.get(name) if given is not None else None
        styles[name] = _style(style, override, ctx) if override is not None else style
    return styles


def check_ink(styles: dict[str, TextStyle], top: Map, limit: float) -> None:
    """Every style colour must stay within the total-ink limit (PRINT.md: ≤ 240 % on newsprint)."""
    for name, style in styles.items():
        if style.color.total <= limit + TOL:
            continue
        style_map = top.get("styles").mapping().get(name) if top.get("styles") else None
        color = style_map.mapping().get("color") if style_map is not None else None
        at = color or (top.get("print").mapping().get("ink_limit") if top.get("print") else None) or top.here
        c = style.color
        at.fail(_("style '{name}': colour C{c:g} M{m:g} Y{y:g} K{k:g} has {total:g} % total ink, "
                  "above the ink limit {limit:g} %").format(
                    name=name, c=c.c, m=c.m, y=c.y, k=c.k, total=c.total, limit=limit),
                _("reduce the colour (C+M+Y+K ≤ {limit:g}) or raise print: ink_limit").format(limit=limit))
