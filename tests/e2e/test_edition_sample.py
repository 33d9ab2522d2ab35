"""End to end: issues/jining-edition — a 2-page edition whose front page has the 报头, the 导读 in the ear, the
头条 with its photo jumping to page 2, a weather box and a supplied ad PDF; the 导读 and jump labels equal the
real pages, nothing is lost or doubled over both pages, every slot fits exactly, both pages pass `layout
check`, proof and diff work per page, and issues/jining (the one-page sample) is left untouched."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from click.testing import CliRunner

from layout.article.text import read_article
from layout.build import BuildOptions, build
from layout.cli import main
from layout.output import sidecar
from layout.qa.diff import DiffOptions, diff
from tests.e2e.texts import pdf_text

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "issues" / "jining-edition"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("edition")
    return build(EDITION / "issue.yaml", BuildOptions(outdir=out, pages=True))


def test_the_edition_has_two_pages_from_all_ten_stories_and_a_photo_news(built):
    assert [p.label for p in built.pages] == ["A01", "A02"]
    ids = [a.id for p in built.pages for a in p.articles]
    assert len(ids) == 12 and len(set(ids)) == 11 and ids.count("lead") == 2  # the 头条 in two parts
    assert sorted({a.file.name for p in built.made.issue.pages for a in p.articles}) == \
        [f"{n:02d}.txt" for n in range(1, 12)]  # 11.txt: the 图片新闻's title
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
        ("page 2: ad 'bank' is not in yet (ads/bank.pdf): a marked placeholder of 8栏18行（宽352mm，高102mm） "
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


# --- the 头条 jumps to page 2 ---------------------------------------------------------------------

def chars(text: str) -> collections.Counter:
    """The multiset of the non-space characters of `text`."""
    return collections.Counter(re.sub(r"\s", "", text))


def test_the_lead_jumps_from_page_1_to_page_2_with_labels_naming_the_real_pages(built):
    data = sidecar.read(built.sidecar)
    parts = {a.part: (page, a) for page in data.pages for a in page.articles if a.id == "lead"}
    (first_page, first), (second_page, second) = parts[1], parts[2]
    assert (first_page.number, second_page.number) == first.jump_pages == second.jump_pages == (1, 2)
    assert (first.lines[-1].kind, first.lines[-1].text) == ("jump_label", f"（下转第{second_page.number}版）") \
        == ("jump_label", "（下转第2版）")  # the issue does not say jumps: {lettered: true}
    assert [(r.kind, r.text) for r in second.lines[:2]] == [
        ("jump_headline", "济宁高新区重点项目建设新闻发布会举行"), ("jump_label", f"（上接第{first_page.number}版）")]
    assert first.lines[-2].text[-1] in "。！？；"  # the first part ends at a sentence end, not on a run-in
    assert not any(r.kind == "label" for r in second.lines)  # the continuation repeats no headline block


def test_the_labels_are_printed_on_their_pages(built):
    pdf = pdfplumber.open(built.issue_pdf)
    one, two = (page.extract_text().replace(" ", "") for page in pdf.pages)
    assert "（下转第2版）" in one and "（上接第1版）" not in one
    assert "（上接第1版）" in two and "（下转第2版）" not in two


def test_nothing_is_lost_or_doubled_over_both_pages(built):
    """The PDF's characters are the article files' (the ten stories and the 图片新闻's title) plus the
    furniture (报眉, 报头, 导读, weather, the ad placeholder), the photos' captions and credits from the manifest, the supplied ad's own text, and the
    jump's labels and 转版题."""
    got = chars(pdf_text(built.issue_pdf))
    articles = collections.Counter()
    for path in sorted((EDITION / "articles").glob("*.txt")):
        art = read_article(path)
        articles += chars(art.label + art.kicker + "".join(art.headline) + art.deck
                          + "".join(p.text for p in art.paragraphs))
    furniture = chars("".join(r.text for p in built.pages for r in p.runs if not r.article))
    jump = chars("".join(r.text for p in built.pages for a in p.articles for r in a.lines
                         if r.kind in ("jump_label", "jump_headline")))
    assert sum(jump.values()) == len("（下转第2版）（上接第1版）济宁高新区重点项目建设新闻发布会举行")
    captions = chars("".join(f.caption + f.credit for p in built.made.issue.pages for a in p.articles
                             for f in a.figures))  # the 头条's photo and the 图片新闻 on page 2
    ad = chars(pdf_text(EDITION / "ads" / "gongyi.pdf"))
    assert got == articles + furniture + jump + captions + ad


def test_layout_fit_reports_every_slot_and_both_parts_exact():
    out = CliRunner().invoke(main, ["fit", str(EDITION / "issue.yaml")])
    assert out.exit_code == 0, out.output
    rows = [line for line in out.output.splitlines() if re.match(r"  [a-z]", line) and "slot head" not in line]
    assert len(rows) == 12 and all(line.endswith("fits exactly") for line in rows), out.output
    assert re.search(r"lead \(part 1\) +31×8 @1,9 .* fits exactly", out.output)
    assert re.search(r"lead \(part 2\) +\d+×4 @1,0 .* fits exactly", out.output)
    assert "in no slot" not in out.output


def test_layout_proof_writes_one_png_per_page(built, tmp_path):
    out = CliRunner().invoke(main, ["proof", str(built.issue_pdf), "-o", str(tmp_path / "p"), "--dpi", "30",
                                    "--overlay"])
    assert out.exit_code == 0, out.output
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["A01.png", "A02.png"]


def test_layout_diff_attributes_a_change_in_the_continuation_to_the_lead(built, tmp_path):
    """A word changed in the part of the 头条 set on page 2: page 1 is unchanged, page 2's change is the lead's."""
    shutil.copytree(EDITION, tmp_path / "copy")
    article = tmp_path / "copy" / "articles" / "01.txt"
    text = article.read_text(encoding="utf-8")
    assert text.count("锚定目标") == 1
    article.write_text(text.replace("锚定目标", "瞄准目标"), encoding="utf-8")
    new = build(tmp_path / "copy" / "issue.yaml", BuildOptions(outdir=tmp_path / "new"))
    result = diff(built.issue_pdf, new.issue_pdf, tmp_path / "report", DiffOptions(jobs=1))
    first, second = result.pages
    assert not first.changed and second.changed
    assert {change.article for change in second.text} == {"lead"}
    assert [(c.kind, c.old_text, c.new_text) for c in second.text] == [("change", "锚定", "瞄准")]
