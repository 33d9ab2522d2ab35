"""Photo settings: one frozen dataclass for the colour, resolution, fit and encoding policy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import PhotoError
from ..i18n import N_, _

INTENTS = ("perceptual", "relative", "saturation", "absolute")
FITS = ("cover", "contain")
GREY_CURVES = ("profile", "linear")
WHERE = N_("photo settings")


@dataclass(frozen=True, kw_only=True)
class PhotoSettings:
    """How photos are separated, resampled and encoded for the plant."""

    profile: Path | None = None  # the plant's CMYK output profile; None = packaged newsprint-tr002.icc
    intent: str = "perceptual"
    black_point_compensation: bool = True
    grey_curve: str = "profile"  # greyscale → K: 'profile' (the profile's K tone curve) or 'linear' (K = 255 − L)
    ink_limit: float = 240.0  # total area coverage, percent
    warn_ppi: float = 170.0
    min_ppi: float = 100.0
    max_ppi: float = 300.0
    target_ppi: float = 200.0
    quality: int = 85  # JPEG quality of the embedded DCT image
    line_art: bool = False  # True: Flate (lossless) instead of DCT
    fit: str = "cover"
    focus: tuple[float, float] = (0.5, 0.5)  # (fx, fy) in 0..1 of the source, for cover crops
    max_pixels: int = 100_000_000  # refuse sources with more pixels (decompression bound)

    def __post_init__(self) -> None:
        if self.profile is not None and not isinstance(self.profile, Path):
            object.__setattr__(self, "profile", Path(self.profile))
        object.__setattr__(self, "focus", tuple(float(v) for v in self.focus))
        for problem in _problems(self):
            raise PhotoError(problem, _(WHERE), _("see docs/photos.md for the allowed values"))


def _problems(s: PhotoSettings) -> list[str]:
    """Every inconsistency of the settings, as messages."""
    out = []
    if s.intent not in INTENTS:
        out.append(_("intent '{value}' is not one of {choices}").format(value=s.intent, choices=", ".join(INTENTS)))
    if s.grey_curve not in GREY_CURVES:
        out.append(_("grey_curve '{value}' is not one of {choices}").format(value=s.grey_curve,
                                                                          choices=", ".join(GREY_CURVES)))
    if s.fit not in FITS:
        out.append(_("fit '{value}' is not one of {choices}").format(value=s.fit, choices=", ".join(FITS)))
    if len(s.focus) != 2 or not all(0.0 <= v <= 1.0 for v in s.focus):
        out.append(_("focus {value} must be two numbers in 0..1").format(value=s.focus))
    if not 0 < s.min_ppi <= s.warn_ppi <= s.target_ppi <= s.max_ppi:
        out.append(_("ppi policy must satisfy 0 < min_ppi <= warn_ppi <= target_ppi <= max_ppi, got {values}")
                   .format(values=f"{s.min_ppi}/{s.warn_ppi}/{s.target_ppi}/{s.max_ppi}"))
    if not 0 < s.ink_limit <= 400:
        out.append(_("ink_limit {value} must be in (0, 400] percent").format(value=s.ink_limit))
    if not 1 <= s.quality <= 95:
        out.append(_("quality {value} must be in 1..95").format(value=s.quality))
    if s.max_pixels < 1:
        out.append(_("max_pixels {value} must be positive").format(value=s.max_pixels))
    return out
