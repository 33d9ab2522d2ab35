"""Story: place a set story in its placement — headline block in its rows, body flowed through the region."""

from __future__ import annotations

from ..geometry import PageGrid, Rect, band_baseline
from ..makeup.fit import CopyFit
from ..makeup.plan import Placement
from ..placed import ArticleFrame, Fill, Overset
from ..typeset.story import JUMP_LABEL, SetStory, Setter
from .figure import Photos, place_figures
from .flow import ColumnFill, fill_columns
from .regions import Region, body_region
from .runs import LineAt, Painted, paint_line


def place_story(placement: Placement, story: SetStory, page: int, grid: PageGrid,
                setter: Setter, photos: Photos = Photos()) -> tuple[ArticleFrame, Painted]:
    """Headline block across the slot, its figures, then the body flowed through the slot's columns
    around them."""
    cell = placement.cell
    slot_box = grid.cell_box(cell)
    painted = _paint_head(story, placement, slot_box, grid, setter) + Painted(warnings=story.warnings)
    region = body_region(placement)
    figures, frames = place_figures(placement, grid, setter, photos) if placement.figures else (Painted(), ())
    painted = painted + figures
    fill = fill_columns(story.body, region.capacities, region.starts)
    painted = painted + _paint_body(fill, region, placement.id, grid, setter)
    unset = story.unset  # the paragraphs counted, not set: exact characters, lines ≈
    characters_over = fill.characters_over + (unset.characters if unset else 0)
    overset = None
    if fill.overflow or unset:
        overset = Overset(article=placement.id, page=page, lines_needed=story.lines_needed,
                          lines_available=sum(region.capacities), characters_over=characters_over,
                          where=placement.where, slot_rows=cell.rows,
                          head_rows=placement.head_rows + placement.gap_rows,
                          unset_paragraphs=unset.paragraphs if unset else 0)
        painted = painted + _overset_sign(slot_box, grid, setter)
    fit = CopyFit(id=placement.id, part=placement.part, page=page, where=placement.where, cell=cell,
                  head_rows=placement.head_top + placement.head_rows,
                  gap_rows=placement.gap_rows, body_lines=story.lines_needed, counts=fill.counts,
                  capacities=region.capacities, characters=grid.characters,
                  characters_over=characters_over, starts=region.starts,
                  unset_paragraphs=unset.paragraphs if unset else 0)
    columns = tuple(grid.column_box(cell.column + i) for i in range(cell.span))
    columns = tuple(Rect(c.x0, slot_box.y0, c.x1, slot_box.y1) for c in columns)
    return ArticleFrame(id=placement.id, slot=slot_box, columns=columns, lines=painted.records,
                        overset=overset, fit=fit, figures=frames, part=placement.part,
                        jump_pages=placement.jump_pages), painted


def _paint_head(story: SetStory, placement: Placement, slot: Rect, grid: PageGrid, setter: Setter) -> Painted:
    """Glyph runs and records of the headline block: lines centred in their rows (under any figure at the
    slot's top), the block's spare rows split above and below it (space under the rule above, before the body)."""
    painted = Painted()
    spare = placement.head_rows - story.head_lines_rows if story.head else 0
    offset = max(0, spare) * grid.leading / 2
    for item in story.head:
        top = grid.row_top(placement.cell.top + placement.head_top + item.row) - offset
        baseline = band_baseline(top, item.rows * grid.leading, item.size)
        at = LineAt(x=slot.x0, baseline=baseline, style=setter.styles[item.style], article=placement.id,
                    kind=item.style, column=placement.cell.column)
        painted = painted + paint_line(item.line, at)
    return painted


def _paint_body(fill: ColumnFill, region: Region, story_id: str, grid: PageGrid, setter: Setter) -> Painted:
    """Glyph runs and records for the body lines on the page's baseline grid."""
    style, painted = setter.styles["body"], Painted()
    for placed in fill.placed:
        rows = region.columns[placed.column]
        label = bool(placed.line.glyphs) and all(g.style == JUMP_LABEL for g in placed.line.glyphs)
        at = LineAt(x=grid.column_box(rows.column).x0, baseline=grid.baseline(rows.rows[placed.row]), style=style,
                    article=story_id, kind=JUMP_LABEL if label else "body", column=rows.column)
        painted = painted + paint_line(placed.line, at)
    return painted


def _overset_sign(slot: Rect, grid: PageGrid, setter: Setter) -> Painted:
    """A red square in the gutter after the slot's last line: text is missing here."""
    size = grid.body_size * 0.6
    x = slot.x1 + (grid.gutter - size) / 2
    y = slot.y0 + (grid.leading - size) / 2
    return Painted(fills=(Fill(Rect(x, y, x + size, y + size), setter.styles["overset"].color),))
