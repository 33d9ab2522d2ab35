"""Copy-desk cleaning (layout clean): stray spaces in Chinese text.

Chinese is set without word spaces (clreq, and GB/T 15834—2011 §5.1: a mark takes one character
position of its own); a space between two Han characters or next to a full-width mark is an extraction
artefact (a column's line end: 工作 室中来) and is removed. Spaces that mean something are kept (runs of spaces become one):
- in a heading line (kicker, headline: 颁出首张 数据知识产权存证证书 — the gap between its halves),
- inside the dateline (本报济宁讯（记者 刘菲 通讯员 张瑞）: between role and name),
- between the two equal halves of a quoted slogan (“才聚蓼河 企望有你”, a house convention).
Spaces between Han and Latin letters or digits are left as they are (one space) for the composer.
"""

from __future__ import annotations

import re

from .rules import CJK_PUNCT, HAN_CLASS, dateline_span, is_han
from .tracked import Edit

SPACES_RE = re.compile(" +")
SLOGAN_RE = re.compile(f"“([{HAN_CLASS}]{{2,}}) ([{HAN_CLASS}]{{2,}})”")


def space_edits(text: str, heading: bool) -> list[Edit]:
    """Edits removing stray spaces (or collapsing meaningful ones) in one paragraph."""
    kept = [(0, len(text))] if heading else _kept_spans(text)
    edits = []
    for match in SPACES_RE.finditer(text):
        start, end = match.span()
        if any(a <= start and end <= b for a, b in kept):
            if end - start > 1:
                edits.append(Edit(start, end, " ", "space"))
        elif _stray(text, start, end):
            edits.append(Edit(start, end, "", "space"))
        elif end - start > 1:
            edits.append(Edit(start, end, " ", "space"))
    return edits


def _stray(text: str, start: int, end: int) -> bool:
    """A space run at an edge, between two Han, or next to a full-width mark."""
    if start == 0 or end == len(text):
        return True
    before, after = text[start - 1], text[end]
    return (is_han(before) and is_han(after)) or before in CJK_PUNCT or after in CJK_PUNCT


def _kept_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a body paragraph whose spaces mean something: the dateline, slogans of two halves."""
    spans = []
    dateline = dateline_span(text)
    if dateline:
        spans.append((0, dateline))
    for match in SLOGAN_RE.finditer(text):
        if len(match.group(1)) == len(match.group(2)):
            spans.append(match.span())
    return spans
