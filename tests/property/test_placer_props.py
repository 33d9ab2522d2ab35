"""Placer properties (hypothesis): random story sets (lengths, paragraphs, priorities, span ranges) on random
grids either plan with 0 violations of the rules (tests/planner_check.py; white only where the notes say,
line for line) or fail with a LayoutError saying why; never another exception, never a story lost (every
story is placed or held over and named), never overset."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from planner_check import check_page
from worlds import make_issue, make_world

from layout.compose.figure import Photos
from layout.compose.page import compose_page
from layout.errors import LayoutError
from layout.geometry import Rect
from layout.makeup import placer
from layout.output import sidecar
from layout.spec import FigureSpec, StorySpec, TextStyle


HEADLINES = ("全市召开工作会议", "乙乙 丙丙")  # one half the lever may break into one line more; two halves


@st.composite
def pages(draw, columns=(3, 8), rows=(30, 90), count=(1, 8), lines=(8, 160)):
    """A grid (columns × rows) and 1–8 stories with texts: lines, paragraphs, priority, optional span range."""
    columns = draw(st.integers(*columns))
    rows = draw(st.integers(*rows))
    count = draw(st.integers(*count))
    stories, texts = [], {}
    low_lines, high_lines = lines
    for k in range(count):
        lines = draw(st.integers(low_lines, high_lines))
        paragraphs = draw(st.integers(1, 6))
        priority = draw(st.integers(1, 4))
        span = None
        if draw(st.booleans()):
            low = draw(st.integers(2, columns))
            span = (low, draw(st.integers(low, columns)))
        sid = f"s{k}"
        deck = draw(st.sampled_from((None, None, True, False)))  # the story's `deck:` (None: the planner's lever)
        stories.append(StorySpec(id=sid, file=Path(f"{sid}.txt"), priority=priority, where=f"stories[{k}]",
                                 span=span, deck=deck))
        per = max(1, lines // paragraphs)
        body = "\n\n".join("正" * (per * 10 - 3) + "文。" for _ in range(paragraphs))
        head = draw(st.sampled_from((f"标题{k}", f"标题{k}", HEADLINES[0], HEADLINES[1])))  # the lines levers
        deck_line = f"deck: {'副' * draw(st.integers(2, 30))}\n" if draw(st.booleans()) else ""
        texts[sid] = f"headline: {head}\n{deck_line}\n{body}"
    return columns, rows, stories, texts


@st.composite
def pages_with_photos(draw):
    """As pages() (3–8 stories of 20–100 lines on 4–8 columns), with a photo (1–2 columns, 3–10 rows or an
    aspect the planner may resize, under the headline or at the foot) on 1–2 stories, the 头条's too at times."""
    columns, rows, stories, texts = draw(pages(columns=(4, 8), rows=(40, 90), count=(3, 8), lines=(20, 100)))
    for k in sorted(set(draw(st.lists(st.integers(0, len(stories) - 1), min_size=1, max_size=2)))):
        figure = FigureSpec(file=PHOTO, span=draw(st.integers(1, 2)), rows=draw(st.none() | st.integers(3, 10)),
                            aspect=draw(st.sampled_from((1.0, 1.5, 0.75))),
                            caption="图为测试。", credit=None, where=f"stories[{k}].figures[0]",
                            place=draw(st.sampled_from(("before-body", "bottom"))))
        stories[k] = replace(stories[k], figures=(figure,))
    return columns, rows, stories, texts


PHOTO = Path(tempfile.mkdtemp(prefix="placer-photo-")) / "p.jpg"
PILImage.new("RGB", (800, 600), (120, 140, 160)).save(PHOTO, quality=90)
CAPTION = TextStyle(name="caption", role="song", weight="regular", size=8.0, leading=8.0, align="justify")


@settings(max_examples=int(__import__("os").environ.get("PLACER_EXAMPLES", "30")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages())
def test_random_pages_plan_with_no_violation_or_say_why(tiny_font_path, drawn):
    check_drawn(tiny_font_path, drawn)


@settings(max_examples=int(__import__("os").environ.get("PLACER_EXAMPLES", "30")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages_with_photos())
def test_random_pages_with_photos_plan_with_no_violation_or_say_why(tiny_font_path, drawn):
    check_drawn(tiny_font_path, drawn)


def check_drawn(tiny_font_path, drawn):
    """Plan, set, compose and check one drawn page."""
    columns, rows, stories, texts = drawn
    issue = make_issue((), columns=columns, rows=rows)
    page = replace(issue.pages[0], stories=tuple(stories))
    world = make_world(tiny_font_path, replace(issue, styles=issue.styles + (CAPTION,), pages=(page,)), texts)
    world = replace(world, ctx=replace(world.ctx, photos=Photos(cache=PHOTO.parent / ".cache")))
    try:
        placed = placer.place(page, world.grid, world.desk, issue.fit)
    except LayoutError as error:
        assert "no plan places even the 头条" in str(error)
        return
    ids = [s.story.id for s in placed.spots] + [s.id for s in placed.held]
    assert sorted(ids) == sorted(s.id for s in stories)  # nothing lost, nothing doubled
    for story in placed.held:
        assert any(note.startswith(f"story {story.id} ") and "held over" in note for note in placed.notes)
    plan = placer.plan_page(page, world.grid, "A", world.desk, issue.fit)
    sets = {p.id: world.desk.story(p.id, p.shape, p.loosen) for p in plan.placements}
    composed = compose_page(plan, sets, world.ctx)
    assert all(a.overset is None for a in composed.articles)
    record = sidecar.page_record(0, composed, Rect(0, 0, composed.trim.x1, composed.trim.y1))
    data = json.loads(sidecar.dumps(sidecar.Sidecar("t", "t.pdf", (record,))))["pages"][0]
    sizes = {p.id: p.shape.headline_size for p in plan.placements}
    found = check_page(data, sizes, {s.story.id: s.story.priority for s in placed.spots})
    reported = sum(s.white * s.cell.span for s in placed.spots)
    for spot in placed.spots:
        if spot.white:
            assert any(n.startswith(f"story {spot.story.id}: no exact fill; {spot.white * spot.cell.span} line")
                       for n in placed.notes)
    assert found.holes == reported, found.details  # white only where the notes say, line for line
    assert found.total - found.holes == 0, found.details
