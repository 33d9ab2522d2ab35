"""Open a photo file: bounded decode, EXIF orientation, alpha onto paper white, 8-bit L, RGB or CMYK."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageOps, UnidentifiedImageError
from PIL import JpegImagePlugin, MpoImagePlugin, PngImagePlugin, TiffImagePlugin  # noqa: F401 (registers FORMATS)

from .errors import PhotoError
from ..i18n import N_, _

FORMATS = ("JPEG", "PNG", "TIFF")  # JPEG includes MPO (camera JPEGs with a multi-picture marker)
ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
ORIENTATION = 0x0112
HINT_FORMAT = N_("supply the photo as JPEG, PNG or TIFF (RGB, greyscale or CMYK, 8 or 16 bit)")


@dataclass(frozen=True, eq=False, kw_only=True)
class Source:
    """A decoded photo: pixels in mode L, RGB or CMYK, its embedded ICC profile and what was done to it."""

    name: str
    image: Image.Image
    icc: bytes | None
    sha256: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Opened:
    """A photo whose header is read and whose pixels are not yet decoded."""

    name: str
    image: Image.Image
    sha256: str
    size: tuple[int, int]  # width, height after EXIF orientation


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a PhotoError naming it."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise PhotoError(_("cannot read photo: {reason}").format(reason=exc.strerror or exc), str(path),
                         _("check the photo's path in the issue")) from None


def open_photo(data: bytes, name: str, max_pixels: int) -> Opened:
    """Read the header only, refusing non-images and more than `max_pixels` pixels."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError:
        raise _too_large(name, None, max_pixels) from None
    except UnidentifiedImageError:
        raise PhotoError(_("not an image, or not JPEG, PNG or TIFF"), name, _(HINT_FORMAT)) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoError(_("unreadable image header: {reason}").format(reason=exc), name,
                         _("re-export the photo")) from None
    width, height = image.size
    if width * height > max_pixels:
        raise _too_large(name, image.size, max_pixels)
    if _orientation(image) in ROTATED:
        width, height = height, width
    return Opened(name, image, hashlib.sha256(data).hexdigest(), (width, height))


def _too_large(name: str, size: tuple[int, int] | None, max_pixels: int) -> PhotoError:
    """The error for a photo over the pixel bound."""
    what = f"{size[0]} × {size[1]} = {size[0] * size[1] / 1e6:.3g} MP" if size else _("far too many pixels")
    return PhotoError(_("photo has {pixels}, more than the {allowed} MP allowed").format(
        pixels=what, allowed=f"{max_pixels / 1e6:g}"), name,
        _("downsample it before use (a full broadsheet page at 300 ppi is about 23 MP)"))


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1 = upright) of an opened image; 1 when unreadable."""
    try:
        return int(image.getexif().get(ORIENTATION, 1))
    except Exception:  # noqa: BLE001 - a broken EXIF block must not stop the photo
        return 1


def decode(opened: Opened) -> Source:
    """Decode the pixels and normalise them to 8-bit L, RGB or CMYK."""
    image, notes = opened.image, []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
            if getattr(image, "n_frames", 1) > 1:
                notes.append(_("first of {count} frames used").format(count=image.n_frames))
            if _orientation(image) != 1:
                notes.append(_("EXIF orientation {orientation} applied").format(orientation=_orientation(image)))
                image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise PhotoError(_("truncated or corrupt image data: {reason}").format(reason=exc), opened.name,
                         _("re-export or re-download the photo")) from None
    icc = opened.image.info.get("icc_profile") or None
    pixels, more = normalise(image, opened.name, opened.image.format or "", "adobe" in opened.image.info)
    return Source(name=opened.name, image=pixels, icc=icc, sha256=opened.sha256, notes=tuple(notes + more))


def normalise(image: Image.Image, name: str, fmt: str = "", adobe: bool = True) -> tuple[Image.Image, list[str]]:
    """Mode L, RGB or CMYK from any supported mode, with the notes of what was done."""
    mode = image.mode
    if mode in ("L", "RGB"):
        return image, []
    if mode == "CMYK":
        return _cmyk(image, fmt, adobe)
    if mode == "1":
        return image.convert("L"), ["bilevel read as greyscale"]
    if mode.startswith("I"):
        return sixteen_to_eight(image), [f"{mode} scaled to 8 bit"]
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        return normalise(image.convert("RGBA" if has_alpha else "RGB"), name)[0], ["palette expanded"]
    if mode in ("LA", "La", "RGBA", "RGBa"):
        return flatten(image), ["alpha flattened onto paper white"]
    if mode in ("RGBX", "YCbCr"):
        return image.convert("RGB"), []
    raise PhotoError(_("unsupported image mode {mode}").format(mode=mode), name, _(HINT_FORMAT))


def _cmyk(image: Image.Image, fmt: str, adobe: bool) -> tuple[Image.Image, list[str]]:
    """CMYK as ink amounts: Pillow inverts every CMYK JPEG (Adobe convention); undo it without APP14."""
    if fmt in ("JPEG", "MPO") and not adobe:
        return ImageChops.invert(image), ["CMYK JPEG without Adobe APP14 marker: read as not inverted"]
    return image, []


def flatten(image: Image.Image) -> Image.Image:
    """Composite an image with alpha onto paper white: L for LA, RGB for RGBA."""
    image = image.convert("LA" if image.mode in ("LA", "La") else "RGBA")
    base = Image.new(image.mode[:-1], image.size, 255 if image.mode == "LA" else (255, 255, 255))
    base.paste(image.convert(base.mode), mask=image.getchannel("A"))
    return base


def sixteen_to_eight(image: Image.Image) -> Image.Image:
    """A 16-bit (I;16*, I) greyscale image as 8-bit L, rounded, 65535 → 255."""
    values = np.asarray(image).astype(np.int64)
    scaled = np.clip((values * 255 + 32767) // 65535, 0, 255)
    return Image.fromarray(scaled.astype(np.uint8), "L")
