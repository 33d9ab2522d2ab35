"""Issue: the whole issue as read from issue.yaml — typography, print, pages, fonts; frozen, no I/O."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from .grid import GridSpec, Margins
from .placement import ArticleSpec, FitPolicy, Slot, StorySpec
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
    """报头 on a front page: the paper's name (text or a logo file) and the issue data, in whole rows at the
    top of its columns; the columns it leaves free beside it are the ears (报眼), filled by slots."""

    title: str
    lines: int | None = None  # rows asked for; None: what the content needs (never fewer)
    subtitle: str = ""
    publisher: str = ""
    registration: str = ""  # 国内统一连续出版物号 CN 37-0026
    postal_code: str = ""  # 邮发代号 23-80
    logo: Path | None = None  # the paper's name as a PDF (vector form) or an image, instead of the text
    logo_rows: int | None = None  # rows the logo is high; None: the title's rows
    align: str = "center"  # MASTHEAD_ALIGNS: title centred over the info, or title left with the info beside it
    column: int = 1
    span: int | None = None  # columns it takes; None: all
    where: str = ""  # its YAML location, for messages


@dataclass(frozen=True)
class ColumnRule:
    """A 栏线 the page asks for: in the gutter left of `column`, from row `top` for `lines` rows (it parts
    two headlines side by side, 碰题; it replaces the thin rule between the slots there)."""

    column: int  # 2 … columns: the gutter between column − 1 and column
    top: int  # 0-based row
    lines: int


@dataclass(frozen=True, kw_only=True)
class BoxSpec:
    """A boxed slot of a page that holds no story: a 导读 index, a weather box or an ad (广告)."""

    kind: str  # BOX_KINDS
    id: str
    slot: Slot
    where: str
    title: str = ""  # index and weather: the box's heading (导读, 天气)
    lines: tuple[str, ...] = ()  # weather: its lines of text
    file: Path | None = None  # ad: the supplied PDF or image (absent: a marked placeholder)
    file_name: str = ""  # ad: the file as the manifest names it
    label: str = ""  # ad: who it is for, printed on the placeholder
    entries: int = 0  # index: the stories marked `index:` on later pages (its rows are computed from them)


@dataclass(frozen=True, kw_only=True)
class PageSpec:
    """One page: 版次, 版名, credits, optional masthead, articles."""

    number: int
    section: str
    credits: tuple[tuple[str, str], ...]
    articles: tuple[ArticleSpec, ...]
    where: str
    masthead: Masthead | None = None
    section_front: bool = False  # a section's front page (may carry a masthead though not page 1)
    boxes: tuple[BoxSpec, ...] = ()  # 导读, weather and ad slots
    stories: tuple[StorySpec, ...] = ()  # planned by makeup.placer around the articles' fixed slots
    column_rules: tuple[ColumnRule, ...] = ()  # 栏线 between slots (the planner's against 碰题, or the editor's)


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
    lettered: bool = False  # jump labels name pages with the edition letter (下转第A5版): `jumps: {lettered: true}`

    def page_name(self, number: int) -> str:
        """A page as jump labels name it: '5', or 'A5' when the issue's sections are lettered."""
        return f"{self.edition}{number}" if self.lettered else str(number)

    @property
    def root(self) -> Path:
        """The issue folder: article paths are relative to it and may not escape it."""
        return self.manifest.parent

    @property
    def text_files(self) -> tuple[Path, ...]:
        """Every article file the issue sets: the slotted articles' and the planned stories' (`stories:`)."""
        return tuple(a.file for p in self.pages for a in p.articles) + tuple(s.file for p in self.pages
                                                                             for s in p.stories)

    @property
    def read_files(self) -> tuple[Path, ...]:
        """The other files reading the manifest looks at: photos, font overrides, masthead logos and ads (an
        ad not in yet at the path the manifest names, so its arrival is seen)."""
        photos = [f.file for p in self.pages for a in p.articles for f in a.figures]
        logos = [p.masthead.logo for p in self.pages if p.masthead and p.masthead.logo]
        ads = [b.file or self.root / b.file_name for p in self.pages for b in p.boxes if b.kind == "ad" and b.file_name]
        return tuple(photos + [f.path for f in self.fonts] + logos + ads)

    def style(self, name: str) -> TextStyle:
        """The text style called `name` (the manifest reader guarantees the standard ones exist)."""
        for style in self.styles:
            if style.name == name:
                return style
        raise KeyError(name)
