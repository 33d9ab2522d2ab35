"""Memory: what `layout watch` keeps between rebuilds — the read manifest while its files are unchanged, one
FontBook per font table, one StoryCache per setter."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Mapping

from .article import ArticleText
from .fonts import FontBook
from .fonts.book import FontTable
from .spec import Issue
from .typeset.story import Setter, StoryCache


class Memory:
    """Accumulator of a watch session: fonts loaded once, and stories whose text, styles and grid did not
    change kept set (a rebuild sets only the changed articles)."""

    def __init__(self) -> None:
        self._books: dict[FontTable, FontBook] = {}
        self._cache: StoryCache | None = None
        self.changed: tuple[str, ...] | None = None  # stories set again by the last rebuild (None: all)
        self._issue: tuple[tuple, Issue] | None = None
        self._pages: dict[int, tuple] = {}  # page number → (plan, its set stories, context, composed page)
        self.output = None  # output.memo.OutputMemo: painted runs, streams, subsets, sidecar records (build.py)

    def page(self, plan, stories: Mapping, ctx, compose: Callable):
        """The page `plan` composed with `compose`, or the last build's page if its plan, the stories placed
        on it (the same set objects) and the context are unchanged."""
        placed = tuple(stories[p.story] for p in plan.placements)  # by the text set there (a jump: its part)
        last = self._pages.get(plan.number)
        if last is not None and last[0] == plan and last[2] == ctx and all(a is b for a, b in zip(last[1], placed)) \
                and len(last[1]) == len(placed):
            return last[3]
        page = compose(plan, stories, ctx)
        self._pages[plan.number] = (plan, placed, ctx, page)
        return page

    def issue(self, path: Path, load: Callable[[Path], Issue]) -> Issue:
        """The manifest at `path` read with `load`, or the last reading if neither its bytes nor a file it
        reads (photos, font overrides, logos, ads: size and time; articles: that they exist) changed. When
        such a file changed, the pages composed before are forgotten: they hold its old pixels or page box,
        and the new reading may be equal to the last one."""
        key = _manifest_key(path, self._issue[1] if self._issue else None)
        if self._issue is None or self._issue[0] != key:
            if self._issue is not None and self._issue[0][2:] != key[2:]:
                self._pages.clear()
            issue = load(path)
            self._issue = (_manifest_key(path, issue), issue)
        return self._issue[1]

    def font_book(self, table: FontTable) -> FontBook:
        """The one FontBook of `table` (the same faces, their glyph caches kept)."""
        book = self._books.get(table)
        if book is None:
            book = self._books[table] = FontBook(table)
        return book

    def story_cache(self, texts: Mapping[str, ArticleText], setter: Setter) -> StoryCache:
        """The StoryCache of the last build if it set with the same setter (styles, fonts, composer, grid
        row), with the new texts taken in; else a new one."""
        if self._cache is not None and self._cache.setter == setter:
            self.changed = self._cache.retext(texts)
        else:
            self._cache, self.changed = StoryCache(texts, setter), None
        return self._cache


def _manifest_key(path: Path, issue: Issue | None) -> tuple:
    """What a reading of the manifest depends on: its bytes, and the files the last reading named."""
    if issue is None:
        return (Path(path).read_bytes(),)
    articles = tuple((str(f), Path(f).is_file()) for f in issue.text_files)
    return (Path(path).read_bytes(), articles, tuple((str(f), _stamp(Path(f))) for f in issue.read_files))


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time (ns), None when it is gone."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns)
