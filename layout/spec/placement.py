"""Placement: where an article sits on a page's grid as the manifest gives it (slot, headline options)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Slot:
    """Where an article sits on the grid: 1-based first column, span, top body line (0-based), height."""

    column: int
    span: int
    top: int
    lines: int | None  # None = 'rest': down to the bottom of the type area


@dataclass(frozen=True)
class ArticleSpec:
    """An article placed on a page: id, article file, slot; `where` is its YAML path for messages."""

    id: str
    file: Path
    slot: Slot
    where: str
    headline_align: str | None = None  # overrides the headline style's alignment
    headline_lines: int | None = None  # 占行 of the headline block; None = computed
    headline_size: float | None = None  # this article's headline size (pt); None = the headline style's
