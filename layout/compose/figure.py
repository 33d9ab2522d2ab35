"""Figure: a planned figure on the page — the photo converted for its box (placed.Image), the caption runs under it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..geometry import PageGrid, Rect, band_baseline
from ..i18n import _
from ..images import PhotoSettings
from ..makeup.figures import CAPTION_GAP
from ..makeup.plan import Figure, Placement
from ..placed import FigureFrame, Image
from ..typeset.story import Setter
from .runs import LineAt, Painted, paint_line


@dataclass(frozen=True)
class Photos:
    """How the build converts photos: the settings (fit and focus come from each figure), the cache folder,
    and the issue folder (photo names in the summary are relative to it)."""

    settings: PhotoSettings = PhotoSettings()
    cache: Path | None = None
    root: Path | None = None


def place_figures(placement: Placement, grid: PageGrid, setter: Setter,
                  photos: Photos) -> tuple[Painted, tuple[FigureFrame, ...]]:
    """Every figure of a placement: its photo as an Image clipped to the photo's cells, its caption runs."""
    painted, frames = Painted(), []
    for figure in placement.figures:
        box = grid.cell_box(figure.photo)
        caption, caption_box = _caption(figure, box, placement, setter)
        painted = painted + Painted(images=(_image(figure, box, placement.id, photos),)) + caption
        frames.append(FigureFrame(box=box, caption=caption_box, file=_name(figure.file, photos.root)))
    return painted, tuple(frames)


def _image(figure: Figure, box: Rect, article: str, photos: Photos) -> Image:
    """The photo converted for its box (cover crop around the figure's focus, or contain); the imaging
    stack (Pillow, NumPy, LittleCMS) is imported here, so a page without photos never loads it."""
    from ..images import convert
    settings = replace(photos.settings, fit=figure.fit, focus=figure.focus)
    printed = convert(figure.file, (box.width, box.height), settings, photos.cache)
    return Image(box=box, data=printed.data, width_px=printed.width_px, height_px=printed.height_px,
                 filter=printed.filter, decode=printed.decode, components=printed.components, article=article,
                 file=_name(figure.file, photos.root), ppi=printed.ppi, max_tac=printed.max_tac,
                 warnings=tuple(_("photo {name}: {warning}").format(name=_name(figure.file, photos.root), warning=w)
                                for w in printed.warnings))


def _caption(figure: Figure, box: Rect, placement: Placement, setter: Setter) -> tuple[Painted, Rect]:
    """Caption lines under the photo at its left edge, the credit flush right on the last line or below it."""
    style = setter.styles["caption"]
    top = box.y0 - CAPTION_GAP
    painted, row = Painted(), 0
    for row, line in enumerate(figure.caption):
        painted = painted + paint_line(line, _at(box.x0, top, row, figure, style, placement))
    if figure.credit is not None:
        row = row if figure.credit_on_last else row + 1
        x = box.x1 - figure.credit.width
        painted = painted + paint_line(figure.credit, _at(x, top, row, figure, style, placement, "credit"))
    return painted, Rect(box.x0, top - (row + 1) * figure.pitch, box.x1, box.y0)


def _at(x: float, top: float, row: int, figure: Figure, style, placement: Placement, kind: str = "caption") -> LineAt:
    """Where caption line `row` goes: its band `pitch` high, `row` bands under the caption's top."""
    baseline = band_baseline(top - row * figure.pitch, figure.pitch, style.size)
    return LineAt(x=x, baseline=baseline, style=style, article=placement.id, kind=kind,
                  column=figure.photo.column)


def _name(path: Path, root: Path | None) -> str:
    """The photo's path relative to the issue folder (as the manifest names it)."""
    if root is not None and Path(path).is_relative_to(root):
        return str(Path(path).relative_to(root))
    return str(path)
