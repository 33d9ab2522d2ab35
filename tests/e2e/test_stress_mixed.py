"""Issue 11 ("Proof"): the composer on real mixed copy, read back from the PDF.

The stress issues in issues/stress-mixed/ (a broadsheet page of 8 columns, and a tabloid page of 5 columns
in tabloid/) carry technical and financial copy dense with commands, paths, URLs, product names, model
numbers, numbers with units, no-break spaces and ASCII brackets and quotes, in slots of 1, 2, 3, 5 and 8
columns. Both are built with the real fonts and checked glyph by glyph with `pdfcheck` against the
issue's targets. One test per property: the ones the composer does not meet yet are xfail(strict), so
each flips to a failure (XPASS) the day it is fixed and must then lose its mark.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from e2e.pdfcheck import Report, check_pdf
from layout.build import BuildOptions, build

pytestmark = pytest.mark.e2e
STRESS = Path(__file__).resolve().parents[2] / "issues" / "stress-mixed"
ISSUES = {"broadsheet": STRESS / "issue.yaml", "tabloid": STRESS / "tabloid" / "issue.yaml"}
HAN_LATIN = (0.2, 0.32)  # em; the default latin_spacing is ¼ em (see the Han–Latin test for 0.32)
EPS = 1e-6


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Both stress issues built (no --allow-overset: an overset slot fails the build)."""
    out = tmp_path_factory.mktemp("stress")
    return {name: build(path, BuildOptions(outdir=out / name)) for name, path in ISSUES.items()}


@pytest.fixture(scope="module")
def reports(built) -> dict[str, Report]:
    return {name: check_pdf(result.issue_pdf, result.sidecar) for name, result in built.items()}


def every(reports, name):
    return [d for r in reports.values() for d in getattr(r, name)]


def show(defects, limit=15) -> str:
    return "\n".join(str(d) for d in defects[:limit]) + (f"\n… {len(defects)} in all" if len(defects) > limit else "")


# --- the issue itself and the checker's grip on it -----------------------------------------------------

def test_slots_of_one_two_three_five_and_eight_columns_nothing_overset(built):
    assert all(r.summary.oversets == () for r in built.values())
    spans = {len(a["columns"]) for r in built.values()
             for p in json.loads(r.sidecar.read_text(encoding="utf-8"))["pages"] for a in p["articles"]}
    assert {1, 2, 3, 5, 8} <= spans


def test_checker_reads_back_every_line_and_glyph(reports):
    """Sanity of the checker: hundreds of lines, every glyph on a sidecar line, texts agree."""
    assert sum(r.body_lines for r in reports.values()) > 400
    assert every(reports, "text_mismatches") == []
    assert every(reports, "stray_glyphs") == []


def test_the_copy_has_han_latin_pairs_to_measure(reports):
    assert len(every(reports, "han_latin")) > 200


# --- targets the composer meets today ------------------------------------------------------------------

def test_no_line_starts_with_a_prohibited_mark(reports):
    bad = every(reports, "prohibited_starts")
    assert bad == [], show(bad)


def test_no_glyph_past_a_column_edge(reports):
    bad = every(reports, "past_edge")
    assert bad == [], show(bad)


def test_no_two_glyphs_ink_overlaps(reports):
    bad = every(reports, "overlaps")
    assert bad == [], show(bad)


# --- targets not met yet (issue 11) ---------------------------------------------------------------------

def test_no_line_ends_with_a_prohibited_mark(reports):
    bad = every(reports, "prohibited_ends")
    assert bad == [], show(bad)


def test_no_line_letterspaced_over_half_an_em(reports):
    bad = every(reports, "over_half_em")
    assert bad == [], show(bad)


@pytest.mark.xfail(strict=True, reason="issue 11: about 5 % of body lines open Han gaps over 1/4 em "
                   "in 10-字 columns with Latin tokens (target under 1 %)")
def test_under_one_percent_of_lines_letterspaced_over_a_quarter_em(reports):
    lines = sum(r.body_lines for r in reports.values())
    bad = every(reports, "over_quarter_em")
    assert len(bad) < 0.01 * lines, f"{len(bad)} of {lines} body lines\n" + show(bad)


def test_han_latin_spacing_stays_near_a_quarter_em(reports):
    """¼ em, squeezed to no less than 0.2 em (LATIN_SPACING_KEEP), stretched by a tenth of the Han gaps'
    stretch: 0.30 em on a line at the ½ em bound. 0.32: the one line that cannot meet that bound
    (tabloid `console/gpu/apply在线`, the tail of a URL wider than the column, 0.66 em) reaches 0.316."""
    lo, hi = HAN_LATIN
    bad = sorted((d for d in every(reports, "han_latin") if not lo - EPS <= d.value <= hi + EPS),
                 key=lambda d: d.value)
    assert bad == [], show(bad[:8] + bad[-8:], 16)


@pytest.mark.xfail(strict=True, reason="issue 11: one left: 'ISO 12647-3' is wider than the "
                   "1-column slot at 小一, so '12647-3' stands alone (no shorter way exists)")
def test_no_headline_line_is_a_single_latin_word(reports):
    bad = every(reports, "single_word_headlines")
    assert bad == [], show(bad)
