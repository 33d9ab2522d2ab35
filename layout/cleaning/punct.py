"""Copy-desk cleaning (layout clean): ASCII punctuation in Chinese context → full-width marks.

A mark is in Chinese context when the nearest non-space character before or after it is Han or a
full-width mark. ASCII stays ASCII inside Latin words, numbers (1,000  10:30  171.42  60.4%  1—6月),
URLs and e-mail addresses. Brackets are decided per pair so that both halves always match.
"""

from __future__ import annotations

import re

from .rules import DASH, DASH_RE, ELLIPSIS, ELLIPSIS_RE, MARK_MAP, NUMERIC_MARKS, URL_RE, is_cjk, is_latin
from .tracked import Edit

SIMPLE_MARKS = frozenset(",;:?!")


def protected_mask(text: str) -> bytearray:
    """1 for every character inside a URL or e-mail address (never touched), else 0."""
    mask = bytearray(len(text))
    for match in URL_RE.finditer(text):
        mask[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return mask


def neighbour(text: str, index: int, step: int) -> str | None:
    """The nearest non-space character from `index` going in direction `step` (None at the edge)."""
    while 0 <= index < len(text):
        if text[index] != " ":
            return text[index]
        index += step
    return None


def chinese_context(text: str, start: int, end: int) -> bool:
    """True when the span text[start:end] touches Han or a full-width mark (spaces skipped)."""
    return is_cjk(neighbour(text, start - 1, -1)) or is_cjk(neighbour(text, end, 1))


def punct_edits(text: str) -> list[Edit]:
    """All punctuation edits of one paragraph: marks, brackets, ellipses, dashes."""
    mask = protected_mask(text)
    edits = _mark_edits(text, mask) + _bracket_edits(text, mask)
    edits += _run_edits(text, mask, ELLIPSIS_RE, ELLIPSIS, "ellipsis")
    edits += _run_edits(text, mask, DASH_RE, DASH, "dash")
    return edits


def _mark_edits(text: str, mask: bytearray) -> list[Edit]:
    """, ; : ? ! next to Han or a full-width mark → ，；：？！ (not between two digits)."""
    edits = []
    for index, ch in enumerate(text):
        if ch not in SIMPLE_MARKS or mask[index] or not chinese_context(text, index, index + 1):
            continue
        if ch in NUMERIC_MARKS and _between_digits(text, index):
            continue
        edits.append(Edit(index, index + 1, MARK_MAP[ch], "punctuation"))
    return edits


def _between_digits(text: str, index: int) -> bool:
    """True for a mark with a digit right before and right after it (1,000  10:30)."""
    return 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()


def _bracket_edits(text: str, mask: bytearray) -> list[Edit]:
    """( ) pairs whose content or outside is Chinese → （ ）; unmatched ones by their own context."""
    pairs, single = _bracket_pairs(text, mask)
    edits = []
    for open_at, close_at in pairs:
        if _chinese_pair(text, open_at, close_at):
            edits.append(Edit(open_at, open_at + 1, "（", "punctuation"))
            edits.append(Edit(close_at, close_at + 1, "）", "punctuation"))
    for index in single:
        if chinese_context(text, index, index + 1):
            edits.append(Edit(index, index + 1, MARK_MAP[text[index]], "punctuation"))
    return edits


def _bracket_pairs(text: str, mask: bytearray) -> tuple[list[tuple[int, int]], list[int]]:
    """Matched ASCII bracket pairs (outermost last) and the indices of unmatched brackets."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    single: list[int] = []
    for index, ch in enumerate(text):
        if mask[index] or ch not in "()":
            continue
        if ch == "(":
            stack.append(index)
        elif stack:
            pairs.append((stack.pop(), index))
        else:
            single.append(index)
    return pairs, single + stack


def _chinese_pair(text: str, open_at: int, close_at: int) -> bool:
    """Chinese content, Chinese before the pair, or nothing before and Chinese after it."""
    inside = text[open_at + 1:close_at]
    if any(is_cjk(ch) for ch in inside):
        return True
    before = neighbour(text, open_at - 1, -1)
    if before is not None:
        return is_cjk(before)
    return is_cjk(neighbour(text, close_at + 1, 1))


def _run_edits(text: str, mask: bytearray, pattern: re.Pattern[str], mark: str, kind: str) -> list[Edit]:
    """Ellipsis or dash spellings in Chinese context → the two-em mark (…… or ——)."""
    edits = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if match.group() == mark or any(mask[start:end]):
            continue
        if match.group()[0] in "。．" or chinese_context(text, start, end):
            edits.append(Edit(start, end, mark, kind))
    return edits


def latin_apostrophe(text: str, index: int) -> bool:
    """True for ' between two ASCII letters or digits (don't, O'Neil, 5'): an apostrophe, not a quote."""
    before = text[index - 1] if index > 0 else None
    after = text[index + 1] if index + 1 < len(text) else None
    return is_latin(before) and is_latin(after)
