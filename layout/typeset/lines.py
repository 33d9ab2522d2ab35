"""Lines: breaks → justified lines with glyph positions (the composer's output types and entry point).

`set_paragraph` runs the composer: spans → items (typeset/items.py: clreq prohibitions as penalties,
punctuation compression as shrinkable glue) → breaks (typeset/breaking.py: total fit or first fit) →
lines (here: glue set by the line's adjustment ratio, glyph pen positions from each mark's class).
typeset/audit.py counts defects in lines already set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Sequence

from .. import cjk
from ..fonts import Face
from ..i18n import _
from .breaking import (LOOSE_RATIO, RATIO_EPS, Break, BreakParams, Breaks, Colour, fewest_loose, greedy, set_glue,
                       short_stiff_lines, stiff_lines, total_fit, total_fit_lines)
from . import hyphen
from .config import ComposeConfig
from .items import P_RELAXED, Items, Span, build_items
from .knuth import INF, Box, Glue, Penalty

BREAKERS = {"total-fit": total_fit, "greedy": greedy}  # the names are spec.BREAKERS
FLUSH_TOLERANCE = 0.01  # pt: a justified line is flush when within this of the measure
EMERGENCY_RATIO = 1000.0  # Line.ratio of a line with no stretchable gap, spread over all its gaps


@dataclass(frozen=True, kw_only=True)
class Glyph:
    """One glyph placed on a line: x is the pen position (pt from the line's start edge)."""

    char: str
    face: Face
    size: float
    x: float
    advance: float  # width the glyph occupies on the line after compression (pt)
    style: str = "body"


@dataclass(frozen=True, kw_only=True)
class Line:
    """One set line: glyphs with positions; `width` is the set width (== measure when justified)."""

    glyphs: tuple[Glyph, ...]
    measure: float
    width: float
    first: bool  # first line of its paragraph
    last: bool  # last line of its paragraph
    ratio: float = 0.0  # adjustment ratio: >0 stretched, <0 shrunk
    kinsoku: str = ""  # '' | 'push-in' | 'push-out': how a prohibition was resolved on this line
    hang: float = 0.0  # width of a hanging mark past the measure (hanging option only)
    hyphenated: bool = False  # ends in a visible hyphen the breaker added inside a word (typeset/hyphen.py)

    @property
    def text(self) -> str:
        """The line's characters as printed (word spaces and an added hyphen included)."""
        return "".join(g.char for g in self.glyphs)

    @property
    def copy(self) -> str:
        """The line's characters of the copy: the text without the hyphen the breaker added."""
        return self.text[:-len(hyphen.HYPHEN)] if self.hyphenated else self.text


@dataclass(frozen=True)
class SetParagraph:
    """A paragraph broken into lines, with warnings for the build summary."""

    lines: tuple[Line, ...]
    warnings: tuple[str, ...] = ()
    demerits: float = 0.0
    looseness: int = 0  # lines more (+) or fewer (−) than the optimal breaking has: as achieved, 0 if not


def _trimmed(spans: list[Span]) -> list[Span]:
    """The spans with white space at the paragraph's start and end dropped: the first-line indent is the
    paragraph's only lead, and nothing after its last character may widen a line past the measure."""
    while spans and not spans[-1].text.rstrip():
        spans.pop()
    while spans and not spans[0].text.lstrip():
        spans.pop(0)
    if spans:
        spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip())
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
    return spans


def set_paragraph(spans: Sequence[Span], measure: float, config: ComposeConfig,
                  looseness: int = 0) -> SetParagraph:
    """Break and justify one paragraph of spans into lines `measure` pt wide (`looseness`: 拉行 +n, 缩行 −n)."""
    spans = _trimmed([span for span in spans if span.text])
    if not spans:
        return SetParagraph(())
    broken = _break(spans, measure, config)
    if looseness:
        broken = _loosened(broken, measure, config, looseness)
    lines = _LineSetter(broken.built, broken.breaks, measure, config).run()
    return SetParagraph(lines, broken.built.warnings + broken.notes + _warnings(lines), broken.breaks.demerits,
                        broken.looseness)


@dataclass(frozen=True)
class _Broken:
    """A paragraph's items and breaks, with notes about how they were found."""

    built: Items
    breaks: Breaks
    notes: tuple[str, ...] = ()
    looseness: int = 0  # lines added (+) or removed (−) against the optimal breaking


def _params(measure: float, config: ComposeConfig) -> BreakParams:
    """What the breakers weigh for this measure and configuration."""
    return BreakParams(measure=measure, orphan_min=config.orphan_min, ragged=config.align != "justify")


SQUARING_GAP = 0.25  # em: the widest Han–Han gap a line set a line longer (拉行) may show


def _loosened(broken: _Broken, measure: float, config: ComposeConfig, looseness: int) -> _Broken:
    """The best breaks with `looseness` lines more than the optimal ones (total fit only), else `broken`."""
    if config.breaker != "total-fit" or broken.breaks.overfull:
        return broken
    lines = len(broken.breaks.breaks) + looseness
    # 拉行 may not letterspace a line past ¼ em (even colour, issue 11) unless the paragraph's own best
    # setting already has such a line; 缩行 only squeezes, so the bound does not matter for it. A line
    # with nothing to stretch (a piece of a long URL, set short) is no looser for the bound, and the
    # loosened setting may have no more such lines than the best one
    stiff = _stiff(broken.built, broken.breaks)
    bound = max(SQUARING_GAP / cjk.INTER_CHAR_STRETCH, _loosest(broken))
    params = replace(_params(measure, config), max_ratio=bound, stiff=stiff > 0)
    found = total_fit_lines(broken.built.items, params, lines)
    if found is None or _stiff(broken.built, found) > stiff or _loose(broken.built, found) > _loose(broken.built,
                                                                                                    broken.breaks):
        return broken  # (one forced loose line, a dateline's, does not free the rest of the paragraph)
    return _Broken(broken.built, found, broken.notes, looseness)


def _loose(built: Items, breaks: Breaks) -> int:
    """Justified lines (not the last) opening their Han gaps past ¼ em (LOOSE_RATIO), stiff ones aside."""
    stiff = stiff_lines(built.items, breaks.breaks)
    return sum(1 for b, no in zip(breaks.breaks[:-1], stiff) if not no and b.ratio > LOOSE_RATIO + 1e-9)


def _stiff(built: Items, breaks: Breaks) -> int:
    """Justified lines (not the last) with nothing that stretches: set short, whatever their ratio."""
    return sum(stiff_lines(built.items, breaks.breaks)[:-1])


def _break(spans: Sequence[Span], measure: float, config: ComposeConfig) -> _Broken:
    """Items and breaks: spans that break between words only (headlines, datelines) are segmented when
    a break falls inside one; a justified paragraph with a line opening its gaps by more than ½ em is
    re-broken with every token break allowed (even colour, issue 11 rule 3), kept if it is better."""
    discourage = _credits(spans)
    broken = _break_once(spans, measure, config, discourage=discourage)
    keep = _words_keep(spans, broken)
    if keep:
        broken = _break_once(spans, measure, config, keep, discourage=discourage)
    if config.align != "justify" and any(span.words for span in spans):
        broken = _latin_joined(spans, measure, config, broken, keep, discourage)
    if config.align == "justify":
        worst = _loosest(broken)
        holes = short_stiff_lines(broken.built.items, broken.breaks.breaks, measure)
        if worst > LOOSE_RATIO + 1e-9 or holes:  # a loose line or a hole: the even-colour levers (eager items)
            eager = _break_once(spans, measure, config, keep, eager=True, discourage=discourage)
            if _colour(eager, measure) < _colour(broken, measure) and eager.breaks.overfull <= broken.breaks.overfull:
                broken, worst = eager, _loosest(eager)
                holes = short_stiff_lines(broken.built.items, broken.breaks.breaks, measure)
        if (worst > LOOSE_RATIO + 1e-9 or holes) and config.breaker != "total-fit":
            # first fit cannot move a token to the line before: a paragraph it sets with a line over ¼ em
            # (a loose line, LOOSE_GAP) or a hole is re-broken by total fit, kept if that is less loose
            best = _break_once(spans, measure, replace(config, breaker="total-fit"), keep, eager=True,
                               discourage=discourage)
            if _colour(best, measure) < _colour(broken, measure) and best.breaks.overfull <= broken.breaks.overfull:
                broken = best
    return broken


def colour_bound(spans: Sequence[Span], measure: float, config: ComposeConfig) -> Colour | None:
    """The most even colour any legal breaking of a justified paragraph can have (breaking.fewest_loose
    over the even-colour pass's items: every token cut allowed, no word of a headline and no name of a
    dateline broken, kinsoku kept): a line over ¼ em that a paragraph set with this colour keeps is
    forced by its copy. None if only overfull lines would do."""
    spans = _trimmed([span for span in spans if span.text])
    if not spans:
        return Colour()
    keep, at = set(), 0
    for span in spans:
        if span.words:
            from .words import keep_positions
            keep.update(at + p for p in keep_positions(span.text, span.style != "dateline"))
        at += len(span.text)
    built = build_items(spans, measure, config, keep=frozenset(keep), eager=True, discourage=_credits(spans))
    return fewest_loose(built.items, _params(measure, config))


def _colour(broken: _Broken, measure: float) -> tuple[int, int, int, float]:
    """How uneven a breaking's colour is, worst first: short lines with nothing to stretch (a hole:
    `市` alone after the indent), justified lines over ½ em, lines over ¼ em (LOOSE_RATIO), then the
    loosest ratio (stiff lines aside); smaller is better."""
    stiff = stiff_lines(broken.built.items, broken.breaks.breaks)
    ratios = [b.ratio for b, no in zip(broken.breaks.breaks[:-1], stiff) if not no]
    half = cjk.MAX_LETTERSPACING / cjk.INTER_CHAR_STRETCH + 1e-9
    return (short_stiff_lines(broken.built.items, broken.breaks.breaks, measure),
            sum(r > half for r in ratios), sum(r > LOOSE_RATIO + 1e-9 for r in ratios),
            round(max(ratios, default=0.0), 9))


_LATIN_LINE = re.compile(r"[0-9A-Za-z\u00c0-\u024f][0-9A-Za-z\u00c0-\u024f .,:/\\\-_+#&'’%]*")


def lone_latin(text: str) -> bool:
    """Whether a headline line holds only Latin words or numbers (`GitHub Copilot`, `12647-3`)."""
    return _LATIN_LINE.fullmatch(text.strip()) is not None


def _line_texts(broken: _Broken) -> list[str]:
    """The text of each line of a breaking."""
    text, cuts = broken.built.prepared.text, [0, *_break_positions(broken), len(broken.built.prepared.text)]
    return [text[a:b] for a, b in pairwise(cuts)]


def _latin_joined(spans: Sequence[Span], measure: float, config: ComposeConfig, broken: _Broken,
                  keep: frozenset[int], discourage: frozenset[int]) -> _Broken:
    """A headline breaking with no line of Latin words alone (issue 11 rule 5: `GitHub Copilot` stays on
    the line of the Han word before or after it): each such line is joined to its neighbour before or
    after (the break between them is kept), whichever sets with fewer such lines and less demerits;
    the breaking as it was if neither can."""
    for _attempt in range(3):  # a headline has few Latin runs
        texts = _line_texts(broken)
        lone = [n for n, t in enumerate(texts) if lone_latin(t) and len(texts) > 1]
        if not lone:
            return broken
        starts = [0, *_break_positions(broken)]
        n = lone[0]
        tries = []
        for cut in ((starts[n],) if n else ()) + ((starts[n + 1],) if n + 1 < len(starts) else ()):
            trial = _break_once(spans, measure, config, keep | {cut}, discourage=discourage)
            if not trial.breaks.overfull:
                count = sum(map(lone_latin, _line_texts(trial)))
                tries.append((count, trial.breaks.demerits, cut, trial))
        better = [t for t in tries if t[0] < len(lone)]
        if not better:
            return broken
        _, _, cut, broken = min(better, key=lambda t: t[:3])
        keep = keep | {cut}
    return broken


def _loosest(broken: _Broken) -> float:
    """The largest adjustment ratio among a paragraph's justified lines (its last line excluded, and
    lines with nothing to stretch, which no breaking of theirs can justify: see _stiff)."""
    stiff = stiff_lines(broken.built.items, broken.breaks.breaks)
    return max((b.ratio for b, no in zip(broken.breaks.breaks[:-1], stiff) if not no), default=0.0)


def _break_positions(broken: _Broken) -> list[int]:
    """Per break but the paragraph end: the character position where the next line starts."""
    items, out = broken.built.items, []
    for brk in broken.breaks.breaks[:-1]:
        for j in range(brk.index + 1, len(items)):
            if type(items[j]) is Box and items[j].end > items[j].start:
                out.append(items[j].start)
                break
    return out


def _words_keep(spans: Sequence[Span], broken: _Broken) -> frozenset[int]:
    """Where the word-breaking spans may not break (segmenter), if any break falls inside one; else
    nothing (the segmenter is loaded only then)."""
    ranges = _word_ranges(spans)
    positions = _break_positions(broken)
    if not any(a < p < a + len(t) for a, t, _ in ranges for p in positions):
        return frozenset()
    return _ranges_keep(ranges)


def _word_ranges(spans: Sequence[Span]) -> list[tuple[int, str, bool]]:
    """The word-breaking spans: (offset, text, whether the segmenter cuts it — a dateline: names only)."""
    ranges, at = [], 0
    for span in spans:
        if span.words:
            ranges.append((at, span.text, span.style != "dateline"))
        at += len(span.text)
    return ranges


def _ranges_keep(ranges: Sequence[tuple[int, str, bool]]) -> frozenset[int]:
    """Where the word-breaking spans (`ranges`, _word_ranges) may not break: inside a word, inside a name."""
    from .words import keep_positions
    return frozenset(a + p for a, t, segment in ranges for p in keep_positions(t, segment))


def set_in_lines(spans: Sequence[Span], measure: float, config: ComposeConfig, count: int) -> SetParagraph | None:
    """A headline run broken into exactly `count` lines of balanced length between words (the headline-lines
    lever, `headline_break`): the least-demerits breaking of that many lines (ragged lines are scored by
    their length, so the lines come out even), never inside a word (segmenter), every line holding two
    words or more and none Latin words alone; None when no breaking of `count` lines keeps that."""
    spans = _trimmed([span for span in spans if span.text])
    if not spans or count < 1:
        return None
    keep = _ranges_keep(_word_ranges(spans))
    built = build_items(spans, measure, config, keep=keep, discourage=_credits(spans))
    found = total_fit_lines(built.items, _params(measure, config), count)
    if found is None:
        return None
    broken = _Broken(built, found)
    cuts = [0, *_break_positions(broken), len(built.prepared.text)]
    for a, b in pairwise(cuts):
        if lone_latin(built.prepared.text[a:b]) or not any(a < p < b and p not in keep for p in range(a + 1, b)):
            return None  # a line of one word (or of Latin words alone)
    lines = _LineSetter(built, found, measure, config).run()
    return SetParagraph(lines, built.warnings + _warnings(lines), found.demerits)


def _credits(spans: Sequence[Span]) -> frozenset[int]:
    """Where a word-breaking span has a credit and a name (`记者 刘菲`): breaks there are discouraged."""
    out, at = set(), 0
    for span in spans:
        if span.words and " " in span.text:
            from .words import credit_positions
            out.update(at + p for p in credit_positions(span.text))
        at += len(span.text)
    return frozenset(out)


def _break_once(spans: Sequence[Span], measure: float, config: ComposeConfig,
                keep: frozenset[int] = frozenset(), eager: bool = False,
                discourage: frozenset[int] = frozenset()) -> _Broken:
    """Items and breaks; if prohibitions leave only overfull lines, retry with them relaxed (warned)."""
    params = _params(measure, config)
    breaker = BREAKERS[config.breaker]
    built = build_items(spans, measure, config, keep=keep, eager=eager, discourage=discourage)
    breaks = breaker(built.items, params)
    if not breaks.overfull:
        return _Broken(built, breaks)
    relaxed = build_items(spans, measure, config, relaxed=True, keep=keep, eager=eager, discourage=discourage)
    retry = breaker(relaxed.items, params)
    if retry.overfull >= breaks.overfull:
        return _Broken(built, breaks)
    items, text = relaxed.items, relaxed.prepared.text
    used = [text[items[b.index - 1].start:items[b.index - 1].end]
            for b in retry.breaks if items[b.index] is P_RELAXED]
    note = (_("measure {measure} pt too narrow to keep the line-break prohibitions: broke after {after}").format(
        measure=f"{measure:.2f}", after="、".join(repr(u) for u in used)),) if used else ()
    return _Broken(relaxed, retry, note)


def _warnings(lines: Sequence[Line]) -> tuple[str, ...]:
    """Warnings about lines that could not be kept within the measure, and the loosest line of the
    paragraph if it opens its Han gaps by more than MAX_LETTERSPACING (½ em) although re-broken."""
    out = []
    for number, line in enumerate(lines, start=1):
        if line.width > line.measure + FLUSH_TOLERANCE:
            out.append(_("line {number} '{text}' is {over} pt wider than the {measure} pt measure: a character "
                         "is wider than the column").format(number=number, text=line.text,
                                                            over=f"{line.width - line.measure:.2f}",
                                                            measure=f"{line.measure:.2f}"))
    loose = max(((letterspacing(line), number, line) for number, line in enumerate(lines, start=1)
                 if not line.last), default=None, key=lambda t: t[0])
    if loose and loose[0] > cjk.MAX_LETTERSPACING + 1e-6:
        out.append(_("line {number} '{text}' opens its gaps by {gap} em (over {limit} em): no better break was "
                     "found").format(number=loose[1], text=loose[2].text, gap=f"{loose[0]:.2f}",
                                     limit=f"{cjk.MAX_LETTERSPACING:g}"))
    return tuple(out)


def letterspacing(line: Line) -> float:
    """The largest space between two neighbouring ideographs of a line beyond their advance (em)."""
    worst, glyphs = 0.0, line.glyphs
    for a, b in zip(glyphs, glyphs[1:]):
        if cjk.char_class(a.char) == "H" and cjk.char_class(b.char) == "H" and a.char != "\u3000" != b.char:
            gap = (b.x - a.x - a.advance) / a.size
            worst = gap if gap > worst else worst
    return worst


class _LineSetter:
    """Sets each line between two breaks: glue by the adjustment ratio, glyph positions from classes."""

    def __init__(self, built: Items, breaks: Breaks, measure: float, config: ComposeConfig) -> None:
        self.items, self.p, self.breaks = built.items, built.prepared, breaks.breaks
        self.measure, self.config = measure, config

    def run(self) -> tuple[Line, ...]:
        """All lines of the paragraph."""
        lines, start, count = [], 0, len(self.breaks)
        for n, brk in enumerate(self.breaks):
            lines.append(self._line(start, brk, n == 0, n == count - 1))
            start = self._next_box(brk.index + 1) if brk.index + 1 < len(self.items) else brk.index
        return tuple(lines)

    def _next_box(self, i: int) -> int:
        """Index of the first box (or the forced end) at or after item i; len(items) if none."""
        items = self.items
        for j in range(i, len(items)):
            item = items[j]
            if type(item) is Box or (type(item) is Penalty and item.cost == -INF):
                return j
        return len(items)

    def _line(self, s: int, brk: Break, first: bool, last: bool) -> Line:
        """One line from item s to the break (exclusive)."""
        r = brk.ratio
        justify = self.config.align == "justify" and not last
        if not justify:
            r = min(r, 0.0)
        spread = self._spread(s, brk) if r == INF else 0.0
        r = 0.0 if r == INF else max(r, -1.0)
        give = sum(item.give for item in self.items[s:brk.index] if type(item) is Glue) if r > 0 else 0.0
        share, rs = set_glue(r, give)
        glyphs: list[Glyph] = []
        x, items, p = 0.0, self.items, self.p
        text, classes, faces, sizes, styles = p.text, p.classes, p.faces, p.sizes, p.styles
        advances = p.advances
        last_box = next((i for i in range(brk.index - 1, s - 1, -1) if type(items[i]) is Box), -1)
        for i in range(s, brk.index):
            item = items[i]
            if type(item) is Box:
                start = item.start
                if item.end == start + 1 and classes[start] not in "OCS":  # one character at its advance
                    glyphs.append(Glyph(char=text[start], face=faces[start], size=sizes[start], x=x,
                                        advance=advances[start], style=styles[start]))
                elif item.end > start:
                    self._box_glyphs(glyphs, item, x, r, i > s, i == last_box)
                x += item.width
            elif type(item) is Glue:
                width = item.width + share * item.give + (rs * item.stretch if rs > 0 else rs * item.shrink) + spread
                if item.index >= 0:
                    glyphs.append(self._glyph(item.index, x, width))
                x += width
            elif spread and i > s and item.kind == "kinsoku" and type(items[i + 1]) is Box:
                x += spread  # a gap with no glue (between a mark and its neighbour)
        set_before = len(glyphs)
        x += self._hyphen(glyphs, brk, x)
        width = x - brk.hang
        glyphs = _aligned(glyphs, self._offset(width))
        kinsoku = self._kinsoku(s, brk, r, last_box)
        return Line(glyphs=tuple(glyphs), measure=self.measure, width=width, first=first, last=last,
                    ratio=EMERGENCY_RATIO if spread else r, kinsoku=kinsoku, hang=brk.hang,
                    hyphenated=len(glyphs) > set_before)

    def _hyphen(self, glyphs: list[Glyph], brk: Break, x: float) -> float:
        """The visible hyphen of a line broken inside a word (typeset/hyphen.py) at pen x, in the word's
        font: its width (the breaker counted it), or 0 when the line does not end at a hyphen."""
        item = self.items[brk.index] if brk.index < len(self.items) else None
        if type(item) is not Penalty or item.kind != "hyphen":
            return 0.0
        last = self.items[brk.index - 1]
        p, i = self.p, last.end - 1
        glyphs.append(Glyph(char=hyphen.HYPHEN, face=p.faces[i], size=p.sizes[i], x=x, advance=item.width,
                            style=p.styles[i]))
        return item.width

    def _spread(self, s: int, brk: Break) -> float:
        """Emergency 均排 for a line with no stretchable gap: its shortfall shared by every gap between
        atoms (never inside a word or number); 0 if the line is a single atom (it stays short)."""
        items, natural, gaps = self.items, 0.0, 0
        for i in range(s, brk.index):
            item = items[i]
            if type(item) is Box:
                natural += item.width
            elif type(item) is Glue:
                natural += item.width
                gaps += 1
            elif i > s and item.kind == "kinsoku" and type(items[i + 1]) is Box:
                gaps += 1
        return (self.measure + brk.hang - natural) / gaps if gaps else 0.0

    def _offset(self, width: float) -> float:
        """Where the line starts: 0 for justify/left, centred or flush right otherwise."""
        align = self.config.align
        if align == "center":
            return (self.measure - width) / 2
        if align == "right":
            return self.measure - width
        return 0.0

    def _glyph(self, i: int, x: float, advance: float) -> Glyph:
        """The glyph of character i at pen position x."""
        p = self.p
        return Glyph(char=p.text[i], face=p.faces[i], size=p.sizes[i], x=x, advance=advance, style=p.styles[i])

    def _box_glyphs(self, out: list, box: Box, x: float, r: float, inner: bool, at_end: bool) -> None:
        """Glyphs of one box: a mark's ink keeps its side of the em box, so its pen may sit outside."""
        p, i = self.p, box.start
        cls, kept = p.classes[i], 1.0 + min(r, 0.0)  # share of a blank half left after shrinking
        if cls == "O":  # ink at the right of the em box: pen = ink start − nominal leading half
            blank = p.blanks[i] * kept if inner else box.width - p.advances[i] / 2
            out.append(self._glyph(i, x + box.width - p.advances[i], p.advances[i] / 2 + blank))
            return
        if cls == "C" or cls == "S":  # ink at the left: pen at the box start
            out.append(self._glyph(i, x, box.width + (0.0 if at_end else p.blanks[i] * kept)))
            return
        for j in range(box.start, box.end):
            out.append(self._glyph(j, x, p.advances[j]))
            x += p.advances[j]

    def _kinsoku(self, s: int, brk: Break, r: float, last_box: int) -> str:
        """'push-in' if a not-at-start mark was squeezed onto this line, 'push-out' if one forced a
        character that would have fitted onto the next line, else ''."""
        items = self.items
        if r < -RATIO_EPS and last_box > s:
            j = last_box - 1
            while j > s and type(items[j]) is Glue:
                j -= 1
            if type(items[j]) is Penalty and items[j].kind == "kinsoku":
                return "push-in"
        if r > RATIO_EPS and brk.index + 1 < len(items):
            nb = self._next_box(brk.index + 1)
            follow = items[nb + 1] if nb + 1 < len(items) else None
            if type(follow) is Penalty and follow.kind == "kinsoku" and self._would_fit(s, nb):
                return "push-out"
        return ""

    def _would_fit(self, s: int, nb: int) -> bool:
        """Whether the line from s through box nb fits the measure with all its shrink used."""
        natural = shrink = 0.0
        for item in self.items[s:nb + 1]:
            if type(item) is Box:
                natural += item.width
            elif type(item) is Glue:
                natural += item.width
                shrink += item.shrink
        return natural - shrink <= self.measure + 1e-6


def _aligned(glyphs: list[Glyph], offset: float) -> list[Glyph]:
    """Glyphs moved right by `offset` (centred and flush-right lines)."""
    if not offset:
        return glyphs
    return [Glyph(char=g.char, face=g.face, size=g.size, x=g.x + offset, advance=g.advance, style=g.style)
            for g in glyphs]
