"""Items: spans → box/glue/penalty items (punctuation compression as shrinkable glue, kinsoku as penalties).

The paragraph is first *prepared* (one entry per character: face, size, style, advance, class), then
cut into *atoms* — what may never be broken: an ideograph, one punctuation mark, a Latin word or a
number with its `.` `,` `%` `℃`…, a `——` or `……`, a number range `1—6`. Between two atoms there is a
*gap*; its glue holds the adjustable blanks of the marks on either side (after pair compression), the
CJK–Latin spacing and the 均排 stretch, and a penalty in front of it says whether a line may break
there (clreq prohibitions, number units). An adjustable mark's box is only its ink (½ em), so a mark
at line end is trimmed to half width (GB/T 15834—2011 §5.1.10) and an opening mark at line start loses
its leading half [#h-compression_of_punctuation_marks_at_line_start], because a break discards glue.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Sequence

from .. import cjk
from ..fonts import TextFont
from ..i18n import _
from . import hyphen
from .config import ComposeConfig
from .knuth import EPS, INF, Box, Glue, Item, Penalty


@dataclass(frozen=True)
class Span:
    """A run of text in one style: what the composer sets (body text, run-in head, dateline…)."""

    text: str
    font: TextFont
    style: str = "body"
    words: bool = False  # break only between words (segmenter, typeset/words.py): headlines, datelines


_SET_BOX = tuple(getattr(Box, name).__set__ for name in ("width", "start", "end", "count", "hang"))
if tuple(f.name for f in fields(Box)) != ("width", "start", "end", "count", "hang"):
    raise ImportError("typeset/items.py: _one_box must set every field of Box (update _SET_BOX)")


def _one_box(width: float, start: int, end: int, count: int) -> Box:
    """Box(width, start, end, count), made at twice the speed: a frozen dataclass's __init__ calls
    object.__setattr__ per field, this sets the slots directly (the composer makes one per character)."""
    box = object.__new__(Box)
    set_width, set_start, set_end, set_count, set_hang = _SET_BOX
    set_width(box, width)
    set_start(box, start)
    set_end(box, end)
    set_count(box, count)
    set_hang(box, 0.0)
    return box


P_KINSOKU = Penalty(INF, "kinsoku")
P_RELAXED = Penalty(cjk.RELAXED_PENALTY, "kinsoku")  # last resort when prohibitions leave no way to fit
P_KEEP = Penalty(INF, "keep")  # leading/trailing spaces: never a break
P_UNIT = Penalty(cjk.NUMBER_UNIT_PENALTY, "unit")
P_SEPARATOR = Penalty(cjk.SEPARATOR_PENALTY, "separator")
P_ANYWHERE = Penalty(cjk.ANYWHERE_PENALTY, "anywhere")
P_END = Penalty(-INF, "end")
P_NBSP = Penalty(cjk.NBSP_PENALTY, "separator")
_CUTS: dict[float, Penalty] = {}


def _cut_penalty(cost: float) -> Penalty:
    """The (shared) penalty of a break inside a token at `cost`."""
    pen = _CUTS.get(cost)
    if pen is None:
        pen = _CUTS[cost] = Penalty(cost, "separator")
    return pen
MARKS = "OCSocsN"
# A Latin word space (between Latin words, or a word and an ASCII mark; issue 11 rule 4): the font's
# space, at most ⅓ em (三分, jlreq §3.8 and JIS X 4051 欧文間, which clreq defers to); it squeezes to
# no less than 0.2 em (as the CJK–Latin space does: LATIN_SPACING_KEEP of ¼ em) and widens first, up
# to ½ em (二分), before any Han gap opens (jlreq §3.8.3); past ½ em it opens only as fast as a Han
# gap (INTER_CHAR_STRETCH), on a line that is over its bounds anyway.
WORD_SPACE_MIN, WORD_SPACE, WORD_SPACE_MAX = 0.2, 1 / 3, 0.5
WORD_SPACE_STRETCH = cjk.INTER_CHAR_STRETCH


@dataclass(frozen=True, kw_only=True)
class Prepared:
    """A paragraph's characters with what setting them needs (parallel tuples, one entry per character)."""

    text: str
    classes: str  # one cjk class letter per character (lower-case o/c/s: a mark set proportionally)
    faces: tuple  # Face that sets each character
    sizes: tuple[float, ...]
    styles: tuple[str, ...]
    advances: tuple[float, ...]  # natural advance (pt)
    blanks: tuple[float, ...]  # an adjustable mark's blank half after pair compression (else 0)


@dataclass(frozen=True)
class Items:
    """The items of one paragraph, the prepared characters they refer to, and warnings."""

    items: tuple[Item, ...]
    prepared: Prepared
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Atoms:
    """The unbreakable units of a paragraph: character ranges, and each one's blanks (lead, trail)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    leads: tuple[float, ...]  # adjustable blank before the ink (opening marks)
    trails: tuple[float, ...]  # adjustable blank after the ink (closing marks, stops)


_METRICS: dict = {}  # TextFont → {char: (face, advance, class)}: one lookup per character and font


def _metrics(font: TextFont) -> dict:
    """The per-character (face, advance, class) cache of a font (Face.advance via the fallback chain)."""
    table = _METRICS.get(font)
    if table is None:
        table = _METRICS[font] = {}
    return table


def _measure(font: TextFont, table: dict, char: str) -> tuple:
    """Measure and classify `char` in `font` once: (face, advance, class; a mark narrower than ¾ em
    is classed lower-case, i.e. set proportionally)."""
    face = font.face_for(char) or font.face
    advance, cls = face.advance(char, font.size), cjk.char_class(char)
    if cls in "OCS" and advance < cjk.ADJUSTABLE_MIN * font.size:
        cls = cls.lower()
    entry = table[char] = (face, advance, cls)
    return entry


def prepare(spans: Sequence[Span]) -> Prepared:
    """Measure and classify every character of the spans (marks narrower than ¾ em are not adjusted)."""
    texts, classes, faces, sizes, styles, advances = [], [], [], [], [], []
    for span in spans:
        font, text = span.font, span.text
        table = _metrics(font)
        get = table.get
        entries = [get(char) or _measure(font, table, char) for char in text]
        if entries:
            face, advance, cls = zip(*entries)
            faces.extend(face)
            advances.extend(advance)
            classes.extend(cls)
        texts.append(text)
        sizes.extend([font.size] * len(text))
        styles.extend([span.style] * len(text))
    return Prepared(text="".join(texts), classes="".join(classes), faces=tuple(faces), sizes=tuple(sizes),
                    styles=tuple(styles), advances=tuple(advances), blanks=())


def segment(prepared: Prepared, pair_compression: float) -> Atoms:
    """Cut the paragraph into atoms and compute each mark's blanks after pair compression."""
    text, classes = prepared.text, prepared.classes
    starts, ends, i, n = [], [], 0, len(text)
    while i < n:
        cls = classes[i]
        if cls == "W":
            i += 1
            continue
        j = i + 1
        if cls == "L":
            while j < n and classes[j] == "L":
                j += 1
        elif text[i] in cjk.UNBREAKABLE_RUNS:
            while j < n and text[j] == text[i]:
                j += 1
        starts.append(i)
        ends.append(j)
        i = j
    starts, ends = _join_ranges(text, classes, starts, ends)
    leads, trails = _blanks(prepared, starts, ends, pair_compression)
    return Atoms(tuple(starts), tuple(ends), tuple(leads), tuple(trails))


def _join_ranges(text: str, classes: str, starts: list, ends: list) -> tuple[list, list]:
    """Join `number—number` (— – ～ between digits, no spaces) into one atom: a range never breaks."""
    out_s, out_e = [], []
    k, n = 0, len(starts)
    while k < n:
        s, e = starts[k], ends[k]
        while (classes[s] == "L" and k + 2 < n and text[e - 1].isdigit() and starts[k + 1] == e
               and ends[k + 1] == e + 1 and text[e] in cjk.RANGE_JOINERS and starts[k + 2] == e + 1
               and classes[e + 1] == "L" and text[e + 1].isdigit()):
            e = ends[k + 2]
            k += 2
        out_s.append(s)
        out_e.append(e)
        k += 1
    return out_s, out_e


def _blanks(prepared: Prepared, starts: list, ends: list, pair_compression: float) -> tuple[list, list]:
    """Blank halves of adjustable marks; adjacent pairs lose `pair_compression` em (2 → 1.5 em)."""
    classes, advances, sizes = prepared.classes, prepared.advances, prepared.sizes
    n = len(starts)
    leads, trails = [0.0] * n, [0.0] * n
    for k in range(n):
        cls = classes[starts[k]]
        if cls == "O":
            leads[k] = advances[starts[k]] / 2
        elif cls == "C" or cls == "S":
            trails[k] = advances[starts[k]] / 2
    if pair_compression > 0:
        for k in range(1, n):
            left, right = starts[k - 1], starts[k]
            if classes[left] in "OCS" and classes[right] in "OCS" and ends[k - 1] == right:
                _compress_pair(leads, trails, k, pair_compression * max(sizes[left], sizes[right]))
    return leads, trails


def _compress_pair(leads: list, trails: list, k: int, amount: float) -> None:
    """Remove `amount` from the blanks of marks k-1 and k: between the inks first, then outside."""
    for side, index in ((trails, k - 1), (leads, k), (trails, k), (leads, k - 1)):
        take = min(amount, side[index])
        side[index] -= take
        amount -= take


def build_items(spans: Sequence[Span], measure: float, config: ComposeConfig, relaxed: bool = False,
                keep: frozenset[int] = frozenset(), eager: bool = False,
                discourage: frozenset[int] = frozenset()) -> Items:
    """The box/glue/penalty items of one paragraph (first-line indent, atoms, gaps, forced end);
    `relaxed`: prohibited breaks become merely very costly (when the measure leaves no other way);
    `keep`: character positions p where the paragraph may not break between p−1 and p (inside a word
    of a headline, a name of a dateline); `eager`: every token with a separator may be cut (even
    colour, when a line would otherwise open its gaps by more than ½ em); `discourage`: positions
    where a break costs NUMBER_UNIT_PENALTY (a dateline credit and its name)."""
    prepared = prepare(spans)
    atoms = segment(prepared, config.pair_compression)
    blanks, classes = [0.0] * len(prepared.text), prepared.classes
    for start, lead, trail in zip(atoms.starts, atoms.leads, atoms.trails):
        if classes[start] in "OCS":
            blanks[start] = lead + trail
    prepared = Prepared(text=prepared.text, classes=prepared.classes, faces=prepared.faces, sizes=prepared.sizes,
                        styles=prepared.styles, advances=prepared.advances, blanks=tuple(blanks))
    builder = _Builder(prepared, atoms, measure, config, P_RELAXED if relaxed else P_KINSOKU, keep, eager)
    builder.discourage = discourage
    builder.indent = _indent(spans, measure, config, builder.warnings)
    items = builder.run(builder.indent)
    return Items(tuple(items), prepared, tuple(builder.warnings))


def _indent(spans: Sequence[Span], measure: float, config: ComposeConfig, warnings: list) -> float:
    """First-line indent in pt: config.indent em of the body size (dropped if the measure is too narrow)."""
    if config.indent <= 0 or not spans:
        return 0.0
    size = next((s.font.size for s in spans if s.style == "body"), spans[0].font.size)
    indent = config.indent * size
    if indent + size > measure + EPS:
        warnings.append(_("measure {measure} pt too narrow for a {indent}-字 indent: indent dropped").format(
            measure=f"{measure:.2f}", indent=f"{config.indent:g}"))
        return 0.0
    return indent


class _Builder:
    """Turns atoms and gaps into items (a small stateful helper, used once per paragraph)."""

    def __init__(self, prepared: Prepared, atoms: Atoms, measure: float, config: ComposeConfig,
                 prohibit: Penalty, keep: frozenset[int] = frozenset(), eager: bool = False) -> None:
        self.p, self.a, self.measure, self.config, self.prohibit = prepared, atoms, measure, config, prohibit
        self.keep, self.eager, self.discourage, self.indent = keep, eager, frozenset(), 0.0
        self.opening_quotes = _opening_quotes(prepared.text)
        self.not_start = cjk.NOT_AT_START[config.kinsoku]
        self.not_end = cjk.NOT_AT_END[config.kinsoku]
        self.numbers = config.kinsoku != "none"
        self.warnings: list[str] = []
        self.glues: dict = {}
        # the parallel tuples read for every gap and box, one attribute lookup away
        self.text, self.classes, self.sizes = prepared.text, prepared.classes, prepared.sizes
        self.advances = prepared.advances
        self.starts, self.ends, self.leads, self.trails = atoms.starts, atoms.ends, atoms.leads, atoms.trails

    def run(self, indent: float) -> list:
        """All items: indent box, then for each atom the gap before it and its box(es), then the end."""
        out: list = [Box(width=indent)] if indent > 0 else []
        starts, ends, n = self.a.starts, self.a.ends, len(self.p.text)
        if not starts or starts[0] > 0:  # leading spaces: kept, never a break
            out.append(P_KEEP)
            self._spaces(out, 0, starts[0] if starts else n, 0.0)
        gap, box = self._gap, self._box
        for k in range(len(starts)):
            if k:
                gap(out, k)
            box(out, k)
        if starts and ends[-1] < n:  # trailing spaces: kept on the last line
            out.append(P_KEEP)
            self._spaces(out, ends[-1], n, 0.0)
        out.append(P_END)
        return out

    def _glue(self, width: float, stretch: float, shrink: float) -> Glue:
        """A shared Glue instance (frozen, so equal gaps reuse one object)."""
        key = (width, stretch, shrink)
        glue = self.glues.get(key)
        if glue is None:
            glue = self.glues[key] = Glue(width, stretch, shrink)
        return glue

    def _gap(self, out: list, k: int) -> None:
        """Items between atom k-1 and atom k: a penalty if breaking is prohibited or discouraged, then glue."""
        text, classes = self.text, self.classes
        le, rs = self.ends[k - 1], self.starts[k]
        lc, rc, lt, rt = classes[le - 1], classes[rs], text[le - 1], text[rs]
        if lc == "H" and rc == "H" and rs == le:  # two ideographs (single-character atoms) side by side
            self._han_gap(out, lt, rt, self.trails[k - 1] + self.leads[k], le)
            return
        left_unit = cjk.token_unit(text[self.starts[k - 1]:le], True) if lc == "L" else text[self.starts[k - 1]:le]
        right_unit = cjk.token_unit(text[rs:self.ends[k]], False) if rc == "L" else text[rs:self.ends[k]]
        blank = self.trails[k - 1] + self.leads[k]
        if rs in self.keep or left_unit in self.not_end or right_unit in self.not_start or (
                self.numbers and (rt in cjk.POSTFIX or lt in cjk.PREFIX or self._quote_binds(le - 1, rs))):
            out.append(self.prohibit)
        elif (lc == "L" and rc == "H" and lt.isdigit() and rt != "\u3000") or rs in self.discourage:
            out.append(P_UNIT)
        left_size, right_size = self.sizes[le - 1], self.sizes[rs]
        em = right_size if right_size > left_size else left_size  # max(), without the call
        han_latin = (lc == "H" and rc == "L" and lt != "\u3000") or (lc == "L" and rc == "H" and rt != "\u3000")
        if rs > le:
            if han_latin and all(text[i] == " " for i in range(le, rs)):
                self._latin_space(out, le, rs, blank, em)  # a typed space next to Han is the one space
            else:
                self._spaces(out, le, rs, blank, lc == "L" or rc == "L", self.eager and rs in self.discourage)
            return
        width = blank
        stretch = cjk.INTER_CHAR_STRETCH * em if _STRETCHABLE[lc][rc] else 0.0
        shrink = width
        if han_latin and (rt.isalnum() if lc == "H" else lt.isalnum()):
            self._latin_space(out, le, rs, blank, em)
            return
        if out[-1] is self.prohibit and width == 0.0 and stretch == 0.0:
            return  # nothing to set and no break: the marker penalty alone separates the boxes
        glue = self.glues.get((width, stretch, shrink))
        out.append(glue if glue is not None else self._glue(width, stretch, shrink))

    def _latin_space(self, out: list, start: int, end: int, blank: float, em: float) -> None:
        """The one CJK–Latin space (`latin_spacing` em) between Han and Latin, typed or not: it stretches
        a fifth of the inter-character glue and keeps LATIN_SPACING_KEEP of itself when squeezed. A typed
        space (start < end) keeps its character (copy and sidecar text), set at this width."""
        space = self.config.latin_spacing * em
        rate = cjk.INTER_CHAR_STRETCH if self.eager else cjk.LATIN_SPACING_STRETCH
        width, stretch = blank + space, rate * em if space else 0.0
        shrink = blank + space - space * cjk.LATIN_SPACING_KEEP
        if start == end:
            glue = self.glues.get((width, stretch, shrink))
            out.append(glue if glue is not None else self._glue(width, stretch, shrink))
            return
        out.append(Glue(width, stretch, shrink, start))
        for i in range(start + 1, end):  # more typed spaces: set at no width (one space, not two)
            out.append(Glue(0.0, 0.0, 0.0, i))

    def _quote_binds(self, left: int, right: int) -> bool:
        """An ASCII opening quote at `left` (the end of the left atom) or closing quote at `right` (the
        start of the right atom) keeps the gap between them unbroken, like “ and ”."""
        text = self.text
        return ((text[left] in cjk.ASCII_QUOTES and left in self.opening_quotes)
                or (text[right] in cjk.ASCII_QUOTES and right not in self.opening_quotes
                    and _is_quote(text, right)))

    def _han_gap(self, out: list, lt: str, rt: str, blank: float, at: int) -> None:
        """_gap for two ideographs touching at character `at` (the common case, without the checks that
        cannot apply: no unit penalty, no Latin spacing, always 均排 stretch)."""
        if at in self.keep or lt in self.not_end or rt in self.not_start or (
                self.numbers and (rt in cjk.POSTFIX or lt in cjk.PREFIX)):
            out.append(self.prohibit)
        left_size, right_size = self.sizes[at - 1], self.sizes[at]
        em = right_size if right_size > left_size else left_size
        stretch = cjk.INTER_CHAR_STRETCH * em
        if out[-1] is self.prohibit and blank == 0.0 and stretch == 0.0:
            return
        glue = self.glues.get((blank, stretch, blank))
        out.append(glue if glue is not None else self._glue(blank, stretch, blank))

    def _spaces(self, out: list, start: int, end: int, blank: float, latin: bool = False,
                credit: bool = False) -> None:
        """One glue per space character: the first a Latin word space (word_space) if `latin`, the
        others (and spaces between Han) stretch ½ and shrink ⅓ of their width; the space between a
        dateline credit and its name (`credit`, in the even-colour pass only: `记者 邵雨晴`) may close up
        entirely on a squeezed line (`记者邵雨晴`, as many papers set it) rather than leave the credit
        line letterspaced and its name alone at the start of the next."""
        for i in range(start, end):
            if latin and i == start:
                out.append(word_space(self.p.advances[i], self.p.sizes[i], i, blank))
            else:
                adv = self.p.advances[i]
                shrink = adv if credit else adv * cjk.SPACE_SHRINK
                out.append(Glue(adv + blank, adv * cjk.SPACE_STRETCH, shrink + blank, i))
            blank = 0.0

    def _box(self, out: list, k: int) -> None:
        """The box of atom k: a mark's ink, or the whole atom (split if it is a token wider than the measure)."""
        start, end = self.starts[k], self.ends[k]
        cls = self.classes[start]
        if cls == "H":
            out.append(_one_box(self.advances[start], start, end, 0 if self.text[start] == "\u3000" else 1))
            return
        p = self.p
        if cls in "OCS":
            ink = p.advances[start] / 2
            width = ink + (self.leads[k] if k == 0 else 0.0)
            hang = ink if self.config.hanging and p.text[start] in cjk.HANGABLE else 0.0
            out.append(Box(width=width, start=start, end=end, count=0, hang=hang))
            return
        width = sum(p.advances[start:end])
        if cls == "L":
            over = width > self.measure - self.indent + EPS  # (on the first line it may follow the indent)
            cuts = self._cuts(start, end, over, width / p.sizes[start])
            if over or cuts or any(c in cjk.NO_BREAK_SPACES for c in p.text[start:end]):
                self._token(out, start, end, cuts, over)
                return
            if self.eager and p.styles[start] == "body" and self._hyphenated(out, start, end):
                return
        out.append(Box(width=width, start=start, end=end, count=_count(p.text, start, end)))

    def _hyphenated(self, out: list, start: int, end: int) -> bool:
        """An English word cut at its hyphenation points (typeset/hyphen.py), a penalty as wide as the
        visible hyphen between the pieces; False (nothing added) when the word may not be hyphenated."""
        p = self.p
        points = hyphen.points(p.text[start:end])
        if not points:
            return False
        width = p.faces[start].advance(hyphen.HYPHEN, p.sizes[start])
        bounds = [start, *(start + at for at in points), end]
        for n, (s, e) in enumerate(zip(bounds, bounds[1:])):
            if n:
                out.append(Penalty(hyphen.HYPHEN_PENALTY, "hyphen", width))
            out.append(Box(width=sum(p.advances[s:e]), start=s, end=e, count=_count(p.text, s, e)))
        return True

    def _cuts(self, start: int, end: int, over: bool, em_wide: float) -> list[tuple[int, float]]:
        """Where a token may break, with the cost: after / \\ . - _ @ = & (and ? # in a URL), or before a
        `.` between letters or digits (_before_dot, preferred to after it), leaving CUT_MIN characters on
        each side, never inside a run of separators (`//`), never before a closing
        bracket/quote or a stop, never after an opening one, never inside a number (`3.11`, `2023-09`);
        Only tokens wider than the measure, URL-like tokens at least BREAKABLE_EM wide, or (eager) any
        token are cut. A no-break space is a word space that breaks only when the phrase is wider than
        the measure (or eager): elsewhere its cost is infinite."""
        text = self.text
        token = text[start:end]
        nbsp = [(i, cjk.NBSP_PENALTY if over or self.eager else INF)
                for i in range(start + 1, end) if text[i] in cjk.NO_BREAK_SPACES]
        if not over and not (self.eager and em_wide >= 3.0) and not (
                em_wide >= cjk.BREAKABLE_EM and any(c in cjk.URLISH for c in token)):
            return nbsp
        seps = cjk.TOKEN_SEPARATORS + (cjk.URL_SEPARATORS if "://" in token or "www." in token else "")
        stops = cjk.ASCII_CLOSING + cjk.ASCII_QUOTES + ",;:!?." + seps + cjk.NO_BREAK_SPACES
        out = []
        for i in range(start + cjk.CUT_MIN, end - cjk.CUT_MIN + 1):
            a, b = text[i - 1], text[i]
            if a in cjk.NO_BREAK_SPACES or b in cjk.NO_BREAK_SPACES:
                continue
            if b == "." and _before_dot(text, i):
                out.append((i, cjk.DOT_BEFORE_PENALTY))
                continue
            if a not in seps or b in stops or text[i - 2] in cjk.ASCII_OPENING:
                continue
            if a in ".-" and (b.isdigit() and text[i - 2].isdigit()):
                continue  # inside a number or a version (3.11, v2.3.1, 12647-3)
            if text[start] in "./" and text[start:i].strip("./") == "":
                continue  # never right after a leading `/` or `.`
            cost = cjk.SCHEME_PENALTY if text[i - 3:i] == "://" else cjk.CUT_PENALTY[a]
            out.append((i, cost))
        return sorted(out + nbsp)

    def _token(self, out: list, start: int, end: int, cuts: list, over: bool) -> None:
        """A token cut at its break points (wider than the measure: warned; a piece still wider than the
        measure is broken between any two characters, with a warning). A no-break space is glue (a word
        space that stretches) after its penalty, never a break when the penalty is infinite."""
        p = self.p
        token = p.text[start:end]
        if over and sum(p.advances[start:end]) > self.measure + EPS:
            self.warnings.append((_("'{token}' is wider than the measure: broken after / . - _ @ \\ = &") if cuts
                                  else _("'{token}' is wider than the measure")).format(token=_short(token)))
        bounds = [start, *[i for i, _ in cuts], end]
        costs = [0.0, *[c for _, c in cuts]]
        for piece in range(len(bounds) - 1):
            s, e = bounds[piece], bounds[piece + 1]
            if piece:
                out.append(P_KEEP if costs[piece] == INF else _cut_penalty(costs[piece]))
                if p.text[s] in cjk.NO_BREAK_SPACES:  # broken at a no-break space: it is the glue
                    out.append(word_space(p.advances[s], p.sizes[s], s))
                    s += 1
            width = sum(p.advances[s:e])
            if width <= self.measure - self.indent + EPS:  # (may follow the first-line indent)
                out.append(Box(width=width, start=s, end=e, count=_count(p.text, s, e)))
                continue
            self.warnings.append(_("'{token}' has no / . - _ @ \\ = & to break at: it may be broken between any "
                                   "two characters").format(token=_short(p.text[s:e])))
            for i in range(s, e):
                if i > s:
                    out.append(P_ANYWHERE)
                out.append(Box(width=p.advances[i], start=i, end=i + 1, count=_count(p.text, i, i + 1)))


def _before_dot(text: str, i: int) -> bool:
    """Whether a token may break before the `.` at i (CMOS 14.18: the dot starts the next line, so the
    line never ends in what reads as a full stop): a letter or digit on both sides, not inside a number."""
    left, right = text[i - 1], text[i + 1]
    return left.isalnum() and right.isalnum() and not (left.isdigit() and right.isdigit())


def word_space(advance: float, size: float, index: int, blank: float = 0.0) -> Glue:
    """The glue of a Latin word space (a typed or no-break space) of a font whose space is `advance` pt
    at `size`: WORD_SPACE_MIN…WORD_SPACE_MAX em, given before stretch (see WORD_SPACE)."""
    width = min(max(advance, WORD_SPACE_MIN * size), WORD_SPACE * size)  # (a font's space may be wider)
    return Glue(width + blank, WORD_SPACE_STRETCH * size, width - WORD_SPACE_MIN * size + blank, index,
                WORD_SPACE_MAX * size - width)


def _is_quote(text: str, i: int) -> bool:
    """Whether the ASCII ' or " at i is a quote (an apostrophe between letters is not)."""
    if text[i] == "'":
        return not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())
    return True


def _opening_quotes(text: str) -> frozenset[int]:
    """Positions of the ASCII quotes that open (every other one of each kind, apostrophes skipped)."""
    if '"' not in text and "'" not in text:
        return frozenset()
    out, seen = set(), {'"': 0, "'": 0}
    for i, char in enumerate(text):
        if char in seen and _is_quote(text, i):
            if seen[char] % 2 == 0:
                out.add(i)
            seen[char] += 1
    return frozenset(out)


def _stretchable(lc: str, rc: str) -> bool:
    """Whether 均排 may widen the gap (not after an opening mark, before a closing mark or stop, or
    between two marks): brackets and stops hug their text (TYPOGRAPHY.md §2 均排)."""
    if lc in "Oo" or rc in "CcSs":
        return False
    return not (lc in MARKS and rc in MARKS)


_STRETCHABLE = {left: {right: _stretchable(left, right) for right in cjk.CLASSES} for left in cjk.CLASSES}


def _count(text: str, start: int, end: int) -> int:
    """Characters counted for 孤字 in text[start:end]."""
    return sum(1 for c in text[start:end] if cjk.is_counted(c))


def _short(text: str, limit: int = 24) -> str:
    """`text` shortened for a warning."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
