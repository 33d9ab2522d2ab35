"""End to end on the real fonts: issues/jump-demo, a 2-page edition whose lead story jumps from 第A3版 to
第A5版 — it builds and passes `layout check`, the labels name the real pages, nothing is lost or doubled."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.article.text import read_article
from layout.build import BuildOptions, build
from layout.cli import main
from layout.output import sidecar
from tests.e2e.texts import pdf_text

pytestmark = pytest.mark.e2e
DEMO = Path(__file__).resolve().parents[2] / "issues" / "jump-demo"
ADDED = ("jump_label", "jump_headline")  # what a jump adds to the copy


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(DEMO / "issue.yaml", BuildOptions(outdir=tmp_path_factory.mktemp("jump-demo")))


def article_chars() -> collections.Counter:
    """Every character of the demo's article files (header and body)."""
    counts = collections.Counter()
    for path in sorted((DEMO / "articles").glob("*.txt")):
        art = read_article(path)
        counts.update(re.sub(r"\s", "", art.label + art.kicker + "".join(art.headline) + art.deck
                             + "".join(p.text for p in art.paragraphs)))
    return counts


def test_it_builds_square_and_layout_check_passes(built):
    s = built.summary
    assert not s.oversets and not s.underfull and not s.unplaced and not s.warnings
    out = CliRunner().invoke(main, ["check", str(built.issue_pdf)])
    assert out.exit_code == 0, out.output


def test_the_labels_name_the_real_pages_of_the_other_part(built):
    data = sidecar.read(built.sidecar)
    parts = {a.part: (page, a) for page in data.pages for a in page.articles if a.id == "lead"}
    (first_page, first), (second_page, second) = parts[1], parts[2]
    assert (first_page.number, second_page.number) == first.jump_pages == second.jump_pages == (3, 5)
    assert first.lines[-1].kind == "jump_label" and first.lines[-1].text == f"（下转第A{second_page.number}版）"
    assert [(r.kind, r.text) for r in second.lines[:2]] == [
        ("jump_headline", "高新区重点项目建设新闻发布会举行"), ("jump_label", f"（上接第A{first_page.number}版）")]
    assert first.lines[-2].text[-1] in "。！？；"  # the first part ends at a sentence end
    assert first_page.label == "A03" and second_page.label == "A05"


def test_nothing_is_lost_or_doubled_over_the_edition(built):
    """The PDF's characters are the article files' plus the 报眉 and the jump's labels and 转版题."""
    got = collections.Counter(re.sub(r"\s", "", pdf_text(built.issue_pdf)))
    added = collections.Counter(re.sub(r"\s", "", "".join(
        r.text for p in built.pages for r in p.runs if not r.article)))
    added.update(re.sub(r"\s", "", "".join(r.text for p in built.pages for a in p.articles for r in a.lines
                                           if r.kind in ADDED)))
    assert got == article_chars() + added


def test_layout_fit_reports_both_parts_exact(tmp_path):
    out = CliRunner().invoke(main, ["fit", str(DEMO / "issue.yaml")])
    assert out.exit_code == 0, out.output
    assert re.search(r"lead \(part 1\) .* fits exactly", out.output)
    assert re.search(r"lead \(part 2\) .* fits exactly", out.output)
