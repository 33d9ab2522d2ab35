"""Page: compose one PagePlan into a placed Page — furniture, every placement's story, rules between slots."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from ..geometry import PageGrid, Rect
from ..makeup.plan import PagePlan
from ..placed import Page
from ..spec import Issue
from ..typeset.story import SetStory, Setter
from .figure import Photos
from .boxes import paint_boxes
from .furniture import Furnisher, furniture
from .rules import column_rules, rules_between
from .runs import Painted
from .story import place_story


BOX_STEP = 0.1  # pt: the BleedBox (and MediaBox) edges sit on this grid, outside the TrimBox


def bleed_box(trim: Rect, bleed: float) -> Rect:
    """The BleedBox: the trim grown by the bleed, its edges rounded outwards to 0.1 pt. A RIP sizes the
    page in whole device pixels (Ghostscript at 720 dpi: 0.1 pt), so a box of 1105.5118 pt would come out
    1105.5 pt, smaller than the TrimBox, and a PDF/X check fails even with bleed 0 (ISO 15930: the
    BleedBox holds the TrimBox)."""
    def out(v: float, up: bool) -> float:
        steps = v / BOX_STEP
        return round((math.ceil(steps - 1e-6) if up else math.floor(steps + 1e-6)) * BOX_STEP, 4)
    return Rect(out(trim.x0 - bleed, False), out(trim.y0 - bleed, False), out(trim.x1 + bleed, True),
                out(trim.y1 + bleed, True))


@dataclass(frozen=True, kw_only=True)
class Context:
    """What composing any page of the issue needs, computed once per build."""

    issue: Issue
    grid: PageGrid
    setter: Setter
    grid_warnings: tuple[str, ...] = ()  # what the grid could not give as asked (e.g. a measure of whole 字)
    photos: Photos = Photos()  # how figures' photos are converted (settings, cache folder)


def compose_page(plan: PagePlan, stories: Mapping[str, SetStory], ctx: Context) -> Page:
    """Lay out one planned page: furniture, every placement with its set story, rules between slots."""
    grid = ctx.grid
    furnisher = Furnisher(ctx.issue, grid, ctx.setter, ctx.photos)
    painted = furniture(plan, furnisher) + paint_boxes(plan, furnisher)
    frames = []
    for placement in plan.placements:
        frame, part = place_story(placement, stories[placement.story], plan.number, grid, ctx.setter, ctx.photos)
        frames.append(frame)
        painted = painted + part
    heavy = column_rules(plan.column_rules, grid)
    painted = painted + Painted(rules=rules_between(frames, grid, heavy) + heavy)
    trim = Rect(0, 0, grid.width, grid.height)
    bleed = bleed_box(trim, ctx.issue.print.bleed)
    return Page(number=plan.number, label=plan.label, trim=trim, bleed=bleed, runs=painted.runs,
                rules=painted.rules, fills=painted.fills, articles=tuple(frames), column_rules=heavy,
                column_boxes=tuple(grid.column_box(c) for c in range(1, grid.columns + 1)),
                baselines=tuple(grid.baseline(r) for r in range(grid.rows)),
                warnings=painted.warnings + tuple(w for image in painted.images for w in image.warnings),
                images=painted.images, forms=painted.forms)
