"""Effective ppi at the placed size and the policy: warn, refuse, downsample (Lanczos), never upsample."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from .crop import Crop
from .errors import PhotoResolutionError
from ..i18n import _
from .settings import PhotoSettings

PT_PER_INCH = 72.0


@dataclass(frozen=True, kw_only=True)
class Resolution:
    """The resolution before and after, the output canvas in pixels, and the warnings."""

    ppi_before: float
    ppi_after: float
    resampled: bool
    size: tuple[int, int]
    warnings: tuple[str, ...] = ()


def effective_ppi(pixels: tuple[int, int], box_pt: tuple[float, float]) -> float:
    """Pixels per inch at the placed size: the lower of the two axes."""
    return min(pixels[0] * PT_PER_INCH / box_pt[0], pixels[1] * PT_PER_INCH / box_pt[1])


def assess(crop: Crop, box_pt: tuple[float, float], settings: PhotoSettings, name: str = "") -> Resolution:
    """Apply the ppi policy to a crop placed in a box of `box_pt` (width, height in pt)."""
    ppi = effective_ppi((crop.canvas_width, crop.canvas_height), box_pt)
    if ppi < settings.min_ppi:
        raise PhotoResolutionError(
            _("{ppi} ppi at the placed size, below the {minimum} ppi minimum").format(
                ppi=f"{ppi:.0f}", minimum=f"{settings.min_ppi:g}"), name,
            _("use a larger original or place it smaller (at most {size})").format(
                size=_size_at(crop, settings.min_ppi)))
    warnings = ()
    if ppi < settings.warn_ppi:
        warnings = (_("{ppi} ppi at the placed size, below the {wanted} ppi wanted (full size {size})").format(
            ppi=f"{ppi:.0f}", wanted=f"{settings.warn_ppi:g}", size=_size_at(crop, settings.warn_ppi)),)
    if ppi <= settings.max_ppi:
        return Resolution(ppi_before=ppi, ppi_after=ppi, resampled=False,
                          size=(crop.canvas_width, crop.canvas_height), warnings=warnings)
    size = (max(1, round(box_pt[0] / PT_PER_INCH * settings.target_ppi)),
            max(1, round(box_pt[1] / PT_PER_INCH * settings.target_ppi)))
    return Resolution(ppi_before=ppi, ppi_after=effective_ppi(size, box_pt), resampled=True, size=size,
                      warnings=warnings)


def _size_at(crop: Crop, ppi: float) -> str:
    """The placed width × height (mm) at which the crop has `ppi`."""
    return f"{crop.canvas_width / ppi * 25.4:.0f} × {crop.canvas_height / ppi * 25.4:.0f} mm"


def resample(image: Image.Image, crop: Crop, resolution: Resolution, white: int | tuple[int, ...]) -> Image.Image:
    """The crop at the output size: Lanczos when downsampling, letterboxed with `white` for contain."""
    if not crop.letterboxed:
        if not resolution.resampled:
            return image.crop(crop.box) if crop.box != (0, 0, *image.size) else image
        return image.resize(resolution.size, Image.Resampling.LANCZOS, box=crop.box)
    size = resolution.size
    scale = size[0] / crop.canvas_width if resolution.resampled else 1.0
    inner = (min(size[0], max(1, round(crop.width * scale))), min(size[1], max(1, round(crop.height * scale))))
    picture = image.resize(inner, Image.Resampling.LANCZOS, box=crop.box) if resolution.resampled else image
    canvas = Image.new(image.mode, size, white)
    canvas.paste(picture, ((size[0] - inner[0]) // 2, (size[1] - inner[1]) // 2))
    return canvas
