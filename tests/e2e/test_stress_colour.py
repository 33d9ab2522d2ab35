"""Issue 11 rule 3 on the four stress issues: every line the composer leaves opening its Han gaps past
¼ em is forced by the copy. Each paragraph set in the build (any looseness) is asked of
`colour_bound` — the most even colour of any legal breaking of its items, every line count tried —
and holds exactly as many such lines as that bound, with no hole and no line over ½ em."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e.test_stress_mixed import with_breaker

import layout.typeset.memo as memo
import layout.typeset.story as story
from layout.build import BuildOptions, build
from layout.typeset.breaking import Colour
from layout.typeset.lines import colour_bound, letterspacing, set_paragraph

pytestmark = pytest.mark.e2e
ISSUES = Path(__file__).resolve().parents[2] / "issues"
STRESS = ("stress-mixed/issue.yaml", "stress-mixed/tabloid/issue.yaml", "stress-finance/issue.yaml",
          "stress-science/issue.yaml")


def loose(lines) -> list[str]:
    """The lines but the last whose Han gaps open past ¼ em (as pdfcheck measures them)."""
    return [line.text for line in lines if not line.last and letterspacing(line) > 0.25 + 1e-6]


@pytest.fixture(scope="module", params=[(i, b) for i in STRESS for b in ("total-fit", "greedy")],
                ids=lambda p: f"{p[0].split('/issue')[0]}-{p[1]}")
def composed(request, tmp_path_factory):
    """(spans, measure, config, lines) of every justified paragraph the build set, with its loose lines."""
    issue, breaker = request.param
    out, seen = tmp_path_factory.mktemp(breaker), []

    def spy(spans, measure, config, looseness=0):
        result = set_paragraph(spans, measure, config, looseness=looseness)
        if config.align == "justify" and loose(result.lines):
            seen.append((list(spans), measure, config, result.lines))
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(memo, "set_paragraph", spy)
        patch.setattr(story, "set_paragraph", spy)
        build(with_breaker(ISSUES / issue, breaker, out / "issue"), BuildOptions(outdir=out / "build", cache=False))
    return seen


def test_every_line_over_a_quarter_em_is_forced_by_the_copy(composed):
    assert composed  # (each stress issue has some: a test that finds none proves nothing)
    for spans, measure, config, lines in composed:
        bound = colour_bound(spans, measure, config)
        assert bound == Colour(0, 0, len(loose(lines))), (loose(lines), bound)
