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
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Sequence

from .items import INF, Box, Glue, Item, Penalty

EPS = 1e-6  # pt
RATIO_EPS = 1e-9
INF_BAD = 1e12  # badness of a line that must stretch but has nothing that stretches
OVERFULL_BAD = 1e15  # badness of a line wider than the measure (only when nothing else is possible)


@dataclass(frozen=True)
class BreakParams:
    """What the breakers weigh: the measure and the demerits of loose, compressed and 孤字 lines."""

    measure: float
    line_penalty: float = 10.0  # added to every line's badness (fewer lines are better)
    compressed_demerits: float = 3000.0  # two compressed (push-in) lines in a row
    orphan_demerits: float = 1e9  # a last line with fewer than orphan_min characters (孤字)
    orphan_min: int = 2
    discouraged: float = 1000.0  # greedy uses a break costing this much only if no other fits
    ragged: bool = False  # lines are not justified (centred headlines): balance their lengths instead

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


class _Sums:
    """Running totals over the items, legal breakpoints, and where each line's material starts."""

    def __init__(self, items: Sequence[Item]) -> None:
        n = len(items)
        self.items, self.final = items, n - 1
        self.width, self.stretch, self.shrink = [0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1)
        self.count = [0] * (n + 1)
        self.breakpoints: list[int] = []
        w = y = z = 0.0
        c, prev_box = 0, False
        for i, item in enumerate(items):
            self.width[i], self.stretch[i], self.shrink[i], self.count[i] = w, y, z, c
            kind = type(item)
            if kind is Box:
                w += item.width
                c += item.count
            elif kind is Glue:
                if prev_box:
                    self.breakpoints.append(i)
                w, y, z = w + item.width, y + item.stretch, z + item.shrink
            elif item.cost < INF:
                self.breakpoints.append(i)
            prev_box = kind is Box
        self.width[n], self.stretch[n], self.shrink[n], self.count[n] = w, y, z, c
        self._next = [n] * (n + 1)
        following = n
        for i in range(n - 1, -1, -1):
            item = items[i]
            if type(item) is Box or (type(item) is Penalty and item.cost == -INF):
                following = i
            self._next[i] = following

    def after(self, b: int) -> int:
        """Index of the first item of the line that starts after a break at item b."""
        return self._next[b + 1]

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


def _ratio(natural: float, stretch: float, shrink: float, measure: float, last: bool) -> float:
    """Adjustment ratio of a line; -INF when overfull, INF when it must stretch but cannot."""
    diff = measure - natural
    if diff >= -EPS:
        if last or diff <= EPS:
            return 0.0
        return diff / stretch if stretch > EPS else INF
    if natural - shrink > measure + EPS:
        return -INF
    return max(-1.0, diff / shrink)


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
    stretch = params.ragged_stretch if params.ragged else sums.stretch[b] - sums.stretch[s]
    shrink, measure = sums.shrink[b] - sums.shrink[s], params.measure
    r, hang = _ratio(natural, stretch, shrink, measure, last), 0.0
    h = sums.hang(s, b)
    if h:
        r2 = _ratio(natural - h, stretch, shrink, measure, last)
        if r2 != -INF and (r == -INF or _badness(r2) < _badness(r)):
            r, hang = r2, h
    return None if r == -INF else Fit(r, hang)


def _line_demerits(ratio: float, cost: float, params: BreakParams) -> float:
    """Demerits of one line from its ratio and the penalty it breaks at: (l + b)² + p²."""
    d = params.line_penalty + _badness(ratio)
    return d * d + (cost * cost if cost > 0 else 0.0)


def demerits(items: Sequence[Item], breaks: Sequence[Break], params: BreakParams) -> float:
    """Total demerits of a breaking (the function both breakers are scored by)."""
    return _demerits(_Sums(items), breaks, params)


def _demerits(sums: _Sums, breaks: Sequence[Break], params: BreakParams) -> float:
    """Total demerits of a breaking over precomputed sums."""
    total, s, prev_compressed = 0.0, 0, False
    for n, brk in enumerate(breaks):
        b, last = brk.index, brk.index == sums.final
        natural = (sums.width[b] + sums.penalty(b)[1]) - sums.width[s]
        if brk.hang:
            natural -= brk.hang
        stretch = params.ragged_stretch if params.ragged else sums.stretch[b] - sums.stretch[s]
        r = _ratio(natural, stretch, sums.shrink[b] - sums.shrink[s], params.measure, last and not params.ragged)
        total += _line_demerits(r, sums.penalty(b)[0], params)
        compressed = r < -RATIO_EPS
        if compressed and prev_compressed:
            total += params.compressed_demerits
        if last and n and sums.count[b] - sums.count[s] < params.orphan_min:
            total += params.orphan_demerits
        prev_compressed, s = compressed, sums.after(b)
    return total


def total_fit(items: Sequence[Item], params: BreakParams) -> Breaks:
    """Optimal breaking (Knuth–Plass total fit); falls back to first fit if only overfull lines remain."""
    sums = _Sums(items)
    found = _TotalFit(sums, params).run()
    if found is None:
        return greedy(items, params)
    return Breaks(found, _demerits(sums, found, params), 0)


class _TotalFit:
    """Dynamic programme over breakpoints; state = (break, was the line ending there compressed)."""

    def __init__(self, sums: _Sums, params: BreakParams) -> None:
        self.sums, self.params = sums, params
        self.start = [0]  # per node: index of the first item of the line starting there
        self.position = [-1]  # per node: item index of its break
        self.total = [[0.0, INF]]  # per node: best demerits ending uncompressed / compressed
        self.back: list = [(None, None)]  # per node and state: (prev node, prev state, ratio, hang)

    def run(self) -> tuple[Break, ...] | None:
        """Best breaks, or None when some breakpoint can only be reached by an overfull line."""
        sums, measure = self.sums, self.params.measure
        width, shrink, start = sums.width, sums.shrink, self.start
        active: deque[int] = deque([0])
        for b in sums.breakpoints:
            reach = width[b] + sums.penalty(b)[1] - sums.hang(0, b)
            while active:
                s0 = start[active[0]]
                if reach - width[s0] - (shrink[b] - shrink[s0]) <= measure + EPS:
                    break
                active.popleft()  # overfull from here: also for every later break (widths only grow)
            if not active:
                return None
            if self._candidates(b, active) and b != sums.final:
                active.append(len(start) - 1)
        if self.position[-1] != sums.final:
            return None
        return self._trace()

    def _candidates(self, b: int, active: deque) -> bool:
        """Best ways to end a line at break b from every active node; records a node if there is one."""
        sums, p = self.sums, self.params
        width, stretch, shrink, count = sums.width, sums.stretch, sums.shrink, sums.count
        last = b == sums.final
        cost, pen_width = sums.penalty(b)
        pen_d = cost * cost if cost > 0 else 0.0
        wb, yb, zb = width[b] + pen_width, stretch[b], shrink[b]
        h = 0.0 if last else sums.hang(b - 1, b)
        measure, lp, start, total = p.measure, p.line_penalty, self.start, self.total
        ragged_st, ragged_last = (p.ragged_stretch, False) if p.ragged else (0.0, last)
        best, back = [INF, INF], [None, None]
        for a in active:
            s = start[a]
            natural, st, sh = wb - width[s], ragged_st or yb - stretch[s], zb - shrink[s]
            r, hang = _ratio(natural, st, sh, measure, ragged_last), 0.0
            if h and b - 1 >= s:
                r2 = _ratio(natural - h, st, sh, measure, ragged_last)
                if r2 != -INF and (r == -INF or _badness(r2) < _badness(r)):
                    r, hang = r2, h
            if r == -INF:
                continue
            if r == INF:
                bad = INF_BAD
            else:
                bad = 100.0 * r * r * r if r >= 0 else -100.0 * r * r * r
            d = (lp + bad) * (lp + bad) + pen_d
            if last and a and count[b] - count[s] < p.orphan_min:
                d += p.orphan_demerits
            state = 1 if r < -RATIO_EPS else 0
            t0 = total[a][0] + d
            t1 = total[a][1] + d + (p.compressed_demerits if state else 0.0)
            t, prev = (t0, 0) if t0 <= t1 else (t1, 1)
            if t < best[state]:
                best[state], back[state] = t, (a, prev, r, hang)
        if best[0] == INF and best[1] == INF:
            return False
        start.append(sums.after(b) if not last else b)
        self.position.append(b)
        total.append(best)
        self.back.append(tuple(back))
        return True

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


def greedy(items: Sequence[Item], params: BreakParams) -> Breaks:
    """First fit: each line takes as much as fits, compressing punctuation first (先挤进，后推出)."""
    sums = _Sums(items)
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
