"""QA diff masks: --mask values, and the boxes each page leaves out of the text and pixel comparison."""

from __future__ import annotations

from ..errors import LayoutError
from ..output.sidecar import Sidecar, SidecarPage
from .model import BoxPt, Mask
from ..i18n import _


def parse_mask(text: str) -> Mask:
    """A --mask value: 'x0,y0,x1,y1' in pt, or a furniture kind such as 'folio-date'."""
    value = text.strip()
    if "," in value:
        parts = value.split(",")
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            numbers = []
        if len(numbers) != 4 or numbers[0] >= numbers[2] or numbers[1] >= numbers[3]:
            raise LayoutError(_("bad mask '{text}'").format(text=text), "--mask",
                              _("write x0,y0,x1,y1 in pt with x0<x1 and y0<y1"))
        return Mask(box=(numbers[0], numbers[1], numbers[2], numbers[3]))
    if not value or not all(c.isalnum() or c in "-_" for c in value):
        raise LayoutError(_("bad mask '{text}'").format(text=text), "--mask",
                          _("give x0,y0,x1,y1 in pt or a furniture kind, e.g. folio-date"))
    return Mask(kind=value)


def page_masks(masks: tuple[Mask, ...], records: tuple[SidecarPage | None, ...]) -> tuple[BoxPt, ...]:
    """The boxes to ignore on a page: the sidecars' ignore lists, --mask boxes and furniture kinds."""
    boxes: list[BoxPt] = [m.box for m in masks if m.box is not None]
    kinds = {m.kind for m in masks if m.kind}
    for record in records:
        if record is None:
            continue
        boxes.extend(record.ignore)
        boxes.extend(item.box for item in record.furniture if item.kind in kinds)
    unique: list[BoxPt] = []
    for box in boxes:
        if box not in unique:
            unique.append(box)
    return tuple(unique)


def check_mask_kinds(masks: tuple[Mask, ...], sidecars: tuple[Sidecar | None, ...]) -> None:
    """Every furniture kind given to --mask must exist in a sidecar, so no mask is silently void."""
    kinds = [m.kind for m in masks if m.kind]
    if not kinds:
        return
    known = sorted({item.kind for sidecar in sidecars if sidecar is not None
                    for page in sidecar.pages for item in page.furniture})
    for kind in kinds:
        if kind not in known:
            hint = (_("known kinds: {choices}").format(choices=', '.join(known)) if known
                    else _("furniture masks need the sidecar JSON next to the PDFs"))
            raise LayoutError(_("no page furniture of kind '{kind}'").format(kind=kind), "--mask", hint)


def inside(point: tuple[float, float], box: BoxPt) -> bool:
    """Whether a point lies in a pt box."""
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]
