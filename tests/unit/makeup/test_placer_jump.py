"""Planned stories that jump (转版): a story with `jump: auto` and a continuation slot on a later page fills
what the plan gives it and continues there, instead of being held over; without `jump: auto` it is held."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from planner_check import check_page
from test_jumps import FONTS, story

from layout.article.text import parse_article
from layout.build import BuildOptions, build, make_up, plan_stories

EDITION = """\
issue: {{id: toy, paper: 测试日报, date: 2024-01-05, edition: A}}
format: {{width: 480pt, height: 600pt}}
margins: {{top: 40, right: 20, bottom: 20, left: 20}}
grid: {{columns: 4, gutter: 10pt, body: 10pt, leading: 15pt}}
fonts:
{fonts}
pages:
  - number: 1
    stories:
      - {{id: a, file: a.txt, priority: 1{lead}}}
      - {{id: b, file: b.txt, priority: 2{jump}}}
      - {{id: c, file: c.txt, priority: 3}}
  - number: 2
    articles:
      - {{id: d, file: d.txt, slot: {{column: 1, span: 2, top: 0, lines: auto}}}}
{cont}"""

PARAGRAPHS = {"a": 4, "b": 10, "c": 3, "d": 1}  # a, b and c: 32 + 80 + 24 lines for a page of 36 rows × 4


def edition(folder: Path, font: Path, jump: bool = True, sizes: dict | None = None, lead_jumps: bool = False) -> Path:
    """Page 1 with too much copy for its stories (b may jump when `jump`), page 2 with b's continuation slot."""
    (folder / "tiny.ttf").write_bytes(font.read_bytes())
    for name, count in (sizes or PARAGRAPHS).items():
        (folder / f"{name}.txt").write_text(story(count, "丁稿标题" if name == "d" else "高新区项目 建设提速增效"),
                                            encoding="utf-8")
    cont = "".join(f"      - {{continues: {k}, slot: {{column: 3, span: 2, top: 0, lines: auto}}}}\n"
                   for k, on in (("a", lead_jumps), ("b", jump)) if on)
    text = EDITION.format(fonts=FONTS, jump=", jump: auto, jump_headline: 项目续" if jump else "",
                          lead=", jump: auto" if lead_jumps else "", cont=cont)
    path = folder / "issue.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def lines_of(made, article: str, page: int):
    found = next(p for p in made.pages if p.number == page)
    return [r for a in found.articles if a.id == article for r in a.lines]


@pytest.fixture
def jumped(tmp_path, tiny_font_path):
    path = edition(tmp_path, tiny_font_path)
    return path, make_up(path)


def test_a_story_with_jump_auto_jumps_instead_of_being_held_over(jumped):
    path, made = jumped
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert decided.held == ()
    spot = next(s for s in decided.spots if s.story.id == "b")
    assert spot.jumped and decided.score.jump == 40
    assert not any(s.jumped for s in decided.spots if s.story.id != "b")
    assert any(n.startswith("story b: jumps (转版)") for n in decided.notes)
    first = [r for r in lines_of(made, "b", 1) if r.kind in ("body", "jump_label")]
    assert first[-1].kind == "jump_label" and first[-1].text == "（下转第2版）"
    second = lines_of(made, "b", 2)
    assert [(r.kind, r.text) for r in second[:2]] == [("jump_headline", "项目续"), ("jump_label", "（上接第1版）")]
    assert {f.message() for f in made.fits if f.id == "b"} == {"article b (part 1) on page 1: fits exactly",
                                                               "article b (part 2) on page 2: fits exactly"}
    assert not any(a.overset for p in made.pages for a in p.articles)


def test_no_character_is_lost_or_doubled(jumped, tmp_path):
    _path, made = jumped
    setd = Counter(c for p in made.pages for a in p.articles for r in a.lines
                   if r.kind not in ("jump_label", "jump_headline") for c in r.text if not c.isspace())
    given = Counter()
    for name in PARAGRAPHS:
        text = parse_article((tmp_path / f"{name}.txt").read_text(encoding="utf-8"), Path(name))
        given.update(c for c in text.kicker + "".join(text.headline) + "".join(p.text for p in text.paragraphs)
                     if not c.isspace())
    assert setd == given


def test_without_jump_auto_the_story_is_held_over_as_before(tmp_path, tiny_font_path):
    _issue, placed = plan_stories(edition(tmp_path, tiny_font_path, jump=False))
    decided = placed[0][1]
    assert [s.id for s in decided.held] == ["c"] and not any(s.jumped for s in decided.spots)
    assert decided.score.jump == 0 and "jump" not in decided.score.breakdown()


def test_a_story_the_page_takes_whole_does_not_jump_and_its_continuation_is_left_out(tmp_path, tiny_font_path):
    path = edition(tmp_path, tiny_font_path, sizes={"a": 3, "b": 8, "c": 2, "d": 1})
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert not any(s.jumped for s in decided.spots) and decided.unjumped == {"b"}
    assert any("its continuation slot on page 2 is left out" in n for n in decided.notes)
    made = make_up(path)
    assert lines_of(made, "b", 2) == [] and not any(a.overset for p in made.pages for a in p.articles)


def test_the_lead_never_jumps(tmp_path, tiny_font_path):
    _issue, placed = plan_stories(edition(tmp_path, tiny_font_path, jump=False, lead_jumps=True))
    decided = placed[0][1]
    assert not any(s.jumped for s in decided.spots) and [s.id for s in decided.held] == ["c"]


def test_the_checker_counts_nothing_and_the_written_plan_rebuilds_the_same_bytes(jumped, tmp_path):
    from click.testing import CliRunner

    from layout.cli import main
    path, _made = jumped
    result = CliRunner().invoke(main, ["plan", str(path), "-o", str(tmp_path / "planned.yaml"), "-q"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "planned.yaml").read_text(encoding="utf-8")
    assert "jump: auto" in written and "jump_headline: 项目续" in written
    stories = build(path, BuildOptions(outdir=tmp_path / "out-stories"))
    slots = build(tmp_path / "planned.yaml", BuildOptions(outdir=tmp_path / "out-slots"))
    assert stories.issue_pdf.read_bytes() == slots.issue_pdf.read_bytes()
    page = json.loads(stories.sidecar.read_text(encoding="utf-8"))["pages"][0]
    made = make_up(path)
    sizes = {p.id: p.shape.headline_size for p in made.plans[0].placements}
    found = check_page(page, sizes, {"a": 1, "b": 2, "c": 3})
    assert found.total == 0, found.details


@pytest.mark.parametrize("change, said", [
    (", jump: auto, jump_headline: 项目续", "jump must be auto"),
    (", jump_headline: 项目续", "has a jump_headline but no jump: auto"),
])
def test_a_wrong_jump_on_a_story_is_an_error_naming_its_line(tmp_path, tiny_font_path, change, said):
    from layout.errors import LayoutError
    path = edition(tmp_path, tiny_font_path)
    text = path.read_text(encoding="utf-8")
    wrong = change.replace("auto", "maybe") if "auto" in change else change
    path.write_text(text.replace(", jump: auto, jump_headline: 项目续", wrong), encoding="utf-8")
    with pytest.raises(LayoutError) as info:
        make_up(path)
    assert said in info.value.message and "issue.yaml:" in (info.value.where or str(info.value))


def test_a_story_with_jump_auto_needs_a_continuation(tmp_path, tiny_font_path):
    from layout.errors import LayoutError
    path = edition(tmp_path, tiny_font_path)
    path.write_text(path.read_text(encoding="utf-8").replace("      - {continues: b", "      # - {continues: b"),
                    encoding="utf-8")
    with pytest.raises(LayoutError) as info:
        make_up(path)
    assert "article 'b' has jump: auto but no later page continues it" in info.value.message


def test_a_story_jumps_beside_a_pinned_article_a_wall_and_keeps_clear_of_its_headline(tmp_path, tiny_font_path):
    """Page 1 pins e in column 1 (a wall beside the free columns 2–4); b still jumps to fill, no 碰题 with e."""
    path = edition(tmp_path, tiny_font_path, sizes={"a": 3, "b": 10, "c": 2, "d": 1, "e": 2})
    text = path.read_text(encoding="utf-8").replace(
        "    stories:\n", "    articles:\n      - {id: e, file: e.txt, slot: {column: 1, span: 1, top: 0, lines: rest}}\n"
        "    stories:\n", 1).replace("priority: 1}", "priority: 1, span: [2, 3]}")
    path.write_text(text, encoding="utf-8")
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert [s.story.id for s in decided.spots if s.jumped] == ["b"]  # b jumps instead of being held
    assert [s.id for s in decided.held] == ["c"]  # c (16 lines) has no exact fill beside the wall: said
    assert any(n.startswith("story c (priority 3") and "held over" in n for n in decided.notes)
    assert all(s.cell.column >= 2 for s in decided.spots)  # the planned stories stay out of the pinned column
    lead = next(s for s in decided.spots if s.story.id == "a")
    assert lead.cell.top == 0 and any(r.column == 2 and r.top == 0 for r in decided.rules)  # 栏线 by e's headline
    made = make_up(path)
    assert [(p.number, a.id) for p in made.pages for a in p.articles if a.overset] == []
    assert [r.text for r in lines_of(made, "b", 1) if r.kind == "jump_label"] == ["（下转第2版）"]
    from layout.geometry import Rect
    from layout.output import sidecar
    page = made.pages[0]
    record = json.loads(sidecar.dumps(sidecar.Sidecar("t", "t.pdf", (
        sidecar.page_record(0, page, Rect(0, 0, page.trim.x1, page.trim.y1)),))))["pages"][0]
    sizes = {p.id: p.shape.headline_size for p in made.plans[0].placements}
    found = check_page(record, sizes, {"a": 1, "b": 2})
    assert found.collisions == found.overlaps == found.short_legs == found.holes == 0, found.details  # e's
    # headline included: a 碰题 with the wall would count
    assert all(d.startswith("e: ") for d in found.details), found.details  # only the pinned e's own short
    # column (the editor's slot, 2 paragraphs in a full column) — every planned story fills exactly


def test_headlines_set_in_one_line_more_are_written_by_layout_plan_and_rebuild_the_same_bytes(tmp_path,
                                                                                              tiny_font_path):
    """The lines lever end to end: `layout plan` writes headline_split: true, the written plan builds the same PDF."""
    from click.testing import CliRunner

    from layout.cli import main
    path = edition(tmp_path, tiny_font_path, jump=False, sizes={"a": 4, "b": 3, "c": 3, "d": 1})
    for name in "abc":
        file = tmp_path / f"{name}.txt"
        file.write_text(file.read_text(encoding="utf-8").replace("高新区项目 建设提速增效", "项目 提速"), encoding="utf-8")
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    split = [s.story.id for s in decided.spots if s.split]
    assert split and decided.held == () and decided.score.lines == 4 * len(split)
    result = CliRunner().invoke(main, ["plan", str(path), "-o", str(tmp_path / "planned.yaml"), "-q"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "planned.yaml").read_text(encoding="utf-8").splitlines()
    assert sum(line.strip() == "headline_split: true" for line in written) == len(split)  # (the notes say it too)
    stories = build(path, BuildOptions(outdir=tmp_path / "out-stories"))
    slots = build(tmp_path / "planned.yaml", BuildOptions(outdir=tmp_path / "out-slots"))
    assert stories.issue_pdf.read_bytes() == slots.issue_pdf.read_bytes()
    page = json.loads(stories.sidecar.read_text(encoding="utf-8"))["pages"][0]
    heads = {a["id"]: sum(line["kind"] == "headline" for line in a["lines"]) for a in page["articles"]}
    assert all(heads[k] == 2 for k in split) and all(heads[s.story.id] == 1 for s in decided.spots if not s.split)
    found = check_page(page, {s.story.id: s.size for s in decided.spots}, {"a": 1, "b": 2, "c": 3})
    assert found.total == 0, found.details
