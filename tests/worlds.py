"""Tiny worlds for stage tests: an Issue, a page grid and a font book all on the tiny test font."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path

from layout.compose.page import Context, compose_page
from layout.fonts import FaceSource, FontBook, FontTable
from layout.geometry import make_grid
from layout.typeset.config import ComposeConfig
from layout.spec import (REST, ArticleSpec, GridSpec, Issue, Margins, PageSpec, PrintSpec, Slot, TextStyle,
                         Typography)
from layout.article.text import parse_article
from layout.makeup.fixed import plan_page
from layout.makeup.plan import PagePlan
from layout.placed import Page
from layout.typeset.story import Setter, StoryCache

STYLE_SIZES = {  # name: (size, align): the tiny font makes a Han exactly `size` pt wide
    "body": (10, "justify"), "runin": (10, "justify"), "dateline": (10, "justify"),
    "label": (10, "left"), "kicker": (15, "center"), "headline": (20, "center"), "deck": (15, "center"),
    "folio": (8, "left"), "page_number": (10, "left"), "masthead": (40, "center"), "masthead_info": (8, "center"), "overset": (10, "left"),
    "jump_label": (10, "right"), "jump_headline": (15, "center"),
    "box_title": (10, "left"), "box": (8, "left"),
}


def font_book(font_path: Path) -> FontBook:
    """Every role and weight mapped to the tiny font."""
    sources = tuple(FaceSource(role=role, weight=weight, file=font_path) for role in ("song", "hei", "kai")
                    for weight in ("regular", "bold"))
    return FontBook(FontTable(sources, ()))


def make_issue(articles: tuple[ArticleSpec, ...], columns: int = 4, rows: int = 40) -> Issue:
    """A page 4 columns of 10 字 (10 pt each, gutter 10 pt) and `rows` rows of 15 pt, margins 20 pt."""
    styles = tuple(TextStyle(name=n, role="song", weight="regular", size=s, leading=15.0 if n == "body" else s,
                             align=a) for n, (s, a) in STYLE_SIZES.items())
    width = 2 * 20 + columns * 100 + (columns - 1) * 10
    height = 2 * 20 + rows * 15
    page = PageSpec(number=2, section="要闻", credits=(("责任编辑", "王静"),), articles=articles, where="pages[0]")
    return Issue(id="t", paper="测试日报", date=datetime.date(2023, 8, 22), number=1, total_number=2, edition="A",
                 page_width=width, page_height=height, margins=Margins(20, 20, 20, 20),
                 grid=GridSpec(columns=columns, gutter=10, body_size=10, leading=15), styles=styles,
                 typography=Typography(), print=PrintSpec(), pages=(page,), manifest=Path("/tmp/issue.yaml"))


@dataclass(frozen=True)
class World:
    """A compose Context and the story cache over article texts parsed from strings."""

    ctx: Context
    desk: StoryCache

    @property
    def grid(self):
        return self.ctx.grid

    @property
    def setter(self) -> Setter:
        return self.ctx.setter

    def plan(self, page: PageSpec) -> PagePlan:
        """The fixed planner's plan of `page`."""
        return plan_page(page, self.ctx.grid, self.ctx.issue.edition, self.desk, self.ctx.issue.fit)

    def compose(self, page: PageSpec) -> Page:
        """Plan, set and compose `page` as the build does."""
        plan = self.plan(page)
        stories = {p.story: self.desk.story(p.story, p.shape, p.loosen, p.budget) for p in plan.placements}
        return compose_page(plan, stories, self.ctx)


def make_world(font_path: Path, issue: Issue, texts: dict[str, str]) -> World:
    """A World on the tiny font with article texts parsed from strings."""
    grid = make_grid(issue.page_width, issue.page_height, issue.margins, issue.grid)
    parsed = {key: parse_article(value, Path(f"{key}.txt")) for key, value in texts.items()}
    setter = Setter.of(issue.styles, font_book(font_path), ComposeConfig.from_typography(issue.typography),
                       grid.leading)
    return World(Context(issue=issue, grid=grid, setter=setter), StoryCache(parsed, setter))


def article(id_: str, column: int, span: int, top: int | str, lines: int | str | None) -> ArticleSpec:
    """An article in a slot (lines None: rest)."""
    return ArticleSpec(id=id_, file=Path(f"{id_}.txt"), slot=Slot(column, span, top, REST if lines is None else lines),
                       where=f"pages[0].articles[{id_}]", slot_where=f"pages[0].articles[{id_}].slot")


def with_typography(issue: Issue, **changes) -> Issue:
    return replace(issue, typography=replace(issue.typography, **changes))


MANIFEST = """\
issue:
  id: tiny
  paper: 测试日报
  date: {date}
format: {{width: 480pt, height: 400pt}}
margins: {{top: 40, right: 20, bottom: 20, left: 20}}
grid: {{columns: 4, gutter: 10pt, body: 10pt, leading: 15pt}}
fonts:
{fonts}
pages:
  - number: 3
    section: 要闻
    articles:
      - id: a
        file: {file}
        slot: {{column: 1, span: 2, top: 0, lines: {lines}}}
      - id: b
        file: b.txt
        slot: {{column: 3, span: 2, top: 0, lines: rest}}
"""


def manifest_text(font: Path, date: str = "2024-01-05", file: str = "a.txt", lines: int = 20) -> str:
    """A good tiny manifest on the tiny font: page 3, 4 columns; article a (`file`) in `lines` rows, b beside it."""
    fonts = "\n".join(f"  - {{role: {r}, weight: {w}, file: {font}}}"
                      for r in ("song", "hei", "kai") for w in ("regular", "bold"))
    return MANIFEST.format(fonts=fonts, date=date, file=file, lines=lines)


def write_issue(folder: Path, font: Path, lines: int = 20) -> Path:
    """The tiny issue (manifest_text) with its two article files written into `folder`."""
    (folder / "a.txt").write_text("headline: 标题\n\n" + "正文内容，" * 30 + "。\n", encoding="utf-8")
    (folder / "b.txt").write_text("headline: 另一篇\n\n短文。\n", encoding="utf-8")
    path = folder / "issue.yaml"
    path.write_text(manifest_text(font, lines=lines), encoding="utf-8")
    return path


def fake_cmyk_profile(path: Path) -> Path:
    """A structurally valid ICC header for a CMYK output ('prtr') profile (enough for embedding)."""
    header = bytearray(132)
    header[0:4] = (132).to_bytes(4, "big")
    header[8:12] = bytes([4, 0x20, 0, 0])
    header[12:16], header[16:20], header[20:24], header[36:40] = b"prtr", b"CMYK", b"Lab ", b"acsp"
    path.write_bytes(bytes(header))
    return path
