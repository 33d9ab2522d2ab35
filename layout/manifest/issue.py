"""Issue: issue.yaml's head, format, margins, grid, typography and print sections, and load_issue (the entry point)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

import yaml

from ..spec import BREAKERS, FitPolicy, GridSpec, Issue, KINSOKU_LEVELS, Margins, PDFX_STANDARDS, PrintSpec, Typography
from ..errors import ManifestError
from ..geometry import PAGE_FORMATS, PageGrid, make_grid
from ..units import HAO_TABLES, mm
from . import kinds
from .fonts_yaml import FONTS_KIND, font_overrides
from .limits import MAX_YEAR, MIN_YEAR
from .nodes import NUMBER, TOL, Map, Source, Value, close, existing_file
from .reader import read_yaml
from .pages import PAGES_KIND, PageContext, pages
from .styles import COLORS_KIND, STYLES_KIND, StyleContext, check_ink, colors, styles
from ..i18n import N_, _

_ISSUE_ID = re.compile(r"^[A-Za-z0-9._-]+$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")  # ASCII digits (\d takes '２')
_TOP_KEYS = ("issue", "format", "margins", "grid", "typography", "fit", "colors", "styles", "print", "fonts",
             "qa", "jumps", "pages")
_FIT_KEYS = ("headline_air", "body_gap")
_ISSUE_KEYS = ("id", "paper", "date", "number", "total_number", "edition", "revision")
_MARGIN_KEYS = ("top", "right", "bottom", "left")
_GRID_KEYS = ("columns", "gutter", "body", "leading", "measure")
_TYPOGRAPHY_KEYS = ("kinsoku", "pair_compression", "latin_spacing", "hanging", "breaker", "indent",
                    "orphan_min", "hao_table")
_PRINT_KEYS = ("standard", "output_condition", "registry", "icc_profile", "bleed", "marks", "ink_limit")
_TOP_REQUIRED = ("issue", "grid", "pages")
_ISSUE_REQUIRED = ("id", "paper", "date")
_GRID_REQUIRED = ("columns",)
_SIZE_KEYS = ("width", "height")
_QA_KEYS = ("ignore",)
_JUMPS_KEYS = ("lettered",)

# What each key's reader takes (kinds.py), next to the key tuples: `layout schema` is generated from both.
_ISSUE_KINDS = {
    "id": kinds.text("the issue's id: letters, digits, '.', '_', '-'; names the output files"),
    "paper": kinds.text("the newspaper's name (报名), e.g. 济宁日报"),
    "date": kinds.text("the issue date, YYYY-MM-DD"),
    "number": kinds.integer(1, "issue number (期号)"), "total_number": kinds.integer(1, "running number (总期号)"),
    "edition": kinds.text("edition letter (叠), default A; pages are named A01, A02 …"),
    "revision": kinds.integer(1, "revision of a corrected page set"),
}
_FIT_KINDS = {"headline_air": kinds.integer(0, "spare rows the headline block may take"),
              "body_gap": kinds.integer(0, "then rows between the headline block and the body")}
_MARGIN_KINDS = {side: kinds.length() for side in _MARGIN_KEYS}
_GRID_KINDS = {"columns": kinds.integer(1, "number of columns (栏)"),
               "gutter": kinds.length("column gap (default 1 字)"),
               "body": kinds.size("body size = 1 字 (default 五号)"), "leading": kinds.length("one body line (pt)"),
               "measure": kinds.length("column measure (default: from the type area)")}
_TYPOGRAPHY_KINDS = {
    "kinsoku": kinds.choice(KINSOKU_LEVELS, "line-start/end prohibition level (避头尾)"),
    "pair_compression": kinds.number(0, 1.0), "latin_spacing": kinds.number(0, 0.5), "hanging": kinds.flag(),
    "breaker": kinds.choice(BREAKERS), "indent": kinds.one_of(kinds.number(0), {"type": "string"},
                                                              description="first-line indent in 字, e.g. 2字"),
    "orphan_min": kinds.integer(1), "hao_table": kinds.choice(tuple(HAO_TABLES)),
}
_PRINT_KINDS = {"standard": kinds.choice(PDFX_STANDARDS), "output_condition": kinds.text(), "registry": kinds.text(),
                "icc_profile": kinds.text("the plant's ICC profile (path)"), "bleed": kinds.length(),
                "marks": kinds.flag("crop and registration marks"), "ink_limit": kinds.number(1, 400, "total ink %")}
_FORMAT_KIND = kinds.one_of(kinds.choice(tuple(PAGE_FORMATS)),
                            kinds.mapping(_SIZE_KEYS, {k: kinds.length() for k in _SIZE_KEYS}, _SIZE_KEYS),
                            description="broadsheet, tabloid or the trim size {width, height}")
_QA_KINDS = {"ignore": kinds.listing(kinds.listing(kinds.length(), count=4),
                                     "regions [x0, y0, x1, y1] the visual diff skips")}
_TOP_KINDS = {
    "issue": kinds.mapping(_ISSUE_KEYS, _ISSUE_KINDS, _ISSUE_REQUIRED), "format": _FORMAT_KIND,
    "margins": kinds.mapping(_MARGIN_KEYS, _MARGIN_KINDS, _MARGIN_KEYS),
    "grid": kinds.mapping(_GRID_KEYS, _GRID_KINDS, _GRID_REQUIRED),
    "typography": kinds.mapping(_TYPOGRAPHY_KEYS, _TYPOGRAPHY_KINDS),
    "fit": kinds.mapping(_FIT_KEYS, _FIT_KINDS, description="house policy for a slot's spare rows"),
    "colors": COLORS_KIND, "styles": STYLES_KIND, "print": kinds.mapping(_PRINT_KEYS, _PRINT_KINDS),
    "fonts": FONTS_KIND, "qa": kinds.mapping(_QA_KEYS, _QA_KINDS), "pages": PAGES_KIND,
    "jumps": kinds.mapping(_JUMPS_KEYS, {"lettered": kinds.flag("labels name pages with the edition letter: 第A5版")}),
}
MANIFEST_KIND = kinds.mapping(_TOP_KEYS, _TOP_KINDS, _TOP_REQUIRED, "an issue manifest (issue.yaml) of layout")
_DEFAULT_MARGIN_MM = 20.0
_DEFAULT_LEADING = 1.6  # × body size, for the grid


@dataclass(frozen=True, kw_only=True)
class _Head:
    """The `issue:` section."""

    id: str
    paper: str
    date: _dt.date
    number: int | None
    total_number: int | None
    edition: str


def _issue_head(value: Value) -> _Head:
    """Read `issue:` (id, paper, date, numbers, edition)."""
    m = value.mapping(_ISSUE_KEYS, required=_ISSUE_REQUIRED)
    issue_id = m.need("id").text("jining-2023-08-22")
    if not _ISSUE_ID.match(issue_id) or set(issue_id) == {"."}:
        m.need("id").fail(_("issue id '{issue_id}' may only use letters, digits, '.', '_' and '-'").format(
                              issue_id=issue_id),
                          _("it names the output file: write e.g. jining-2023-08-22"))
    paper = m.need("paper").text("济宁日报")
    if not paper:
        m.need("paper").fail(_("paper (the newspaper's name) is empty"), _("write e.g. paper: 济宁日报"))
    number, total = m.get("number"), m.get("total_number")
    edition = m.get("edition")
    return _Head(id=issue_id, paper=paper, date=_date(m.need("date")),
                 number=number.integer(low=1, example="12345") if number else None,
                 total_number=total.integer(low=1, example="23456") if total else None,
                 edition=edition.text("A") if edition else "A")


def _date(value: Value) -> _dt.date:
    """A YYYY-MM-DD date (YAML 1.1 would make it a date object; the source text is read instead)."""
    raw = value.scalar(N_("a date"), "2023-08-22").strip()
    match = _DATE.match(raw)
    if not match:
        value.fail(_("date '{raw}' is not in the form YYYY-MM-DD").format(raw=raw), _("write e.g. date: 2023-08-22"))
    year, month, day = (int(part) for part in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        value.fail(_("date '{raw}': the year {year} is outside {MIN_YEAR}–{MAX_YEAR}").format(
                       raw=raw, year=year, MIN_YEAR=MIN_YEAR, MAX_YEAR=MAX_YEAR),
                   _("a newspaper date is between {MIN_YEAR}-01-01 and {MAX_YEAR}-12-31: check "
                     "the year, e.g. date: 2023-08-22").format(MIN_YEAR=MIN_YEAR, MAX_YEAR=MAX_YEAR))
    if not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        value.fail(_("'{raw}' is not a real date").format(raw=raw), _("write the date as YYYY-MM-DD, e.g. 2023-08-22"))
    return _dt.date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    """Number of days of a month (Gregorian calendar)."""
    following = _dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - _dt.timedelta(days=1)).day


def _typography(value: Value | None) -> Typography:
    """Read `typography:`; absent keys keep the model defaults."""
    if value is None:
        return Typography()
    m = value.mapping(_TYPOGRAPHY_KEYS)
    readers = {
        "kinsoku": lambda v: v.choice(KINSOKU_LEVELS),
        "pair_compression": lambda v: v.number(0, 1.0, "0.5"),
        "latin_spacing": lambda v: v.number(0, 0.5, "0.25"),
        "hanging": Value.flag,
        "breaker": lambda v: v.choice(BREAKERS),
        "indent": _indent,
        "orphan_min": lambda v: v.integer(low=1, example="2"),
        "hao_table": lambda v: v.choice(tuple(HAO_TABLES)),
    }
    given = {key: read(m.get(key)) for key, read in readers.items() if m.get(key) is not None}
    return replace(Typography(), **given)


def _indent(value: Value) -> float:
    """The first-line indent in 字: a number or '2字'."""
    raw = value.scalar(N_("a number of 字"), "2字").strip()
    number = raw[:-1].strip() if raw.endswith("字") else raw
    if not NUMBER.match(number) or float(number) < 0:
        value.fail(_("indent must be a number of 字, not '{raw}'").format(raw=raw),
                   _("write e.g. indent: 2字 (or 0 for none)"))
    return float(number)


def _grid_spec(value: Value, hao_table: str) -> GridSpec:
    """Read `grid:` (columns, gutter, body size, leading, measure); 字 = the body size."""
    m = value.mapping(_GRID_KEYS, required=_GRID_REQUIRED)
    columns = m.need("columns").integer(low=1, example="8")
    body = m.get("body").size(hao_table) if m.get("body") else HAO_TABLES[hao_table]["五号"]
    gutter = m.get("gutter").length(body) if m.get("gutter") else body
    leading = m.get("leading").length(body) if m.get("leading") else _DEFAULT_LEADING * body
    if leading < body - TOL:
        m.need("leading").fail(_("grid leading {leading:g}pt is less than the body size "
                                 "{body:g}pt").format(leading=leading, body=body),
                               _("leading is one body line: write e.g. leading: 16.5pt (not a factor like 1.6)"))
    measure = m.get("measure").length(body, positive=True) if m.get("measure") else None
    return GridSpec(columns=columns, gutter=gutter, body_size=body, leading=leading, measure=measure)


def _page_size(value: Value | None) -> tuple[float, float]:
    """Read `format:`: broadsheet, tabloid or {width, height}; (width, height) in pt."""
    if value is None:
        return mm(PAGE_FORMATS["broadsheet"][0]), mm(PAGE_FORMATS["broadsheet"][1])
    if isinstance(value.node, yaml.MappingNode):
        m = value.mapping(_SIZE_KEYS, required=_SIZE_KEYS)
        return m.need("width").length(None, positive=True), m.need("height").length(None, positive=True)
    name = value.scalar(N_("broadsheet, tabloid or {width, height}"), "broadsheet").strip()
    if name not in PAGE_FORMATS:
        value.fail(_("format '{name}' is not one of {choices}").format(name=name, choices=', '.join(PAGE_FORMATS)),
                   close(name, tuple(PAGE_FORMATS)) + _("; or give the trim size as {width: 300mm, height: 420mm}"))
    return mm(PAGE_FORMATS[name][0]), mm(PAGE_FORMATS[name][1])


def _margins(value: Value | None, body: float) -> Margins:
    """Read `margins:` (all four sides when given; default 20 mm each)."""
    if value is None:
        return Margins(*(mm(_DEFAULT_MARGIN_MM),) * 4)
    m = value.mapping(_MARGIN_KEYS, required=_MARGIN_KEYS)
    return Margins(*(m.need(side).length(body) for side in _MARGIN_KEYS))


def _page_grid(top: Map, size: tuple[float, float], margins: Margins, spec: GridSpec) -> PageGrid:
    """The page grid; fails when the margins, columns or measure do not fit the page."""
    width, height = size
    where = top.get("margins") or top.get("format") or top.here
    if margins.left + margins.right >= width or margins.top + margins.bottom >= height:
        where.fail(_("the margins leave no type area on a {width:g} × {height:g}pt page").format(
                       width=width, height=height),
                   _("make the margins smaller than the page"))
    grid = make_grid(width, height, margins, spec)
    grid_value = top.need("grid").mapping()
    avail = width - margins.left - margins.right
    if grid.measure <= TOL or grid.type_area.width > avail + TOL:
        at = grid_value.get("measure") or grid_value.need("columns")
        at.fail(_("{columns} columns of {measure:g}pt with {gutter:g}pt gutters do not fit the "
                  "type area width {avail:g}pt").format(
                    columns=spec.columns, measure=grid.measure, gutter=spec.gutter, avail=avail),
                _("use fewer columns, a smaller gutter or measure, or narrower margins"))
    if grid.rows < 1:
        (grid_value.get("leading") or grid_value.need("columns")).fail(
            _("the type area is lower than one body line"), _("reduce the leading or the top/bottom margins"))
    return grid


def _ignore_regions(value: Value | None) -> tuple[tuple[float, float, float, float], ...]:
    """Read `qa: {ignore: [[x0, y0, x1, y1], …]}`: rectangles (pt, PDF coordinates) the visual diff skips."""
    if value is None:
        return ()
    ignore = value.mapping(_QA_KEYS).get("ignore")
    regions = []
    for item in ignore.items() if ignore is not None else []:
        corners = item.items()
        if len(corners) != 4:
            item.fail(_("a region needs 4 numbers [x0, y0, x1, y1], not {count}").format(count=len(corners)),
                      _("write e.g. [0, 0, 100mm, 20mm] (origin bottom-left)"))
        x0, y0, x1, y1 = (corner.length(None) for corner in corners)
        if x1 <= x0 or y1 <= y0:
            item.fail(_("a region's x1/y1 must be greater than its x0/y0"), _("write [left, bottom, right, top]"))
        regions.append((x0, y0, x1, y1))
    return tuple(regions)


def _print_spec(value: Value | None, root: Path) -> PrintSpec:
    """Read `print:` (standard, output condition, ICC profile, bleed, marks, ink limit)."""
    if value is None:
        return PrintSpec()
    m = value.mapping(_PRINT_KEYS)
    given: dict[str, object] = {}
    if m.get("standard"):
        given["standard"] = m.get("standard").choice(PDFX_STANDARDS)
    for key in ("output_condition", "registry"):
        if m.get(key):
            given[key] = m.get(key).text()
    if m.get("icc_profile"):
        given["icc_profile"] = existing_file(m.get("icc_profile"), root, "ICC profile")
    if m.get("bleed"):
        given["bleed"] = m.get("bleed").length(None)
    if m.get("marks"):
        given["marks"] = m.get("marks").flag()
    if m.get("ink_limit"):
        given["ink_limit"] = m.get("ink_limit").number(1, 400, "240")
    return replace(PrintSpec(), **given)



def _fit_policy(value: Value | None) -> FitPolicy:
    """Read `fit:` (house policy for a slot's spare rows: headline air, then body gap, in rows)."""
    if value is None:
        return FitPolicy()
    m = value.mapping(_FIT_KEYS)
    given = {key: m.get(key).integer(low=0, example="2") for key in _FIT_KEYS if m.get(key) is not None}
    return replace(FitPolicy(), **given)


# ---------------------------------------------------------------- the entry point

def load_issue(path: Path) -> Issue:
    """Read and validate issue.yaml into an Issue; the first problem raises a ManifestError."""
    path = Path(path)
    top = read_yaml(path, Source(str(path), ManifestError))
    if not isinstance(top.node, yaml.MappingNode):
        top.fail(_("the manifest must be a mapping of sections (issue:, grid:, pages: …), not "
                   "{kind}").format(kind=top.kind()),
                 _("see docs/manifest.md for an example"))
    m = top.mapping(_TOP_KEYS, required=_TOP_REQUIRED)
    root = path.resolve().parent
    head = _issue_head(m.need("issue"))
    typography = _typography(m.get("typography"))
    grid_spec = _grid_spec(m.need("grid"), typography.hao_table)
    margins = _margins(m.get("margins"), grid_spec.body_size)
    size = _page_size(m.get("format"))
    grid = _page_grid(m, size, margins, grid_spec)
    named = colors(m.get("colors"))
    print_spec = _print_spec(m.get("print"), root)
    style_table = styles(m.get("styles"), StyleContext(grid_spec, typography.hao_table, MappingProxyType(named)))
    check_ink(style_table, m, print_spec.ink_limit)
    fonts = font_overrides(m.get("fonts"), root)
    ignore = _ignore_regions(m.get("qa"))
    page_specs = pages(m.need("pages"), PageContext(grid, root, typography.hao_table, head.paper))
    fit = _fit_policy(m.get("fit"))
    issue_map = m.need("issue").mapping()
    revision = issue_map.get("revision").integer(low=1, example="2") if issue_map.get("revision") else 1
    jumps = m.get("jumps").mapping(_JUMPS_KEYS) if m.get("jumps") else None
    lettered = jumps.get("lettered").flag() if jumps is not None and jumps.get("lettered") else False
    return Issue(
        id=head.id, paper=head.paper, date=head.date, number=head.number, total_number=head.total_number,
        edition=head.edition, page_width=size[0], page_height=size[1], margins=margins, grid=grid_spec,
        styles=tuple(style_table.values()), typography=typography, print=print_spec, pages=page_specs,
        manifest=path.resolve(), fonts=fonts, colors=tuple(named.items()), ignore_regions=ignore, fit=fit, revision=revision,
        lettered=lettered)
