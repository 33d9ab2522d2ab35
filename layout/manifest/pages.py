"""Pages: a page's 版次, 版名, credits, masthead and articles with their slots; overlaps and bounds checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..spec import ALIGNMENTS, AUTO, REST, ArticleSpec, Masthead, PageSpec, Slot, StorySpec
from ..geometry import PageGrid
from .figures import figures
from .nodes import Value, regular_file, resolved

_PAGE_KEYS = ("number", "section", "credits", "masthead", "articles", "stories")
_MASTHEAD_KEYS = ("title", "lines", "subtitle", "publisher", "registration")
_ARTICLE_KEYS = ("id", "file", "slot", "headline_align", "headline_lines", "headline_size", "figures")
_SLOT_KEYS = ("column", "span", "top", "lines")
_STORY_KEYS = ("id", "file", "priority", "span", "headline_size")  # docs/planner.md


class PageContext:
    """Accumulator while reading pages: the grid, the issue folder, and the ids and page numbers seen so far."""

    def __init__(self, grid: PageGrid, root: Path, hao_table: str = "clreq") -> None:
        self.grid, self.root, self.hao_table = grid, root, hao_table
        self.article_ids: dict[str, str] = {}  # id → where first used
        self.page_numbers: dict[int, str] = {}


@dataclass(frozen=True)
class _Placed:
    """An article read from the manifest and its slot node (for overlap messages)."""

    spec: ArticleSpec
    slot: Value


def pages(value: Value, ctx: PageContext) -> tuple[PageSpec, ...]:
    """Read `pages:` (at least one)."""
    items = value.items()
    if not items:
        value.fail("pages is empty", "add at least one page with number, section and articles")
    return tuple(_page(item, ctx) for item in items)


def _page(value: Value, ctx: PageContext) -> PageSpec:
    """One page: 版次, 版名, credits, masthead, articles; checks numbers, slots and overlaps."""
    m = value.mapping(_PAGE_KEYS, required=("number",))
    number = m.need("number").integer(low=1, example="2")
    if number in ctx.page_numbers:
        m.need("number").fail(f"page number {number} is used twice (first at {ctx.page_numbers[number]})",
                              "give every page its own number (版次)")
    ctx.page_numbers[number] = m.need("number").where()
    section = m.get("section").text("要闻") if m.get("section") else ""
    masthead = _masthead(m.get("masthead"), ctx.grid)
    articles = m.get("articles").items() if m.get("articles") else []
    placed = [_article(item, ctx) for item in articles]
    _check_slots(placed, masthead)
    stories = tuple(_story(item, ctx) for item in (m.get("stories").items() if m.get("stories") else []))
    return PageSpec(number=number, section=section, credits=_credits(m.get("credits")),
                    articles=tuple(p.spec for p in placed), where=value.where(), masthead=masthead,
                    stories=stories)


def _credits(value: Value | None) -> tuple[tuple[str, str], ...]:
    """Read `credits:` (责任编辑: 王静, …) as ordered pairs."""
    if value is None:
        return ()
    m = value.mapping()
    return tuple((key, m.need(key).text("王静")) for key in m.values)


def _masthead(value: Value | None, grid: PageGrid) -> Masthead | None:
    """Read a page's `masthead:` (报头): title and the body lines it occupies."""
    if value is None:
        return None
    m = value.mapping(_MASTHEAD_KEYS, required=("title", "lines"))
    lines = m.need("lines").integer(low=1, example="10")
    if lines >= grid.rows:
        m.need("lines").fail(f"the masthead takes {lines} lines but the type area has only {grid.rows}",
                             f"give fewer than {grid.rows} lines")
    extra = {key: m.get(key).text() for key in ("subtitle", "publisher", "registration") if m.get(key)}
    return Masthead(title=m.need("title").text("济宁日报"), lines=lines, **extra)


def _article(value: Value, ctx: PageContext) -> _Placed:
    """One article: unique id, file inside the issue folder, slot on the grid."""
    m = value.mapping(_ARTICLE_KEYS, required=("id", "file", "slot"))
    article_id = _unique_id(m.need("id"), ctx)
    path = _article_file(m.need("file"), ctx.root)
    slot = _slot(m.need("slot"), ctx.grid)
    align = m.get("headline_align").choice(ALIGNMENTS) if m.get("headline_align") else None
    lines = m.get("headline_lines").integer(low=1, example="3") if m.get("headline_lines") else None
    size = m.get("headline_size").size(ctx.hao_table) if m.get("headline_size") else None
    spec = ArticleSpec(id=article_id, file=path, slot=slot, where=value.where(), slot_where=m.need("slot").where(),
                       headline_align=align, headline_lines=lines, headline_size=size,
                       figures=figures(m.get("figures"), slot, ctx.root))
    return _Placed(spec, m.need("slot"))


def _unique_id(value: Value, ctx: PageContext) -> str:
    """An article or story id, unique in the issue."""
    article_id = value.text("lead")
    if article_id in ctx.article_ids:
        value.fail(f"article id '{article_id}' is used twice (first at {ctx.article_ids[article_id]})",
                   "give every article of the issue its own id")
    ctx.article_ids[article_id] = value.where()
    return article_id


def _story(value: Value, ctx: PageContext) -> StorySpec:
    """One story to plan (docs/planner.md): unique id, file, priority (1 = 头条), optional span range
    [min, max] within the grid and headline size; no slot (the planner gives it one)."""
    m = value.mapping(_STORY_KEYS, required=("id", "file", "priority"))
    story_id = _unique_id(m.need("id"), ctx)
    path = _article_file(m.need("file"), ctx.root)
    priority = m.need("priority").integer(low=1, example="1 (头条), 2, 3 …")
    size = m.get("headline_size").size(ctx.hao_table) if m.get("headline_size") else None
    return StorySpec(id=story_id, file=path, priority=priority, where=value.where(),
                     span=_span_range(m.get("span"), ctx.grid), headline_size=size)


def _span_range(value: Value | None, grid: PageGrid) -> tuple[int, int] | None:
    """A story's `span: [min, max]` (or one number: exactly that span), within the grid's columns."""
    if value is None:
        return None
    if isinstance(value.node, yaml.ScalarNode):
        low = high = value.integer(low=1, example="[2, 4]")
    else:
        items = value.items()
        if len(items) != 2:
            value.fail(f"span must be [min, max] (two numbers), not {len(items)} items", "write e.g. span: [2, 4]")
        low, high = items[0].integer(low=1, example="2"), items[1].integer(low=1, example="4")
        if low > high:
            value.fail(f"span [{low}, {high}]: the minimum is larger than the maximum", f"write span: [{high}, {low}]")
    if high > grid.columns:
        value.fail(f"span up to {high} columns, the grid has {grid.columns}", f"use a maximum ≤ {grid.columns}")
    return low, high


def _article_file(value: Value, root: Path) -> Path:
    """The article's file: relative to the issue folder (or absolute), never outside it, a regular file."""
    raw = value.text("articles/01.txt")
    full = resolved(value, root, raw, "article file")
    if not full.is_relative_to(root):
        value.fail(f"article file '{raw}' is outside the issue folder {root}",
                   "keep article files inside the issue folder, e.g. articles/01.txt")
    return regular_file(value, raw, full, "article file",
                        "article paths are relative to the issue folder (where issue.yaml is); check the name")


def _slot(value: Value, grid: PageGrid) -> Slot:
    """A slot on the grid: column and span within the columns, top and lines within the rows (or auto)."""
    m = value.mapping(_SLOT_KEYS, required=("column", "span"))
    column = m.need("column").integer(low=1, example="1")
    span = m.need("span").integer(low=1, example="3")
    top = _rows(m.get("top"), (AUTO,), low=0, example="0 (or auto)")
    lines = _rows(m.get("lines"), (REST, AUTO), low=1, example="24 (or rest, auto)")
    if column > grid.columns:
        m.need("column").fail(f"column {column} is outside the grid of {grid.columns} columns",
                              f"columns are numbered 1–{grid.columns}")
    if column + span - 1 > grid.columns:
        last = column + span - 1
        m.need("span").fail(f"columns {column}–{last} run past the grid's {grid.columns} columns",
                            f"column + span - 1 must be ≤ {grid.columns}: use span ≤ {grid.columns - column + 1}")
    if isinstance(top, int) and top >= grid.rows:
        m.need("top").fail(f"top line {top} is below the type area ({grid.rows} body lines, "
                           f"0–{grid.rows - 1})", f"use top < {grid.rows}")
    if isinstance(top, int) and isinstance(lines, int) and top + lines > grid.rows:
        m.need("lines").fail(f"lines {top}–{top + lines - 1} run past the type area's {grid.rows} body lines",
                             f"top + lines must be ≤ {grid.rows}: use lines ≤ {grid.rows - top}, or lines: rest")
    return Slot(column, span, top, lines)


def _rows(value: Value | None, words: tuple[str, ...], low: int, example: str) -> int | str:
    """A number of rows (at least `low`) or one of `words` (auto, rest); an absent key is auto."""
    if value is None:
        return AUTO
    if isinstance(value.node, yaml.ScalarNode) and value.node.value.strip() in words:
        return value.node.value.strip()
    return value.integer(low=low, example=example)


def _check_slots(placed: list[_Placed], masthead: Masthead | None) -> None:
    """No slot may overlap another slot of the page or the masthead's lines."""
    for index, item in enumerate(placed):
        slot = item.spec.slot
        if not slot.fixed:
            continue  # auto slots are placed, and checked, by the planner
        if masthead is not None and slot.top < masthead.lines:
            item.slot.mapping().need("top").fail(
                f"article '{item.spec.id}' starts on line {slot.top}, inside the masthead (lines 0–"
                f"{masthead.lines - 1})", f"start it at top: {masthead.lines} or lower")
        for other in placed[:index]:
            if other.spec.slot.fixed and _overlap(slot, other.spec.slot):
                item.slot.fail(f"the slots of articles '{other.spec.id}' and '{item.spec.id}' overlap",
                               f"move or shrink one of them ('{other.spec.id}' is at {other.slot.where()})")


def _overlap(a: Slot, b: Slot) -> bool:
    """Whether two slots share a column and a body line ('rest' reaches the bottom)."""
    big = 1 << 30
    a_end = a.top + (a.lines if isinstance(a.lines, int) else big)
    b_end = b.top + (b.lines if isinstance(b.lines, int) else big)
    columns = a.column < b.column + b.span and b.column < a.column + a.span
    return columns and a.top < b_end and b.top < a_end
