"""Figures: an article's `figures:` list (photo file, span, rows or aspect, place, caption, credit, crop, fit)."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..spec import FIGURE_FITS, FIGURE_PLACES, FigureSpec, Slot
from . import kinds
from ..i18n import N_, _
from .nodes import Value, inside, regular_file

_FIGURE_KEYS = ("file", "span", "column_offset", "rows", "aspect", "place", "caption", "credit", "crop", "fit")
_CROP_KEYS = ("focus",)
_FIGURE_REQUIRED = ("file", "span", "caption", "credit")
NO_CREDIT = "none"  # `credit: none`: the photo needs no credit line (say so explicitly)
_ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height

# What each key's reader takes (kinds.py), next to the key tuples: `layout schema` is generated from both.
_FIGURE_KINDS = {"file": kinds.text("the photo, relative to the issue folder"),
                 "span": kinds.integer(1, "columns wide"),
                 "column_offset": kinds.integer(0, "slot columns left of it"), "rows": kinds.integer(1, "photo rows"),
                 "aspect": kinds.number(0.1, 10, "width / height"), "place": kinds.choice(FIGURE_PLACES),
                 "caption": kinds.text("图片说明"), "credit": kinds.text("photographer or source, or none"),
                 "crop": kinds.mapping(_CROP_KEYS, {"focus": kinds.listing(kinds.number(0, 1), count=2)}),
                 "fit": kinds.choice(FIGURE_FITS)}
FIGURES_KIND = kinds.listing(kinds.mapping(_FIGURE_KEYS, _FIGURE_KINDS, _FIGURE_REQUIRED), "photos in the slot")


def figures(value: Value | None, slot: Slot, root: Path) -> tuple[FigureSpec, ...]:
    """Read an article's `figures:` (a list; absent = none); each must fit the slot's columns."""
    if value is None:
        return ()
    return tuple(_figure(item, slot, root) for item in value.items())


def _figure(value: Value, slot: Slot, root: Path) -> FigureSpec:
    """One figure: photo file, columns inside the slot, height (rows or aspect), place, caption, credit."""
    m = value.mapping(_FIGURE_KEYS, required=_FIGURE_REQUIRED)
    path = _photo_file(m.need("file"), root)
    span = m.need("span").integer(low=1, example="2")
    offset = m.get("column_offset").integer(low=0, example="0") if m.get("column_offset") else 0
    if offset + span > slot.span:
        (m.get("column_offset") or m.need("span")).fail(
            _("the figure takes slot columns {value}–{value2}, the slot has {span}").format(
                value=offset + 1, value2=offset + span, span=slot.span),
            _("column_offset + span must be ≤ {span}: use span ≤ {value}").format(
                span=slot.span, value=slot.span - offset))
    if m.get("rows") and m.get("aspect"):
        m.need("aspect").fail(_("a figure takes rows or aspect, not both"), _("remove one of them"))
    rows = m.get("rows").integer(low=1, example="12") if m.get("rows") else None
    aspect = m.get("aspect").number(low=0.1, high=10, example="1.5") if m.get("aspect") else None
    place = m.get("place").choice(FIGURE_PLACES) if m.get("place") else "before-body"
    if place == "top" and span != slot.span:
        m.need("place").fail(_("a figure above the headline (place: top) spans the whole slot "
                               "({span} columns), this one spans {span2}").format(span=slot.span, span2=span),
                             _("set span: {span} and no column_offset, or use place: before-body (under the "
                               "headline block)").format(span=slot.span))
    caption = m.need("caption").text("图为……。（资料图片）")
    if not caption:
        m.need("caption").fail(_("the caption is empty"), _("every photo needs a caption (图片说明)"))
    return FigureSpec(file=path, span=span, column_offset=offset, rows=rows,
                      aspect=aspect or _own_aspect(m.need("file"), path), where=value.where(),
                      place=place,
                      caption=caption, credit=_credit(m.need("credit")), focus=_focus(m.get("crop")),
                      fit=m.get("fit").choice(FIGURE_FITS) if m.get("fit") else "cover")


def _photo_file(value: Value, root: Path) -> Path:
    """The photo: relative to the issue folder (or absolute), never outside it, a regular file."""
    raw = value.text("photos/bridge.jpg")
    full = inside(value, root, raw, "photo", N_("keep photos inside the issue folder, e.g. photos/bridge.jpg"))
    return regular_file(value, raw, full, "photo", N_("photo paths are relative to the issue folder; check the name"))


def _own_aspect(value: Value, path: Path) -> float:
    """The photo's width / height after its EXIF orientation, read from its header (no pixels decoded)."""
    from PIL import Image, UnidentifiedImageError  # Pillow loads only for an issue with photos
    try:
        with Image.open(path) as image:
            width, height = image.size
            if image.getexif().get(0x0112) in _ROTATED:
                width, height = height, width
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        value.fail(_("photo '{name}' cannot be read as an image: {reason}").format(name=path.name, reason=exc),
                   _("give a JPEG, PNG or TIFF file"))
    return width / height


def _credit(value: Value) -> str | None:
    """The credit line, or None for `credit: none` (an empty credit is an error: say none)."""
    text = value.text("图片来源：新华社")
    if text.lower() == NO_CREDIT:
        return None
    if not text:
        value.fail(_("the credit is empty"), _("write the photographer or source, or credit: none"))
    return text


def _focus(value: Value | None) -> tuple[float, float]:
    """`crop: {focus: [x, y]}`: the point (0..1 of the photo's width and height) a cover crop keeps."""
    if value is None:
        return (0.5, 0.5)
    m = value.mapping(_CROP_KEYS)
    focus = m.get("focus")
    if focus is None:
        return (0.5, 0.5)
    if not isinstance(focus.node, yaml.SequenceNode) or len(focus.items()) != 2:
        focus.fail(_("focus must be two numbers [x, y]"), _("write e.g. focus: [0.5, 0.3] (0..1 of width and height)"))
    x, y = (item.number(0, 1, "0.5") for item in focus.items())
    return (x, y)
