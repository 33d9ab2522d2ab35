"""Copy-desk cleaning (layout clean): straight quotes → paired “” ‘’ (GB/T 15834—2011 §4.8).

Quotes pair left to right inside a scope: the paragraph, or the inside of a matched bracket or title
mark (《…》 （…） 〈…〉 【…】), so a quote inside a title never pairs with one outside it. Existing curly
quotes keep their direction and take part in the pairing. When a scope has an odd number, the last
straight quote is unpaired; it is set deterministically — as an opening mark when it follows the scope
start, a space, an opening mark or a stop/pause mark (，、：；。？！), as a closing mark otherwise — and
reported (`unpaired_quotes` finds every unbalanced curly quote in the cleaned text).
A ' between two Latin letters or digits is an apostrophe and stays; other ' need Chinese context.
"""

from __future__ import annotations

from dataclasses import dataclass

from .punct import chinese_context, latin_apostrophe, protected_mask
from .rules import DOUBLE_QUOTES, OPENING, SCOPE_PAIRS, SINGLE_QUOTES, is_han
from .tracked import Edit

OPENS_AFTER = frozenset(" ，、：；。？！") | OPENING  # a lone quote after these opens a quotation


@dataclass(frozen=True)
class QuoteStyle:
    """One kind of quote: its straight ASCII form and the curly pair it becomes."""

    straight: str
    opening: str
    closing: str


STYLES = (QuoteStyle('"', *DOUBLE_QUOTES), QuoteStyle("'", *SINGLE_QUOTES))


def quote_edits(text: str) -> list[Edit]:
    """Edits turning the straight quotes of a Chinese paragraph into curly ones."""
    if not any(is_han(ch) for ch in text):
        return []
    mask = protected_mask(text)
    scopes = scope_starts(text)
    edits: list[Edit] = []
    for style in STYLES:
        for group in _groups(text, scopes, style, mask):
            edits.extend(_pair(text, group, style, scopes))
    return edits


def unpaired_quotes(text: str) -> list[int]:
    """Indices of curly quotes without a partner in their scope (for the report)."""
    scopes = scope_starts(text)
    unpaired: list[int] = []
    for style in STYLES:
        for group in _groups(text, scopes, style, bytearray(len(text))):
            unpaired.extend(_unbalanced(text, group, style))
    return sorted(unpaired)


def scope_starts(text: str) -> list[int]:
    """For every index, the index of the opening bracket of its innermost scope (-1: the paragraph)."""
    matched = _matched_openers(text)
    stack: list[int] = []
    starts = []
    for index, ch in enumerate(text):
        if stack and ch == SCOPE_PAIRS[text[stack[-1]]] and matched.get(stack[-1]) == index:
            stack.pop()
        starts.append(stack[-1] if stack else -1)
        if index in matched:
            stack.append(index)
    return starts


def _matched_openers(text: str) -> dict[int, int]:
    """Opening bracket index → index of its matching closing bracket (only properly nested pairs)."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for index, ch in enumerate(text):
        if ch in SCOPE_PAIRS:
            stack.append(index)
        elif stack and ch == SCOPE_PAIRS[text[stack[-1]]]:
            pairs[stack.pop()] = index
        elif ch in SCOPE_PAIRS.values():
            stack.clear()  # a stray closer breaks nesting: no scope spans it
    return pairs


def _groups(text: str, scopes: list[int], style: QuoteStyle, mask: bytearray) -> list[list[int]]:
    """Quote indices of one style, grouped by scope, in text order (groups ordered by scope start)."""
    groups: dict[int, list[int]] = {}
    for index, ch in enumerate(text):
        if ch not in (style.straight, style.opening, style.closing) or mask[index]:
            continue
        if ch == "'" and (latin_apostrophe(text, index) or not chinese_context(text, index, index + 1)):
            continue
        groups.setdefault(scopes[index], []).append(index)
    return [groups[key] for key in sorted(groups)]


def _pair(text: str, group: list[int], style: QuoteStyle, scopes: list[int]) -> list[Edit]:
    """Alternate open/close over one scope's quotes; the odd one out is set by `_lone_mark`."""
    marks: dict[int, str] = {}
    open_at: int | None = None
    for index in group:
        ch = text[index]
        if ch == style.opening:
            open_at = index
        elif ch == style.closing:
            open_at = None
        elif open_at is not None:
            marks[index], open_at = style.closing, None
        else:
            marks[index], open_at = style.opening, index
    if open_at is not None and open_at in marks:
        marks[open_at] = _lone_mark(text, open_at, scopes[open_at], style)
    return [Edit(index, index + 1, mark, "quote") for index, mark in sorted(marks.items())]


def _lone_mark(text: str, index: int, scope_start: int, style: QuoteStyle) -> str:
    """An unpaired straight quote: opening after a scope start, space, opening or stop mark, else closing."""
    if index == scope_start + 1 or text[index - 1] in OPENS_AFTER:
        return style.opening
    return style.closing


def _unbalanced(text: str, group: list[int], style: QuoteStyle) -> list[int]:
    """Curly quotes of one scope that have no partner."""
    unbalanced: list[int] = []
    open_at: int | None = None
    for index in group:
        ch = text[index]
        if ch == style.opening:
            if open_at is not None:
                unbalanced.append(open_at)
            open_at = index
        elif ch == style.closing:
            if open_at is None:
                unbalanced.append(index)
            open_at = None
    if open_at is not None:
        unbalanced.append(open_at)
    return unbalanced
