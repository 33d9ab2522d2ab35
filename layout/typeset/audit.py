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
    return count_defects([(r.text, r.first, r.last, r.width - r.measure, r.ratio) for r in rows], config)


_EDGE_MARKS = frozenset("—…⸺/\\")  # a line's first/last character needing cjk.line_start_unit/line_end_unit


def count_defects(lines: Sequence[tuple[str, bool, bool, float, float]], config: ComposeConfig) -> LineAudit:
    """audit_rows over (text, first, last, width − measure, ratio) tuples, each edge unit judged once per build."""
    level, justify, orphan_min = config.kinsoku, config.align == "justify", config.orphan_min
    start_ok: dict[str, bool] = {}
    end_ok: dict[str, bool] = {}
    starts = ends = not_flush = orphans = overfull = squeezed = 0
    for text, first, last, off, ratio in lines:
        body = text.strip(" ")
        if body:
            if not first:
                unit = body[0] if body[0] not in _EDGE_MARKS else cjk.line_start_unit(body)
                ok = start_ok.get(unit)
                if ok is None:
                    ok = start_ok[unit] = cjk.may_start(unit, level)
                starts += not ok
            if not last:
                unit = body[-1] if body[-1] not in _EDGE_MARKS else cjk.line_end_unit(body)
                ok = end_ok.get(unit)
                if ok is None:
                    ok = end_ok[unit] = cjk.may_end(unit, level)
                ends += not ok
        if last:
            if not first and sum(map(cjk.is_counted, text)) < orphan_min:
                orphans += 1
        elif justify and abs(off) > FLUSH_TOLERANCE:
            not_flush += 1
        if off > FLUSH_TOLERANCE:
            overfull += 1
        if ratio < -1e-9:
            squeezed += 1
    return LineAudit(lines=len(lines), prohibited_starts=starts, prohibited_ends=ends, not_flush=not_flush,
                     orphans=orphans, overfull=overfull, squeezed=squeezed)
