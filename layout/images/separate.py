"""Separation into the output condition's CMYK: ICC (LittleCMS) for colour, K only for greyscale, TAC check."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms

from ..i18n import _
from .errors import PhotoError, PhotoInkError
from .settings import PhotoSettings

DEFAULT_PROFILE = "profiles/newsprint-tr002.icc"
INTENT = {"perceptual": ImageCms.Intent.PERCEPTUAL, "relative": ImageCms.Intent.RELATIVE_COLORIMETRIC,
          "saturation": ImageCms.Intent.SATURATION, "absolute": ImageCms.Intent.ABSOLUTE_COLORIMETRIC}
SPACE_OF_MODE = {"RGB": "RGB", "L": "GRAY", "CMYK": "CMYK"}


@dataclass(frozen=True, eq=False)
class OutputProfile:
    """The CMYK output profile photos are separated into (it is the PDF's DestOutputProfile)."""

    data: bytes
    sha256: str
    description: str
    origin: str  # the file, or 'layout.output:profiles/newsprint-tr002.icc'


@dataclass(frozen=True, eq=False)
class Separation:
    """A CMYK image, how it was made ('icc', 'k-only', 'passthrough', 'icc-cmyk') and the notes."""

    image: Image.Image
    method: str
    source_profile: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class InkCheck:
    """Maximum total area coverage (percent) of an image and the first pixel (x, y) having it."""

    max_tac: float
    at: tuple[int, int]


def output_profile(path: Path | None = None) -> OutputProfile:
    """The plant's profile at `path`, or the packaged default newsprint-tr002.icc."""
    if path is None:
        origin = f"layout.output:{DEFAULT_PROFILE}"
        data = resources.files("layout.output").joinpath(DEFAULT_PROFILE).read_bytes()
    else:
        origin = str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise PhotoError(_("cannot read the output profile: {reason}").format(reason=exc.strerror or exc), origin,
                             _("set the plant's CMYK .icc path, or none for the default newsprint profile")) from None
    info = _profile_info(data, origin)
    return OutputProfile(data, hashlib.sha256(data).hexdigest(), info, origin)


def _profile_info(data: bytes, origin: str) -> str:
    """The description of a CMYK output profile; PhotoError if it is not one."""
    try:
        profile = _profile(data)
    except PhotoError:
        raise PhotoError(_("not a readable ICC profile"), origin,
                         _("give the plant's CMYK output profile (.icc)")) from None
    if profile.profile.xcolor_space.strip() != "CMYK" or profile.profile.device_class.strip() != "prtr":
        raise PhotoError(_("not a CMYK output profile ({space}, {device_class})").format(
            space=profile.profile.xcolor_space.strip(), device_class=profile.profile.device_class.strip()), origin,
            _("give the plant's CMYK output profile"))
    return profile.profile.profile_description or ""


@lru_cache(maxsize=16)
def _profile(data: bytes) -> ImageCms.ImageCmsProfile:
    """A parsed ICC profile (cached by its bytes)."""
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError, TypeError, ValueError) as exc:
        raise PhotoError(_("unreadable ICC profile: {reason}").format(reason=exc)) from None


@lru_cache(maxsize=1)
def _srgb() -> bytes:
    """LittleCMS's built-in sRGB as profile bytes (the assumption for untagged RGB and greys)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@lru_cache(maxsize=32)
def _transform(src: bytes | None, dst: bytes | None, modes: tuple[str, str], intent: str, bpc: bool):
    """A cached LittleCMS transform between two profiles (None = the built-in Lab profile)."""
    flags = ImageCms.Flags.BLACKPOINTCOMPENSATION if bpc else ImageCms.Flags.NONE
    lab = ImageCms.createProfile("LAB")
    return ImageCms.buildTransform(_profile(src) if src else lab, _profile(dst) if dst else lab,
                                   modes[0], modes[1], renderingIntent=INTENT[intent], flags=flags)


def embedded(icc: bytes | None, mode: str) -> tuple[bytes | None, str]:
    """The embedded profile if it is readable and fits the mode, else None with the reason."""
    if not icc:
        return None, ""
    try:
        space = _profile(icc).profile.xcolor_space.strip()
    except PhotoError:
        return None, "embedded ICC profile unreadable: ignored"
    if space != SPACE_OF_MODE[mode]:
        return None, f"embedded {space} ICC profile does not fit a {mode} image: ignored"
    return icc, ""


def describe(icc: bytes) -> str:
    """A profile's description."""
    return _profile(icc).profile.profile_description or "(no description)"


def separate(image: Image.Image, icc: bytes | None, out: OutputProfile, settings: PhotoSettings) -> Separation:
    """The CMYK separation of an L, RGB or CMYK image for the output profile."""
    source, why = embedded(icc, image.mode)
    notes = (why,) if why else ()
    if image.mode == "L":
        curve = k_curve(out.data, source, settings.intent, settings.black_point_compensation, settings.grey_curve)
        return Separation(k_only(image, curve), "k-only", describe(source) if source else "sRGB tone curve", notes)
    if image.mode == "CMYK":
        if source is None or hashlib.sha256(source).hexdigest() == out.sha256:
            return Separation(image, "passthrough", describe(source) if source else out.description, notes)
        done = _convert(image, source, out.data, "CMYK", settings)
        return Separation(done, "icc-cmyk", describe(source), notes)
    done = _convert(image, source or _srgb(), out.data, "RGB", settings)
    return Separation(done, "icc", describe(source) if source else "sRGB (untagged)", notes)


def _convert(image: Image.Image, src: bytes, dst: bytes, mode: str, settings: PhotoSettings) -> Image.Image:
    """Apply a cached ICC transform from `src` to the CMYK `dst`."""
    transform = _transform(src, dst, (mode, "CMYK"), settings.intent, settings.black_point_compensation)
    return ImageCms.applyTransform(image, transform)


def k_only(image: Image.Image, curve: bytes) -> Image.Image:
    """A greyscale image on the K plate only: C = M = Y = 0, K = curve[L]."""
    zero = Image.new("L", image.size, 0)
    return Image.merge("CMYK", (zero, zero, zero, image.point(list(curve))))


@lru_cache(maxsize=16)
def k_curve(out: bytes, source: bytes | None, intent: str, bpc: bool, kind: str = "profile") -> bytes:
    """The 256-entry grey → K table: same relative luminance on the K plate as the grey (BPC-scaled)."""
    if kind == "linear":
        return bytes(255 - v for v in range(256))
    grey_y = _grey_luminance(source)
    k_y = _k_luminance(out)
    black = k_y[-1] if bpc else 0.0
    target = black + (1.0 - black) * grey_y
    ys, inverse = np.unique(k_y, return_inverse=True)
    ks = np.bincount(inverse, weights=np.arange(256)) / np.bincount(inverse)
    k = np.interp(target, ys, ks)
    table = np.clip(np.rint(k), 0, 255).astype(np.uint8)
    table[255], table[0] = 0, 255
    return table.tobytes()


def _k_luminance(out: bytes) -> np.ndarray:
    """Relative luminance Y (paper = 1) of K 0..255 alone, read through the profile's colorimetric table."""
    ramp = Image.frombytes("CMYK", (256, 1), bytes(v for k in range(256) for v in (0, 0, 0, k)))
    lab = ImageCms.applyTransform(ramp, _transform(out, None, ("CMYK", "LAB"), "relative", False))
    y = _l_to_y(np.asarray(lab)[0, :, 0] * (100.0 / 255.0))
    return np.minimum.accumulate(y)  # K never lightens


def _grey_luminance(source: bytes | None) -> np.ndarray:
    """Relative luminance (black 0, white 1) of grey 0..255: its own Gray profile, else the sRGB curve."""
    v = np.arange(256) / 255.0
    if source is None:
        y = np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)
    else:
        ramp = Image.frombytes("L", (256, 1), bytes(range(256)))
        lab = ImageCms.applyTransform(ramp, _transform(source, None, ("L", "LAB"), "relative", False))
        y = _l_to_y(np.asarray(lab)[0, :, 0] * (100.0 / 255.0))
    return (y - y[0]) / (y[-1] - y[0])


def _l_to_y(lightness: np.ndarray) -> np.ndarray:
    """CIE L* → relative luminance Y."""
    f = (lightness + 16.0) / 116.0
    return np.where(f > 6 / 29, f ** 3, 3 * (6 / 29) ** 2 * (f - 4 / 29))


def ink(image: Image.Image) -> InkCheck:
    """The maximum C+M+Y+K of a CMYK image, in percent, and where it occurs."""
    total = np.asarray(image, dtype=np.uint8).sum(axis=2, dtype=np.uint16)
    index = int(np.argmax(total))
    y, x = divmod(index, image.size[0])
    return InkCheck(round(int(total.flat[index]) * 100 / 255, 1), (x, y))


def check_ink(check: InkCheck, limit: float, name: str) -> None:
    """Fail when the maximum total ink exceeds the limit."""
    if check.max_tac > limit:
        raise PhotoInkError(
            _("total ink {tac} % at pixel {at} exceeds the {limit} % limit").format(
                tac=f"{check.max_tac:.1f}", at=check.at, limit=f"{limit:g}"), name,
            _("separate with perceptual or relative colorimetric + BPC into the plant's profile, "
              "or have the CMYK original re-separated for this press"))
