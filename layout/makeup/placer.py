"""Placer: the planner for `stories:` — it chooses each story's slot and headline size so the page fills exactly.

A page of planned stories is made up the way a 美编 draws a 版样 (docs/planner.md): the 头条 (priority 1)
at the top left, either across the whole free area (a band of its own) or at the head of the first stack;
under or beside it a band of stacks (竖栏组), each a column group whose stories sit one under the other in
priority order. Every story is a rectangle of whole columns × rows whose body columns all end on its slot's
last baseline: a story of L lines at a span of w columns fills b rows when b·w is L, or L plus or minus the
lines its paragraphs can give or take (拉行/缩行, makeup.square); the slot may be up to the house policy's
headline air and body gap taller (makeup.fit.distribute). A beam search assigns stories to stacks (widths
from the compositions of the free columns), keeps the assignments every stack of which can reach the band's
rows exactly, then picks per stack the heights that stagger the headlines of neighbouring stacks (no 碰题)
at the least cost — or, when none does, the fewest 碰题, each parted by a 栏线 (column rule). Two headlines
side by side that share rows always get a 栏线 between them (the band's openers by construction). When the
ladder's headline sizes do not fill, a headline may go one level smaller before stories are held over;
stories with photos are measured with makeup.figures as makeup.fixed lays them out. The chosen slots become
ordinary articles (and the page's `column_rules:`), planned by makeup.fixed: `layout plan` writes them back
as a manifest that rebuilds to the same page.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..errors import LayoutError
from ..geometry import Cell, PageGrid, band_baseline
from ..i18n import N_, _
from ..spec import ArticleSpec, ColumnRule, FitPolicy, PageSpec, Slot, StorySpec
from ..typeset.story import AIR_ROWS, SetStory, Shape, StoryCache, split_halves
from . import fit as fitting
from . import fixed
from .figures import SetFigure, lay_out, set_figure
from .fit import column_targets, distribute, lines, targets
from .jumps import EditionJumps, exact_cut, exact_parts, minimum_first
from .plan import PagePlan, Placement
from .room import Later, trouble

LEG_MIN, LEG_MAX = 5, 45  # lines of a leg of type (one column of a story): shorter is a scrap, longer a 长腿
LADDER = (30.0, 24.0, 22.0, 20.0, 18.0)  # pt: headline sizes by priority rank (头条 first), never increasing
DEFAULT_SPAN = (2, 4)  # columns a story may take when the manifest gives no span
LEAD_SPAN = (3, 99)  # columns the 头条 may take (capped at the free area's width)
BEAM = 400  # partial assignments kept per story step
COMBOS = 150  # height choices kept per stack when staggering neighbouring stacks
RULED = 30  # … of which the cheapest are tried when no choice staggers them (碰题 parted by 栏线)
EVALUATED = 60  # complete assignments given concrete heights (the cheapest by the beam's estimate)
CUT_SHARE = 0.10  # copy-fit advice: at most 10 % of a story's lines
PHOTO_ROWS = (-1, -2)  # rows a photo without pinned rows may be cropped shorter (never taller: with fit cover
# a taller cell enlarges the photo and lowers its resolution, a shorter one only crops it)
PHOTO_LEAST = 3  # … but never under this many photo rows
INF = float("inf")  # the cost of a choice never taken (photos side by side)


@dataclass(frozen=True)
class Weights:
    """The soft score's weights (lower total is better; docs/planner.md explains each)."""

    order: float = 12.0  # a less important story starting higher than a more important one (per pair)
    left: float = 3.0  # … or at the same height further left
    slack: float = 1.0  # per row of headline air or body gap a story needs to fill its slot
    square: float = 0.5  # per line set longer or shorter (拉行/缩行)
    variety: float = 15.0  # every stack the same width
    lead: float = 8.0  # per column the 头条 is narrower than half the free area
    long_leg: float = 0.5  # per line a leg runs over 35 lines
    white: float = 50.0  # per empty line (only when the stories are too short in total)
    smaller: float = 10.0  # per headline set one level under the ladder's size (only when the ladder does not fill)
    ruled: float = 20.0  # per 碰题 parted by a 栏线 below the band's top (only when the stacks cannot be staggered)
    photo: float = 2.0  # per row a photo is cropped shorter than its aspect gives (its rows not pinned)
    deck: float = 6.0  # per deck (副题) dropped (only when the ladder with every deck does not fill)
    lines: float = 4.0  # per headline set in more lines (its halves one per line; only when the natural lines do not fill)
    jump: float = 40.0  # per story jumped to a later page (转版; only when the page cannot take every story whole)


WEIGHTS = Weights()
LEVERS = {"lines": WEIGHTS.lines, "deck": WEIGHTS.deck, "smaller": WEIGHTS.smaller}  # the headline levers, in
# the order they are tried (docs/planner.md), and what each costs a story
LEVER_SEARCHES = (("lines",), ("lines", "deck"), ("lines", "deck", "smaller"))  # the searches when the natural
# variants do not fill: each adds the next lever to those before (combined: a story may take several, each story
# its own), so a page makes at most 3 lever searches, as many as when each lever was searched alone


@dataclass(frozen=True)
class Variant:
    """A story at one span: its headline size and block rows, body lines, and the slot heights that fill exactly."""

    story: StorySpec
    span: int
    size: float
    head: int  # rows of the headline block (占行)
    body: int  # body lines as set
    heights: dict[int, float]  # slot rows → cost (slack rows, lines loosened): every one fills exactly
    mid: int = 0  # the cheapest height (the balance heuristic's typical height)
    air: dict[int, int] = field(default_factory=dict)  # slot rows → rows of headline air the slot gets
    shrink: int = 0  # paragraphs that can be set a line shorter (缩行)
    grow: int = 0  # … a line longer (拉行)
    paragraphs: int = 0
    slack: FitPolicy = FitPolicy(0, 0)  # the air and gap rows a slot may add (none without a headline)
    figures: tuple[SetFigure, ...] = ()  # the story's photos, set (their rows and captions)
    resized: dict[int, tuple[SetFigure, ...]] = field(default_factory=dict)  # slot rows only photos cropped
    # shorter fill → those photos; their cost in `heights` includes WEIGHTS.photo per row
    smaller: dict[int, tuple[float, int]] = field(default_factory=dict)  # slot rows only the headline one
    # level smaller fills → (that size, its block rows); their cost in `heights` includes WEIGHTS.smaller
    nodeck: dict[int, int] = field(default_factory=dict)  # slot rows only the story without its deck (副题)
    # fills → its block rows without it; their cost in `heights` includes WEIGHTS.deck
    split: dict[int, int] = field(default_factory=dict)  # slot rows only the headline's halves one per line
    # fill → its block rows so; their cost in `heights` includes WEIGHTS.lines
    jumps: dict[int, int] = field(default_factory=dict)  # slot rows only a jump fills → the first part's body
    # lines (its label line included); their cost in `heights` includes WEIGHTS.jump
    lines: int = 0  # the headline lines this variant is broken into (a headline of one half, one line more; 0: the
    # breaker's)
    broken: dict[int, int] = field(default_factory=dict)  # slot rows of `split` whose headline of one half is
    # broken into more lines (not two halves one per line) → its line count (headline_break)

    def size_at(self, height: int) -> float:
        """The headline size the story has in a slot of `height` rows."""
        return self.smaller[height][0] if height in self.smaller else self.size

    def figures_at(self, height: int) -> tuple[SetFigure, ...]:
        """The story's photos in a slot of `height` rows (resized where only that fills)."""
        return self.resized.get(height, self.figures)

    def head_at(self, height: int) -> int:
        """The headline block rows (占行) the story has in a slot of `height` rows."""
        if height in self.smaller:
            return self.smaller[height][1]
        if height in self.split:
            return self.split[height]
        return self.nodeck.get(height, self.head)

    @property
    def low(self) -> int:
        """The fewest rows that fill exactly (0: none does)."""
        return min(self.heights) if self.heights else 0

    @property
    def high(self) -> int:
        """The most rows that fill exactly (0: none does)."""
        return max(self.heights) if self.heights else 0


@dataclass(frozen=True)
class Spot:
    """A story on the page as the placer chose it: its cell, headline size and headline block rows."""

    story: StorySpec
    cell: Cell
    size: float
    head: int
    cost: float  # slack and loosening of this height
    white: int = 0  # rows left in no slot under it, down to the band's foot (short pages only)
    air: int = 0  # rows of headline air the slot gives its headline block
    ladder: float = 0.0  # the ladder's size when the headline was set one level smaller (0: it was not)
    photos: tuple[Cell, ...] = ()  # the page cells of its figures' photos
    figures: tuple = ()  # its figures as planned (FigureSpec: a photo cropped shorter, with its rows); () = the story's
    deck: bool = True  # False: its deck (副题) dropped so that the page fills exactly
    jumped: bool = False  # True: its first part fills the slot, the rest continues on its jump page
    split: bool = False  # True: its headline's halves one per line (one line more) so that the page fills exactly
    lines: int = 0  # with split: its headline of one half broken into this many lines (headline_break), not halves

    @property
    def zone(self) -> tuple[int, int]:
        """The rows its headline lines may take: (first row, row after), as head_zone."""
        return head_zone(self.cell.top, self.head, self.air)


@dataclass(frozen=True)
class Wall:
    """A pinned article's slot beside the free area, with the rows its headline may take: the planned
    stories beside it keep clear of them (staggered) or are parted from it by a 栏线, as from each other."""

    id: str
    cell: Cell
    zone: tuple[int, int]  # (first row, row after) of its headline block (its air included); (r, r): no headline
    photos: tuple[Cell, ...] = ()  # its figures' photos: a planned photo never stands beside one


@dataclass(frozen=True)
class Score:
    """The soft score of a plan, by term (lower is better)."""

    order: float = 0.0
    left: float = 0.0
    fill: float = 0.0  # slack rows, loosened lines, leg lines over 35
    variety: float = 0.0
    lead: float = 0.0
    white: float = 0.0
    smaller: float = 0.0  # headlines set one level under the ladder
    ruled: float = 0.0  # 碰题 below the band's top parted by a 栏线 (not staggered)
    deck: float = 0.0  # decks (副题) dropped
    jump: float = 0.0  # stories jumped to a later page
    lines: float = 0.0  # headlines set in more lines (halves one per line)

    @property
    def total(self) -> float:
        """The plan's score: the sum of its terms."""
        return (self.order + self.left + self.fill + self.variety + self.lead + self.white + self.smaller
                + self.ruled + self.deck + self.jump + self.lines)

    def breakdown(self) -> str:
        """'score 12.5 = order 0 + left 3 + …' for the report, in the active language."""
        terms = " + ".join(_("{term} {value}").format(term=_(word), value=f"{getattr(self, key):g}")
                           for key, word in SCORE_TERMS.items() if key not in OPTIONAL_TERMS or getattr(self, key))
        return _("score {total} = {terms}").format(total=f"{self.total:g}", terms=terms)


# The score's terms as the report names them, in order; the optional ones only when not 0 (the reports of
# pages without a jump or a split headline stay as they were).
SCORE_TERMS = {"order": N_("order"), "left": N_("left"), "fill": N_("fill"), "variety": N_("variety"),
               "lead": N_("lead"), "white": N_("white"), "smaller": N_("smaller"), "ruled": N_("ruled"),
               "deck": N_("deck"), "jump": N_("jump"), "lines": N_("lines")}
OPTIONAL_TERMS = ("jump", "lines")


@dataclass(frozen=True, kw_only=True)
class Placed:
    """What the placer decided for a page: the articles (pinned and planned), held-over stories, the report."""

    articles: tuple[ArticleSpec, ...]
    spots: tuple[Spot, ...]
    held: tuple[StorySpec, ...] = ()
    score: Score = Score()
    rules: tuple[ColumnRule, ...] = ()  # 栏线 parting headlines side by side (碰题) that the stacks could not stagger
    notes: tuple[str, ...] = ()  # what the build and `layout plan` say: held over, short, copy-fit advice

    @property
    def unjumped(self) -> frozenset[str]:
        """The stories that may jump but did not (set whole, or held over): their continuations are left out."""
        return frozenset({s.story.id for s in self.spots if s.story.jump is not None and not s.jumped}
                         | {s.id for s in self.held if s.jump is not None})


Area = Cell  # the free rectangle the stories are planned into (the type area minus masthead, boxes, pinned slots)


@dataclass
class _State:
    """A partial assignment in the beam: per stack its stories and the slot-height sums they can reach."""

    widths: tuple[int, ...]
    stacks: tuple[tuple[Variant, ...], ...]
    reach: tuple[int, ...]  # bit r set: the stack's stories can take exactly r rows
    depths: tuple[int, ...] = ()  # per stack the typical rows its stories take (their cheapest heights)
    base: float = 0.0  # order cost so far
    cost: float = 0.0  # base plus the balance heuristic
    key: tuple = field(default=(), compare=False)


def plan_page(page: PageSpec, grid: PageGrid, edition: str, stories: StoryCache,
              policy: FitPolicy = FitPolicy(), jumps: EditionJumps = EditionJumps()) -> PagePlan:
    """The page plan of a manifest page with `stories:`: place them, then plan every slot as fixed does (a
    pinned article that jumps is split with the edition's `jumps` labels)."""
    return plan_placed(page, place(page, grid, stories, policy, jumps), grid, edition, stories, policy, jumps)


def plan_placed(page: PageSpec, placed: "Placed", grid: PageGrid, edition: str, stories: StoryCache,
                policy: FitPolicy = FitPolicy(), jumps: EditionJumps = EditionJumps()) -> PagePlan:
    """The page plan once the placer has decided (`placed`): every slot planned as fixed does, with its notes."""
    plan = fixed.plan_page(_with_articles(page, placed.articles, placed.rules), grid, edition, stories, policy,
                           jumps)
    return replace(plan, notes=placed.notes)


def _with_articles(page: PageSpec, articles: tuple[ArticleSpec, ...], rules: tuple[ColumnRule, ...] = ()) -> PageSpec:
    """The page with its stories turned into articles with slots and its 栏线 added (what `layout plan` writes)."""
    return replace(page, articles=articles, stories=(), column_rules=page.column_rules + rules)


def place(page: PageSpec, grid: PageGrid, stories: StoryCache, policy: FitPolicy = FitPolicy(),
          jumps: EditionJumps = EditionJumps(), later: Later | None = None) -> Placed:
    """Choose a slot and headline size for every story of the page (or hold it over, said in the notes); a
    story that jumps is cut so that its continuation fits the `later` page it goes to (makeup.room)."""
    area, walls = free_and_walls(page, grid, stories, policy, jumps)
    ordered = tuple(sorted(page.stories, key=lambda s: s.priority))  # stable: equal priorities keep order
    sizes = headline_sizes(ordered)
    variants = {s.id: measure(s, sizes[s.id], area, grid, stories, policy, s is ordered[0]) for s in ordered}
    measured: dict[tuple, tuple[Variant, ...]] = {}

    def levered(levers: tuple[str, ...]) -> dict[str, tuple[Variant, ...]]:
        """The variants with the heights the headline `levers` fill added (asked only when needed)."""
        return _with_levers(ordered, variants, area, grid, stories, policy, levers, measured)

    elastic: dict[str, tuple[Variant, ...]] = {}

    def jumping() -> dict[str, tuple[Variant, ...]]:
        """The variants with the elastic heights of the stories that may jump (asked only when needed, once)."""
        if not elastic:
            elastic.update(_with_jumps(ordered, variants, area, grid, stories))
        return elastic
    best, held = _fallbacks(ordered, variants, area, walls=walls, jumping=jumping, levered=levered)
    limits: dict[str, tuple[bool, str]] = {}
    while later is not None and best is not None:  # each turn takes jump heights away: it ends
        found = _room_trouble(ordered, best[0], elastic, grid, stories, later)
        if found is None:
            break
        story, allowed, why = found
        allowed = frozenset() if story in limits else allowed  # a second time: the story does not jump at all
        elastic[story], limits[story] = _restricted(elastic[story], allowed), (bool(allowed), why)
        best, held = _fallbacks(ordered, variants, area, walls=walls, jumping=jumping, levered=levered)
    cuts = _copy_fit(ordered, held, variants, area, walls) if best is not None else {}
    notes = _held_notes(held, variants, grid, cuts)
    if best is None:
        raise LayoutError(_("page {number}: no plan places even the 头条 '{lead}' in the free area ({area})").format(
                              number=page.number, lead=ordered[0].id, area=fitting.free_area(area)),
                          page.where, _("give the story a wider span range, shorten it, or pin it with a slot"))
    spots, score = best
    notes += _white_notes(spots, grid) + _size_notes(spots) + _smaller_notes(spots) + _deck_notes(spots) + _photo_notes(spots, variants)
    notes += _split_notes(spots) + _room_notes(ordered, spots, limits) + _jump_notes(ordered, spots, page.number)
    articles = tuple(page.articles) + tuple(_article(s, page.number)
                                            for s in sorted(spots, key=lambda s: s.story.priority))
    return Placed(articles=articles, spots=spots, held=held, score=score, notes=tuple(notes),
                  rules=column_rules(spots, walls))


def column_rules(spots: Sequence[Spot], walls: Sequence[Wall] = ()) -> tuple[ColumnRule, ...]:
    """A 栏线 in the gutter between every two neighbouring slots whose headlines share rows (碰题), over the
    rows the two slots share — a planned story and a pinned article beside it (`walls`) too, not two pinned
    ones (the editor's); rules meeting in one gutter are one; in the order of their columns and rows."""
    out: list[ColumnRule] = []
    pairs = _touching_pairs(spots) + _wall_pairs(spots, walls)
    for rule in sorted((ColumnRule(b.cell.column, top, bottom - top) for _a, b, top, bottom in pairs),
                       key=lambda r: (r.column, r.top, r.lines)):
        last = out[-1] if out else None
        if last is not None and last.column == rule.column and rule.top <= last.top + last.lines:
            out[-1] = ColumnRule(last.column, last.top, max(last.lines, rule.top + rule.lines - last.top))
        else:
            out.append(rule)
    return tuple(out)


def _touching_pairs(spots: Sequence[Spot]) -> list[tuple[Spot, Spot, int, int]]:
    """Every two neighbouring slots (a left of b) whose headlines share rows, with the rows they share (top, bottom)."""
    return [pair for a, b in itertools.permutations(spots, 2) if (pair := _touching_pair(a, b)) is not None]


def _wall_pairs(spots: Sequence[Spot], walls: Sequence[Wall]) -> list[tuple]:
    """Every planned slot and pinned article side by side (either left of the other) whose headlines share rows."""
    out = []
    for spot in spots:
        for wall in walls:
            for a, b in ((spot, wall), (wall, spot)):
                pair = _touching_pair(a, b)
                if pair is not None:
                    out.append(pair)
    return out


def _touching_pair(a, b) -> tuple | None:
    """(a, b, top, bottom) when slot a stands left of slot b and their headlines share rows; else None."""
    if a.cell.column + a.cell.span != b.cell.column:
        return None
    top, bottom = max(a.cell.top, b.cell.top), min(a.cell.bottom, b.cell.bottom)
    (a0, a1), (b0, b1) = a.zone, b.zone
    return (a, b, top, bottom) if top < bottom and a0 < b1 and b0 < a1 else None


def _article(spot: Spot, page: int = 0) -> ArticleSpec:
    """A planned story as an ordinary article with its slot and headline size (a jumped one: part 1 of its
    jump, continued in the slot its later page declares)."""
    cell, story = spot.cell, spot.story
    jump = dict(part=1, jump=story.jump, jump_pages=(page, story.jump.page)) if spot.jumped else {}
    return ArticleSpec(id=story.id, file=story.file, where=story.where, slot_where=story.where,
                       slot=Slot(cell.column, cell.span, cell.top, cell.rows), headline_size=spot.size,
                       figures=spot.figures or story.figures, deck=spot.deck and story.deck is not False,
                       headline_split=spot.split and not spot.lines, headline_break=spot.lines, **jump)


# --- the free area and the variants ---------------------------------------------------------------

def free_area(page: PageSpec, grid: PageGrid, stories: StoryCache, policy: FitPolicy,
              jumps: EditionJumps = EditionJumps()) -> Area:
    """The rectangle the stories go into: what the masthead, boxes and pinned articles leave (the fixed
    plan's unplaced areas); it must be one rectangle."""
    return free_and_walls(page, grid, stories, policy, jumps)[0]


def free_and_walls(page: PageSpec, grid: PageGrid, stories: StoryCache, policy: FitPolicy,
                   jumps: EditionJumps = EditionJumps()) -> tuple[Area, tuple[Wall, ...]]:
    """The free rectangle (free_area) and the pinned articles standing beside it at its left or right edge,
    rows shared (walls), in the order of their columns and rows."""
    pinned = fixed.plan_page(_with_articles(page, page.articles), grid, "", stories, policy, jumps)
    cells = pinned.unplaced
    if len(cells) != 1:
        shown = "; ".join(fitting.free_area(c) for c in cells)  # in words (fit.free_area)
        raise LayoutError(_("page {number}: the stories need one free rectangle, the pinned articles leave {count} "
                            "areas ({areas})").format(number=page.number, count=len(cells), areas=shown or _("none")),
                          page.where, _("pin articles across the top, the foot or whole columns at a side, or plan "
                                        "them all"))
    area = cells[0]
    walls = [Wall(p.id, p.cell, pinned_zone(p, stories.story(p.story, p.shape, p.loosen, p.budget), grid),
                  tuple(f.photo for f in p.figures))
             for p in pinned.placements
             if p.cell.column + p.cell.span == area.column or p.cell.column == area.column + area.span
             if p.cell.top < area.bottom and area.top < p.cell.bottom]
    return area, tuple(sorted(walls, key=lambda w: (w.cell.column, w.cell.top, w.id)))


def pinned_zone(placement: Placement, story: SetStory, grid: PageGrid) -> tuple[int, int]:
    """The rows a pinned article's headline lines put type on, as fixed make-up lays them out and compose sets
    them: (first row, row after) — from the block's top (under any figure at the slot's top) down to the row
    of its last line's baseline, not its whole block with the air under it; (r, r): no headline."""
    top = placement.cell.top + placement.head_top
    if not story.head:
        return top, top
    last = story.head[-1]
    spare = max(0, placement.head_rows - story.head_lines_rows)  # compose splits these above and below the lines
    y = grid.row_top(top + last.row) - spare * grid.leading / 2
    baseline = band_baseline(y, last.rows * grid.leading, last.size)
    row = min(range(grid.rows), key=lambda r: (abs(grid.baseline(r) - baseline), r))
    return top, max(top + 1, row + 1)


def headline_sizes(ordered: Sequence[StorySpec]) -> dict[str, float]:
    """Each story's headline size: the manifest's, else the ladder by priority rank (equal priority, equal size)."""
    ranks = {p: k for k, p in enumerate(sorted({s.priority for s in ordered}))}
    return {s.id: s.headline_size or LADDER[min(ranks[s.priority], len(LADDER) - 1)] for s in ordered}


def one_smaller(size: float) -> float | None:
    """The ladder's next size under `size` (None at the foot of the ladder)."""
    return next((step for step in LADDER if step < size - 1e-6), None)


@dataclass(frozen=True)
class Setting:
    """A story's headline block as a set of levers sets it: its size, deck, halves, lines, and what that costs."""

    levers: tuple[str, ...]  # of LEVERS, in their order
    size: float
    deck: bool = True  # False: without its deck (副题)
    split: bool = False  # its halves (两段式) one per line
    more: bool = False  # its headline of one half broken into one line more
    cost: float = 0.0  # the levers' weights


def settings(story: StorySpec, size: float, stories: StoryCache, lead: bool,
             levers: Sequence[str]) -> list[Setting]:
    """Every combination (one lever or more) of the `levers` that apply to the story, cheapest first: the
    headline lines (its halves one per line, or a headline of one half one line more; the 头条's too), the
    deck dropped (not the 头条's, not one the manifest keeps or drops) and the headline one level smaller
    (not the 头条's, not a pinned size, not under the ladder's foot)."""
    apply = [k for k in LEVERS if k in levers and _applies(k, story, size, stories, lead)]
    out = []
    for count in range(1, len(apply) + 1):
        for chosen in itertools.combinations(apply, count):
            lines = _lines_lever(story, stories) if "lines" in chosen else None
            out.append(Setting(chosen, one_smaller(size) if "smaller" in chosen else size, "deck" not in chosen,
                               lines == "halves", lines == "more", sum(LEVERS[k] for k in chosen)))
    return sorted(out, key=lambda s: s.cost)  # stable: of equal cost, fewer levers and the earlier first


def _applies(lever: str, story: StorySpec, size: float, stories: StoryCache, lead: bool) -> bool:
    """Whether one headline lever may change the story's headline block (settings)."""
    if lever == "lines":
        return _lines_lever(story, stories) is not None
    if lead:
        return False
    if lever == "deck":
        return story.deck is None and bool(stories.texts[story.id].deck)
    return story.headline_size is None and one_smaller(size) is not None


def _lines_lever(story: StorySpec, stories: StoryCache) -> str | None:
    """How the headline may take one line more: 'halves' (a part of two halves or more set one per line),
    'more' (a headline of one line and one half broken into one line more, between words), or None."""
    parts = stories.texts[story.id].headline
    if any(len(split_halves(p)) > 1 for p in parts):
        return "halves"
    return "more" if len(parts) == 1 and len(parts[0]) > 1 else None


def _with_levers(ordered: Sequence[StorySpec], variants: dict[str, tuple[Variant, ...]], area: Area,
                 grid: PageGrid, stories: StoryCache, policy: FitPolicy, levers: Sequence[str],
                 memo: dict | None = None) -> dict[str, tuple[Variant, ...]]:
    """Every story's variants with the slot heights only its headline block set with the `levers` (alone or
    together, settings) fills added at their weights more (the cheapest setting per height); `memo`: the
    story measured per setting, kept across calls."""
    out = dict(variants)
    memo = {} if memo is None else memo
    for story in ordered:
        size = next((v.size for v in variants[story.id]), None)
        lead = story is ordered[0]
        chosen = settings(story, size, stories, lead, levers) if size is not None else []
        if not chosen:
            continue
        alts = []
        for setting in chosen:
            key = (story.id, setting.size, setting.deck, setting.split, setting.more)
            if key not in memo:
                memo[key] = measure(story, setting.size, area, grid, stories, policy, lead, deck=setting.deck,
                                    split=setting.split, one_more=setting.more)
            alts += [(setting, alt) for alt in memo[key]]
        by_span = {v.span: v for v in variants[story.id]}
        spans = sorted(set(by_span) | {alt.span for _, alt in alts})
        merged = (_levered(by_span.get(span), [(c, a) for c, a in alts if a.span == span], size) for span in spans)
        out[story.id] = tuple(v for v in merged if v.heights or v.span in by_span)
    return out


def _levered(base: Variant | None, alts: Sequence[tuple[Setting, Variant]], size: float) -> Variant:
    """The variant at the ladder's `size` (None: that does not fit the span) with the slot heights only a
    lever setting fills added (`alts`: the story at this span per setting, cheapest first), each at the
    setting's cost more; per height the cheapest, recorded in the levers' fields (smaller, nodeck, split,
    broken) with the headline block that setting sets there."""
    if base is None:
        base = replace(alts[0][1], heights={}, air={}, resized={}, size=size, lines=0)
    chosen: dict[int, tuple[float, Setting, Variant]] = {}
    for setting, alt in alts:
        for height, cost in alt.heights.items():
            if height not in base.heights and (height not in chosen or cost + setting.cost < chosen[height][0]):
                chosen[height] = (cost + setting.cost, setting, alt)
    if not chosen:
        return base
    heights = dict(base.heights) | {h: c for h, (c, _, _) in chosen.items()}
    mid = min(heights, key=lambda h: (heights[h], h))

    def marked(lever: str, value) -> dict:
        """Per added height whose setting uses `lever`: value(alt)."""
        return {h: value(a) for h, (_, s, a) in chosen.items() if lever in s.levers}
    alts_at = {h: a for h, (_, _, a) in chosen.items()}
    return replace(base, heights=heights, mid=mid, air=dict(base.air) | {h: a.air[h] for h, a in alts_at.items()},
                   resized=dict(base.resized) | {h: a.resized[h] for h, a in alts_at.items() if h in a.resized},
                   smaller=dict(base.smaller) | marked("smaller", lambda a: (a.size, a.head)),
                   nodeck=dict(base.nodeck) | marked("deck", lambda a: a.head),
                   split=dict(base.split) | marked("lines", lambda a: a.head),
                   broken=dict(base.broken) | {h: a.lines for h, a in alts_at.items() if a.lines})


def _with_smaller(ordered, variants, area, grid, stories, policy) -> dict[str, tuple[Variant, ...]]:
    """The variants with the heights only a headline one level smaller fills (_with_levers, 'smaller')."""
    return _with_levers(ordered, variants, area, grid, stories, policy, ("smaller",))


def _without_deck(ordered, variants, area, grid, stories, policy) -> dict[str, tuple[Variant, ...]]:
    """The variants with the heights only the story without its deck (副题) fills (_with_levers, 'deck')."""
    return _with_levers(ordered, variants, area, grid, stories, policy, ("deck",))


def _with_split(ordered, variants, area, grid, stories, policy) -> dict[str, tuple[Variant, ...]]:
    """The variants with the heights only the headline in one line more fills (_with_levers, 'lines')."""
    return _with_levers(ordered, variants, area, grid, stories, policy, ("lines",))


def levers_used(pool: dict[str, tuple[Variant, ...]]) -> frozenset[str]:
    """The headline levers some variant of the pool has a height for (a pool that uses none is the natural one)."""
    used = set()
    for variant in (v for vs in pool.values() for v in vs):
        used |= {k for k, d in (("smaller", variant.smaller), ("deck", variant.nodeck), ("lines", variant.split)) if d}
    return frozenset(used)


def _with_jumps(ordered: Sequence[StorySpec], variants: dict[str, tuple[Variant, ...]], area: Area,
                grid: PageGrid, stories: StoryCache) -> dict[str, tuple[Variant, ...]]:
    """Every story that may jump (`jump: auto` with a continuation slot; never the 头条) with the slot heights
    only a jump fills added (at WEIGHTS.jump more): legs of 5–45 lines, the first part at least a third of
    the story or 15 lines (its label line besides), the story longer than the slot, and a sentence end that
    cuts the first part to the slot's lines exactly (makeup.jumps); a story's photos stay in its first part."""
    out = dict(variants)
    for story in ordered[1:]:
        if story.jump is not None:
            out[story.id] = tuple(_jump_variant(v, area, grid, stories) for v in variants[story.id])
    return out


def _jump_variant(variant: Variant, area: Area, grid: PageGrid, stories: StoryCache) -> Variant:
    """The variant with the heights whose first part a jump cuts to fill the slot exactly."""
    story = variant.story
    set_story = stories.story(story.id, Shape(grid.measure, grid.span_width(variant.span), variant.size))
    text, total = stories.texts[story.id], len(set_story.body)
    heights, air, capacities = dict(variant.heights), dict(variant.air), {}
    tallest = area.rows if variant.figures else min(area.rows, variant.head + LEG_MAX)
    for height in range(variant.head + LEG_MIN, tallest + 1):
        capacity = _jump_capacity(variant, height) if height not in heights else None
        if capacity is None or capacity >= total or capacity - 1 < minimum_first(total):
            continue
        cut = exact_cut(story.id, set_story, text, capacity, stories)
        if cut is None:
            continue
        rows = height - variant.head
        heights[height] = (WEIGHTS.jump + WEIGHTS.square * abs(cut.delta)
                           + WEIGHTS.long_leg * max(0, rows - 35))
        air[height], capacities[height] = 0, capacity
    mid = min(heights, key=lambda h: (heights[h], h)) if heights else 0
    return replace(variant, heights=heights, air=air, mid=mid, jumps=capacities)


def _jump_capacity(variant: Variant, height: int) -> int | None:
    """Body lines a slot of `height` rows holds for a jumping story's first part: the rows under its
    headline block, or with photos the text legs makeup.figures lays out around them (5 lines or none, no
    column over 45 lines, no white beside a photo; makeup.fixed sets them so); None: they cannot be."""
    if not variant.figures:
        return variant.span * (height - variant.head)
    try:
        layout = lay_out(variant.figures, Cell(1, variant.span, 0, height), variant.head, variant.story.id)
    except LayoutError:
        return None
    if max(layout.capacities) > LEG_MAX or _white_beside(layout, variant.span, variant.head, height,
                                                         [f.rows for f in variant.figures]):
        return None
    return sum(layout.capacities)


def _room_trouble(ordered: Sequence[StorySpec], spots: Sequence[Spot], elastic: dict[str, tuple[Variant, ...]],
                  grid: PageGrid, stories: StoryCache, later: Later) -> tuple[str, frozenset[int], str] | None:
    """The jumped story whose continuation its later page cannot take beside those of the more important
    ones jumping there, the first-part lines (its jump heights' cuts) with which it could, and why; None:
    every continuation fits. A later page that fails without them is not this page's to mend (its build says why)."""
    jumped = [s for s in spots if s.jumped]
    others = frozenset(s.id for s in ordered if s.jump is not None)
    rank = {s.id: k for k, s in enumerate(ordered)}
    for target in sorted({s.story.jump.page for s in jumped}):
        group = sorted((s for s in jumped if s.story.jump.page == target), key=lambda s: rank[s.story.id])
        if trouble(later, stories, target, {}, others) is not None:
            continue
        rests: dict = {}
        for spot in group:  # the more important first: the first whose continuation does not fit with theirs
            rest = _rest(spot, _first_lines(spot, elastic), grid, stories, later)
            why = trouble(later, stories, target, rests | {spot.story.id: rest}, others)
            if why is not None:
                return spot.story.id, _fitting_firsts(spot, rests, elastic, grid, stories, later, others), why
            rests[spot.story.id] = rest
    return None


def _first_lines(spot: Spot, elastic: dict[str, tuple[Variant, ...]]) -> int:
    """The body lines of a jumped story's first part in its slot (its label line included)."""
    return next(v for v in elastic[spot.story.id] if v.span == spot.cell.span).jumps[spot.cell.rows]


def _rest(spot: Spot, capacity: int, grid: PageGrid, stories: StoryCache, later: Later):
    """The text a jumped story continues with on its later page when its first part holds `capacity` lines
    (None: no sentence end cuts it there)."""
    story = spot.story
    set_story = stories.story(story.id, Shape(grid.measure, grid.span_width(spot.cell.span), spot.size))
    parts = exact_parts(story.id, set_story, stories.texts[story.id], capacity, stories, later.jumps.labels[story.id],
                        story.jump.headline)
    return parts[1] if parts else None


def _fitting_firsts(victim: Spot, rests: dict, elastic: dict[str, tuple[Variant, ...]], grid: PageGrid,
                    stories: StoryCache, later: Later, others: frozenset[str]) -> frozenset[int]:
    """The first-part lines (of the victim's jump heights) whose rest its later page takes beside the more
    important ones' (`rests`): each cut tried there (a longer rest may overrun the page, an odd one leave a
    column short)."""
    options = sorted({c for v in elastic[victim.story.id] for c in v.jumps.values()})
    fitting = set()
    for capacity in options:
        rest = _rest(victim, capacity, grid, stories, later)
        if rest is not None and trouble(later, stories, victim.story.jump.page, rests | {victim.story.id: rest},
                                        others) is None:
            fitting.add(capacity)
    return frozenset(fitting)


def _restricted(variants: tuple[Variant, ...], fitting: frozenset[int]) -> tuple[Variant, ...]:
    """The story's variants with only the jump heights whose first part holds one of `fitting` lines."""
    out = []
    for v in variants:
        gone = {h for h, c in v.jumps.items() if c not in fitting}
        heights = {h: c for h, c in v.heights.items() if h not in gone}
        mid = min(heights, key=lambda h: (heights[h], h)) if heights else 0
        out.append(replace(v, heights=heights, air={h: a for h, a in v.air.items() if h not in gone}, mid=mid,
                           jumps={h: c for h, c in v.jumps.items() if h not in gone}) if gone else v)
    return tuple(out)


def span_range(story: StorySpec, area: Area, lead: bool) -> range:
    """The spans a story may take: the manifest's range, else the default (wider for the 头条), within the area."""
    low, high = story.span or (LEAD_SPAN if lead else DEFAULT_SPAN)
    low = max([low] + [f.column_offset + f.span for f in story.figures])  # its figures fit across the slot
    return range(low, min(high, area.span) + 1)


def measure(story: StorySpec, size: float, area: Area, grid: PageGrid, stories: StoryCache, policy: FitPolicy,
            lead: bool, deck: bool = True, split: bool = False, one_more: bool = False) -> tuple[Variant, ...]:
    """The story at every span of its range: the slot heights that fill exactly (legs of 5–45 lines);
    `deck` False (or the manifest's `deck: false`): its headline block without the deck (副题); `split`: its
    headline's halves one per line; `one_more`: its headline of one half broken into one line more."""
    base = stories.story(story.id, Shape(grid.measure, grid.span_width(1), size))
    count = len(base.paragraphs)
    shrink = sum(stories.paragraph(story.id, i, grid.measure, -1).looseness == -1 for i in range(count))
    grow = sum(stories.paragraph(story.id, i, grid.measure, 1).looseness == 1 for i in range(count))
    photos = tuple(set_figure(f, story.id, grid, stories.setter) for f in story.figures)
    out = []
    deck = deck and story.deck is not False
    for span in span_range(story, area, lead):
        shape = Shape(grid.measure, grid.span_width(span), size, deck=deck, split=split)
        try:
            set_story = stories.story(story.id, shape)
            if one_more:
                shape = replace(shape, breaks=headline_count(set_story, stories.texts[story.id]) + 1)
                set_story = stories.story(story.id, shape)
        except LayoutError:
            continue  # the headline does not fit this width (or is not broken into one line more)
        head = set_story.head_rows
        slack = policy if set_story.head and not photos else FitPolicy(0, 0)
        resized: dict[int, tuple[SetFigure, ...]] = {}
        if photos:
            heights, air = _figure_heights(story.id, len(base.body), span, head, photos, shrink, grow, area.rows,
                                           count)
            for change, other in _resized(photos):
                more, _ = _figure_heights(story.id, len(base.body), span, head, other, shrink, grow, area.rows, count)
                for h, c in more.items():
                    if h not in heights:
                        heights[h], air[h], resized[h] = c + WEIGHTS.photo * abs(change), 0, other
        else:
            heights, air = _heights(len(base.body), span, head, slack, shrink, grow, area.rows, count)
        mid = min(heights, key=lambda h: (heights[h], h)) if heights else 0
        out.append(Variant(story, span, size, head, len(base.body), heights, mid, air, shrink, grow, count, slack,
                           photos, resized, lines=shape.breaks))
    return tuple(out)


def headline_count(set_story, text) -> int:
    """The lines the headline (主题) of a set story takes, its label, kicker and deck aside."""
    return sum(1 for line in set_story.head if line.style == text.headline_style)


def _white_beside(layout, span: int, head: int, height: int, rows: Sequence[int] | None = None) -> bool:
    """Whether a column of the slot holds no text and its photos do not take it from the body top to the foot:
    a row left white (lay_out allows a text leg of 0 lines, i.e. an air row toward no text, e.g. over a photo
    at the foot that does not quite reach the body top, or under a caption that does not quite reach the
    foot). `rows`: each figure's photo and caption rows (its air row toward no text is white); None: its cell."""
    top = layout.head_top + head
    body = set(range(top, height))
    cores = [range(f.photo.top, f.photo.top + r) for f, r in zip(layout.figures, rows)] if rows is not None else \
        [range(f.cell.top, f.cell.bottom) for f in layout.figures]
    for k, capacity in enumerate(layout.capacities):
        mine = [f for f in layout.figures if k + 1 in f.cell.columns]
        taken = {r for f, core in zip(layout.figures, cores) if k + 1 in f.cell.columns for r in core}
        if capacity == 0 and (not mine or not body <= taken or min(f.photo.top for f in mine) != top):
            return True
    return False


def _resized(photos: tuple[SetFigure, ...]) -> list[tuple[int, tuple[SetFigure, ...]]]:
    """The story's photos cropped PHOTO_ROWS shorter, each change with the photos it gives: only when no
    photo's rows are pinned in the manifest (rows:) and every one is cropped to its box (fit: cover), never
    under PHOTO_LEAST photo rows."""
    if any(f.spec.rows is not None or f.spec.fit != "cover" for f in photos):
        return []  # pinned rows, or a letterboxed photo (contain: a shorter box would shrink it, not crop it)
    out = []
    for change in PHOTO_ROWS:
        if all(f.photo_rows + change >= PHOTO_LEAST for f in photos):
            out.append((change, tuple(replace(f, photo_rows=f.photo_rows + change,
                                              spec=replace(f.spec, rows=f.photo_rows + change)) for f in photos)))
    return out


def _figure_heights(story: str, body: int, span: int, head: int, photos: tuple[SetFigure, ...], shrink: int,
                    grow: int, most: int, paragraphs: int) -> tuple[dict[int, float], dict[int, int]]:
    """Slot rows → cost for a story with figures: the heights whose figure layout (makeup.figures.lay_out:
    legs of 5 lines or none beside, under and over each photo) the body fills to the last line of every
    column (white 0 after squaring over the unequal columns, as makeup.fixed does), no column over 45
    lines. No headline air: a slot with figures fills exactly without it."""
    costs: dict[int, float] = {}
    for height in range(head + LEG_MIN, most + 1):
        try:
            layout = lay_out(photos, Cell(1, span, 0, height), head, story)
        except LayoutError:
            continue
        if max(layout.capacities) > LEG_MAX or _white_beside(layout, span, head, height, [f.rows for f in photos]):
            continue
        options = column_targets(body, layout.starts, layout.capacities, paragraphs)
        chosen = next((t for t in options if -shrink <= t.delta <= grow), None)
        if chosen is None or chosen.white:
            continue
        costs[height] = WEIGHTS.square * abs(chosen.delta) + WEIGHTS.long_leg * max(0, max(layout.capacities) - 35)
    return costs, {h: 0 for h in costs}


def _heights(body: int, span: int, head: int, slack: FitPolicy, shrink: int, grow: int, most: int,
             paragraphs: int | None = None) -> tuple[dict[int, float], dict[int, int]]:
    """Slot rows → cost, and → headline air rows, for a body of `body` lines at `span`: the heights whose
    fill makeup.fixed would make exact — its first squaring target (makeup.fit.targets) the paragraphs
    can give (`shrink` lines less, `grow` more) leaves no white and legs of 5–45 lines; the spare rows go
    to the policy's headline air and body gap. `paragraphs`: the lines the copy may change at most (fixed
    asks one per paragraph; default shrink + grow)."""
    changeable = paragraphs if paragraphs is not None else max(shrink, grow)
    costs: dict[int, float] = {}
    air: dict[int, int] = {}
    for height in range(head + LEG_MIN, min(most, head + LEG_MAX + slack.headline_air + slack.body_gap) + 1):
        options = targets(body, span, height - head, slack, changeable)
        chosen = next((t for t in options if -shrink <= t.delta <= grow), None)
        if chosen is None or chosen.white or not LEG_MIN <= chosen.rows <= LEG_MAX:
            continue
        extra = height - head - chosen.rows
        costs[height] = (WEIGHTS.slack * extra + WEIGHTS.square * abs(chosen.delta)
                         + WEIGHTS.long_leg * max(0, chosen.rows - 35))
        air[height] = distribute(extra, slack).air
    return costs, air


def _too_short(ordered: Sequence[StorySpec], variants: dict[str, tuple[Variant, ...]], area: Area) -> bool:
    """Whether the stories cannot fill the area even at their tallest variants (white is then allowed)."""
    return _area(ordered, variants, max) < area.span * area.rows


def _area(ordered: Sequence[StorySpec], variants: dict[str, tuple[Variant, ...]], pick) -> int:
    """The grid cells the stories take at their smallest (`pick` min) or largest (max) variants."""
    return sum(pick((v.low * v.span if pick is min else v.high * v.span for v in variants[s.id] if v.heights),
                    default=0) for s in ordered)


# --- the search ----------------------------------------------------------------------------------

def _search(ordered: Sequence[StorySpec], variants: dict[str, tuple[Variant, ...]], area: Area,
            short: bool = False, walls: Sequence[Wall] = ()) -> tuple[tuple[Spot, ...], Score] | None:
    """The best plan over both page forms (头条 band across the top, or 头条 heading the first stack); the
    stories beside pinned articles (`walls`) keep clear of their headlines as of a neighbouring stack's."""
    if not ordered or not variants[ordered[0].id]:
        return None
    found = []
    lead, rest = ordered[0], ordered[1:]
    band = next((v for v in variants[lead.id] if v.span == area.span), None)
    if band is not None and rest:
        for height in sorted(band.heights, key=lambda h: (band.heights[h], h))[:4]:
            below = Area(area.column, area.span, area.top + height, area.rows - height)
            if below.rows < LEG_MIN + 3:
                continue
            plan = _band(rest, variants, below, short, walls=walls)
            if plan is not None:
                spot = _spot(band, Cell(area.column, area.span, area.top, height))
                found.append(_scored((spot,) + plan, area, short, walls))
    elif band is not None and area.rows in band.heights:
        spot = _spot(band, Cell(area.column, area.span, area.top, area.rows))
        found.append(_scored((spot,), area, short, walls))
    plan = _band(ordered, variants, area, short, lead=lead, walls=walls)
    if plan is not None:
        found.append(_scored(plan, area, short, walls))
    return min(found, key=lambda f: (f[1].total, _signature(f[0]))) if found else None


def _signature(spots: Sequence[Spot]) -> tuple:
    """A total order on plans of equal score (determinism)."""
    return tuple((s.cell.column, s.cell.top, s.cell.span, s.cell.rows, s.story.id) for s in spots)


def _band(stories: Sequence[StorySpec], variants: dict[str, tuple[Variant, ...]], area: Area, short: bool,
          lead: StorySpec | None = None, walls: Sequence[Wall] = ()) -> tuple[Spot, ...] | None:
    """The best band of stacks filling `area` with `stories` (`lead` heads the first stack), or None."""
    states = _assignments(stories, variants, area, short, lead)
    best = None
    for state in states[:EVALUATED]:
        spots = _heights_for(state, area, short, walls)
        if spots is None:
            continue
        score = _scored(spots, area, short, walls)[1]
        if best is None or (score.total, _signature(spots)) < (best[1].total, _signature(best[0])):
            best = (spots, score)
    return best[0] if best else None


def _compositions(total: int, low: int, high: int, most: int) -> list[tuple[int, ...]]:
    """The ways to split `total` columns into at most `most` stacks of `low`–`high` columns, in order."""
    out = []
    for k in range(1, most + 1):
        for parts in itertools.product(range(low, high + 1), repeat=k):
            if sum(parts) == total:
                out.append(parts)
    return out


def _assignments(stories: Sequence[StorySpec], variants: dict[str, tuple[Variant, ...]], area: Area, short: bool,
                 lead: StorySpec | None) -> list[_State]:
    """Beam search: each story in priority order goes to the foot of one stack whose width it may take; the
    complete assignments whose every stack can reach the band's rows (exactly, or at most when short)."""
    spans = [v.span for s in stories for v in variants[s.id]]
    if not spans:
        return []
    limit = (1 << (area.rows + 1)) - 1
    nominal = [min((v.mid * v.span for v in variants[s.id] if v.heights), default=0) for s in stories]
    needs = [sum(nominal[k + 1:]) for k in range(len(stories))]
    lows = [min((v.low for v in variants[s.id] if v.heights), default=area.rows + 1) for s in stories]
    least = [min(lows[k + 1:], default=area.rows + 1) for k in range(len(stories))]
    beam = [_State(w, tuple(() for _ in w), tuple(1 for _ in w), tuple(0 for _ in w), key=tuple(() for _ in w))
            for w in _widths(stories, variants, area, lead)]
    quota = max(6, BEAM // max(1, len(beam)))
    for index, story in enumerate(stories):
        by_span = {v.span: v for v in variants[story.id]}
        grown: dict[tuple, _State] = {}
        for state in beam:
            for j, width in enumerate(state.widths):
                if lead is not None and (index == 0) != (j == 0 and not state.stacks[0]):
                    continue  # the 头条 heads the first stack, nothing else goes there first
                variant = by_span.get(width)
                if variant is None or not variant.heights:
                    continue
                reach = _shift(state.reach[j], variant.heights) & limit
                if not reach:
                    continue
                new = _grown(state, j, variant, reach, area, index, needs[index])
                if not _viable(new.reach, area.rows, len(stories) - index - 1, least[index], short):
                    continue
                key = (new.widths, new.key)
                if key not in grown:
                    grown[key] = new
        beam = _kept(grown.values(), quota)
    goal = 1 << area.rows
    done = [s for s in beam if all(s.stacks) and all((r & goal) if not short else r > 1 for r in s.reach)]
    return done


def _kept(states: Iterable[_State], quota: int) -> list[_State]:
    """The beam's next step: the cheapest `quota` states of every stack-width split (so that every split
    of the columns is explored, not only the one the heuristic likes first)."""
    by_widths: dict[tuple[int, ...], list[_State]] = {}
    for state in sorted(states, key=lambda s: (s.cost, s.widths, s.key)):
        kept = by_widths.setdefault(state.widths, [])
        if len(kept) < quota:
            kept.append(state)
    return sorted((s for kept in by_widths.values() for s in kept), key=lambda s: (s.cost, s.widths, s.key))


def _widths(stories: Sequence[StorySpec], variants, area: Area, lead: StorySpec | None) -> list[tuple[int, ...]]:
    """The splits of the band's columns into stacks (at most 4 stacks, or 5 for more than 12 stories):
    the first stack as wide as the 头条 may be, the others as wide as the other stories may be."""
    spans = sorted({v.span for s in stories for v in variants[s.id] if v.heights and s is not lead})
    first = sorted({v.span for v in variants[lead.id] if v.heights}) if lead is not None else spans
    if not first or not spans:
        return [(area.span,)] if len(stories) == 1 and area.span in first else []
    most = min(len(stories), 5 if len(stories) > 12 else 4)
    out = [(area.span,)] if len(stories) == 1 and area.span in first else []
    for head in first:
        rest = area.span - head
        if rest == 0:
            continue
        out += [(head,) + parts for parts in _compositions(rest, spans[0], spans[-1], most - 1)]
    return out


def _viable(reach: Sequence[int], rows: int, left: int, least: int, short: bool) -> bool:
    """Whether the stacks can still all end on the band's last row: each stack that cannot yet needs one of
    the `left` stories still to place, and room for the smallest of them (`least` rows); short: every
    stack still empty needs one."""
    if short:
        return sum(r == 1 for r in reach) <= left
    needy = 0
    for r in reach:
        if not (r >> rows) & 1:
            needy += 1
            lowest = (r & -r).bit_length() - 1
            if left == 0 or rows - lowest < least:
                return False
    return needy <= left


def _shift(reach: int, heights: Iterable[int]) -> int:
    """The sums reachable after adding one of `heights` to any sum in `reach` (bitsets)."""
    out = 0
    for h in heights:
        out |= reach << h
    return out


def _grown(state: _State, j: int, variant: Variant, reach: int, area: Area, index: int, need: float) -> _State:
    """The state with `variant` at the foot of stack j: its order cost added, its balance re-estimated
    (`need`: the typical area of the stories still to place)."""
    stacks = state.stacks[:j] + (state.stacks[j] + (variant,),) + state.stacks[j + 1:]
    reaches = state.reach[:j] + (reach,) + state.reach[j + 1:]
    depths = state.depths[:j] + (state.depths[j] + variant.mid,) + state.depths[j + 1:]
    key = state.key[:j] + (state.key[j] + (index,),) + state.key[j + 1:]
    rank = 1.0 / (1 + index)
    base = state.base + rank * (WEIGHTS.order * state.depths[j] / max(1, area.rows)
                                + WEIGHTS.left * j / len(state.widths))
    room = over = 0
    for d, w in zip(depths, state.widths):
        if d < area.rows:
            room += (area.rows - d) * w
        else:
            over += d - area.rows
    balance = abs(room - need) / max(1, area.span) * 0.3 + over * 2.0
    return _State(state.widths, stacks, reaches, depths, base, base + balance, key)


def _heights_for(state: _State, area: Area, short: bool, walls: Sequence[Wall] = ()) -> tuple[Spot, ...] | None:
    """Concrete rows for every story of an assignment: each stack fills the band's rows (or, short, as many
    as it can), and the headlines of neighbouring stacks never share rows below the band's top (no 碰题)."""
    options = [_stack_options(stack, area, short) for stack in state.stacks]
    if not all(options):
        return None
    columns = [area.column + sum(state.widths[:j]) for j in range(len(state.widths))]
    photos = _option_photos(state.stacks, options, columns, area.top)
    chosen = _stagger(options, state.stacks, area, walls, photos)
    if chosen is None:
        return None
    spots = []
    for j, (stack, rows) in enumerate(zip(state.stacks, chosen)):
        top = area.top
        for k, (variant, height) in enumerate(zip(stack, rows)):
            last = k == len(stack) - 1
            white = area.bottom - top - height if last and short else 0
            spots.append(_spot(variant, Cell(columns[j], variant.span, top, height), white))
            top += height
    return None if _photos_touch(spots, walls) else tuple(spots)


def _spot(variant: Variant, cell: Cell, white: int = 0) -> Spot:
    """The story of `variant` in `cell`: its headline size and block at that height (one level smaller?),
    its cost, air, and its photos' cells (resized?)."""
    height = cell.rows
    shrunk = height in variant.smaller
    set_figures = variant.figures_at(height)
    photos = tuple(f.photo for f in lay_out(set_figures, cell, variant.head_at(height), variant.story.id).figures) \
        if set_figures else ()
    resized = tuple(f.spec for f in set_figures) if height in variant.resized else ()
    dropped, jumped, split = height in variant.nodeck, height in variant.jumps, height in variant.split
    return Spot(variant.story, cell, variant.size_at(height), variant.head_at(height),
                variant.heights[height] - (WEIGHTS.smaller if shrunk else 0) - (WEIGHTS.deck if dropped else 0)
                - (WEIGHTS.jump if jumped else 0) - (WEIGHTS.lines if split else 0), white,
                variant.air.get(height, 0), variant.size if shrunk else 0.0, photos, resized, not dropped, jumped,
                split, variant.broken.get(height, 0))


def _option_photos(stacks, options, columns: Sequence[int], top: int) -> list[list[list[Cell]]] | None:
    """Per stack and height option, the page cells of its stories' photos (None: no story has photos)."""
    if not any(v.figures for stack in stacks for v in stack):
        return None
    out = []
    for stack, opts, column in zip(stacks, options, columns):
        if not any(v.figures for v in stack):
            out.append([[] for _ in opts])
            continue
        cells = []
        for rows in opts:
            mine, row = [], top
            for variant, height in zip(stack, rows):
                figures = variant.figures_at(height)
                if figures:
                    cell = Cell(column, variant.span, row, height)
                    mine += [f.photo for f in lay_out(figures, cell, variant.head_at(height), variant.story.id).figures]
                row += height
            cells.append(mine)
        out.append(cells)
    return out


def _beside(left: Sequence[Cell], right: Sequence[Cell]) -> bool:
    """Whether a photo of one stack stands beside one of the stack to its right across the gutter (rows shared)."""
    return any(a.column + a.span == b.column and a.top < b.bottom and b.top < a.bottom for a in left for b in right)


def _photos_touch(spots: Sequence[Spot], walls: Sequence[Wall] = ()) -> bool:
    """Whether two photos of neighbouring slots stand side by side across a gutter (rows shared): planned
    ones, or a planned one beside a pinned article's (`walls`)."""
    photos = [(k, p) for k, s in enumerate(spots) for p in s.photos]
    if photos and any(_beside([p for _, p in photos], w.photos) or _beside(w.photos, [p for _, p in photos])
                      for w in walls):
        return True
    return any(i != j and a.column + a.span == b.column and a.top < b.bottom and b.top < a.bottom
               for (i, a), (j, b) in itertools.permutations(photos, 2))


def _stack_options(stack: Sequence[Variant], area: Area, short: bool) -> list[tuple[int, ...]]:
    """Up to COMBOS height tuples for a stack's stories that sum to the band's rows (short: to the most
    it can reach, at most the band's), cheapest first."""
    target = area.rows
    if short:
        reach = 1
        for v in stack:
            reach = _shift(reach, v.heights) & ((1 << (area.rows + 1)) - 1)
        target = reach.bit_length() - 1
    suffix = [1] * (len(stack) + 1)
    for k in range(len(stack) - 1, -1, -1):
        suffix[k] = _shift(suffix[k + 1], stack[k].heights)
    found: list[tuple[float, tuple[int, ...]]] = []

    def walk(k: int, left: int, rows: tuple[int, ...], cost: float, above: float) -> None:
        """Depth-first over story k's heights that leave a reachable remainder (cheapest first); `above`:
        the size of a headline set one level smaller just above (none under it may be larger)."""
        if len(found) >= COMBOS * 4:
            return
        if k == len(stack):
            if left == 0:
                found.append((cost, rows))
            return
        variant = stack[k]
        for height, c in sorted(variant.heights.items(), key=lambda hc: (hc[1], hc[0])):
            if variant.size_at(height) > above + 1e-6:
                continue
            if height <= left and (suffix[k + 1] >> (left - height)) & 1:
                walk(k + 1, left - height, rows + (height,), cost + c,
                     variant.size_at(height) if height in variant.smaller else float("inf"))

    walk(0, target, (), 0.0, float("inf"))
    return [rows for _, rows in sorted(found)[:COMBOS]]


def _stagger(options, stacks, area: Area, walls: Sequence[Wall] = (), photos=None) -> list[tuple[int, ...]] | None:
    """A height tuple per stack, cheapest first, whose headlines clear those of the stack to its left (the
    band's openers excepted: a 栏线 parts them); when no choice works, the fewest 碰题 (each parted by a 栏线,
    _ruled). Compatibility is only between neighbours, so whether stack j's option i can be continued is
    remembered (a chain DP). The pinned articles at the band's left and right edge (`walls`) are neighbours
    of the first and the last stack. `photos` (per stack and option the photo cells, _option_photos): two
    neighbours' options whose photos stand side by side never go together, so the heights are staggered
    for them too (None: no photos)."""
    zones = [[_zones(stack, rows, area.top) for rows in opts] for stack, opts in zip(stacks, options)]
    masks = [[_row_masks(z, area.top) for z in opts] for opts in zones]
    memo: dict[tuple[int, int], list[int] | None] = {}
    left, right = _edge_zones(walls, area)
    last = len(options) - 1

    def apart(j: int, i: int, n: int) -> bool:
        """Whether option i of stack j and option n of stack j + 1 keep their photos apart."""
        return photos is None or not _beside(photos[j][i], photos[j + 1][n])

    beside = _edge_photos(walls, area)

    walls_clear: dict[tuple[int, int], bool] = {}

    def walled(j: int, i: int) -> bool:
        """Whether option i of stack j keeps clear of the pinned headlines (and photos) beside it (first or
        last stack); once per option."""
        found = walls_clear.get((j, i))
        if found is None:
            mine = photos[j][i] if photos is not None else []
            found = walls_clear[(j, i)] = (
                (j != 0 or (_clear(left, zones[j][i], area.top) and not _beside(beside[0], mine)))
                and (j != last or (_clear(zones[j][i], right, area.top) and not _beside(mine, beside[1]))))
        return found

    def rest(j: int, i: int) -> list[int] | None:
        """Option indexes for stacks j+1… that continue option i of stack j (None: none do)."""
        if j + 1 == len(options):
            return []
        if (j, i) not in memo:
            memo[(j, i)] = None
            a, following, mine = masks[j][i], masks[j + 1], zones[j][i]
            for n in range(len(options[j + 1])):
                if memo.get((j + 1, n), 0) is None or not walled(j + 1, n):
                    continue  # (a None: known not to continue, rest(j + 1, n) would say None)
                b = following[n]  # _clear on the row masks when both stacks have them
                if (_clear(mine, zones[j + 1][n], area.top) if a is None or b is None
                        else not (a[0] & (b[0] | b[1]) or a[1] & b[0])) and apart(j, i, n):
                    tail = rest(j + 1, n)
                    if tail is not None:
                        memo[(j, i)] = [n] + tail
                        break
        return memo[(j, i)]

    for i in range(len(options[0])):
        tail = rest(0, i) if walled(0, i) else None
        if tail is not None:
            picks = [i] + tail
            return [options[j][n] for j, n in enumerate(picks)]
    return _ruled(options, stacks, zones, area.top, (left, right), photos, beside)


def _edge_zones(walls: Sequence[Wall], area: Area) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The headline rows of the pinned articles at the area's left edge and at its right edge, within its rows."""
    def inside(wall: Wall) -> bool:
        return wall.cell.top < area.bottom and area.top < wall.cell.bottom and wall.zone[0] < wall.zone[1]
    left = [w.zone for w in walls if inside(w) and w.cell.column + w.cell.span == area.column]
    right = [w.zone for w in walls if inside(w) and w.cell.column == area.column + area.span]
    return left, right


INF = float("inf")


def _edge_photos(walls: Sequence[Wall], area: Area) -> tuple[list[Cell], list[Cell]]:
    """The photos of the pinned articles at the area's left edge and at its right edge."""
    left = [p for w in walls if w.cell.column + w.cell.span == area.column for p in w.photos]
    right = [p for w in walls if w.cell.column == area.column + area.span for p in w.photos]
    return left, right


def _ruled(options, stacks, zones, band_top: int, edges=([], []), photos=None,
           beside=([], [])) -> list[tuple[int, ...]] | None:
    """When no choice staggers the stacks: per stack one of its RULED cheapest height tuples, with the fewest
    碰题 between neighbours (each parted by a 栏线, WEIGHTS.ruled) plus the tuples' cost (a chain DP); the
    first and the last stack count their 碰题 with the pinned articles beside them (`edges`) too; options
    whose photos stand beside a neighbour's are never taken together (the assignment is skipped when every
    choice does)."""
    kept = [range(min(RULED, len(opts))) for opts in options]
    last = len(options) - 1
    costs = [[sum(v.heights[h] for v, h in zip(stack, options[j][i]))
              + WEIGHTS.ruled * (_touching(edges[0], zones[j][i], band_top) if j == 0 else 0)
              + WEIGHTS.ruled * (_touching(zones[j][i], edges[1], band_top) if j == last else 0)
              + (INF if photos is not None and ((j == 0 and _beside(beside[0], photos[j][i]))
                                               or (j == last and _beside(photos[j][i], beside[1]))) else 0)
              for i in kept[j]] for j, stack in enumerate(stacks)]
    best: list[dict[int, tuple[float, int]]] = [dict() for _ in options]
    best[last] = {i: (costs[last][i], -1) for i in kept[last]}
    for j in range(last - 1, -1, -1):
        for i in kept[j]:
            best[j][i] = min(((costs[j][i] + WEIGHTS.ruled * _touching(zones[j][i], zones[j + 1][n], band_top)
                               + best[j + 1][n][0]
                               + (0 if photos is None or not _beside(photos[j][i], photos[j + 1][n]) else INF), n)
                              for n in kept[j + 1]))
    i = min(kept[0], key=lambda k: (best[0][k][0], k))
    if best[0][i][0] >= INF:
        return None  # every choice puts photos side by side
    picks = [i]
    for j in range(last):
        picks.append(best[j][picks[-1]][1])
    return [options[j][n] for j, n in enumerate(picks)]


def _touching(left: list[tuple[int, int]], right: list[tuple[int, int]], band_top: int) -> int:
    """The headline blocks of one stack sharing rows with one of its neighbour's (the band's openers not counted)."""
    return sum(1 for a0, a1 in left for b0, b1 in right if not a0 == b0 == band_top and a0 < b1 and b0 < a1)


def head_zone(top: int, head: int, air: int) -> tuple[int, int]:
    """The rows a headline block of `head` rows (占行, the air row before the body included) with `air` rows
    of headline air may put type on: (first row, row after). Compose centres the block's lines in their rows
    and splits the spare rows (the air row and the air) above and below them, so the lines go down by
    (AIR_ROWS + air) / 2 rows: their foot reaches half into the air row when there is no air."""
    lines = head - AIR_ROWS
    return top, top + lines + max(air, -(-(AIR_ROWS + air) // 2))


def _zones(stack: Sequence[Variant], rows: Sequence[int], top: int) -> list[tuple[int, int]]:
    """The rows each story's headline lines may take (head_zone)."""
    out = []
    for variant, height in zip(stack, rows):
        out.append(head_zone(top, variant.head_at(height), variant.air.get(height, 0)))
        top += height
    return out


def _row_masks(zones: list[tuple[int, int]], band_top: int) -> tuple[int, int] | None:
    """A stack's headline rows as two bit masks (blocks not at the band top, blocks at it), so that _clear of
    two stacks is `not (a0 & (b0 | b1) or a1 & b0)`; None when a block is empty or above row 0 (then _clear
    itself decides: its interval test differs for an empty block)."""
    away = at = 0
    for a0, a1 in zones:
        if a0 < 0 or a1 <= a0:
            return None
        rows = ((1 << a1) - 1) ^ ((1 << a0) - 1)
        if a0 == band_top:
            at |= rows
        else:
            away |= rows
    return away, at


def _clear(left: list[tuple[int, int]], right: list[tuple[int, int]], band_top: int) -> bool:
    """Whether no headline block of one stack shares rows with one of its neighbour (both at the band top: allowed,
    a 栏线 parts them)."""
    for a0, a1 in left:
        for b0, b1 in right:
            if a0 == b0 == band_top:
                continue
            if a0 < b1 and b0 < a1:
                return False
    return True


# --- the score ------------------------------------------------------------------------------------

def _scored(spots: tuple[Spot, ...], area: Area, short: bool,
            walls: Sequence[Wall] = ()) -> tuple[tuple[Spot, ...], Score]:
    """A plan and its soft score, term by term (docs/planner.md)."""
    order = left = 0.0
    for a, b in itertools.combinations(spots, 2):
        hi, lo = (a, b) if a.story.priority <= b.story.priority else (b, a)
        if hi.story.priority == lo.story.priority:
            continue
        if lo.cell.top < hi.cell.top:
            order += WEIGHTS.order
        elif lo.cell.top == hi.cell.top and lo.cell.column < hi.cell.column:
            left += WEIGHTS.left
    widths = {s.cell.span for s in spots}
    lead = spots[0] if spots else None
    lead_term = WEIGHTS.lead * max(0.0, area.span / 2 - lead.cell.span) if lead else 0.0
    white = sum(s.white * s.cell.span for s in spots)
    band_top = lead.cell.bottom if lead and lead.cell.span == area.span and len(spots) > 1 else area.top
    ruled = sum(1 for a, b, _, _ in _touching_pairs(spots) if not a.cell.top == b.cell.top == band_top)
    ruled += sum(1 for a, b, _, _ in _wall_pairs(spots, walls) if not a.zone[0] == b.zone[0] in (area.top, band_top))
    return spots, Score(order=order, left=left, fill=round(sum(s.cost for s in spots), 3),
                        variety=WEIGHTS.variety if len(spots) > 2 and len(widths) == 1 else 0.0,
                        lead=lead_term, white=WEIGHTS.white * white,
                        smaller=WEIGHTS.smaller * sum(1 for s in spots if s.ladder), ruled=WEIGHTS.ruled * ruled,
                        deck=WEIGHTS.deck * sum(1 for s in spots if not s.deck),
                        jump=WEIGHTS.jump * sum(1 for s in spots if s.jumped),
                        lines=WEIGHTS.lines * sum(1 for s in spots if s.split))


# --- when the stories do not fit ------------------------------------------------------------------

def _fallbacks(ordered: Sequence[StorySpec], variants, area: Area, walls: Sequence[Wall] = (), jumping=None,
               levered=None):
    """The plan and the stories held over, in the order of the levers: every story filling exactly; white
    at the foot only when the stories are too short in total; else every story filling exactly with the
    headline levers (`levered(levers)`: those variants; one lever alone, then together, _levered_search);
    else with the stories that may jump at their elastic heights too (`jumping()`); else the lowest-priority
    stories held over (one more at a time) until the rest fill exactly (a kept story may still jump); else
    every story with the least white; else held over with white."""
    best = _search(ordered, variants, area, walls=walls)
    too_short = best is None and _too_short(ordered, variants, area)
    if too_short:
        best = _search(ordered, variants, area, short=True, walls=walls)
    if best is None and not too_short and levered is not None:
        best = _levered_search(ordered, area, walls, levered)
    if best is None and not too_short and jumping is not None and any(s.jump for s in ordered[1:]):
        best = _search(ordered, jumping(), area, walls=walls)  # a story that may jump fills what it is given
    if best is not None:
        return best, ()
    jumps = any(s.jump for s in ordered[1:]) and jumping is not None
    for short in (False, True):
        pool = jumping() if jumps and not short else variants  # a kept story that may jump still may
        for count in range(0 if short else 1, len(ordered)):
            kept, held = ordered[:len(ordered) - count], tuple(ordered[len(ordered) - count:])
            if _area(kept, pool, min) > area.span * area.rows or (not short and _too_short(kept, pool, area)):
                continue  # the kept stories cannot fill the area exactly (too much, or too little, text)
            best = _search(kept, pool, area, short=short, walls=walls)
            if best is not None:
                return best, held
    return None, tuple(ordered)


def _levered_search(ordered: Sequence[StorySpec], area: Area, walls: Sequence[Wall], levered):
    """The best plan with the headline levers: one search per set of LEVER_SEARCHES in order (headline lines,
    then with the deck too, then with a smaller headline too: the levers combined, a story taking several),
    the first that fills exactly; a set whose variants use no lever, or the same levers as a set searched
    already (the same variants), is skipped."""
    searched: set[frozenset[str]] = set()
    for levers in LEVER_SEARCHES:
        pool = levered(levers)
        used = levers_used(pool)
        if not used or used in searched:
            continue
        searched.add(used)
        best = _search(ordered, pool, area, walls=walls)
        if best is not None:
            return best
    return None


def _copy_fit(ordered: Sequence[StorySpec], held: Sequence[StorySpec], variants, area: Area,
              walls: Sequence[Wall] = ()) -> dict[str, int]:
    """The copy-fit that brings back the first held-over story: the fewest lines (at most 10 % of it) to
    cut (< 0) or add (> 0) so that it and every kept story fill the page exactly; {} when none does."""
    if not held:
        return {}
    story = held[0]
    kept = [s for s in ordered if s not in held] + [story]
    body = next((v.body for v in variants[story.id]), 0)
    most, probes = max(1, int(body * CUT_SHARE)), 0
    for change in sorted(range(-most, most + 1), key=lambda k: (abs(k), k)):
        if change == 0:
            continue
        trial = dict(variants)
        trial[story.id] = tuple(_recut(v, change, area) for v in variants[story.id])
        if _area(kept, trial, min) > area.span * area.rows or _too_short(kept, trial, area):
            continue
        probes += 1
        if _search(kept, trial, area, walls=walls) is not None:
            return {story.id: change}
        if probes >= 4:
            break
    return {}


def _recut(variant: Variant, change: int, area: Area) -> Variant:
    """The variant as it would be with `change` body lines more (> 0) or fewer (< 0)."""
    if variant.figures:
        heights, air = _figure_heights(variant.story.id, variant.body + change, variant.span, variant.head,
                                       variant.figures, variant.shrink, variant.grow, area.rows, variant.paragraphs)
    else:
        heights, air = _heights(variant.body + change, variant.span, variant.head, variant.slack, variant.shrink,
                                variant.grow, area.rows, variant.paragraphs)
    mid = min(heights, key=lambda h: (heights[h], h)) if heights else 0
    return replace(variant, body=variant.body + change, heights=heights, air=air, mid=mid, resized={}, smaller={},
                   nodeck={}, split={}, broken={})


def _held_notes(held: Sequence[StorySpec], variants, grid: PageGrid, cuts: dict[str, int]) -> list[str]:
    """One line per held-over story: its length, and the copy-fit that would bring it back."""
    notes = []
    for story in held:
        body = next((v.body for v in variants[story.id]), 0)
        head = _("story {story} (priority {priority}, {lines}, ≈ {characters} 字) is held over: the page has no "
                 "exact fill with it").format(story=story.id, priority=story.priority, lines=lines(body),
                                              characters=body * grid.characters)
        change = cuts.get(story.id)
        if change:
            tail = (_("; cut it by {lines} (≈ {characters} 字) and it fits, or move it to another page")
                    if change < 0 else
                    _("; lengthen it by {lines} (≈ {characters} 字) and it fits, or move it to another page"))
            notes.append(head + tail.format(lines=lines(abs(change)), characters=abs(change) * grid.characters))
        else:
            notes.append(head + _("; move it to another page"))
    return notes


def _size_notes(spots: Sequence[Spot]) -> list[str]:
    """Headline sizes the manifest pinned (headline_size) that break the order the ladder keeps: said."""
    notes = []
    for a, b in itertools.permutations(spots, 2):
        under = set(a.cell.columns) & set(b.cell.columns) and b.cell.top >= a.cell.bottom
        beside = a.cell.top < b.cell.bottom and b.cell.top < a.cell.bottom and a.story.priority < b.story.priority
        if (under or beside) and b.size > a.size:
            said = (_("story {story}: its headline ({size}pt) is larger than that of {other} ({other_size}pt) under "
                      "it (headline_size in the manifest): make it smaller") if under else
                    _("story {story}: its headline ({size}pt) is larger than that of {other} ({other_size}pt) beside "
                      "it (headline_size in the manifest): make it smaller"))
            notes.append(said.format(story=b.story.id, size=f"{b.size:g}", other=a.story.id,
                                     other_size=f"{a.size:g}"))
    return notes


def _photo_notes(spots: Sequence[Spot], variants) -> list[str]:
    """The photos cropped shorter than their aspect gives so that the page fills exactly: said."""
    notes = []
    for spot in sorted(spots, key=lambda s: (s.story.priority, s.story.id)):
        before = next((v.figures for v in variants[spot.story.id] if v.figures), ())
        for k, (old, new) in enumerate(zip(before, spot.figures)):
            change = new.rows - old.photo_rows
            notes.append(_("story {story}: photo {number} cropped {rows} shorter ({old} → {new} rows) so that the "
                           "page fills exactly").format(story=spot.story.id, number=k + 1,
                                                        rows=lines(abs(change), "row"), old=old.photo_rows,
                                                        new=new.rows))
    return notes


def _smaller_notes(spots: Sequence[Spot]) -> list[str]:
    """The headlines set one level under the ladder so that the page fills exactly: said."""
    return [_("story {story}: headline one level smaller ({size}pt, the ladder gives {ladder}pt) so that the page "
              "fills exactly").format(story=s.story.id, size=f"{s.size:g}", ladder=f"{s.ladder:g}")
            for s in sorted(spots, key=lambda s: (s.story.priority, s.story.id)) if s.ladder]


def _split_notes(spots: Sequence[Spot]) -> list[str]:
    """The headlines set in one line more (halves one per line, or one half broken into one line more) so that
    the page fills exactly: said."""
    notes = []
    for s in sorted(spots, key=lambda s: (s.story.priority, s.story.id)):
        if s.split and s.lines:
            notes.append(_("story {story}: headline broken into one line more ({lines} lines between words, {rows} "
                           "rows) so that the page fills exactly (the planned manifest writes headline_break: "
                           "{lines})").format(story=s.story.id, lines=s.lines, rows=s.head))
        elif s.split:
            notes.append(_("story {story}: headline set in one line more (its halves one per line, {rows} rows) so "
                           "that the page fills exactly (the planned manifest writes headline_split: true)").format(
                story=s.story.id, rows=s.head))
    return notes


def _deck_notes(spots: Sequence[Spot]) -> list[str]:
    """The decks (副题) dropped so that the page fills exactly: said."""
    return [_("story {story}: deck (副题) dropped so that the page fills exactly (the planned manifest writes "
              "deck: false)").format(story=s.story.id)
            for s in sorted(spots, key=lambda s: (s.story.priority, s.story.id)) if not s.deck]


def _jump_notes(ordered: Sequence[StorySpec], spots: Sequence[Spot], page: int) -> list[str]:
    """The stories that may jump: the ones jumped (where the rest goes), and the ones set whole or held
    over, whose continuation slot is left out of its page."""
    placed = {s.story.id: s for s in spots}
    notes = []
    for story in (s for s in ordered if s.jump is not None):
        spot = placed.get(story.id)
        if spot is not None and spot.jumped:
            notes.append(_("story {story}: jumps (转版) so that the page fills exactly: its first part fills rows "
                           "{first}–{last} of columns {column}–{last_column} and ends with （下转第{target}版）, the "
                           "rest continues on page {target}").format(
                story=story.id, first=spot.cell.top, last=spot.cell.bottom - 1, column=spot.cell.column,
                last_column=spot.cell.column + spot.cell.span - 1, target=story.jump.page))
        else:
            notes.append(_("story {story} does not jump (it is set whole on page {page}, or held over): its "
                           "continuation slot on page {target} is left out").format(
                story=story.id, page=page, target=story.jump.page))
    return notes


def _room_notes(ordered: Sequence[StorySpec], spots: Sequence[Spot], limits: dict[str, tuple[bool, str]]) -> list[str]:
    """The stories whose jump the room on their later page limited: cut elsewhere, or not jumped (then set
    whole or held over), with the later page's reason at its YAML line."""
    jumped = {s.story.id for s in spots if s.jumped}
    notes = []
    for story in (s for s in ordered if s.id in limits):
        some, why = limits[story.id]
        if story.id in jumped:
            said = _("story {story}: cut where page {target} takes its continuation (the cut first chosen leaves "
                     "a rest it does not: {why})")
        elif some:
            said = _("story {story} does not jump: page {target} takes its continuation only at cuts no plan of "
                     "this page gives ({why})")
        else:
            said = _("story {story} does not jump: page {target} cannot take its continuation at any cut that "
                     "fills this page ({why})")
        notes.append(said.format(story=story.id, target=story.jump.page, why=why))
    return notes


def without_continuations(page: PageSpec, dropped: Iterable[str]) -> PageSpec:
    """The page without the continuation slots of the planned stories that did not jump (`dropped`)."""
    gone = set(dropped)
    kept = tuple(a for a in page.articles if not (a.part == 2 and a.id in gone))
    return page if len(kept) == len(page.articles) else replace(page, articles=kept)


def _white_notes(spots: Sequence[Spot], grid: PageGrid) -> list[str]:
    """The lines the page misses when its stories are too short in total (white at the stacks' feet)."""
    notes = []
    for spot in spots:
        if spot.white:
            missing = spot.white * spot.cell.span
            notes.append(_("story {story}: no exact fill; {lines} (≈ {characters} 字) missing: rows {first}–{last} of "
                           "columns {column}–{last_column} stay in no slot under it; lengthen it or add a story").format(
                story=spot.story.id, lines=lines(missing), characters=missing * grid.characters,
                first=spot.cell.bottom, last=spot.cell.bottom + spot.white - 1, column=spot.cell.column,
                last_column=spot.cell.column + spot.cell.span - 1))
    return notes
