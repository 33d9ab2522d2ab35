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

TOY = """\
issue: {{id: toy, paper: 测试日报, date: 2024-01-05, edition: A}}
format: {{width: 480pt, height: 600pt}}
margins: {{top: 40, right: 20, bottom: 20, left: 20}}
grid: {{columns: 4, gutter: 10pt, body: 10pt, leading: 15pt}}
fonts:
{fonts}
"""  # the toy edition's frame: 4 columns on a 480 × 600 pt page, the tiny font

EDITION = TOY + """\
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


TWO_JUMPS = TOY + """\
pages:
  - number: 1
    stories:
      - {{id: a, file: a.txt, priority: 1}}
      - {{id: b, file: b.txt, priority: 2, jump: auto}}
      - {{id: c, file: c.txt, priority: 3, jump: auto}}
  - number: 2
    articles:
      - {{id: d, file: d.txt, slot: {{column: 1, span: 2, top: 0, lines: auto}}}}
      - {{continues: b, slot: {{column: 3, span: 2, top: 0, lines: auto}}}}
      - {{continues: c, slot: {{column: 3, span: 2, top: auto, lines: auto}}}}
"""


def two_jumps(folder: Path, font: Path, sizes: dict) -> Path:
    """Page 1 with b and c that may jump into two continuation slots stacked in columns 3–4 of page 2."""
    (folder / "tiny.ttf").write_bytes(font.read_bytes())
    for name, count in sizes.items():
        (folder / f"{name}.txt").write_text(story(count, "丁稿标题" if name == "d" else "高新区项目 建设提速增效"),
                                            encoding="utf-8")
    path = folder / "issue.yaml"
    path.write_text(TWO_JUMPS.format(fonts=FONTS), encoding="utf-8")
    return path


def test_two_jumps_whose_stacked_continuations_page_2_cannot_take_are_held_over_with_the_reason(tmp_path,
                                                                                                 tiny_font_path):
    """Before makeup.room, c jumped with a short first part and the build failed on page 2 with `article c:
    lines: auto needs 27 rows from row 19, the type area has 17 left`; now c may only be cut where page 2 takes
    its rest under b's, and as no plan of page 1 gives c so long a first part, c is held over and the note says
    why, at the continuation slot's line."""
    path = two_jumps(tmp_path, tiny_font_path, {"a": 4, "b": 8, "c": 10, "d": 1})
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert [s.id for s in decided.held] == ["c"]
    room = [n for n in decided.notes if n.startswith("story c does not jump: ")]
    assert room == [f"story c does not jump: page 2 takes its continuation only at cuts no plan of this page gives "
                    f"({path}:22 (pages[1].articles[2].slot): article c: "
                    f"lines: auto needs 27 rows from row 19, the type area has 17 left)"]
    made = make_up(path)  # builds: no LayoutError on page 2
    assert not any(a.overset for p in made.pages for a in p.articles)
    assert {f.message() for f in made.fits if f.page == 2} == {"article d on page 2: fits exactly"}


def test_a_continuation_is_tried_on_its_later_page_with_the_others_stacked_over_it(tmp_path, tiny_font_path):
    """makeup.room: page 2 takes b's rest after a long first part, not after the shortest, and c's only after b's."""
    from layout.build import _context, _load
    from layout.makeup.jumps import edition_jumps, exact_parts
    from layout.makeup.room import Later, trouble
    from layout.typeset.story import Shape
    path = two_jumps(tmp_path, tiny_font_path, {"a": 4, "b": 8, "c": 10, "d": 1})
    issue = _load(path, BuildOptions())
    ctx, desk = _context(issue)
    labels = edition_jumps(issue.pages, issue.page_name)
    later = Later(issue.pages[1:], ctx.grid, issue.edition, issue.fit, labels)

    def rest(story: str, capacity: int):
        set_story = desk.story(story, Shape(ctx.grid.measure, ctx.grid.span_width(2), 24.0))
        return exact_parts(story, set_story, desk.texts[story], capacity, desk, labels.labels[story])[1]
    both = frozenset({"b", "c"})
    assert trouble(later, desk, 2, {}, both) is None  # page 2 without them plans
    assert trouble(later, desk, 2, {"b": rest("b", 30)}, both) is None  # b alone (c's slot left out)
    why = trouble(later, desk, 2, {"b": rest("b", 30), "c": rest("c", 40)}, both)
    assert why.endswith("(pages[1].articles[2].slot): article c: lines: auto needs 25 rows from row 21, the type "
                        "area has 15 left")  # c stacked under b's rest (rows 0–20)
    assert "c (part 2)" not in desk.texts and "b (part 2)" not in desk.texts  # the tries leave no text behind


def fixed_continuation(folder: Path, font: Path, rows: int) -> Path:
    """The two-jumps edition with only b jumping, into a continuation slot of `rows` rows (not lines: auto)."""
    path = two_jumps(folder, font, {"a": 4, "b": 8, "c": 3, "d": 1})
    text = path.read_text(encoding="utf-8").replace(
        "      - {continues: c, slot: {column: 3, span: 2, top: auto, lines: auto}}\n", "")
    path.write_text(text.replace("top: 0, lines: auto}}\n", f"top: 0, lines: {rows}}}}}\n").replace(
        "{id: c, file: c.txt, priority: 3, jump: auto}", "{id: c, file: c.txt, priority: 3}"), encoding="utf-8")
    return path


def test_a_continuation_in_a_fixed_slot_may_hold_only_its_lines(tmp_path, tiny_font_path):
    """b's rest after a first part of 30 lines is 36 lines; a slot of 20 rows holds 34 under its 转版题: said at its
    line; the planner does not jump b (no plan of page 1 gives it a first part whose rest fits) and says why."""
    from layout.build import _context, _load
    from layout.makeup.jumps import edition_jumps, exact_parts
    from layout.makeup.room import Later, trouble
    from layout.typeset.story import Shape
    path = fixed_continuation(tmp_path, tiny_font_path, 20)
    issue = _load(path, BuildOptions())
    ctx, desk = _context(issue)
    labels = edition_jumps(issue.pages, issue.page_name)
    set_story = desk.story("b", Shape(ctx.grid.measure, ctx.grid.span_width(2), 24.0))
    rest = exact_parts("b", set_story, desk.texts["b"], 30, desk, labels.labels["b"])[1]
    why = trouble(Later(issue.pages[1:], ctx.grid, issue.edition, issue.fit, labels), desk, 2, {"b": rest},
                  frozenset({"b"}))
    said = f"{path}:21 (pages[1].articles[1].slot): article b (part 2) on page 2 needs 36 lines, its slot holds 34 lines"
    assert why == said
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert not any(s.jumped for s in decided.spots) and [s.id for s in decided.held] == ["c"]
    assert f"story b does not jump: page 2 takes its continuation only at cuts no plan of this page gives ({said})" \
        in decided.notes
    made = make_up(path)
    assert lines_of(made, "b", 2) == [] and not any(a.overset for p in made.pages for a in p.articles)


def test_a_fixed_continuation_slot_that_takes_the_rest_lets_the_story_jump(tmp_path, tiny_font_path):
    path = fixed_continuation(tmp_path, tiny_font_path, 24)
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert [s.story.id for s in decided.spots if s.jumped] == ["b"] and decided.held == ()
    assert not any("does not jump:" in n or "takes its continuation" in n for n in decided.notes)
    made = make_up(path)
    assert {f.message() for f in made.fits if f.id == "b"} == {"article b (part 1) on page 1: fits exactly",
                                                               "article b (part 2) on page 2: fits exactly"}


PHOTO = (", figures: [{{file: p.jpg, span: 2, rows: 6, place: {place}, caption: 图为测试。, credit: 图片来源：测试}}]")


@pytest.fixture
def photo_jump(tmp_path, tiny_font_path):
    """The edition with b carrying a 2-column photo (before-body or bottom) and c 1–2 columns wide."""
    from PIL import Image as PILImage

    def make(place: str) -> Path:
        path = edition(tmp_path, tiny_font_path, sizes={"a": 4, "b": 8, "c": 3, "d": 1})
        PILImage.new("RGB", (800, 600), (120, 140, 160)).save(tmp_path / "p.jpg", quality=90)
        text = path.read_text(encoding="utf-8").replace("jump_headline: 项目续}", "jump_headline: 项目续"
                                                        + PHOTO.format(place=place).replace("{{", "{").replace("}}", "}")
                                                        + "}")
        path.write_text(text.replace("priority: 3}", "priority: 3, span: [1, 2]}"), encoding="utf-8")
        return path
    return make


@pytest.mark.parametrize("place, photo_top", [("before-body", 21), ("bottom", 28)])
def test_a_story_with_a_photo_jumps_and_its_photo_stays_with_the_first_part(photo_jump, tmp_path, place, photo_top):
    from click.testing import CliRunner

    from layout.cli import main
    from layout.geometry import Cell
    path = photo_jump(place)
    _issue, placed = plan_stories(path)
    decided = placed[0][1]
    assert decided.held == () and [s.story.id for s in decided.spots if s.jumped] == ["b"]
    b = next(s for s in decided.spots if s.story.id == "b")
    assert b.cell == Cell(1, 3, 17, 19) and b.photos == (Cell(1, 2, photo_top, 6),)  # under the headline or at the foot
    made = make_up(path)
    first, second = lines_of(made, "b", 1), lines_of(made, "b", 2)
    assert [r.text for r in first if r.kind == "jump_label"] == ["（下转第2版）"]
    assert [(r.kind, r.text) for r in second[:2]] == [("jump_headline", "项目续"), ("jump_label", "（上接第1版）")]
    frames = {(p.number, a.id): a for p in made.pages for a in p.articles}
    assert len(frames[(1, "b")].figures) == 1 and frames[(2, "b")].figures == ()  # the photo is on page 1 only
    assert {f.message() for f in made.fits} == {
        "article a on page 1: fits exactly", "article b (part 1) on page 1: fits exactly",
        "article c on page 1: fits exactly", "article d on page 2: fits exactly",
        "article b (part 2) on page 2: fits exactly"}
    setd = Counter(c for p in made.pages for a in p.articles for r in a.lines
                   if r.kind not in ("jump_label", "jump_headline", "caption", "credit") for c in r.text if not c.isspace())
    given = Counter()
    for name in PARAGRAPHS:
        text = parse_article((tmp_path / f"{name}.txt").read_text(encoding="utf-8"), Path(name))
        given.update(c for c in text.kicker + "".join(text.headline) + "".join(p.text for p in text.paragraphs)
                     if not c.isspace())
    assert setd == given  # every character of a, b, c and d set once over the two pages
    result = CliRunner().invoke(main, ["plan", str(path), "-o", str(tmp_path / "planned.yaml"), "-q"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "planned.yaml").read_text(encoding="utf-8")
    assert "jump: auto" in written and "p.jpg" in written
    stories = build(path, BuildOptions(outdir=tmp_path / "out-stories"))
    slots = build(tmp_path / "planned.yaml", BuildOptions(outdir=tmp_path / "out-slots"))
    assert stories.issue_pdf.read_bytes() == slots.issue_pdf.read_bytes()
    page = json.loads(stories.sidecar.read_text(encoding="utf-8"))["pages"][0]
    found = check_page(page, {s.story.id: s.size for s in decided.spots}, {"a": 1, "b": 2, "c": 3})
    assert found.total == 0, found.details
