"""Copy-desk cleaning (layout clean): a cleaned page → articles with label, kicker, headline, dateline.

An article starts with 1–3 heading lines followed by a paragraph opening with a dateline (电头):
  [label 栏目] [kicker 引题] headline 主题 [deck 副题, starting with ——]  then  本报X讯（…）…
Read back from the dateline: the line right before it is the headline (a deck if it starts with ——);
before that, a heading that is not a place/organisation name is the kicker; a short place or
organisation name (黄屯街道, 济宁高新区党工委组织部（人力资源部）) is the label. The dateline moves to the
header; the body starts after it. Text before the first such start becomes an article without header.
Run-in heads (段首小标, 抓X，Y。) are marked **…** when an article has a series of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .paragraphs import is_heading, is_headline
from .rules import (KICKER_MIN_HAN, LABEL_MAX, LABEL_RE, LABEL_SUFFIXES, RUNIN_MAX, RUNIN_RE, RUNIN_SERIES,
                    dateline_span, han_count)
from .tracked import Change, Notice, Tracked


@dataclass(frozen=True, kw_only=True)
class Header:
    """The header of an article file (docs/article-format.md); empty strings are left out."""

    headlines: tuple[str, ...]
    label: str = ""
    kicker: str = ""
    deck: str = ""
    dateline: str = ""


@dataclass(frozen=True)
class Article:
    """One article of the page: header (None: body only), body paragraphs, raw offset of its start."""

    header: Header | None
    body: tuple[str, ...]
    offset: int


@dataclass(frozen=True)
class Page:
    """A page split into articles, with the changes (datelines, run-in heads) and notices of the split."""

    articles: tuple[Article, ...]
    changes: tuple[Change, ...]
    notices: tuple[Notice, ...]


@dataclass(frozen=True, kw_only=True)
class HeaderRun:
    """Paragraph indices of one article's header lines (-1: absent) and of its dateline paragraph."""

    start: int
    headline: int
    dateline: int
    label: int = -1
    kicker: int = -1
    deck: int = -1


def is_label(text: str) -> bool:
    """A 栏目 label: a short place or organisation name, optionally with a bracketed second name."""
    if len(text) > LABEL_MAX or not LABEL_RE.match(text):
        return False
    base = text.split("（")[0].split("(")[0]
    return base.endswith(LABEL_SUFFIXES)


def split_page(items: tuple[Tracked, ...]) -> Page:
    """Split cleaned paragraphs into articles in page order."""
    runs, notices = _header_runs(items)
    articles: list[Article] = []
    changes: list[Change] = []
    first = runs[0].start if runs else len(items)
    if first > 0:
        notices.append(Notice("untitled", items[0].at(0), items[0].text[:16]))
        body, runin_changes = mark_runins(items[:first])
        articles.append(Article(None, body, items[0].at(0)))
        changes.extend(runin_changes)
    for index, run in enumerate(runs):
        end = runs[index + 1].start if index + 1 < len(runs) else len(items)
        article, article_changes = _article(items, run, end)
        articles.append(article)
        changes.extend(article_changes)
    return Page(tuple(articles), tuple(changes), tuple(notices))


def _header_runs(items: tuple[Tracked, ...]) -> tuple[list[HeaderRun], list[Notice]]:
    """The header run of every article, and notices for datelines without a headline before them."""
    runs: list[HeaderRun] = []
    notices: list[Notice] = []
    floor = 0
    for index, item in enumerate(items):
        if not dateline_span(item.text):
            continue
        run = _header_run(items, index, floor)
        if run is None:
            notices.append(Notice("orphan-dateline", item.at(0), item.text[:16]))
            continue
        runs.append(run)
        floor = index + 1
    return runs, notices


def _header_run(items: tuple[Tracked, ...], dateline: int, floor: int) -> HeaderRun | None:
    """Read the heading lines back from a dateline paragraph (never below `floor`)."""
    text = items[dateline].text
    i = dateline - 1
    if i < floor or not is_headline(items[i].text, text):
        return None
    deck = -1
    if items[i].text.startswith("——") and i - 1 >= floor and is_headline(items[i - 1].text, text):
        deck, i = i, i - 1
    headline, i = i, i - 1
    kicker = label = -1
    if i >= floor and is_heading(items[i].text) and not is_label(items[i].text) \
            and han_count(items[i].text) >= KICKER_MIN_HAN:
        kicker, i = i, i - 1
    if i >= floor and is_label(items[i].text):
        label, i = i, i - 1
    return HeaderRun(start=i + 1, headline=headline, dateline=dateline, label=label, kicker=kicker, deck=deck)


def _article(items: tuple[Tracked, ...], run: HeaderRun, end: int) -> tuple[Article, list[Change]]:
    """One article: header from the run, dateline cut from its first paragraph, run-in heads marked."""
    first = items[run.dateline]
    size = dateline_span(first.text)
    dateline = first.text[:size]
    rest = first.cut(size)
    while rest.text.startswith(" "):
        rest = rest.cut(1)
    changes = [Change(kind="dateline", offset=first.at(0), before=dateline, after="dateline: " + dateline)]
    body_items = ((rest,) if rest.text else ()) + items[run.dateline + 1:end]
    body, runin_changes = mark_runins(body_items)

    def pick(index: int) -> str:
        """The text of header paragraph `index` ('' when absent)."""
        return items[index].text if index >= 0 else ""

    header = Header(headlines=(pick(run.headline),), label=pick(run.label), kicker=pick(run.kicker),
                    deck=pick(run.deck), dateline=dateline)
    return Article(header, body, items[run.start].at(0)), changes + runin_changes


def mark_runins(items: tuple[Tracked, ...]) -> tuple[tuple[str, ...], list[Change]]:
    """Mark run-in heads **…** — only when the article has a series of them (conservative)."""
    heads = [_runin(item.text) for item in items]
    marked = sum(1 for item in items if item.text.startswith("**"))
    if sum(1 for head in heads if head) + marked < RUNIN_SERIES:
        return tuple(item.text for item in items), []
    texts, changes = [], []
    for item, head in zip(items, heads):
        if head:
            texts.append(f"**{head}**{item.text[len(head):]}")
            changes.append(Change(kind="runin", offset=item.at(0), before=head, after=f"**{head}**"))
        else:
            texts.append(item.text)
    return tuple(texts), changes


def _runin(text: str) -> str:
    """The run-in head at the start of a paragraph (抓精细服务，推动项目建设提速增效。), or ''."""
    match = RUNIN_RE.match(text)
    return match.group(1) if match and len(match.group(1)) <= RUNIN_MAX else ""
