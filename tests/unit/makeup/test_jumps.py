"""Jumps (转版) on the tiny font: split points, labels on a toy edition of 3 pages, nothing lost or doubled."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from layout.article.text import Paragraph, TextSpan, parse_article
from layout.build import make_up, plan_stories
from layout.errors import LayoutError
from layout.makeup.jumps import Cut, cut_paragraph, jump_headline, minimum_first, sentence_cuts

SENTENCES = ("甲乙丙丁戊己庚。", "辛壬癸子丑寅卯辰巳午未申酉！", "戌亥天地玄黄；", "宇宙洪荒日月盈昃辰宿列张寒来暑往。",
             "秋收冬藏闰余成岁？", "律吕调阳云腾致雨露结为霜金生丽水玉出昆冈。")


def story(paragraphs: int, headline: str = "高新区项目 建设提速增效") -> str:
    """An article of `paragraphs` paragraphs of the six sentences above, rotated (lengths 8–22 字)."""
    body = ["".join(SENTENCES[(i + k) % 6] for k in range(6)) for i in range(paragraphs)]
    return f"kicker: 引题\nheadline: {headline}\n\n" + "\n\n".join(body) + "\n"


FONTS = "\n".join(f"  - {{role: {r}, weight: {w}, file: tiny.ttf}}" for r in ("song", "hei", "kai")
                  for w in ("regular", "bold"))

EDITION = """\
issue: {{id: toy, paper: 测试日报, date: 2024-01-05, edition: A}}
format: {{width: 480pt, height: 400pt}}
margins: {{top: 40, right: 20, bottom: 20, left: 20}}
grid: {{columns: 4, gutter: 10pt, body: 10pt, leading: 15pt}}
fonts:
{fonts}
{jumps}
pages:
  - number: 1
    articles:
      - id: a
        file: a.txt
        slot: {{column: 1, span: 2, top: 0, lines: {lines}}}
        jump: auto
      - id: b
        file: b.txt
        slot: {{column: 3, span: 2, top: 0, lines: auto}}
  - number: 4
    articles:
      - id: c
        file: c.txt
        slot: {{column: 1, span: 4, top: 0, lines: 12}}
        continue: {{page: 6, slot: {{column: 3, span: 2, top: 0, lines: auto}}}}
        jump_headline: 丙稿续
  - number: 6
    articles:
      - continues: a
        slot: {{column: 1, span: 2, top: 0, lines: auto}}
"""


def edition(folder: Path, font: Path, lines: int = 20, jumps: str = "", texts: dict | None = None) -> Path:
    """The toy edition (pages 1, 4 and 6; a jumps 1 → 6, c jumps 4 → 6) written into `folder`."""
    (folder / "tiny.ttf").write_bytes(font.read_bytes())
    for name, text in {"a": story(6), "b": story(1), "c": story(5, "丙稿标题"), **(texts or {})}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = folder / "issue.yaml"
    path.write_text(EDITION.format(fonts=FONTS, jumps=jumps, lines=lines), encoding="utf-8")
    return path


def records(made, article: str, page: int):
    """The line records of `article` on page `page`."""
    found = next(p for p in made.pages if p.number == page)
    return [r for a in found.articles if a.id == article for r in a.lines]


@pytest.fixture
def made(tmp_path, tiny_font_path):
    return make_up(edition(tmp_path, tiny_font_path))


# --- split points -------------------------------------------------------------------------------

def test_sentence_ends_inside_a_paragraph_with_their_closing_quotes_and_tiers():
    p = Paragraph((TextSpan("他说：“好。”然后走了！真的？"), TextSpan("是；不是。", "runin")), 1)
    cuts = sentence_cuts(p, 3)
    assert [(c.offset, c.tier) for c in cuts] == [(7, 0), (12, 0), (15, 0), (17, 1)]
    assert p.text[:7] == "他说：“好。”" and all(c.paragraph == 3 for c in cuts)  # the last 。 is no cut


def test_no_cut_ends_the_first_part_on_a_run_in_heading_or_a_dateline():
    """A run-in (段首小标) with its own 。 is no break: its text would go on the other page without it."""
    p = Paragraph((TextSpan("本报讯", "dateline"), TextSpan("抓项目落地。突出引领。", "runin"),
                   TextSpan("甲乙丙丁。戊己庚辛。")), 1)
    assert [c.offset for c in sentence_cuts(p, 0)] == [19]
    assert p.text[:19] == "本报讯抓项目落地。突出引领。甲乙丙丁。"


def test_a_run_of_marks_is_one_sentence_end():
    assert [c.offset for c in sentence_cuts(Paragraph((TextSpan("真的吗？！是的。"),), 1), 0)] == [5]


def test_a_cut_paragraph_keeps_every_character_and_its_styles_and_the_rest_has_no_indent():
    p = Paragraph((TextSpan("本报讯", "dateline"), TextSpan("甲乙。丙丁。"),), 7)
    head, rest = cut_paragraph(p, 6)
    assert head.spans == (TextSpan("本报讯", "dateline"), TextSpan("甲乙。")) and head.indent
    assert rest.spans == (TextSpan("丙丁。"),) and not rest.indent and rest.line == 7
    assert head.text + rest.text == p.text


def test_the_jump_headline_is_given_or_the_first_half_of_the_headline():
    text = parse_article(story(1), Path("a.txt"))
    assert jump_headline(text, None) == "高新区项目"
    assert jump_headline(text, " 续 ") == "续"
    assert jump_headline(parse_article(story(1, "一行标题"), Path("a.txt")), None) == "一行标题"


def test_the_first_part_keeps_a_third_of_the_story_or_15_lines():
    assert minimum_first(30) == 15 and minimum_first(45) == 15 and minimum_first(46) == 16 and minimum_first(90) == 30


def test_the_first_part_fills_its_slot_and_ends_at_a_sentence_end_with_its_label(made):
    first = records(made, "a", 1)
    body = [r for r in first if r.kind in ("body", "jump_label")]
    assert body[-1].kind == "jump_label" and body[-1].text == "（下转第6版）"
    assert body[-2].text[-1] in "。！？" and body[-2].last
    fit = next(f for f in made.fits if f.id == "a" and f.page == 1)
    assert fit.part == 1 and fit.status == "exact"  # the columns end on the slot's last baselines
    bottom = min(made.pages[0].baselines[:20])
    assert round(body[-1].baseline, 3) == round(bottom, 3) and body[-1].column == 2


def test_no_single_line_of_the_broken_paragraph_on_either_side(made):
    first = [r for r in records(made, "a", 1) if r.kind == "body"]
    second = [r for r in records(made, "a", 6) if r.kind == "body"]
    head = len(first) - max(i for i, r in enumerate(first) if r.first)  # lines of the last paragraph on page 1
    rest = next(i for i, r in enumerate(second) if r.last) + 1  # lines of the first paragraph on page 6
    assert head >= 2 and rest >= 2
    assert second[0].x0 == second[1].x0  # the paragraph goes on: no first-line indent on page 6
    total = len(first) + len(second)
    assert len(first) >= minimum_first(total - 1)


def test_the_continuation_starts_with_the_jump_headline_and_its_label(made):
    second = records(made, "a", 6)
    assert [(r.kind, r.text) for r in second[:2]] == [("jump_headline", "高新区项目"), ("jump_label", "（上接第1版）")]
    c = records(made, "c", 6)
    assert [(r.kind, r.text) for r in c[:2]] == [("jump_headline", "丙稿续"), ("jump_label", "（上接第4版）")]
    assert [r.text for r in records(made, "c", 4) if r.kind == "jump_label"] == ["（下转第6版）"]


def test_labels_name_the_pages_with_the_edition_letter_when_lettered(tmp_path, tiny_font_path):
    made = make_up(edition(tmp_path, tiny_font_path, jumps="jumps: {lettered: true}"))
    labels = [r.text for p in made.pages for a in p.articles for r in a.lines if r.kind == "jump_label"]
    assert labels == ["（下转第A6版）", "（下转第A6版）", "（上接第A1版）", "（上接第A4版）"]


def test_both_parts_are_one_article_with_part_and_pages(made):
    frames = [(p.number, a.id, a.part, a.jump_pages) for p in made.pages for a in p.articles]
    assert frames == [(1, "a", 1, (1, 6)), (1, "b", 0, ()), (4, "c", 1, (4, 6)), (6, "a", 2, (1, 6)),
                      (6, "c", 2, (4, 6))]
    assert next(f.message() for f in made.fits if f.id == "a") == "article a (part 1) on page 1: fits exactly"


def test_nothing_is_lost_or_doubled_over_the_edition(made, tmp_path):
    """The multiset of characters set over every page equals that of every article file (labels and
    jump headlines are the only additions)."""
    setd = Counter(c for p in made.pages for a in p.articles for r in a.lines
                   if r.kind not in ("jump_label", "jump_headline") for c in r.text if not c.isspace())
    given = Counter()
    for name in ("a", "b", "c"):
        text = parse_article((tmp_path / f"{name}.txt").read_text(encoding="utf-8"), Path(name))
        whole = text.kicker + "".join(text.headline) + "".join(p.text for p in text.paragraphs)
        given.update(c for c in whole if not c.isspace())
    assert setd == given
    assert not any(a.overset for p in made.pages for a in p.articles)


# --- what cannot jump ---------------------------------------------------------------------------

def test_a_first_part_under_a_third_of_the_story_is_refused(tmp_path, tiny_font_path):
    with pytest.raises(LayoutError) as info:
        make_up(edition(tmp_path, tiny_font_path, lines=9))
    assert "its slot on page 1 holds 5 of its 48 body lines (and the jump label); a jump keeps at least 16 lines " \
        "before it (a third of the story or 15 lines, whichever is more)" in info.value.message
    assert "cut the story or fit it to its slot instead of jumping" in info.value.hint


def test_a_story_that_fits_its_slot_does_not_jump(tmp_path, tiny_font_path):
    with pytest.raises(LayoutError) as info:
        make_up(edition(tmp_path, tiny_font_path, texts={"a": story(2)}))
    assert "article a fits its slot on page 1" in info.value.message and "nothing is left to jump" in info.value.message


def test_a_story_without_a_usable_sentence_end_is_an_error(tmp_path, tiny_font_path):
    one = "headline: 标题\n\n" + "长" * 400 + "。\n"
    with pytest.raises(LayoutError) as info:
        make_up(edition(tmp_path, tiny_font_path, texts={"a": one}))
    assert "no sentence end (。！？ or ；)" in info.value.message


def test_cut_is_a_plain_record():
    assert Cut(1, 5, 0) == Cut(1, 5, 0)


def test_a_semicolon_is_the_break_when_no_full_stop_is_inside_a_paragraph(tmp_path, tiny_font_path):
    semi = "headline: 标题\n\n" + "\n\n".join("".join("甲乙丙丁戊己庚辛壬癸子丑；" for _ in range(6)) + "完。"
                                            for _ in range(6)) + "\n"
    made = make_up(edition(tmp_path, tiny_font_path, texts={"a": semi}))
    body = [r for r in records(made, "a", 1) if r.kind in ("body", "jump_label")]
    assert body[-2].text.endswith("；") and body[-1].text == "（下转第6版）"
    assert [f.status for f in made.fits if f.id == "a"] == ["exact", "exact"]


def test_a_first_part_no_break_can_fill_is_set_short_and_reported(tmp_path, tiny_font_path):
    sparse = "headline: 标题\n\n" + "长" * 220 + "。" + "短" * 150 + "。\n\n" + "又" * 200 + "。\n"
    made = make_up(edition(tmp_path, tiny_font_path, texts={"a": sparse}))
    first = next(f for f in made.fits if f.id == "a" and f.part == 1)
    assert first.message() == "article a (part 1) on page 1: 4 empty lines at the foot of columns 1–2 (≈ 40 字 to add)"
    body = [r for r in records(made, "a", 1) if r.kind in ("body", "jump_label")]
    assert body[-2].text.endswith("长。") and body[-1].kind == "jump_label"


def test_no_break_with_two_lines_on_each_side_is_an_error_with_the_counts(tmp_path, tiny_font_path):
    sparse = "headline: 标题\n\n" + "长" * 140 + "。" + "短" * 150 + "。\n\n" + "又" * 200 + "。\n"
    with pytest.raises(LayoutError) as info:
        make_up(edition(tmp_path, tiny_font_path, texts={"a": sparse}))
    assert info.value.message.endswith("(the story is 51 lines, 18 over the slot with the jump label)")


def test_a_pinned_story_that_jumps_from_a_planned_page(tmp_path, tiny_font_path):
    """A page with `stories:` may pin a story that jumps: the planner's page splits it as a fixed page does."""
    path = edition(tmp_path, tiny_font_path, lines=22, texts={"b": story(3)})  # columns 3–4 are the free area
    text = path.read_text(encoding="utf-8").replace(
        "      - id: b\n        file: b.txt\n        slot: {column: 3, span: 2, top: 0, lines: auto}\n",
        "    stories:\n      - {id: b, file: b.txt, priority: 1, span: [2, 2]}\n")
    path.write_text(text, encoding="utf-8")
    made = make_up(path)
    (tmp_path / "fixed").mkdir()
    whole = fixed_lines(make_up(edition(tmp_path / "fixed", tiny_font_path, lines=22)), "a")
    assert {page for page, _ in whole} == {1, 6}
    assert fixed_lines(made, "a") == whole  # the same cut, both parts set, nothing lost or doubled
    _, placed = plan_stories(path)  # `layout plan` too
    assert [(number, [s.story.id for s in p.spots]) for number, p in placed] == [(1, ["b"])]


def fixed_lines(made, article: str) -> list[tuple[int, str]]:
    """(page, text) of every body line of `article`'s parts."""
    return [(p.number, r.text) for p in made.pages for a in p.articles if a.id == article for r in a.lines
            if r.kind == "body"]


def test_a_story_that_jumps_is_listed_once_in_the_index(tmp_path, tiny_font_path):
    """导读 × jumps: the entry of a story marked index: that jumps names the page it starts on, once."""
    path = edition(tmp_path, tiny_font_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("        jump_headline: 丙稿续\n", "        jump_headline: 丙稿续\n        index: 丙稿\n")
    text = text.replace("        slot: {column: 3, span: 2, top: 0, lines: auto}\n  - number: 4",
                        "        slot: {column: 3, span: 2, top: 0, lines: 12}\n"
                        "    index: {slot: {column: 3, span: 2, top: 12, lines: auto}}\n  - number: 4")
    path.write_text(text, encoding="utf-8")
    entries = make_up(path).plans[0].boxes[0].entries
    assert [(e.article, e.text, e.page, e.label) for e in entries] == [("c", "丙稿", 4, "第4版")]


def test_the_watch_rebuilds_an_edition_with_jumps(tmp_path, tiny_font_path):
    """`layout watch` × jumps: the memory keys a page's stories by the text set there (a part of a jump
    is 'a (part 1)', not 'a'), and a rebuild after an edit gives what a fresh make-up gives."""
    from layout.build import BuildOptions
    from layout.memory import Memory
    path = edition(tmp_path, tiny_font_path)
    options = BuildOptions(memory=Memory())
    make_up(path, options)
    (tmp_path / "c.txt").write_text(story(6, "丙稿标题"), encoding="utf-8")
    again = make_up(path, options)
    assert [(p.number, r.text) for p in again.pages for a in p.articles for r in a.lines] == \
           [(p.number, r.text) for p in make_up(path).pages for a in p.articles for r in a.lines]
