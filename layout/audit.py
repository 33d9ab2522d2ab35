"""Audit: count typesetting defects in the lines a build set (for the build summary)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from . import cjk
from .placed import LineRecord

FLUSH_TOLERANCE = 0.01  # pt: a justified line ends within this of the column edge


@dataclass(frozen=True)
class Typesetting:
    """Defect counts over the body lines of a build; every count should be 0."""

    lines: int
    prohibited_starts: int
    prohibited_ends: int
    not_flush: int
    orphans: int
    off_grid: int


def audit_records(records: Sequence[LineRecord], level: str, orphan_min: int,
                  column_x0: Callable[[int], float], baselines: frozenset[float]) -> Typesetting:
    """Count prohibited line starts/ends, non-flush lines, 孤字 and off-grid baselines in body lines."""
    starts = ends = not_flush = orphans = off_grid = 0
    for index, rec in enumerate(records):
        text = rec.text.strip()
        if text and not cjk.may_start(cjk.line_start_unit(text), level):
            starts += 1
        if text and not rec.last and not cjk.may_end(cjk.line_end_unit(text), level):
            ends += 1
        edge = column_x0(rec.column) + rec.measure
        if not rec.last and rec.x1 < edge - FLUSH_TOLERANCE:
            not_flush += 1
        if rec.last and not rec.first and sum(map(cjk.is_counted, text)) < orphan_min:
            orphans += 1
        if round(rec.baseline, 3) not in baselines:
            off_grid += 1
    return Typesetting(len(records), starts, ends, not_flush, orphans, off_grid)
