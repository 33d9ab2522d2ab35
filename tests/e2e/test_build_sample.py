"""End to end on the real fonts: the sample issue builds into a print PDF that carries every character."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from layout.build import BuildOptions, build
from layout.cli import main
from layout.article.text import read_article
from layout.units import mm
from tests.e2e.texts import pdf_text

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    return build(SAMPLE / "issue.yaml", BuildOptions(outdir=out, pages=True))


def article_chars() -> collections.Counter:
    """Every character an editor wrote in the sample's article files (header and body)."""
    counts = collections.Counter()
    for path in sorted((SAMPLE / "articles").glob("*.txt")):
        art = read_article(path)
        text = art.label + art.kicker + "".join(art.headline) + art.deck
        text += "".join(p.text for p in art.paragraphs)
        counts.update(re.sub(r"\s", "", text))
    return counts


def test_page_is_broadsheet_with_trimbox(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        page = pdf.pages[0]
        trim = [float(v) for v in page.obj.TrimBox]
        assert trim[2] - trim[0] == pytest.approx(mm(390), abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(mm(540), abs=0.01)
        assert len(pdf.pages) == 1


def test_one_type0_subset_per_face_embedded(built):
    out = subprocess.run(["pdffonts", str(built.issue_pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    names = [r.split()[0] for r in rows]
    assert len(names) == len(set(n.split("+", 1)[1] for n in names)), "one font per face"
    for row in rows:
        assert re.match(r"^[A-Z]{6}\+", row), row
        assert "CID" in row and " yes yes yes " in row, row  # embedded, subset, ToUnicode


def test_every_character_of_every_article_is_in_the_pdf(built):
    got = collections.Counter(re.sub(r"\s", "", pdf_text(built.issue_pdf)))
    want = article_chars()
    assert want - got == collections.Counter(), "characters lost"
    furniture = collections.Counter(re.sub(r"\s", "", "".join(
        r.text for p in built.pages for r in p.runs if not r.article)))
    assert got == want + furniture, "nothing doubled, nothing but the 报眉 added"


def test_no_line_starts_with_a_closing_mark(built):
    """Read glyph positions back from the PDF; group by column and baseline."""
    import pdfplumber
    with pdfplumber.open(built.issue_pdf) as pdf:
        page = pdf.pages[0]
        columns = [(c.x0, c.x1) for c in built.pages[0].column_boxes]
        height = float(page.height)
        lines = collections.defaultdict(list)
        for ch in page.chars:
            mid = (ch["x0"] + ch["x1"]) / 2
            col = next((i for i, (a, b) in enumerate(columns) if a - 6 <= mid <= b + 6), None)
            if col is not None and ch["text"].strip():
                lines[(col, round(height - ch["bottom"], 0))].append(ch)
    starts = [min(chars, key=lambda c: c["x0"])["text"] for chars in lines.values()]
    assert len(starts) > 300
    assert not [s for s in starts if s in "，。、；：？！）》」』"]


def test_rebuild_is_byte_identical(built, tmp_path):
    again = build(SAMPLE / "issue.yaml", BuildOptions(outdir=tmp_path, pages=True))
    assert again.issue_pdf.read_bytes() == built.issue_pdf.read_bytes()
    for a, b in zip(again.page_pdfs, built.page_pdfs):
        assert a.read_bytes() == b.read_bytes()


def test_page_pdfs_named_by_edition_and_page(built):
    assert [p.name for p in built.page_pdfs] == ["A02.pdf"]


def test_qpdf_check_is_clean(built):
    result = subprocess.run(["qpdf", "--check", str(built.issue_pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_build_prints_summary(tmp_path):
    result = CliRunner().invoke(main, ["build", str(SAMPLE / "issue.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 page(s), 10 articles" in result.output
    assert "prohibited line starts 0" in result.output


def copy_sample(tmp_path: Path) -> Path:
    dest = tmp_path / "issue"
    shutil.copytree(SAMPLE, dest, ignore=shutil.ignore_patterns("build"))
    return dest


def test_overset_fails_the_build_with_counts(tmp_path):
    issue = copy_sample(tmp_path)
    yaml = issue / "issue.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace("lines: 19}", "lines: 9}", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(yaml), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert re.search(r"article \w+ on page 2: needs \d+ lines, slot holds \d+ \(\d+ lines ≈ \d+ characters over\)",
                     result.output)
    assert not (tmp_path / "out" / "jining-2023-08-22.pdf").exists()


def test_allow_overset_builds_and_lists_it(tmp_path):
    issue = copy_sample(tmp_path)
    yaml = issue / "issue.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("lines: 19}", "lines: 9}", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(yaml), "-o", str(tmp_path / "out"), "--allow-overset"])
    assert result.exit_code == 0, result.output
    assert "OVERSET article" in result.output


def test_failed_build_keeps_the_last_good_pdf(tmp_path):
    issue = copy_sample(tmp_path)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(issue / "issue.yaml"), "-o", str(out)]).exit_code == 0
    good = (out / "jining-2023-08-22.pdf").read_bytes()
    (issue / "articles" / "01.txt").write_bytes(b"headline: x\n\n\xff\xfe broken")
    result = CliRunner().invoke(main, ["build", str(issue / "issue.yaml"), "-o", str(out)])
    assert result.exit_code == 1 and "not UTF-8" in result.output
    assert (out / "jining-2023-08-22.pdf").read_bytes() == good
    assert not list(out.glob(".*.tmp"))
