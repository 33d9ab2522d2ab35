"""Sidecar: the one typed writer and reader of `<issue-id>.layout.json` (format `layout-sidecar/1`).

The build writes it beside the PDF; proof and diff read it. Coordinates are pt in the PDF page's
user space (MediaBox origin at 0, 0), rounded to 1/1000 pt. The JSON has sorted keys and compact
separators, so the same pages give the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import LayoutError
from ..files import write_bytes
from ..geometry import Rect
from ..placed import ArticleFrame, GlyphRun, LineRecord, Overset, Page
from ..i18n import _

SIDECAR_FORMAT = "layout-sidecar/1"
SIDECAR_SUFFIX = ".layout.json"
DIGITS = 3  # pt are rounded to 1/1000

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pt


def sidecar_name(issue_id: str) -> str:
    """File name of an issue's sidecar, written beside <issue-id>.pdf."""
    return issue_id + SIDECAR_SUFFIX


def sidecar_path(pdf: Path) -> Path:
    """Where the build writes the sidecar of `pdf` (`<stem>.layout.json` next to it)."""
    return pdf.with_name(pdf.stem + SIDECAR_SUFFIX)


# --- the records ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Furniture:
    """A page-furniture text box (folio, folio-date, …): its style name as kind, and its box."""

    kind: str
    box: Box


@dataclass(frozen=True)
class OversetCounts:
    """An article's text that did not fit: lines needed, lines the slot holds, characters over."""

    lines_needed: int
    lines_available: int
    characters_over: int
    lines_estimated: bool = False  # lines_needed is ≈: the story's last paragraphs were counted, not set

    @property
    def lines_over(self) -> int:
        """Lines that did not fit."""
        return self.lines_needed - self.lines_available


@dataclass(frozen=True, kw_only=True)
class SidecarLine:
    """One set line: its page column (1-based), baseline, x-range, text, kind and kinsoku action."""

    column: int
    baseline: float
    x0: float
    x1: float
    text: str
    kind: str
    first: bool
    last: bool
    kinsoku: str


@dataclass(frozen=True, kw_only=True)
class SidecarFigure:
    """A figure of an article: the photo's box, its caption's box (credit included), the photo file."""

    box: Box
    caption: Box
    file: str


@dataclass(frozen=True, kw_only=True)
class SidecarArticle:
    """An article: its id, slot, column boxes, overset counts (None when it fits), lines and figures."""

    id: str
    slot: Box
    columns: tuple[Box, ...]
    overset: OversetCounts | None
    lines: tuple[SidecarLine, ...]
    figures: tuple[SidecarFigure, ...] = ()  # written only when the article has figures
    part: int = 0  # a jump's part (1 before it, 2 the continuation), one article over both pages; written only then
    jump_pages: tuple[int, ...] = ()  # the page numbers of part 1 and part 2 (written with `part`)


@dataclass(frozen=True, kw_only=True)
class SidecarRule:
    """A 栏线 (column rule) of the page: its line as a box (x0 = x1) and its width in pt."""

    box: Box
    width: float


@dataclass(frozen=True, kw_only=True)
class SidecarPage:
    """One PDF page: index (0-based), page number, label, size, boxes, grid, furniture, articles."""

    index: int
    number: int
    label: str
    width: float
    height: float
    trim: Box
    columns: tuple[Box, ...]
    baselines: tuple[float, ...]
    ignore: tuple[Box, ...]
    furniture: tuple[Furniture, ...]
    articles: tuple[SidecarArticle, ...]
    column_rules: tuple[SidecarRule, ...] = ()  # written only when the page has 栏线


@dataclass(frozen=True)
class Sidecar:
    """The whole sidecar: the issue id, the PDF's file name and every page."""

    issue: str
    pdf: str
    pages: tuple[SidecarPage, ...]

    def page(self, index: int) -> SidecarPage | None:
        """The record of the PDF page at `index` (0-based), or None."""
        return next((page for page in self.pages if page.index == index), None)


# --- from composed pages ----------------------------------------------------------------------

def _box(box: Rect, dx: float, dy: float) -> Box:
    """A Rect shifted into the page's user space and rounded."""
    return (round(box.x0 + dx, DIGITS), round(box.y0 + dy, DIGITS), round(box.x1 + dx, DIGITS),
            round(box.y1 + dy, DIGITS))


def _line(record: LineRecord, dx: float, dy: float) -> SidecarLine:
    """A set line's record in user space."""
    return SidecarLine(column=record.column, baseline=round(record.baseline + dy, DIGITS),
                       x0=round(record.x0 + dx, DIGITS), x1=round(record.x1 + dx, DIGITS), text=record.text,
                       kind=record.kind, first=record.first, last=record.last, kinsoku=record.kinsoku)


def _overset(overset: Overset | None) -> OversetCounts | None:
    """An Overset's counts (None when the article fits)."""
    if not overset:
        return None
    return OversetCounts(overset.lines_needed, overset.lines_available, overset.characters_over,
                         overset.estimated)


def _article(frame: ArticleFrame, dx: float, dy: float) -> SidecarArticle:
    """An article frame's record in user space."""
    return SidecarArticle(id=frame.id, slot=_box(frame.slot, dx, dy),
                          columns=tuple(_box(c, dx, dy) for c in frame.columns),
                          overset=_overset(frame.overset), lines=tuple(_line(r, dx, dy) for r in frame.lines),
                          figures=tuple(SidecarFigure(box=_box(f.box, dx, dy), caption=_box(f.caption, dx, dy),
                                                      file=f.file) for f in frame.figures),
                          part=frame.part, jump_pages=frame.jump_pages)


def _furniture(run: GlyphRun, dx: float, dy: float) -> Furniture:
    """A furniture run's box: its pen range plus one em, from 0.12 em below to 0.88 em above the baseline."""
    box = Rect(run.x, run.y - run.size * 0.12, run.x + run.offsets[-1] + run.size, run.y + run.size * 0.88)
    return Furniture(run.style, _box(box, dx, dy))


def page_record(index: int, page: Page, media: Rect, ignore: Sequence[Rect] = ()) -> SidecarPage:
    """One composed page's record, in the PDF page's user space (MediaBox origin at 0, 0)."""
    dx, dy = -media.x0, -media.y0
    return SidecarPage(index=index, number=page.number, label=page.label,
                       width=round(media.width, DIGITS), height=round(media.height, DIGITS),
                       trim=_box(page.trim, dx, dy), columns=tuple(_box(c, dx, dy) for c in page.column_boxes),
                       baselines=tuple(round(y + dy, DIGITS) for y in page.baselines),
                       ignore=tuple(_box(b, dx, dy) for b in ignore),
                       furniture=tuple(_furniture(run, dx, dy) for run in page.runs if not run.article),
                       articles=tuple(_article(a, dx, dy) for a in page.articles),
                       column_rules=tuple(SidecarRule(box=_box(Rect(r.x0, min(r.y0, r.y1), r.x1, max(r.y0, r.y1)),
                                                               dx, dy), width=r.width) for r in page.column_rules))


def page_sidecar(whole: Sidecar, label: str) -> Sidecar | None:
    """The sidecar of the one-page PDF `<label>.pdf` (`build --pages`): the issue sidecar's record of the page
    labelled `label`, as page 0; None when the issue has no such page."""
    record = next((page for page in whole.pages if page.label == label), None)
    if record is None:
        return None
    return Sidecar(whole.issue, f"{label}.pdf", (replace(record, index=0),))


# --- writing ----------------------------------------------------------------------------------

_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, float, int, bool, type(None)})


def _plain(value: Any) -> Any:
    """dataclasses.asdict for the sidecar's records (dataclasses, tuples, numbers, strings) without its
    deep copies: 16 pages of line records took 0.3 s through asdict."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _json(value: Any) -> str:
    """JSON text as the sidecar writes it: sorted keys, compact separators, UTF-8 characters."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _page_json(page: SidecarPage) -> str:
    """One page record as JSON text (JSON nests, so the sidecar is its fields around these)."""
    record = _plain(page)
    if not record["column_rules"]:
        del record["column_rules"]  # pages without 栏线 are written as before 栏线 existed
    for article in record["articles"]:
        if not article["figures"]:
            del article["figures"]  # articles without figures are written as before figures existed
        if not article["part"]:
            del article["part"], article["jump_pages"]  # only the parts of a jump carry them
    return _json(record)


def dumps(sidecar: Sidecar, memo=None) -> str:
    """The sidecar as JSON text: sorted keys, compact separators, UTF-8 characters, one final newline; with
    the watch's output memo (output.memo.Kept), a page record kept from the last rebuild is not written
    again."""
    pages = []
    for page in sidecar.pages:
        text = memo.of(page, "json") if memo is not None else None
        if text is None:
            text = _page_json(page)
            if memo is not None:
                memo.keep(page, text, "json")
        pages.append(text)
    fields_ = {"format": _json(SIDECAR_FORMAT), "issue": _json(sidecar.issue), "pdf": _json(sidecar.pdf),
               "pages": "[" + ",".join(pages) + "]"}
    return "{" + ",".join(f"{_json(k)}:{fields_[k]}" for k in sorted(fields_)) + "}\n"


def write(path: Path, sidecar: Sidecar, memo=None) -> Path:
    """Write the sidecar to `path` (the caller makes it atomic) and return the path."""
    return write_bytes(Path(path), dumps(sidecar, memo).encode("utf-8"))


# --- reading ----------------------------------------------------------------------------------

class _Invalid(Exception):
    """A value in the JSON is not what the format says (internal: read() turns it into a LayoutError)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem


def _field(data: Any, key: str, where: str) -> tuple[Any, str]:
    """The value of `key` in the JSON object `data`, and its path for messages."""
    if not isinstance(data, dict):
        raise _Invalid(where, "is not an object")
    if key not in data:
        raise _Invalid(where, f"has no '{key}'")
    return data[key], f"{where}.{key}"


def _number(value: Any, where: str) -> float:
    """A JSON number as a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Invalid(where, f"is {value!r}, not a number")
    return float(value)


def _integer(value: Any, where: str) -> int:
    """A JSON whole number."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(where, f"is {value!r}, not a whole number")
    return value


def _text(value: Any, where: str) -> str:
    """A JSON string."""
    if not isinstance(value, str):
        raise _Invalid(where, f"is {value!r}, not a string")
    return value


def _flag(value: Any, where: str) -> bool:
    """A JSON true/false."""
    if not isinstance(value, bool):
        raise _Invalid(where, f"is {value!r}, not true or false")
    return value


def _items(value: Any, where: str, read_item: Callable[[Any, str], Any]) -> tuple:
    """A JSON array read item by item."""
    if not isinstance(value, list):
        raise _Invalid(where, "is not an array")
    return tuple(read_item(item, f"{where}[{i}]") for i, item in enumerate(value))


def _read_box(value: Any, where: str) -> Box:
    """[x0, y0, x1, y1] in pt."""
    if not isinstance(value, list) or len(value) != 4:
        raise _Invalid(where, "is not a box [x0, y0, x1, y1]")
    x0, y0, x1, y1 = (_number(v, f"{where}[{i}]") for i, v in enumerate(value))
    return (x0, y0, x1, y1)


def _get(data: Any, where: str, key: str, read_value: Callable[[Any, str], Any]) -> Any:
    """Field `key` of the object `data`, read with `read_value`."""
    value, path = _field(data, key, where)
    return read_value(value, path)


def _read_furniture(data: Any, where: str) -> Furniture:
    return Furniture(_get(data, where, "kind", _text), _get(data, where, "box", _read_box))


def _read_overset(data: Any, where: str) -> OversetCounts | None:
    if data is None:
        return None
    estimated = _get(data, where, "lines_estimated", _flag) if isinstance(data, dict) and "lines_estimated" in data \
        else False  # a sidecar written before the overset stop has no such field
    return OversetCounts(_get(data, where, "lines_needed", _integer), _get(data, where, "lines_available", _integer),
                         _get(data, where, "characters_over", _integer), estimated)


def _flag(value: Any, where: str) -> bool:
    """A JSON true or false."""
    if not isinstance(value, bool):
        raise _Invalid(where, f"is {value!r}, not true or false")
    return value


def _read_line(data: Any, where: str) -> SidecarLine:
    return SidecarLine(column=_get(data, where, "column", _integer), baseline=_get(data, where, "baseline", _number),
                       x0=_get(data, where, "x0", _number), x1=_get(data, where, "x1", _number),
                       text=_get(data, where, "text", _text), kind=_get(data, where, "kind", _text),
                       first=_get(data, where, "first", _flag), last=_get(data, where, "last", _flag),
                       kinsoku=_get(data, where, "kinsoku", _text))


def _read_figure(data: Any, where: str) -> SidecarFigure:
    return SidecarFigure(box=_get(data, where, "box", _read_box), caption=_get(data, where, "caption", _read_box),
                         file=_get(data, where, "file", _text))


def _read_rule(data: Any, where: str) -> SidecarRule:
    return SidecarRule(box=_get(data, where, "box", _read_box), width=_get(data, where, "width", _number))


def _read_article(data: Any, where: str) -> SidecarArticle:
    def boxes(value: Any, path: str) -> tuple[Box, ...]:
        return _items(value, path, _read_box)

    def lines(value: Any, path: str) -> tuple[SidecarLine, ...]:
        return _items(value, path, _read_line)
    return SidecarArticle(id=_get(data, where, "id", _text), slot=_get(data, where, "slot", _read_box),
                          columns=_get(data, where, "columns", boxes),
                          overset=_get(data, where, "overset", _read_overset),
                          lines=_get(data, where, "lines", lines),
                          figures=_get(data, where, "figures", lambda v, p: _items(v, p, _read_figure))
                          if isinstance(data, dict) and "figures" in data else (),
                          part=_get(data, where, "part", _integer) if isinstance(data, dict) and "part" in data else 0,
                          jump_pages=_get(data, where, "jump_pages", lambda v, p: _items(v, p, _integer))
                          if isinstance(data, dict) and "part" in data else ())


def _read_page(data: Any, where: str) -> SidecarPage:
    def many(read_item: Callable[[Any, str], Any]) -> Callable[[Any, str], tuple]:
        return lambda value, path: _items(value, path, read_item)
    return SidecarPage(index=_get(data, where, "index", _integer), number=_get(data, where, "number", _integer),
                       label=_get(data, where, "label", _text), width=_get(data, where, "width", _number),
                       height=_get(data, where, "height", _number), trim=_get(data, where, "trim", _read_box),
                       columns=_get(data, where, "columns", many(_read_box)),
                       baselines=_get(data, where, "baselines", many(_number)),
                       ignore=_get(data, where, "ignore", many(_read_box)),
                       furniture=_get(data, where, "furniture", many(_read_furniture)),
                       articles=_get(data, where, "articles", many(_read_article)),
                       column_rules=_get(data, where, "column_rules", many(_read_rule))
                       if isinstance(data, dict) and "column_rules" in data else ())


def loads(text: str, where: str = "sidecar") -> Sidecar:
    """A sidecar from its JSON text; LayoutError (at `where`) when it is garbled or of another format."""
    try:
        data = json.loads(text)
    except ValueError as err:
        raise LayoutError(_("the sidecar is not JSON: {err}").format(err=err), where, _("rebuild the issue")) from None
    found = data.get("format") if isinstance(data, dict) else None
    if found != SIDECAR_FORMAT:
        raise LayoutError(_("not a {SIDECAR_FORMAT} sidecar (format: {found!r})").format(
                              SIDECAR_FORMAT=SIDECAR_FORMAT, found=found), where, _("rebuild the issue"))
    try:
        return Sidecar(_get(data, "", "issue", _text), _get(data, "", "pdf", _text),
                       _get(data, "", "pages", lambda v, p: _items(v, p, _read_page)))
    except _Invalid as err:
        raise LayoutError(_("broken {SIDECAR_FORMAT} sidecar: {lstrip} {problem}").format(
                              SIDECAR_FORMAT=SIDECAR_FORMAT, lstrip=err.where.lstrip('.'), problem=err.problem), where,
                          _("rebuild the issue")) from None


def read(path: Path) -> Sidecar:
    """The sidecar at `path`; LayoutError naming the file when it is missing, garbled or of another format."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LayoutError(_("no sidecar"), str(path),
                          _("build the issue with `layout build`, which writes it")) from None
    except (OSError, UnicodeDecodeError) as err:
        raise LayoutError(_("cannot read the sidecar: {err}").format(err=err), str(path),
                          _("rebuild the issue")) from None
    return loads(text, str(path))
