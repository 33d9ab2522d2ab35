"""An independent checker of a made-up page, written from the rules of issue 14 (not from makeup.placer).

It reads a built page's sidecar record (`*.layout.json`: slot boxes, page columns, baselines, every line
with its kind and column) and, from the manifest, each story's priority and headline size, and counts:

- empty lines: per column of every slot, the baselines under its last body line down to the slot's last
  baseline (a column with no body line counts every row under the headline block), except the rows a
  figure (photo and caption, from the sidecar's `figures`) takes in that column and one row of air on
  either side of it;
- legs: runs of body lines in one column shorter than 5 or longer than 45 lines;
- 碰题: two slots side by side (neighbouring columns, rows overlapping) whose headline blocks share rows,
  unless a 栏线 the sidecar records (`column_rules`, the heavier rules the page asks for — not the thin rule
  every gutter between two slots gets) stands in the gutter between them from the top of the first shared
  headline row down to the last one;
- headline-size inversions: a slot under another (shared columns) with a larger headline, or a less
  important story beside a more important one (rows overlapping) with a larger headline;
- 头条 position: the priority-1 story not at the top-left of the planned area, or its headline not the largest;
- photos side by side: two photos of different slots (the sidecar's `figures` boxes) whose edges face each
  other across one gutter with rows shared, so that no caption or text stands between them;
- overlaps: two slots sharing a grid cell; holes: grid cells (row × column) in no slot.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

TOL = 0.5  # pt
HEAD_KINDS = ("label", "kicker", "headline", "deck", "jump_headline")  # a jump's label line （下转…） is body: it
# takes the last body row of a jumped story's first part, which fills its slot exactly like any story
FIGURE_KINDS = ("caption", "credit")  # lines under a photo: neither headline nor body


@dataclass(frozen=True)
class Box:
    """A slot on the grid as read back from the sidecar: columns and rows it covers."""

    id: str
    column: int  # 1-based
    span: int
    top: int  # 0-based row
    rows: int
    head_last: int | None  # row of the headline block's last baseline (None: no headline)
    body: dict  # column → sorted body rows
    taken: dict = field(default_factory=dict)  # column → rows a figure takes (photo, caption, an air row either side)

    @property
    def bottom(self) -> int:
        """The row under the slot."""
        return self.top + self.rows

    @property
    def columns(self) -> range:
        """The slot's page columns."""
        return range(self.column, self.column + self.span)


@dataclass
class Violations:
    """Counts per rule (every one should be 0 on a planned page) and what each count is made of."""

    empty_lines: int = 0
    short_legs: int = 0
    long_legs: int = 0
    collisions: int = 0  # 碰题 pairs
    inversions: int = 0
    lead_position: int = 0
    overlaps: int = 0
    holes: int = 0
    photos_beside: int = 0  # pairs of photos of different slots side by side across a gutter
    details: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """All violations."""
        return (self.empty_lines + self.short_legs + self.long_legs + self.collisions + self.inversions
                + self.lead_position + self.overlaps + self.holes + self.photos_beside)


def boxes(page: dict) -> list[Box]:
    """Every article of a sidecar page (a dict as in the JSON) as a Box on the page grid."""
    baselines = page["baselines"]  # top row first
    columns = page["columns"]
    out = []
    for article in page["articles"]:
        x0, y0, x1, y1 = article["slot"]
        cols = [k + 1 for k, c in enumerate(columns) if c[0] >= x0 - TOL and c[2] <= x1 + TOL]
        rows = [r for r, y in enumerate(baselines) if y0 - TOL <= y <= y1 + TOL]
        row_of = {round(y, 2): r for r, y in enumerate(baselines)}
        head = [row_of.get(round(line["baseline"], 2), _nearest(baselines, line["baseline"]))
                for line in article["lines"] if line["kind"] in HEAD_KINDS]
        body: dict[int, list[int]] = {}
        for line in article["lines"]:
            if line["kind"] not in HEAD_KINDS + FIGURE_KINDS:
                body.setdefault(line["column"], []).append(_nearest(baselines, line["baseline"]))
        out.append(Box(article["id"], cols[0], len(cols), rows[0], len(rows), max(head) if head else None,
                       {c: sorted(v) for c, v in body.items()}, _taken(article, columns, baselines)))
    return out


def _taken(article: dict, columns: list, baselines: list[float]) -> dict[int, set[int]]:
    """Per page column, the rows the article's figures take: baselines from one row above the photo's top
    to one row under the caption's foot."""
    pitch = baselines[0] - baselines[1] if len(baselines) > 1 else 0.0
    out: dict[int, set[int]] = {}
    for figure in article.get("figures", []):
        x0, y0, x1, y1 = figure["box"]
        low = min(y0, figure["caption"][1])
        for k, c in enumerate(columns):
            if c[0] >= x0 - TOL and c[2] <= x1 + TOL:
                out.setdefault(k + 1, set()).update(
                    r for r, y in enumerate(baselines) if low - pitch - TOL <= y <= y1 + pitch + TOL)
    return out


def _nearest(baselines: list[float], y: float) -> int:
    """The row whose baseline is nearest to y."""
    return min(range(len(baselines)), key=lambda r: abs(baselines[r] - y))


def check_page(page: dict, sizes: dict[str, float], priorities: dict[str, int], first_row: int = 0) -> Violations:
    """Count every rule's violations on one sidecar page (sizes and priorities by article id)."""
    found = Violations()
    slots = boxes(page)
    rows = len(page["baselines"])
    for box in slots:
        _fill_and_legs(box, found)
    for a, b in itertools.combinations(slots, 2):
        _overlap(a, b, found)
    _holes(slots, len(page["columns"]), first_row, rows, found)
    _collisions(slots, page, found)
    _inversions(slots, sizes, priorities, found)
    _lead(slots, sizes, priorities, found)
    _photos_beside(page, found)
    return found


def _photos_beside(page: dict, found: Violations) -> None:
    """Photos of two slots side by side: one's right edge on a column's right, the other's left edge on the
    next column's left, their heights sharing more than a hair."""
    columns = page["columns"]
    photos = [(a["id"], f["box"]) for a in page["articles"] for f in a.get("figures", [])]
    for (ia, a), (ib, b) in itertools.permutations(photos, 2):
        if ia == ib:
            continue
        k = next((k for k, c in enumerate(columns[:-1]) if abs(c[2] - a[2]) <= TOL), None)
        if k is None or abs(columns[k + 1][0] - b[0]) > TOL:
            continue
        if min(max(a[1], a[3]), max(b[1], b[3])) - max(min(a[1], a[3]), min(b[1], b[3])) > TOL:
            found.photos_beside += 1
            found.details.append(f"photos of {ia} and {ib} side by side across the gutter right of column {k + 1}")


def _fill_and_legs(box: Box, found: Violations) -> None:
    """Empty lines at the foot of the slot's columns, and legs out of 5–45 lines."""
    last = box.bottom - 1
    head_end = box.head_last + 1 if box.head_last is not None else box.top
    for column in box.columns:
        body = box.body.get(column, [])
        taken = box.taken.get(column, set())
        empty = sum(1 for r in range(body[-1] + 1 if body else head_end, last + 1) if r not in taken)
        if empty:
            found.empty_lines += empty
            found.details.append(f"{box.id}: column {column} ends {empty} line(s) above the slot's last baseline")
        for run in _runs(body):
            if run < 5:
                found.short_legs += 1
                found.details.append(f"{box.id}: a leg of {run} line(s) in column {column}")
            elif run > 45:
                found.long_legs += 1
                found.details.append(f"{box.id}: a leg of {run} lines in column {column}")


def _runs(rows: list[int]) -> list[int]:
    """Lengths of runs of consecutive rows."""
    runs: list[int] = []
    previous = None
    for r in rows:
        if previous is not None and r == previous + 1:
            runs[-1] += 1
        else:
            runs.append(1)
        previous = r
    return runs


def _overlap(a: Box, b: Box, found: Violations) -> None:
    """Two slots sharing a grid cell."""
    if set(a.columns) & set(b.columns) and a.top < b.bottom and b.top < a.bottom:
        found.overlaps += 1
        found.details.append(f"{a.id} and {b.id} overlap")


def _holes(slots: list[Box], columns: int, first_row: int, rows: int, found: Violations) -> None:
    """Grid cells of the type area (from `first_row`) in no slot."""
    covered = {(c, r) for box in slots for c in box.columns for r in range(box.top, box.bottom)}
    missing = [(c, r) for c in range(1, columns + 1) for r in range(first_row, rows) if (c, r) not in covered]
    if missing:
        found.holes += len(missing)
        found.details.append(f"{len(missing)} grid cells in no slot, first column {missing[0][0]} row {missing[0][1]}")


def _collisions(slots: list[Box], page: dict, found: Violations) -> None:
    """碰题: neighbouring slots side by side whose headline blocks share rows, with no 栏线 between them."""
    for a, b in itertools.permutations(slots, 2):
        if a.column + a.span != b.column or not (a.top < b.bottom and b.top < a.bottom):
            continue
        if a.head_last is None or b.head_last is None:
            continue
        if a.top <= b.head_last and b.top <= a.head_last:
            first, last = max(a.top, b.top), min(max(a.head_last, b.head_last), a.bottom - 1, b.bottom - 1)
            if _ruled(page, b.column, first, last):
                continue
            found.collisions += 1
            found.details.append(f"碰题: {a.id} (rows {a.top}–{a.head_last}) beside {b.id} (rows {b.top}–{b.head_last})")


def _ruled(page: dict, column: int, first: int, last: int) -> bool:
    """Whether a 栏线 of the sidecar stands in the gutter left of `column` (1-based) over rows first–last:
    from above the first row's baseline (at least half a row) down to the last row's baseline."""
    columns, baselines = page["columns"], page["baselines"]
    gutter = (columns[column - 2][2], columns[column - 1][0])
    pitch = baselines[0] - baselines[1]
    for rule in page.get("column_rules", []):
        x0, y0, x1, y1 = rule["box"]
        inside = gutter[0] - TOL <= x0 <= gutter[1] + TOL and gutter[0] - TOL <= x1 <= gutter[1] + TOL
        if inside and max(y0, y1) >= baselines[first] + pitch / 2 - TOL and min(y0, y1) <= baselines[last] + TOL:
            return True
    return False


def _inversions(slots: list[Box], sizes: dict[str, float], priorities: dict[str, int], found: Violations) -> None:
    """Headline sizes increasing down the page, or by lower priority within a band."""
    for a, b in itertools.permutations(slots, 2):
        if a.id not in sizes or b.id not in sizes:
            continue
        if set(a.columns) & set(b.columns) and b.top >= a.bottom and sizes[b.id] > sizes[a.id] + 1e-6:
            found.inversions += 1
            found.details.append(f"{b.id} ({sizes[b.id]:g}pt) under {a.id} ({sizes[a.id]:g}pt)")
        same_band = a.top < b.bottom and b.top < a.bottom
        pa, pb = priorities.get(a.id), priorities.get(b.id)
        if same_band and pa is not None and pb is not None and pa < pb and sizes[b.id] > sizes[a.id] + 1e-6:
            found.inversions += 1
            found.details.append(f"{b.id} (priority {pb}, {sizes[b.id]:g}pt) beside {a.id} (priority {pa}, "
                                 f"{sizes[a.id]:g}pt)")


def _lead(slots: list[Box], sizes: dict[str, float], priorities: dict[str, int], found: Violations) -> None:
    """The 头条 (priority 1): at the top of the planned area, in its leftmost column, the largest headline."""
    planned = [box for box in slots if box.id in priorities]
    leads = [box for box in planned if priorities[box.id] == 1]
    if not leads:
        return
    lead = leads[0]
    top, left = min(b.top for b in planned), min(b.column for b in planned)
    others = [sizes[b.id] for b in planned if b is not lead and b.id in sizes and priorities[b.id] > 1]
    if lead.top != top or lead.column != left or (others and sizes[lead.id] <= max(others)):
        found.lead_position += 1
        found.details.append(f"头条 {lead.id} at column {lead.column} row {lead.top}, headline {sizes[lead.id]:g}pt")
