"""QA diff results: the value types `layout diff` produces and the report reads (no logic beyond them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BoxPt = tuple[float, float, float, float]  # x0, y0, x1, y1 in pt, origin bottom-left
PxBox = tuple[int, int, int, int]  # left, upper, right, lower in pixels

MAX_WORKERS = 2  # pdfium is not thread-safe: pages go to processes, at most one per core


@dataclass(frozen=True)
class Mask:
    """A region to ignore: a box in pt on every page, or a furniture kind looked up in the sidecar."""

    box: BoxPt | None = None
    kind: str = ""


@dataclass(frozen=True, kw_only=True)
class DiffOptions:
    """Settings of one `layout diff` run."""

    dpi: float = 100.0
    move_threshold: float = 0.1  # pt a glyph may move before it counts as moved
    tolerance: int = 32  # per RGB channel (0–255) a pixel may differ before it counts as changed
    masks: tuple[Mask, ...] = ()
    jobs: int = MAX_WORKERS


@dataclass(frozen=True)
class Glyph:
    """One character on a page with its tight box (pt) and the article whose slot holds it."""

    char: str
    box: BoxPt
    article: str = ""  # '' = outside every slot (page furniture)

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the glyph's box: what slots, masks and moves are judged by."""
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


@dataclass(frozen=True, kw_only=True)
class TextChange:
    """Inserted, deleted, changed or moved text in one article; boxes in pt (None on the empty side)."""

    kind: str  # 'insert' | 'delete' | 'change' | 'move'
    article: str
    old_text: str
    new_text: str
    old_box: BoxPt | None
    new_box: BoxPt | None
    shift: tuple[float, float] | None = None  # (dx, dy) pt for 'move'


@dataclass(frozen=True)
class Region:
    """A connected area of changed pixels: its box in pt, pixel count, and the articles it touches."""

    box: BoxPt
    pixels: int
    articles: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class PageImages:
    """Report images of a page, relative to the report folder."""

    old: str | None
    new: str | None
    overlay: str | None
    width: int
    height: int


@dataclass(frozen=True, kw_only=True)
class PageDiff:
    """What changed on one page (status: identical, unchanged, changed, added, removed)."""

    key: str
    status: str
    old_index: int | None
    new_index: int | None
    text: tuple[TextChange, ...] = ()
    regions: tuple[Region, ...] = ()
    changed_pixels: int = 0
    masks: tuple[BoxPt, ...] = ()
    images: PageImages | None = None

    @property
    def changed(self) -> bool:
        """Whether this page counts as a change (exit code 1)."""
        return self.status in ("changed", "added", "removed")


@dataclass(frozen=True, kw_only=True)
class DiffResult:
    """The comparison of two builds, page by page."""

    old: Path
    new: Path
    options: DiffOptions
    pages: tuple[PageDiff, ...]
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """Whether any page changed (exit code 1)."""
        return any(page.changed for page in self.pages)
