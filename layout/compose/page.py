"""Compose: one page — 报眉/报头, headline blocks in whole grid rows (占行), body flow, rules between articles."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, replace
from typing import Sequence

from ..cjk import CLOSING, OPENING
from ..errors import FontError, LayoutError
from .flow import ColumnFill, fill_columns
from ..fonts import FontBook, TextFont
from ..geometry import PageGrid, band_baseline
from ..typeset.config import ComposeConfig
from ..typeset.items import Span
from ..typeset.lines import Line, set_paragraph
from ..spec import BLACK, ArticleSpec, Issue, PageSpec, TextStyle
from ..geometry import Rect
from ..placed import ArticleFrame, Fill, GlyphRun, LineRecord, Overset, Page, Rule
from ..article import ArticleText, TextSpan

WEEKDAYS = "一二三四五六日"
RULE_WIDTH = 0.5  # pt: thin rules between articles (≥ 0.3 pt survives newsprint, PRINT.md)
HEAD_RULE_WIDTH = 0.75  # pt: 眉线 under the page header


@dataclass(frozen=True)
class Context:
    """What composing any page of the issue needs, computed once per build."""

    issue: Issue
    grid: PageGrid
    fonts: FontBook
    config: ComposeConfig
    articles: dict  # article id → ArticleText (already read)

    def style(self, name: str) -> TextStyle:
        return self.issue.style(name)

    def font(self, name: str, size: float | None = None) -> TextFont:
        """The TextFont of style `name`, at `size` pt if given (e.g. an article's headline size)."""
        style = self.style(name)
        return self.fonts.text_font(style.role, style.weight, size or style.size)

    def config_for(self, name: str, **changes) -> ComposeConfig:
        style = self.style(name)
        kinsoku = style.kinsoku or self.config.kinsoku
        return replace(self.config, kinsoku=kinsoku, align=style.align, **changes)


@dataclass(frozen=True)
class Painted:
    """Glyph runs, rules, fills and line records produced by one part of the page."""

    runs: tuple[GlyphRun, ...] = ()
    rules: tuple[Rule, ...] = ()
    fills: tuple[Fill, ...] = ()
    records: tuple[LineRecord, ...] = ()
    warnings: tuple[str, ...] = ()

    def __add__(self, other: "Painted") -> "Painted":
        return Painted(self.runs + other.runs, self.rules + other.rules, self.fills + other.fills,
                       self.records + other.records, self.warnings + other.warnings)


@dataclass(frozen=True)
class HeadLine:
    """One headline-block line: its set Line, style, and the rows (within the block) it occupies."""

    line: Line
    style: str
    size: float
    row: int
    rows: int


def compose_page(spec: PageSpec, ctx: Context) -> Page:
    """Lay out one page: header or masthead, every article in its slot, rules between articles."""
    grid = ctx.grid
    painted = _masthead(spec, ctx) if spec.masthead else _folio(spec, ctx)
    frames = []
    for article in spec.articles:
        frame, part = _article(article, spec.number, ctx)
        frames.append(frame)
        painted = painted + part
    painted = painted + Painted(rules=_rules_between(frames, grid))
    trim = Rect(0, 0, grid.width, grid.height)
    bleed_w = ctx.issue.print.bleed
    bleed = Rect(-bleed_w, -bleed_w, grid.width + bleed_w, grid.height + bleed_w)
    return Page(spec.number, f"{ctx.issue.edition}{spec.number:02d}", bleed, trim, bleed,
                painted.runs, painted.rules, painted.fills, tuple(frames),
                tuple(grid.column_box(c) for c in range(1, grid.columns + 1)),
                tuple(grid.baseline(r) for r in range(grid.rows)), painted.warnings)


def _article(spec: ArticleSpec, page: int, ctx: Context) -> tuple[ArticleFrame, Painted]:
    """Headline block across the slot, then the body flowed through the slot's columns."""
    grid, text = ctx.grid, ctx.articles[spec.id]
    slot_box = grid.slot_box(spec.slot)
    head = _headline_block(text, spec, slot_box.width, ctx)
    head_rows = _head_rows(head, spec, grid.slot_rows(spec.slot))
    painted = _paint_head(head, spec, slot_box, head_rows, ctx)
    body_lines, warnings = _set_body(text, spec, ctx)
    painted = painted + Painted(warnings=warnings)
    rows = grid.slot_rows(spec.slot) - head_rows
    fill = fill_columns(body_lines, spec.slot.span, rows)
    painted = painted + _paint_body(fill, spec, head_rows, ctx)
    overset = None
    if fill.overflow:
        overset = Overset(spec.id, page, len(body_lines), spec.slot.span * max(rows, 0), fill.characters_over)
        painted = painted + _overset_sign(spec, slot_box, ctx)
    columns = tuple(grid.column_box(spec.slot.column + i) for i in range(spec.slot.span))
    columns = tuple(Rect(c.x0, slot_box.y0, c.x1, slot_box.y1) for c in columns)
    return ArticleFrame(spec.id, slot_box, columns, painted.records, overset), painted


def _headline_block(text: ArticleText, spec: ArticleSpec, width: float, ctx: Context) -> list[HeadLine]:
    """Set label, kicker, headline and deck across the slot; each line takes whole grid rows."""
    elements = [("label", [text.label] if text.label else []), ("kicker", [text.kicker] if text.kicker else []),
                ("headline", list(text.headline)), ("deck", [text.deck] if text.deck else [])]
    block, row = [], 0
    for style_name, parts in elements:
        is_headline = style_name == "headline"
        size = (spec.headline_size if is_headline else None) or ctx.style(style_name).size
        font = ctx.font(style_name, size)
        config = ctx.config_for(style_name, indent=0.0)
        if is_headline and spec.headline_align:
            config = replace(config, align=spec.headline_align)
        style = ctx.style(style_name)
        leading = style.leading * size / style.size  # the style's leading, scaled to an article's size
        rows = max(1, math.ceil(leading / ctx.grid.leading - 1e-9))
        for part in parts:
            for line in _set_head_text(part, font, style_name, width, config, spec):
                block.append(HeadLine(line, style_name, size, row, rows))
                row += rows
    return block


def _set_head_text(part: str, font: TextFont, style: str, width: float, config: ComposeConfig,
                   spec: ArticleSpec) -> tuple[Line, ...]:
    """A headline part on one line (halves joined by a 1-字 space) or, if too wide, split at the space."""
    _check_coverage(part.replace(" ", ""), font, spec, f"{style}")
    halves = split_halves(part)
    one_line = "\u3000".join(halves)
    if sum(font.advance(c) for c in one_line) <= width + 1e-6 or len(halves) == 1:
        return set_paragraph([Span(one_line, font, style)], width, config).lines
    lines: list[Line] = []
    for half in halves:
        lines.extend(set_paragraph([Span(half, font, style)], width, config).lines)
    return tuple(lines)


def split_halves(headline: str) -> list[str]:
    """The parts of a headline separated by spaces outside quotes and brackets (两段式标题)."""
    parts, depth, current = [], 0, ""
    for char in headline:
        depth += (char in OPENING) - (char in CLOSING)
        if char == " " and depth <= 0:
            if current:
                parts.append(current)
            current = ""
        else:
            current += char
    return parts + ([current] if current else [])


def _head_rows(head: Sequence[HeadLine], spec: ArticleSpec, slot_rows: int) -> int:
    """Rows of the headline block (占行): its lines plus one row before the body, or `headline_lines`;
    a block that its own lines or the slot cannot hold is an error (it would overprint the body)."""
    needed = head[-1].row + head[-1].rows if head else 0
    rows = spec.headline_lines if spec.headline_lines is not None else needed + (1 if head else 0)
    if rows < needed:
        raise LayoutError(f"article {spec.id}: its headline block needs {needed} body lines, "
                          f"headline_lines gives {rows}", spec.where,
                          f"set headline_lines to at least {needed}, or a smaller headline_size")
    if rows > slot_rows:
        raise LayoutError(f"article {spec.id}: its headline block needs {rows} body lines, "
                          f"the slot holds {slot_rows}", spec.where,
                          "make the slot taller, or the headline smaller (headline_size)")
    return rows


def _paint_head(head: Sequence[HeadLine], spec: ArticleSpec, slot: Rect, head_rows: int,
                ctx: Context) -> Painted:
    """Glyph runs and records of the headline block: lines centred in their rows, the block's
    spare rows split above and below it (space under the rule above, space before the body)."""
    grid, painted = ctx.grid, Painted()
    spare = head_rows - (head[-1].row + head[-1].rows) if head else 0
    offset = max(0, spare) * grid.leading / 2
    for item in head:
        style = ctx.style(item.style)
        top = grid.row_top(spec.slot.top + item.row) - offset
        baseline = band_baseline(top, item.rows * grid.leading, item.size)
        painted = painted + _paint_line(item.line, slot.x0, baseline, style, spec.id, item.style,
                                        spec.slot.column)
    return painted


def _set_body(text: ArticleText, spec: ArticleSpec, ctx: Context) -> tuple[list[Line], tuple[str, ...]]:
    """Every body paragraph set at the column measure (broken once, then distributed), and the
    composer's warnings naming article and paragraph."""
    lines: list[Line] = []
    warnings: list[str] = []
    config = ctx.config_for("body")
    for number, paragraph in enumerate(text.paragraphs, start=1):
        spans = [_span(part, ctx, spec, number) for part in paragraph.spans]
        result = set_paragraph(spans, ctx.grid.measure, config)
        lines.extend(result.lines)
        warnings.extend(f"article {spec.id}, paragraph {number}: {w}" for w in result.warnings)
    return lines, tuple(warnings)


def _span(part: TextSpan, ctx: Context, spec: ArticleSpec, paragraph: int) -> Span:
    """A composer span for a text span, after checking every character has a glyph."""
    font = ctx.font(part.style)
    _check_coverage(part.text, font, spec, f"paragraph {paragraph}")
    return Span(part.text, font, part.style)


def _check_coverage(text: str, font: TextFont, spec: ArticleSpec, place: str) -> None:
    """A character no font of the chain has is an error naming article, place and U+ code."""
    missing = font.missing(text)
    if missing:
        codes = ", ".join(f"'{c}' U+{ord(c):04X}" for c in missing)
        raise FontError(f"article {spec.id}, {place}: no font has {codes}", f"{spec.file}",
                        "replace the character, or add a font that has it to the fallback chain "
                        "(fonts/fonts.yaml or the manifest's fonts:)")


def _paint_body(fill: ColumnFill, spec: ArticleSpec, head_rows: int, ctx: Context) -> Painted:
    """Glyph runs and records for the body lines on the page's baseline grid."""
    grid, style, painted = ctx.grid, ctx.style("body"), Painted()
    for placed in fill.placed:
        column = spec.slot.column + placed.column
        x = grid.column_box(column).x0
        baseline = grid.baseline(spec.slot.top + head_rows + placed.row)
        painted = painted + _paint_line(placed.line, x, baseline, style, spec.id, "body", column)
    return painted


def _paint_line(line: Line, x: float, baseline: float, style: TextStyle, article: str, kind: str,
                column: int) -> Painted:
    """Turn a set line into glyph runs (one per face/size/style) and a line record."""
    runs, group = [], []
    for glyph in line.glyphs:
        if group and (glyph.face is not group[0].face or glyph.size != group[0].size
                      or glyph.style != group[0].style):
            runs.append(_run(group, x, baseline, style, article))
            group = []
        if not glyph.char.isspace():
            group.append(glyph)
    if group:
        runs.append(_run(group, x, baseline, style, article))
    inked = [g for g in line.glyphs if not g.char.isspace()] or list(line.glyphs)
    x0 = x + (min(g.x for g in inked) if inked else 0.0)
    x1 = x + (max(g.x + g.advance for g in inked) if inked else 0.0)
    record = LineRecord(article, column, baseline, x0, x1, line.text, kind,
                        line.first, line.last, line.measure, line.kinsoku, line.hang)
    return Painted(runs=tuple(runs), records=(record,))


def _run(glyphs: list, x: float, baseline: float, style: TextStyle, article: str) -> GlyphRun:
    first = glyphs[0]
    return GlyphRun(first.face, first.size, style.color, x + first.x, baseline,
                    "".join(g.char for g in glyphs), tuple(g.x - first.x for g in glyphs),
                    first.style, article, overprint=style.color.is_pure_black)


def _natural(text: str, font: TextFont, x: float, baseline: float, style: TextStyle,
             kind: str) -> tuple[GlyphRun, ...]:
    """Page furniture set at natural widths (no breaking), one run per face of the fallback chain."""
    runs, pen, start = [], 0.0, 0
    faces = [font.face_for(char) or font.face for char in text]
    offsets = []
    for char in text:
        offsets.append(pen)
        pen += font.advance(char)
    for i in range(1, len(text) + 1):
        if i == len(text) or faces[i] is not faces[start]:
            base = offsets[start]
            runs.append(GlyphRun(faces[start], font.size, style.color, x + base, baseline, text[start:i],
                                 tuple(o - base for o in offsets[start:i]), kind, "",
                                 overprint=style.color.is_pure_black))
            start = i
    return tuple(runs)


def _width(text: str, font: TextFont) -> float:
    return sum(font.advance(c) for c in text)


def date_line(date: _dt.date) -> str:
    """The date as a Chinese newspaper prints it: 2023年8月22日 星期二."""
    return f"{date.year}年{date.month}月{date.day}日 星期{WEEKDAYS[date.weekday()]}"


def _folio(spec: PageSpec, ctx: Context) -> Painted:
    """报眉 above the type area: 版次 and 版名 left; paper, date and credits right; 眉线 below."""
    issue, area = ctx.issue, ctx.grid.type_area
    rule_y = area.y1 + ctx.grid.leading * 0.5
    baseline = rule_y + 5.0
    big, small = ctx.style("label"), ctx.style("folio")
    big_font, small_font = ctx.font("label"), ctx.font("folio")
    left = f"第{spec.number}版\u3000{spec.section}"
    credits = "\u3000".join(f"{k}：{v}" for k, v in spec.credits)
    pieces = [(issue.paper, "folio"), (date_line(issue.date), "folio-date"), (credits, "folio")]
    runs = list(_furniture(left, big_font, area.x0, baseline, big, "folio", ctx))
    x, gap = area.x1, 2 * small.size
    for text, kind in reversed([p for p in pieces if p[0]]):
        x -= _width(text, small_font)
        runs.extend(_furniture(text, small_font, x, baseline, small, kind, ctx))
        x -= gap
    rule = Rule(area.x0, rule_y, area.x1, rule_y, HEAD_RULE_WIDTH, small.color)
    return Painted(runs=tuple(runs), rules=(rule,))


def _furniture(text: str, font: TextFont, x: float, baseline: float, style: TextStyle, kind: str,
               ctx: Context) -> tuple[GlyphRun, ...]:
    """报眉/报头 text after checking that the fallback chain covers it."""
    missing = font.missing(text)
    if missing:
        raise FontError("page furniture: no font has " + ", ".join(f"'{c}' U+{ord(c):04X}" for c in missing),
                        str(ctx.issue.manifest), "change the paper name, section, credits or masthead text")
    return _natural(text, font, x, baseline, style, kind)


def _centred(text: str, name: str, baseline: float, ctx: Context) -> tuple[GlyphRun, ...]:
    """Furniture in style `name` centred on the type area."""
    font, area = ctx.font(name), ctx.grid.type_area
    x = area.x0 + (area.width - _width(text, font)) / 2
    return _furniture(text, font, x, baseline, ctx.style(name), "masthead", ctx)


def _masthead(spec: PageSpec, ctx: Context) -> Painted:
    """报头 on the front page: paper name (and subtitle) centred in the masthead rows, issue data on
    its last row, a double-weight rule below."""
    mast, grid, issue = spec.masthead, ctx.grid, ctx.issue
    title_rows = mast.lines - (2 if mast.subtitle else 1)
    title_size, info_size = ctx.style("masthead").size, ctx.style("masthead_info").size
    runs = _centred(mast.title, "masthead", band_baseline(grid.row_top(0), title_rows * grid.leading,
                                                          title_size), ctx)
    if mast.subtitle:
        runs += _centred(mast.subtitle, "masthead_info", grid.baseline(mast.lines - 2, info_size), ctx)
    numbers = [f"第{issue.number}期" if issue.number else "", f"总第{issue.total_number}期" if issue.total_number else ""]
    info = "\u3000".join(p for p in [date_line(issue.date), *numbers, mast.registration, mast.publisher] if p)
    runs += _centred(info, "masthead_info", grid.baseline(mast.lines - 1, info_size), ctx)
    y, area = grid.row_top(mast.lines), grid.type_area
    rule = Rule(area.x0, y, area.x1, y, HEAD_RULE_WIDTH * 2, ctx.style("masthead_info").color)
    return Painted(runs=runs, rules=(rule,))


def _overset_sign(spec: ArticleSpec, slot: Rect, ctx: Context) -> Painted:
    """A red square in the gutter after the slot's last line: text is missing here."""
    size = ctx.grid.body_size * 0.6
    x = slot.x1 + (ctx.grid.gutter - size) / 2
    y = slot.y0 + (ctx.grid.leading - size) / 2
    return Painted(fills=(Fill(Rect(x, y, x + size, y + size), ctx.style("overset").color),))


def _rules_between(frames: Sequence[ArticleFrame], grid: PageGrid) -> tuple[Rule, ...]:
    """Thin rules where two slots meet: in the gutter between columns, on the row line between rows."""
    rules = []
    for i, a in enumerate(frames):
        for b in frames[i + 1:]:
            rules.extend(_shared_edges(a.slot, b.slot, grid))
    return tuple(rules)


def _shared_edges(a: Rect, b: Rect, grid: PageGrid) -> list[Rule]:
    tol, out = 0.01, []
    left, right = (a, b) if a.x0 < b.x0 else (b, a)
    if abs(right.x0 - left.x1 - grid.gutter) < tol:
        y0, y1 = max(a.y0, b.y0), min(a.y1, b.y1)
        if y1 - y0 > tol:
            x = left.x1 + grid.gutter / 2
            out.append(Rule(x, y0, x, y1, RULE_WIDTH, BLACK))
    upper, lower = (a, b) if a.y1 > b.y1 else (b, a)
    if abs(upper.y0 - lower.y1) < tol:
        x0, x1 = max(a.x0, b.x0), min(a.x1, b.x1)
        if x1 - x0 > tol:
            out.append(Rule(x0, upper.y0, x1, upper.y0, RULE_WIDTH, BLACK))
    return out

