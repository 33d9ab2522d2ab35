"""Preflight stage: reads any PDF back and reports, per page, what a newspaper print plant would reject.

Independent of the painter: it knows nothing about our layout and works on any PDF (pikepdf only).
Content streams (page, Form XObjects, tiling patterns) are interpreted with a small graphics-state
machine, so fonts, colours, sizes and widths are judged where they are used, not where they are defined.
What is checked, and how severe each finding is under PDF/X-1a and PDF/X-4, is the RULES table, which
cites its sources: ISO 15930-4 (PDF/X-1a:2003), ISO 15930-7 (PDF/X-4), ISO 32000-1 (PDF 1.7),
ISO 12647-3 (coldset newsprint) and design/PRINT.md. docs/check.md explains every check.
Paint outside the printed area (BleedBox, else TrimBox) — crop and registration marks, slug lines — is
not held to the ink, line-width, small-text, overprint and image-resolution limits.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pikepdf
from PIL import ImageMath

from .errors import LayoutError

ERROR, WARNING = "error", "warning"
STANDARDS = ("x-1a", "x-4")
STANDARD_LABELS = {"x-1a": "PDF/X-1a", "x-4": "PDF/X-4"}
EPS = 1e-3  # colour components and sizes closer than this to a limit count as on it

X1A = "ISO 15930-4 (PDF/X-1a:2003)"
X4 = "ISO 15930-7 (PDF/X-4)"
PDFX = "ISO 15930-4, ISO 15930-7 (PDF/X)"
COLDSET = "ISO 12647-3 (coldset newsprint); PRINT.md"
PDF17 = "ISO 32000-1 (PDF 1.7)"

# Versions a file may declare in GTS_PDFXVersion for each standard (PDF/X-1a:2001 files say
# 'PDF/X-1:2001' plus GTS_PDFXConformance 'PDF/X-1a:2001'), and the newest PDF version each allows.
PDFX_VERSIONS = {"x-1a": ("PDF/X-1:2001", "PDF/X-1a:2001", "PDF/X-1a:2003"), "x-4": ("PDF/X-4", "PDF/X-4p")}
MAX_PDF_VERSION = {"x-1a": "1.4", "x-4": "1.6"}
INFO_KEYS = ("Title", "CreationDate", "ModDate")  # PRINT.md: required in the Info dictionary
MAX_FORM_DEPTH = 12  # nested Form XObjects followed; deeper (or self-referencing) forms are skipped
INK_SAMPLE = 256  # images are box-reduced to about this many pixels a side before summing ink

# The checks in report order, each with what it means when it passes.
CHECKS: dict[str, str] = {
    "syntax": "content streams parse",
    "pdfx-version": "PDF/X version in Info (and XMP), Trapped and Info keys set",
    "output-intent": "GTS_PDFX OutputIntent with an OutputConditionIdentifier",
    "boxes": "TrimBox present, BleedBox ⊇ TrimBox ⊆ MediaBox",
    "fonts": "every font used is embedded",
    "colour-space": "only colour spaces the standard allows",
    "transparency": "no transparency the standard forbids",
    "small-text": "small text in one solid colour",
    "black-overprint": "100 K text overprints",
    "line-width": "stroked lines at least {min_line_width:g} pt",
    "image-resolution": "images at least {min_image_ppi:g} ppi",
    "ink": "total ink at most {ink_limit:g} %",
    "encryption": "not encrypted",
    "javascript": "no JavaScript",
    "annotations": "no annotations inside the TrimBox",
    "lzw": "no LZW-compressed streams",
}


@dataclass(frozen=True)
class Rule:
    """One kind of finding: its check, severity under X-1a and X-4 (None: allowed), message and source.

    The message may use {detail} (what/where), {value} (the measured number), {count} (how many times
    on the page) and {limit} (the CheckOptions field named by `limit`).
    """

    check: str
    x1a: str | None
    x4: str | None
    text: str
    source: str
    worst: str = ""  # "min" or "max": which measured value a repeated finding keeps
    limit: str = ""  # CheckOptions field the message quotes as {limit}

    def severity(self, standard: str) -> str | None:
        """The severity of this finding when checking against `standard`."""
        return self.x1a if standard == "x-1a" else self.x4


RULES: dict[str, Rule] = {
    "unparsable-content": Rule("syntax", ERROR, ERROR, "{detail}", PDF17),
    "no-pdfx-version": Rule("pdfx-version", ERROR, ERROR, "no GTS_PDFXVersion in the Info dictionary", PDFX),
    "wrong-pdfx-version": Rule("pdfx-version", ERROR, ERROR, "{detail}", PDFX),
    "no-pdfx-conformance": Rule("pdfx-version", WARNING, WARNING,
                                "PDF/X-1:2001 without GTS_PDFXConformance (PDF/X-1a:2001)", X1A),
    "no-xmp-pdfx-version": Rule("pdfx-version", WARNING, ERROR,
                                "no pdfxid:GTS_PDFXVersion in the XMP metadata", X4),
    "xmp-version-mismatch": Rule("pdfx-version", ERROR, ERROR, "{detail}", PDFX),
    "pdf-version-too-new": Rule("pdfx-version", WARNING, WARNING, "{detail}", PDFX),
    "bad-trapped": Rule("pdfx-version", ERROR, ERROR, "Info /Trapped must be /True or /False, is {detail}",
                        PDFX),
    "missing-info-key": Rule("pdfx-version", WARNING, WARNING, "Info dictionary has no /{detail}",
                             "PRINT.md (PDF container)"),
    "no-output-intent": Rule("output-intent", ERROR, ERROR, "no OutputIntent with /S /GTS_PDFX", PDFX),
    "no-output-condition": Rule("output-intent", ERROR, ERROR,
                                "the GTS_PDFX OutputIntent has no OutputConditionIdentifier", PDFX),
    "no-output-profile": Rule("output-intent", WARNING, WARNING,
                              "OutputIntent '{detail}' has neither DestOutputProfile nor RegistryName "
                              "(only a registered condition such as IFRA26 may omit the profile)", PDFX),
    "output-profile-not-cmyk": Rule("output-intent", ERROR, None,
                                    "DestOutputProfile has {detail} components, not 4 (CMYK)", X1A),
    "no-trim-box": Rule("boxes", ERROR, ERROR, "no TrimBox or ArtBox", PDFX),
    "trim-and-art-box": Rule("boxes", WARNING, WARNING, "both TrimBox and ArtBox (use one)", PDFX),
    "box-not-nested": Rule("boxes", ERROR, ERROR, "{detail}", PDFX),
    "font-not-embedded": Rule("fonts", ERROR, ERROR, "font {detail} is not embedded", PDFX),
    "rgb-colour": Rule("colour-space", ERROR, ERROR,
                       "{detail} used {count}× (plates are CMYK: convert to CMYK)", PDFX),
    "icc-colour": Rule("colour-space", ERROR, None,
                       "{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)", X1A),
    "lab-colour": Rule("colour-space", ERROR, None,
                       "{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)", X1A),
    "cal-colour": Rule("colour-space", ERROR, None,
                       "{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)", X1A),
    "soft-mask": Rule("transparency", ERROR, None, "soft mask (SMask) in {detail}", X1A),
    "constant-alpha": Rule("transparency", ERROR, None, "constant alpha {value:g} in {detail}", X1A,
                           worst="min"),
    "blend-mode": Rule("transparency", ERROR, None, "blend mode {detail}", X1A),
    "transparency-group": Rule("transparency", ERROR, None, "transparency group on {detail}", X1A),
    "multicolour-small-text": Rule("small-text", ERROR, ERROR,
                                   "text in {detail} below {limit:g} pt: {count} run(s), "
                                   "smallest {value:g} pt", COLDSET, "min", "min_coloured_text"),
    "rich-black-small-text": Rule("small-text", ERROR, ERROR,
                                  "rich black text ({detail}) below {limit:g} pt: {count} run(s), "
                                  "smallest {value:g} pt", COLDSET, "min", "min_coloured_text"),
    "knockout-small-text": Rule("small-text", WARNING, WARNING,
                                "white (knock-out) text below {limit:g} pt: {count} run(s), "
                                "smallest {value:g} pt", COLDSET, "min", "min_coloured_text"),
    "tiny-text": Rule("small-text", WARNING, WARNING,
                      "one-colour text below {limit:g} pt: {count} run(s), smallest {value:g} pt",
                      COLDSET, "min", "min_text"),
    "black-text-knockout": Rule("black-overprint", ERROR, ERROR,
                                "100 K text without overprint (/op true): {count} run(s), "
                                "smallest {value:g} pt", COLDSET, "min"),
    "black-text-opm0": Rule("black-overprint", ERROR, ERROR,
                            "100 K text overprints with OPM 0, so C/M/Y still knock out "
                            "(set /OPM 1): {count} run(s)", f"{PDF17} §8.6.7; PRINT.md"),
    "thin-line": Rule("line-width", ERROR, ERROR,
                      "stroke {value:.2f} pt is below {limit:g} pt ({count}×)", COLDSET, "min",
                      "min_line_width"),
    "low-resolution-image": Rule("image-resolution", WARNING, WARNING,
                                 "image {detail} at {value:.0f} ppi, below {limit:g} ppi", COLDSET, "min",
                                 "min_image_ppi"),
    "vector-ink": Rule("ink", ERROR, ERROR,
                       "{detail} with {value:.0f} % total ink, limit {limit:g} % ({count}×)", COLDSET,
                       "max", "ink_limit"),
    "image-ink": Rule("ink", ERROR, ERROR, "image {detail} reaches {value:.0f} % total ink, limit {limit:g} %",
                      COLDSET, "max", "ink_limit"),
    "image-ink-unknown": Rule("ink", WARNING, WARNING, "ink of image {detail} not measured", COLDSET),
    "encrypted": Rule("encryption", ERROR, ERROR, "the file is encrypted ({detail})", PDFX),
    "javascript": Rule("javascript", ERROR, ERROR, "JavaScript in {detail}", PDFX),
    "annotation-in-trim": Rule("annotations", ERROR, ERROR, "{detail} annotation inside the TrimBox", PDFX),
    "lzw": Rule("lzw", ERROR, ERROR, "{count} LZW-compressed stream(s)", PDFX),
}

# Colour-space families that need a finding (others — DeviceCMYK, DeviceGray, Separation, DeviceN,
# Pattern — are allowed by both standards). ISO 15930-4: X-1a allows CMYK, gray and spot colour only;
# ISO 15930-7: X-4 also allows device-independent colour, but DeviceRGB only with an RGB output intent.
COLOUR_RULES = {"rgb": "rgb-colour", "icc": "icc-colour", "lab": "lab-colour", "cal": "cal-colour"}
NORMAL_BLEND_MODES = ("/Normal", "/Compatible")  # ISO 32000-1 §11.3.5: the only opaque blend modes
PROCESS_INKS = {"Cyan": 0, "Magenta": 1, "Yellow": 2, "Black": 3}  # Separation/DeviceN colorant names


@dataclass(frozen=True)
class CheckOptions:
    """What to check against: the PDF/X flavour (None: from the file's GTS_PDFXVersion) and the limits."""

    standard: str | None = None
    ink_limit: float = 240.0  # % total area coverage (ISO 12647-3 / PRINT.md)
    min_line_width: float = 0.3  # pt (PRINT.md: thinner rules disappear on newsprint)
    min_image_ppi: float = 150.0  # at placed size (PRINT.md: warn below 150)
    min_coloured_text: float = 10.0  # pt: 4-colour, rich black and knock-out text (PRINT.md)
    min_text: float = 6.0  # pt: solid one-colour text (PRINT.md)

    def __post_init__(self) -> None:
        if self.standard is not None and self.standard not in STANDARDS:
            raise LayoutError(f"unknown standard '{self.standard}'", "check options",
                              f"use one of {', '.join(STANDARDS)}")
        if not 0 < self.ink_limit <= 400:
            raise LayoutError(f"ink limit {self.ink_limit:g} % is not between 0 and 400", "check options",
                              "newsprint plants ask for 220–240 %")


class UnusablePdfError(LayoutError):
    """The file cannot be checked at all: missing, not a PDF, damaged, or needs a password to open."""


@dataclass(frozen=True)
class Finding:
    """One problem: which check, how severe, on which page (None: the whole file), why, and the value."""

    check: str
    severity: str
    page: int | None
    message: str
    value: float | str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {"check": self.check, "severity": self.severity, "page": self.page,
                "message": self.message, "value": self.value}


@dataclass(frozen=True)
class PageReport:
    """One page's findings and the numbers measured on it (inside the printed area)."""

    number: int  # 1-based
    findings: tuple[Finding, ...]
    max_ink: float  # % total ink of the heaviest vector paint or image
    min_image_ppi: float | None
    min_line_width: float | None
    colour_spaces: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The page as JSON-ready data."""
        return {"page": self.number, "max_ink": self.max_ink, "min_image_ppi": self.min_image_ppi,
                "min_line_width": self.min_line_width, "colour_spaces": list(self.colour_spaces),
                "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class PreflightReport:
    """The preflight of one file: document-level findings (page None) and one PageReport per page."""

    path: Path
    standard: str
    standard_from: str  # "option", "file" (GTS_PDFXVersion) or "default"
    declared_version: str  # GTS_PDFXVersion from the Info dictionary ('' if none)
    options: CheckOptions
    document: tuple[Finding, ...]
    pages: tuple[PageReport, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: the document's, then each page's."""
        return self.document + tuple(f for page in self.pages for f in page.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that fail the file."""
        return tuple(f for f in self.findings if f.severity == ERROR)

    @property
    def passed(self) -> bool:
        """True when no check failed (warnings allowed)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: per file, per page, a list of findings."""
        return {"file": str(self.path), "standard": self.standard, "standard_from": self.standard_from,
                "declared_version": self.declared_version, "ink_limit": self.options.ink_limit,
                "passed": self.passed, "errors": len(self.errors),
                "warnings": len(self.findings) - len(self.errors),
                "document": [f.to_dict() for f in self.document],
                "pages": [page.to_dict() for page in self.pages]}

    def to_json(self) -> str:
        """The report as a JSON document (stable key order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def as_table(self) -> str:
        """A readable table: one row per check (PASS) or per finding (FAIL/WARN), page and reason."""
        return _table(self)


# ---------------------------------------------------------------------------------------------------
# Small value types: rectangles, matrices, colour


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in default user space (pt), normalised so x0 <= x1, y0 <= y1."""

    x0: float
    y0: float
    x1: float
    y1: float

    def contains(self, other: Rect, tol: float = 0.01) -> bool:
        """True if `other` lies inside this rectangle."""
        return (self.x0 - tol <= other.x0 and self.y0 - tol <= other.y0
                and other.x1 <= self.x1 + tol and other.y1 <= self.y1 + tol)

    def overlaps(self, other: Rect) -> bool:
        """True if the two rectangles share an area (touching edges do not count)."""
        return other.x0 < self.x1 and self.x0 < other.x1 and other.y0 < self.y1 and self.y0 < other.y1

    def __str__(self) -> str:
        return "[" + " ".join(f"{v:g}" for v in (self.x0, self.y0, self.x1, self.y1)) + "]"


def _rect(obj: Any) -> Rect | None:
    """A Rect from a PDF rectangle array, or None if it is not one."""
    try:
        x0, y0, x1, y1 = (float(v) for v in obj)
    except (TypeError, ValueError):
        return None
    return Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(m: tuple, n: tuple) -> tuple:
    """The matrix product m × n (PDF row-vector convention: apply m, then n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _matrix(operands: Any) -> tuple:
    """Six numbers as a matrix (ValueError otherwise: the content stream is malformed)."""
    values = tuple(float(v) for v in operands)
    if len(values) != 6:
        raise ValueError(f"a matrix needs 6 numbers, not {len(values)}")
    return values


def _matrix_or_identity(obj: Any) -> tuple:
    """A /Matrix entry, or the identity when it is absent or malformed."""
    try:
        return _matrix(obj)
    except (TypeError, ValueError):
        return IDENTITY


def _scale(m: tuple) -> float:
    """How much a matrix scales lengths, roughly: the square root of its determinant."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def _bounds(m: tuple, points: tuple) -> Rect:
    """The bounding Rect of (x, y) points mapped through matrix m."""
    xs = [m[0] * x + m[2] * y + m[4] for x, y in points]
    ys = [m[1] * x + m[3] * y + m[5] for x, y in points]
    return Rect(min(xs), min(ys), max(xs), max(ys))


UNIT_SQUARE = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0))


@dataclass(frozen=True)
class ColourSpace:
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


@dataclass(frozen=True, slots=True)
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


BLACK = Inks(0.0, 0.0, 0.0, 1.0)


def _inks(space: ColourSpace, values: tuple[float, ...]) -> Inks | None:
    """The inks of a colour in `space`, or None where they are not known (RGB, Lab, indexed, patterns)."""
    v = tuple(min(1.0, max(0.0, x)) for x in values)
    if len(v) < space.n or space.n == 0:
        return None
    if space.kind == "DeviceCMYK" or (space.kind == "ICCBased" and space.n == 4):
        return Inks(v[0], v[1], v[2], v[3])
    if space.kind in ("DeviceGray", "CalGray") or (space.kind == "ICCBased" and space.n == 1):
        return Inks(0.0, 0.0, 0.0, 1.0 - v[0])
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
    return Inks(process[0], process[1], process[2], process[3], spot)


def _initial_values(space: ColourSpace) -> tuple[float, ...]:
    """The colour a `cs`/`CS` operator starts with (ISO 32000-1 §8.6.8): black, or full tint."""
    if space.kind == "DeviceCMYK":
        return (0.0, 0.0, 0.0, 1.0)
    if space.kind in ("Separation", "DeviceN"):
        return (1.0,) * space.n
    return (0.0,) * space.n


def _numbers(operands: Any) -> tuple[float, ...]:
    """The numeric operands (colour components), skipping a trailing pattern name."""
    return tuple(float(o) for o in operands if isinstance(o, (int, float, Decimal)))


def _name(obj: Any) -> str:
    """A PDF name or string without its slash, for messages."""
    return str(obj).lstrip("/") if obj is not None else "?"


# ---------------------------------------------------------------------------------------------------
# Resources: colour spaces, ExtGStates, XObjects with memoised look-ups


@dataclass(frozen=True)
class Note:
    """A transparency use found in an ExtGState: the kind of finding, what, and a value."""

    kind: str
    detail: str
    value: float | None = None


@dataclass(frozen=True)
class FontInfo:
    """A font selected for painting: its name and whether its program is embedded."""

    name: str
    embedded: bool


@dataclass(frozen=True)
class GsEffect:
    """What one ExtGState changes in the graphics state, and the transparency it brings."""

    fill_overprint: bool | None = None
    stroke_overprint: bool | None = None
    overprint_mode: int | None = None
    line_width: float | None = None
    font_size: float | None = None
    font: FontInfo | None = None
    transparency: tuple[Note, ...] = ()


class Resources:
    """One /Resources dictionary with memoised look-ups of colour spaces and ExtGStates."""

    def __init__(self, obj: Any) -> None:
        self.obj = obj if isinstance(obj, pikepdf.Dictionary) else pikepdf.Dictionary()
        self._spaces: dict[str, ColourSpace] = {}
        self._states: dict[str, GsEffect | None] = {}
        self._fonts: dict[str, FontInfo | None] = {}

    def named(self, category: str, name: Any) -> Any:
        """The resource `name` in `category` (/XObject, /Pattern…), or None."""
        group = self.obj.get(category)
        if not isinstance(group, pikepdf.Dictionary):
            return None
        return group.get(str(name))

    def colour_space(self, spec: Any, depth: int = 0) -> ColourSpace:
        """Resolve a colour space operand, resource name or array (memoised for names)."""
        if isinstance(spec, pikepdf.Name) or isinstance(spec, str):
            key = str(spec)
            if key not in self._spaces:
                self._spaces[key] = self._resolve_name(key, depth)
            return self._spaces[key]
        if isinstance(spec, pikepdf.Array) and len(spec) and depth < 8:
            return self._resolve_array(spec, depth)
        return UNKNOWN

    def _resolve_name(self, key: str, depth: int) -> ColourSpace:
        """A device space by name, or the /ColorSpace resource of that name."""
        if key in DEVICE_SPACES:
            return DEVICE_SPACES[key]
        target = self.named("/ColorSpace", key)
        if target is None or depth >= 8 or (isinstance(target, pikepdf.Name) and str(target) == key):
            return UNKNOWN
        return self.colour_space(target, depth + 1)

    def _resolve_array(self, arr: pikepdf.Array, depth: int) -> ColourSpace:
        """A colour space array: [/ICCBased s], [/Indexed base hival lookup], [/Separation …]…"""
        kind = _name(arr[0])
        if kind == "ICCBased":
            n = int(arr[1].get("/N", 0)) if isinstance(arr[1], pikepdf.Stream) else 0
            return ColourSpace("icc", kind, ICC_LABELS.get(n, f"ICCBased ({n} components)"), n)
        if kind in ("CalRGB", "CalGray", "Lab"):
            return ColourSpace("lab" if kind == "Lab" else "cal", kind, kind, 1 if kind == "CalGray" else 3)
        if kind == "Indexed" and len(arr) >= 4:
            base = self.colour_space(arr[1], depth + 1)
            return ColourSpace(base.family, kind, f"Indexed on {base.label}", 1,
                               palette_ink=_palette_ink(base, arr[3]))
        if kind == "Separation" and len(arr) >= 2:
            return ColourSpace("separation", kind, f"Separation {_name(arr[1])}", 1, (_name(arr[1]),))
        if kind == "DeviceN" and len(arr) >= 2 and isinstance(arr[1], pikepdf.Array):
            names = tuple(_name(n) for n in arr[1])
            return ColourSpace("devicen", kind, f"DeviceN ({', '.join(names)})", len(names), names)
        if kind == "Pattern":
            base = self.colour_space(arr[1], depth + 1) if len(arr) > 1 else None
            return ColourSpace("pattern", kind, "Pattern", base.n if base else 0, base=base)
        return DEVICE_SPACES.get("/" + kind, UNKNOWN)

    def font(self, name: Any) -> FontInfo | None:
        """The /Font resource `name` (memoised), or None if there is none."""
        key = str(name)
        if key not in self._fonts:
            self._fonts[key] = _font_info(self.named("/Font", key))
        return self._fonts[key]

    def ext_gstate(self, name: Any) -> GsEffect | None:
        """The effect of the ExtGState resource `name` (memoised)."""
        key = str(name)
        if key not in self._states:
            gs = self.named("/ExtGState", key)
            self._states[key] = _gs_effect(gs, _name(key)) if isinstance(gs, pikepdf.Dictionary) else None
        return self._states[key]


def _palette_ink(base: ColourSpace, lookup: Any) -> float | None:
    """The heaviest entry of an Indexed palette on CMYK, in % total ink (None for other bases)."""
    if base.kind != "DeviceCMYK":
        return None
    try:
        data = lookup.read_bytes() if isinstance(lookup, pikepdf.Stream) else bytes(lookup)
    except (pikepdf.PdfError, TypeError, ValueError):
        return None
    sums = [sum(data[i:i + 4]) for i in range(0, len(data) - 3, 4)]
    return max(sums) * 100 / 255 if sums else None


def _font_embedded(font: pikepdf.Dictionary) -> bool:
    """True if a font carries its program (Type 3 always does; Type 0 via its descendant)."""
    subtype = font.get("/Subtype")
    if subtype == pikepdf.Name.Type3:
        return True
    if subtype == pikepdf.Name.Type0:
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, pikepdf.Array) or not len(descendants):
            return False
        font = descendants[0]
    descriptor = font.get("/FontDescriptor")
    return isinstance(descriptor, pikepdf.Dictionary) and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _font_info(font: Any) -> FontInfo | None:
    """Name and embedding of a font dictionary (None if it is not one)."""
    if not isinstance(font, pikepdf.Dictionary):
        return None
    return FontInfo(_name(font.get("/BaseFont")), _font_embedded(font))


def _gs_effect(gs: pikepdf.Dictionary, label: str) -> GsEffect:
    """Read an ExtGState: overprint (/OP also sets /op when that is absent), OPM, LW, Font, transparency."""
    stroke_op = bool(gs["/OP"]) if "/OP" in gs else None
    fill_op = bool(gs["/op"]) if "/op" in gs else stroke_op
    font = gs.get("/Font")
    has_font = isinstance(font, pikepdf.Array) and len(font) == 2
    return GsEffect(fill_op, stroke_op, int(gs["/OPM"]) if "/OPM" in gs else None,
                    float(gs["/LW"]) if "/LW" in gs else None, float(font[1]) if has_font else None,
                    _font_info(font[0]) if has_font else None, _gs_transparency(gs, label))


def _gs_transparency(gs: pikepdf.Dictionary, label: str) -> tuple[Note, ...]:
    """The transparency an ExtGState switches on: soft mask, constant alpha < 1, blend mode."""
    notes = []
    smask = gs.get("/SMask")
    if smask is not None and not (isinstance(smask, pikepdf.Name) and str(smask) == "/None"):
        notes.append(Note("soft-mask", f"ExtGState {label}"))
    for key in ("/CA", "/ca"):
        if key in gs and float(gs[key]) < 1 - EPS:
            notes.append(Note("constant-alpha", f"ExtGState {label} ({key[1:]})", float(gs[key])))
    mode = gs.get("/BM")
    if isinstance(mode, pikepdf.Array):
        mode = mode[0] if len(mode) else None
    if mode is not None and str(mode) not in NORMAL_BLEND_MODES:
        notes.append(Note("blend-mode", f"{_name(mode)} (ExtGState {label})"))
    return tuple(notes)


# ---------------------------------------------------------------------------------------------------
# The content-stream interpreter


class Tally:
    """Counts repeated observations of one kind on one page, keeping the worst measured value."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], list] = {}

    def add(self, kind: str, detail: str = "", value: float | None = None, count: int = 1) -> None:
        """Record `count` observations of `kind` (with `detail` and a measured `value`)."""
        entry = self.items.get((kind, detail))
        if entry is None:
            self.items[(kind, detail)] = [count, value]
            return
        entry[0] += count
        worst = RULES[kind].worst
        if value is not None and entry[1] is not None and worst:
            entry[1] = min(entry[1], value) if worst == "min" else max(entry[1], value)


class State:
    """The part of the graphics and text state (ISO 32000-1 §8.4, §9.3) the checks need; copied on q."""

    __slots__ = ("ctm", "fill_space", "fill", "stroke_space", "stroke", "line_width", "fill_overprint",
                 "stroke_overprint", "overprint_mode", "font_size", "render", "leading", "tm", "tlm")

    def __init__(self) -> None:
        self.ctm = IDENTITY
        self.fill_space, self.fill = GRAY, BLACK
        self.stroke_space, self.stroke = GRAY, BLACK
        self.line_width = 1.0
        self.fill_overprint = self.stroke_overprint = False
        self.overprint_mode = 0
        self.font_size, self.render, self.leading = 0.0, 0, 0.0
        self.tm = self.tlm = IDENTITY

    def copy(self) -> State:
        """An independent copy (for q, and around forms and patterns)."""
        other = State.__new__(State)
        for name in State.__slots__:
            setattr(other, name, getattr(self, name))
        return other


@dataclass
class DocumentCache:
    """What is shared by all pages of one file: options, standard, and per-object memos."""

    options: CheckOptions
    standard: str
    image_ink: dict = field(default_factory=dict)  # image objgen → % total ink or None


class Scanner:
    """Interprets one page's content and the forms and patterns it draws, tallying what checks need."""

    def __init__(self, doc: DocumentCache, tally: Tally, area: Rect) -> None:
        self.doc, self.options, self.tally, self.area = doc, doc.options, tally, area
        self.state = State()
        self.stack: list[State] = []
        self.path: list[float] | None = None  # bounds of the current path in page space
        self.res = Resources(None)
        self.active: list[tuple[int, int]] = []  # forms/patterns being run (recursion guard)
        self.patterns_run: set[tuple[int, int]] = set()
        self.max_ink = 0.0
        self.min_ppi: float | None = None
        self.min_line: float | None = None
        self.colour_uses: dict[ColourSpace, int] = {}
        self.handlers = self._handlers()

    def _handlers(self) -> dict[str, Callable[[list], None]]:
        """Operator name → handler; operators not listed do not matter to any check."""
        s = self
        return {
            "q": s._save, "Q": s._restore, "cm": s._concat, "w": s._width, "gs": s._gs,
            "g": lambda o: s._device(GRAY, o, True), "G": lambda o: s._device(GRAY, o, False),
            "rg": lambda o: s._device(RGB, o, True), "RG": lambda o: s._device(RGB, o, False),
            "k": lambda o: s._device(CMYK, o, True), "K": lambda o: s._device(CMYK, o, False),
            "cs": lambda o: s._space(o, True), "CS": lambda o: s._space(o, False),
            "sc": lambda o: s._colour(o, True), "scn": lambda o: s._colour(o, True),
            "SC": lambda o: s._colour(o, False), "SCN": lambda o: s._colour(o, False),
            "m": s._points, "l": s._points, "c": s._points, "v": s._points, "y": s._points,
            "re": s._rectangle, "n": s._end_path,
            "S": lambda o: s._paint(False, True), "s": lambda o: s._paint(False, True),
            "f": lambda o: s._paint(True, False), "F": lambda o: s._paint(True, False),
            "f*": lambda o: s._paint(True, False), "B": lambda o: s._paint(True, True),
            "B*": lambda o: s._paint(True, True), "b": lambda o: s._paint(True, True),
            "b*": lambda o: s._paint(True, True),
            "BT": s._begin_text, "Tf": s._font, "Tm": s._text_matrix, "Td": s._move,
            "TD": s._move_leading, "T*": s._next_line, "TL": s._leading, "Tr": s._render,
            "Tj": s._show, "TJ": s._show, "'": s._next_line_show, '"': s._next_line_show,
            "Do": s._do, "sh": s._shading,
        }

    def run(self, content: Any, resources: Any) -> None:
        """Interpret a page or a content stream with `resources` (restores nesting state afterwards)."""
        try:
            instructions = pikepdf.parse_content_stream(content)
        except (pikepdf.PdfError, TypeError) as exc:
            self.tally.add("unparsable-content", f"content stream cannot be parsed: {_first_line(exc)}")
            return
        saved_res, depth = self.res, len(self.stack)
        self.res = Resources(resources)
        handlers = self.handlers
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                self._inline_image(instruction.iimage)
                continue
            operator = str(instruction.operator)
            handler = handlers.get(operator)
            if handler is not None:
                try:
                    handler(instruction.operands)
                except (IndexError, TypeError, ValueError, ArithmeticError, pikepdf.PdfError):
                    self.tally.add("unparsable-content", f"bad operands for the '{operator}' operator")
        del self.stack[depth:]
        self.res = saved_res

    # graphics state -----------------------------------------------------------------------------

    def _save(self, o: list) -> None:
        """q: push the graphics state."""
        self.stack.append(self.state.copy())

    def _restore(self, o: list) -> None:
        """Q: pop the graphics state (an unbalanced Q is ignored)."""
        if self.stack:
            self.state = self.stack.pop()

    def _concat(self, o: list) -> None:
        """cm: concatenate a matrix to the CTM."""
        self.state.ctm = _mul(_matrix(o), self.state.ctm)

    def _width(self, o: list) -> None:
        """w: line width."""
        self.state.line_width = float(o[0])

    def _gs(self, o: list) -> None:
        """gs: apply an ExtGState; its transparency is tallied where it is set."""
        effect = self.res.ext_gstate(o[0])
        if effect is None:
            return
        for note in effect.transparency:
            self.tally.add(note.kind, note.detail, note.value)
        s = self.state
        if effect.fill_overprint is not None:
            s.fill_overprint = effect.fill_overprint
        if effect.stroke_overprint is not None:
            s.stroke_overprint = effect.stroke_overprint
        if effect.overprint_mode is not None:
            s.overprint_mode = effect.overprint_mode
        if effect.line_width is not None:
            s.line_width = effect.line_width
        if effect.font_size is not None:
            s.font_size = effect.font_size
        if effect.font is not None and not effect.font.embedded:
            self.tally.add("font-not-embedded", effect.font.name)

    # colour -------------------------------------------------------------------------------------

    def _set(self, fill: bool, space: ColourSpace, inks: Inks | None) -> None:
        """Set the fill or stroke colour."""
        if fill:
            self.state.fill_space, self.state.fill = space, inks
        else:
            self.state.stroke_space, self.state.stroke = space, inks

    def _device(self, space: ColourSpace, o: list, fill: bool) -> None:
        """g/G, rg/RG, k/K: a device colour space and its colour in one operator."""
        self._set(fill, space, _inks(space, _numbers(o)))

    def _space(self, o: list, fill: bool) -> None:
        """cs/CS: a colour space, with its initial colour."""
        space = self.res.colour_space(o[0])
        self._set(fill, space, _inks(space, _initial_values(space)))

    def _colour(self, o: list, fill: bool) -> None:
        """sc/scn/SC/SCN: a colour in the current space; a trailing name selects a pattern."""
        space = self.state.fill_space if fill else self.state.stroke_space
        if o and isinstance(o[-1], pikepdf.Name):
            self._pattern(o, space, fill)
        else:
            self._set(fill, space, _inks(space, _numbers(o)))

    def _pattern(self, o: list, space: ColourSpace, fill: bool) -> None:
        """Select a pattern: a shading pattern paints in its shading's space, a tiling one is run."""
        pattern = self.res.named("/Pattern", o[-1])
        if not isinstance(pattern, (pikepdf.Dictionary, pikepdf.Stream)):
            return
        if int(pattern.get("/PatternType", 0)) == 2:
            shading = pattern.get("/Shading")
            inner = self.res.colour_space(shading.get("/ColorSpace")) if shading is not None else UNKNOWN
            self._set(fill, inner, None)
            return
        if int(pattern.get("/PaintType", 1)) == 2 and space.base is not None:
            self._set(fill, space.base, _inks(space.base, _numbers(o)))
            return
        self._set(fill, PATTERN, None)
        if pattern.objgen not in self.patterns_run:
            self.patterns_run.add(pattern.objgen)
            self._nested(pattern, _matrix_or_identity(pattern.get("/Matrix")), replace_ctm=True)

    def _use(self, space: ColourSpace, inks: Inks | None, inside: bool, what: str) -> None:
        """Painting with a colour: count its colour space, measure its ink inside the printed area."""
        self.colour_uses[space] = self.colour_uses.get(space, 0) + 1
        if inside and inks is not None:
            self._ink(inks.total, what)

    def _ink(self, total: float, what: str) -> None:
        """Track the heaviest ink and tally vector paint above the limit."""
        self.max_ink = max(self.max_ink, total)
        if total > self.options.ink_limit + EPS:
            self.tally.add("vector-ink", what, total)

    # paths --------------------------------------------------------------------------------------

    def _extend(self, bounds: Rect) -> None:
        """Grow the current path's bounds."""
        if self.path is None:
            self.path = [bounds.x0, bounds.y0, bounds.x1, bounds.y1]
        else:
            p = self.path
            p[0], p[1] = min(p[0], bounds.x0), min(p[1], bounds.y0)
            p[2], p[3] = max(p[2], bounds.x1), max(p[3], bounds.y1)

    def _points(self, o: list) -> None:
        """m, l, c, v, y: add the points (control points included) to the path bounds."""
        values = _numbers(o)
        points = tuple(zip(values[0::2], values[1::2]))
        if points:
            self._extend(_bounds(self.state.ctm, points))

    def _rectangle(self, o: list) -> None:
        """re: add a rectangle to the path bounds."""
        x, y, w, h = _numbers(o)[:4]
        self._extend(_bounds(self.state.ctm, ((x, y), (x + w, y + h), (x, y + h), (x + w, y))))

    def _end_path(self, o: list) -> None:
        """n: end the path without painting (clipping)."""
        self.path = None

    def _paint(self, fill: bool, stroke: bool) -> None:
        """Fill and/or stroke the current path: colour, ink and line width."""
        path, self.path = self.path, None
        inside = path is None or self.area.overlaps(Rect(*path))
        s = self.state
        if fill:
            self._use(s.fill_space, s.fill, inside, "vector fill")
        if stroke:
            self._use(s.stroke_space, s.stroke, inside, "vector stroke")
            if inside:
                self._line_width(s.line_width * _scale(s.ctm))

    def _line_width(self, width: float) -> None:
        """Track the thinnest stroke and tally those below the limit (0 is the thinnest device line)."""
        self.min_line = width if self.min_line is None else min(self.min_line, width)
        if width < self.options.min_line_width - EPS:
            self.tally.add("thin-line", "", round(width, 3))

    def _shading(self, o: list) -> None:
        """sh: paint a shading; its colour space counts as used."""
        shading = self.res.named("/Shading", o[0])
        if isinstance(shading, (pikepdf.Dictionary, pikepdf.Stream)):
            self._use(self.res.colour_space(shading.get("/ColorSpace")), None, False, "shading")

    # text ---------------------------------------------------------------------------------------

    def _begin_text(self, o: list) -> None:
        """BT: reset the text matrices."""
        self.state.tm = self.state.tlm = IDENTITY

    def _font(self, o: list) -> None:
        """Tf: the font (is it embedded?) and size."""
        self.state.font_size = abs(float(o[1]))
        font = self.res.font(o[0])
        if font is not None and not font.embedded:
            self.tally.add("font-not-embedded", font.name)

    def _text_matrix(self, o: list) -> None:
        """Tm: set the text matrix."""
        self.state.tm = self.state.tlm = _matrix(o)

    def _move(self, o: list) -> None:
        """Td: move to the start of the next line."""
        tx, ty = _numbers(o)[:2]
        self.state.tm = self.state.tlm = _mul((1.0, 0.0, 0.0, 1.0, tx, ty), self.state.tlm)

    def _move_leading(self, o: list) -> None:
        """TD: Td that also sets the leading."""
        self.state.leading = -_numbers(o)[1]
        self._move(o)

    def _next_line(self, o: list) -> None:
        """T*: move down one leading."""
        self._move((0.0, -self.state.leading))

    def _leading(self, o: list) -> None:
        """TL: set the leading."""
        self.state.leading = float(o[0])

    def _render(self, o: list) -> None:
        """Tr: text rendering mode."""
        self.state.render = int(o[0])

    def _next_line_show(self, o: list) -> None:
        """' and ": next line, then show."""
        self._next_line(o)
        self._show(o)

    def _show(self, o: list) -> None:
        """Tj/TJ/'/": text painted at the current size and colour, judged where the run starts."""
        s = self.state
        if s.render in (3, 7):  # invisible (e.g. OCR layers)
            return
        m = _mul(s.tm, s.ctm)
        inside = self.area.x0 <= m[4] <= self.area.x1 and self.area.y0 <= m[5] <= self.area.y1
        fills = s.render in (0, 2, 4, 6)
        if fills:
            self._use(s.fill_space, s.fill, inside, "text")
        if s.render in (1, 2, 5, 6):
            self._use(s.stroke_space, s.stroke, inside, "text outline")
        if inside and fills and s.fill is not None:
            self._text_colour(s.fill, round(s.font_size * _scale(m), 2))

    def _text_colour(self, inks: Inks, size: float) -> None:
        """Small text in several inks, rich black or white; 100 K text that does not overprint."""
        s, o = self.state, self.options
        if inks.solid_black:
            if not s.fill_overprint:
                self.tally.add("black-text-knockout", "", size)
            elif s.overprint_mode != 1 and s.fill_space.kind in ("DeviceCMYK", "ICCBased"):
                self.tally.add("black-text-opm0", "", size)
        channels = inks.channels
        if size < o.min_coloured_text - EPS:
            if channels > 1:
                kind = "rich-black-small-text" if inks.k >= 1 - EPS else "multicolour-small-text"
                self.tally.add(kind, inks.label, size)
            elif channels == 0:
                self.tally.add("knockout-small-text", "", size)
        if channels == 1 and size < o.min_text - EPS:
            self.tally.add("tiny-text", "", size)

    # XObjects and images ------------------------------------------------------------------------

    def _do(self, o: list) -> None:
        """Do: draw an image or run a Form XObject."""
        xobject = self.res.named("/XObject", o[0])
        if not isinstance(xobject, pikepdf.Stream):
            return
        subtype = xobject.get("/Subtype")
        if subtype == pikepdf.Name.Image:
            self._image(xobject, _name(o[0]), xobject.objgen)
        elif subtype == pikepdf.Name.Form:
            group = xobject.get("/Group")
            if isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name.Transparency:
                self.tally.add("transparency-group", f"form {_name(o[0])}")
            self._nested(xobject, _matrix_or_identity(xobject.get("/Matrix")), replace_ctm=False)

    def _nested(self, stream: pikepdf.Stream, matrix: tuple, replace_ctm: bool) -> None:
        """Run a form (matrix × CTM) or a tiling pattern (its own matrix) in a saved graphics state."""
        key = stream.objgen
        if key in self.active or len(self.active) >= MAX_FORM_DEPTH:
            return
        saved, path = self.state.copy(), self.path
        self.state.ctm = matrix if replace_ctm else _mul(matrix, self.state.ctm)
        self.active.append(key)
        resources = stream.get("/Resources")
        self.run(stream, resources if resources is not None else self.res.obj)
        self.active.pop()
        self.state, self.path = saved, path

    def _inline_image(self, image: pikepdf.PdfInlineImage) -> None:
        """BI … ID … EI: an inline image (its LZW filter is a page finding)."""
        if any(f in ("/LZWDecode", "/LZW") for f in image.filters):
            self.tally.add("lzw", "")
        self._image(image.obj, "inline", None, image)

    def _image(self, obj: Any, label: str, key: Any, inline: Any = None) -> None:
        """An image: colour space, soft mask, resolution and ink at its placed size."""
        s = self.state
        inside = self.area.overlaps(_bounds(s.ctm, UNIT_SQUARE))
        if bool(obj.get("/ImageMask", False)):  # a stencil painted in the fill colour
            self._use(s.fill_space, s.fill, inside, "image mask")
            return
        width, height = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
        label = f"{label} ({width}×{height} px)"
        space = self.res.colour_space(obj.get("/ColorSpace")) if "/ColorSpace" in obj else UNKNOWN
        self.colour_uses[space] = self.colour_uses.get(space, 0) + 1
        if "/SMask" in obj or int(obj.get("/SMaskInData", 0)) > 0:
            self.tally.add("soft-mask", f"image {label}")
        if inside:
            self._resolution(width, height, label)
            self._image_ink(obj, space, label, key, inline)

    def _resolution(self, width: int, height: int, label: str) -> None:
        """Effective ppi at the placed size (from the CTM at Do); images under 0.5 pt are ignored."""
        m = self.state.ctm
        placed_w, placed_h = math.hypot(m[0], m[1]), math.hypot(m[2], m[3])
        if placed_w < 0.5 or placed_h < 0.5 or not width or not height:
            return
        ppi = min(width * 72 / placed_w, height * 72 / placed_h)
        self.min_ppi = ppi if self.min_ppi is None else min(self.min_ppi, ppi)
        if ppi < self.options.min_image_ppi - EPS:
            self.tally.add("low-resolution-image", label, round(ppi, 1))

    def _image_ink(self, obj: Any, space: ColourSpace, label: str, key: Any, inline: Any) -> None:
        """Total ink of a CMYK (or Indexed-on-CMYK) image from its samples; others are not measured."""
        if space.kind == "Indexed":
            total = space.palette_ink
        elif space.kind == "DeviceCMYK" or (space.kind == "ICCBased" and space.n == 4):
            if key is not None and key in self.doc.image_ink:
                total = self.doc.image_ink[key]
            else:
                total = _sample_ink(inline if inline is not None else pikepdf.PdfImage(obj))
                if key is not None:
                    self.doc.image_ink[key] = total
        elif space.family in ("gray", "separation"):
            return  # one ink, at most 100 %
        else:
            total = None
        if total is None:
            if space.family not in COLOUR_RULES or RULES[COLOUR_RULES[space.family]].severity(
                    self.doc.standard) is None:
                self.tally.add("image-ink-unknown", f"{label} ({space.label})")
            return
        self.max_ink = max(self.max_ink, total)
        if total > self.options.ink_limit + EPS:
            self.tally.add("image-ink", label, round(total, 1))


def _sample_ink(image: Any) -> float | None:
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


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# ---------------------------------------------------------------------------------------------------
# Document-level checks


def _info_value(pdf: pikepdf.Pdf, key: str) -> str:
    """An Info dictionary entry as text ('' if absent); names lose their slash."""
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary) or key not in info:
        return ""
    value = info[key]
    return _name(value) if isinstance(value, pikepdf.Name) else str(value)


_XMP_VERSION = re.compile(rb"GTS_PDFXVersion\s*(?:=\s*[\"']([^\"']*)[\"']|(?:\s[^>]*)?>([^<]*)<)")


def _xmp_version(pdf: pikepdf.Pdf) -> str | None:
    """pdfxid:GTS_PDFXVersion from the XMP metadata (element or attribute form), or None."""
    meta = pdf.Root.get("/Metadata")
    if not isinstance(meta, pikepdf.Stream):
        return None
    try:
        match = _XMP_VERSION.search(meta.read_bytes())
    except pikepdf.PdfError:
        return None
    if match is None:
        return None
    return (match.group(1) or match.group(2) or b"").decode("utf-8", "replace").strip()


def standard_of(declared: str, options: CheckOptions) -> tuple[str, str]:
    """The standard to check against and where it came from: the option, the file, or the default."""
    if options.standard:
        return options.standard, "option"
    if declared.startswith("PDF/X-4"):
        return "x-4", "file"
    if declared.startswith("PDF/X-1"):
        return "x-1a", "file"
    return "x-1a", "default"


def _check_version(pdf: pikepdf.Pdf, standard: str, tally: Tally) -> None:
    """GTS_PDFXVersion in Info and XMP, agreeing with each other and with the standard; PDF version."""
    declared = _info_value(pdf, "/GTS_PDFXVersion")
    allowed = PDFX_VERSIONS[standard]
    if not declared:
        tally.add("no-pdfx-version")
    elif not declared.startswith(allowed):
        tally.add("wrong-pdfx-version", f"file declares {declared}, checked as {' / '.join(allowed)}")
    elif declared == "PDF/X-1:2001" and not _info_value(pdf, "/GTS_PDFXConformance"):
        tally.add("no-pdfx-conformance")
    xmp = _xmp_version(pdf)
    if xmp is None:
        tally.add("no-xmp-pdfx-version")
    elif declared and xmp != declared:
        tally.add("xmp-version-mismatch", f"XMP says {xmp}, Info says {declared}")
    limit = MAX_PDF_VERSION[standard]
    if tuple(map(int, pdf.pdf_version.split("."))) > tuple(map(int, limit.split("."))):
        tally.add("pdf-version-too-new",
                  f"PDF {pdf.pdf_version} is newer than {STANDARD_LABELS[standard]} allows ({limit})")
    _check_info(pdf, tally)


def _check_info(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Trapped is /True or /False; Title, CreationDate and ModDate are present."""
    trapped = _info_value(pdf, "/Trapped")
    if trapped not in ("True", "False"):
        tally.add("bad-trapped", trapped or "missing")
    for key in INFO_KEYS:
        if not _info_value(pdf, "/" + key):
            tally.add("missing-info-key", key)


def _check_output_intent(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """A /GTS_PDFX OutputIntent with an OutputConditionIdentifier and a CMYK profile (or registry name)."""
    intents = pdf.Root.get("/OutputIntents")
    candidates = [oi for oi in (intents if isinstance(intents, pikepdf.Array) else [])
                  if isinstance(oi, pikepdf.Dictionary) and oi.get("/S") == pikepdf.Name.GTS_PDFX]
    if not candidates:
        tally.add("no-output-intent")
        return
    intent = candidates[0]
    condition = str(intent.get("/OutputConditionIdentifier", "")).strip()
    if not condition:
        tally.add("no-output-condition")
    profile = intent.get("/DestOutputProfile")
    if isinstance(profile, pikepdf.Stream):
        components = int(profile.get("/N", 0))
        if components != 4:
            tally.add("output-profile-not-cmyk", str(components))
    elif "/RegistryName" not in intent:
        tally.add("no-output-profile", condition)


def _is_js_action(action: Any, depth: int = 0) -> bool:
    """True if an action (or one chained by /Next) is JavaScript."""
    if not isinstance(action, pikepdf.Dictionary) or depth > 16:
        return False
    if action.get("/S") == pikepdf.Name.JavaScript or "/JS" in action:
        return True
    chained = action.get("/Next")
    if isinstance(chained, pikepdf.Array):
        return any(_is_js_action(a, depth + 1) for a in chained)
    return _is_js_action(chained, depth + 1)


def _has_js_trigger(aa: Any) -> bool:
    """True if an additional-actions (/AA) dictionary runs JavaScript on any trigger."""
    return isinstance(aa, pikepdf.Dictionary) and any(_is_js_action(aa[k]) for k in aa.keys())


def _check_document_js(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Document JavaScript: /Names /JavaScript, a JavaScript /OpenAction, catalog /AA."""
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        tally.add("javascript", "the document name tree (/Names /JavaScript)")
    if _is_js_action(pdf.Root.get("/OpenAction")):
        tally.add("javascript", "the document OpenAction")
    if _has_js_trigger(pdf.Root.get("/AA")):
        tally.add("javascript", "the document additional actions (/AA)")


def _lzw_streams(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Count streams with an LZWDecode filter anywhere in the file."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        filters = obj.get("/Filter")
        names = [filters] if isinstance(filters, pikepdf.Name) else list(filters or [])
        if any(str(n) in ("/LZWDecode", "/LZW") for n in names):
            tally.add("lzw", "")


def _document_tally(pdf: pikepdf.Pdf, standard: str) -> Tally:
    """The findings about the file as a whole."""
    tally = Tally()
    _check_version(pdf, standard, tally)
    _check_output_intent(pdf, tally)
    if pdf.is_encrypted:
        tally.add("encrypted", f"encryption revision {pdf.encryption.R}, opened without a password")
    _check_document_js(pdf, tally)
    _lzw_streams(pdf, tally)
    return tally


# ---------------------------------------------------------------------------------------------------
# Page-level checks


def _inherited(page: pikepdf.Dictionary, key: str) -> Any:
    """A page attribute, looked up through the /Parent chain (Resources, MediaBox, CropBox)."""
    node, depth = page, 0
    while isinstance(node, pikepdf.Dictionary) and depth < 64:
        if key in node:
            return node[key]
        node, depth = node.get("/Parent"), depth + 1
    return None


@dataclass(frozen=True)
class PageBoxes:
    """A page's trim (TrimBox, else ArtBox, else the crop area) and printed area (BleedBox, else trim)."""

    trim: Rect
    printed: Rect


def _check_boxes(page: pikepdf.Dictionary, tally: Tally) -> PageBoxes:
    """TrimBox or ArtBox present; BleedBox ⊇ TrimBox ⊆ MediaBox."""
    media = _rect(_inherited(page, "/MediaBox")) or Rect(0, 0, 612, 792)
    crop = _rect(_inherited(page, "/CropBox")) or media
    trim_box, art, bleed = (_rect(page.get(key)) for key in ("/TrimBox", "/ArtBox", "/BleedBox"))
    trim = trim_box or art
    if trim is None:
        tally.add("no-trim-box")
    elif trim_box is not None and art is not None:
        tally.add("trim-and-art-box")
    if trim is not None and not media.contains(trim):
        tally.add("box-not-nested", f"TrimBox {trim} is not inside the MediaBox {media}")
    if trim is not None and bleed is not None and not bleed.contains(trim):
        tally.add("box-not-nested", f"BleedBox {bleed} does not contain the TrimBox {trim}")
    return PageBoxes(trim or crop, bleed or trim or crop)


def _check_annotations(page: pikepdf.Dictionary, trim: Rect, tally: Tally) -> None:
    """Annotations (except printer's marks) inside the trim; JavaScript in annotation and page actions."""
    if _has_js_trigger(page.get("/AA")):
        tally.add("javascript", "the page additional actions (/AA)")
    annots = page.get("/Annots")
    for annot in annots if isinstance(annots, pikepdf.Array) else []:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        subtype = _name(annot.get("/Subtype"))
        if _is_js_action(annot.get("/A")) or _has_js_trigger(annot.get("/AA")):
            tally.add("javascript", f"a {subtype} annotation action")
        rect = _rect(annot.get("/Rect"))
        if subtype != "PrinterMark" and rect is not None and trim.overlaps(rect):
            tally.add("annotation-in-trim", subtype)


def _colour_findings(uses: dict[ColourSpace, int], tally: Tally) -> None:
    """Tally the colour spaces painted with that a rule forbids, with how often."""
    for space, count in uses.items():
        kind = COLOUR_RULES.get(space.family)
        if kind:
            tally.add(kind, space.label, count=count)


def _check_page(doc: DocumentCache, number: int, page: pikepdf.Dictionary) -> PageReport:
    """All page-level checks: boxes, annotations, and the content interpreted (fonts, colour, …)."""
    tally = Tally()
    boxes = _check_boxes(page, tally)
    resources = _inherited(page, "/Resources")
    _check_annotations(page, boxes.trim, tally)
    group = page.get("/Group")
    if isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name.Transparency:
        tally.add("transparency-group", "the page")
    scanner = Scanner(doc, tally, boxes.printed)
    if "/Contents" in page:
        scanner.run(page, resources)
    _colour_findings(scanner.colour_uses, tally)
    spaces = tuple(sorted({space.label for space in scanner.colour_uses}))
    return PageReport(number, _findings(tally, number, doc), round(scanner.max_ink, 1),
                      None if scanner.min_ppi is None else round(scanner.min_ppi, 1),
                      None if scanner.min_line is None else round(scanner.min_line, 3), spaces)


# ---------------------------------------------------------------------------------------------------
# Findings, report, entry point


def _findings(tally: Tally, page: int | None, doc: DocumentCache) -> tuple[Finding, ...]:
    """Turn a tally into findings with messages, dropping what the standard allows; in check order."""
    order = {name: index for index, name in enumerate(CHECKS)}
    out = []
    for (kind, detail), (count, value) in tally.items.items():
        rule = RULES[kind]
        severity = rule.severity(doc.standard)
        if severity is None:
            continue
        limit = getattr(doc.options, rule.limit) if rule.limit else 0
        message = rule.text.format(detail=detail, value=value if value is not None else 0, count=count,
                                   limit=limit)
        out.append(Finding(rule.check, severity, page, message, value if value is not None else detail or None))
    return tuple(sorted(out, key=lambda f: (order[f.check], f.severity != ERROR, f.message)))


def _open(path: Path) -> pikepdf.Pdf:
    """Open a PDF, or raise UnusablePdfError saying why it cannot be checked."""
    where = str(path)
    if not path.exists():
        raise UnusablePdfError("no such file", where)
    if not path.is_file():
        raise UnusablePdfError("not a file", where)
    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            raise UnusablePdfError("not a PDF (no %PDF- header)", where)
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise UnusablePdfError("encrypted: needs a password to open", where) from None
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise UnusablePdfError(f"cannot be read as PDF: {_first_line(exc)}", where) from None
    if len(pdf.pages) == 0:
        pdf.close()
        raise UnusablePdfError("has no pages", where)
    return pdf


def preflight(path: Path, options: CheckOptions = CheckOptions()) -> PreflightReport:
    """Check one PDF against the print requirements; raises UnusablePdfError if it cannot be read."""
    path = Path(path)
    with _open(path) as pdf:
        try:
            declared = _info_value(pdf, "/GTS_PDFXVersion")
            standard, source = standard_of(declared, options)
            doc = DocumentCache(options, standard)
            document = _findings(_document_tally(pdf, standard), None, doc)
            pages = tuple(_check_page(doc, number, page.obj) for number, page in enumerate(pdf.pages, 1))
        except (pikepdf.PdfError, TypeError, ValueError, KeyError, AttributeError) as exc:
            # an object of the wrong type where the PDF standard requires another one
            raise UnusablePdfError(f"damaged beyond checking: {_first_line(exc)}", str(path)) from None
    return PreflightReport(path, standard, source, declared, options, document, pages)


def _table(report: PreflightReport) -> str:
    """The readable report: a header, a row per passed check or per distinct finding, the verdict."""
    o = report.options
    origin = {"option": "from --standard", "file": f"declared {report.declared_version}",
              "default": "default: the file declares no PDF/X version"}[report.standard_from]
    lines = [f"{report.path}: {STANDARD_LABELS[report.standard]} ({origin}), ink limit {o.ink_limit:g} %, "
             f"{len(report.pages)} page(s)",
             f"  {'RESULT':<6}  {'CHECK':<16}  {'PAGES':<8}  REASON"]
    rows: dict[str, dict[tuple[str, str], list[int | None]]] = {}
    for f in report.findings:  # the same finding on several pages becomes one row
        rows.setdefault(f.check, {}).setdefault((f.severity, f.message), []).append(f.page)
    for check, passed_text in CHECKS.items():
        if check not in rows:
            lines.append(f"  {'PASS':<6}  {check:<16}  {'-':<8}  {passed_text.format(**vars(o))}")
        for (severity, message), pages in rows.get(check, {}).items():
            result = "FAIL" if severity == ERROR else "WARN"
            lines.append(f"  {result:<6}  {check:<16}  {_page_ranges(pages):<8}  {message}")
    errors, warnings = len(report.errors), len(report.findings) - len(report.errors)
    verdict = "PASSED" if report.passed else "FAILED"
    lines.append(f"  {verdict}: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def _page_ranges(pages: list[int | None]) -> str:
    """Page numbers as ranges, like '1-3,7'; '-' for the whole document."""
    numbers = sorted(p for p in pages if p is not None)
    if not numbers:
        return "-"
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
