"""Placer levers end to end: `layout plan` writes what a headline lever did (headline_break: N, a story's
deck: false) and the written plan builds the same PDF as the stories."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from planner_check import check_page

from layout.build import BuildOptions, build, plan_stories
from layout.cli import main

MANIFEST = """\
issue:
  id: tiny
  paper: 测试日报
  date: 2024-01-05
format: {{width: 470pt, height: 660pt}}
margins: {{top: 40, right: 20, bottom: 20, left: 20}}
grid: {{columns: 4, gutter: 10pt, body: 10pt, leading: 15pt}}
fonts:
{fonts}
pages:
  - number: 2
    section: 要闻
    stories:
      - {{id: a, file: a.txt, priority: 1}}
      - {{id: b, file: b.txt, priority: 2}}
      - {{id: c, file: c.txt, priority: 3{c}}}
"""


def text(head: str, lines: int, paragraphs: int = 4, deck: str = "") -> str:
    """An article of about `lines` body lines of 10 字 in `paragraphs` paragraphs (with a deck line if given)."""
    per = max(1, lines // paragraphs)
    body = "\n\n".join("正" * (per * 10 - 4) + "文。" for _ in range(paragraphs))
    return f"headline: {head}\n" + (f"deck: {deck}\n" if deck else "") + f"\n{body}\n"


def issue(folder: Path, font: Path, texts: dict[str, str], c: str = "") -> Path:
    """A 4 × 40 page (10-字 columns, 15 pt rows) on the tiny font planning stories a, b, c."""
    fonts = "\n".join(f"  - {{role: {r}, weight: {w}, file: {font}}}"
                      for r in ("song", "hei", "kai") for w in ("regular", "bold"))
    for name, value in texts.items():
        (folder / f"{name}.txt").write_text(value, encoding="utf-8")
    path = folder / "issue.yaml"
    path.write_text(MANIFEST.format(fonts=fonts, c=c), encoding="utf-8")
    return path


def planned_and_rebuilt(tmp_path: Path, path: Path) -> tuple[list[str], dict]:
    """`layout plan` the manifest; the written plan's lines, after checking it builds the same PDF; the sidecar page."""
    result = CliRunner().invoke(main, ["plan", str(path), "-o", str(tmp_path / "planned.yaml"), "-q"])
    assert result.exit_code == 0, result.output
    stories = build(path, BuildOptions(outdir=tmp_path / "out-stories"))
    slots = build(tmp_path / "planned.yaml", BuildOptions(outdir=tmp_path / "out-slots"))
    assert stories.issue_pdf.read_bytes() == slots.issue_pdf.read_bytes()
    page = json.loads(stories.sidecar.read_text(encoding="utf-8"))["pages"][0]
    return (tmp_path / "planned.yaml").read_text(encoding="utf-8").splitlines(), page


def test_a_headline_broken_into_one_line_more_is_written_by_layout_plan_and_rebuilds_the_same_bytes(tmp_path,
                                                                                                  tiny_font_path):
    path = issue(tmp_path, tiny_font_path, {"a": text("甲", 28), "b": text("全市召开工作会议", 36), "c": text("丙", 40)})
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert decided.held == () and all(s.white == 0 for s in decided.spots)
    assert {s.story.id: s.lines for s in decided.spots} == {"a": 0, "b": 2, "c": 0}
    assert decided.score.breakdown() == ("score 15 = order 0 + left 0 + fill 11 + variety 0 + lead 0 + white 0 + "
                                         "smaller 0 + ruled 0 + deck 0 + lines 4")
    written, page = planned_and_rebuilt(tmp_path, path)
    assert sum(line.strip() == "headline_break: 2" for line in written) == 1
    assert not any(line.strip().startswith("headline_split") for line in written)
    heads = {a["id"]: [line["text"] for line in a["lines"] if line["kind"] == "headline"] for a in page["articles"]}
    assert heads == {"a": ["甲"], "b": ["全市召开", "工作会议"], "c": ["丙"]}
    found = check_page(page, {s.story.id: s.size for s in decided.spots}, {"a": 1, "b": 2, "c": 3})
    assert found.total == 0, found.details


def test_a_storys_deck_false_is_written_by_layout_plan_and_rebuilds_the_same_bytes(tmp_path, tiny_font_path):
    texts = {"a": text("甲", 28), "b": text("乙", 36), "c": text("丙", 40, deck="副题")}
    path = issue(tmp_path, tiny_font_path, texts, c=", deck: false")
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert decided.score.deck == 0 and not any("deck" in n for n in decided.notes)  # not a lever: the editor's
    written, page = planned_and_rebuilt(tmp_path, path)
    assert sum(line.strip() == "deck: false" for line in written) == 1
    kinds = {a["id"]: {line["kind"] for line in a["lines"]} for a in page["articles"]}
    assert "deck" not in kinds["c"]


def test_a_headline_break_the_headline_cannot_take_is_an_error_naming_the_article_line(tmp_path, tiny_font_path):
    path = issue(tmp_path, tiny_font_path, {"a": text("甲", 28), "b": text("乙", 36), "c": text("丙", 40),
                                            "p": text("高新区召开", 20)})
    pinned = ("    articles:\n"
              "      - {id: p, file: p.txt, slot: {column: 1, span: 4, top: 0, lines: 12}, headline_break: 2}\n")
    path.write_text(path.read_text(encoding="utf-8").replace("    stories:\n", pinned + "    stories:\n"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "-q", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert ("issue.yaml:19 (pages[0].articles[0]): article p: the headline '高新区召开' cannot be broken into 2 lines "
            "between words (two words or more a line)") in result.output
    assert "give headline_break fewer lines, or remove it" in result.output
