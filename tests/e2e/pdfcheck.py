"""A reusable PDF-side typography checker: a built PDF read back glyph by glyph with pdfplumber.

Only *where* things are comes from the build's sidecar (`<issue-id>.layout.json` beside the PDF): which
article, column and kind every line is, its baseline, and the column and slot boxes. Everything measured
— which characters start and end a line, where their ink is, the space between them — comes from the
glyph positions in the PDF (pdfplumber chars: x0, x1, top, bottom, size, text, text matrix).

    from e2e.pdfcheck import check_pdf
    report = check_pdf(result.issue_pdf)           # sidecar found beside it
    assert report.prohibited_starts == []
    print(report.summary())

or from a shell: `python tests/e2e/pdfcheck.py build/x.pdf` prints the summary and the defects.

Per page it finds:
- prohibited line starts / ends (clreq, `layout.cjk.NOT_AT_START` / `NOT_AT_END` at the `level`
  given, default strict; plus ASCII `( [ {` at a line end and `) ] }` at a line start). A paragraph's
  first line is not checked for its start, its last line not for its end;
- glyphs whose ink is past the left or right edge of their column (body lines) or slot (headline,
  kicker, deck, label lines), beyond `edge_tol` (0.05 pt);
- ink overlaps between neighbouring glyphs of a line;
- letterspacing: per body line the largest gap between two consecutive Han ideographs beyond their
  advance (x0[i+1] − x1[i], in em of the glyph size, i.e. the body size), and the lines over ¼ em and
  over ½ em;
- Han–Latin gaps: the space between a Han ideograph and an adjacent Latin letter or digit (in em);
- headline lines (headline, kicker, deck) that hold one single Latin word or number and nothing else;
- holes: body lines, not a paragraph's last, whose ink ends more than a quarter of the column short of
  its right edge (`市` alone after the indent, a word alone on a line).

A full-width mark's ink is taken as the half of its em box the GB style puts it in (left half for stops
and closing marks, right half for opening marks) when the glyph is drawn a full em wide; other glyphs'
ink is their advance box. Pairs that the copy separates with a typed space (the sidecar's line text
has a space there, e.g. `记者 刘菲`) are word spaces, not letterspacing, and are left out of the gap
measures.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from layout import cjk

EDGE_TOL = 0.05  # pt: a glyph's ink may pass its column edge by this much (rounding)
OVERLAP_TOL = 0.01  # pt: two neighbours' ink may overlap by this much
HEADLINE_KINDS = ("headline", "kicker", "deck")
ASCII_NOT_AT_END = frozenset("([{")
ASCII_NOT_AT_START = frozenset(")]}")
_LATIN_TOKEN = re.compile(r"^[0-9A-Za-z\u00c0-\u024f]+(?:[.\-_+#'’/][0-9A-Za-z\u00c0-\u024f]+)*[+#]?$")


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (basic block, extensions A–F, compatibility ideographs), or 〇."""
    o = ord(ch) if len(ch) == 1 else -1
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F
            or 0xF900 <= o <= 0xFAFF or ch == "〇")


def is_latin(ch: str) -> bool:
    """A Latin letter or a digit (ASCII or Latin-1/Extended-A/B), the Latin side of a Han–Latin pair."""
    return len(ch) == 1 and ch.isalnum() and not is_han(ch) and (ch.isascii() or 0xC0 <= ord(ch) <= 0x24F)


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    baseline: float  # PDF user space (origin bottom left), like the sidecar
    space_before: bool = False  # the copy has a typed space between this glyph and the previous one

    @property
    def ink(self) -> tuple[float, float]:
        """Where the glyph's ink is: half the em box for a full-width stop/closing/opening mark."""
        kind = cjk.char_class(self.text)
        half = self.size / 2
        if self.x1 - self.x0 >= self.size - 0.01:
            if kind in ("C", "S"):
                return self.x0, self.x0 + half
            if kind == "O":
                return self.x0 + half, self.x1
        return self.x0, self.x1


@dataclass
class Line:
    """One set line of the sidecar with the glyphs read back from the PDF on its baseline and box."""
    page: int  # 版次
    article: str
    column: int  # page column number (1 = leftmost) the line starts in
    kind: str  # body, headline, kicker, deck, label …
    baseline: float
    box: tuple[float, float]  # x0, x1 of the column (body) or slot (other kinds)
    first: bool
    last: bool
    record_text: str
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The line's glyphs as read from the PDF, left to right."""
        return "".join(g.text for g in self.glyphs)

    @property
    def display(self) -> str:
        """The same with a space where the copy has a typed one (for messages)."""
        return "".join((" " if g.space_before else "") + g.text for g in self.glyphs)

    def where(self) -> str:
        return f"p{self.page} {self.article} col {self.column} {self.kind} @{self.baseline:.2f}"


@dataclass(frozen=True)
class Defect:
    page: int
    article: str
    column: int
    kind: str
    baseline: float
    text: str  # the whole line as read from the PDF
    detail: str  # what is wrong (the character(s), the amount)
    value: float = 0.0  # the amount, when there is one (pt or em)

    def __str__(self) -> str:
        return (f"p{self.page} {self.article} col {self.column} {self.kind} @{self.baseline:.2f}: "
                f"{self.detail} | {self.text}")


def _defect(line: Line, detail: str, value: float = 0.0) -> Defect:
    return Defect(line.page, line.article, line.column, line.kind, line.baseline, line.display, detail, value)


@dataclass
class PageReport:
    number: int
    label: str
    lines: int = 0  # all set lines with glyphs
    body_lines: int = 0
    prohibited_starts: list[Defect] = field(default_factory=list)
    prohibited_ends: list[Defect] = field(default_factory=list)
    past_edge: list[Defect] = field(default_factory=list)  # one per glyph
    overlaps: list[Defect] = field(default_factory=list)  # one per glyph pair
    letterspacing: list[Defect] = field(default_factory=list)  # one per body line with a Han–Han pair: max gap (em)
    han_latin: list[Defect] = field(default_factory=list)  # one per Han–Latin pair: gap (em)
    single_word_headlines: list[Defect] = field(default_factory=list)
    holes: list[Defect] = field(default_factory=list)  # body lines (not last) short by over ¼ of the column
    text_mismatches: list[Defect] = field(default_factory=list)  # PDF glyphs ≠ sidecar text (checker sanity)
    stray_glyphs: list[str] = field(default_factory=list)  # glyphs on no line and in no furniture box

    @property
    def over_quarter_em(self) -> list[Defect]:
        return [d for d in self.letterspacing if d.value > 0.25 + 1e-6]

    @property
    def over_half_em(self) -> list[Defect]:
        return [d for d in self.letterspacing if d.value > 0.5 + 1e-6]


def _sum(name):
    def get(self):
        out = []
        for p in self.pages:
            out.extend(getattr(p, name))
        return out
    get.__name__ = name
    get.__doc__ = f"`{name}` of every page"
    return property(get)


@dataclass
class Report:
    pdf: Path
    pages: list[PageReport]
    lines_checked: list[Line] = field(default_factory=list, repr=False)

    prohibited_starts = _sum("prohibited_starts")
    prohibited_ends = _sum("prohibited_ends")
    past_edge = _sum("past_edge")
    overlaps = _sum("overlaps")
    letterspacing = _sum("letterspacing")
    over_quarter_em = _sum("over_quarter_em")
    over_half_em = _sum("over_half_em")
    han_latin = _sum("han_latin")
    single_word_headlines = _sum("single_word_headlines")
    holes = _sum("holes")
    text_mismatches = _sum("text_mismatches")
    stray_glyphs = _sum("stray_glyphs")

    @property
    def lines(self) -> int:
        return sum(p.lines for p in self.pages)

    @property
    def body_lines(self) -> int:
        return sum(p.body_lines for p in self.pages)

    @property
    def worst_letterspacing(self) -> Defect | None:
        return max(self.letterspacing, key=lambda d: d.value, default=None)

    def han_latin_range(self, kinds: tuple[str, ...] | None = None) -> tuple[float, float] | None:
        """(min, max) Han–Latin gap in em over the lines of `kinds` (all when None); None if no pair."""
        values = [d.value for d in self.han_latin if kinds is None or d.kind in kinds]
        return (min(values), max(values)) if values else None

    def summary(self) -> str:
        worst = self.worst_letterspacing
        hl = self.han_latin_range()
        hl_body = self.han_latin_range(("body",))
        fmt = lambda r: f"{r[0]:.3f}–{r[1]:.3f} em" if r else "none"  # noqa: E731
        rows = [f"{self.pdf.name}: {len(self.pages)} page(s), {self.lines} lines ({self.body_lines} body)",
                f"  prohibited starts {len(self.prohibited_starts)}, ends {len(self.prohibited_ends)}",
                f"  glyphs past a column edge {len(self.past_edge)}, ink overlaps {len(self.overlaps)}",
                f"  Han–Han letterspacing: lines over 1/4 em {len(self.over_quarter_em)}, "
                f"over 1/2 em {len(self.over_half_em)}"
                + (f"; worst {worst.value:.3f} em: {worst}" if worst else ""),
                f"  Han–Latin gaps: {len(self.han_latin)} pairs, {fmt(hl)} (body {fmt(hl_body)})",
                f"  single-word headline lines {len(self.single_word_headlines)}, holes {len(self.holes)}",
                f"  checker sanity: text mismatches {len(self.text_mismatches)}, stray glyphs {len(self.stray_glyphs)}"]
        return "\n".join(rows)

    def details(self, limit: int = 40) -> str:
        out = []
        for name in ("prohibited_starts", "prohibited_ends", "past_edge", "overlaps", "over_half_em",
                     "over_quarter_em", "single_word_headlines", "holes", "text_mismatches"):
            items = getattr(self, name)
            if items:
                out.append(f"{name} ({len(items)}):")
                out.extend(f"  {d}" for d in items[:limit])
        bad_hl = [d for d in self.han_latin if not 0.2 - 1e-6 <= d.value <= 0.3 + 1e-6]
        if bad_hl:
            out.append(f"han_latin outside [0.2, 0.3] em ({len(bad_hl)}):")
            out.extend(f"  {d}" for d in sorted(bad_hl, key=lambda d: d.value)[:limit])
        return "\n".join(out)


def sidecar_for(pdf: Path) -> Path:
    """The sidecar JSON beside a built issue PDF (its `pdf` field names the PDF)."""
    pdf = Path(pdf)
    for cand in sorted(pdf.parent.glob("*.layout.json")):
        try:
            if json.loads(cand.read_text(encoding="utf-8")).get("pdf") == pdf.name:
                return cand
        except (OSError, ValueError):
            continue
    return pdf.with_name(pdf.stem + ".layout.json")


def _lines_of(page: dict) -> list[Line]:
    columns = page["columns"]
    out = []
    for art in page["articles"]:
        slot = art["slot"]
        for rec in art["lines"]:
            if rec["kind"] == "body":
                col = columns[rec["column"] - 1]
                box = (col[0], col[2])
            else:
                box = (slot[0], slot[2])
            out.append(Line(page["number"], art["id"], rec["column"], rec["kind"], rec["baseline"], box,
                            rec["first"], rec["last"], rec["text"]))
    return out


def _assign(lines: list[Line], chars: list[dict], furniture: list, base_tol: float) -> list[str]:
    """Put every glyph on the line of its baseline whose box is nearest; return the ones left over."""
    by_base: dict[int, list[Line]] = {}
    for line in lines:
        by_base.setdefault(round(line.baseline), []).append(line)
    stray = []
    for c in chars:
        base = c["matrix"][5]
        cands = [ln for k in (round(base) - 1, round(base), round(base) + 1) for ln in by_base.get(k, ())
                 if abs(ln.baseline - base) <= base_tol]
        mid = (c["x0"] + c["x1"]) / 2
        if not cands:
            in_furniture = any(b[0] - 1 <= mid <= b[2] + 1 and b[1] - 1 <= base <= b[3] + 1
                               for b in (f["box"] for f in furniture))
            if not in_furniture:
                stray.append(f"{c['text']!r} at x {c['x0']:.2f} baseline {base:.2f}")
            continue
        line = min(cands, key=lambda ln: 0.0 if ln.box[0] <= mid <= ln.box[1]
                   else min(abs(mid - ln.box[0]), abs(mid - ln.box[1])))
        line.glyphs.append(Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], base))
    return stray


def _mark_spaces(line: Line) -> bool:
    """Flag glyphs the copy separates from their left neighbour by a typed space; False if texts differ."""
    line.glyphs.sort(key=lambda g: g.x0)
    want = line.record_text
    if "".join(ch for ch in want if not ch.isspace()) != line.text:
        return False
    marked, k = [], 0
    for g in line.glyphs:
        spaced = False
        while k < len(want) and want[k].isspace():
            spaced, k = True, k + 1
        k += 1
        marked.append(Glyph(g.text, g.x0, g.x1, g.top, g.bottom, g.size, g.baseline, spaced and bool(marked)))
    line.glyphs = marked
    return True


def _check_line(line: Line, rep: PageReport, level: str, edge_tol: float) -> None:
    gl = line.glyphs
    text = line.text
    # 避头尾
    if not line.first:
        unit = cjk.line_start_unit(text)
        if not cjk.may_start(unit, level) or unit in ASCII_NOT_AT_START:
            rep.prohibited_starts.append(_defect(line, f"starts with {unit!r}"))
    if not line.last:
        unit = cjk.line_end_unit(text)
        if not cjk.may_end(unit, level) or unit in ASCII_NOT_AT_END:
            rep.prohibited_ends.append(_defect(line, f"ends with {unit!r}"))
    # holes: a justified body line left short
    if line.kind == "body" and not line.last and gl:
        short = line.box[1] - max(g.ink[1] for g in gl)
        if short > (line.box[1] - line.box[0]) / 4:
            rep.holes.append(_defect(line, f"{short:.1f} pt short of the column edge", short))
    # column edges
    for g in gl:
        left, right = g.ink
        if left < line.box[0] - edge_tol:
            rep.past_edge.append(_defect(line, f"{g.text!r} {line.box[0] - left:.2f} pt past the left edge",
                                         line.box[0] - left))
        if right > line.box[1] + edge_tol:
            rep.past_edge.append(_defect(line, f"{g.text!r} {right - line.box[1]:.2f} pt past the right edge",
                                         right - line.box[1]))
    # neighbours
    worst = None
    for a, b in zip(gl, gl[1:]):
        if b.ink[0] < a.ink[1] - OVERLAP_TOL:
            rep.overlaps.append(_defect(line, f"{a.text + b.text!r} ink overlaps by {a.ink[1] - b.ink[0]:.2f} pt",
                                        a.ink[1] - b.ink[0]))
        if b.space_before:
            continue
        if is_han(a.text) and is_han(b.text):
            gap = (b.x0 - a.x1) / a.size
            if worst is None or gap > worst[0]:
                worst = (gap, a.text + b.text)
        elif (is_han(a.text) and is_latin(b.text)) or (is_latin(a.text) and is_han(b.text)):
            size = a.size if is_han(a.text) else b.size
            gap = (b.x0 - a.x1) / size
            rep.han_latin.append(_defect(line, f"{a.text + b.text!r} gap {gap:.3f} em", gap))
    if line.kind == "body" and worst is not None:
        rep.letterspacing.append(_defect(line, f"{worst[1]!r} gap {worst[0]:.3f} em", worst[0]))
    # a headline line that is one Latin word (or number) alone
    if line.kind in HEADLINE_KINDS and _LATIN_TOKEN.match(re.sub(r"\s", "", text)):
        rep.single_word_headlines.append(_defect(line, f"single Latin word {text!r}"))


def check_pdf(pdf: Path | str, sidecar: Path | str | None = None, *, level: str = "strict",
              edge_tol: float = EDGE_TOL, base_tol: float = 0.05) -> Report:
    """Check every page of a built issue PDF against the line records of its sidecar."""
    pdf = Path(pdf)
    side = json.loads(Path(sidecar or sidecar_for(pdf)).read_text(encoding="utf-8"))
    report = Report(pdf, [])
    with pdfplumber.open(pdf) as doc:
        for spage in side["pages"]:
            chars = [c for c in doc.pages[spage["index"]].chars if c["text"].strip()]
            lines = _lines_of(spage)
            rep = PageReport(spage["number"], spage.get("label", ""))
            rep.stray_glyphs = _assign(lines, chars, spage.get("furniture") or [], base_tol)
            for line in lines:
                if not line.glyphs:
                    continue
                if not _mark_spaces(line):
                    rep.text_mismatches.append(_defect(line, f"sidecar has {line.record_text!r}"))
                rep.lines += 1
                rep.body_lines += line.kind == "body"
                _check_line(line, rep, level, edge_tol)
            report.pages.append(rep)
            report.lines_checked.extend(ln for ln in lines if ln.glyphs)
    return report


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        r = check_pdf(arg)
        print(r.summary())
        print(r.details())
