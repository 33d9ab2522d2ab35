"""Runs: set lines and furniture text → positioned glyph runs and line records (one run per face/size/style)."""

from __future__ import annotations

from dataclasses import dataclass

from ..fonts import TextFont
from ..placed import Fill, Form, GlyphRun, Image, LineRecord, Rule
from ..spec import TextStyle
from ..typeset.lines import Line


@dataclass(frozen=True, kw_only=True)
class Painted:
    """Glyph runs, rules, fills and line records produced by one part of the page."""

    runs: tuple[GlyphRun, ...] = ()
    rules: tuple[Rule, ...] = ()
    fills: tuple[Fill, ...] = ()
    records: tuple[LineRecord, ...] = ()
    warnings: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    forms: tuple[Form, ...] = ()

    def __add__(self, other: "Painted") -> "Painted":
        return Painted(runs=self.runs + other.runs, rules=self.rules + other.rules, fills=self.fills + other.fills,
                       records=self.records + other.records, warnings=self.warnings + other.warnings,
                       images=self.images + other.images, forms=self.forms + other.forms)


@dataclass(frozen=True, kw_only=True)
class LineAt:
    """Where a set line goes: its left edge, baseline, style, article, record kind and page column."""

    x: float
    baseline: float
    style: TextStyle
    article: str
    kind: str
    column: int


def paint_line(line: Line, at: LineAt) -> Painted:
    """Turn a set line into glyph runs (one per face/size/style) and a line record."""
    runs, group = [], []
    for glyph in line.glyphs:
        if group and (glyph.face is not group[0].face or glyph.size != group[0].size
                      or glyph.style != group[0].style):
            runs.append(_run(group, at))
            group = []
        if not glyph.char.isspace():
            group.append(glyph)
    if group:
        runs.append(_run(group, at))
    inked = [g for g in line.glyphs if not g.char.isspace()] or list(line.glyphs)
    x0 = at.x + (min(g.x for g in inked) if inked else 0.0)
    x1 = at.x + (max(g.x + g.advance for g in inked) if inked else 0.0)
    record = LineRecord(article=at.article, column=at.column, baseline=at.baseline, x0=x0, x1=x1, text=line.text,
                        kind=at.kind, first=line.first, last=line.last, measure=line.measure,
                        kinsoku=line.kinsoku, hang=line.hang, ratio=line.ratio)
    return Painted(runs=tuple(runs), records=(record,))


def _run(glyphs: list, at: LineAt) -> GlyphRun:
    """One glyph run: the glyphs' offsets from the first glyph's pen position."""
    first = glyphs[0]
    return GlyphRun(face=first.face, size=first.size, color=at.style.color, x=at.x + first.x, y=at.baseline,
                    text="".join(g.char for g in glyphs), offsets=tuple(g.x - first.x for g in glyphs),
                    style=first.style, article=at.article, overprint=at.style.color.is_pure_black)


def natural_runs(text: str, font: TextFont, x: float, baseline: float, style: TextStyle,
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
            runs.append(GlyphRun(face=faces[start], size=font.size, color=style.color, x=x + base, y=baseline,
                                 text=text[start:i], offsets=tuple(o - base for o in offsets[start:i]),
                                 style=kind, overprint=style.color.is_pure_black))
            start = i
    return tuple(runs)


def text_width(text: str, font: TextFont) -> float:
    """The natural width of `text` in `font`."""
    return sum(font.advance(c) for c in text)
