"""Per-page deliverables (`build --pages`): each page PDF has its own sidecar, so `layout proof A03.pdf
--overlay` and `layout diff` work on a page handed over alone; a page PDF without one finds its page in the
issue sidecar beside it; proofs are named by 版次 (A03.png), not page-001."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from worlds import write_issue

from layout.cli import main
from layout.output import sidecar
from layout.qa.proof import load_sidecar


def built(tmp_path, tiny_font_path):
    (tmp_path / "issue").mkdir()
    issue = write_issue(tmp_path / "issue", tiny_font_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(issue), "-o", str(out), "--pages", "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_each_page_pdf_gets_its_own_sidecar(tmp_path, tiny_font_path):
    out = built(tmp_path, tiny_font_path)
    whole = sidecar.read(out / "tiny.layout.json")
    page = sidecar.read(out / "A03.layout.json")
    assert (page.issue, page.pdf, len(page.pages)) == ("tiny", "A03.pdf", 1)
    assert page.pages[0].index == 0 and page.pages[0].label == "A03"
    assert page.pages[0].articles == whole.pages[0].articles


def test_a_page_pdf_handed_over_alone_proofs_with_overlay_named_by_its_label(tmp_path, tiny_font_path):
    out = built(tmp_path, tiny_font_path)
    plant = tmp_path / "plant"
    plant.mkdir()
    shutil.copy(out / "A03.pdf", plant)
    shutil.copy(out / "A03.layout.json", plant)
    result = CliRunner().invoke(main, ["proof", str(plant / "A03.pdf"), "-o", str(tmp_path / "png"), "--overlay",
                                       "--dpi", "30"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == ["A03.png"]


def test_a_page_pdf_without_its_sidecar_finds_its_page_in_the_issue_sidecar(tmp_path, tiny_font_path):
    out = built(tmp_path, tiny_font_path)
    (out / "A03.layout.json").unlink()
    found = load_sidecar(out / "A03.pdf")
    assert found is not None and found.pdf == "A03.pdf" and [p.label for p in found.pages] == ["A03"]
    result = CliRunner().invoke(main, ["proof", str(out / "A03.pdf"), "-o", str(tmp_path / "png"), "--overlay",
                                       "--dpi", "30"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "png").iterdir()] == ["A03.png"]


def test_layout_diff_compares_two_page_pdfs_by_article(tmp_path, tiny_font_path):
    out = built(tmp_path, tiny_font_path)
    issue = tmp_path / "issue"
    (issue / "b.txt").write_text("headline: 另一篇\n\n短文改了。\n", encoding="utf-8")
    new = tmp_path / "new"
    rebuilt = CliRunner().invoke(main, ["build", str(issue / "issue.yaml"), "-o", str(new), "--pages", "-q"])
    assert rebuilt.exit_code == 0
    result = CliRunner().invoke(main, ["diff", str(out / "A03.pdf"), str(new / "A03.pdf"), "-o", str(tmp_path / "d"),
                                       "--dpi", "30"])
    assert result.exit_code == 1, result.output  # changes found
    assert result.output.startswith("A03 ") and result.output.splitlines()[0].endswith("articles: b")


def test_the_build_summary_names_each_page_sidecar(tmp_path, tiny_font_path):
    issue = write_issue(tmp_path, tiny_font_path)
    result = CliRunner().invoke(main, ["build", str(issue), "--pages"])
    assert f"  page PDF {tmp_path / 'build' / 'A03.pdf'} (sidecar A03.layout.json)" in result.output
    doc = json.loads(CliRunner().invoke(main, ["build", str(issue), "--pages", "--json"]).output)
    assert doc["outputs"]["page_sidecars"] == [str(tmp_path / "build" / "A03.layout.json")]
