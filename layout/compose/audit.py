"""Audit: the composer's line audit over a page's placed body lines, plus baselines off the page grid."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..placed import LineRecord
from ..typeset.audit import count_defects
from ..typeset.config import ComposeConfig


@dataclass(frozen=True, kw_only=True)
class Typesetting:
    """Defect counts over the body lines of a build; every count should be 0."""

    lines: int
    prohibited_starts: int
    prohibited_ends: int
    not_flush: int
    orphans: int
    overfull: int
    off_grid: int
    squeezed: int = 0  # lines set tighter than natural (先挤进); counted, not a defect


def audit_records(records: Sequence[LineRecord], config: ComposeConfig, column_x0: Callable[[int], float],
                  baselines: frozenset[float]) -> Typesetting:
    """The composer's line audit over placed records (width measured from the column's start edge),
    plus body baselines that are not on the page's baseline grid."""
    x0 = {column: column_x0(column) for column in {r.column for r in records}}  # each column's start once
    audit = count_defects([(r.text, r.first, r.last, (r.x1 - r.hang - x0[r.column]) - r.measure, r.ratio)
                           for r in records], config)
    off_grid = sum(1 for r in records if round(r.baseline, 3) not in baselines)
    return Typesetting(lines=audit.lines, prohibited_starts=audit.prohibited_starts,
                       prohibited_ends=audit.prohibited_ends, not_flush=audit.not_flush, orphans=audit.orphans,
                       overfull=audit.overfull, off_grid=off_grid,
                       squeezed=audit.squeezed)
