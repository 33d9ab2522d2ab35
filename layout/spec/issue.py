"""Issue: the whole issue as read from issue.yaml — typography, print, pages, fonts; frozen, no I/O."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from .grid import GridSpec, Margins
from .placement import ArticleSpec, FitPolicy, StorySpec
from .style import CMYK, TextStyle


@dataclass(frozen=True, kw_only=True)
class Typography:
    """Composition options of the issue (clreq choices), one object for the composer."""

    kinsoku: str = "strict"
    pair_compression: float = 0.5  # em removed from two adjacent full-width marks (2 → 1.5 em)
    latin_spacing: float = 0.25  # em between Han and Latin/digits
    hanging: bool = False
    breaker: str = "total-fit"
    indent: float = 2.0  # first-line indent in 字
    orphan_min: int = 2  # 孤字: characters the last line must hold
    hao_table: str = "clreq"


@dataclass(frozen=True, kw_only=True)
class PrintSpec:
    """What the plant gets: PDF/X flavour, output condition, bleed, marks, ink limit."""

    standard: str = "x-1a"  # or "x-4"
    output_condition: str = "IFRA26"
    registry: str = "http://www.color.org"
    icc_profile: Path | None = None
    bleed: float = 0.0
    marks: bool = False
    ink_limit: float = 240.0


@dataclass(frozen=True, kw_only=True)
class Masthead:
    """报头 on the front page: paper name block occupying the first `lines` body lines."""

    title: str
    lines: int
    subtitle: str = ""
    publisher: str = ""
    registration: str = ""  # 国内统一连续出版物号 CN ...


@dataclass(frozen=True, kw_only=True)
class PageSpec:
    """One page: 版次, 版名, credits, optional masthead, articles."""

    number: int
    section: str
    credits: tuple[tuple[str, str], ...]
    articles: tuple[ArticleSpec, ...]
    where: str
    masthead: Masthead | None = None
    stories: tuple[StorySpec, ...] = ()  # planned by makeup.placer around the articles' fixed slots


@dataclass(frozen=True)
class FontOverride:
    """The manifest replaces a font role/weight with a file (path relative to the manifest)."""

    role: str
    weight: str
    path: Path
    index: int = 0


@dataclass(frozen=True, kw_only=True)
class Issue:
    """A whole issue as read from issue.yaml."""

    id: str
    paper: str
    date: _dt.date
    number: int | None
    total_number: int | None
    edition: str
    page_width: float
    page_height: float
    margins: Margins
    grid: GridSpec
    styles: tuple[TextStyle, ...]
    typography: Typography
    print: PrintSpec
    pages: tuple[PageSpec, ...]
    manifest: Path
    fonts: tuple[FontOverride, ...] = ()
    colors: tuple[tuple[str, CMYK], ...] = ()
    ignore_regions: tuple[tuple[float, float, float, float], ...] = ()  # QA diff masks (pt, PDF coords)
    fit: FitPolicy = FitPolicy()
    revision: int = 1  # 1 for the first version of the pages; a corrected page set is 2, 3 …

    @property
    def root(self) -> Path:
        """The issue folder: article paths are relative to it and may not escape it."""
        return self.manifest.parent

    def style(self, name: str) -> TextStyle:
        """The text style called `name` (the manifest reader guarantees the standard ones exist)."""
        for style in self.styles:
            if style.name == name:
                return style
        raise KeyError(name)
