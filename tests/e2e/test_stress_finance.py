"""Issue 11: a stress issue written after the composer was tuned and not tuned to (issues/stress-finance:
market figures with units and percentages, sports scores, a short-lined poem, URLs; slots of 1, 2, 3
and 4 columns), built with both breakers and read back from the PDF with `pdfcheck`."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e.pdfcheck import check_pdf
from e2e.test_stress_mixed import show, with_breaker

from layout.build import BuildOptions, build

pytestmark = pytest.mark.e2e
ISSUE = Path(__file__).resolve().parents[2] / "issues" / "stress-finance" / "issue.yaml"


@pytest.fixture(scope="module", params=["total-fit", "greedy"])
def report(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    result = build(with_breaker(ISSUE, request.param, out / "issue"), BuildOptions(outdir=out / "build"))
    assert result.summary.oversets == ()
    return check_pdf(result.issue_pdf, result.sidecar)


@pytest.mark.parametrize("name", ["prohibited_starts", "prohibited_ends", "past_edge", "overlaps", "holes",
                                  "single_word_headlines", "text_mismatches"])
def test_none(report, name):
    bad = getattr(report, name)
    assert bad == [], show(bad)


def test_a_body_to_check(report):
    assert report.body_lines > 150 and len(report.han_latin) > 100


def test_no_line_over_half_an_em(report):
    """The markets lead in 11-字 columns: the dateline `本报讯（记者` before `邵雨晴` and the chain of figures
    `3,054.64点，周涨1.83%；` left 4 lines at 0.56–0.75 em until Han–Latin spaces opened with the Han gaps
    in the even-colour pass (widest now 0.44 em)."""
    assert report.over_half_em == [], show(report.over_half_em)


def test_four_lines_over_a_quarter_em_each_forced_by_the_copy(report):
    """Both breakers leave the same 4 lines of 185–191 over ¼ em, each forced (test_stress_colour: no
    legal breaking of its paragraph has fewer without a hole or a line over ½ em):
    - `涨2.39%；创业板指` / `报1,871.15点，周涨` (markets, 11 字): `1,871.15点，周涨3.02%。` squeezed to
      the last is 11.05 字, so `3.02%` cannot join it, and each other way to share the figures
      between these lines leaves a line over ½ em;
    - `同日，美元指数` (fx): the first line after the 2-字 indent cannot take `（DXY）` (an opening
      bracket never ends a line), and breaking earlier is looser;
    - `赛事首次启用“芯片` (marathon): any tighter breaking of it shifts the lines after it so that the
      URL's first piece starts a line alone (`https://www.`, a hole) or with one Han (`站https://www.`,
      0.34 em)."""
    assert [(d.text, round(d.value, 3)) for d in report.over_quarter_em] == [
        ("涨2.39%；创业板指", 0.365), ("报1,871.15点，周涨", 0.442), ("同日，美元指数", 0.4),
        ("赛事首次启用“芯片", 0.286)]
