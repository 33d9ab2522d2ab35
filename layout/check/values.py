"""Preflight values: rectangles and matrices in default user space, numbers and names from PDF operands."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from ..geometry import Rect  # the one rectangle type (re-exported for the checker's modules)


BOX_TOLERANCE = 0.01  # pt: boxes of a foreign PDF nest when within this (rounded numbers)


def rect_of(obj: Any) -> Rect | None:
    """A Rect from a PDF rectangle array, or None if it is not one."""
    try:
        x0, y0, x1, y1 = (float(v) for v in obj)
    except (TypeError, ValueError):
        return None
    return Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(m: tuple, n: tuple) -> tuple:
    """The matrix product m × n (PDF row-vector convention: apply m, then n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def as_matrix(operands: Any) -> tuple:
    """Six numbers as a matrix (ValueError otherwise: the content stream is malformed)."""
    values = tuple(map(float, operands))
    if len(values) != 6:
        raise ValueError(f"a matrix needs 6 numbers, not {len(values)}")
    return values


def matrix_or_identity(obj: Any) -> tuple:
    """A /Matrix entry, or the identity when it is absent or malformed."""
    try:
        return as_matrix(obj)
    except (TypeError, ValueError):
        return IDENTITY


def scale_of(m: tuple) -> float:
    """How much a matrix scales lengths, roughly: the square root of its determinant."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def bounds_of(m: tuple, points: tuple) -> Rect:
    """The bounding Rect of (x, y) points mapped through matrix m."""
    xs = [m[0] * x + m[2] * y + m[4] for x, y in points]
    ys = [m[1] * x + m[3] * y + m[5] for x, y in points]
    return Rect(min(xs), min(ys), max(xs), max(ys))


UNIT_SQUARE = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0))


def numbers_of(operands: Any) -> tuple[float, ...]:
    """The numeric operands (colour components), skipping a trailing pattern name."""
    return tuple(float(o) for o in operands if isinstance(o, (int, float, Decimal)))


def name_of(obj: Any) -> str:
    """A PDF name or string without its slash, for messages."""
    return str(obj).lstrip("/") if obj is not None else "?"
