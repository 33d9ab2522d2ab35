"""Front: a page's 报头 (masthead) and its boxed slots — 导读 (index), weather and ads — read from issue.yaml."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..i18n import N_, _
from ..errors import ManifestError
from ..geometry import PageGrid
from ..spec import MASTHEAD_ALIGNS, BoxSpec, Masthead, PageSpec, Slot
from . import kinds
from .nodes import Value, inside, regular_file

MASTHEAD_KEYS = ("title", "logo", "logo_rows", "lines", "align", "column", "span", "subtitle", "publisher",
                 "registration", "postal_code")
_INDEX_KEYS = ("title", "slot")
_WEATHER_KEYS = ("title", "lines", "slot")
_AD_KEYS = ("id", "file", "label", "slot")
_AD_SLOT_KEYS = ("column", "span", "width", "top", "lines", "height")
_LOGO_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")


def page_kinds(slot: dict) -> dict:
    """The schema kinds (kinds.py) of a page's front-page keys: masthead, index, weather, ads."""
    text, rows = kinds.text, kinds.integer
    masthead = {"title": text("报头: the paper's name (default issue.paper)"), "logo": text("a PDF or image file"),
                "logo_rows": rows(1, "rows the logo takes"), "lines": rows(1, "rows the masthead takes (default: "
                                                                             "from its content)"),
                "align": kinds.choice(MASTHEAD_ALIGNS), "column": rows(1), "span": rows(1),
                "subtitle": text(), "publisher": text("主办单位"), "registration": text("CN 37-0026"),
                "postal_code": text("邮发代号")}
    ad_slot = {"column": rows(1), "span": rows(1), "width": kinds.length(), "top": rows(0), "lines": rows(1),
               "height": kinds.length()}
    ad = {"id": text(), "file": text("a PDF page or an image, relative to the issue folder"), "label": text(),
          "slot": kinds.mapping(_AD_SLOT_KEYS, ad_slot, ("column", "top"))}
    return {"masthead": kinds.mapping(MASTHEAD_KEYS, masthead, (), "the front page's 报头"),
            "index": kinds.mapping(_INDEX_KEYS, {"title": text(), "slot": slot}, ("slot",), "a 导读 box"),
            "weather": kinds.mapping(_WEATHER_KEYS, {"title": text(), "lines": kinds.listing(text()), "slot": slot},
                                     ("slot", "lines"), "a weather box"),
            "ads": kinds.listing(kinds.mapping(_AD_KEYS, ad, ("id", "slot")), "ad slots (广告)")}
AD_SUFFIXES = _LOGO_SUFFIXES


def masthead(value: Value | None, grid: PageGrid, paper: str, root: Path) -> Masthead | None:
    """Read a page's `masthead:` (报头): the title (default: the paper's name) or a logo, the issue data
    it prints, its alignment and columns, and optionally the rows it is asked to take."""
    if value is None:
        return None
    m = value.mapping(MASTHEAD_KEYS)
    if m.get("title") and m.get("logo"):
        m.need("logo").fail(_("the masthead takes a title or a logo, not both (the logo replaces the title)"),
                            _("remove one of them"))
    column = m.get("column").integer(low=1, example="1") if m.get("column") else 1
    span = m.get("span").integer(low=1, example=str(grid.columns)) if m.get("span") else None
    if column + (span or grid.columns - column + 1) - 1 > grid.columns:
        (m.get("span") or m.need("column")).fail(
            _("the masthead's columns {column}–{value} run past the grid's {columns} columns").format(
                column=column, value=column + (span or 1) - 1, columns=grid.columns),
            _("column + span - 1 must be ≤ {columns}").format(columns=grid.columns))
    lines = m.get("lines").integer(low=1, example="10") if m.get("lines") else None
    if lines is not None and lines >= grid.rows:
        m.need("lines").fail(_("the masthead takes {lines} lines but the type area has only "
                               "{rows}").format(lines=lines, rows=grid.rows),
                             _("give fewer than {rows} lines, or leave lines out (computed from "
                               "its content)").format(rows=grid.rows))
    texts = {key: m.get(key).text() for key in ("subtitle", "publisher", "registration", "postal_code")
             if m.get(key)}
    return Masthead(title=m.get("title").text("济宁日报") if m.get("title") else paper, lines=lines,
                    logo=_file(m.get("logo"), root, N_("logo"), _LOGO_SUFFIXES) if m.get("logo") else None,
                    logo_rows=m.get("logo_rows").integer(low=1, example="5") if m.get("logo_rows") else None,
                    align=m.get("align").choice(MASTHEAD_ALIGNS) if m.get("align") else "center",
                    column=column, span=span if span is not None else grid.columns - column + 1,
                    where=value.where(), **texts)


def boxes(index: Value | None, weather: Value | None, ads: Value | None, grid: PageGrid, root: Path,
          slot_reader) -> tuple[BoxSpec, ...]:
    """A page's boxed slots in reading order: its `index:` (导读), `weather:` and `ads:` (a list)."""
    out = []
    if index is not None:
        m = index.mapping(_INDEX_KEYS, required=("slot",))
        out.append(BoxSpec(kind="index", id="index", slot=slot_reader(m.need("slot"), grid), where=index.where(),
                           title=m.get("title").text("导读") if m.get("title") else "导读"))
    if weather is not None:
        m = weather.mapping(_WEATHER_KEYS, required=("slot", "lines"))
        lines = tuple(item.text("今天 晴 26～35℃") for item in m.need("lines").items())
        if not lines:
            m.need("lines").fail(_("the weather box has no lines"),
                                 _("give its lines, e.g. - 今天 晴 26～35℃ 南风3级"))
        out.append(BoxSpec(kind="weather", id="weather", slot=slot_reader(m.need("slot"), grid),
                           where=weather.where(), lines=lines,
                           title=m.get("title").text("天气") if m.get("title") else "天气"))
    for item in ads.items() if ads is not None else []:
        out.append(_ad(item, grid, root))
    return tuple(out)


def _ad(value: Value, grid: PageGrid, root: Path) -> BoxSpec:
    """One ad: id, the supplied file (a PDF page or an image; a missing one becomes a marked placeholder),
    and a slot in columns × rows, or in mm snapped to whole columns and rows."""
    m = value.mapping(_AD_KEYS, required=("id", "slot"))
    file, name = None, ""
    if m.get("file"):
        name = m.need("file").text("ads/bank.pdf")
        file = _ad_file(m.need("file"), root)
    return BoxSpec(kind="ad", id=m.need("id").text("bank"), slot=_ad_slot(m.need("slot"), grid), where=value.where(),
                   file=file, file_name=name, label=m.get("label").text("某银行") if m.get("label") else "")


def _ad_file(value: Value, root: Path) -> Path | None:
    """An ad's file inside the issue folder, of a kind it can hold; None when it is not in yet."""
    raw = value.text("ads/bank.pdf")
    full = inside(value, root, raw, "ad file", N_("keep ads inside the issue folder"))
    if full.suffix.lower() not in AD_SUFFIXES:
        value.fail(_("ad file '{raw}' is not a PDF or an image ({choices})").format(
                       raw=raw, choices=', '.join(AD_SUFFIXES)),
                   _("supply the ad as a PDF/X-1a page, or a JPEG, PNG or TIFF"))
    if not full.exists():
        return None  # not in yet: a marked placeholder, reported in the build summary
    return regular_file(value, raw, full, N_("ad file"), N_("ad paths are relative to the issue folder"))


def _ad_slot(value: Value, grid: PageGrid) -> Slot:
    """An ad's slot: column and top as for articles; its width in columns (`span`) or mm (`width`), its
    height in rows (`lines`) or mm (`height`), mm snapped to the nearest whole columns and rows."""
    m = value.mapping(_AD_SLOT_KEYS, required=("column", "top"))
    for a, b in (("span", "width"), ("lines", "height")):
        if m.get(a) and m.get(b):
            m.need(b).fail(_("an ad slot takes {a} or {b}, not both").format(a=a, b=b), _("remove one of them"))
        if not m.get(a) and not m.get(b):
            m.here.fail(_("the ad slot has no {a} (or {b})").format(a=a, b=b),
                        _("give {a}: … in whole units, or {b}: …mm").format(a=a, b=b))
    column = m.need("column").integer(low=1, example="1")
    top = m.need("top").integer(low=0, example="60")
    pitch = grid.span_width(2) - grid.span_width(1)  # one column and its gutter
    span = (m.get("span").integer(low=1, example="3") if m.get("span")
            else max(1, round((m.need("width").length(None, positive=True) + grid.gutter) / pitch)))
    lines = (m.get("lines").integer(low=1, example="20") if m.get("lines")
             else max(1, round(m.need("height").length(None, positive=True) / grid.leading)))
    if column + span - 1 > grid.columns:
        (m.get("span") or m.need("width")).fail(_("the ad's columns {column}–{value} run past "
                                                  "the grid's {columns} columns").format(
                                                    column=column, value=column + span - 1, columns=grid.columns),
                                                _("make it narrower or move it left"))
    if top + lines > grid.rows:
        (m.get("lines") or m.need("height")).fail(_("the ad's rows {top}–{value} run past the "
                                                    "type area's {rows} body lines").format(
                                                      top=top, value=top + lines - 1, rows=grid.rows),
                                                  _("make it lower or move it up"))
    return Slot(column, span, top, lines)


def _file(value: Value, root: Path, what: str, suffixes: tuple[str, ...]) -> Path:
    """A file the page needs (a logo): inside the issue folder, of one of `suffixes`, present."""
    raw = value.text("logo.pdf")
    full = inside(value, root, raw, what, _("keep the {what} inside the issue folder").format(what=_(what)))
    if full.suffix.lower() not in suffixes:
        value.fail(_("{what} '{raw}' is not a PDF or an image").format(what=_(what), raw=raw),
                   _("give a .pdf (vector) or a .jpg/.png/.tif file"))
    return regular_file(value, raw, full, what, N_("paths are relative to the issue folder; check the name"))


def count_entries(pages: tuple[PageSpec, ...]) -> tuple[PageSpec, ...]:
    """Each 导读 box told how many stories on later pages are marked `index:` (its rows come from them); a
    marked story with no index box before it, or an index box with nothing to list, is an error."""
    out = []
    for page in pages:
        later = sum(1 for p in pages if p.number > page.number for a in p.articles if a.index is not None)
        boxes = []
        for box in page.boxes:
            if box.kind == "index":
                if later == 0:
                    raise ManifestError(_("page {number} has a 导读 box but no story on a later "
                                          "page is marked index:").format(number=page.number), box.where,
                                        _("mark the stories it lists with index: true (or index: 短题)"))
                box = replace(box, entries=later)
            boxes.append(box)
        out.append(replace(page, boxes=tuple(boxes)))
    fronts = [p.number for p in pages if any(b.kind == "index" for b in p.boxes)]
    for page in pages:
        for article in page.articles:
            if article.index is not None and not any(n < page.number for n in fronts):
                raise ManifestError(_("article '{id}' on page {number} is marked index:, but no "
                                      "earlier page has a 导读 box (index:) to list it").format(
                                        id=article.id, number=page.number), article.where,
                                    _("add index: {slot: {...}} to the front page, or remove index: from the article"))
    return tuple(out)
