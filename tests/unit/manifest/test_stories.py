"""Manifest: a page's `stories:` (docs/planner.md) — id, file, priority, span range, headline size; one test
per validation message, each naming the YAML path."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout.errors import ManifestError
from layout.manifest import load_issue
from layout.spec import ArticleSpec

BASE = """\
issue:
  id: test-2024-01-05
  paper: 测试日报
  date: 2024-01-05
format: {width: 300pt, height: 400pt}
margins: {top: 20, right: 20, bottom: 20, left: 20}
grid: {columns: 4, gutter: 10pt, body: 10pt, leading: 18pt}
pages:
  - number: 1
    section: 要闻
    articles:
      - id: a
        file: articles/a.txt
        slot: {column: 1, span: 4, top: 0, lines: 5}
    stories:
      - {id: b, file: articles/b.txt, priority: 1, span: [2, 4], headline_size: 小一}
      - {id: c, file: articles/c.txt, priority: 2}
"""


def load(tmp_path: Path, text: str):
    (tmp_path / "articles").mkdir(exist_ok=True)
    for name in "abc":
        (tmp_path / "articles" / f"{name}.txt").write_text("headline: 标题\n\n正文。\n", encoding="utf-8")
    (tmp_path / "issue.yaml").write_text(text, encoding="utf-8")
    return load_issue(tmp_path / "issue.yaml")


def fails(tmp_path: Path, text: str) -> ManifestError:
    with pytest.raises(ManifestError) as info:
        load(tmp_path, text)
    return info.value


def test_stories_are_read_beside_pinned_articles(tmp_path):
    page = load(tmp_path, BASE).pages[0]
    assert [a.id for a in page.articles] == ["a"]
    b, c = page.stories
    assert (b.id, b.priority, b.span, b.headline_size) == ("b", 1, (2, 4), 24.0)
    assert (c.id, c.priority, c.span, c.headline_size) == ("c", 2, None, None)
    assert b.file == tmp_path / "articles" / "b.txt" and b.where.endswith("issue.yaml:16 (pages[0].stories[0])")


def test_one_number_is_an_exact_span(tmp_path):
    assert load(tmp_path, BASE.replace("span: [2, 4]", "span: 3")).pages[0].stories[0].span == (3, 3)


def test_a_story_needs_a_priority(tmp_path):
    error = fails(tmp_path, BASE.replace("priority: 2", "headline_size: 20pt"))
    assert "missing required key 'priority'" in error.message and "pages[0].stories[1]" in error.where


def test_priority_is_a_whole_number_from_1(tmp_path):
    error = fails(tmp_path, BASE.replace("priority: 2", "priority: 0"))
    assert "pages[0].stories[1].priority" in error.where


def test_a_story_takes_no_slot(tmp_path):
    error = fails(tmp_path, BASE.replace("priority: 2}", "priority: 2, slot: {column: 1, span: 2}}"))
    assert "slot" in error.message and "pages[0].stories[1]" in error.where


def test_a_span_range_is_min_then_max(tmp_path):
    error = fails(tmp_path, BASE.replace("span: [2, 4]", "span: [4, 2]"))
    assert "the minimum is larger than the maximum" in error.message and "span: [2, 4]" in error.hint


def test_a_span_range_has_two_numbers(tmp_path):
    error = fails(tmp_path, BASE.replace("span: [2, 4]", "span: [2, 3, 4]"))
    assert "span must be [min, max] (two numbers), not 3 items" in error.message


def test_a_span_range_stays_in_the_grid(tmp_path):
    error = fails(tmp_path, BASE.replace("span: [2, 4]", "span: [2, 6]"))
    assert "span up to 6 columns, the grid has 4" in error.message and "stories[0].span" in error.where


def test_a_story_id_may_not_repeat_an_article_id(tmp_path):
    error = fails(tmp_path, BASE.replace("{id: c,", "{id: a,"))
    assert "article id 'a' is used twice" in error.message


def test_a_story_file_must_exist(tmp_path):
    error = fails(tmp_path, BASE.replace("articles/c.txt", "articles/missing.txt"))
    assert "stories[1].file" in error.where


def test_the_planned_manifest_keeps_pinned_articles_and_every_other_value(tmp_path):
    from dataclasses import replace

    from layout.manifest.planned import planned_manifest
    from layout.spec import Slot
    issue = load(tmp_path, BASE.replace("paper: 测试日报", "paper: 'no'"))
    page = issue.pages[0]
    b, c = page.stories
    planned = [replace(page.articles[0]),
               *(replace(page.articles[0], id=s.id, file=s.file, slot=Slot(1 + 2 * k, 2, 5, 13), headline_size=size)
                 for k, (s, size) in enumerate(((b, 24.0), (c, 20.5))))]
    text = planned_manifest(tmp_path / "issue.yaml", {1: planned}, header="planned\nline two")
    assert text.startswith("# planned\n# line two\n")
    (tmp_path / "planned.yaml").write_text(text, encoding="utf-8")
    again = load_issue(tmp_path / "planned.yaml")
    assert again.paper == "no"  # a YAML 1.1 boolean word stays text: the scalars keep their source text
    assert again.pages[0].stories == ()
    assert [(a.id, a.slot, a.headline_size) for a in again.pages[0].articles] == [
        ("a", Slot(1, 4, 0, 5), None), ("b", Slot(1, 2, 5, 13), 24.0), ("c", Slot(3, 2, 5, 13), 20.5)]
    assert "file: articles/b.txt" in text


def test_column_rules_are_read_and_kept_in_the_planned_manifest(tmp_path):
    from layout.manifest.planned import planned_manifest
    from layout.spec import ColumnRule
    text = BASE + "    column_rules:\n      - {column: 2, top: 0, lines: 5}\n"
    page = load(tmp_path, text).pages[0]
    assert page.column_rules == (ColumnRule(2, 0, 5),)
    written = planned_manifest(tmp_path / "issue.yaml", {1: page.articles}, rules={1: (ColumnRule(3, 5, 8),)})
    (tmp_path / "planned.yaml").write_text(written, encoding="utf-8")
    again = load_issue(tmp_path / "planned.yaml").pages[0]
    assert again.column_rules == (ColumnRule(2, 0, 5), ColumnRule(3, 5, 8))  # the editor's first, then the planner's
    assert "- {column: 3, top: 5, lines: 8}" in written


@pytest.mark.parametrize("rule,path,message,hint", [
    ("{column: 1, top: 0, lines: 5}", "column_rules[0].column", "less than the minimum 2", "give a value ≥ 2"),
    ("{column: 5, top: 0, lines: 5}", "column_rules[0].column", "the grid has 4 columns", "use a column of 2–4"),
    ("{column: 2, top: 10, lines: 90}", "column_rules[0].lines", "rows 10–99 run past the type area",
     "top + lines must be ≤"),
    ("{column: 2, top: 0}", "column_rules[0]", "lines", "lines")])
def test_a_column_rule_stays_in_the_grid(tmp_path, rule, path, message, hint):
    error = fails(tmp_path, BASE + f"    column_rules:\n      - {rule}\n")
    assert f"pages[0].{path}" in error.where and message in error.message and hint in error.hint


PHOTO = "      - {id: d, file: articles/a.txt, priority: 3, span: [2, 3], figures: [{file: photos/p.jpg, span: 2, rows: 6, " \
        "caption: 图为测试。, credit: none, PLACE}]}\n"


def with_photo(tmp_path: Path, place: str = "place: bottom") -> str:
    from PIL import Image
    (tmp_path / "photos").mkdir(exist_ok=True)
    Image.new("RGB", (80, 60)).save(tmp_path / "photos" / "p.jpg")
    return BASE + PHOTO.replace("PLACE", place)


def test_a_story_may_carry_figures_and_the_planned_manifest_keeps_them(tmp_path):
    from dataclasses import replace

    from layout.manifest.planned import planned_manifest
    from layout.spec import Slot
    page = load(tmp_path, with_photo(tmp_path)).pages[0]
    d = page.stories[2]
    assert [(f.span, f.rows, f.place, f.credit) for f in d.figures] == [(2, 6, "bottom", None)]
    planned = [page.articles[0], ArticleSpec(id="d", file=d.file, slot=Slot(1, 3, 5, 15), where="", figures=d.figures)]
    written = planned_manifest(tmp_path / "issue.yaml", {1: planned})
    (tmp_path / "planned.yaml").write_text(written, encoding="utf-8")
    again = load_issue(tmp_path / "planned.yaml").pages[0]
    assert again.articles[1].id == "d"
    assert [replace(f, where="") for f in again.articles[1].figures] == [replace(f, where="") for f in d.figures]


def test_a_planned_storys_figure_does_not_go_above_its_headline(tmp_path):
    error = fails(tmp_path, with_photo(tmp_path, "place: top"))
    assert "pages[0].stories[2].figures[0].place" in error.where and "not above the headline" in error.message


def test_a_planned_storys_figure_fits_its_widest_span(tmp_path):
    error = fails(tmp_path, with_photo(tmp_path).replace("span: 2, rows", "span: 4, rows"))
    assert "pages[0].stories[2].figures[0]" in error.where and "the slot has 3" in error.message


def test_the_planned_manifest_writes_the_rows_of_a_photo_the_planner_resized(tmp_path):
    from dataclasses import replace

    from layout.manifest.planned import planned_manifest
    from layout.spec import Slot
    text = with_photo(tmp_path).replace("rows: 6, ", "aspect: 1.5, ")
    page = load(tmp_path, text).pages[0]
    d = page.stories[2]
    assert d.figures[0].rows is None
    resized = (replace(d.figures[0], rows=7),)
    planned = [page.articles[0], ArticleSpec(id="d", file=d.file, slot=Slot(1, 3, 5, 15), where="", figures=resized)]
    written = planned_manifest(tmp_path / "issue.yaml", {1: planned})
    assert "aspect" not in written and "rows: 7" in written
    (tmp_path / "planned.yaml").write_text(written, encoding="utf-8")
    assert load_issue(tmp_path / "planned.yaml").pages[0].articles[1].figures[0].rows == 7


def test_an_articles_deck_may_be_switched_off_and_the_planned_manifest_writes_it(tmp_path):
    from dataclasses import replace

    from layout.manifest.planned import planned_manifest
    from layout.spec import Slot
    text = BASE.replace("        slot: {column: 1, span: 4, top: 0, lines: 5}\n",
                        "        slot: {column: 1, span: 4, top: 0, lines: 5}\n        deck: false\n")
    page = load(tmp_path, text).pages[0]
    assert page.articles[0].deck is False
    assert load(tmp_path, BASE).pages[0].articles[0].deck is True  # by default the deck is set
    page = load(tmp_path, text).pages[0]
    planned = [page.articles[0], replace(page.articles[0], id="b", file=page.stories[0].file, deck=False,
                                         slot=Slot(1, 2, 5, 13)),
               replace(page.articles[0], id="c", file=page.stories[1].file, slot=Slot(3, 2, 5, 13), deck=True)]
    written = planned_manifest(tmp_path / "issue.yaml", {1: planned})
    (tmp_path / "planned.yaml").write_text(written, encoding="utf-8")
    again = load_issue(tmp_path / "planned.yaml").pages[0]
    assert [(a.id, a.deck) for a in again.articles] == [("a", False), ("b", False), ("c", True)]
    error = fails(tmp_path, text.replace("deck: false", "deck: maybe"))
    assert "pages[0].articles[0].deck" in str(error) and "true or false" in str(error)


def test_an_articles_headline_split_is_read_and_the_planned_manifest_writes_it(tmp_path):
    from dataclasses import replace

    from layout.manifest.planned import planned_manifest
    from layout.spec import Slot
    text = BASE.replace("        slot: {column: 1, span: 4, top: 0, lines: 5}\n",
                        "        slot: {column: 1, span: 4, top: 0, lines: 5}\n        headline_split: true\n")
    page = load(tmp_path, text).pages[0]
    assert page.articles[0].headline_split is True
    assert load(tmp_path, BASE).pages[0].articles[0].headline_split is False  # by default the breaker's lines
    planned = [replace(page.articles[0], headline_split=False),
               replace(page.articles[0], id="b", file=page.stories[0].file, slot=Slot(1, 2, 5, 13)),
               replace(page.articles[0], id="c", file=page.stories[1].file, slot=Slot(3, 2, 5, 13),
                       headline_split=False)]
    written = planned_manifest(tmp_path / "issue.yaml", {1: planned})
    assert written.count("headline_split: true") == 1
    (tmp_path / "planned.yaml").write_text(written, encoding="utf-8")
    again = load_issue(tmp_path / "planned.yaml").pages[0]
    assert [(a.id, a.headline_split) for a in again.articles] == [("a", False), ("b", True), ("c", False)]
    error = fails(tmp_path, text.replace("headline_split: true", "headline_split: 2"))
    assert "pages[0].articles[0].headline_split" in str(error) and "true or false" in str(error)


def test_an_articles_headline_break_is_read_and_the_planned_manifest_writes_it(tmp_path):
    from dataclasses import replace

    from layout.manifest.planned import planned_manifest
    from layout.spec import Slot
    text = BASE.replace("        slot: {column: 1, span: 4, top: 0, lines: 5}\n",
                        "        slot: {column: 1, span: 4, top: 0, lines: 5}\n        headline_break: 3\n")
    page = load(tmp_path, text).pages[0]
    assert page.articles[0].headline_break == 3
    assert load(tmp_path, BASE).pages[0].articles[0].headline_break == 0  # by default the breaker's lines
    planned = [replace(page.articles[0], headline_break=0),
               replace(page.articles[0], id="b", file=page.stories[0].file, slot=Slot(1, 2, 5, 13), headline_break=2),
               replace(page.articles[0], id="c", file=page.stories[1].file, slot=Slot(3, 2, 5, 13),
                       headline_break=0)]
    written = planned_manifest(tmp_path / "issue.yaml", {1: planned})
    assert written.count("headline_break: 2") == 1 and "headline_break: 3" not in written
    (tmp_path / "planned.yaml").write_text(written, encoding="utf-8")
    again = load_issue(tmp_path / "planned.yaml").pages[0]
    assert [(a.id, a.headline_break) for a in again.articles] == [("a", 0), ("b", 2), ("c", 0)]
    error = fails(tmp_path, text.replace("headline_break: 3", "headline_break: 1"))
    assert "issue.yaml:" in str(error) and "pages[0].articles[0].headline_break" in str(error)


@pytest.mark.parametrize("value, deck", [("false", False), ("true", True), (None, None)])
def test_a_storys_deck_is_read(tmp_path, value, deck):
    line = "      - {id: c, file: articles/c.txt, priority: 2}"
    text = BASE if value is None else BASE.replace(line, line[:-1] + f", deck: {value}}}")
    assert load(tmp_path, text).pages[0].stories[1].deck is deck  # None: the planner may drop it (a lever)


def test_a_bad_deck_on_a_story_is_a_located_error(tmp_path):
    line = "      - {id: c, file: articles/c.txt, priority: 2}"
    error = fails(tmp_path, BASE.replace(line, line[:-1] + ", deck: maybe}"))
    assert "issue.yaml:17 (pages[0].stories[1].deck)" in str(error) and "true or false" in str(error)
    assert "deck: true or false" in error.hint
