"""Grid: the page's column grid and margins as the manifest gives them (pt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class GridSpec:
    """Column grid and baseline grid as the manifest gives them (pt)."""

    columns: int
    gutter: float
    body_size: float
    leading: float
    measure: float | None = None  # column width; None = as wide as whole 字 allow


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float
