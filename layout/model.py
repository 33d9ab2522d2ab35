"""Input model: frozen dataclasses for an issue as the manifest describes it (lengths in pt)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from . import cjk

ALIGNMENTS = ("justify", "left", "center", "right")
KINSOKU_LEVELS = cjk.LEVELS  # clreq prohibition levels, defined with their tables
BREAKERS = ("total-fit", "greedy")
PDFX_STANDARDS = ("x-1a", "x-1a:2003", "x-4")  # PDF/X-1a:2001 (default), PDF/X-1a:2003, PDF/X-4
ROLES = ("song", "hei", "kai", "fangsong")
WEIGHTS = ("light", "regular", "medium", "semibold", "bold", "black")


@dataclass(frozen=True)
class CMYK:
    """A process colour in percent (0–100 per channel)."""

    c: float
    m: float
    y: float
    k: float

    @property
    def total(self) -> float:
        """Total area coverage in percent (C+M+Y+K)."""
        return self.c + self.m + self.y + self.k

    @property
    def is_pure_black(self) -> bool:
        """100 K and nothing else: the colour of body text and thin rules (overprinted)."""
        return self.c == 0 and self.m == 0 and self.y == 0 and self.k == 100


BLACK = CMYK(0, 0, 0, 100)


@dataclass(frozen=True)
class TextStyle:
    """One named text style: font role and weight, size, leading, alignment, colour."""

    name: str
    role: str
    weight: str
    size: float
    leading: float
    align: str = "justify"
    color: CMYK = BLACK
    kinsoku: str | None = None  # overrides Typography.kinsoku for this style


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class PrintSpec:
    """What the plant gets: PDF/X flavour, output condition, bleed, marks, ink limit."""

    standard: str = "x-1a"  # or "x-4"
    output_condition: str = "IFRA26"
    registry: str = "http://www.color.org"
    icc_profile: Path | None = None
    bleed: float = 0.0
    marks: bool = False
    ink_limit: float = 240.0


@dataclass(frozen=True)
class GridSpec:
    """Column grid and baseline grid as the manifest gives them (pt)."""

    columns: int
    gutter: float
    body_size: float
    leading: float
    measure: float | None = None  # column width; None = as wide as whole 字 allow


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True)
class Slot:
    """Where an article sits on the grid: 1-based first column, span, top body line (0-based), height."""

    column: int
    span: int
    top: int
    lines: int | None  # None = 'rest': down to the bottom of the type area


@dataclass(frozen=True)
class ArticleSpec:
    """An article placed on a page: id, article file, slot; `where` is its YAML path for messages."""

    id: str
    file: Path
    slot: Slot
    where: str
    headline_align: str | None = None  # overrides the headline style's alignment
    headline_lines: int | None = None  # 占行 of the headline block; None = computed
    headline_size: float | None = None  # this article's headline size (pt); None = the headline style's


@dataclass(frozen=True)
class Masthead:
    """报头 on the front page: paper name block occupying the first `lines` body lines."""

    title: str
    lines: int
    subtitle: str = ""
    publisher: str = ""
    registration: str = ""  # 国内统一连续出版物号 CN ...


@dataclass(frozen=True)
class PageSpec:
    """One page: 版次, 版名, credits, optional masthead, articles."""

    number: int
    section: str
    credits: tuple[tuple[str, str], ...]
    articles: tuple[ArticleSpec, ...]
    where: str
    masthead: Masthead | None = None


@dataclass(frozen=True)
class FontOverride:
    """The manifest replaces a font role/weight with a file (path relative to the manifest)."""

    role: str
    weight: str
    path: Path
    index: int = 0


@dataclass(frozen=True)
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


# Style names the engine uses; the manifest may override any of them.
STYLE_NAMES = (
    "body", "runin", "dateline", "label", "kicker", "headline", "deck",
    "folio", "masthead", "masthead_info", "overset",
)
