"""Supplied: files the page takes as they come — an ad or a masthead logo, a PDF page (preflighted: CMYK only,
fonts embedded, within the ink limit; placed as a vector form XObject) or an image (separated like a photo)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import LayoutError
from ..i18n import N_, _
from ..geometry import Rect
from ..placed import Form, Image
from .figure import Photos
from .runs import Painted

# the checks of `layout check` that a supplied page must pass; its own PDF/X keys, boxes and output intent do
# not matter, it is placed into our page (ISO 15930-1 §6: what a placed element must satisfy)
PLACED_CHECKS = ("syntax", "stream-size", "fonts", "colour-space", "transparency", "transfer-halftone", "ink",
                 "small-text", "black-overprint", "line-width")
HINT = N_("ask for the file as PDF/X-1a: CMYK or spot colours only, every font embedded, total ink ≤ {limit} %")


def source_box(path: Path, what: str, where: str) -> Rect:
    """The part of a supplied PDF's single page that is placed: its TrimBox, else its MediaBox."""
    import pikepdf  # loads only when a PDF is supplied
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) != 1:
                raise LayoutError(_("{what} '{name}' has {pages} pages, a slot holds one").format(
                    what=what, name=path.name, pages=len(pdf.pages)), where,
                    _("supply the page on its own (one page per file)"))
            page = pdf.pages[0]
            box = page.obj.get("/TrimBox") or page.obj.get("/MediaBox")
            x0, y0, x1, y1 = (float(v) for v in box)
    except pikepdf.PdfError as exc:
        raise LayoutError(_("{what} '{name}' cannot be read as PDF: {reason}").format(
            what=what, name=path.name, reason=exc), where, _("supply a PDF/X-1a file")) from None
    return Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def check_pdf(path: Path, what: str, where: str, ink_limit: float) -> None:
    """Preflight a supplied PDF page as `layout check` would, keeping the checks a placed page must pass;
    any error fails the build naming each problem."""
    from ..check import CheckOptions, UnusablePdfError, preflight  # pikepdf loads only when a PDF is supplied
    try:
        report = preflight(path, CheckOptions(standard="x-1a", ink_limit=ink_limit))
    except UnusablePdfError as exc:
        raise LayoutError(_("{what} '{name}' cannot be placed: {reason}").format(
            what=what, name=path.name, reason=exc.message), where, _(HINT).format(limit=f"{ink_limit:g}")) from None
    problems = sorted({f.message for p in report.pages for f in p.findings
                       if f.severity == "error" and f.check in PLACED_CHECKS})
    if problems:
        raise LayoutError(_("{what} '{name}' fails preflight: {problems}").format(
            what=what, name=path.name, problems="; ".join(problems)), where, _(HINT).format(limit=f"{ink_limit:g}"))


def fitted(inner: Rect, box: Rect) -> Rect:
    """`inner`'s shape scaled to fit inside `box`, centred (nothing cropped, nothing distorted)."""
    scale = min(box.width / inner.width, box.height / inner.height)
    w, h = inner.width * scale, inner.height * scale
    x0, y0 = box.x0 + (box.width - w) / 2, box.y0 + (box.height - h) / 2
    return Rect(x0, y0, x0 + w, y0 + h)


def place_file(path: Path, name: str, box: Rect, owner: str, where: str, photos: Photos,
               ink_limit: float) -> Painted:
    """A supplied file in `box`: a PDF page as a form (preflighted), an image converted whole (contain)."""
    what = _("logo") if owner == "masthead" else _("ad '{ad}'").format(ad=owner)
    if path.suffix.lower() == ".pdf":
        check_pdf(path, what, where, ink_limit)
        source = source_box(path, what, where)
        return Painted(forms=(Form(box=fitted(source, box), file=path, source=source, name=name, article=owner),))
    settings = replace(photos.settings, fit="contain")
    from ..images import convert  # the imaging stack loads only when an image is supplied
    printed = convert(path, (box.width, box.height), settings, photos.cache)
    image = Image(box=box, data=printed.data, width_px=printed.width_px, height_px=printed.height_px,
                  filter=printed.filter, decode=printed.decode, components=printed.components, article=owner,
                  file=name, ppi=printed.ppi, max_tac=printed.max_tac,
                  warnings=tuple(f"{what} {name}: {w}" for w in printed.warnings))
    return Painted(images=(image,))
