"""Boxes: the boxed slots of a page — the 导读 index (`headline …… 第N版` with leaders), a weather box, and ads
(a supplied PDF or image, or a marked placeholder while the file is not in, reported, never silently blank)."""

from __future__ import annotations

from ..errors import LayoutError
from ..geometry import Rect, band_baseline
from ..i18n import _
from ..makeup.plan import BoxPlan, PagePlan
from ..placed import Rule
from ..spec import BLACK, CMYK
from ..units import mm
from .furniture import Furnisher
from .runs import Painted, text_width
from .supplied import place_file

FRAME_WIDTH = 0.75  # pt: the box's frame
LEADER = "…"  # 导读 leaders: a run of ellipses between the headline and its page
PLACEHOLDER_RULE = CMYK(0, 0, 0, 40)  # the placeholder's diagonals, a grey no plate could take for an ad


def paint_boxes(plan: PagePlan, f: Furnisher) -> Painted:
    """Every box of the page."""
    painted = Painted()
    for box in plan.boxes:
        painted = painted + {"index": _index, "weather": _weather, "ad": _ad}[box.spec.kind](box, plan, f)
    return painted


def _frame(box: Rect, width: float = FRAME_WIDTH, color: CMYK = BLACK) -> tuple[Rule, ...]:
    """The four rules around `box`, inside it (a neighbour painted later, an ad, cannot cover them)."""
    half = width / 2
    x0, y0, x1, y1 = box.x0 + half, box.y0 + half, box.x1 - half, box.y1 - half
    return tuple(Rule(x0=a, y0=b, x1=c, y1=d, width=width, color=color)
                 for a, b, c, d in ((x0, y0, x1, y0), (x1, y0, x1, y1), (x1, y1, x0, y1), (x0, y1, x0, y0)))


def _pad(f: Furnisher) -> float:
    """Inner margin of a box: half a body 字."""
    return f.grid.body_size / 2


def _heading(box: BoxPlan, f: Furnisher) -> Painted:
    """A box's frame and its heading on its first rows, a thin rule under it."""
    grid, outer = f.grid, f.grid.cell_box(box.cell)
    top, bottom = grid.row_top(box.cell.top), grid.row_top(box.cell.top + box.title_rows)
    size = f.style("box_title").size
    runs = f.text(box.spec.title, "box_title", outer.x0 + _pad(f), band_baseline(top, top - bottom, size), "box")
    under = Rule(x0=outer.x0, y0=bottom, x1=outer.x1, y1=bottom, width=0.5, color=BLACK)
    return Painted(runs=runs, rules=_frame(outer) + (under,))


def _line_baseline(box: BoxPlan, i: int, f: Furnisher) -> float:
    """Baseline of the box's `i`-th entry or line: its band of `line_rows` rows under the heading."""
    top = f.grid.row_top(box.cell.top + box.title_rows + i * box.line_rows)
    return band_baseline(top, box.line_rows * f.grid.leading, f.style("box").size)


def _index(box: BoxPlan, plan: PagePlan, f: Furnisher) -> Painted:
    """The 导读: each entry's text flush left, its page (第2版) flush right, leaders between them."""
    outer, pad, font = f.grid.cell_box(box.cell), _pad(f), f.font("box")
    painted, gap = _heading(box, f), f.style("box").size / 2
    for i, entry in enumerate(box.entries):
        baseline = _line_baseline(box, i, f)
        text_w, label_w, leader_w = text_width(entry.text, font), text_width(entry.label, font), font.advance(LEADER)
        room = outer.width - 2 * pad - text_w - label_w - 2 * gap
        if room < 2 * leader_w:
            raise LayoutError(_("the 导读 entry '{text}' ({label}) is {value:.0f} pt wide, the box "
                                "holds {value2:.0f} pt beside its leaders").format(
                                  text=entry.text, label=entry.label, value=text_w + label_w,
                                  value2=outer.width - 2 * pad - 2 * gap - 2 * leader_w),
                              box.spec.where, _("give article '{article}' a shorter form: index: "
                                                "短题, or widen the box (span)").format(article=entry.article))
        count = int(room // leader_w)
        label_x = outer.x1 - pad - label_w
        leaders = LEADER * count
        runs = (f.text(entry.text, "box", outer.x0 + pad, baseline, "index")
                + f.text(leaders, "box", label_x - gap - count * leader_w, baseline, "index")
                + f.text(entry.label, "box", label_x, baseline, "index"))
        painted = painted + Painted(runs=runs)
    return painted


def _weather(box: BoxPlan, plan: PagePlan, f: Furnisher) -> Painted:
    """A weather box: its heading and its lines flush left."""
    outer, pad, font = f.grid.cell_box(box.cell), _pad(f), f.font("box")
    painted = _heading(box, f)
    for i, line in enumerate(box.spec.lines):
        if text_width(line, font) > outer.width - 2 * pad + 1e-6:
            raise LayoutError(_("the weather line '{line}' is {text_width:.0f} pt wide, the box "
                                "holds {value:.0f} pt").format(
                                  line=line, text_width=text_width(line, font), value=outer.width - 2 * pad),
                              box.spec.where, _("shorten it or widen the box (span)"))
        painted = painted + Painted(runs=f.text(line, "box", outer.x0 + pad, _line_baseline(box, i, f), "weather"))
    return painted


def _ad(box: BoxPlan, plan: PagePlan, f: Furnisher) -> Painted:
    """An ad: the supplied file fitted to its slot, or, when it is not in yet, a marked placeholder."""
    spec, outer = box.spec, f.grid.cell_box(box.cell)
    if spec.file is not None:
        return place_file(spec.file, spec.file_name, outer, spec.id, spec.where, f.photos, f.issue.print.ink_limit)
    return placeholder(box, plan, f)


def placeholder(box: BoxPlan, plan: PagePlan, f: Furnisher) -> Painted:
    """The placeholder of an ad not in yet: framed, crossed, and saying 广告 / who / size / which file; the
    build summary lists it."""
    spec, outer = box.spec, f.grid.cell_box(box.cell)
    size = f"{box.cell.span}栏{box.cell.rows}行（宽{outer.width / mm(1):.0f}mm，高{outer.height / mm(1):.0f}mm）"
    waiting = f"待稿：{spec.file_name}" if spec.file_name else "待稿：未给文件"
    lines = [("广告", "box_title")] + [(t, "box") for t in (spec.label, size, waiting) if t]
    pitch = f.grid.leading
    y = (outer.y0 + outer.y1) / 2 + pitch * (len(lines) - 1) / 2
    runs = ()
    for text, style in lines:
        width = text_width(text, f.font(style))
        if width <= outer.width - 2 * _pad(f):
            runs += f.text(text, style, outer.x0 + (outer.width - width) / 2, y - f.style(style).size * 0.35, "ad")
        y -= pitch
    crosses = (Rule(x0=outer.x0, y0=outer.y0, x1=outer.x1, y1=outer.y1, width=0.5, color=PLACEHOLDER_RULE),
               Rule(x0=outer.x0, y0=outer.y1, x1=outer.x1, y1=outer.y0, width=0.5, color=PLACEHOLDER_RULE))
    where = _("the ad slot at {where}").format(where=spec.where) if spec.where else _("its slot")
    warning = _("page {page}: ad '{ad}' is not in yet ({file}): a marked placeholder of {size} is printed in "
                "{where}").format(page=plan.number, ad=spec.id, file=spec.file_name or _("no file given"), size=size,
                                  where=where)
    return Painted(runs=runs, rules=crosses + _frame(outer), warnings=(warning,))
