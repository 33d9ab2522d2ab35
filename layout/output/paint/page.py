"""Paint pages: placed glyph runs, rules and fills → PDF operators on a reportlab canvas, CMYK, overprint."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from ... import store as _store
from ...spec import CMYK
from ...files import FileSink
from ...geometry import Rect
from ...placed import GlyphRun, Image, Page
from .. import stored
from ..memo import OutputMemo
from . import backend, cidfont, pdfx
from .ink import PageInk, paint_ink


@dataclass(frozen=True)
class PaintSettings:
    """How to paint: PDF/X settings, whether to draw marks, the slug line text."""

    pdfx: pdfx.PdfxSettings
    marks: bool = False
    slug: str = ""  # slug line; '{page}' is replaced by the page label (A02)


@dataclass(frozen=True)
class FontUse:
    """A face embedded in the written PDF: subset name, distinct characters, subset program size."""

    key: str
    postscript_name: str
    characters: int
    subset_bytes: int


def paint(pages: Sequence[Page], path: Path, settings: PaintSettings, progress=None,
          memo: OutputMemo | None = None, prepared: dict | None = None) -> tuple[FontUse, ...]:
    """Write `pages` as one PDF at `path` (the caller makes it atomic), calling `progress('painting', done,
    total)` after each page if given; returns the fonts used. With the watch's output `memo`, the glyph runs,
    streams and font subsets of the last rebuild are reused (same bytes); with `prepared` (id(run) →
    `prepare_run(run)`, from the parallel workers, layout/parallel.py, or from the pages kept in the build's store,
    layout/kept.py) the runs' operators are not made again, and those of the other runs are added to it."""
    runs: object = memo
    if memo is None:  # a build: streams and subsets by value from its store (output/stored.py), when it has one
        runs, store = _Prepared(prepared) if prepared is not None else None, _store.active()
        if not store.enabled:
            return _paint(pages, path, settings, progress, runs)
        streams, subsets = stored.StoredStreams(store), stored.StoredSubsets(store)
    else:
        streams, subsets = memo.streams, memo.subsets
    cidfont.SUBSETS.append(subsets)
    try:
        with backend.kept_compression(streams):
            return _paint(pages, path, settings, progress, runs)
    finally:
        cidfont.SUBSETS.pop()


def _paint(pages: Sequence[Page], path: Path, settings: PaintSettings, progress,
           memo: OutputMemo | None) -> tuple[FontUse, ...]:
    """paint() with the memo (or none) in place."""
    backend.use_binary_streams()
    first = media_box(pages[0], settings)
    canvas = Canvas(FileSink(path), pagesize=(first.width, first.height), invariant=1,
                    initialFontName=_base_font(pages).fontName, initialFontSize=10)
    pdfx.prepare_canvas(canvas, settings.pdfx)
    used: dict[str, tuple] = {}
    for number, page in enumerate(pages, start=1):
        _paint_page(canvas, page, settings, used, memo)
        if progress is not None:
            progress("painting", number, len(pages))
    pdfx.finish_document(canvas, settings.pdfx)
    canvas.save()
    return tuple(_font_use(key, face, chars) for key, (face, chars) in sorted(used.items()))


class _Prepared:
    """The runs' operators made by the workers or kept in the store, in the place of the watch's memo (same bytes:
    the memo's reuse of a run's operators, only the font's resource name and the codes marked used from the
    document); the operators of a run painted afresh are added (a page composed afresh is kept with them)."""

    def __init__(self, prepared: dict) -> None:
        self.runs = self
        self.prepared = prepared

    def of(self, run: GlyphRun):
        found = self.prepared.get(id(run))
        return None if isinstance(found, PageInk) else found  # a page's ink is no run's operators

    def ink(self, runs: Sequence[GlyphRun]) -> PageInk | None:
        """The ink of a kept page (layout/kept.py files it under its first run), None for any other page."""
        found = self.prepared.get(id(runs[0])) if runs else None
        return found if isinstance(found, PageInk) and found.fits(runs) else None

    def keep(self, run: GlyphRun, kept) -> None:
        self.prepared[id(run)] = kept


def prepare_run(run: GlyphRun, scratch=None) -> tuple[str, dict]:
    """A run's operators after its font's resource name and the {code: char} it uses (what `_paint_run`
    makes), made apart from any document (a worker of layout/parallel.py)."""
    encoded, pairs = cidfont.register(run.face).encode_run(run.text, scratch or _SCRATCH)
    return _run_operators(run, encoded.hex()), pairs


class _Scratch:
    """A document stand-in for encoding runs outside a document (its marks are thrown away)."""


_SCRATCH = _Scratch()


def _font_use(key: str, face, chars: set) -> FontUse:
    """The summary of one embedded face, read from the font object after the save."""
    embedded = cidfont.register(face).last_embedded
    return FontUse(key, embedded.base_font, len(chars), embedded.program_bytes)


def _base_font(pages: Sequence[Page]) -> cidfont.CIDFont:
    """An embedded font for the canvas's initial font, so reportlab's Helvetica never leaks in."""
    for page in pages:
        if page.runs:
            return cidfont.register(page.runs[0].face)
    raise ValueError("nothing to paint: no page has text")


def media_box(page: Page, settings: PaintSettings) -> Rect:
    """The MediaBox: the BleedBox, enlarged for crop marks and the slug line when they are drawn."""
    return pdfx.marks_media(page.trim, page.bleed) if settings.marks else page.bleed


def _paint_page(canvas: Canvas, page: Page, settings: PaintSettings, used: dict, memo=None) -> None:
    """One page: boxes, then rules, fills and text in page coordinates (trim at the origin)."""
    media = media_box(page, settings)
    dx, dy = -media.x0, -media.y0
    canvas.setPageSize((media.width, media.height))
    pdfx.set_page_boxes(canvas, _shift(media, dx, dy), _shift(page.trim, dx, dy), _shift(page.bleed, dx, dy))
    canvas.saveState()
    canvas.translate(dx, dy)
    if settings.marks:
        pdfx.draw_marks(canvas, page.trim, page.bleed, settings.slug.replace("{page}", page.label),
                        cidfont.register(page.runs[0].face).fontName if page.runs else "")
    for rule in page.rules:
        _set_stroke(canvas, rule.color, rule.overprint)
        canvas.setLineWidth(rule.width)
        canvas.line(rule.x0, rule.y0, rule.x1, rule.y1)
    for fill in page.fills:
        _set_fill(canvas, fill.color, fill.overprint)
        canvas.rect(fill.box.x0, fill.box.y0, fill.box.width, fill.box.height, stroke=0, fill=1)
    if page.images:
        pdfx.set_overprint(canvas, False)  # a photo knocks out what is under it
    for image in page.images:
        _paint_image(canvas, image)
    if page.forms:
        from . import forms  # pikepdf loads only for a page with an ad or a logo
        pdfx.set_overprint(canvas, False)  # an ad or logo knocks out what is under it; its own state inside
        for form in page.forms:
            forms.paint_form(canvas, form)
    _paint_runs(canvas, page.runs, used, memo)
    canvas.restoreState()
    canvas.showPage()


def _paint_runs(canvas: Canvas, runs: Sequence[GlyphRun], used: dict, memo=None) -> None:
    """A page's glyph runs, the fill set again only when it changes; a kept page's from its ink."""
    ink = memo.ink(runs) if isinstance(memo, _Prepared) else None
    if ink is not None:  # a kept page: its runs' text made once (output/paint/ink.py)
        paint_ink(backend.document(canvas), runs, ink, used, cidfont.register,
                  lambda color, overprint: _set_fill(canvas, color, overprint),
                  lambda text: backend.append_operators(canvas, text))
        return
    fill = None  # the (colour, overprint) in force: set again only when it changes
    for run in runs:
        if (run.color, run.overprint) != fill:
            fill = (run.color, run.overprint)
            _set_fill(canvas, run.color, run.overprint)
        _paint_run(canvas, run, used, memo)


def _shift(box: Rect, dx: float, dy: float) -> Rect:
    return Rect(box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy)


def _set_fill(canvas: Canvas, color: CMYK, overprint: bool) -> None:
    canvas.setFillColorCMYK(color.c / 100, color.m / 100, color.y / 100, color.k / 100)
    pdfx.set_overprint(canvas, overprint)


def _set_stroke(canvas: Canvas, color: CMYK, overprint: bool) -> None:
    canvas.setStrokeColorCMYK(color.c / 100, color.m / 100, color.y / 100, color.k / 100)
    pdfx.set_overprint(canvas, overprint)


_NUMBERS: dict[float, str] = {}  # value → its text: a page's sizes, positions and kerning numbers repeat
_NUMBERS_HELD = 1 << 16  # values held at most (then forgotten: the text of a value never changes)


def _num(value: float) -> str:
    """A number in a content stream: 3 decimals at most (backend.number)."""
    text = _NUMBERS.get(value)
    if text is None:
        if len(_NUMBERS) >= _NUMBERS_HELD:
            _NUMBERS.clear()
        text = _NUMBERS[value] = backend.number(value, 3)
    return text


def _paint_run(canvas: Canvas, run: GlyphRun, used: dict, memo: OutputMemo | None = None) -> None:
    """A glyph run as one TJ: glyph codes with kerning numbers that put each glyph at its offset (kept in
    the watch's memo: only the font's resource name is the document's)."""
    font = cidfont.register(run.face)
    doc = backend.document(canvas)
    name = font.resource_name(doc)
    kept = memo.runs.of(run) if memo is not None else None
    if kept is None:
        encoded, pairs = font.encode_run(run.text, doc)
        kept = (_run_operators(run, encoded.hex()), pairs)
        if memo is not None:
            memo.runs.keep(run, kept)
    else:
        font.mark_used(kept[1], doc)
    entry = used.setdefault(run.face.key, (run.face, set()))
    entry[1].update(run.text)
    backend.append_operators(canvas, f"BT {name} {kept[0]}")


def _run_operators(run: GlyphRun, codes: str) -> str:
    """The operators of a run after `BT /F`: size, position and the TJ array of its hex `codes` (a group of codes
    between two kerning numbers is one slice of `codes`)."""
    parts, pen, start, count = [], 0.0, 0, 0
    size, upem, advances = run.size, run.face.upem, _advances(run.face)  # hot loop: per-character work inlined
    number = _num
    for count, (char, offset) in enumerate(zip(run.text, run.offsets), start=1):
        adjust = (offset - pen) * 1000 / size
        if adjust > 0.0005 or adjust < -0.0005:  # abs(adjust) > 0.0005
            if count - 1 > start:
                parts.append("<" + codes[4 * start: 4 * (count - 1)] + ">")
            parts.append(number(-adjust))
            start = count - 1
        try:
            units = advances[char]
        except KeyError:
            units = advances[char] = run.face.advance_units(char)
        pen = offset + units * size / upem
    parts.append("<" + codes[4 * start: 4 * count] + ">")
    return f"{_num(run.size)} Tf 1 0 0 1 {_num(run.x)} {_num(run.y)} Tm [{' '.join(parts)}] TJ ET"


_ADVANCES: dict = {}  # id(face) → (face, {char: advance in font units}): Face.advance_units without a call per glyph


def _advances(face) -> dict:
    """The advances (font units) of the characters of `face` painted so far in this process."""
    found = _ADVANCES.get(id(face))
    if found is None or found[0] is not face:
        found = _ADVANCES[id(face)] = (face, {})
    return found[1]


def image_stream(image: Image) -> PDFStream:
    """The image XObject: the print-ready samples as they are (DCT bytes untouched), DeviceCMYK, 8 bits,
    with the /Decode array the encoder asks for (Adobe-inverted CMYK JPEG: [1 0 1 0 1 0 1 0])."""
    entries = {"Type": PDFName("XObject"), "Subtype": PDFName("Image"), "Width": image.width_px,
               "Height": image.height_px, "ColorSpace": PDFName("DeviceCMYK"), "BitsPerComponent": 8,
               "Filter": PDFName(image.filter)}
    if image.decode is not None:
        entries["Decode"] = PDFArray(list(image.decode))
    return PDFStream(PDFDictionary(entries), image.data)


def _paint_image(canvas: Canvas, image: Image) -> None:
    """A photo as an image XObject (never inline), scaled to its box and clipped to it."""
    key = "Photo" + hashlib.sha256(image.data).hexdigest()[:16]
    name = backend.add_image_xobject(canvas, key, image_stream(image))
    b = image.box
    x, y, w, h = _num(b.x0), _num(b.y0), _num(b.width), _num(b.height)
    backend.append_operators(canvas, f"q {x} {y} {w} {h} re W n {w} 0 0 {h} {x} {y} cm /{name} Do Q")
