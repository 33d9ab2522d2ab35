"""Tiny worlds for stage tests: an Issue, a page grid and a font book all on the tiny test font."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

from layout.compose.page import Context
from layout.fonts import FaceSource, FontBook, FontTable
from layout.geometry import make_grid
from layout.typeset.config import ComposeConfig
from layout.spec import (ArticleSpec, GridSpec, Issue, Margins, PageSpec, PrintSpec, Slot, TextStyle,
                         Typography)
from layout.article.text import parse_article

STYLE_SIZES = {  # name: (size, align): the tiny font makes a Han exactly `size` pt wide
    "body": (10, "justify"), "runin": (10, "justify"), "dateline": (10, "justify"),
    "label": (10, "left"), "kicker": (15, "center"), "headline": (20, "center"), "deck": (15, "center"),
    "folio": (8, "left"), "masthead": (40, "center"), "masthead_info": (8, "center"), "overset": (10, "left"),
}


def font_book(font_path: Path) -> FontBook:
    """Every role and weight mapped to the tiny font."""
    sources = tuple(FaceSource(role, weight, font_path) for role in ("song", "hei", "kai")
                    for weight in ("regular", "bold"))
    return FontBook(FontTable(sources, ()))


def make_issue(articles: tuple[ArticleSpec, ...], columns: int = 4, rows: int = 40) -> Issue:
    """A page 4 columns of 10 字 (10 pt each, gutter 10 pt) and `rows` rows of 15 pt, margins 20 pt."""
    styles = tuple(TextStyle(n, "song", "regular", s, 15.0 if n == "body" else s, a)
                   for n, (s, a) in STYLE_SIZES.items())
    width = 2 * 20 + columns * 100 + (columns - 1) * 10
    height = 2 * 20 + rows * 15
    page = PageSpec(2, "要闻", (("责任编辑", "王静"),), articles, "pages[0]")
    return Issue("t", "测试日报", datetime.date(2023, 8, 22), 1, 2, "A", width, height,
                 Margins(20, 20, 20, 20), GridSpec(columns, 10, 10, 15), styles, Typography(),
                 PrintSpec(), (page,), Path("/tmp/issue.yaml"))


def make_context(font_path: Path, issue: Issue, texts: dict[str, str]) -> Context:
    """A compose Context with article texts parsed from strings."""
    grid = make_grid(issue.page_width, issue.page_height, issue.margins, issue.grid)
    parsed = {key: parse_article(value, Path(f"{key}.txt")) for key, value in texts.items()}
    return Context(issue, grid, font_book(font_path), ComposeConfig(), parsed)


def article(id_: str, column: int, span: int, top: int, lines: int | None) -> ArticleSpec:
    return ArticleSpec(id_, Path(f"{id_}.txt"), Slot(column, span, top, lines), f"pages[0].articles[{id_}]")


def with_typography(issue: Issue, **changes) -> Issue:
    return replace(issue, typography=replace(issue.typography, **changes))
