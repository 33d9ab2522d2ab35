"""QA pixel diff: changed pixels of two RGB renderings, their regions in pt, and the overlay image."""

from __future__ import annotations

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from ..output.sidecar import SidecarPage
from .model import BoxPt, PxBox, Region
from .proof import Raster

REGION_CELL_PT = 4.0  # changed pixels closer than about one cell form one region
REGION_SLOT_TOLERANCE_PX = 2  # a region must reach this far into a slot to count for its article


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


def articles_touching(box: BoxPt, records: tuple[SidecarPage | None, ...], tol: float = 0.0) -> tuple[str, ...]:
    """Ids of the articles whose slot (old or new) overlaps a pt box by more than `tol`, in sidecar order."""
    found: list[str] = []
    for record in records:
        for article in record.articles if record is not None else ():
            slot = article.slot
            if (box[0] < slot[2] - tol and slot[0] + tol < box[2]
                    and box[1] < slot[3] - tol and slot[1] + tol < box[3]):
                if article.id not in found:
                    found.append(article.id)
    return tuple(found)


def raster_regions(mask: Image.Image, raster: Raster, records: tuple[SidecarPage | None, ...]) -> tuple[Region, ...]:
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


def pad(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The image on a white canvas of `size` (pages of different sizes are compared top-left aligned)."""
    if image.size == size:
        return image
    canvas = Image.new("RGB", size, (255, 255, 255))
    canvas.paste(image, (0, 0))
    return canvas
