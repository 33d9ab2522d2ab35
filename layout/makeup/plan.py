"""Plan: what goes where on a page — the PagePlan that make-up produces and compose reads (its only input)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..geometry import Cell
from ..spec import BoxSpec, ColumnRule, Masthead, story_key
from ..typeset.lines import Line
from ..typeset.story import Shape


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A photo as make-up placed it: its photo rows, the caption set at its width, the cell text avoids."""

    file: Path
    photo: Cell  # the photo's whole columns × whole rows
    cell: Cell  # what no text may use: photo, caption rows and the air row on the text side
    caption: tuple[Line, ...]  # caption lines (style caption) at the photo's width
    credit: Line | None  # the credit, flush right: on the caption's last line or on a line of its own
    credit_on_last: bool
    pitch: float  # pt between caption baselines
    fit: str
    focus: tuple[float, float]
    where: str


@dataclass(frozen=True, kw_only=True)
class Placement:
    """One story placed on the page: its grid cell, the shape it is set at, its headline block rows."""

    id: str  # the article id (the story set for it)
    cell: Cell
    shape: Shape
    head_rows: int  # rows of the headline block (占行) at the top of the cell, its air split above and below
    gap_rows: int = 0  # extra rows between the headline block and the body (slack the house policy put there)
    head_top: int = 0  # rows above the headline block: figures placed at the slot's top (place: top)
    where: str  # the manifest location, for messages
    exclusions: tuple[Cell, ...] = ()  # parts of the cell no text may use (the figures' cells)
    figures: tuple[Figure, ...] = ()
    loosen: tuple[tuple[int, int], ...] = ()  # paragraphs set a line longer or shorter to square the columns
    part: int = 0  # 0: the whole story; 1 or 2: the part before or after a jump (转版)
    jump_pages: tuple[int, ...] = ()  # a jump's parts: the pages of part 1 and part 2
    budget: int | None = None  # body lines the story was set to, the rest counted (None: every line set)

    @property
    def story(self) -> str:
        """The key of the text set here (the article id, or the id and the part of a jump)."""
        return story_key(self.id, self.part)


@dataclass(frozen=True, kw_only=True)
class IndexEntry:
    """One line of a 导读 box: the story's short headline and the page it is on (第2版), from the made-up edition."""

    article: str
    text: str
    page: int
    label: str


@dataclass(frozen=True, kw_only=True)
class BoxPlan:
    """A boxed slot as make-up placed it (导读, weather, ad): its cell, heading rows, resolved 导读 entries."""

    spec: BoxSpec
    cell: Cell
    title_rows: int = 0  # rows of the box's heading (index, weather)
    line_rows: int = 1  # rows each entry or weather line takes
    entries: tuple[IndexEntry, ...] = ()  # index: filled once every page is planned (makeup.index)


@dataclass(frozen=True, kw_only=True)
class PagePlan:
    """A page as make-up decided it: 版次, 版名, credits, masthead and the placements, in reading order."""

    number: int
    label: str  # edition + page, e.g. 'A02'
    section: str
    credits: tuple[tuple[str, str], ...]
    masthead: Masthead | None
    placements: tuple[Placement, ...]
    where: str
    unplaced: tuple[Cell, ...] = ()  # areas of the type area no slot covers (reported, never silent)
    masthead_cell: Cell | None = None  # the 报头's columns and rows (its band: rows 0 … bottom − 1)
    boxes: tuple[BoxPlan, ...] = ()  # 导读, weather and ad slots
    notes: tuple[str, ...] = ()  # what the placer reports: stories held over, lines missing (makeup.placer)
    column_rules: tuple[ColumnRule, ...] = ()  # 栏线 the page asks for (manifest or planner), drawn by compose
