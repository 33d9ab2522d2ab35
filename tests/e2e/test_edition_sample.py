"""End to end: issues/jining-edition — a 2-page edition whose front page has the 报头, the 导读 in the ear, the
头条 with its photo, a weather box and a supplied ad PDF; the 导读 labels equal the real pages, both pages
pass `layout check`, nothing given is dropped, and issues/jining (the one-page sample) is left untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from layout.build import BuildOptions, build

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "issues" / "jining-edition"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("edition")
    return build(EDITION / "issue.yaml", BuildOptions(outdir=out, pages=True))


def test_the_edition_has_two_pages_from_all_ten_stories(built):
    assert [p.label for p in built.pages] == ["A01", "A02"]
    ids = [a.id for p in built.pages for a in p.articles]
    assert len(ids) == 10 and sorted({a.file.name for p in built.made.issue.pages for a in p.articles}) == \
        [f"{n:02d}.txt" for n in range(1, 11)]
    assert built.summary.oversets == () and built.summary.underfull == () and built.summary.unplaced == ()


def test_index_labels_are_the_pages_the_stories_are_on(built):
    box = next(b for b in built.made.plans[0].boxes if b.spec.kind == "index")
    where = {a.id: p.number for p in built.pages for a in p.articles}
    assert [e.label for e in box.entries] == [f"第{where[e.article]}版" for e in box.entries] == ["第2版"] * 5
    text = pdfplumber.open(built.issue_pdf).pages[0].extract_text()
    for entry in box.entries:
        assert entry.text.replace(" ", "") in text.replace(" ", "")


def test_front_page_prints_everything_it_was_given(built):
    text = pdfplumber.open(built.issue_pdf).pages[0].extract_text().replace(" ", "")
    for given in ("第1版", "要闻", "责任编辑：王静", "济宁日报", "中共济宁市委机关报", "2023年8月22日星期二",
                  "农历癸卯年七月初七", "第12345期", "总第23456期", "今日2版", "CN37-0026", "邮发代号23-80",
                  "济宁日报社出版", "导读", "济宁天气", "今天晴转多云26～35℃", "讲文明"):
        assert given in text, given


def test_the_ad_is_a_form_xobject_and_the_placeholder_is_reported(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        kinds = sorted(str(x.Subtype) for x in pdf.pages[0].Resources.XObject.values())
    assert kinds == ["/Form", "/Image"]  # the 公益广告 as vector, the lead's photo
    assert [w for w in built.summary.warnings if "not in yet" in w] == [
        ("page 2: ad 'bank' is not in yet (ads/bank-half-page.pdf): a marked placeholder of 8栏45行（宽352mm，高254mm） "
         f"is printed in the ad slot at {EDITION / 'issue.yaml'}:{line_of('id: bank')} (pages[1].ads[0])")]


def line_of(text: str) -> int:
    return next(i for i, line in enumerate((EDITION / "issue.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


def test_layout_check_passes_on_the_edition_and_each_page(built):
    files = [built.issue_pdf, *built.page_pdfs]
    run = subprocess.run([sys.executable, "-m", "layout", "check", *map(str, files)], capture_output=True, text=True,
                         cwd=ROOT, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert [p.name for p in built.page_pdfs] == ["A01.pdf", "A02.pdf"]


def test_the_one_page_sample_is_untouched():
    run = subprocess.run(["git", "status", "--porcelain", "issues/jining"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.stdout == ""
