"""Fixed: the planner for hand-placed pages — each article's slot from the manifest becomes its placement.

A slot may say `lines: auto` (exactly the rows its story needs) and `top: auto` (under the previous
article in the same columns); a slot taller than its story gets the house policy's slack (headline air,
then a gap before the body). The planner never moves a story the editor placed.
"""

from __future__ import annotations


from dataclasses import replace

from ..errors import LayoutError
from ..geometry import Cell, PageGrid
from ..spec import AUTO, REST, ArticleSpec, FitPolicy, PageSpec
from ..typeset.story import SetStory, Shape, StoryCache
from . import front
from .figures import FigureLayout, SetFigure, lay_out, set_figures
from .jumps import EditionJumps, split_story
from .fit import OVERSET_MARGIN, Depth, Target, column_targets, distribute, free_cells, level_of, targets
from .square import square
from .plan import PagePlan, Placement
from ..i18n import _


def plan_page(page: PageSpec, grid: PageGrid, edition: str, stories: StoryCache,
              policy: FitPolicy = FitPolicy(), jumps: EditionJumps = EditionJumps()) -> PagePlan:
    """The page plan of a manifest page whose articles all have slots (fixed or auto); the masthead and the
    boxes (导读, weather, ads) are placed first, the articles around them; a story that jumps is split so
    that its first part fills its slot (makeup.jumps)."""
    mast, boxes = front.masthead_cell(page, stories.setter.styles, grid), []
    early = [b for b in page.boxes if b.slot.top != AUTO]  # boxes at a given row first, `top: auto` ones last
    for box in early:
        _add_box(box, boxes, mast, grid, stories, [])
    band = [Cell(1, grid.columns, 0, mast.bottom)] if mast else []  # `top: auto` never lands in an ear (报眼)
    fixed_cells = band + [b.cell for b in boxes]
    placements: list[Placement] = []
    for spec in page.articles:
        first = front.first_row(spec.slot.column, spec.slot.span, fixed_cells)
        top = _stack_top(spec, placements, first)
        top = max(first, top) if spec.slot.top == AUTO else top
        if spec.part == 1:  # the whole story, every line set: the jump is cut from it
            whole = _placement(replace(spec, part=0), grid, stories, policy, top, whole=True)
            split_story(spec, whole, stories, jumps.labels[spec.id])
        placement = _placement(spec, grid, stories, policy, top)
        _check_free(placement, placements, spec)
        front.check_clear(placement.cell, front.article_name(spec.id), spec.location, mast, boxes)
        placements.append(placement)
    for box in (b for b in page.boxes if b.slot.top == AUTO):
        _add_box(box, boxes, mast, grid, stories, band + [p.cell for p in placements])
    for placement in placements:
        front.check_clear(placement.cell, front.article_name(placement.id), placement.where, None, boxes)
    fixed_cells = [mast, Cell(1, grid.columns, mast.bottom - 1, 1)] if mast else []  # the masthead, its rule row
    fixed_cells += [b.cell for b in boxes]
    unplaced = free_cells([p.cell for p in placements] + fixed_cells, grid.columns, 0, grid.rows)
    return PagePlan(number=page.number, label=f"{edition}{page.number:02d}", section=page.section,
                    credits=page.credits, masthead=page.masthead, placements=tuple(placements),
                    where=page.where, unplaced=unplaced, masthead_cell=mast, boxes=tuple(boxes),
                    column_rules=page.column_rules)


def _add_box(box, boxes: list, mast, grid: PageGrid, stories: StoryCache, placed: list) -> None:
    """Plan a box (导读, weather, ad) under what is already on the page and check it is clear of the rest."""
    above = [b.cell for b in boxes] + placed
    boxes.append(front.plan_box(box, stories.setter.styles, grid, above))
    front.check_clear(boxes[-1].cell, front.box_name(box.kind, box.id), box.where, mast, boxes)


def _stack_top(spec: ArticleSpec, placed: list[Placement], first: int) -> int:
    """The slot's top row: as given, or (auto) under the lowest earlier placement in its columns."""
    slot = spec.slot
    if slot.top != AUTO:
        return slot.top
    columns = range(slot.column, slot.column + slot.span)
    return max([p.cell.bottom for p in placed if set(p.cell.columns) & set(columns)], default=first)


def _placement(spec: ArticleSpec, grid: PageGrid, stories: StoryCache, policy: FitPolicy, top: int,
               whole: bool = False) -> Placement:
    """An article's slot as a grid cell, the shape it is set at (squared: columns ending level), its
    headline block and the slack rows the house policy gives it. The story is set only up to the slot's
    budget (the rest counted, not set), unless `whole` (a jump's part 1 is cut from the whole story)."""
    slot = spec.slot
    shape = Shape(grid.measure, grid.span_width(slot.span), spec.headline_size, spec.headline_align, spec.deck,
                  spec.headline_split, spec.headline_break)
    budget = None if whole else _budget(spec, grid, top)
    story = _set_story(spec, stories, shape, budget)
    budget = budget if story.unset else None  # a story that ended within its budget is the whole story
    natural = head_rows(story, spec)
    slack_policy = policy if story.head and spec.headline_lines is None else FitPolicy(0, 0)
    if spec.figures:
        return _figure_placement(spec, grid, stories, story, natural, slack_policy, top, budget)
    body_rows = _body_rows(spec, natural, grid, top)
    story = _squared(story, stories, targets(len(story.body), slot.span, body_rows, slack_policy,
                                             len(story.paragraphs)))
    rows = _rows(spec, story, natural, grid, top)
    _check_head_fits(spec, natural, rows)
    slack = distribute(rows - Depth(natural, len(story.body), slot.span).rows, slack_policy)
    return Placement(id=spec.id, cell=Cell(slot.column, slot.span, top, rows), shape=shape,
                     head_rows=natural + slack.air, gap_rows=slack.gap, where=spec.location,
                     loosen=story.loosen, part=spec.part, jump_pages=spec.jump_pages, budget=budget)


def _set_story(spec: ArticleSpec, stories: StoryCache, shape: Shape, budget: int | None) -> SetStory:
    """The article set at its slot's shape; a `headline_break` its headline cannot take is an error located at
    the article's manifest entry (the key is the editor's or the planner's, never the article file's)."""
    try:
        return stories.story(spec.story_key, shape, budget=budget)
    except LayoutError as error:
        if not spec.headline_break or error.where != spec.story_key:
            raise
        raise LayoutError(error.message, spec.where, error.hint) from None


def _budget(spec: ArticleSpec, grid: PageGrid, top: int) -> int:
    """The body lines a slot sets its story to: every row of its columns (more than the body can have under
    a headline block or beside a figure) plus OVERSET_MARGIN, so that overset and copy-fit still see enough
    lines. A `lines: auto` slot can grow to the type area's foot: a story past that budget is an error."""
    lines = spec.slot.lines
    rows = grid.rows - top if lines in (REST, AUTO) else lines
    return max(0, rows) * spec.slot.span + OVERSET_MARGIN


def _figure_placement(spec: ArticleSpec, grid: PageGrid, stories: StoryCache, story: SetStory, natural: int,
                      policy: FitPolicy, top: int, budget: int | None = None) -> Placement:
    """A slot with figures: the figures' cells become the placement's exclusions, the text in their
    columns flows above or below them, the columns are squared to end level around them, and the house
    policy's slack goes to the headline block only when the text still fits under it."""
    slot, figures = spec.slot, set_figures(spec, grid, stories.setter)
    rows = _figure_rows(spec, story, natural, grid, top, figures)
    _check_head_fits(spec, natural, rows)
    cell = Cell(slot.column, slot.span, top, rows)
    layout = lay_out(figures, cell, natural, spec.id)
    story = _squared(story, stories, column_targets(len(story.body), layout.starts, layout.capacities,
                                                    len(story.paragraphs)))
    slack, layout = _figure_slack(figures, cell, natural, len(story.body), layout, policy, spec.id)
    return Placement(id=spec.id, cell=cell, shape=story.shape, head_rows=natural + slack.air, gap_rows=slack.gap,
                     where=spec.location, loosen=story.loosen, exclusions=layout.exclusions,
                     figures=layout.figures, head_top=layout.head_top, part=spec.part,
                     jump_pages=spec.jump_pages, budget=budget)


def _figure_rows(spec: ArticleSpec, story: SetStory, head: int, grid: PageGrid, top: int,
                 figures: tuple[SetFigure, ...]) -> int:
    """The rows of a slot with figures: as given, to the foot (rest), or (auto) the fewest that hold the
    headline block, the figures with legs of at least 5 lines, and every body line."""
    if spec.slot.lines != AUTO:
        return grid.rows - top if spec.slot.lines == REST else spec.slot.lines
    for rows in range(head + 1, grid.rows - top + 1):
        try:
            layout = lay_out(figures, Cell(spec.slot.column, spec.slot.span, top, rows), head, spec.id)
        except LayoutError:
            continue
        if sum(layout.capacities) >= story.lines_needed:
            return rows
    raise LayoutError(_("article {id}: lines: auto finds no height from row {top} that holds its "
                        "figures and its {story}{lines_needed} body lines").format(
                          id=spec.id, top=top, story=_approx(story), lines_needed=story.lines_needed), spec.location,
                      _("shorten the story, make the figure smaller, or widen the slot (span)"))


def _figure_slack(figures: tuple[SetFigure, ...], cell: Cell, head: int, lines: int, layout: FigureLayout,
                  policy: FitPolicy, article: str):
    """Spare rows under the level the text reaches go to headline air and body gap (house policy) when the
    figures and the text still fit below the moved body top; else there is no slack."""
    level = level_of(lines, layout.starts, layout.capacities, limit=cell.rows)
    spare = cell.rows - layout.head_top - head - level if lines else 0
    slack = distribute(spare, policy)
    if slack.air + slack.gap == 0:
        return slack, layout
    try:
        moved = lay_out(figures, cell, head + slack.air + slack.gap, article)
    except LayoutError:
        return distribute(0, policy), layout
    if sum(moved.capacities) < lines:
        return distribute(0, policy), layout
    return slack, moved


def _body_rows(spec: ArticleSpec, head: int, grid: PageGrid, top: int) -> int | None:
    """Rows the slot leaves for the body under its headline block (None: auto height)."""
    lines = spec.slot.lines
    if lines == AUTO:
        return None
    return (grid.rows - top if lines == REST else lines) - head


def _squared(story: SetStory, stories: StoryCache, options: list[Target]) -> SetStory:
    """The story set for the first of the level fills (best first) its paragraphs can reach (缩行/拉行),
    or as it is when none can (then the copy-fit reports what to cut or add). A story counted, not set, to
    its end is over its slot whatever is squared (its lines set keep more than the slot holds): as it is."""
    if story.unset is not None:
        return story
    for target in options:
        squared = square(stories, story, target.delta)  # delta 0: the story as it is
        if squared is not None:
            return squared
    return story


def _check_head_fits(spec: ArticleSpec, head: int, rows: int) -> None:
    """A headline block taller than its slot is an error (it would overprint the body)."""
    if head > rows:
        raise LayoutError(_("article {id}: its headline block needs {head} body lines, the slot "
                            "holds {rows}").format(id=spec.id, head=head, rows=rows), spec.location,
                          _("make the slot taller, or the headline smaller (headline_size)"))


def _rows(spec: ArticleSpec, story: SetStory, head: int, grid: PageGrid, top: int) -> int:
    """The slot's rows: as given, down to the foot (rest), or what the story needs (auto)."""
    lines = spec.slot.lines
    if lines == REST:
        return grid.rows - top
    if lines != AUTO:
        return lines
    need = Depth(head, max(1, story.lines_needed), spec.slot.span).rows
    if top + need > grid.rows:
        raise LayoutError(_("article {id}: lines: auto needs {story}{need} rows from row {top}, "
                            "the type area has {left} left").format(
                              id=spec.id, story=_approx(story), need=need, top=top, left=grid.rows - top),
                          spec.location,
                          _("shorten the story, widen the slot (span), or give it fewer rows above"))
    return need


def _approx(story: SetStory) -> str:
    """'≈ ' before a count of lines that is an estimate (the story's last paragraphs counted, not set)."""
    return "≈ " if story.unset else ""


def _check_free(placement: Placement, placed: list[Placement], spec: ArticleSpec) -> None:
    """A placement made by auto top or height may not overlap an earlier one."""
    cell = placement.cell
    for other in placed:
        o = other.cell
        if set(cell.columns) & set(o.columns) and cell.top < o.bottom and o.top < cell.bottom:
            raise LayoutError(_("the slots of articles '{other}' and '{article}' overlap (rows "
                                "{top}–{bottom} and {other_top}–{other_bottom})").format(
                                  other=other.id, article=spec.id, top=cell.top, bottom=cell.bottom - 1,
                                  other_top=o.top, other_bottom=o.bottom - 1), spec.location,
                              _("move or shrink one of them ('{id}' is at {where})").format(
                                  id=other.id, where=other.where))


def head_rows(story: SetStory, spec: ArticleSpec) -> int:
    """Rows of the headline block (占行): its lines plus one row before the body, or `headline_lines`;
    fewer than its own lines take is an error (it would overprint the body)."""
    needed = story.head_lines_rows
    rows = spec.headline_lines if spec.headline_lines is not None else story.head_rows
    if rows < needed:
        raise LayoutError(_("article {id}: its headline block needs {needed} body lines, "
                            "headline_lines gives {rows}").format(id=spec.id, needed=needed, rows=rows), spec.where,
                          _("set headline_lines to at least {needed}, or a smaller headline_size").format(
                              needed=needed))
    return rows
