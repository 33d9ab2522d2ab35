"""The uncached conversion: read, crop, check ppi, decode, resample, separate, check ink, encode."""

from __future__ import annotations

from PIL import Image

from .crop import plan
from .encode import Encoded, PrintImage, decode_samples, encode
from ..i18n import _
from .errors import PhotoError
from .resolution import assess, resample
from .separate import InkCheck, OutputProfile, check_ink, ink, separate
from .settings import PhotoSettings
from .source import decode, open_photo

RETRY_QUALITY = 95  # when JPEG ringing lifts the embedded ink over the limit

WHITE = {"L": 255, "RGB": (255, 255, 255), "CMYK": (0, 0, 0, 0)}


def render(data: bytes, name: str, box_pt: tuple[float, float], settings: PhotoSettings,
           out: OutputProfile) -> PrintImage:
    """Convert a photo's bytes into a PrintImage for a box of `box_pt` (width, height in pt)."""
    if not (box_pt[0] > 0 and box_pt[1] > 0):
        raise PhotoError(_("placed size {width} × {height} pt is empty").format(width=f"{box_pt[0]:g}",
                                                                                 height=f"{box_pt[1]:g}"),
                         name, _("give the figure a size"))
    opened = open_photo(data, name, settings.max_pixels)
    crop = plan(opened.size, box_pt, settings.fit, settings.focus)
    resolution = assess(crop, box_pt, settings, name)  # before decoding: a refusal costs no pixels
    source = decode(opened)
    pixels = resample(source.image, crop, resolution, WHITE[source.image.mode])
    separation = separate(pixels, source.icc, out, settings)
    check = ink(separation.image)
    check_ink(check, settings.ink_limit, name)
    encoded, embedded, warnings = encode_checked(separation.image, settings, name)
    return PrintImage(
        width_px=separation.image.size[0], height_px=separation.image.size[1], components=4,
        filter=encoded.filter, data=encoded.data, decode=encoded.decode,
        ppi=round(resolution.ppi_after, 2), source_ppi=round(resolution.ppi_before, 2), max_tac=check.max_tac,
        embedded_max_tac=embedded.max_tac, warnings=resolution.warnings + warnings, source_sha256=source.sha256, profile_sha256=out.sha256,
        separation=separation.method, notes=source.notes + separation.notes)


def encode_checked(image: Image.Image, settings: PhotoSettings, name: str) -> tuple[Encoded, InkCheck, tuple[str, ...]]:
    """Encode, decode back and measure the ink; re-encode at quality 95 if ringing crosses the limit."""
    encoded = encode(image, settings.quality, settings.line_art)
    embedded = ink(decode_samples(encoded, image.size))
    if embedded.max_tac > settings.ink_limit and not settings.line_art and settings.quality < RETRY_QUALITY:
        encoded = encode(image, RETRY_QUALITY, False)
        embedded = ink(decode_samples(encoded, image.size))
    if embedded.max_tac <= settings.ink_limit:
        return encoded, embedded, ()
    return encoded, embedded, (_("JPEG ringing: embedded ink reaches {tac} % at pixel {at}, over the {limit} % "
                                 "limit (separated: within)").format(tac=f"{embedded.max_tac:.1f}", at=embedded.at,
                                                                      limit=f"{settings.ink_limit:g}"),)
