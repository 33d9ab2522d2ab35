"""Copy-desk cleaning (layout clean): paragraphs — blocks, duplicated fragments, broken paragraphs.

Paragraphs are separated by blank lines; a line break inside one is joined by the article format's
rule (layout/article/format.py `glue`: a space only between two Latin letters/digits). A text without
any blank line has one paragraph per line. A paragraph that ends without terminal punctuation and is
followed by one that does not start like a new paragraph (a heading, a dateline, an enumeration, a
run-in head) was broken by the extraction and is joined to it. A fragment repeated at the end of one
block and the start of the next (a column break) is removed once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article.format import glue
from .rules import (DUP_MAX_CHARS, DUP_MIN_CHARS, DUP_MIN_HAN, ENDS_PARAGRAPH, ENUMERATION_RE,
                    HEADING_MAX, HEADLINE_MAX, SENTENCE_PUNCT, dateline_span, han_count)
from .tracked import Change, Notice, Tracked


@dataclass(frozen=True)
class Paragraphs:
    """Paragraphs of a text (each one line, never empty) and the changes that made them."""

    items: tuple[Tracked, ...]
    changes: tuple[Change, ...]


def split_blocks(tracked: Tracked) -> Paragraphs:
    """Blocks separated by blank lines (or lines, if there is no blank line), line breaks joined."""
    lines = _lines(tracked)
    blank_separated = "\n\n" in tracked.text.strip("\n")
    groups: list[list[tuple[int, int]]] = [[]]
    for start, end in lines:
        if start == end:
            groups.append([])
        elif blank_separated:
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    items, changes = [], []
    groups = [part for group in groups if group for part in _article_breaks(tracked, group, changes)]
    for group in groups:
        block = tracked.cut(*group[0])
        for start, end in group[1:]:
            line = tracked.cut(start, end)
            sep = glue(block.text, line.text)
            changes.append(Change(kind="linebreak", offset=block.at(len(block.text) - 1), before="\n", after=sep,
                                  offset2=line.at(0)))
            block = block.joined(line, sep)
        items.append(block)
    return Paragraphs(tuple(items), tuple(changes))


def _article_breaks(tracked: Tracked, group: list[tuple[int, int]],
                    changes: list[Change]) -> list[list[tuple[int, int]]]:
    """A block cut where a new article starts after a single line break: a headline line (with up to two
    heading lines above it: label, kicker) followed by a line opening with a dateline. Each heading line
    becomes its own paragraph and the dateline line starts one, so the structure step sees a new article
    (`城区新开通三条公交线路` ⏎ `本报讯（记者王磊）…` is not glued to the previous article's last paragraph)."""
    texts = [tracked.text[start:end].strip() for start, end in group]
    starts: set[int] = set()
    for k in range(1, len(group)):
        if dateline_span(texts[k]) and is_headline(texts[k - 1], texts[k]):
            first = k - 1
            while first > 0 and k - first < 3 and is_heading(texts[first - 1]) and first - 1 not in starts:
                first -= 1
            starts.update(range(first, k + 1))
            changes.append(Change(kind="article", offset=tracked.at(group[first][0]), before=texts[k - 1],
                                  after=texts[k][:dateline_span(texts[k])]))
    parts: list[list[tuple[int, int]]] = []
    for index, line in enumerate(group):
        if not parts or index in starts:
            parts.append([])
        parts[-1].append(line)
    return parts


def _lines(tracked: Tracked) -> list[tuple[int, int]]:
    """(start, end) of every line of the text."""
    spans, start = [], 0
    for line in tracked.text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def is_heading(text: str) -> bool:
    """A heading-like line: short, some Han, no sentence punctuation (never joined to a neighbour)."""
    return (0 < len(text.replace(" ", "")) <= HEADING_MAX and han_count(text) > 0
            and not any(ch in SENTENCE_PUNCT for ch in text) and "..." not in text)


def is_headline(text: str, following: str | None) -> bool:
    """A heading line, or a longer unpunctuated line right before a paragraph opening with a dateline."""
    if is_heading(text):
        return True
    return (following is not None and dateline_span(following) > 0 and han_count(text) > 0
            and len(text.replace(" ", "")) <= HEADLINE_MAX and not any(ch in SENTENCE_PUNCT for ch in text))


def heading_flags(items: tuple[Tracked, ...]) -> list[bool]:
    """For every paragraph: is it a heading (kept with its spaces, never joined)?"""
    texts = [item.text for item in items]
    return [is_headline(text, texts[i + 1] if i + 1 < len(texts) else None) for i, text in enumerate(texts)]


def ends_open(text: str) -> bool:
    """True when the paragraph does not end with terminal punctuation (it may have been broken)."""
    return bool(text) and text[-1] not in ENDS_PARAGRAPH


def starts_new(text: str, following: str | None) -> bool:
    """True when the paragraph opens like a new one: heading, dateline, enumeration, run-in head."""
    return (is_headline(text, following) or dateline_span(text) > 0
            or ENUMERATION_RE.match(text) is not None or text.startswith("**"))


def overlap(first: str, second: str) -> int:
    """Length of the longest fragment ending `first` and starting `second` (0 if too short to count)."""
    for size in range(min(len(first), len(second), DUP_MAX_CHARS), DUP_MIN_CHARS - 1, -1):
        fragment = second[:size]
        if first.endswith(fragment) and han_count(fragment) >= DUP_MIN_HAN:
            return size
    return 0


def dedupe_and_join(paragraphs: Paragraphs) -> Paragraphs:
    """Remove duplicated fragments between neighbours and join broken paragraphs (left to right)."""
    items = paragraphs.items
    out: list[Tracked] = []
    changes: list[Change] = []
    for index, item in enumerate(items):
        following = items[index + 1].text if index + 1 < len(items) else None
        if out:
            item = _dedupe(out[-1], item, changes)
            if not item.text:
                continue
            if ends_open(out[-1].text) and not is_heading(out[-1].text) and not starts_new(item.text, following):
                out[-1] = _join(out[-1], item, changes)
                continue
        out.append(item)
    return Paragraphs(tuple(out), paragraphs.changes + tuple(changes))


def _dedupe(previous: Tracked, item: Tracked, changes: list[Change]) -> Tracked:
    """The paragraph without the fragment it repeats from the end of the previous one."""
    size = overlap(previous.text, item.text)
    if not size:
        return item
    changes.append(Change(kind="duplicate", offset=item.at(0), before=item.text[:size], after="",
                          offset2=previous.at(len(previous.text) - size)))
    rest = item.cut(size)
    while rest.text.startswith(" "):
        rest = rest.cut(1)
    return rest


def _join(previous: Tracked, item: Tracked, changes: list[Change]) -> Tracked:
    """The two halves of a broken paragraph as one (joined by the article format's `glue`)."""
    changes.append(Change(kind="join", offset=previous.at(len(previous.text) - 1), before=previous.text[-12:],
                          after=item.text[:12], offset2=item.at(0)))
    return previous.joined(item, glue(previous.text, item.text))


def unterminated(items: tuple[Tracked, ...]) -> list[Notice]:
    """Body paragraphs left without terminal punctuation (a missing 。 is not guessed)."""
    flags = heading_flags(items)
    return [Notice("unterminated", item.at(len(item.text) - 1), item.text[-16:])
            for item, heading in zip(items, flags) if not heading and ends_open(item.text)]
