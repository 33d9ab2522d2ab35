"""Placed output: frozen pages of positioned glyph runs, rules and records (pt, PDF coordinates, y up)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .fonts import Face
from .geometry import Rect
from .i18n import _, ngettext
from .makeup.fit import CopyFit
from .spec import CMYK


@dataclass(frozen=True, kw_only=True)
class GlyphRun:
    """Glyphs of one face, size and colour on one baseline; offsets are x of each glyph from `x`."""

    face: Face
    size: float
    color: CMYK
    x: float
    y: float  # baseline
    text: str
    offsets: tuple[float, ...]
    style: str
    article: str = ""  # article id, '' for page furniture (报眉, 报头)
    overprint: bool = True


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A straight rule from (x0, y0) to (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    color: CMYK
    overprint: bool = True


@dataclass(frozen=True)
class Fill:
    """A filled rectangle (e.g. the overset sign, a tint box)."""

    box: Rect
    color: CMYK
    overprint: bool = False


@dataclass(frozen=True, kw_only=True)
class Image:
    """A photo on the page: its box (clipped to it) and the print-ready samples (DeviceCMYK, `filter`)."""

    box: Rect
    data: bytes
    width_px: int
    height_px: int
    filter: str  # 'DCTDecode' | 'FlateDecode'
    decode: tuple[int, ...] | None  # the XObject's /Decode array (Adobe-inverted JPEG: 1 0 1 0 1 0 1 0)
    components: int = 4  # DeviceCMYK
    article: str = ""
    file: str = ""  # the photo's path as the manifest gives it (for the summary)
    ppi: float = 0.0  # at the placed size, as embedded
    max_tac: float = 0.0  # percent, of the separated pixels
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Form:
    """A supplied PDF page (an ad, a logo) placed as a form XObject: the box it is fitted into (scaled to fit,
    centred, clipped), the file, and the part of its page imported (TrimBox, else MediaBox)."""

    box: Rect
    file: Path
    source: Rect
    name: str  # the file as the manifest names it (for the summary)
    article: str = ""  # the ad's id or 'masthead'


@dataclass(frozen=True, kw_only=True)
class FigureFrame:
    """A figure as placed: the photo's box, the caption's box (credit included), the photo file."""

    box: Rect
    caption: Rect
    file: str


@dataclass(frozen=True, kw_only=True)
class LineRecord:
    """A set line as the build knows it, for the summary, the sidecar JSON and QA overlays."""

    article: str
    column: int  # 1-based page column of the line's start
    baseline: float
    x0: float
    x1: float
    text: str
    kind: str  # 'body' | 'headline' | 'kicker' | 'deck' | 'label'
    first: bool
    last: bool
    measure: float
    kinsoku: str = ""
    hang: float = 0.0  # width of a hanging mark past the column edge
    ratio: float = 0.0  # the line's adjustment ratio (< 0: squeezed, 先挤进); not kept in the sidecar


@dataclass(frozen=True, kw_only=True)
class Overset:
    """Text that did not fit a slot: exact counts, never dropped silently."""

    article: str
    page: int
    lines_needed: int
    lines_available: int
    characters_over: int
    where: str = ""  # the slot's manifest location
    slot_rows: int = 0  # the slot's rows, and of them the headline block's (with its air and gap)
    head_rows: int = 0
    unset_paragraphs: int = 0  # the last paragraphs counted, not set (the slot was full): lines_needed is ≈

    @property
    def lines_over(self) -> int:
        return self.lines_needed - self.lines_available

    @property
    def estimated(self) -> bool:
        """Whether lines_needed (and lines_over) are an estimate: the last paragraphs were counted, not set."""
        return self.unset_paragraphs > 0

    def message(self) -> str:
        """The overset in words; a slot left no body line says that its headline block took every row;
        an estimate (paragraphs counted, not set) is marked ≈ and says how many paragraphs it counts."""
        why = ""
        if self.lines_available == 0 and self.head_rows and self.head_rows >= self.slot_rows:
            why = _("the headline block takes all {rows} rows; ").format(rows=self.slot_rows)
        if self.estimated:
            return ngettext(
                "article {article} on page {page}: needs ≈ {needed} lines, slot holds {available} ({why}≈ {over} "
                "lines, {characters} characters over; the last {paragraphs} paragraph counted, not set)",
                "article {article} on page {page}: needs ≈ {needed} lines, slot holds {available} ({why}≈ {over} "
                "lines, {characters} characters over; the last {paragraphs} paragraphs counted, not set)",
                self.unset_paragraphs).format(article=self.article, page=self.page, needed=self.lines_needed,
                                              available=self.lines_available, why=why, over=self.lines_over,
                                              characters=self.characters_over, paragraphs=self.unset_paragraphs)
        return _("article {article} on page {page}: needs {needed} lines, slot holds {available} ({why}{over} lines "
                 "≈ {characters} characters over)").format(article=self.article, page=self.page,
                                                          needed=self.lines_needed, available=self.lines_available,
                                                          why=why, over=self.lines_over,
                                                          characters=self.characters_over)


@dataclass(frozen=True, kw_only=True)
class ArticleFrame:
    """An article's slot on the page and every line set in it."""

    id: str
    slot: Rect
    columns: tuple[Rect, ...]
    lines: tuple[LineRecord, ...]
    overset: Overset | None = None
    fit: CopyFit | None = None  # how the story fits the slot (lines, empty lines per column)
    figures: tuple[FigureFrame, ...] = ()
    part: int = 0  # 0: the whole story; 1 or 2: the part before or after a jump (转版)
    jump_pages: tuple[int, ...] = ()  # a jump's parts: the pages of part 1 and part 2


@dataclass(frozen=True, kw_only=True)
class Page:
    """One finished page: boxes, everything placed on it, and the records QA and the summary read."""

    number: int
    label: str  # edition + page, e.g. 'A02' (file name of the page PDF)
    trim: Rect
    bleed: Rect
    runs: tuple[GlyphRun, ...]
    rules: tuple[Rule, ...]
    fills: tuple[Fill, ...]
    articles: tuple[ArticleFrame, ...]
    column_boxes: tuple[Rect, ...]  # the page grid's columns over the type area
    baselines: tuple[float, ...]  # the baseline grid (y of every body line)
    warnings: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()  # photos, painted under the text
    forms: tuple[Form, ...] = ()  # supplied PDF pages (ads, logo), painted with the photos
    column_rules: tuple[Rule, ...] = ()  # the 栏线 among `rules` (recorded in the sidecar)
