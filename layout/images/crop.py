"""Crop to the box's aspect ratio from a focus point (cover) or letterbox onto paper white (contain)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Crop:
    """The source rectangle kept and the canvas it sits on, in source pixels (canvas = rect for cover)."""

    left: int
    top: int
    width: int
    height: int
    canvas_width: int
    canvas_height: int
    offset_x: int = 0  # where the rectangle's top-left sits on the canvas (contain)
    offset_y: int = 0

    @property
    def box(self) -> tuple[int, int, int, int]:
        """The source rectangle as Pillow's (left, upper, right, lower)."""
        return (self.left, self.top, self.left + self.width, self.top + self.height)

    @property
    def letterboxed(self) -> bool:
        """True when the canvas is larger than the kept rectangle."""
        return (self.canvas_width, self.canvas_height) != (self.width, self.height)


def plan(size: tuple[int, int], box: tuple[float, float], fit: str = "cover",
         focus: tuple[float, float] = (0.5, 0.5)) -> Crop:
    """The crop of an image of `size` pixels for a box of `box` (any unit) by `fit`."""
    if fit == "contain":
        return contain(size, box)
    return cover(size, box, focus)


def cover(size: tuple[int, int], box: tuple[float, float], focus: tuple[float, float] = (0.5, 0.5)) -> Crop:
    """Largest rectangle of the box's aspect, centred on the focus point and clamped inside the image."""
    width, height = size
    aspect = box[0] / box[1]
    if width / height > aspect:
        keep = max(1, min(width, round(height * aspect)))
        left = _clamp(round(focus[0] * width - keep / 2), 0, width - keep)
        return Crop(left=left, top=0, width=keep, height=height, canvas_width=keep, canvas_height=height)
    keep = max(1, min(height, round(width / aspect)))
    top = _clamp(round(focus[1] * height - keep / 2), 0, height - keep)
    return Crop(left=0, top=top, width=width, height=keep, canvas_width=width, canvas_height=keep)


def contain(size: tuple[int, int], box: tuple[float, float]) -> Crop:
    """The whole image centred on a canvas of the box's aspect (the rest is paper white)."""
    width, height = size
    aspect = box[0] / box[1]
    if width / height > aspect:
        canvas = max(height, round(width / aspect))
        return Crop(left=0, top=0, width=width, height=height, canvas_width=width, canvas_height=canvas, offset_x=0,
                    offset_y=(canvas - height) // 2)
    canvas = max(width, round(height * aspect))
    return Crop(left=0, top=0, width=width, height=height, canvas_width=canvas, canvas_height=height,
                offset_x=(canvas - width) // 2, offset_y=0)


def _clamp(value: int, low: int, high: int) -> int:
    """`value` limited to low..high."""
    return max(low, min(high, value))
