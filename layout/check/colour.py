"""Preflight colour: colour spaces as the rules judge them, and the ink a colour or a CMYK image puts down."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PIL import ImageMath

from .rules import EPS

INK_SAMPLE = 256  # images are box-reduced to about this many pixels a side before summing ink
PROCESS_INKS = {"Cyan": 0, "Magenta": 1, "Yellow": 2, "Black": 3}  # Separation/DeviceN colorant names


@dataclass(frozen=True)
class ColourSpace:  # positional on purpose: the rows of the colour-space table
    """A resolved colour space: the family the rules judge, its PDF kind, a label, its colorants."""

    family: str  # gray cmyk rgb icc lab cal separation devicen pattern unknown
    kind: str  # the PDF name: DeviceCMYK, ICCBased, Indexed, Separation…
    label: str
    n: int  # colour components
    colorants: tuple[str, ...] = ()  # Separation/DeviceN names
    palette_ink: float | None = None  # Indexed on CMYK: the heaviest palette entry, % total ink
    base: ColourSpace | None = None  # uncoloured Pattern: the space of its colour


GRAY = ColourSpace("gray", "DeviceGray", "DeviceGray", 1)
RGB = ColourSpace("rgb", "DeviceRGB", "DeviceRGB", 3)
CMYK = ColourSpace("cmyk", "DeviceCMYK", "DeviceCMYK", 4)
PATTERN = ColourSpace("pattern", "Pattern", "Pattern", 0)
UNKNOWN = ColourSpace("unknown", "unknown", "unknown colour space", 0)
DEVICE_SPACES = {"/DeviceGray": GRAY, "/G": GRAY, "/DeviceRGB": RGB, "/RGB": RGB,
                 "/DeviceCMYK": CMYK, "/CMYK": CMYK, "/Pattern": PATTERN}
ICC_LABELS = {1: "ICCBased gray", 3: "ICCBased RGB", 4: "ICCBased CMYK"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Inks:
    """The ink a colour puts down, each 0–1: process C, M, Y, K and the sum of any spot colorants."""

    c: float
    m: float
    y: float
    k: float
    spot: float = 0.0

    @property
    def total(self) -> float:
        """Total area coverage in % (C+M+Y+K+spot)."""
        return (self.c + self.m + self.y + self.k + self.spot) * 100

    @property
    def channels(self) -> int:
        """How many inks are non-zero."""
        return sum(1 for v in (self.c, self.m, self.y, self.k, self.spot) if v > EPS)

    @property
    def solid_black(self) -> bool:
        """100 % K and nothing else."""
        return self.k >= 1 - EPS and self.c <= EPS and self.m <= EPS and self.y <= EPS and self.spot <= EPS

    @property
    def label(self) -> str:
        """Like 'C40 M30 Y30 K100'."""
        text = f"C{self.c * 100:.0f} M{self.m * 100:.0f} Y{self.y * 100:.0f} K{self.k * 100:.0f}"
        return text + (f" spot {self.spot * 100:.0f}" if self.spot > EPS else "")


BLACK = Inks(c=0.0, m=0.0, y=0.0, k=1.0)


def colour_inks(space: ColourSpace, values: tuple[float, ...]) -> Inks | None:
    """The inks of a colour in `space`, or None where they are not known (RGB, Lab, indexed, patterns)."""
    v = tuple(min(1.0, max(0.0, x)) for x in values)
    if len(v) < space.n or space.n == 0:
        return None
    if space.kind == "DeviceCMYK" or (space.kind == "ICCBased" and space.n == 4):
        return Inks(c=v[0], m=v[1], y=v[2], k=v[3])
    if space.kind in ("DeviceGray", "CalGray") or (space.kind == "ICCBased" and space.n == 1):
        return Inks(c=0.0, m=0.0, y=0.0, k=1.0 - v[0])
    if space.kind in ("Separation", "DeviceN"):
        return _colorant_inks(space.colorants, v)
    return None


def _colorant_inks(names: tuple[str, ...], tints: tuple[float, ...]) -> Inks:
    """Inks of Separation/DeviceN tints: process names map to C/M/Y/K, 'All' to all four, others to spot."""
    process, spot = [0.0, 0.0, 0.0, 0.0], 0.0
    for name, tint in zip(names, tints):
        if name == "All":
            process = [max(p, tint) for p in process]
        elif name in PROCESS_INKS:
            process[PROCESS_INKS[name]] = max(process[PROCESS_INKS[name]], tint)
        elif name != "None":
            spot += tint
    return Inks(c=process[0], m=process[1], y=process[2], k=process[3], spot=spot)


def initial_values(space: ColourSpace) -> tuple[float, ...]:
    """The colour a `cs`/`CS` operator starts with (ISO 32000-1 §8.6.8): black, or full tint."""
    if space.kind == "DeviceCMYK":
        return (0.0, 0.0, 0.0, 1.0)
    if space.kind in ("Separation", "DeviceN"):
        return (1.0,) * space.n
    return (0.0,) * space.n


def sample_ink(image: Any) -> float | None:
    """The heaviest total ink (%) in a CMYK image's samples, box-reduced to about INK_SAMPLE pixels."""
    try:
        pil = image.as_pil_image(apply_mask=False)
    except Exception:  # noqa: BLE001 — any decoder failure means "not measured", reported as such
        return None
    if pil.mode != "CMYK":
        return None
    factor = max(1, max(pil.size) // INK_SAMPLE)
    if factor > 1:
        pil = pil.reduce(factor)
    c, m, y, k = pil.split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k)
    return total.getextrema()[1] * 100 / 255
