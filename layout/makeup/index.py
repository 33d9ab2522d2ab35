"""Index: the 导读 box's entries (`headline …… 第N版`) resolved once every page of the edition is planned —
each entry's page is the page its story was made up on, never typed in the manifest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..article.text import ArticleText
from ..errors import LayoutError
from ..i18n import _
from ..spec import Issue
from .plan import BoxPlan, IndexEntry, PagePlan


def page_word(edition: str, number: int) -> str:
    """How a page is named in a 导读 entry: 第2版 in a paper of one section (edition A), else with its
    edition letter, B3版."""
    return f"第{number}版" if edition == "A" else f"{edition}{number}版"


def entry_text(article: str, mark: str, texts: Mapping[str, ArticleText]) -> str:
    """An entry's text: the short form `index:` gives, else the story's headline on one line."""
    if mark:
        return mark
    headline = texts[article].headline if article in texts else ()
    if not headline:
        raise LayoutError(_("article '{article}' is marked index: true but has no headline to list").format(
            article=article), str(texts[article].source) if article in texts else "",
            _("give the short form to list: index: 短题"))
    return " ".join(part.strip() for part in headline)


def resolve(plans: Sequence[PagePlan], issue: Issue, texts: Mapping[str, ArticleText]) -> tuple[PagePlan, ...]:
    """Every 导读 box's entries: the marked stories made up on the pages after the box's page, in page and
    reading order, with the page each landed on (a story that jumps: the page it starts on, once)."""
    marks = {a.id: a.index for page in issue.pages for a in page.articles if a.index is not None}
    out = []
    for i, plan in enumerate(plans):
        later = [IndexEntry(article=p.id, text=entry_text(p.id, marks[p.id], texts), page=other.number,
                            label=page_word(issue.edition, other.number))
                 for other in plans[i + 1:] for p in other.placements if p.id in marks and p.part != 2]
        out.append(replace(plan, boxes=tuple(_filled(box, later) for box in plan.boxes)) if plan.boxes else plan)
    return tuple(out)


def _filled(box: BoxPlan, entries: list[IndexEntry]) -> BoxPlan:
    """An index box with its entries (its rows were sized for as many as the manifest marks)."""
    if box.spec.kind != "index":
        return box
    if len(entries) != box.spec.entries:
        raise LayoutError(_("the 导读 box lists {count} stories, it was sized for {sized}").format(
            count=len(entries), sized=box.spec.entries), box.spec.where,
            _("mark only stories made up on later pages with index:"))
    return replace(box, entries=tuple(entries))
