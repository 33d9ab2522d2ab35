"""Breaking: items → breaks, by first fit (greedy) or total fit (Knuth–Plass); pure, no fonts, no I/O.

Both breakers take the same items and parameters and return the same `Breaks`, scored by the same
`demerits` function, so they can be compared (tests assert total-fit ≤ greedy). Item semantics are
Knuth & Plass's: a glue is a legal break when a box precedes it, a penalty when its cost is finite; a
break discards the glue and penalties that follow it up to the next box. The last line (ending at the
forced penalty) is set ragged. Deviations for CJK:
- no tolerance: any line that is not overfull is a candidate (very loose lines just cost a lot), so a
  solution exists whenever no single box is wider than the measure;
- a box may *hang*: a line ending right after it may leave its `hang` width past the measure;
- demerits add a cost for two compressed (shrunk, 挤进) lines in a row and for a 孤字 last line.

`total_fit_lines` is the total fit with a prescribed number of lines, for 缩行/拉行 (squaring columns
by setting a paragraph one line shorter or longer): Knuth & Plass 1981, "Breaking Paragraphs into
Lines", Software—Practice and Experience 11, §"looseness" (TeX's \\looseness), here exact (k lines or
none) and bounded: no overfull line, no line but the last stretched beyond `max_ratio`, no 孤字.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from .. import cjk
from .knuth import EPS, INF, Box, Glue, Item, Penalty

RATIO_EPS = 1e-9
# Badness of a line that must stretch but has nothing that stretches (a piece of a URL wider than the
# measure): above any stretched line's worth considering (ratio 21.5, 2 em gaps), and small enough that
# its squared demerits (1e12) leave the rest of the paragraph its precision: with 1e12 (1e24 demerits,
# a float step of 1.3e8) every other choice in a paragraph with such a line was a tie, and total fit
# set lines of 8 字 in 11 beside it.
INF_BAD = 1e6
OVERFULL_BAD = 1e15  # badness of a line wider than the measure (only when nothing else is possible)
# A line with no glue that stretches but a Latin token (a piece of a long URL or path, a word alone) is
# set short, flush left: it is scored as if each token could stretch by this share of its width, so a
# piece that fills 96 % of the line is nearly free and a short one alone on a line (`Programs\` in 11 字)
# costs more than a line of ½-em gaps: what it costs is how much white it leaves, not a fixed amount.
STIFF_STRETCH = 0.1
# A line's word spaces widen first, up to their give (jlreq §3.8.3: Western word spaces before the
# inter-character spaces), and a line that takes all of its give scores as a ratio of GIVE_RATIO; the
# ratio past it is that of the stretch (on such a line Han gaps open by 0.1·(ratio − GIVE_RATIO) em).
GIVE_RATIO = 0.5
LOOSE_GAP = 0.25  # em: Han–Han gaps wider than this make a loose line (issue 11: under 1 % of lines)
MAX_GAP = 0.5  # em: the widest Han–Han gap a stretched line may show when set to a prescribed length
MAX_RATIO = MAX_GAP / cjk.INTER_CHAR_STRETCH  # 5.0: ratio r widens a Han–Han gap by 0.1·r em
LOOSE_RATIO = LOOSE_GAP / cjk.INTER_CHAR_STRETCH  # 2.5


@dataclass(frozen=True, kw_only=True)
class BreakParams:
    """What the breakers weigh: the measure and the demerits of loose, compressed and 孤字 lines."""

    measure: float
    line_penalty: float = 10.0  # added to every line's badness (fewer lines are better)
    compressed_demerits: float = 3000.0  # two compressed (push-in) lines in a row
    orphan_demerits: float = 1e9  # a last line with fewer than orphan_min characters (孤字)
    orphan_min: int = 2
    discouraged: float = 1000.0  # greedy uses a break costing this much only if no other fits
    loose_ratio: float = LOOSE_RATIO  # a justified line stretched more than this (¼-em Han gaps) …
    loose_demerits: float = 1e7  # … costs this much more: even colour counts lines over ¼ em (issue 11)
    ragged: bool = False  # lines are not justified (centred headlines): balance their lengths instead
    max_ratio: float = MAX_RATIO  # total_fit_lines: no line but the last stretches more (½-em Han gaps)
    stiff: bool = False  # total_fit_lines: a line with nothing that stretches (set short) is admitted

    @property
    def ragged_stretch(self) -> float:
        """In ragged mode every line, the last included, is scored as if it could stretch by ⅓ measure."""
        return self.measure / 3


@dataclass(frozen=True)
class Break:
    """A line break: the item it happens at, the line's adjustment ratio, and the width left hanging."""

    index: int
    ratio: float  # >0 stretched, <0 shrunk (−1: all shrink used)
    hang: float = 0.0


@dataclass(frozen=True)
class Breaks:
    """The breaks of a paragraph (the last one is the paragraph end), their demerits, overfull lines."""

    breaks: tuple[Break, ...]
    demerits: float
    overfull: int = 0  # lines wider than the measure (a box wider than the measure: nothing else fits)


@dataclass(frozen=True)
class Fit:
    """How the line between two breaks fits: adjustment ratio and width hung past the measure."""

    ratio: float
    hang: float


_last_sums: tuple = (None, None)  # (items, sums) of the last paragraph measured; one tuple, swapped whole


def _sums(items: Sequence[Item]) -> "_Sums":
    """The running totals of `items`, reused while the same items are asked about again (a paragraph is
    broken, then audited for stiff lines, holes and demerits: one pass over its items, not five)."""
    global _last_sums
    if type(items) is not tuple:  # only an immutable sequence can be known unchanged by its identity
        return _Sums(items)
    held, sums = _last_sums  # (held here, so its identity cannot pass to another tuple)
    if held is not items:
        sums = _Sums(items)
        _last_sums = (items, sums)
    return sums


class _Sums:
    """Running totals over the items, legal breakpoints, and where each line's material starts."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items, self.final = items, len(items) - 1
        # entry i of a running total: everything before item i (n + 1 entries)
        width, stretch, shrink, count, stiff, give = [0.0], [0.0], [0.0], [0], [0.0], [0.0]
        self.width, self.stretch, self.shrink, self.count, self.gives = width, stretch, shrink, count, give
        self.stiff = stiff  # STIFF_STRETCH of the tokens' widths (boxes of 2+ characters that count)
        self.breakpoints: list[int] = []
        self._starts: list[int] = []  # boxes and the forced end: where a line's material may start
        breakpoint, start = self.breakpoints.append, self._starts.append
        w = y = z = v = g = 0.0
        c, prev = 0, None
        for i, item in enumerate(items):
            kind = type(item)
            if kind is Box:
                w += item.width
                c += item.count
                if item.count and item.end - item.start > 1:
                    v += STIFF_STRETCH * item.width
                start(i)
            elif kind is Glue:
                if prev is Box:
                    breakpoint(i)
                w, y, z, g = w + item.width, y + item.stretch, z + item.shrink, g + item.give
            elif item.cost < INF:
                breakpoint(i)
                if item.cost == -INF:
                    start(i)
            width.append(w)
            stretch.append(y)
            shrink.append(z)
            count.append(c)
            stiff.append(v)
            give.append(g)
            prev = kind

    def give(self, s: int, b: int) -> float:
        """What the line from item s to b may stretch: its glue's stretch, or if it has none its tokens'
        STIFF_STRETCH (it is set short, but scored by how short it is)."""
        y = self.stretch[b] - self.stretch[s]
        return y if y > EPS else self.stiff[b] - self.stiff[s]

    def after(self, b: int) -> int:
        """Index of the first item of the line that starts after a break at item b."""
        k = bisect_left(self._starts, b + 1)
        return self._starts[k] if k < len(self._starts) else self.final + 1

    def penalty(self, b: int) -> tuple[float, float]:
        """(cost, width) of breaking at item b (0, 0 for glue and the forced end)."""
        item = self.items[b]
        if type(item) is Penalty and item.cost > -INF:
            return item.cost, item.width
        return 0.0, 0.0

    def hang(self, s: int, b: int) -> float:
        """Width that may hang when the line from s breaks at b (the box just before b, not the end)."""
        if b == self.final or b - 1 < s:
            return 0.0
        item = self.items[b - 1]
        return item.hang if type(item) is Box else 0.0


def _ratio(natural: float, stretch: float, shrink: float, measure: float, last: bool, give: float = 0.0) -> float:
    """Adjustment ratio of a line; -INF when overfull, INF when it must stretch but cannot; a line with
    give widens it first (ratio up to GIVE_RATIO), then stretches (see set_glue)."""
    diff = measure - natural
    if diff >= -EPS:
        if last or diff <= EPS:
            return 0.0
        return _loosen(diff, stretch, give)
    if natural - shrink > measure + EPS:
        return -INF
    return max(-1.0, diff / shrink)


def _loosen(diff: float, stretch: float, give: float) -> float:
    """The ratio at which a line `diff` pt short takes it up: by its give first, then by its stretch."""
    if give > EPS:
        if diff <= give + EPS:
            return GIVE_RATIO * diff / give
        return GIVE_RATIO + (diff - give) / stretch if stretch > EPS else INF
    return diff / stretch if stretch > EPS else INF


def set_glue(ratio: float, give: float) -> tuple[float, float]:
    """(share of every glue's give, ratio applied to its stretch) of a line set at `ratio` whose glue
    gives `give` pt in all: the inverse of _loosen (shrinking: no give, the ratio as it is)."""
    if ratio <= 0.0 or give <= EPS:
        return 0.0, ratio
    if ratio <= GIVE_RATIO:
        return ratio / GIVE_RATIO, 0.0
    return 1.0, ratio - GIVE_RATIO


def _badness(ratio: float) -> float:
    """Knuth's badness 100·|r|³, with fixed large values for impossible stretch and overfull lines."""
    if ratio == INF:
        return INF_BAD
    if ratio == -INF:
        return OVERFULL_BAD
    r = abs(ratio)
    return 100.0 * r * r * r


def _fit(sums: _Sums, s: int, b: int, params: BreakParams) -> Fit | None:
    """The better-fitting way (hanging or not) to set the line from item s to a break at b; None if overfull."""
    last = b == sums.final and not params.ragged
    natural = (sums.width[b] + sums.penalty(b)[1]) - sums.width[s]
    stretch = params.ragged_stretch if params.ragged else sums.give(s, b)
    shrink, measure = sums.shrink[b] - sums.shrink[s], params.measure
    give = 0.0 if params.ragged else sums.gives[b] - sums.gives[s]
    r, hang = _ratio(natural, stretch, shrink, measure, last, give), 0.0
    h = sums.hang(s, b)
    if h:
        r2 = _ratio(natural - h, stretch, shrink, measure, last, give)
        if r2 != -INF and (r == -INF or _badness(r2) < _badness(r)):
            r, hang = r2, h
    return None if r == -INF else Fit(r, hang)


def _line_demerits(ratio: float, cost: float, params: BreakParams) -> float:
    """Demerits of one line from its ratio and the penalty it breaks at: (l + b)² + p²."""
    d = params.line_penalty + _badness(ratio)
    loose = params.loose_demerits if ratio > params.loose_ratio + RATIO_EPS and not params.ragged else 0.0
    return d * d + (cost * cost if cost > 0 else 0.0) + loose


def demerits(items: Sequence[Item], breaks: Sequence[Break], params: BreakParams) -> float:
    """Total demerits of a breaking (the function both breakers are scored by)."""
    return _demerits(_sums(items), breaks, params)


def _demerits(sums: _Sums, breaks: Sequence[Break], params: BreakParams) -> float:
    """Total demerits of a breaking over precomputed sums."""
    total, s, prev_compressed = 0.0, 0, False
    for n, brk in enumerate(breaks):
        b, last = brk.index, brk.index == sums.final
        natural = (sums.width[b] + sums.penalty(b)[1]) - sums.width[s]
        if brk.hang:
            natural -= brk.hang
        stretch = params.ragged_stretch if params.ragged else sums.give(s, b)
        give = 0.0 if params.ragged else sums.gives[b] - sums.gives[s]
        r = _ratio(natural, stretch, sums.shrink[b] - sums.shrink[s], params.measure, last and not params.ragged, give)
        total += _line_demerits(r, sums.penalty(b)[0], params)
        compressed = r < -RATIO_EPS
        if compressed and prev_compressed:
            total += params.compressed_demerits
        if last and n and sums.count[b] - sums.count[s] < params.orphan_min:
            total += params.orphan_demerits
        prev_compressed, s = compressed, sums.after(b)
    return total


def stiff_lines(items: Sequence[Item], breaks: Sequence[Break]) -> tuple[bool, ...]:
    """Per line of a breaking: whether it has no glue that stretches (set short if it is short)."""
    sums, s, out = _sums(items), 0, []
    for brk in breaks:
        out.append(sums.stretch[brk.index] - sums.stretch[s] <= EPS)
        s = sums.after(brk.index)
    return tuple(out)


def short_stiff_lines(items: Sequence[Item], breaks: Sequence[Break], measure: float) -> int:
    """Lines but the last with nothing that stretches that leave over a quarter of `measure` white
    (`市` alone after the indent, `www.robot-` in 11 字): set short, flush left, a hole in the column."""
    sums, s, count = _sums(items), 0, 0
    for brk in breaks[:-1]:
        b = brk.index
        natural = sums.width[b] + sums.penalty(b)[1] - sums.width[s]
        if sums.stretch[b] - sums.stretch[s] <= EPS and measure - natural > measure / 4:
            count += 1
        s = sums.after(b)
    return count


@dataclass(frozen=True, order=True)
class Colour:
    """How uneven a breaking's colour is, worst first (compared in this order): holes (lines but the
    last with nothing to stretch left over a quarter short), lines opening their gaps past ½ em
    (MAX_RATIO), lines opening them past ¼ em (LOOSE_RATIO)."""

    holes: int = 0
    over_half: int = 0
    over_quarter: int = 0


def _line_colour(sums: _Sums, s: int, b: int, fit: Fit, params: BreakParams) -> Colour:
    """The colour of the line from item s to a break at b set by `fit`: a hole, a loose line or neither
    (the last line never: it is set ragged). A line's gaps all open alike past their give (Han gaps,
    Han–Latin spaces of the even-colour items, word spaces past ½ em): by 0.1 em per unit of ratio."""
    if b == sums.final:
        return Colour()
    if sums.stretch[b] - sums.stretch[s] <= EPS:
        natural = sums.width[b] + sums.penalty(b)[1] - sums.width[s] - fit.hang
        return Colour(holes=int(params.measure - natural > params.measure / 4))
    stretched = INF if fit.ratio == INF else set_glue(fit.ratio, sums.gives[b] - sums.gives[s])[1]
    return Colour(0, int(stretched > MAX_RATIO + RATIO_EPS), int(stretched > LOOSE_RATIO + RATIO_EPS))


def _plus(a: Colour, b: Colour) -> Colour:
    """Two colours added count by count."""
    return Colour(a.holes + b.holes, a.over_half + b.over_half, a.over_quarter + b.over_quarter)


def colour_of(items: Sequence[Item], breaks: Sequence[Break], params: BreakParams) -> Colour:
    """The colour (holes, lines over ½ em, over ¼ em) of a breaking of `items`."""
    sums, s, total = _sums(items), 0, Colour()
    for brk in breaks:
        total = _plus(total, _line_colour(sums, s, brk.index, Fit(brk.ratio, brk.hang), params))
        s = sums.after(brk.index)
    return total


def fewest_loose(items: Sequence[Item], params: BreakParams) -> Colour | None:
    """The most even colour of any breaking of `items` — every legal break tried, any number of lines,
    no line overfull, no 孤字 — or None if there is none: what no breaker can beat, so that a breaking
    with this colour leaves only lines the copy forces (issue 11 rule 3, the proof of a loose line)."""
    sums = _sums(items)
    width, shrink, final, limit = sums.width, sums.shrink, sums.final, params.measure + EPS
    starts, best, lo = [0], [Colour()], 0  # per node (node 0: the paragraph start)
    for b in sums.breakpoints:
        item = sums.items[b]
        reach = width[b] + (item.width if type(item) is Penalty and item.cost > -INF else 0.0) - sums.hang(0, b)
        while lo < len(starts) and reach - width[starts[lo]] - (shrink[b] - shrink[starts[lo]]) > limit:
            lo += 1  # overfull from here on, hanging or not (widths only grow)
        found = None
        for a in range(lo, len(starts)):
            s = starts[a]
            if best[a] is None or (b == final and a and sums.count[b] - sums.count[s] < params.orphan_min):
                continue
            fit = _fit(sums, s, b, params)
            if fit is not None:
                colour = _plus(best[a], _line_colour(sums, s, b, fit, params))
                found = colour if found is None or colour < found else found
        starts.append(b if b == final else b + 1 if type(sums.items[b + 1]) is Box else sums.after(b))
        best.append(found)
    return best[-1] if sums.breakpoints and sums.breakpoints[-1] == final else None


def total_fit(items: Sequence[Item], params: BreakParams) -> Breaks:
    """Optimal breaking (Knuth–Plass total fit); falls back to first fit if only overfull lines remain."""
    sums = _sums(items)
    found = _TotalFit(sums, params).run()
    if found is None:
        return greedy(items, params)
    return Breaks(found, _demerits(sums, found, params), 0)


class _TotalFit:
    """Dynamic programme over breakpoints; state = (break, was the line ending there compressed).

    The active nodes are the window of node numbers [lo, len(start)): a node leaves at the front when
    its line becomes overfull, and every break but the paragraph end adds one at the back. At a break
    the nodes are tried front to back, from the tightest line to the loosest. Once the line from a node
    needs no shrinking, every later node's line is looser (it starts later: no more width, no more
    stretch), so its badness is at least that of the next node's shortfall over this line's stretch.
    When that line's demerits plus the smallest total among the later nodes (a sliding-window minimum)
    cannot beat the best found, the rest are skipped: none of them could be chosen, so the breaks and
    demerits are exactly those of trying every node.
    """

    def __init__(self, sums: _Sums, params: BreakParams) -> None:
        self.sums, self.params = sums, params
        self.start = [0]  # per node: index of the first item of the line starting there
        self.position = [-1]  # per node: item index of its break
        self.total = [(0.0, INF)]  # per node: best demerits ending uncompressed / compressed
        self.back: list = [(None, None)]  # per node and state: (prev node, prev state, ratio, hang)
        self.least = [0.0]  # per node: the smaller of its two totals
        self.minima = [0]  # sliding-window minimum: nodes whose least is below every later node's
        self.head = 0  # first entry of `minima` that is still active
        # skipping needs lines to grow looser as their start moves on: no negative width or stretch
        self.prune = (params.line_penalty >= 0 and sums.width == sorted(sums.width)
                      and sums.stretch == sorted(sums.stretch))
        self.fixed = (params.measure, params.line_penalty, params.ragged_stretch if params.ragged else 0.0,
                      params.ragged, sums.width, sums.stretch, sums.shrink, self.least, self.minima, sums.stiff,
                      [0.0] * len(sums.gives) if params.ragged else sums.gives)

    def run(self) -> tuple[Break, ...] | None:
        """Best breaks, or None when some breakpoint can only be reached by an overfull line."""
        sums, start, least, minima = self.sums, self.start, self.least, self.minima
        items, final, width, shrink = sums.items, sums.final, sums.width, sums.shrink
        add_position, add_total, add_back = self.position.append, self.total.append, self.back.append
        limit, lo, head = self.params.measure + EPS, 0, 0
        for b in sums.breakpoints:
            item, before = items[b], items[b - 1]
            h = before.hang if b != final and type(before) is Box else 0.0  # may hang at b (b−1: a box)
            reach = width[b] + (item.width if type(item) is Penalty and item.cost > -INF else 0.0)
            reach, zb, n = reach - (h if b else 0.0), shrink[b], len(start)
            while lo < n and reach - width[start[lo]] - (zb - shrink[start[lo]]) > limit:
                lo += 1  # overfull from here: also for every later break (widths only grow)
            if lo == n:
                return None
            while minima[head] < lo:
                head += 1
            self.head = head
            best, back = self._candidates(b, lo, h)
            if best[0] == INF and best[1] == INF:
                continue
            start.append(b if b == final else b + 1 if type(items[b + 1]) is Box else sums.after(b))
            add_position(b)
            add_total(best)
            add_back(back)
            low = best[0] if best[0] <= best[1] else best[1]
            least.append(low)
            while len(minima) > head and least[minima[-1]] >= low:
                minima.pop()  # (the sliding-window minimum of the active nodes' totals)
            minima.append(n)
        if self.position[-1] != final:
            return None
        return self._trace()

    def _candidates(self, b: int, lo: int, h: float) -> tuple[tuple, tuple]:
        """Best (totals, back pointers) per state of a line ending at break b from an active node."""
        measure, lp, ragged_st, ragged, width, stretch, shrink, least, minima, stiff, gives = self.fixed
        start, total, last, item = self.start, self.total, b == self.sums.final, self.sums.items[b]
        cost, pen_width = (item.cost, item.width) if type(item) is Penalty and item.cost > -INF else (0.0, 0.0)
        wb, yb, zb, pen_d = width[b] + pen_width, stretch[b], shrink[b], cost * cost if cost > 0 else 0.0
        vb, gb = stiff[b], gives[b]
        loose_ratio = INF if ragged else self.params.loose_ratio + RATIO_EPS
        loose_d = self.params.loose_demerits
        prune, j, ragged_last = self.prune and not last and h >= 0, self.head, last and not ragged
        best0 = best1 = INF
        back0 = back1 = None
        for a in range(lo, len(start)):
            s = start[a]
            natural = wb - width[s]
            diff = measure - natural
            if diff < -EPS:  # _ratio inlined, each total read only when needed
                r = -INF if natural - (zb - shrink[s]) > measure + EPS else max(-1.0, diff / (zb - shrink[s]))
            elif ragged_last or diff <= EPS:
                r = 0.0
            else:
                st = ragged_st or yb - stretch[s]
                if st <= EPS:
                    st = vb - stiff[s]
                give = gb - gives[s]
                if give > EPS:
                    r = _loosen(diff, st, give)
                else:
                    r = diff / st if st > EPS else INF
            hang = 0.0
            if h and b - 1 >= s:
                r2 = _ratio(natural - h, ragged_st or self.sums.give(s, b), zb - shrink[s], measure, ragged_last,
                            gb - gives[s])
                if r2 != -INF and (r == -INF or _badness(r2) < _badness(r)):
                    r, hang = r2, h
            if r == -INF:
                continue
            bad = INF_BAD if r == INF else (100.0 * r * r * r if r >= 0 else -100.0 * r * r * r)
            d = (lp + bad) * (lp + bad) + pen_d
            if r > loose_ratio:
                d += loose_d
            if last and a:
                d += self._orphan(s, b)
            t0, t1 = total[a]
            if r < -RATIO_EPS:
                t0, t1 = t0 + d, t1 + d + self.params.compressed_demerits
                if (t0 if t0 <= t1 else t1) < best1:
                    best1, back1 = (t0, (a, 0, r, hang)) if t0 <= t1 else (t1, (a, 1, r, hang))
                continue
            t0, t1 = t0 + d, t1 + d
            if (t0 if t0 <= t1 else t1) < best0:
                best0, back0 = (t0, (a, 0, r, hang)) if t0 <= t1 else (t1, (a, 1, r, hang))
            if prune and diff >= -EPS:  # every later line is looser still: can any of them win?
                while j < len(minima) and minima[j] <= a:
                    j += 1
                if j == len(minima):
                    break
                diff, st = measure - (wb - width[start[a + 1]]), ragged_st or yb - stretch[s]
                if not ragged_st and st < vb - stiff[s]:
                    st = vb - stiff[s]  # a later line may be scored by its tokens' stiff stretch
                if diff > EPS and st > EPS:  # the next node's shortfall over this line's give and stretch
                    rn = _loosen(diff, st, gb - gives[s])
                    bad = 100.0 * rn * rn * rn
                floor = bad if bad < INF_BAD else INF_BAD  # the least badness of any later node's line
                if least[minima[j]] + ((lp + floor) * (lp + floor) + pen_d) >= best0:
                    break
        return (best0, best1), (back0, back1)

    def _orphan(self, s: int, b: int) -> float:
        """Demerits for a last line from item s to the end b holding too few characters (孤字)."""
        count, p = self.sums.count, self.params
        return p.orphan_demerits if count[b] - count[s] < p.orphan_min else 0.0

    def _trace(self) -> tuple[Break, ...]:
        """Follow back pointers from the paragraph end."""
        node = len(self.position) - 1
        state = 0 if self.total[node][0] <= self.total[node][1] else 1
        out = []
        while node:
            prev, prev_state, ratio, hang = self.back[node][state]
            out.append(Break(self.position[node], ratio, hang))
            node, state = prev, prev_state
        return tuple(reversed(out))


class LineRange(NamedTuple):
    """The fewest and the most lines of any admissible breaking (total_fit_lines' bounds)."""

    fewest: int
    most: int


def total_fit_lines(items: Sequence[Item], params: BreakParams, lines: int) -> Breaks | None:
    """Least-demerits breaking with exactly `lines` lines within the bounds, or None if there is none."""
    graph = _Lines(_sums(items), params)
    if lines < 1 or not graph.complete:
        return None
    found = graph.best(lines)
    if found is None:
        return None
    return Breaks(found, _demerits(graph.sums, found, params), 0)


def line_range(items: Sequence[Item], params: BreakParams) -> LineRange | None:
    """Fewest and most lines of an admissible breaking (as total_fit_lines bounds them); None if none."""
    graph = _Lines(_sums(items), params)
    return LineRange(graph.fewest[-1], graph.most[-1]) if graph.complete else None


class _Lines:
    """Every admissible line as an edge between two reachable breaks, and line counts from either end."""

    # A node is a break some admissible breaking reaches (node 0: the paragraph start); an edge is one
    # admissible way (hanging or not) to set the line between two nodes: not overfull, stretched at most
    # max_ratio unless last, and a last line after the first holds ≥ orphan_min characters.
    # fewest/most count lines from the start to a node, left_min/left_max from a node to the end.

    def __init__(self, sums: _Sums, params: BreakParams) -> None:
        self.sums, self.params = sums, params
        self.position, self.start = [-1], [0]  # per node: its break, the first item of the line after it
        self.edges: list[list[tuple]] = [[]]  # per node: (prev node, ratio, hang, demerits, compressed)
        self.monotone = sums.width == sorted(sums.width) and sums.stretch == sorted(sums.stretch)
        self._build()
        self.complete = self.position[-1] == sums.final and len(self.position) > 1
        self.fewest, self.most = self._counts_from_start()
        self.left_min, self.left_max = self._counts_to_end()

    def _build(self) -> None:
        """Nodes and edges, break by break; a node leaves the window once its line is overfull."""
        sums, lo = self.sums, 0
        items, final, width, shrink, limit = sums.items, sums.final, sums.width, sums.shrink, self.params.measure + EPS
        for b in sums.breakpoints:
            item, before = items[b], items[b - 1]
            h = before.hang if b != final and type(before) is Box else 0.0
            reach = width[b] + (item.width if type(item) is Penalty and item.cost > -INF else 0.0) - h
            while lo < len(self.start) and reach - width[self.start[lo]] - (shrink[b] - shrink[self.start[lo]]) > limit:
                lo += 1  # overfull from here on (as in _TotalFit.run)
            edges = self._edges_to(b, lo)
            if edges:
                self.position.append(b)
                self.start.append(b if b == final else b + 1 if type(items[b + 1]) is Box else sums.after(b))
                self.edges.append(edges)

    def _edges_to(self, b: int, lo: int) -> list[tuple]:
        """The admissible lines ending at break b from the nodes lo… (tightest first)."""
        sums, params, out = self.sums, self.params, []
        final, cost = b == sums.final, sums.penalty(b)[0]
        for a in range(lo, len(self.start)):
            s = self.start[a]
            if final and a and sums.count[b] - sums.count[s] < params.orphan_min:
                continue  # 孤字: not allowed when the number of lines is prescribed
            fits = self._fits(s, b)
            if not fits and self.monotone and not final and not params.stiff and self._too_loose(s, b):
                break  # every later node's line is looser still (hanging or not)
            for ratio, hang in fits:
                d = _line_demerits(ratio, cost, params)
                out.append((a, ratio, hang, d, ratio < -RATIO_EPS))
        return out

    def _fits(self, s: int, b: int) -> list[tuple[float, float]]:
        """The admissible (ratio, hang) settings of the line from item s to a break at b."""
        sums, params = self.sums, self.params
        final = b == sums.final
        natural = (sums.width[b] + sums.penalty(b)[1]) - sums.width[s]
        stretch = params.ragged_stretch if params.ragged else sums.give(s, b)
        shrink, h = sums.shrink[b] - sums.shrink[s], sums.hang(s, b)
        stiff = sums.stretch[b] - sums.stretch[s] <= EPS  # nothing stretches: set short
        out = []
        give = 0.0 if params.ragged else sums.gives[b] - sums.gives[s]
        for hang in ((0.0, h) if h else (0.0,)):
            r = _ratio(natural - hang, stretch, shrink, params.measure, final and not params.ragged, give)
            if r != -INF and (final or r <= params.max_ratio + RATIO_EPS or (params.stiff and stiff)):
                out.append((r, hang))
        return out

    def _too_loose(self, s: int, b: int) -> bool:
        """Whether the line from item s to a break at b, not hanging, stretches beyond max_ratio."""
        sums, params = self.sums, self.params
        natural = (sums.width[b] + sums.penalty(b)[1]) - sums.width[s]
        stretch = params.ragged_stretch if params.ragged else sums.give(s, b)
        give = 0.0 if params.ragged else sums.gives[b] - sums.gives[s]
        r = _ratio(natural, stretch, sums.shrink[b] - sums.shrink[s], params.measure, False, give)
        return r > params.max_ratio + RATIO_EPS

    def _counts_from_start(self) -> tuple[list[int], list[int]]:
        """Per node: the fewest and the most lines that reach it."""
        fewest, most = [0], [0]
        for edges in self.edges[1:]:
            fewest.append(1 + min(fewest[e[0]] for e in edges))
            most.append(1 + max(most[e[0]] for e in edges))
        return fewest, most

    def _counts_to_end(self) -> tuple[list[int], list[int]]:
        """Per node: the fewest and the most lines from it to the paragraph end (none: INF, -INF)."""
        n = len(self.position)
        left_min, left_max = [INF] * n, [-INF] * n
        if self.complete:
            left_min[-1] = left_max[-1] = 0
        for j in range(n - 1, 0, -1):
            for a, *_ in self.edges[j]:
                left_min[a] = min(left_min[a], left_min[j] + 1)
                left_max[a] = max(left_max[a], left_max[j] + 1)
        return left_min, left_max

    def best(self, lines: int) -> tuple[Break, ...] | None:
        """Least-demerits breaks with exactly `lines` lines; state = (node, lines so far, compressed)."""
        left_min, left_max = self.left_min, self.left_max
        if not left_min[0] <= lines <= left_max[0]:
            return None
        extra = self.params.compressed_demerits
        table: list[dict] = [{0: [0.0, INF, None, None]}]  # per node: lines → [total0, total1, back0, back1]
        for j in range(1, len(self.position)):
            row: dict = {}
            for a, ratio, hang, d, compressed in self.edges[j]:
                for m, (t0, t1, _, _) in table[a].items():
                    if not left_min[j] <= lines - m - 1 <= left_max[j]:
                        continue
                    cell = row.get(m + 1)
                    if cell is None:
                        cell = row[m + 1] = [INF, INF, None, None]
                    if compressed:
                        t, state = (t0 + d, 0) if t0 <= t1 + extra else (t1 + d + extra, 1)
                        if t < cell[1]:
                            cell[1], cell[3] = t, (a, m, state, ratio, hang)
                    else:
                        t, state = (t0 + d, 0) if t0 <= t1 else (t1 + d, 1)
                        if t < cell[0]:
                            cell[0], cell[2] = t, (a, m, state, ratio, hang)
            table.append(row)
        return self._trace(table, lines)

    def _trace(self, table: list[dict], lines: int) -> tuple[Break, ...] | None:
        """Follow back pointers from the paragraph end with `lines` lines."""
        cell = table[-1].get(lines)
        if cell is None or cell[0] == cell[1] == INF:
            return None
        node, state, out = len(table) - 1, 0 if cell[0] <= cell[1] else 1, []
        while node:
            prev, m, prev_state, ratio, hang = table[node][lines][2 + state]
            out.append(Break(self.position[node], ratio, hang))
            node, lines, state = prev, m, prev_state
        return tuple(reversed(out))


def greedy(items: Sequence[Item], params: BreakParams) -> Breaks:
    """First fit: each line takes as much as fits, compressing punctuation first (先挤进，后推出)."""
    sums = _sums(items)
    chosen, overfull = _first_fit(sums, params)
    chosen = _fix_orphan(sums, chosen, params)
    breaks = tuple(Break(sums.breakpoints[k], fit.ratio, fit.hang) for k, fit in chosen)
    return Breaks(breaks, _demerits(sums, breaks, params), overfull)


def _first_fit(sums: _Sums, params: BreakParams) -> tuple[list, int]:
    """(breakpoint ordinal, Fit) per line; a discouraged break only when no other fits; overfull count."""
    bps, chosen, overfull = sums.breakpoints, [], 0
    s, k, normal, discouraged = 0, 0, None, None
    while k < len(bps):
        b = bps[k]
        fit = _fit(sums, s, b, params)
        if fit is not None:
            if b == sums.final:
                chosen.append((k, fit))
                break
            if sums.penalty(b)[0] < params.discouraged:
                normal = (k, fit)
            else:
                discouraged = (k, fit)
            k += 1
            continue
        pick = normal or discouraged
        if pick is None:  # not even one box fits: an overfull line
            pick, overfull = (k, Fit(-1.0, 0.0)), overfull + 1
        chosen.append(pick)
        if bps[pick[0]] == sums.final:
            break
        s, k, normal, discouraged = sums.after(bps[pick[0]]), pick[0] + 1, None, None
    return chosen, overfull


def _fix_orphan(sums: _Sums, chosen: list, params: BreakParams) -> list:
    """孤字: move the second-last break back until the last line holds orphan_min characters."""
    if len(chosen) < 2:
        return chosen
    bps, final = sums.breakpoints, sums.final
    last_start = sums.after(bps[chosen[-2][0]])
    if sums.count[final] - sums.count[last_start] >= params.orphan_min:
        return chosen
    prev_start = sums.after(bps[chosen[-3][0]]) if len(chosen) > 2 else 0
    floor = chosen[-3][0] if len(chosen) > 2 else -1
    for k in range(chosen[-2][0] - 1, floor, -1):
        tail = sums.after(bps[k])
        last_fit = _fit(sums, tail, final, params)
        if last_fit is None:
            break
        head_fit = _fit(sums, prev_start, bps[k], params)
        if head_fit is None or head_fit.ratio == INF:
            continue
        if sums.count[final] - sums.count[tail] >= params.orphan_min:
            return chosen[:-2] + [(k, head_fit), (len(bps) - 1, last_fit)]
    return chosen
