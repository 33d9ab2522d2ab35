"""Audit: count typesetting defects in set lines (prohibited starts/ends, not flush, 孤字, overfull)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import cjk
from .config import ComposeConfig
from .lines import FLUSH_TOLERANCE, Line


@dataclass(frozen=True, kw_only=True)
class LineAudit:
    """Defects counted in lines already set (the build summary prints these)."""

    lines: int
    prohibited_starts: int  # a line (not a paragraph's first) starting with a not-at-start mark
    prohibited_ends: int  # a line (not a paragraph's last) ending with a not-at-end mark
    not_flush: int  # a justified line (not a paragraph's last) not within 0.01 pt of the measure
    orphans: int  # a paragraph's last line (not its first) with fewer than orphan_min characters
    overfull: int  # a line wider than its measure (beyond a permitted hanging mark)
    squeezed: int = 0  # a line set tighter than natural (先挤进: its punctuation compressed); not a defect


@dataclass(frozen=True, kw_only=True)
class AuditRow:
    """What the audit needs to know of one line."""

    text: str
    first: bool
    last: bool
    measure: float
    width: float
    ratio: float = 0.0  # the line's adjustment ratio (<0: squeezed); placed records do not keep it


def audit_lines(lines: Sequence[Line], config: ComposeConfig) -> LineAudit:
    """Count prohibited starts/ends, lines not flush, 孤字 and overfull lines among set lines."""
    return audit_rows([AuditRow(text=ln.text, first=ln.first, last=ln.last, measure=ln.measure, width=ln.width,
                                ratio=ln.ratio) for ln in lines], config)


def audit_rows(rows: Sequence[AuditRow], config: ComposeConfig) -> LineAudit:
    """Count defects in audit rows (Line.width excludes a hanging mark, which is allowed)."""
    level = config.kinsoku
    starts = ends = not_flush = orphans = overfull = squeezed = 0
    for row in rows:
        body = row.text.strip(" ")
        if not row.first and body and not cjk.may_start(cjk.line_start_unit(body), level):
            starts += 1
        if not row.last and body and not cjk.may_end(cjk.line_end_unit(body), level):
            ends += 1
        off = row.width - row.measure
        if config.align == "justify" and not row.last and abs(off) > FLUSH_TOLERANCE:
            not_flush += 1
        if row.last and not row.first and sum(1 for c in row.text if cjk.is_counted(c)) < config.orphan_min:
            orphans += 1
        if off > FLUSH_TOLERANCE:
            overfull += 1
        if row.ratio < -1e-9:
            squeezed += 1
    return LineAudit(lines=len(rows), prohibited_starts=starts, prohibited_ends=ends, not_flush=not_flush,
                     orphans=orphans, overfull=overfull, squeezed=squeezed)
