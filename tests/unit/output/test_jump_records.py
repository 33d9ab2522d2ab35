"""A jump's two parts in what the build writes: the sidecar (one article, part and pages), `layout fit`,
and `layout diff` attributing a change in either part to the article (golden case 'jump', tiny font)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.build import BuildOptions, build
from layout.cli.fit import command as fit_command
from layout.output import sidecar
from layout.qa.diff import DiffOptions, diff

CASE = Path(__file__).resolve().parents[2] / "golden" / "cases" / "jump"


def copy_case(folder: Path, font: Path) -> Path:
    """The golden case 'jump' copied into `folder` with the tiny font; its manifest."""
    shutil.copytree(CASE, folder, ignore=shutil.ignore_patterns("expected.txt"))
    shutil.copyfile(font, folder / "tiny.ttf")
    return folder / "issue.yaml"


@pytest.fixture
def built(tmp_path, tiny_font_path):
    manifest = copy_case(tmp_path / "case", tiny_font_path)
    return manifest, build(manifest, BuildOptions(outdir=tmp_path / "old"))


def test_the_sidecar_records_both_parts_as_one_article_with_part_and_pages(built):
    _, result = built
    data = sidecar.read(result.sidecar)
    parts = [(p.number, a.id, a.part, a.jump_pages) for p in data.pages for a in p.articles]
    assert parts == [(1, "lead", 1, (1, 2)), (2, "lead", 2, (1, 2))]
    raw = json.loads(result.sidecar.read_text(encoding="utf-8"))
    assert raw["pages"][0]["articles"][0]["part"] == 1 and raw["pages"][1]["articles"][0]["jump_pages"] == [1, 2]
    assert sidecar.loads(sidecar.dumps(data)) == data


def test_an_article_that_does_not_jump_has_no_part_in_the_sidecar(tmp_path, tiny_font_path):
    folder = tmp_path / "case"
    manifest = copy_case(folder, tiny_font_path)
    text = manifest.read_text(encoding="utf-8").replace(", jump: auto,\n         jump_headline: 项目续}", "}")
    manifest.write_text(text.split("  - number: 2")[0], encoding="utf-8")
    result = build(manifest, BuildOptions(outdir=tmp_path / "b", allow_overset=True))
    article = json.loads(result.sidecar.read_text(encoding="utf-8"))["pages"][0]["articles"][0]
    assert "part" not in article and "jump_pages" not in article


def test_layout_fit_reports_both_parts(built):
    manifest, _ = built
    out = CliRunner().invoke(fit_command, [str(manifest), "--json"])
    stories = json.loads(out.output)["stories"]
    assert [(s["id"], s["page"], s["part"], s["status"]) for s in stories] == [("lead", 1, 1, "exact"),
                                                                              ("lead", 2, 2, "exact")]
    table = CliRunner().invoke(fit_command, [str(manifest)]).output
    assert "lead (part 1)" in table and "lead (part 2)" in table


def test_layout_diff_attributes_a_change_in_the_continuation_to_the_article(built, tmp_path):
    manifest, old = built
    article = manifest.parent / "articles" / "lead.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("张寒来暑往。\n", "张寒来暑去。\n"),
                       encoding="utf-8")
    new = build(manifest, BuildOptions(outdir=tmp_path / "new"))
    result = diff(old.issue_pdf, new.issue_pdf, tmp_path / "report", DiffOptions(jobs=1))
    first, second = result.pages
    assert not first.changed and second.changed
    assert {change.article for change in second.text} == {"lead"}
    assert any(c.old_text == "往" and c.new_text == "去" for c in second.text)
