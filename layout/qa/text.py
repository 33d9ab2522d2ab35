"""QA text diff: the characters of a page with their boxes (pdfium), aligned with difflib against another page."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

import pypdfium2.raw as pdfium_c

from ..output.sidecar import SidecarPage
from .masks import inside
from .model import BoxPt, Glyph, TextChange


def article_at(point: tuple[float, float], record: SidecarPage | None) -> str:
    """The id of the first article whose slot holds `point` ('' when none does)."""
    articles = record.articles if record is not None else ()
    return next((article.id for article in articles if inside(point, article.slot)), "")


def _characters(textpage):
    """(index, character) of a text page's characters as painted: pdfium's generated ones and control
    characters left out, UTF-16 surrogate pairs (CJK Extension B and beyond) joined."""
    count, i = textpage.count_chars(), 0
    while i < count:
        code, index = pdfium_c.FPDFText_GetUnicode(textpage, i), i
        if 0xD800 <= code < 0xDC00 and i + 1 < count:
            low = pdfium_c.FPDFText_GetUnicode(textpage, i + 1)
            if 0xDC00 <= low < 0xE000:
                code, i = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), i + 1
        i += 1
        if code >= 0x20 and not 0xD800 <= code < 0xE000 and pdfium_c.FPDFText_IsGenerated(textpage, index) != 1:
            yield index, chr(code)


def page_glyphs(document, index: int, record: SidecarPage | None, masks: tuple[BoxPt, ...]) -> tuple[Glyph, ...]:
    """The visible characters of a page in content order with tight boxes, outside the masks."""
    page = document[index]
    textpage = page.get_textpage()
    glyphs = []
    try:
        for i, char in _characters(textpage):
            glyph = Glyph(char, tuple(round(v, 3) for v in textpage.get_charbox(i)))
            if not any(inside(glyph.centre, m) for m in masks):
                glyphs.append(Glyph(char, glyph.box, article_at(glyph.centre, record)))
    finally:
        textpage.close()
        page.close()
    return tuple(glyphs)


def _union(glyphs) -> BoxPt | None:
    """The box around some glyphs (None for none)."""
    if not glyphs:
        return None
    return (round(min(g.box[0] for g in glyphs), 2), round(min(g.box[1] for g in glyphs), 2),
            round(max(g.box[2] for g in glyphs), 2), round(max(g.box[3] for g in glyphs), 2))


def _edits(old: tuple[Glyph, ...], new: tuple[Glyph, ...]) -> list[TextChange]:
    """One insert/delete/change per article touched by a differing block of the two sequences."""
    articles: list[str] = []
    for glyph in old + new:
        if glyph.article not in articles:
            articles.append(glyph.article)
    changes = []
    for article in articles:
        a = [g for g in old if g.article == article]
        b = [g for g in new if g.article == article]
        kind = "insert" if not a else "delete" if not b else "change"
        changes.append(TextChange(kind=kind, article=article, old_text="".join(g.char for g in a),
                                  new_text="".join(g.char for g in b), old_box=_union(a), new_box=_union(b)))
    return changes


@dataclass(kw_only=True)
class _MoveRun:
    """Accumulator (internal, mutable): consecutive glyph pairs of one article moved by one shift."""

    article: str
    dx: float
    dy: float
    end: int  # index after the last pair in the run
    old: list
    new: list

    def takes(self, index: int, article: str, dx: float, dy: float, threshold: float) -> bool:
        """Whether the pair at `index` continues this run."""
        return (index == self.end and article == self.article
                and abs(self.dx - dx) <= threshold and abs(self.dy - dy) <= threshold)

    def change(self) -> TextChange:
        """The run as a 'move' TextChange."""
        return TextChange(kind="move", article=self.article, old_text="".join(g.char for g in self.old),
                          new_text="".join(g.char for g in self.new), old_box=_union(self.old),
                          new_box=_union(self.new), shift=(round(self.dx, 2), round(self.dy, 2)))


def _moves(old: tuple[Glyph, ...], new: tuple[Glyph, ...], threshold: float) -> list[TextChange]:
    """Runs of equal characters that moved more than `threshold` pt by the same shift."""
    runs: list[_MoveRun] = []
    for i, (a, b) in enumerate(zip(old, new)):
        dx, dy = b.centre[0] - a.centre[0], b.centre[1] - a.centre[1]
        if max(abs(dx), abs(dy)) <= threshold:
            continue
        article = b.article or a.article
        if runs and runs[-1].takes(i, article, dx, dy, threshold):
            runs[-1].old.append(a)
            runs[-1].new.append(b)
            runs[-1].end = i + 1
        else:
            runs.append(_MoveRun(article=article, dx=dx, dy=dy, end=i + 1, old=[a], new=[b]))
    return [run.change() for run in runs]


def text_changes(old: tuple[Glyph, ...], new: tuple[Glyph, ...], threshold: float = 0.1) -> tuple[TextChange, ...]:
    """Inserted, deleted and changed text (difflib on the characters) and glyphs moved > threshold."""
    a, b = "".join(g.char for g in old), "".join(g.char for g in new)
    changes: list[TextChange] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            changes.extend(_moves(old[i1:i2], new[j1:j2], threshold))
        else:
            changes.extend(_edits(old[i1:i2], new[j1:j2]))
    return tuple(changes)
