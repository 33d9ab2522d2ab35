"""Memory (`layout watch`): one FontBook per font table, the StoryCache kept while the setter is the same,
and a changed article set again while the others keep what was set."""

from dataclasses import replace
from pathlib import Path

from layout.article.text import parse_article
from layout.fonts import FaceSource, FontTable
from layout.memory import Memory
from layout.typeset.story import Setter, Shape
from worlds import article, make_issue, make_world, write_issue

SHAPE = Shape(100.0, 100.0)


def texts(**bodies: str):
    return {key: parse_article(f"headline: 标题{key}\n\n{body}。", Path(f"{key}.txt")) for key, body in bodies.items()}


def base_setter(tiny_font_path) -> Setter:
    return make_world(tiny_font_path, make_issue((article("a", 1, 1, 0, 10),)), {}).setter


def test_one_font_book_per_equal_font_table(tiny_font_path):
    memory = Memory()
    table = FontTable((FaceSource(role="song", weight="regular", file=tiny_font_path),), ())
    same = FontTable((FaceSource(role="song", weight="regular", file=tiny_font_path),), ())
    other = FontTable((FaceSource(role="hei", weight="regular", file=tiny_font_path),), ())
    assert memory.font_book(table) is memory.font_book(same)
    assert memory.font_book(other) is not memory.font_book(table)


def test_an_unchanged_story_keeps_its_setting_and_a_changed_one_is_set_again(tiny_font_path):
    memory, setter = Memory(), base_setter(tiny_font_path)
    cache = memory.story_cache(texts(a="甲" * 30, b="乙" * 30), setter)
    a, b = cache.story("a", SHAPE), cache.story("b", SHAPE)
    assert memory.changed is None  # the first build sets everything
    again = memory.story_cache(texts(a="甲" * 30, b="乙" * 50), setter)
    assert again is cache and memory.changed == ("b",)
    assert again.story("a", SHAPE) is a  # kept
    b2 = again.story("b", SHAPE)
    assert b2 is not b and len(b2.body) > len(b.body)  # 52 字 at 10 字 a line: 6 lines, not 4


def test_a_removed_story_is_forgotten(tiny_font_path):
    memory, setter = Memory(), base_setter(tiny_font_path)
    cache = memory.story_cache(texts(a="甲" * 30, b="乙" * 30), setter)
    cache.story("b", SHAPE)
    memory.story_cache(texts(a="甲" * 30), setter)
    assert memory.changed == ("b",) and not [k for k in cache._set if k[0] == "b"]


def test_another_setter_starts_a_new_cache(tiny_font_path):
    memory, setter = Memory(), base_setter(tiny_font_path)
    cache = memory.story_cache(texts(a="甲" * 30), setter)
    looser = replace(setter, row=setter.row + 1)
    second = memory.story_cache(texts(a="甲" * 30), looser)
    assert second is not cache and memory.changed is None
    assert memory.story_cache(texts(a="甲" * 30), replace(looser)) is second  # an equal setter: kept


def _with_ad(path: Path) -> None:
    """The tiny manifest with article b replaced by an ad whose file is not in yet (a placeholder)."""
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("      - id: b\n")
    head = head.replace("    articles:\n", "    ads:\n      - {id: bank, file: ads/bank.pdf, "
                        "slot: {column: 3, span: 2, top: 0, lines: 10}}\n    articles:\n")
    path.write_text(head, encoding="utf-8")


def test_an_ad_file_that_arrives_is_read_on_the_next_rebuild(tmp_path, tiny_font_path):
    from layout import manifest
    path = write_issue(tmp_path, tiny_font_path)
    _with_ad(path)
    memory = Memory()
    first = memory.issue(path, manifest.load_issue)
    assert first.pages[0].boxes[0].file is None  # not in yet: a placeholder
    (tmp_path / "ads").mkdir()
    (tmp_path / "ads" / "bank.pdf").write_bytes(b"%PDF-1.4\n")
    again = memory.issue(path, manifest.load_issue)
    assert again.pages[0].boxes[0].file == (tmp_path / "ads" / "bank.pdf").resolve()


def test_the_watch_watches_planned_stories_ads_and_logos(tmp_path, tiny_font_path):
    from layout.cli.watch import issue_files
    from layout.spec.issue import BoxSpec, Masthead
    from layout.spec.placement import Slot, StorySpec
    issue = make_issue((article("a", 1, 1, 0, 10),))
    story = StorySpec(id="s", file=tmp_path / "s.txt", priority=1, where="")
    ad = BoxSpec(kind="ad", id="bank", slot=Slot(1, 1, 0, 5), where="", file=None, file_name="ads/bank.pdf")
    page = replace(issue.pages[0], stories=(story,), boxes=(ad,),
                   masthead=Masthead(title="报", logo=tmp_path / "logo.pdf"))
    issue = replace(issue, pages=(page,), manifest=tmp_path / "issue.yaml")
    files = issue_files(tmp_path / "issue.yaml", issue)
    assert {tmp_path / "s.txt", tmp_path / "logo.pdf", tmp_path / "ads" / "bank.pdf"} <= {Path(f) for f in files}


def test_a_replaced_photo_or_ad_composes_the_pages_again(tmp_path):
    """A file the pages read (a photo retouched at the same size, a new ad PDF) makes the manifest read
    again to an equal Issue: the pages composed before hold the old pixels, so they are composed again."""
    from types import SimpleNamespace

    from layout.spec.issue import Masthead
    logo, manifest = tmp_path / "logo.pdf", tmp_path / "issue.yaml"
    logo.write_bytes(b"%PDF-1.4 old\n")
    manifest.write_text("issue: {}\n", encoding="utf-8")
    base = make_issue((article("a", 1, 1, 0, 10),))
    issue = replace(base, pages=(replace(base.pages[0], masthead=Masthead(title="报", logo=logo)),))
    memory, composed = Memory(), []
    plan = SimpleNamespace(number=1, placements=())

    def compose(plan, stories, ctx):
        composed.append(ctx)
        return len(composed)

    memory.issue(manifest, lambda p: issue)
    assert memory.page(plan, {}, "ctx", compose) == 1
    assert memory.page(plan, {}, "ctx", compose) == 1  # nothing changed: kept
    logo.write_bytes(b"%PDF-1.4 new, longer\n")
    memory.issue(manifest, lambda p: issue)  # read again (equal)
    assert memory.page(plan, {}, "ctx", compose) == 2
