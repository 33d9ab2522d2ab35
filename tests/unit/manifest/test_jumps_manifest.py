"""Manifest: jump keys (jump, continue, continues, jump_headline, jumps.lettered) and one test per message."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout.errors import ManifestError
from layout.manifest import load_issue

HEAD = """\
issue: {id: t, paper: 测试日报, date: 2024-01-05}
format: {width: 300pt, height: 400pt}
margins: {top: 20, right: 20, bottom: 20, left: 20}
grid: {columns: 4, gutter: 10pt, body: 10pt, leading: 18pt}
pages:
"""
PAGE = """\
  - number: {number}
    articles:
"""
A_JUMPS = """\
      - id: a
        file: a.txt
        slot: {column: 1, span: 2, top: 0, lines: 10}
        jump: auto
"""
B = """\
      - id: b
        file: b.txt
        slot: {column: 3, span: 2, top: 0, lines: 10}
"""
CONT_A = """\
      - continues: a
        slot: {column: 1, span: 2, top: 0, lines: auto}
"""


def write(tmp_path: Path, *pages: tuple[int, str]) -> Path:
    """A manifest of the pages given as (number, article entries), with a.txt and b.txt beside it."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("headline: 标题\n\n正文。\n", encoding="utf-8")
    text = HEAD + "".join(PAGE.format(number=n) + entries for n, entries in pages)
    path = tmp_path / "issue.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def fails(tmp_path: Path, *pages) -> ManifestError:
    with pytest.raises(ManifestError) as info:
        load_issue(write(tmp_path, *pages))
    return info.value


def test_jump_auto_pairs_the_story_with_the_continuation_on_a_later_page(tmp_path):
    issue = load_issue(write(tmp_path, (1, A_JUMPS + B), (3, CONT_A)))
    a, cont = issue.pages[0].articles[0], issue.pages[1].articles[0]
    assert (a.part, a.jump_pages, a.jump.page, a.jump.headline) == (1, (1, 3), 3, None)
    assert a.jump.slot == cont.slot and a.story_key == "a (part 1)" and cont.story_key == "a (part 2)"
    assert (cont.id, cont.part, cont.jump_pages, cont.file) == ("a", 2, (1, 3), a.file)
    assert issue.pages[0].articles[1].part == 0 and not issue.lettered and issue.page_name(3) == "3"


def test_continue_adds_the_continuation_slot_to_the_page_it_names(tmp_path):
    inline = A_JUMPS.replace("jump: auto", "continue: {page: 2, slot: {column: 3, span: 2, top: 0, lines: 5}}\n"
                             "        jump_headline: 续题")
    issue = load_issue(write(tmp_path, (1, inline), (2, B.replace("column: 3", "column: 1"))))
    added = issue.pages[1].articles[-1]
    assert (added.id, added.part, added.slot.column, added.slot.lines) == ("a", 2, 3, 5)
    assert issue.pages[0].articles[0].jump.headline == "续题"


def test_lettered_page_names_carry_the_edition_letter(tmp_path):
    path = write(tmp_path, (1, B))
    path.write_text(path.read_text(encoding="utf-8").replace("pages:", "jumps: {lettered: true}\npages:"),
                    encoding="utf-8")
    assert load_issue(path).page_name(5) == "A5"


@pytest.mark.parametrize("pages, message, where", [
    (((1, A_JUMPS + B),), "article 'a' has jump: auto but no later page continues it", "pages[0].articles[0].jump"),
    (((2, A_JUMPS), (1, CONT_A)), "article 'a' is on page 2; its continuation on page 1 is not on a later page",
     "pages[1].articles[0].continues"),
    (((1, A_JUMPS), (2, CONT_A + CONT_A.replace("column: 1", "column: 3"))),
     "article 'a' is continued twice (first at", "pages[1].articles[1].continues"),
    (((1, A_JUMPS), (2, CONT_A.replace("continues: a", "continues: ab"))),
     "continues: 'ab' is no article of the issue", "pages[1].articles[0].continues"),
    (((1, B), (2, CONT_A.replace("continues: a", "continues: b"))),
     "article 'b' is continued here but does not jump", "pages[1].articles[0].continues"),
    (((1, A_JUMPS.replace("auto", "yes")), (2, CONT_A)), "jump must be auto", "pages[0].articles[0].jump"),
    (((1, A_JUMPS.replace("lines: 10", "lines: auto")), (2, CONT_A)), "article 'a' jumps, so it fills its slot",
     "pages[0].articles[0].slot"),
    (((1, B + "        jump_headline: 续\n"),), "article 'b' has a jump_headline but does not jump",
     "pages[0].articles[0].jump_headline"),
    (((1, A_JUMPS + "        continue: {page: 2, slot: {column: 1, span: 2, top: 0}}\n"), (2, B)),
     "article 'a' gives both jump and continue", "pages[0].articles[0].continue"),
    (((1, A_JUMPS.replace("jump: auto", "continue: {page: 1, slot: {column: 3, span: 2, top: 0}}")),),
     "article 'a' is on page 1 and cannot jump to page 1", "pages[0].articles[0].continue.page"),
    (((1, A_JUMPS.replace("jump: auto", "continue: {page: 7, slot: {column: 3, span: 2, top: 0}}")),),
     "article 'a' jumps to page 7, which is no page of the issue", "pages[0].articles[0].continue.page"),
    (((1, A_JUMPS.replace("jump: auto", "continue: {page: 2, slot: {column: 3, span: 2, top: 0}}")), (2, B)),
     "the continuation slot of article 'a' on page 2 overlaps the slot of article 'b'",
     "pages[0].articles[0].continue.slot"),
    (((1, A_JUMPS.replace("jump: auto", "continue: {page: 2, slot: {column: 3, span: 2, top: 0}}")),
      (2, CONT_A)), "article 'a' already jumps to page 2", "pages[1].articles[0].continues"),
    (((1, A_JUMPS), (2, CONT_A + "        file: a.txt\n")), "file", "pages[1].articles[0]"),
])
def test_jump_errors_name_the_key_and_say_how_to_fix(tmp_path, pages, message, where):
    error = fails(tmp_path, *pages)
    assert message in error.message and where in error.where and error.hint
