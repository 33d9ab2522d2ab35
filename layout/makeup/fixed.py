"""Fixed: the planner for hand-placed pages — each article's slot from the manifest becomes its placement."""

from __future__ import annotations

from ..errors import LayoutError
from ..geometry import PageGrid
from ..spec import ArticleSpec, PageSpec
from ..typeset.story import SetStory, Shape, StoryCache
from .plan import Cell, PagePlan, Placement


def plan_page(page: PageSpec, grid: PageGrid, edition: str, stories: StoryCache) -> PagePlan:
    """The page plan of a manifest page whose articles all have slots (the identity planner)."""
    placements = tuple(_placement(spec, grid, stories) for spec in page.articles)
    return PagePlan(number=page.number, label=f"{edition}{page.number:02d}", section=page.section,
                    credits=page.credits, masthead=page.masthead, placements=placements, where=page.where)


def _placement(spec: ArticleSpec, grid: PageGrid, stories: StoryCache) -> Placement:
    """An article's slot as a grid cell, the shape it is set at and its headline block rows."""
    slot = spec.slot
    cell = Cell(slot.column, slot.span, slot.top, grid.slot_rows(slot))
    shape = Shape(grid.measure, grid.slot_box(slot).width, spec.headline_size, spec.headline_align)
    story = stories.story(spec.id, shape)
    return Placement(id=spec.id, cell=cell, shape=shape, head_rows=head_rows(story, spec, cell.rows),
                     where=spec.where)


def head_rows(story: SetStory, spec: ArticleSpec, slot_rows: int) -> int:
    """Rows of the headline block (占行): its lines plus one row before the body, or `headline_lines`;
    a block that its own lines or the slot cannot hold is an error (it would overprint the body)."""
    needed = story.head_lines_rows
    rows = spec.headline_lines if spec.headline_lines is not None else story.head_rows
    if rows < needed:
        raise LayoutError(f"article {spec.id}: its headline block needs {needed} body lines, "
                          f"headline_lines gives {rows}", spec.where,
                          f"set headline_lines to at least {needed}, or a smaller headline_size")
    if rows > slot_rows:
        raise LayoutError(f"article {spec.id}: its headline block needs {rows} body lines, "
                          f"the slot holds {slot_rows}", spec.where,
                          "make the slot taller, or the headline smaller (headline_size)")
    return rows
