"""Room: whether the continuations of a planned page's jumps fit the later pages they go to (转版的接续版面).

The planner chooses where a story that may jump is cut; the rest is set in the continuation slot a later
page declares. A `lines: auto` continuation grows with the rest, stacked ones push each other (and the
`top: auto` slots under them) down, a fixed one holds only its lines: a cut whose rest the later page cannot
take would fail the build there, and one that leaves a column short breaks the exact fill. Room plans the later page with the continuations as the cuts give them,
the way the build will plan it (makeup.fixed), and says why it does not take them, so that the planner cuts
otherwise or holds the story over instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..article.text import ArticleText
from ..errors import LayoutError
from ..geometry import PageGrid
from ..i18n import _
from ..spec import FitPolicy, PageSpec, story_key
from ..typeset.story import StoryCache
from . import fixed
from .fit import empty_lines, lines
from .jumps import EditionJumps, body_capacity


@dataclass(frozen=True)
class Later:
    """The pages after a planned page as the build will plan them (the continuations of earlier planned
    stories that did not jump left out), to try that page's jumps on."""

    pages: tuple[PageSpec, ...]
    grid: PageGrid
    edition: str = ""
    policy: FitPolicy = FitPolicy()
    jumps: EditionJumps = EditionJumps()

    def page(self, number: int) -> PageSpec | None:
        """The later page numbered `number` (None: not after the planned page)."""
        return next((p for p in self.pages if p.number == number), None)


def trouble(later: Later, stories: StoryCache, target: int, rests: Mapping[str, ArticleText],
            others: frozenset[str]) -> str | None:
    """Why page `target` cannot take the continuations `rests` (story id → its text after the cut), with the
    continuations of the planned page's other stories that may jump (`others`) left out; None: it takes
    them. The message names the slot's YAML line."""
    page = later.page(target)
    if page is None:
        return None
    tried = _tried(page, rests, others, stories)
    saved = {key: stories.texts.get(key) for key in (story_key(s, 2) for s in rests)}
    try:
        for story, text in rests.items():
            stories.add(story_key(story, 2), text)
        return _planned_trouble(tried, bool(page.stories), later, stories, rests)
    finally:
        for key, text in saved.items():
            stories.forget(key) if text is None else stories.add(key, text)


def _tried(page: PageSpec, rests: Mapping[str, ArticleText], others: frozenset[str],
           stories: StoryCache) -> PageSpec:
    """The later page's pinned articles as they are tried: the continuations `rests`, and the others whose
    text is known (a story of an earlier page that jumped, or a pinned one); not the planned page's stories
    that do not jump in this try (`others`), nor those of pages planned after it (not cut yet)."""
    kept = tuple(a for a in page.articles if a.part != 2 or a.id in rests
                 or (a.id not in others and a.story_key in stories.texts))
    return replace(page, articles=kept, stories=())


def _planned_trouble(page: PageSpec, planned: bool, later: Later, stories: StoryCache,
                     rests: Mapping[str, ArticleText]) -> str | None:
    """Why the tried page does not plan (the build's message at its YAML line), or a continuation of `rests`
    is over its slot or leaves white in it (its columns squared as the build squares them), or (a `planned` page: stories go around them) its pinned slots leave no one free
    rectangle; None: it plans."""
    try:
        plan = fixed.plan_page(page, later.grid, later.edition, stories, later.policy, later.jumps)
    except LayoutError as error:
        return f"{error.where}: {error.message}" if error.where else error.message
    for placement in plan.placements:
        if placement.part == 2 and placement.id in rests:
            story = stories.story(placement.story, placement.shape, placement.loosen, placement.budget)
            held, needed = body_capacity(placement), story.lines_needed
            if story.unset is not None or len(story.body) > held:
                return _("{where}: article {article} (part 2) on page {page} needs {needed}, its slot holds "
                         "{held}").format(where=placement.where, article=placement.id, page=page.number,
                                          needed=lines(needed), held=lines(held))
            if len(story.body) < held:  # exact fill on the later page too: no column ends short (开天窗)
                return _("{where}: article {article} (part 2) on page {page} leaves {white} in its slot (its "
                         "{needed} in {held})").format(where=placement.where, article=placement.id, page=page.number,
                                                       white=empty_lines(held - len(story.body)),
                                                       needed=lines(len(story.body)), held=lines(held))
    if planned and len(plan.unplaced) != 1:
        return _("{where}: page {page}: the stories need one free rectangle, the pinned articles and the "
                 "continuations leave {count} areas").format(where=page.where, page=page.number,
                                                             count=len(plan.unplaced))
    return None
