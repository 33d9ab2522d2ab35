"""Preflight resources: colour spaces, fonts and ExtGStates looked up (memoised) in a /Resources dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pikepdf

from ..i18n import _
from .colour import DEVICE_SPACES, ICC_LABELS, UNKNOWN, ColourSpace
from .rules import EPS, NORMAL_BLEND_MODES, PRIMARY_COLORANTS
from .streams import decoded_size
from .values import name_of

MAX_PALETTE = 256 * 32  # bytes: 256 entries of up to 32 components


@dataclass(frozen=True)
class Note:
    """A finding an ExtGState brings where it is set (transparency, transfer, halftone): kind, what, value."""

    kind: str
    detail: str
    value: float | None = None


@dataclass(frozen=True)
class FontInfo:
    """A font selected for painting: its name and whether its program is embedded."""

    name: str
    embedded: bool


@dataclass(frozen=True, kw_only=True)
class GsEffect:
    """What one ExtGState changes in the graphics state, and the transparency it brings."""

    fill_overprint: bool | None = None
    stroke_overprint: bool | None = None
    overprint_mode: int | None = None
    line_width: float | None = None
    font_size: float | None = None
    font: FontInfo | None = None
    notes: tuple[Note, ...] = ()  # transparency, transfer functions and halftones it sets


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
        kind = name_of(arr[0])
        if kind == "ICCBased":
            n = int(arr[1].get("/N", 0)) if isinstance(arr[1], pikepdf.Stream) else 0
            return ColourSpace(family="icc", kind=kind, label=ICC_LABELS.get(n, f"ICCBased ({n} components)"), n=n)
        if kind in ("CalRGB", "CalGray", "Lab"):
            return ColourSpace(family="lab" if kind == "Lab" else "cal", kind=kind, label=kind,
                               n=1 if kind == "CalGray" else 3)
        if kind == "Indexed" and len(arr) >= 4:
            base = self.colour_space(arr[1], depth + 1)
            return ColourSpace(family=base.family, kind=kind, label=f"Indexed on {base.label}", n=1,
                               palette_ink=_palette_ink(base, arr[3]))
        if kind == "Separation" and len(arr) >= 2:
            return ColourSpace(family="separation", kind=kind, label=f"Separation {name_of(arr[1])}", n=1,
                               colorants=(name_of(arr[1]),))
        if kind == "DeviceN" and len(arr) >= 2 and isinstance(arr[1], pikepdf.Array):
            names = tuple(name_of(n) for n in arr[1])
            return ColourSpace(family="devicen", kind=kind, label=f"DeviceN ({', '.join(names)})", n=len(names),
                               colorants=names)
        if kind == "Pattern":
            base = self.colour_space(arr[1], depth + 1) if len(arr) > 1 else None
            return ColourSpace(family="pattern", kind=kind, label="Pattern", n=base.n if base else 0, base=base)
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
            self._states[key] = _gs_effect(gs, name_of(key)) if isinstance(gs, pikepdf.Dictionary) else None
        return self._states[key]


def _palette_ink(base: ColourSpace, lookup: Any) -> float | None:
    """The heaviest entry of an Indexed palette on CMYK, in % total ink (None for other bases)."""
    if base.kind != "DeviceCMYK":
        return None
    if isinstance(lookup, pikepdf.Stream) and (decoded_size(lookup, MAX_PALETTE) or 0) > MAX_PALETTE:
        return None  # a palette has at most 256 entries: this one is damaged or a bomb
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
    return FontInfo(name_of(font.get("/BaseFont")), _font_embedded(font))


def _gs_effect(gs: pikepdf.Dictionary, label: str) -> GsEffect:
    """Read an ExtGState: overprint (/OP also sets /op when that is absent), OPM, LW, Font, transparency."""
    stroke_op = bool(gs["/OP"]) if "/OP" in gs else None
    fill_op = bool(gs["/op"]) if "/op" in gs else stroke_op
    font = gs.get("/Font")
    has_font = isinstance(font, pikepdf.Array) and len(font) == 2
    return GsEffect(fill_overprint=fill_op, stroke_overprint=stroke_op,
                    overprint_mode=int(gs["/OPM"]) if "/OPM" in gs else None,
                    line_width=float(gs["/LW"]) if "/LW" in gs else None,
                    font_size=float(font[1]) if has_font else None, font=_font_info(font[0]) if has_font else None,
                    notes=_gs_transparency(gs, label) + _gs_transfer(gs, label) + _halftone_notes(gs.get("/HT"), label))


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
        notes.append(Note("blend-mode", f"{name_of(mode)} (ExtGState {label})"))
    return tuple(notes)


def _gs_transfer(gs: pikepdf.Dictionary, label: str) -> tuple[Note, ...]:
    """Transfer functions (/TR, /TR2 other than /Default) and a halftone phase (/HTP) in an ExtGState."""
    notes = []
    if "/TR" in gs:
        notes.append(Note("transfer-function", _("{key} in ExtGState {label}").format(key="/TR", label=label)))
    tr2 = gs.get("/TR2")
    if tr2 is not None and not (isinstance(tr2, pikepdf.Name) and str(tr2) == "/Default"):
        notes.append(Note("transfer-function", _("{key} in ExtGState {label}").format(key="/TR2", label=label)))
    if "/HTP" in gs:
        notes.append(Note("halftone-phase", f"ExtGState {label}"))
    return tuple(notes)


def _halftone_notes(ht: Any, label: str, colorant: str = "", depth: int = 0) -> tuple[Note, ...]:
    """A halftone (/HT): its HalftoneType (checked per standard later), HalftoneName, TransferFunction."""
    if not isinstance(ht, (pikepdf.Dictionary, pikepdf.Stream)) or depth > 1:
        return ()
    where = f"ExtGState {label}" + (_(" colorant {colorant}").format(colorant=colorant) if colorant else "")
    kind = ht.get("/HalftoneType")
    notes = [Note("halftone-type", where, float(kind) if isinstance(kind, (int, float)) else -1.0)]
    if "/HalftoneName" in ht:
        notes.append(Note("halftone-name", where))
    primary = not colorant or "/" + colorant in PRIMARY_COLORANTS
    if "/TransferFunction" in ht and primary:
        notes.append(Note("halftone-transfer", where))
    if kind == 5:
        for key in ht.keys():
            if key not in ("/Type", "/HalftoneType", "/HalftoneName"):
                notes.extend(_halftone_notes(ht[key], label, key.lstrip("/"), depth + 1))
    return tuple(notes)
