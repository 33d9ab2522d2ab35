"""Pages: a page's 版次, 版名, credits, masthead and articles with their slots; overlaps and bounds checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..i18n import N_, _
from ..spec import ALIGNMENTS, AUTO, REST, ArticleSpec, ColumnRule, Masthead, PageSpec, Slot, StorySpec
from ..geometry import PageGrid
from . import front, kinds
from .figures import FIGURES_KIND, figures
from .jumps import (CONTINUATION_KEYS, JUMP_KEYS, Continuation, continuation_kind, jump_ask, jump_kinds, link,
                    overlap, story_jump)
from .nodes import Value, inside, regular_file

_PAGE_KEYS = ("number", "section", "section_front", "credits", "masthead", "index", "weather", "ads", "articles",
              "stories", "column_rules")
_ARTICLE_KEYS = ("id", "file", "slot", "headline_align", "headline_lines", "headline_size", "deck",
                 "headline_split", "headline_break", "figures", "index") + JUMP_KEYS
_YES, _NO = ("true", "yes", "on"), ("false", "no", "off")
_SLOT_KEYS = ("column", "span", "top", "lines")
_STORY_KEYS = ("id", "file", "priority", "span", "headline_size", "deck", "figures", "jump", "jump_headline")  # docs/planner.md
_RULE_KEYS = ("column", "top", "lines")  # a 栏线: docs/planner.md
_PAGE_REQUIRED, _ARTICLE_REQUIRED, _SLOT_REQUIRED = ("number",), ("id", "file", "slot"), ("column", "span")

# What each key's reader takes (kinds.py), next to the key tuples: `layout schema` is generated from both.
_SLOT_KINDS = {"column": kinds.integer(1, "first column (1 = left)"), "span": kinds.integer(1, "columns (栏) wide"),
               "top": kinds.rows((AUTO,), 0, "first body line (0 = top), or auto"),
               "lines": kinds.rows((REST, AUTO), 1, "body lines deep, or rest / auto")}
_SLOT_KIND = kinds.mapping(_SLOT_KEYS, _SLOT_KINDS, _SLOT_REQUIRED, "where the article goes on the grid")
_ARTICLE_KINDS = {"id": kinds.text("the article's id, unique in the issue"),
                  "file": kinds.text("the article file, relative to the issue folder"),
                  "slot": _SLOT_KIND,
                  "headline_align": kinds.choice(ALIGNMENTS),
                  "headline_lines": kinds.integer(1, "占行 of the headline"),
                  "headline_size": kinds.size("this article's headline size"),
                  "deck": kinds.flag("false: the deck (副题) is not set"),
                  "headline_split": kinds.flag("true: the headline's halves one per line"),
                  "headline_break": kinds.integer(2, "the headline (one line, one half) broken into N lines"),
                  "figures": FIGURES_KIND,
                  "index": kinds.text("true, or the short headline the 导读 lists it under"),
                  **jump_kinds(_SLOT_KIND)}
_STORY_REQUIRED = ("id", "file", "priority")
_STORY_KINDS = {"id": kinds.text("the story's id, unique in the issue"),
                "file": kinds.text("the article file, relative to the issue folder"),
                "priority": kinds.integer(1, "1 = 头条, 2, 3 …"),
                "span": kinds.one_of(kinds.integer(1), kinds.listing(kinds.integer(1), count=2),
                                     description="columns: one number, or [min, max]"),
                "headline_size": kinds.size("this story's headline size"),
                "deck": kinds.flag("false: the deck (副题) is not set; true: never dropped"), "figures": FIGURES_KIND,
                **{k: v for k, v in jump_kinds(_SLOT_KIND).items() if k != "continue"}}
_PAGE_KINDS = {"number": kinds.integer(1, "版次: the page number"), "section": kinds.text("版名, e.g. 要闻"),
               "section_front": kinds.flag("the page fronts a section (叠) and may carry a masthead"),
               "credits": kinds.table(kinds.text(), "责任编辑: 王静 …"),
               **front.page_kinds(_SLOT_KIND),
               "articles": kinds.listing(kinds.one_of(kinds.mapping(_ARTICLE_KEYS, _ARTICLE_KINDS, _ARTICLE_REQUIRED),
                                                      continuation_kind(_SLOT_KIND))),
               "stories": kinds.listing(kinds.mapping(_STORY_KEYS, _STORY_KINDS, _STORY_REQUIRED),
                                        "stories the planner places (docs/planner.md)")}
_RULE_KINDS = {"column": kinds.integer(2, "the gutter left of this column (2 = between columns 1 and 2)"),
               "top": kinds.integer(0, "first row (0 = top)"), "lines": kinds.integer(1, "rows long")}
_PAGE_KINDS["column_rules"] = kinds.listing(kinds.mapping(_RULE_KEYS, _RULE_KINDS, _RULE_KEYS),
                                            "栏线 in gutters, e.g. between two headlines side by side (碰题)")
PAGES_KIND = kinds.listing(kinds.mapping(_PAGE_KEYS, _PAGE_KINDS, _PAGE_REQUIRED), min_items=1)


class PageContext:
    """Accumulator while reading pages: the grid, the issue folder, and the ids and page numbers seen so far."""

    def __init__(self, grid: PageGrid, root: Path, hao_table: str = "clreq", paper: str = "") -> None:
        self.grid, self.root, self.hao_table, self.paper = grid, root, hao_table, paper
        self.article_ids: dict[str, str] = {}  # id → where first used
        self.page_numbers: dict[int, str] = {}
        self.jumps: list = []  # jumps.JumpAsk of every story that jumps, in document order
        self.continuations: list[Continuation] = []  # every `continues:` entry
        self.page = 0  # the number of the page being read


@dataclass(frozen=True)
class _Placed:
    """An article read from the manifest and its slot node (for overlap messages)."""

    spec: ArticleSpec
    slot: Value


def pages(value: Value, ctx: PageContext) -> tuple[PageSpec, ...]:
    """Read `pages:` (at least one)."""
    items = value.items()
    if not items:
        value.fail(_("pages is empty"), _("add at least one page with number, section and articles"))
    return front.count_entries(link(tuple(_page(item, ctx) for item in items), ctx.jumps, ctx.continuations))


def _page(value: Value, ctx: PageContext) -> PageSpec:
    """One page: 版次, 版名, credits, masthead, articles; checks numbers, slots and overlaps."""
    m = value.mapping(_PAGE_KEYS, required=_PAGE_REQUIRED)
    number = m.need("number").integer(low=1, example="2")
    if number in ctx.page_numbers:
        m.need("number").fail(_("page number {number} is used twice (first at {page_numbers})").format(
                                  number=number, page_numbers=ctx.page_numbers[number]),
                              _("give every page its own number (版次)"))
    ctx.page_numbers[number] = m.need("number").where()
    ctx.page = number
    section = m.get("section").text("要闻") if m.get("section") else ""
    section_front = m.get("section_front").flag() if m.get("section_front") else False
    masthead = front.masthead(m.get("masthead"), ctx.grid, ctx.paper, ctx.root)
    if masthead is not None and number != 1 and not section_front:
        m.need("masthead").fail(_("page {number} has a masthead (报头), but only the front page "
                                  "(第1版) carries one").format(number=number),
                                _("remove it, or say section_front: true if this page fronts a section (叠)"))
    articles = m.get("articles").items() if m.get("articles") else []
    placed = [_continuation(item, ctx) if _continues(item) else _article(item, ctx) for item in articles]
    _check_slots(placed, masthead)
    boxes = front.boxes(m.get("index"), m.get("weather"), m.get("ads"), ctx.grid, ctx.root, _slot)
    stories = tuple(_story(item, ctx) for item in (m.get("stories").items() if m.get("stories") else []))
    return PageSpec(number=number, section=section, credits=_credits(m.get("credits")),
                    articles=tuple(p.spec for p in placed), where=value.where(), masthead=masthead,
                    section_front=section_front, boxes=boxes, stories=stories,
                    column_rules=_column_rules(m.get("column_rules"), ctx.grid))


def _column_rules(value: Value | None, grid: PageGrid) -> tuple[ColumnRule, ...]:
    """Read `column_rules:` (栏线 in gutters): each {column, top, lines} inside the grid."""
    out = []
    for item in value.items() if value is not None else []:
        m = item.mapping(_RULE_KEYS, required=_RULE_KEYS)
        column = m.need("column").integer(low=2, example="4")
        top = m.need("top").integer(low=0, example="20")
        lines = m.need("lines").integer(low=1, example="10")
        if column > grid.columns:
            m.need("column").fail(_("column {column}: a 栏线 goes in the gutter left of a column, and the grid has "
                                    "{columns} columns").format(column=column, columns=grid.columns),
                                  _("use a column of 2–{columns}").format(columns=grid.columns))
        if top + lines > grid.rows:
            m.need("lines").fail(_("the 栏线's rows {first}–{last} run past the type area's {rows} body lines").format(
                first=top, last=top + lines - 1, rows=grid.rows),
                _("top + lines must be ≤ {rows}").format(rows=grid.rows))
        out.append(ColumnRule(column, top, lines))
    return tuple(out)


def _credits(value: Value | None) -> tuple[tuple[str, str], ...]:
    """Read `credits:` (责任编辑: 王静, …) as ordered pairs."""
    if value is None:
        return ()
    m = value.mapping()
    return tuple((key, m.need(key).text("王静")) for key in m.values)


def _article(value: Value, ctx: PageContext) -> _Placed:
    """One article: unique id, file inside the issue folder, slot on the grid."""
    m = value.mapping(_ARTICLE_KEYS, required=_ARTICLE_REQUIRED)
    article_id = _unique_id(m.need("id"), ctx)
    path = _article_file(m.need("file"), ctx.root)
    slot = _slot(m.need("slot"), ctx.grid)
    align = m.get("headline_align").choice(ALIGNMENTS) if m.get("headline_align") else None
    lines = m.get("headline_lines").integer(low=1, example="3") if m.get("headline_lines") else None
    size = m.get("headline_size").size(ctx.hao_table) if m.get("headline_size") else None
    spec = ArticleSpec(id=article_id, file=path, slot=slot, where=value.where(), slot_where=m.need("slot").where(),
                       headline_align=align, headline_lines=lines, headline_size=size,
                       deck=m.get("deck").flag() if m.get("deck") else True,
                       headline_split=m.get("headline_split").flag() if m.get("headline_split") else False,
                       headline_break=m.get("headline_break").integer(low=2, example="3") if m.get("headline_break")
                       else 0,
                       figures=figures(m.get("figures"), slot, ctx.root), index=_index(m.get("index")))
    ask = jump_ask(m, article_id, ctx.page, slot, lambda v: _slot(v, ctx.grid))
    if ask is not None:
        ctx.jumps.append(ask)
    return _Placed(spec, m.need("slot"))


def _continues(value: Value) -> bool:
    """Whether an article entry is a continuation (`continues: <id>`) rather than a story."""
    return isinstance(value.node, yaml.MappingNode) and any(k.value == "continues" for k, _ in value.node.value)


def _continuation(value: Value, ctx: PageContext) -> _Placed:
    """A continuation slot: `continues: <id>` (a story on an earlier page with jump: auto) and its slot."""
    m = value.mapping(CONTINUATION_KEYS, required=CONTINUATION_KEYS)
    article_id = m.need("continues").text("lead")
    spec = ArticleSpec(id=article_id, file=Path(), slot=_slot(m.need("slot"), ctx.grid), where=value.where(),
                       slot_where=m.need("slot").where(), part=2)
    ctx.continuations.append(Continuation(spec, ctx.page, m.need("continues")))
    return _Placed(spec, m.need("slot"))


def _index(value: Value | None) -> str | None:
    """An article's `index:` (导读): true lists it under its headline, a text under that short form."""
    if value is None:
        return None
    raw = value.text("true")
    if raw.lower() in _YES + _NO:
        return "" if raw.lower() in _YES else None
    return raw


def _unique_id(value: Value, ctx: PageContext) -> str:
    """An article or story id, unique in the issue."""
    article_id = value.text("lead")
    if article_id in ctx.article_ids:
        value.fail(_("article id '{article_id}' is used twice (first at {article_ids})").format(
                       article_id=article_id, article_ids=ctx.article_ids[article_id]),
                   _("give every article of the issue its own id"))
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
    span = _span_range(m.get("span"), ctx.grid)
    for item in m.get("figures").items() if m.get("figures") else ():
        place = item.mapping().get("place") if isinstance(item.node, yaml.MappingNode) else None
        if place is not None and isinstance(place.node, yaml.ScalarNode) and place.node.value.strip() == "top":
            place.fail(
                _("a planned story's figure goes under its headline (before-body) or at its foot (bottom), not "
                  "above the headline"), _("write place: before-body or place: bottom, or pin the story as an "
                                           "article with a slot"))
    widest = Slot(1, span[1] if span else ctx.grid.columns, 0, REST)  # figures are checked against the widest slot
    found = figures(m.get("figures"), widest, ctx.root)
    ask = story_jump(m, story_id, ctx.page)
    if ask is not None:
        ctx.jumps.append(ask)
    return StorySpec(id=story_id, file=path, priority=priority, where=value.where(), span=span, headline_size=size,
                     figures=found, deck=m.get("deck").flag() if m.get("deck") else None)


def _span_range(value: Value | None, grid: PageGrid) -> tuple[int, int] | None:
    """A story's `span: [min, max]` (or one number: exactly that span), within the grid's columns."""
    if value is None:
        return None
    if isinstance(value.node, yaml.ScalarNode):
        low = high = value.integer(low=1, example="[2, 4]")
    else:
        items = value.items()
        if len(items) != 2:
            value.fail(_("span must be [min, max] (two numbers), not {count} items").format(count=len(items)),
                       _("write e.g. span: [2, 4]"))
        low, high = items[0].integer(low=1, example="2"), items[1].integer(low=1, example="4")
        if low > high:
            value.fail(_("span [{low}, {high}]: the minimum is larger than the maximum").format(low=low, high=high),
                       _("write span: [{high}, {low}]").format(high=high, low=low))
    if high > grid.columns:
        value.fail(_("span up to {high} columns, the grid has {columns}").format(high=high, columns=grid.columns),
                   _("use a maximum ≤ {columns}").format(columns=grid.columns))
    return low, high


def _article_file(value: Value, root: Path) -> Path:
    """The article's file: relative to the issue folder (or absolute), never outside it, a regular file."""
    raw = value.text("articles/01.txt")
    full = inside(value, root, raw, "article file",
                  N_("keep article files inside the issue folder, e.g. articles/01.txt"))
    return regular_file(value, raw, full, "article file",
                        N_("article paths are relative to the issue folder (where issue.yaml is); check the name"))


def _slot(value: Value, grid: PageGrid) -> Slot:
    """A slot on the grid: column and span within the columns, top and lines within the rows (or auto)."""
    m = value.mapping(_SLOT_KEYS, required=_SLOT_REQUIRED)
    column = m.need("column").integer(low=1, example="1")
    span = m.need("span").integer(low=1, example="3")
    top = _rows(m.get("top"), (AUTO,), low=0, example="0 (or auto)")
    lines = _rows(m.get("lines"), (REST, AUTO), low=1, example="24 (or rest, auto)")
    if column > grid.columns:
        m.need("column").fail(_("column {column} is outside the grid of {columns} columns").format(
                                  column=column, columns=grid.columns),
                              _("columns are numbered 1–{columns}").format(columns=grid.columns))
    if column + span - 1 > grid.columns:
        last = column + span - 1
        m.need("span").fail(_("columns {column}–{last} run past the grid's {columns} columns").format(
                                column=column, last=last, columns=grid.columns),
                            _("column + span - 1 must be ≤ {columns}: use span ≤ {value}").format(
                                columns=grid.columns, value=grid.columns - column + 1))
    if isinstance(top, int) and top >= grid.rows:
        m.need("top").fail(_("top line {top} is below the type area ({rows} body lines, "
                             "0–{value})").format(top=top, rows=grid.rows,
                                                  value=grid.rows - 1), _("use top < {rows}").format(rows=grid.rows))
    if isinstance(top, int) and isinstance(lines, int) and top + lines > grid.rows:
        m.need("lines").fail(_("lines {top}–{value} run past the type area's {rows} body lines").format(
                                 top=top, value=top + lines - 1, rows=grid.rows),
                             _("top + lines must be ≤ {rows}: use lines ≤ {value}, or lines: rest").format(
                                 rows=grid.rows, value=grid.rows - top))
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
        if masthead is not None and masthead.lines is not None and slot.top < masthead.lines and \
                masthead.column < slot.column + slot.span and slot.column < masthead.column + masthead.span:
            item.slot.mapping().need("top").fail(
                _("article '{id}' starts on line {top}, inside the masthead (lines 0–{value})").format(
                    id=item.spec.id, top=slot.top, value=masthead.lines - 1),
                _("start it at top: {lines} or lower").format(lines=masthead.lines))
        for other in placed[:index]:
            if other.spec.slot.fixed and overlap(slot, other.spec.slot):
                item.slot.fail(_("the slots of articles '{id}' and '{id2}' overlap").format(
                                   id=other.spec.id, id2=item.spec.id),
                               _("move or shrink one of them ('{id}' is at {where})").format(
                                   id=other.spec.id, where=other.slot.where()))
