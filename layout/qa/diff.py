"""QA diff stage: compare two builds page by page — hash skip, text/glyph diff, colour raster diff.

Pages whose content stream and resources hash alike are skipped. The others are compared twice:
characters with their boxes (pdfium) through difflib, giving inserted, deleted, changed and moved
text, grouped by the article whose slot holds it; and RGB renderings at `dpi`, giving the changed
pixels, their regions in pt and an overlay image (old red, new blue, unchanged grey).
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

import pikepdf
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from ..errors import LayoutError
from .proof import (Raster, Source, check_dpi, open_pdf, open_source, page_names,
                    render_page, save_png, sidecar_page)

BoxPt = tuple[float, float, float, float]
PxBox = tuple[int, int, int, int]

PAGE_KEYS = ("/Contents", "/Resources", "/MediaBox", "/CropBox", "/TrimBox", "/BleedBox", "/Rotate")
INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")  # ISO 32000-1 §7.7.3.4
SKIPPED_KEYS = frozenset({"/Parent", "/Length"})  # back-references and encoding details
ENCODING_KEYS = frozenset({"/Filter", "/DecodeParms"})  # ignored when the stream decodes
REGION_CELL_PT = 4.0  # changed pixels closer than about one cell form one region
REGION_SLOT_TOLERANCE_PX = 2  # a region must reach this far into a slot to count for its article
MAX_WORKERS = 2  # pdfium is not thread-safe: pages go to processes, at most one per core


@dataclass(frozen=True)
class Mask:
    """A region to ignore: a box in pt on every page, or a furniture kind looked up in the sidecar."""

    box: BoxPt | None = None
    kind: str = ""


@dataclass(frozen=True)
class DiffOptions:
    """Settings of one `layout diff` run."""

    dpi: float = 100.0
    move_threshold: float = 0.1  # pt a glyph may move before it counts as moved
    tolerance: int = 32  # per RGB channel (0–255) a pixel may differ before it counts as changed
    masks: tuple[Mask, ...] = ()
    jobs: int = MAX_WORKERS


@dataclass(frozen=True)
class Glyph:
    """One character on a page with its tight box (pt) and the article whose slot holds it."""

    char: str
    box: BoxPt
    article: str = ""  # '' = outside every slot (page furniture)

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the glyph's box: what slots, masks and moves are judged by."""
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


@dataclass(frozen=True)
class TextChange:
    """Inserted, deleted, changed or moved text in one article; boxes in pt (None on the empty side)."""

    kind: str  # 'insert' | 'delete' | 'change' | 'move'
    article: str
    old_text: str
    new_text: str
    old_box: BoxPt | None
    new_box: BoxPt | None
    shift: tuple[float, float] | None = None  # (dx, dy) pt for 'move'


@dataclass(frozen=True)
class Region:
    """A connected area of changed pixels: its box in pt, pixel count, and the articles it touches."""

    box: BoxPt
    pixels: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class PageImages:
    """Report images of a page, relative to the report folder."""

    old: str | None
    new: str | None
    overlay: str | None
    width: int
    height: int


@dataclass(frozen=True)
class PageDiff:
    """What changed on one page (status: identical, unchanged, changed, added, removed)."""

    key: str
    status: str
    old_index: int | None
    new_index: int | None
    text: tuple[TextChange, ...] = ()
    regions: tuple[Region, ...] = ()
    changed_pixels: int = 0
    masks: tuple[BoxPt, ...] = ()
    images: PageImages | None = None

    @property
    def changed(self) -> bool:
        """Whether this page counts as a change (exit code 1)."""
        return self.status in ("changed", "added", "removed")


@dataclass(frozen=True)
class DiffResult:
    """The comparison of two builds, page by page."""

    old: Path
    new: Path
    options: DiffOptions
    pages: tuple[PageDiff, ...]
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """Whether any page changed (exit code 1)."""
        return any(page.changed for page in self.pages)


@dataclass(frozen=True)
class PageJob:
    """One page pair to compare in a worker, with the sidecar records and the masks that apply."""

    key: str
    old_index: int | None
    new_index: int | None
    old_record: dict | None
    new_record: dict | None
    masks: tuple[BoxPt, ...]


@dataclass(frozen=True)
class DiffContext:
    """What every worker needs: both PDFs, the output folder and the options."""

    old_pdf: Path
    new_pdf: Path
    outdir: Path
    options: DiffOptions


# --- masks -----------------------------------------------------------------------------------

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
            raise LayoutError(f"bad mask '{text}'", "--mask", "write x0,y0,x1,y1 in pt with x0<x1 and y0<y1")
        return Mask(box=(numbers[0], numbers[1], numbers[2], numbers[3]))
    if not value or not all(c.isalnum() or c in "-_" for c in value):
        raise LayoutError(f"bad mask '{text}'", "--mask", "give x0,y0,x1,y1 in pt or a furniture kind, e.g. folio-date")
    return Mask(kind=value)


def page_masks(masks: tuple[Mask, ...], records: tuple[dict | None, ...]) -> tuple[BoxPt, ...]:
    """The boxes to ignore on a page: the sidecars' ignore lists, --mask boxes and furniture kinds."""
    boxes: list[BoxPt] = [m.box for m in masks if m.box is not None]
    kinds = {m.kind for m in masks if m.kind}
    for record in records:
        if not record:
            continue
        boxes.extend(tuple(box) for box in record.get("ignore") or [])
        boxes.extend(tuple(item["box"]) for item in record.get("furniture") or [] if item.get("kind") in kinds)
    unique: list[BoxPt] = []
    for box in boxes:
        if box not in unique:
            unique.append(box)
    return tuple(unique)


def check_mask_kinds(masks: tuple[Mask, ...], sidecars: tuple[dict | None, ...]) -> None:
    """Every furniture kind given to --mask must exist in a sidecar, so no mask is silently void."""
    kinds = [m.kind for m in masks if m.kind]
    if not kinds:
        return
    known = sorted({item.get("kind", "") for sidecar in sidecars if sidecar
                    for page in sidecar.get("pages", []) for item in page.get("furniture") or []})
    for kind in kinds:
        if kind not in known:
            hint = (f"known kinds: {', '.join(known)}" if known
                    else "furniture masks need the sidecar JSON next to the PDFs")
            raise LayoutError(f"no page furniture of kind '{kind}'", "--mask", hint)


def _inside(point: tuple[float, float], box) -> bool:
    """Whether a point lies in a pt box."""
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


# --- hash skip -------------------------------------------------------------------------------

def _digest(obj, memo: dict, visiting: set) -> bytes:
    """A digest of a PDF object by content: object numbers, stream encodings and /Length ignored."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        key = obj.objgen
        if key in memo:
            return memo[key]
        if key in visiting:
            return b"cycle"
        visiting.add(key)
        memo[key] = _digest_direct(obj, memo, visiting)
        visiting.discard(key)
        return memo[key]
    return _digest_direct(obj, memo, visiting)


def _digest_direct(obj, memo: dict, visiting: set) -> bytes:
    """_digest for the object itself (dictionary, array, stream or scalar)."""
    h = hashlib.sha256()
    if isinstance(obj, pikepdf.Stream):
        try:
            data, skip = obj.read_bytes(), SKIPPED_KEYS | ENCODING_KEYS
        except pikepdf.PdfError:
            data, skip = obj.read_raw_bytes(), SKIPPED_KEYS
        h.update(b"S" + hashlib.sha256(data).digest())
        h.update(_digest_dict(obj.stream_dict, memo, visiting, skip))
    elif isinstance(obj, pikepdf.Dictionary):
        h.update(_digest_dict(obj, memo, visiting, SKIPPED_KEYS))
    elif isinstance(obj, pikepdf.Array):
        h.update(b"A")
        for item in obj:
            h.update(_digest(item, memo, visiting))
    else:
        h.update(b"V" + (obj.unparse() if isinstance(obj, pikepdf.Object) else repr(obj).encode()))
    return h.digest()


def _digest_dict(obj, memo: dict, visiting: set, skip: frozenset) -> bytes:
    """Digest of a dictionary's entries in sorted key order."""
    h = hashlib.sha256(b"D")
    for key in sorted(obj.keys()):
        if key not in skip:
            h.update(key.encode() + b"=" + _digest(obj.get(key), memo, visiting))
    return h.digest()


def _page_entry(page: pikepdf.Dictionary, key: str):
    """A page attribute, looked up through the page tree when it is inheritable."""
    node, depth = page, 0
    while node is not None and depth < 64:
        if key in node:
            return node.get(key)
        if key not in INHERITED:
            return None
        node, depth = node.get("/Parent"), depth + 1
    return None


def page_digests(pdf: Path) -> tuple[str, ...]:
    """One hex digest per page of its content stream, resources and boxes (shared objects hashed once)."""
    try:
        with pikepdf.open(pdf) as document:
            memo: dict = {}
            digests = []
            for page in document.pages:
                h = hashlib.sha256()
                for key in PAGE_KEYS:
                    value = _page_entry(page.obj, key)
                    h.update(key.encode() + b"=" + (b"-" if value is None else _digest(value, memo, set())))
                digests.append(h.hexdigest())
            return tuple(digests)
    except pikepdf.PdfError as err:
        raise LayoutError(f"cannot read the PDF: {err}", str(pdf), "is it a complete PDF file?") from None


# --- text and glyphs -------------------------------------------------------------------------

def article_at(point: tuple[float, float], record: dict | None) -> str:
    """The id of the first article whose slot holds `point` ('' when none does)."""
    for article in (record or {}).get("articles") or []:
        if _inside(point, article["slot"]):
            return str(article["id"])
    return ""


def _characters(textpage):
    """(index, character) of a text page's characters as painted: pdfium's generated ones and control
    characters left out, UTF-16 surrogate pairs (CJK Extension B and beyond) joined."""
    count, i = textpage.count_chars(), 0
    while i < count:
        code, index = pdfium_c.FPDFText_GetUnicode(textpage, i), i
        if 0xD800 <= code < 0xDC00 and i + 1 < count:
            low = pdfium_c.FPDFText_GetUnicode(textpage, i + 1)
            if 0xDC00 <= low < 0xE000:
                code, i = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), i + 1
        i += 1
        if code >= 0x20 and not 0xD800 <= code < 0xE000 and pdfium_c.FPDFText_IsGenerated(textpage, index) != 1:
            yield index, chr(code)


def page_glyphs(document, index: int, record: dict | None, masks: tuple[BoxPt, ...]) -> tuple[Glyph, ...]:
    """The visible characters of a page in content order with tight boxes, outside the masks."""
    page = document[index]
    textpage = page.get_textpage()
    glyphs = []
    try:
        for i, char in _characters(textpage):
            glyph = Glyph(char, tuple(round(v, 3) for v in textpage.get_charbox(i)))
            if not any(_inside(glyph.centre, m) for m in masks):
                glyphs.append(Glyph(char, glyph.box, article_at(glyph.centre, record)))
    finally:
        textpage.close()
        page.close()
    return tuple(glyphs)


def _union(glyphs) -> BoxPt | None:
    """The box around some glyphs (None for none)."""
    if not glyphs:
        return None
    return (round(min(g.box[0] for g in glyphs), 2), round(min(g.box[1] for g in glyphs), 2),
            round(max(g.box[2] for g in glyphs), 2), round(max(g.box[3] for g in glyphs), 2))


def _edits(old: tuple[Glyph, ...], new: tuple[Glyph, ...]) -> list[TextChange]:
    """One insert/delete/change per article touched by a differing block of the two sequences."""
    articles: list[str] = []
    for glyph in old + new:
        if glyph.article not in articles:
            articles.append(glyph.article)
    changes = []
    for article in articles:
        a = [g for g in old if g.article == article]
        b = [g for g in new if g.article == article]
        kind = "insert" if not a else "delete" if not b else "change"
        changes.append(TextChange(kind, article, "".join(g.char for g in a), "".join(g.char for g in b),
                                  _union(a), _union(b)))
    return changes


@dataclass
class _MoveRun:
    """Accumulator (internal, mutable): consecutive glyph pairs of one article moved by one shift."""

    article: str
    dx: float
    dy: float
    end: int  # index after the last pair in the run
    old: list
    new: list

    def takes(self, index: int, article: str, dx: float, dy: float, threshold: float) -> bool:
        """Whether the pair at `index` continues this run."""
        return (index == self.end and article == self.article
                and abs(self.dx - dx) <= threshold and abs(self.dy - dy) <= threshold)

    def change(self) -> TextChange:
        """The run as a 'move' TextChange."""
        return TextChange("move", self.article, "".join(g.char for g in self.old), "".join(g.char for g in self.new),
                          _union(self.old), _union(self.new), (round(self.dx, 2), round(self.dy, 2)))


def _moves(old: tuple[Glyph, ...], new: tuple[Glyph, ...], threshold: float) -> list[TextChange]:
    """Runs of equal characters that moved more than `threshold` pt by the same shift."""
    runs: list[_MoveRun] = []
    for i, (a, b) in enumerate(zip(old, new)):
        dx, dy = b.centre[0] - a.centre[0], b.centre[1] - a.centre[1]
        if max(abs(dx), abs(dy)) <= threshold:
            continue
        article = b.article or a.article
        if runs and runs[-1].takes(i, article, dx, dy, threshold):
            runs[-1].old.append(a)
            runs[-1].new.append(b)
            runs[-1].end = i + 1
        else:
            runs.append(_MoveRun(article, dx, dy, i + 1, [a], [b]))
    return [run.change() for run in runs]


def text_changes(old: tuple[Glyph, ...], new: tuple[Glyph, ...], threshold: float = 0.1) -> tuple[TextChange, ...]:
    """Inserted, deleted and changed text (difflib on the characters) and glyphs moved > threshold."""
    a, b = "".join(g.char for g in old), "".join(g.char for g in new)
    changes: list[TextChange] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            changes.extend(_moves(old[i1:i2], new[j1:j2], threshold))
        else:
            changes.extend(_edits(old[i1:i2], new[j1:j2]))
    return tuple(changes)


# --- raster ----------------------------------------------------------------------------------

def changed_mask(old: Image.Image, new: Image.Image, tolerance: int = 32) -> Image.Image:
    """Pixels (L, 255) where some RGB channel differs by more than `tolerance` and a neighbour changed too."""
    lut = [255 if v > tolerance else 0 for v in range(256)] * 3
    red, green, blue = ImageChops.difference(old, new).point(lut).split()
    mask = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return drop_isolated(mask)


def drop_isolated(mask: Image.Image) -> Image.Image:
    """The mask without pixels none of whose 8 neighbours is set (anti-aliasing specks)."""
    padded = ImageOps.expand(mask, border=1, fill=0)
    neighbours = padded.filter(ImageFilter.Kernel((3, 3), (1, 1, 1, 1, 0, 1, 1, 1, 1), scale=8))
    neighbours = neighbours.crop((1, 1, mask.width + 1, mask.height + 1)).point([0] + [255] * 255)
    return ImageChops.darker(mask, neighbours)


def blank_masks(mask: Image.Image, raster: Raster, boxes: tuple[BoxPt, ...]) -> Image.Image:
    """The changed-pixel mask with the masked pt boxes cleared."""
    if not boxes:
        return mask
    mask = mask.copy()
    draw = ImageDraw.Draw(mask)
    for box in boxes:
        x0, y0, x1, y1 = raster.box_px(box)
        if x1 > x0 and y1 > y0:
            draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=0)
    return mask


def _components(coarse: Image.Image) -> list[PxBox]:
    """Cell boxes (x0, y0, x1, y1 inclusive) of the 8-connected set cells of a small mask."""
    width, height = coarse.size
    data = coarse.tobytes()
    seen = bytearray(len(data))
    boxes = []
    for start, value in enumerate(data):
        if not value or seen[start]:
            continue
        seen[start] = 1
        stack, x0, y0, x1, y1 = [start], width, height, 0, 0
        while stack:
            y, x = divmod(stack.pop(), width)
            x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
            for ny in range(max(0, y - 1), min(height, y + 2)):
                for nx in range(max(0, x - 1), min(width, x + 2)):
                    n = ny * width + nx
                    if data[n] and not seen[n]:
                        seen[n] = 1
                        stack.append(n)
        boxes.append((x0, y0, x1, y1))
    return boxes


def _overlap(a: PxBox, b: PxBox) -> bool:
    """Whether two pixel boxes share at least one pixel."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _merge_boxes(boxes: list[PxBox]) -> list[PxBox]:
    """Merge overlapping pixel boxes until none overlap; sorted top to bottom, left to right."""
    merged = True
    while merged:
        merged, out = False, []
        for box in sorted(boxes, key=lambda b: (b[1], b[0], b[3], b[2])):
            for k, other in enumerate(out):
                if _overlap(box, other):
                    out[k] = (min(box[0], other[0]), min(box[1], other[1]),
                              max(box[2], other[2]), max(box[3], other[3]))
                    merged = True
                    break
            else:
                out.append(box)
        boxes = out
    return sorted(boxes, key=lambda b: (b[1], b[0], b[3], b[2]))


def pixel_regions(mask: Image.Image, cell: int) -> list[PxBox]:
    """Exact pixel boxes (left, upper, right, lower) of the changed regions of a mask."""
    if mask.getbbox() is None:
        return []
    cell = max(1, cell)
    coarse = mask.reduce(cell) if cell > 1 else mask
    boxes = []
    for cx0, cy0, cx1, cy1 in _components(coarse):
        window = (cx0 * cell, cy0 * cell, min(mask.width, (cx1 + 1) * cell), min(mask.height, (cy1 + 1) * cell))
        inner = mask.crop(window).getbbox()
        if inner:
            boxes.append((window[0] + inner[0], window[1] + inner[1], window[0] + inner[2], window[1] + inner[3]))
    return _merge_boxes(boxes)


def count_pixels(mask: Image.Image, box: PxBox | None = None) -> int:
    """Set pixels of a 0/255 mask, in `box` or everywhere."""
    return (mask.crop(box) if box else mask).histogram()[255]


def articles_touching(box: BoxPt, records: tuple[dict | None, ...], tol: float = 0.0) -> tuple[str, ...]:
    """Ids of the articles whose slot (old or new) overlaps a pt box by more than `tol`, in sidecar order."""
    found: list[str] = []
    for record in records:
        for article in (record or {}).get("articles") or []:
            slot = article["slot"]
            if (box[0] < slot[2] - tol and slot[0] + tol < box[2]
                    and box[1] < slot[3] - tol and slot[1] + tol < box[3]):
                if str(article["id"]) not in found:
                    found.append(str(article["id"]))
    return tuple(found)


def raster_regions(mask: Image.Image, raster: Raster, records: tuple[dict | None, ...]) -> tuple[Region, ...]:
    """The changed regions of a mask in pt, with their pixel counts and the articles they touch."""
    cell = round(REGION_CELL_PT * raster.scale)
    regions = []
    for px in pixel_regions(mask, cell):
        box = raster.box_pt(px)
        touching = articles_touching(box, records, tol=REGION_SLOT_TOLERANCE_PX / raster.scale)
        regions.append(Region(box, count_pixels(mask, px), touching))
    return tuple(regions)


def overlay_image(old: Image.Image, new: Image.Image, regions: list[PxBox]) -> Image.Image:
    """Old ink red, new ink blue, both black inside the changed regions; the rest greyed out."""
    grey_old, grey_new = old.convert("L"), new.convert("L")
    both = ImageChops.darker(grey_old, grey_new)
    colour = Image.merge("RGB", (grey_new, both, grey_old))
    faded = both.point([255 - (255 - v) * 30 // 100 for v in range(256)]).convert("RGB")
    area = Image.new("L", old.size, 0)
    draw = ImageDraw.Draw(area)
    for x0, y0, x1, y1 in regions:
        draw.rectangle((x0 - 2, y0 - 2, x1 + 1, y1 + 1), fill=255)
    image = Image.composite(colour, faded, area)
    draw = ImageDraw.Draw(image)
    for x0, y0, x1, y1 in regions:
        draw.rectangle((x0 - 4, y0 - 4, x1 + 3, y1 + 3), outline=(255, 140, 0), width=2)
    return image


def _pad(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The image on a white canvas of `size` (pages of different sizes are compared top-left aligned)."""
    if image.size == size:
        return image
    canvas = Image.new("RGB", size, (255, 255, 255))
    canvas.paste(image, (0, 0))
    return canvas


# --- one page --------------------------------------------------------------------------------

_DOCUMENTS: dict[str, object] = {}  # per process: pdfium documents opened by the page workers


def _document(path: Path):
    """The pdfium document at `path`, opened once per process."""
    key = str(path)
    if key not in _DOCUMENTS:
        _DOCUMENTS[key] = open_pdf(path)
    return _DOCUMENTS[key]


def _close_documents() -> None:
    """Close the documents this process opened (before forking workers, and after a run)."""
    for document in _DOCUMENTS.values():
        document.close()
    _DOCUMENTS.clear()


def _image_names(context: DiffContext, key: str, images: dict[str, Image.Image]) -> PageImages:
    """Write a page's report images (pages/<key>-old.png, …) and name them relative to the report."""
    names: dict[str, str | None] = {"old": None, "new": None, "overlay": None}
    size = (0, 0)
    for role, image in images.items():
        name = f"pages/{key}-{role}.png"
        save_png(image, context.outdir / name, context.options.dpi)
        names[role], size = name, image.size
    return PageImages(names["old"], names["new"], names["overlay"], size[0], size[1])


def _one_sided(context: DiffContext, job: PageJob) -> PageDiff:
    """An added or removed page: all of it is the change."""
    added = job.old_index is None
    path, index = (context.new_pdf, job.new_index) if added else (context.old_pdf, job.old_index)
    rendered = render_page(_document(path), index, context.options.dpi)
    images = _image_names(context, job.key, {"new" if added else "old": rendered.image})
    return PageDiff(job.key, "added" if added else "removed", job.old_index, job.new_index, images=images)


def compare_page(context: DiffContext, job: PageJob) -> PageDiff:
    """Compare one page pair: text and glyph positions, then the colour raster."""
    if job.old_index is None or job.new_index is None:
        return _one_sided(context, job)
    old_doc, new_doc = _document(context.old_pdf), _document(context.new_pdf)
    options = context.options
    text = text_changes(page_glyphs(old_doc, job.old_index, job.old_record, job.masks),
                        page_glyphs(new_doc, job.new_index, job.new_record, job.masks), options.move_threshold)
    old_r, new_r = render_page(old_doc, job.old_index, options.dpi), render_page(new_doc, job.new_index, options.dpi)
    size = (max(old_r.image.width, new_r.image.width), max(old_r.image.height, new_r.image.height))
    old_img, new_img = _pad(old_r.image, size), _pad(new_r.image, size)
    raster = Raster(new_r.raster.scale, new_r.raster.left, new_r.raster.top, size[0], size[1])
    mask = blank_masks(changed_mask(old_img, new_img, options.tolerance), raster, job.masks)
    regions = raster_regions(mask, raster, (job.old_record, job.new_record))
    if not text and not regions:
        return PageDiff(job.key, "unchanged", job.old_index, job.new_index, masks=job.masks)
    overlay = overlay_image(old_img, new_img, [raster.box_px(r.box) for r in regions])
    images = _image_names(context, job.key, {"old": old_img, "new": new_img, "overlay": overlay})
    return PageDiff(job.key, "changed", job.old_index, job.new_index, text, regions,
                    count_pixels(mask), job.masks, images)


def _compare_job(context: DiffContext, job: PageJob) -> PageDiff:
    """Worker entry point (module level so it pickles)."""
    return compare_page(context, job)


def run_jobs(context: DiffContext, jobs: list[PageJob]) -> list[PageDiff]:
    """Compare page pairs, in up to `jobs` (≤ 2) processes when there is more than one pair."""
    workers = max(1, min(context.options.jobs, MAX_WORKERS, len(jobs)))
    try:
        if workers == 1:
            return [compare_page(context, job) for job in jobs]
        _close_documents()
        with ProcessPoolExecutor(max_workers=workers, initializer=_close_documents) as pool:
            return list(pool.map(_compare_job, [context] * len(jobs), jobs))
    finally:
        _close_documents()


# --- two documents ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PagePair:
    """A page key and the page's index in the old and the new PDF (None when absent)."""

    key: str
    old_index: int | None
    new_index: int | None


def pair_pages(old_names: tuple[str, ...], new_names: tuple[str, ...], by_label: bool) -> tuple[PagePair, ...]:
    """Pair pages by label when both builds have sidecars, else by position; new order, then removed pages."""
    pairs = []
    if by_label:
        for j, name in enumerate(new_names):
            pairs.append(PagePair(name, old_names.index(name) if name in old_names else None, j))
        pairs += [PagePair(n, i, None) for i, n in enumerate(old_names) if n not in new_names]
        return tuple(pairs)
    for i in range(max(len(old_names), len(new_names))):
        key = new_names[i] if i < len(new_names) else old_names[i]
        pairs.append(PagePair(key, i if i < len(old_names) else None, i if i < len(new_names) else None))
    return tuple(pairs)


def diff_sources(old: Source, new: Source, outdir: Path, options: DiffOptions) -> DiffResult:
    """Compare two built PDFs: hash-identical pages skipped, the rest compared in worker processes."""
    started = time.perf_counter()
    check_dpi(options.dpi)
    check_mask_kinds(options.masks, (old.sidecar, new.sidecar))
    old_digests, new_digests = page_digests(old.pdf), page_digests(new.pdf)
    old_names = page_names(old.sidecar, len(old_digests))
    new_names = page_names(new.sidecar, len(new_digests))
    pairs = pair_pages(old_names, new_names, old.sidecar is not None and new.sidecar is not None)
    done: dict[str, PageDiff] = {}
    jobs = []
    for pair in pairs:
        same = (pair.old_index is not None and pair.new_index is not None
                and old_digests[pair.old_index] == new_digests[pair.new_index])
        if same:
            done[pair.key] = PageDiff(pair.key, "identical", pair.old_index, pair.new_index)
            continue
        records = (_record(old, pair.old_index), _record(new, pair.new_index))
        jobs.append(PageJob(pair.key, pair.old_index, pair.new_index, *records,
                            masks=page_masks(options.masks, records)))
    context = DiffContext(old.pdf, new.pdf, Path(outdir), options)
    _remove_stale_images(Path(outdir))
    for page in run_jobs(context, jobs):
        done[page.key] = page
    pages = tuple(done[pair.key] for pair in pairs)
    return DiffResult(old.pdf, new.pdf, options, pages, round(time.perf_counter() - started, 3))


def _remove_stale_images(outdir: Path) -> None:
    """Delete the page images an earlier diff left in OUTDIR/pages, so the folder matches the report."""
    for stale in sorted((outdir / "pages").glob("*.png")):
        stale.unlink()


def _record(source: Source, index: int | None) -> dict | None:
    """The sidecar page record of `source` at `index` (None when absent)."""
    return None if index is None else sidecar_page(source.sidecar, index)


def diff(old: Path, new: Path, outdir: Path, options: DiffOptions) -> DiffResult:
    """Compare two PDFs or two issues (built into temporary folders) and write the report into `outdir`."""
    from .report import write_report
    outdir = Path(outdir)
    with tempfile.TemporaryDirectory(prefix="layout-diff-") as tmp:
        old_source = open_source(Path(old), Path(tmp) / "old")
        new_source = open_source(Path(new), Path(tmp) / "new")
        outdir.mkdir(parents=True, exist_ok=True)
        result = replace(diff_sources(old_source, new_source, outdir, options), old=Path(old), new=Path(new))
        write_report(result, outdir)
    return result
