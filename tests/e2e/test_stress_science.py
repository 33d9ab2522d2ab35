"""Issue 11: a third stress issue not tuned to (issues/stress-science: scores, units, formulas, URLs and
DOIs in slots of 1 to 8 columns), built with both breakers and read back from the PDF with `pdfcheck`."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e.pdfcheck import check_pdf
from e2e.test_stress_mixed import show, with_breaker

from layout.build import BuildOptions, build

pytestmark = pytest.mark.e2e
ISSUE = Path(__file__).resolve().parents[2] / "issues" / "stress-science" / "issue.yaml"


@pytest.fixture(scope="module", params=["total-fit", "greedy"])
def built(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    result = build(with_breaker(ISSUE, request.param, out / "issue"),
                   BuildOptions(outdir=out / "build", allow_overset=True))
    return result, check_pdf(result.issue_pdf, result.sidecar)


@pytest.mark.parametrize("name", ["prohibited_starts", "prohibited_ends", "past_edge", "overlaps", "holes",
                                  "single_word_headlines", "text_mismatches"])
def test_none(built, name):
    bad = getattr(built[1], name)
    assert bad == [], show(bad)


def test_a_body_to_check(built):
    report = built[1]
    assert report.body_lines > 100 and len(report.han_latin) > 40


def test_every_line_over_half_an_em_is_reported_in_the_summary(built):
    """Rule 3: when no break meets the ½-em bound the build names the line (PDF-side count = warnings)."""
    result, report = built
    warned = [w for w in result.summary.warnings if "over 0.5 em" in w]
    assert len(warned) == len(report.over_half_em) and all(
        any(d.text.replace(" ", "").startswith(w.split("'")[1]) for w in warned) for d in report.over_half_em), (
        show(report.over_half_em) + "\n" + "\n".join(warned))


def test_no_line_over_half_an_em(built):
    assert built[1].over_half_em == [], show(built[1].over_half_em)


def test_the_checker_finds_a_hole_and_spares_a_last_line():
    """The `holes` measure itself: `市` alone after a 2-字 indent in a 100-pt column is one; the same line
    as a paragraph's last, or a line ending 20 pt short (under ¼ of the column), is none."""
    from e2e.pdfcheck import Glyph, Line, PageReport, _check_line

    def holes(x1, last):
        line = Line(page=1, article="a", column=1, kind="body", baseline=100.0, box=(0.0, 100.0), first=True,
                    last=last, record_text="市", glyphs=[Glyph("市", x1 - 10.0, x1, 90.0, 100.0, 10.0, 100.0)])
        rep = PageReport(number=1, label="A01")
        _check_line(line, rep, "strict", 0.05)
        return [d.value for d in rep.holes]

    assert holes(30.0, last=False) == [70.0]
    assert holes(30.0, last=True) == [] and holes(80.0, last=False) == []
