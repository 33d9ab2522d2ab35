"""Dump: a diffable text dump of composed pages for golden tests (the sidecar JSON is output/sidecar.py).

Per page: its boxes; per article its slot, every line record and the overset record; then every
glyph run with each glyph's offset, so a glyph that moves inside a justified line changes one line
of the dump. Numbers are pt rounded to 0.01, page coordinates (y up)."""

from __future__ import annotations

import json
from typing import Sequence

from ..geometry import Rect
from ..placed import ArticleFrame, GlyphRun, LineRecord, Page


def _num(value: float) -> str:
    """A number with two decimals, never '-0.00'."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _rect(box: Rect) -> str:
    return ",".join(_num(v) for v in (box.x0, box.y0, box.x1, box.y1))


def _line(record: LineRecord) -> str:
    """One line record: column, baseline, x-range, kind, flags, kinsoku, hang and text."""
    flags = "".join(flag for flag, on in (("F", record.first), ("L", record.last)) if on) or "-"
    extra = f" kinsoku={record.kinsoku}" if record.kinsoku else ""
    extra += f" hang={_num(record.hang)}" if record.hang else ""
    return (f"    line c{record.column} y={_num(record.baseline)} x={_num(record.x0)}..{_num(record.x1)} "
            f"{record.kind} {flags}{extra} {json.dumps(record.text, ensure_ascii=False)}")


def _article(frame: ArticleFrame) -> list[str]:
    """An article's slot, its lines and its overset record."""
    out = [f"  article {frame.id} slot {_rect(frame.slot)}"]
    out += [_line(r) for r in frame.lines]
    if frame.overset:
        o = frame.overset
        out.append(f"    overset needs {o.lines_needed} holds {o.lines_available} "
                   f"over {o.lines_over} lines ~{o.characters_over} characters")
    return out


def _run(label: str, run: GlyphRun) -> str:
    """One glyph run: page, article, style, face, size, pen position, text and every glyph offset."""
    offsets = " ".join(_num(o) for o in run.offsets)
    return (f"  run {label} {run.article or '(page)'} {run.style} {run.face.key} {_num(run.size)} "
            f"x={_num(run.x)} y={_num(run.y)} {json.dumps(run.text, ensure_ascii=False)} @ {offsets}")


def text_dump(pages: Sequence[Page]) -> str:
    """The dump of `pages`: boxes, articles with line and overset records, glyph runs with offsets."""
    out = []
    for page in pages:
        out.append(f"page {page.label} trim {_rect(page.trim)} bleed {_rect(page.bleed)}")
        for frame in page.articles:
            out += _article(frame)
        out += [_run(page.label, run) for run in page.runs]
        out += [f"  rule {_num(r.x0)},{_num(r.y0)}..{_num(r.x1)},{_num(r.y1)} w={_num(r.width)}" for r in page.rules]
        out += [f"  fill {_rect(f.box)}" for f in page.fills]
    return "\n".join(out) + "\n"
