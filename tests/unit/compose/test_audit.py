"""Audit: defect counts from line records, measured against the column edge and the baseline grid."""

from layout.compose.audit import audit_records
from layout.typeset.config import ComposeConfig
from layout.placed import LineRecord

GRID = frozenset({100.0, 85.0, 70.0, 55.0, 40.0})


def record(text, x1, first=False, last=False, baseline=100.0, hang=0.0):
    """A body line in column 1 (starting at x = 0, measure 100 pt)."""
    return LineRecord(article="a", column=1, baseline=baseline, x0=0.0, x1=x1, text=text, kind="body", first=first,
                      last=last, measure=100.0, hang=hang)


def audit(*records):
    return audit_records(records, ComposeConfig(), lambda column: 0.0, GRID)


def test_clean_paragraph_has_no_defects():
    result = audit(record("永永永永", 100.0, first=True), record("永永永永", 100.0, baseline=85.0),
                   record("永永。", 30.0, last=True, baseline=70.0))
    assert (result.lines, result.prohibited_starts, result.prohibited_ends, result.not_flush,
            result.orphans, result.overfull, result.off_grid) == (3, 0, 0, 0, 0, 0, 0)


def test_each_defect_is_counted_once():
    result = audit(record("永永（", 100.0, first=True), record("，永永", 99.0, baseline=85.0),
                   record("永永永", 101.0, baseline=71.0), record("永。", 15.0, last=True, baseline=55.0))
    assert (result.prohibited_starts, result.prohibited_ends, result.not_flush, result.orphans,
            result.overfull, result.off_grid) == (1, 1, 2, 1, 1, 1)  # 99 and 101 pt are both not flush


def test_first_line_width_counts_from_the_column_edge_not_the_indent():
    # an indented first line whose text ends at the edge is flush
    assert audit(record("永永永永永永永永", 100.0, first=True)).not_flush == 0


def test_a_hanging_mark_is_not_overfull():
    assert audit(record("永永永永，", 105.0, hang=5.0)).overfull == 0


def test_squeezed_lines_are_counted_from_the_set_ratio_not_as_defects():
    """Issue 11 rule 7: a line set tighter than natural (先挤进, ratio < 0) is counted in the summary."""
    squeezed = LineRecord(article="a", column=1, baseline=100.0, x0=0.0, x1=100.0, text="永永，永永", kind="body",
                          first=True, last=False, measure=100.0, ratio=-0.4)
    loose = LineRecord(article="a", column=1, baseline=85.0, x0=0.0, x1=100.0, text="永永永永", kind="body",
                       first=False, last=True, measure=100.0, ratio=0.3)
    result = audit(squeezed, loose)
    assert (result.squeezed, result.not_flush, result.overfull) == (1, 0, 0)


def test_a_build_counts_the_lines_it_squeezed(tmp_path, tiny_font_path):
    """End to end on the tiny font: the summary's count is the number of placed body lines set tighter
    than natural; copy dense with commas in 10-字 columns pushes them in (先挤进) on two lines."""
    from layout.build import BuildOptions, build
    from worlds import write_issue
    manifest = write_issue(tmp_path, tiny_font_path)
    (tmp_path / "a.txt").write_text("headline: 标题\n\n" + "永，永，永，永，永，永永永永永永" * 4 + "永。\n", encoding="utf-8")
    result = build(manifest, BuildOptions(outdir=tmp_path / "out"))
    body = [r for p in result.pages for a in p.articles for r in a.lines if r.kind == "body"]
    squeezed = sum(1 for r in body if r.ratio < 0)
    assert result.summary.typesetting.squeezed == squeezed == 2
