"""Placement: where an article sits on a page's grid as the manifest gives it (slot, headline options)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

AUTO = "auto"  # top: under the previous article in these columns; lines: as many rows as the story needs
REST = "rest"  # lines: down to the foot of the type area


@dataclass(frozen=True)
class Slot:
    """Where an article sits on the grid: 1-based first column, span, top body line (0-based), height."""

    column: int
    span: int
    top: int | str  # a row, or AUTO
    lines: int | str  # rows, REST or AUTO

    @property
    def fixed(self) -> bool:
        """Whether the slot's rows are given (no auto top or height)."""
        return isinstance(self.top, int) and self.lines != AUTO


@dataclass(frozen=True, kw_only=True)
class FigureSpec:
    """A photo in an article's slot (图井): whole columns of the slot, whole body rows, caption and credit."""

    file: Path  # the photo, inside the issue folder
    span: int  # columns of the slot it takes
    caption: str
    credit: str | None  # None: `credit: none` (no credit line)
    where: str  # its YAML location, for messages
    column_offset: int = 0  # first slot column it takes (0: the slot's first column)
    rows: int | None = None  # photo rows; None = from the aspect at the figure's width
    aspect: float = 1.5  # width / height (the photo's own when the manifest gives neither rows nor aspect)
    place: str = "before-body"  # FIGURE_PLACES: under the headline block, above it (top), or at the foot
    focus: tuple[float, float] = (0.5, 0.5)  # crop focus (fx, fy) in 0..1 of the photo, for cover
    fit: str = "cover"  # FIGURE_FITS


@dataclass(frozen=True, kw_only=True)
class JumpSpec:
    """A story that continues on a later page (转版): where its continuation goes and its 转版题."""

    page: int  # the page number the continuation is on
    slot: Slot  # the continuation slot on that page
    headline: str | None = None  # the jump headline (转版题); None = derived from the headline
    where: str = ""  # the YAML location of `continue:` / `jump:` (messages point there)
    slot_where: str = ""  # the continuation slot's YAML location


def story_key(article_id: str, part: int) -> str:
    """The key a story's text is set under: the article id, or 'lead (part 2)' for a part of a jump."""
    return article_id if part == 0 else f"{article_id} (part {part})"


@dataclass(frozen=True, kw_only=True)
class ArticleSpec:
    """An article placed on a page: id, article file, slot; `where` is its YAML path for messages."""

    id: str
    file: Path
    slot: Slot
    where: str
    slot_where: str = ""  # the slot's YAML location (overset and fit messages point there)
    headline_align: str | None = None  # overrides the headline style's alignment
    headline_lines: int | None = None  # 占行 of the headline block; None = computed
    headline_size: float | None = None  # this article's headline size (pt); None = the headline style's
    figures: tuple[FigureSpec, ...] = ()  # photos in the slot, in reading order
    deck: bool = True  # False: its deck (副题) is not set (`deck: false`; the planner's lever)
    headline_split: bool = False  # True: the headline's halves one per line (`headline_split: true`; a lever)
    headline_break: int = 0  # N: the headline (one line, one half) broken into N lines between words (a lever)
    jump: JumpSpec | None = None  # this story continues on a later page (part 1 of a jump)
    part: int = 0  # 0: the whole story; 1: the part before a jump; 2: the continuation (docs/jumps.md)
    jump_pages: tuple[int, ...] = ()  # the pages of part 1 and part 2 (a jump's parts only)
    index: str | None = None  # 导读: listed in the front page's index ('' = under its headline, else this text)

    @property
    def story_key(self) -> str:
        """The key this slot's text is set under (the article id, or the id and its part)."""
        return story_key(self.id, self.part)

    @property
    def location(self) -> str:
        """Where messages about the article's place point: its slot's YAML location, else the article's."""
        return self.slot_where or self.where


@dataclass(frozen=True, kw_only=True)
class StorySpec:
    """A story the planner places (`stories:` on a page): no slot, a priority (1 = 头条) and a span range."""

    id: str
    file: Path
    priority: int  # 1 is the most important (头条); equal priorities keep manifest order
    where: str
    span: tuple[int, int] | None = None  # (min, max) columns; None = the planner's default range
    headline_size: float | None = None  # pins the headline size (pt); None = the planner's ladder by priority
    figures: tuple["FigureSpec", ...] = ()  # photos under the headline (before-body) or at the foot (bottom)
    jump: JumpSpec | None = None  # `jump: auto` with a `continues:` slot on a later page: the planner may jump it
    deck: bool | None = None  # `deck:` False: its deck (副题) is not set; True: kept (never dropped); None: a lever


@dataclass(frozen=True)
class FitPolicy:
    """House policy for slack in a slot taller than its story: where a 美编 puts the spare rows."""

    headline_air: int = 2  # spare rows the headline block may take (split above and below it)
    body_gap: int = 1  # then rows between the headline block and the body
