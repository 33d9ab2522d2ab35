"""Placer properties (hypothesis): random story sets (lengths, paragraphs, priorities, span ranges) on random
grids either plan with 0 violations of the rules (tests/planner_check.py; white only where the notes say,
line for line) or fail with a LayoutError saying why; never another exception, never a story lost (every
story is placed or held over and named), never overset."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from planner_check import check_page
from worlds import make_issue, make_world

from layout.compose.page import compose_page
from layout.errors import LayoutError
from layout.geometry import Rect
from layout.makeup import placer
from layout.output import sidecar
from layout.spec import StorySpec


@st.composite
def pages(draw):
    """A grid (columns × rows) and 1–8 stories with texts: lines, paragraphs, priority, optional span range."""
    columns = draw(st.integers(3, 8))
    rows = draw(st.integers(30, 90))
    count = draw(st.integers(1, 8))
    stories, texts = [], {}
    for k in range(count):
        lines = draw(st.integers(8, 160))
        paragraphs = draw(st.integers(1, 6))
        priority = draw(st.integers(1, 4))
        span = None
        if draw(st.booleans()):
            low = draw(st.integers(2, columns))
            span = (low, draw(st.integers(low, columns)))
        sid = f"s{k}"
        stories.append(StorySpec(id=sid, file=Path(f"{sid}.txt"), priority=priority, where=f"stories[{k}]",
                                 span=span))
        per = max(1, lines // paragraphs)
        body = "\n\n".join("正" * (per * 10 - 3) + "文。" for _ in range(paragraphs))
        texts[sid] = f"headline: 标题{k}\n\n{body}"
    return columns, rows, stories, texts


@settings(max_examples=int(__import__("os").environ.get("PLACER_EXAMPLES", "30")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages())
def test_random_pages_plan_with_no_violation_or_say_why(tiny_font_path, drawn):
    columns, rows, stories, texts = drawn
    issue = make_issue((), columns=columns, rows=rows)
    page = replace(issue.pages[0], stories=tuple(stories))
    world = make_world(tiny_font_path, replace(issue, pages=(page,)), texts)
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
