"""The fast line audit (count_defects) counts exactly what the per-row audit it replaced counted."""

from __future__ import annotations

import random

from layout import cjk
from layout.typeset.audit import AuditRow, LineAudit, audit_rows
from layout.typeset.config import ComposeConfig
from layout.typeset.lines import FLUSH_TOLERANCE

_ALPHABET = list("中文报纸排版测试abcXYZ019 、。，：；！？）」』“”（「『%‰℃¥$/\\／·—…⸺") + ["——", "……", "http://a/", "/usr"]


def oracle(rows, config: ComposeConfig) -> LineAudit:
    """The audit as it was before issue 17's fourth session (one cjk call per row and test)."""
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


def _rows(seed: int, count: int) -> list[AuditRow]:
    """Rows of random edge-heavy text, flags, widths around the measure and ratios around 0."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 6)))
        rows.append(AuditRow(text=text, first=rng.random() < 0.3, last=rng.random() < 0.3, measure=100.0,
                             width=100.0 + rng.choice((0.0, 0.005, -0.005, 0.02, -0.02, 3.0, -3.0)),
                             ratio=rng.choice((0.0, -0.5, -1e-10, 0.4))))
    return rows


def test_counts_equal_the_old_audit_at_every_level_and_alignment():
    rows = _rows(17, 4000)
    for level in cjk.LEVELS:
        for align in ("justify", "left"):
            for orphan_min in (1, 2, 3):
                config = ComposeConfig(kinsoku=level, align=align, orphan_min=orphan_min)
                assert audit_rows(rows, config) == oracle(rows, config)


def test_the_random_rows_reach_every_count():
    audit = audit_rows(_rows(17, 4000), ComposeConfig(kinsoku="strict"))
    assert min(audit.prohibited_starts, audit.prohibited_ends, audit.not_flush, audit.orphans, audit.overfull,
               audit.squeezed) > 0


def test_two_em_marks_and_tokens_are_judged_as_units():
    rows = [AuditRow(text="——中文", first=False, last=True, measure=10.0, width=10.0),
            AuditRow(text="见http://", first=True, last=False, measure=10.0, width=10.0),
            AuditRow(text="中文。", first=True, last=False, measure=10.0, width=10.0)]
    config = ComposeConfig(kinsoku="gb")
    assert audit_rows(rows, config) == oracle(rows, config)
