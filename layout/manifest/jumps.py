"""Jumps (转版) in the manifest: `jump: auto` / `continue: {page, slot}` on a story, `continues: <id>` on a
later page; each story that jumps is paired with exactly one continuation slot on a later page (docs/jumps.md)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import yaml

from ..spec import ArticleSpec, JumpSpec, PageSpec, Slot, StorySpec
from . import kinds
from .nodes import Map, Value, close
from ..i18n import _

JUMP_KEYS = ("jump", "continue", "jump_headline")  # keys of an article entry that make it jump
CONTINUE_KEYS = ("page", "slot")  # continue: {page: 5, slot: {...}}
CONTINUATION_KEYS = ("continues", "slot")  # an article entry on the later page: continues: <id>


def jump_kinds(slot: dict) -> dict:
    """The schema kinds of an article's jump keys (kinds.py), given the slot's kind."""
    return {"jump": kinds.choice(("auto",), "the overset continues in the slot a later page declares (continues)"),
            "continue": kinds.mapping(CONTINUE_KEYS, {"page": kinds.integer(1, "the continuation's page"),
                                                      "slot": slot}, CONTINUE_KEYS, "where the story continues"),
            "jump_headline": kinds.text("the 转版题 over the continuation")}


def continuation_kind(slot: dict) -> dict:
    """The schema kind of a continuation entry `{continues: <id>, slot: {...}}`."""
    return kinds.mapping(CONTINUATION_KEYS, {"continues": kinds.text("the id of the story it continues"),
                                             "slot": slot}, CONTINUATION_KEYS, "a jumping story's continuation slot")


@dataclass(frozen=True)
class JumpAsk:
    """A story that asks to jump, as read: its page, `jump`/`continue` node and (inline form) target."""

    article: str
    page: int
    value: Value  # the `jump:` or `continue:` node
    headline: str | None
    target: int | None = None  # continue: the page given; None for jump: auto
    slot: Slot | None = None  # continue: the slot given
    slot_value: Value | None = None


@dataclass(frozen=True)
class Continuation:
    """A `continues: <id>` entry on a page, as read: its spec (part 2, id not yet checked) and node."""

    spec: ArticleSpec
    page: int
    value: Value  # the `continues:` node


def jump_ask(m: Map, article_id: str, page: int, slot: Slot, read_slot: Callable[[Value], Slot]) -> JumpAsk | None:
    """The jump an article entry asks for (`jump: auto` or `continue: {page, slot}`), or None; a
    `jump_headline` without either, both forms at once, or an auto-height slot are errors."""
    jump, inline, headline = m.get("jump"), m.get("continue"), m.get("jump_headline")
    if jump is None and inline is None:
        if headline is not None:
            headline.fail(_("article '{article_id}' has a jump_headline but does not jump").format(
                              article_id=article_id),
                          _("add jump: auto (or continue: {page: N, slot: {...}}), or remove jump_headline"))
        return None
    if jump is not None and inline is not None:
        inline.fail(_("article '{article_id}' gives both jump and continue").format(article_id=article_id),
                    _("write either jump: auto (its continuation declared on the later page with "
                      "continues: {article_id}) or continue: {{page: N, slot: {{...}}}}, not both").format(
                        article_id=article_id))
    if not slot.fixed:
        m.need("slot").fail(_("article '{article_id}' jumps, so it fills its slot: the slot "
                              "needs a top and a height").format(article_id=article_id),
                            _("give the slot top: N and lines: N (or lines: rest)"))
    title = headline.text("高新区重点项目建设提速") if headline is not None else None
    if title is not None and not title.strip():
        headline.fail(_("jump_headline is empty"),
                      _("write the headline's short form, or leave the key out to derive it"))
    if jump is not None:
        word = jump.scalar("auto", "auto").strip() if isinstance(jump.node, yaml.ScalarNode) else ""
        if word != "auto":
            jump.fail(_("jump must be auto (the overset continues in the slot a later page declares)"),
                      _("write jump: auto, with `- continues: {article_id}` and a slot on the "
                        "later page").format(article_id=article_id))
        return JumpAsk(article_id, page, jump, title)
    c = inline.mapping(CONTINUE_KEYS, required=CONTINUE_KEYS)
    target = c.need("page").integer(low=1, example="5")
    return JumpAsk(article_id, page, inline, title, target, read_slot(c.need("slot")), c.need("slot"))


def story_jump(m: Map, story_id: str, page: int) -> JumpAsk | None:
    """The jump a planned story allows (`jump: auto`, optional `jump_headline`), or None; the planner
    decides whether it jumps (docs/planner.md)."""
    jump, headline = m.get("jump"), m.get("jump_headline")
    if jump is None:
        if headline is not None:
            headline.fail(_("story '{story}' has a jump_headline but no jump: auto").format(story=story_id),
                          _("add jump: auto (and `- continues: {story}` with a slot on a later page), or remove "
                            "jump_headline").format(story=story_id))
        return None
    word = jump.scalar("auto", "auto").strip() if isinstance(jump.node, yaml.ScalarNode) else ""
    if word != "auto":
        jump.fail(_("jump must be auto (the overset continues in the slot a later page declares)"),
                  _("write jump: auto, with `- continues: {article_id}` and a slot on the "
                    "later page").format(article_id=story_id))
    title = headline.text("高新区重点项目建设提速") if headline is not None else None
    if title is not None and not title.strip():
        headline.fail(_("jump_headline is empty"),
                      _("write the headline's short form, or leave the key out to derive it"))
    return JumpAsk(story_id, page, jump, title)


def link(pages: tuple[PageSpec, ...], asks: list[JumpAsk], continuations: list[Continuation]) -> tuple[PageSpec, ...]:
    """The pages with every jump paired: the story marked part 1 with its JumpSpec, its continuation
    (declared by `continues:` or added from `continue:`) marked part 2 on the later page."""
    order = {p.number: index for index, p in enumerate(pages)}
    specs = {a.id: (a, p.number) for p in pages for a in p.articles if a.part != 2}
    specs |= {s.id: (s, p.number) for p in pages for s in p.stories}  # planned stories that may jump
    jumps, added = {}, {}
    by_article = {ask.article: ask for ask in asks}
    for cont in continuations:
        _check_continuation(cont, specs, by_article, jumps)
        jumps[cont.spec.id] = replace(cont, spec=replace(cont.spec, file=specs[cont.spec.id][0].file))
    for ask in asks:
        if ask.target is None and ask.article not in jumps:
            ask.value.fail(_("article '{article}' has jump: auto but no later page continues it").format(
                               article=ask.article),
                           _("add `- continues: {article}` with a slot to a later page's "
                             "articles, or write continue: {{page: N, slot: {{...}}}}").format(article=ask.article))
        if ask.target is not None:
            _check_later(ask.value.mapping().need("page"), ask.article, ask.page, ask.target, order)
            spec = specs[ask.article][0]
            _check_free(ask, pages[order[ask.target]])
            added.setdefault(ask.target, []).append(ArticleSpec(
                id=ask.article, file=spec.file, slot=ask.slot, where=ask.value.where(), part=2,
                slot_where=ask.slot_value.where()))
    return tuple(_linked(page, by_article, jumps, added) for page in pages)


def _check_continuation(cont: Continuation, specs: dict, asks: dict, seen: dict) -> None:
    """A `continues:` entry names a story on an earlier page that has jump: auto and no other continuation."""
    article = cont.spec.id
    if article not in specs:
        cont.value.fail(_("continues: '{article}' is no article of the issue").format(article=article),
                        close(article, tuple(specs)))
    if article in seen:
        cont.value.fail(_("article '{article}' is continued twice (first at {where})").format(
                            article=article, where=seen[article].value.where()),
                        _("a story jumps once: remove one of the continuations"))
    ask = asks.get(article)
    if ask is None:
        cont.value.fail(_("article '{article}' is continued here but does not jump").format(article=article),
                        _("add jump: auto to article '{article}' (at {where})").format(
                            article=article, where=specs[article][0].where))
    if ask.target is not None:
        cont.value.fail(_("article '{article}' already jumps to page {target} (continue: at "
                          "{where})").format(article=article, target=ask.target, where=ask.value.where()),
                        _("a story jumps once: remove this entry or the story's continue:"))
    page = specs[article][1]
    if cont.page <= page:
        cont.value.fail(_("article '{article}' is on page {page}; its continuation on page "
                          "{page2} is not on a later page").format(article=article, page=page, page2=cont.page),
                        _("a story jumps to a later page: continue it on a page after {page}").format(page=page))


def _check_later(value: Value, article: str, page: int, target: int, order: dict[int, int]) -> None:
    """A jump goes to a page of the issue that comes after the story's page (in number and in pages:)."""
    if target not in order:
        value.fail(_("article '{article}' jumps to page {target}, which is no page of the issue").format(
                       article=article, target=target),
                   _("the pages are {choices}").format(choices=', '.join(str(n) for n in order)))
    if target <= page or order[target] < order[page]:
        value.fail(_("article '{article}' is on page {page} and cannot jump to page {target}").format(
                       article=article, page=page, target=target),
                   _("a story jumps to a later page: give a page after {page}").format(page=page))


def _check_free(ask: JumpAsk, page: PageSpec) -> None:
    """A continuation slot given by `continue:` may not overlap a fixed slot of its page."""
    for other in page.articles:
        if other.slot.fixed and overlap(ask.slot, other.slot):
            ask.slot_value.fail(_("the continuation slot of article '{article}' on page {number} "
                                  "overlaps the slot of article '{id}'").format(
                                    article=ask.article, number=page.number, id=other.id),
                                _("move or shrink one of them ('{id}' is at {location})").format(
                                    id=other.id, location=other.location))


def overlap(a: Slot, b: Slot) -> bool:
    """Whether two slots share a column and a body line ('rest' reaches the bottom)."""
    big = 1 << 30
    a_end = a.top + (a.lines if isinstance(a.lines, int) else big)
    b_end = b.top + (b.lines if isinstance(b.lines, int) else big)
    columns = a.column < b.column + b.span and b.column < a.column + a.span
    return columns and a.top < b_end and b.top < a_end


def _linked(page: PageSpec, asks: dict[str, JumpAsk], jumps: dict[str, Continuation],
            added: dict[int, list[ArticleSpec]]) -> PageSpec:
    """One page with its jumping stories marked part 1 and its continuations part 2 (both with the pages)."""
    articles = []
    for spec in page.articles:
        if spec.part == 2:
            articles.append(replace(jumps[spec.id].spec, jump_pages=(asks[spec.id].page, page.number)))
        elif spec.id in asks:
            ask = asks[spec.id]
            cont = jumps.get(spec.id)
            target, slot = (ask.target, ask.slot) if ask.target is not None else (cont.page, cont.spec.slot)
            where = ask.slot_value.where() if ask.slot_value is not None else cont.spec.slot_where
            articles.append(replace(spec, part=1, jump_pages=(page.number, target),
                                    jump=JumpSpec(page=target, slot=slot, headline=ask.headline,
                                                  where=ask.value.where(), slot_where=where)))
        else:
            articles.append(spec)
    articles += [replace(a, jump_pages=(asks[a.id].page, page.number)) for a in added.get(page.number, [])]
    stories = tuple(_story_linked(s, asks, jumps) for s in page.stories)
    return replace(page, articles=tuple(articles), stories=stories)


def _story_linked(story: StorySpec, asks: dict[str, JumpAsk], jumps: dict[str, Continuation]) -> StorySpec:
    """A planned story with `jump: auto` given its continuation (the planner may jump it there)."""
    if story.id not in asks or story.id not in jumps:
        return story
    ask, cont = asks[story.id], jumps[story.id]
    return replace(story, jump=JumpSpec(page=cont.page, slot=cont.spec.slot, headline=ask.headline,
                                        where=ask.value.where(), slot_where=cont.spec.slot_where))

