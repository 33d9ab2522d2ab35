"""Manifest stage: issue.yaml (and fonts/fonts.yaml) → the frozen input model; every schema message lives here.

The only module that imports yaml. Files are parsed with yaml.compose (SafeLoader) so every node keeps its
line; the nodes are converted by hand from their source text, which also sidesteps YAML 1.1 surprises
(`no` → False, `2023-08-22` → date). The first problem raises a ManifestError whose `where` is
`<file>:<line> (<yaml path>)` and whose hint says how to fix it.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NoReturn

import yaml

from . import model
from .errors import FontError, LayoutError, ManifestError
from .fonts import FONT_TABLE, FaceSource, FontTable
from .geometry import PAGE_FORMATS, PageGrid, make_grid
from .units import HAO_TABLES, font_size, length, mm

_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
_ISSUE_ID = re.compile(r"^[A-Za-z0-9._-]+$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TOL = 1e-6

_TOP_KEYS = ("issue", "format", "margins", "grid", "typography", "colors", "styles", "print", "fonts",
             "qa", "pages")
_ISSUE_KEYS = ("id", "paper", "date", "number", "total_number", "edition")
_MARGIN_KEYS = ("top", "right", "bottom", "left")
_GRID_KEYS = ("columns", "gutter", "body", "leading", "measure")
_TYPOGRAPHY_KEYS = ("kinsoku", "pair_compression", "latin_spacing", "hanging", "breaker", "indent",
                    "orphan_min", "hao_table")
_STYLE_KEYS = ("role", "weight", "size", "leading", "align", "color", "kinsoku")
_PRINT_KEYS = ("standard", "output_condition", "registry", "icc_profile", "bleed", "marks", "ink_limit")
_PAGE_KEYS = ("number", "section", "credits", "masthead", "articles")
_MASTHEAD_KEYS = ("title", "lines", "subtitle", "publisher", "registration")
_ARTICLE_KEYS = ("id", "file", "slot", "headline_align", "headline_lines", "headline_size")
_SLOT_KEYS = ("column", "span", "top", "lines")
_DEFAULT_MARGIN_MM = 20.0
_DEFAULT_LEADING = 1.6  # × body size, for the grid
_STYLE_LEADING = 1.0  # × style size, for every style but body (set solid; headline rows = ceil(leading / grid))


# ---------------------------------------------------------------- YAML nodes with paths and messages

@dataclass(frozen=True)
class _Source:
    """The YAML file being read: its name as shown in messages and the error class to raise."""

    label: str
    error: type[LayoutError]


def _where(label: str, line: int, path: str) -> str:
    """`file:line (yaml.path)` for a message."""
    return f"{label}:{line} ({path})" if path else f"{label}:{line}"


def _close(word: str, options: Sequence[str]) -> str:
    """A 'did you mean' hint for a misspelt key or value, listing the allowed ones."""
    allowed = ", ".join(options) if options else "(none)"
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'? allowed: {allowed}" if match else f"allowed: {allowed}"


@dataclass(frozen=True)
class _Value:
    """One YAML node with its file and path (pages[0].slot.span): converts itself or fails with a message."""

    node: yaml.Node
    path: str
    src: _Source

    @property
    def line(self) -> int:
        """1-based line where the node starts."""
        return self.node.start_mark.line + 1

    @property
    def name(self) -> str:
        """The last part of the path (`span`), for messages."""
        return self.path.rsplit(".", 1)[-1] if self.path else "the top level"

    @property
    def is_null(self) -> bool:
        """Whether the node is empty (`key:` with no value, `~`, `null`)."""
        return isinstance(self.node, yaml.ScalarNode) and self.node.tag == _NULL_TAG

    def where(self) -> str:
        """Location of the node for a message."""
        return _where(self.src.label, self.line, self.path)

    def fail(self, message: str, hint: str = "") -> NoReturn:
        """Raise the source's error class at this node."""
        raise self.src.error(message, self.where(), hint)

    def kind(self) -> str:
        """What the node is, in words, for type errors."""
        if isinstance(self.node, yaml.MappingNode):
            return "a mapping"
        if isinstance(self.node, yaml.SequenceNode):
            return "a list"
        return "empty" if self.is_null else f"'{self.node.value}'"

    def scalar(self, what: str, example: str) -> str:
        """The node's source text (one value, not a list or mapping)."""
        if not isinstance(self.node, yaml.ScalarNode) or self.is_null:
            self.fail(f"{self.name} must be {what}, not {self.kind()}", f"write e.g. {self.name}: {example}")
        return self.node.value

    def text(self, example: str = "…") -> str:
        """A string value, as written (`no` stays 'no')."""
        return self.scalar("text", example).strip()

    def integer(self, low: int | None = None, example: str = "3") -> int:
        """A whole number, at least `low`."""
        raw = self.scalar("a whole number", example).strip()
        if not _INT.match(raw):
            self.fail(f"{self.name} must be a whole number, not '{raw}'", f"write e.g. {self.name}: {example}")
        return self._at_least(int(raw), low)

    def number(self, low: float | None = None, high: float | None = None, example: str = "1") -> float:
        """A plain number between `low` and `high` (inclusive)."""
        raw = self.scalar("a number", example).strip()
        if not _NUMBER.match(raw):
            self.fail(f"{self.name} must be a number, not '{raw}'", f"write e.g. {self.name}: {example}")
        value = self._at_least(float(raw), low)
        if high is not None and value > high + _TOL:
            self.fail(f"{self.name} is {raw}, more than the maximum {high:g}", f"give a value ≤ {high:g}")
        return value

    def _at_least(self, value: float, low: float | None) -> float:
        """`value` if it is at least `low`, else fail."""
        if low is not None and value < low:
            self.fail(f"{self.name} is {value:g}, less than the minimum {low:g}", f"give a value ≥ {low:g}")
        return value

    def flag(self) -> bool:
        """A yes/no value (true/false, yes/no, on/off)."""
        raw = self.scalar("true or false", "true").strip().lower()
        if raw not in _BOOLS:
            self.fail(f"{self.name} must be true or false, not '{raw}'", f"write {self.name}: true or false")
        return _BOOLS[raw]

    def choice(self, options: Sequence[str]) -> str:
        """One of `options`, listing them when the value is not one."""
        raw = self.scalar("one of " + ", ".join(options), options[0]).strip()
        if raw not in options:
            self.fail(f"{self.name} '{raw}' is not one of {', '.join(options)}", _close(raw, options))
        return raw

    def length(self, em: float | None, positive: bool = False) -> float:
        """A length in pt (number = pt, or text with mm/cm/pt/Q/字); never negative."""
        raw = self.scalar("a length", "12mm").strip()
        value = length(raw, self.where(), em)
        if value < 0 or (positive and value <= _TOL):
            self.fail(f"{self.name} must be {'more than' if positive else 'at least'} 0, not '{raw}'",
                      "give a positive length, e.g. 12mm or 9pt")
        return value

    def size(self, table: str) -> float:
        """A type size in pt: number, '9pt', '13Q' or a 号 name (from `table`, else the other table)."""
        raw = self.scalar("a type size", "五号").strip()
        value = _hao(raw, table)
        if value is None:
            value = font_size(raw, self.where(), table)
        if value <= _TOL:
            self.fail(f"{self.name} must be more than 0, not '{raw}'", "give a size, e.g. 五号 or 10.5pt")
        return value

    def items(self) -> list[_Value]:
        """The entries of a list."""
        if not isinstance(self.node, yaml.SequenceNode):
            self.fail(f"{self.name} must be a list, not {self.kind()}", "write one '- …' line per entry")
        return [_Value(item, f"{self.path}[{i}]", self.src) for i, item in enumerate(self.node.value)]

    def mapping(self, allowed: Sequence[str] | None = None, required: Sequence[str] = ()) -> _Map:
        """The node as a mapping; unknown keys (when `allowed` is given) and missing required keys fail."""
        if not isinstance(self.node, yaml.MappingNode):
            self.fail(f"{self.name} must be a mapping of 'key: value' entries, not {self.kind()}",
                      "indent its keys under it, or write {key: value, …}")
        table = _Map(self)
        _collect(self, self.node, table)
        for key, key_value in table.keys.items():
            if allowed is not None and key not in allowed:
                key_value.fail(f"unknown key '{key}' in {self.name}", _close(key, allowed))
        for key in required:
            table.need(key)
        return table

    def child(self, key: str, node: yaml.Node) -> _Value:
        """The value node of `key` in this mapping."""
        return _Value(node, f"{self.path}.{key}" if self.path else key, self.src)


@dataclass(frozen=True)
class _Map:
    """A checked YAML mapping: key → value, in document order."""

    here: _Value
    keys: dict[str, _Value] = field(default_factory=dict)  # key nodes, for messages about keys
    values: dict[str, _Value] = field(default_factory=dict)

    def get(self, key: str) -> _Value | None:
        """The value of `key`, None when absent or empty."""
        value = self.values.get(key)
        return None if value is None or value.is_null else value

    def need(self, key: str) -> _Value:
        """The value of a required key."""
        value = self.get(key)
        if value is None:
            at = self.values.get(key) or self.here
            raise self.here.src.error(
                f"{self.here.name} has no value for required key '{key}'" if key in self.values
                else f"missing required key '{key}' in {self.here.name}",
                _where(at.src.label, at.line, self.here.child(key, at.node).path), f"add '{key}: …' here")
        return value


def _collect(owner: _Value, node: yaml.MappingNode, table: _Map, merged: bool = False) -> None:
    """Fill `table` from a mapping node: duplicate keys fail; `<<:` merges fill keys not given."""
    merges = []
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            merges.append(value_node)
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL_TAG:
            _Value(key_node, owner.path, owner.src).fail(f"a key in {owner.name} is not a plain name",
                                                         "write keys as plain words")
        key = str(key_node.value)
        key_value = owner.child(key, key_node)
        if key in table.keys:
            if merged:
                continue
            key_value.fail(f"key '{key}' appears twice in {owner.name} (first on line {table.keys[key].line})",
                           "YAML would silently keep only the last one: remove or rename one of them")
        table.keys[key] = key_value
        table.values[key] = owner.child(key, value_node)
    for source in merges:
        parts = source.value if isinstance(source, yaml.SequenceNode) else [source]
        for part in parts:
            if not isinstance(part, yaml.MappingNode):
                owner.fail("'<<' must merge a mapping (an &anchor of key: value entries)")
            _collect(owner, part, table, merged=True)


def _hao(text: str, table: str) -> float | None:
    """A 号 size from the selected table, else from the other one (小三 exists only in the office table)."""
    for name in (table, *sorted(HAO_TABLES)):
        if text in HAO_TABLES[name]:
            return float(HAO_TABLES[name][text])
    return None


def _read_yaml(path: Path, src: _Source) -> _Value:
    """Compose a YAML file into its root node; syntax errors, an empty file or a missing file fail."""
    label = src.label
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise src.error(f"{path} not found", label, "check the path") from None
    except IsADirectoryError:
        raise src.error(f"{path} is a folder, not a YAML file", label, "give the .yaml file in it") from None
    except UnicodeDecodeError as exc:
        raise src.error(f"{path} is not UTF-8 text ({exc.reason})", label, "save the file as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, src) from None
    except yaml.YAMLError as exc:
        raise src.error(f"YAML error: {exc}", label, "check the file's syntax") from None
    if node is None:
        raise src.error("the file is empty", label, "see docs/manifest.md for an example")
    return _Value(node, "", src)


def _syntax_error(exc: yaml.MarkedYAMLError, src: _Source) -> LayoutError:
    """A readable YAML syntax error with line and column."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    hint = ("YAML does not allow tabs for indentation: use spaces" if "\\t" in problem
            else "check indentation and quoting near this line; quote values containing ': ', '#', '[' or '{'")
    return src.error(f"YAML syntax error at column {column}: {problem}", f"{src.label}:{line}", hint)


# ---------------------------------------------------------------- issue head, typography, grid, page

@dataclass(frozen=True)
class _Head:
    """The `issue:` section."""

    id: str
    paper: str
    date: _dt.date
    number: int | None
    total_number: int | None
    edition: str


def _issue_head(value: _Value) -> _Head:
    """Read `issue:` (id, paper, date, numbers, edition)."""
    m = value.mapping(_ISSUE_KEYS, required=("id", "paper", "date"))
    issue_id = m.need("id").text("jining-2023-08-22")
    if not _ISSUE_ID.match(issue_id) or set(issue_id) == {"."}:
        m.need("id").fail(f"issue id '{issue_id}' may only use letters, digits, '.', '_' and '-'",
                          "it names the output file: write e.g. jining-2023-08-22")
    paper = m.need("paper").text("济宁日报")
    if not paper:
        m.need("paper").fail("paper (the newspaper's name) is empty", "write e.g. paper: 济宁日报")
    number, total = m.get("number"), m.get("total_number")
    edition = m.get("edition")
    return _Head(issue_id, paper, _date(m.need("date")),
                 number.integer(low=1, example="12345") if number else None,
                 total.integer(low=1, example="23456") if total else None,
                 edition.text("A") if edition else "A")


def _date(value: _Value) -> _dt.date:
    """A YYYY-MM-DD date (YAML 1.1 would make it a date object; the source text is read instead)."""
    raw = value.scalar("a date", "2023-08-22").strip()
    match = _DATE.match(raw)
    if not match:
        value.fail(f"date '{raw}' is not in the form YYYY-MM-DD", "write e.g. date: 2023-08-22")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        value.fail(f"'{raw}' is not a real date", "write the date as YYYY-MM-DD, e.g. 2023-08-22")
    return _dt.date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    """Number of days of a month (Gregorian calendar)."""
    following = _dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - _dt.timedelta(days=1)).day


def _typography(value: _Value | None) -> model.Typography:
    """Read `typography:`; absent keys keep the model defaults."""
    if value is None:
        return model.Typography()
    m = value.mapping(_TYPOGRAPHY_KEYS)
    readers = {
        "kinsoku": lambda v: v.choice(model.KINSOKU_LEVELS),
        "pair_compression": lambda v: v.number(0, 1.0, "0.5"),
        "latin_spacing": lambda v: v.number(0, 0.5, "0.25"),
        "hanging": _Value.flag,
        "breaker": lambda v: v.choice(model.BREAKERS),
        "indent": _indent,
        "orphan_min": lambda v: v.integer(low=1, example="2"),
        "hao_table": lambda v: v.choice(tuple(HAO_TABLES)),
    }
    given = {key: read(m.get(key)) for key, read in readers.items() if m.get(key) is not None}
    return replace(model.Typography(), **given)


def _indent(value: _Value) -> float:
    """The first-line indent in 字: a number or '2字'."""
    raw = value.scalar("a number of 字", "2字").strip()
    number = raw[:-1].strip() if raw.endswith("字") else raw
    if not _NUMBER.match(number) or float(number) < 0:
        value.fail(f"indent must be a number of 字, not '{raw}'", "write e.g. indent: 2字 (or 0 for none)")
    return float(number)


def _grid_spec(value: _Value, hao_table: str) -> model.GridSpec:
    """Read `grid:` (columns, gutter, body size, leading, measure); 字 = the body size."""
    m = value.mapping(_GRID_KEYS, required=("columns",))
    columns = m.need("columns").integer(low=1, example="8")
    body = m.get("body").size(hao_table) if m.get("body") else HAO_TABLES[hao_table]["五号"]
    gutter = m.get("gutter").length(body) if m.get("gutter") else body
    leading = m.get("leading").length(body) if m.get("leading") else _DEFAULT_LEADING * body
    if leading < body - _TOL:
        m.need("leading").fail(f"grid leading {leading:g}pt is less than the body size {body:g}pt",
                               "leading is one body line: write e.g. leading: 16.5pt (not a factor like 1.6)")
    measure = m.get("measure").length(body, positive=True) if m.get("measure") else None
    return model.GridSpec(columns, gutter, body, leading, measure)


def _page_size(value: _Value | None) -> tuple[float, float]:
    """Read `format:`: broadsheet, tabloid or {width, height}; (width, height) in pt."""
    if value is None:
        return mm(PAGE_FORMATS["broadsheet"][0]), mm(PAGE_FORMATS["broadsheet"][1])
    if isinstance(value.node, yaml.MappingNode):
        m = value.mapping(("width", "height"), required=("width", "height"))
        return m.need("width").length(None, positive=True), m.need("height").length(None, positive=True)
    name = value.scalar("broadsheet, tabloid or {width, height}", "broadsheet").strip()
    if name not in PAGE_FORMATS:
        value.fail(f"format '{name}' is not one of {', '.join(PAGE_FORMATS)}",
                   _close(name, tuple(PAGE_FORMATS)) + "; or give the trim size as {width: 300mm, height: 420mm}")
    return mm(PAGE_FORMATS[name][0]), mm(PAGE_FORMATS[name][1])


def _margins(value: _Value | None, body: float) -> model.Margins:
    """Read `margins:` (all four sides when given; default 20 mm each)."""
    if value is None:
        return model.Margins(*(mm(_DEFAULT_MARGIN_MM),) * 4)
    m = value.mapping(_MARGIN_KEYS, required=_MARGIN_KEYS)
    return model.Margins(*(m.need(side).length(body) for side in _MARGIN_KEYS))


def _page_grid(top: _Map, size: tuple[float, float], margins: model.Margins, spec: model.GridSpec) -> PageGrid:
    """The page grid; fails when the margins, columns or measure do not fit the page."""
    width, height = size
    where = top.get("margins") or top.get("format") or top.here
    if margins.left + margins.right >= width or margins.top + margins.bottom >= height:
        where.fail(f"the margins leave no type area on a {width:g} × {height:g}pt page",
                   "make the margins smaller than the page")
    grid = make_grid(width, height, margins, spec)
    grid_value = top.need("grid").mapping()
    avail = width - margins.left - margins.right
    if grid.measure <= _TOL or grid.type_area.width > avail + _TOL:
        at = grid_value.get("measure") or grid_value.need("columns")
        at.fail(f"{spec.columns} columns of {grid.measure:g}pt with {spec.gutter:g}pt gutters do not fit the "
                f"type area width {avail:g}pt",
                "use fewer columns, a smaller gutter or measure, or narrower margins")
    if grid.rows < 1:
        (grid_value.get("leading") or grid_value.need("columns")).fail(
            "the type area is lower than one body line", "reduce the leading or the top/bottom margins")
    return grid


# ---------------------------------------------------------------- colours, print, styles

def _cmyk(value: _Value, colors: dict[str, model.CMYK]) -> model.CMYK:
    """A colour: [c, m, y, k] in percent or a name defined under `colors:`."""
    if isinstance(value.node, yaml.ScalarNode) and not value.is_null:
        name = value.node.value.strip()
        if name not in colors:
            value.fail(f"colour '{name}' is not defined under colors:", _close(name, tuple(colors)))
        return colors[name]
    if not isinstance(value.node, yaml.SequenceNode):
        value.fail(f"{value.name} must be a CMYK list [c, m, y, k] or a colour name, not {value.kind()}",
                   "write e.g. [0, 100, 100, 0] (percent) or a name from colors:")
    items = value.items()
    if len(items) != 4:
        value.fail(f"a CMYK colour needs 4 numbers, not {len(items)}", "write [c, m, y, k] in percent 0–100")
    return model.CMYK(*(item.number(0, 100, "100") for item in items))


def _colors(value: _Value | None) -> dict[str, model.CMYK]:
    """Read `colors:` name → CMYK, in document order."""
    if value is None:
        return {}
    m = value.mapping()
    defined: dict[str, model.CMYK] = {}
    for name in m.values:
        defined[name] = _cmyk(m.need(name), defined)
    return defined


def _print_spec(value: _Value | None, root: Path) -> model.PrintSpec:
    """Read `print:` (standard, output condition, ICC profile, bleed, marks, ink limit)."""
    if value is None:
        return model.PrintSpec()
    m = value.mapping(_PRINT_KEYS)
    given: dict[str, object] = {}
    if m.get("standard"):
        given["standard"] = m.get("standard").choice(model.PDFX_STANDARDS)
    for key in ("output_condition", "registry"):
        if m.get(key):
            given[key] = m.get(key).text()
    if m.get("icc_profile"):
        given["icc_profile"] = _existing_file(m.get("icc_profile"), root, "ICC profile")
    if m.get("bleed"):
        given["bleed"] = m.get("bleed").length(None)
    if m.get("marks"):
        given["marks"] = m.get("marks").flag()
    if m.get("ink_limit"):
        given["ink_limit"] = m.get("ink_limit").number(1, 400, "240")
    return replace(model.PrintSpec(), **given)


def _existing_file(value: _Value, root: Path, what: str) -> Path:
    """A file path relative to the manifest's folder (or absolute) that must exist."""
    raw = value.text("profiles/ISOnewspaper26v4.icc")
    full = (root / raw).resolve()
    if not full.is_file():
        value.fail(f"{what} '{raw}' not found (looked for {full})",
                   "paths are relative to the folder of the manifest; check the name")
    return full


@dataclass(frozen=True)
class StyleDefault:
    """A standard style before the manifest: role, weight, size (号 name, pt, or None = grid body)."""

    role: str
    weight: str
    size: str | float | None
    align: str = "justify"
    color: model.CMYK = model.BLACK


# TYPOGRAPHY.md §4–6: body 书宋 (song), headings 黑体 (hei), datelines 楷体 (kai); sizes are 号 names or pt.
STYLE_DEFAULTS: dict[str, StyleDefault] = {
    "body": StyleDefault("song", "regular", None),
    "runin": StyleDefault("hei", "bold", None),
    "dateline": StyleDefault("kai", "bold", None),
    "label": StyleDefault("hei", "bold", "小四"),
    "kicker": StyleDefault("hei", "regular", "小三", "center"),
    "headline": StyleDefault("hei", "bold", "小一", "center"),
    "deck": StyleDefault("song", "bold", "四号", "center"),
    "folio": StyleDefault("hei", "regular", "小五", "left"),
    "masthead": StyleDefault("song", "black", 60.0, "center"),
    "masthead_info": StyleDefault("song", "regular", "小五"),
    "overset": StyleDefault("hei", "bold", None, color=model.CMYK(0, 100, 100, 0)),
}


@dataclass(frozen=True)
class _StyleContext:
    """What a style needs: the grid (body size = 字, leading), 号 table, named colours."""

    grid: model.GridSpec
    hao_table: str
    colors: dict[str, model.CMYK]


def _default_style(name: str, ctx: _StyleContext) -> model.TextStyle:
    """The standard style `name` before overrides."""
    spec = STYLE_DEFAULTS[name]
    if spec.size is None:
        size = ctx.grid.body_size
    else:
        size = _hao(spec.size, ctx.hao_table) if isinstance(spec.size, str) else float(spec.size)
    leading = ctx.grid.leading if name == "body" else _STYLE_LEADING * size
    return model.TextStyle(name, spec.role, spec.weight, size, leading, spec.align, spec.color)


def _style(base: model.TextStyle, value: _Value, ctx: _StyleContext) -> model.TextStyle:
    """A standard style with the keys the manifest gives merged over it."""
    m = value.mapping(_STYLE_KEYS)
    body = ctx.grid.body_size
    readers = {
        "role": lambda v: v.choice(model.ROLES), "weight": lambda v: v.choice(model.WEIGHTS),
        "size": lambda v: v.size(ctx.hao_table), "leading": lambda v: v.length(body, positive=True),
        "align": lambda v: v.choice(model.ALIGNMENTS), "color": lambda v: _cmyk(v, ctx.colors),
        "kinsoku": lambda v: v.choice(model.KINSOKU_LEVELS),
    }
    given = {key: read(m.get(key)) for key, read in readers.items() if m.get(key) is not None}
    if "size" in given and "leading" not in given and base.name != "body":
        given["leading"] = _STYLE_LEADING * given["size"]
    style = replace(base, **given)
    if base.name == "body":
        _check_body(style, m, ctx.grid)
    if style.leading < style.size - _TOL:
        (m.get("leading") or m.need("size")).fail(
            f"style '{base.name}': leading {style.leading:g}pt is less than its size {style.size:g}pt",
            f"give the leading as a length, e.g. {_STYLE_LEADING * style.size:g}pt")
    return style


def _check_body(style: model.TextStyle, m: _Map, grid: model.GridSpec) -> None:
    """Body text sits on the baseline grid: its size and leading are the grid's."""
    if abs(style.size - grid.body_size) > _TOL:
        m.need("size").fail(f"body size {style.size:g}pt differs from grid.body {grid.body_size:g}pt",
                            "the body size is the grid's 字: set it once under grid: body")
    if abs(style.leading - grid.leading) > _TOL:
        m.need("leading").fail(f"body leading {style.leading:g}pt differs from grid.leading {grid.leading:g}pt",
                               "body lines sit on the baseline grid: set the leading once under grid: leading")


def _styles(value: _Value | None, ctx: _StyleContext) -> dict[str, model.TextStyle]:
    """Every standard style: defaults, with the manifest's `styles:` overrides merged in."""
    given = value.mapping(model.STYLE_NAMES) if value is not None else None
    styles = {}
    for name in model.STYLE_NAMES:
        style = _default_style(name, ctx)
        override = given.get(name) if given is not None else None
        styles[name] = _style(style, override, ctx) if override is not None else style
    return styles


def _check_ink(styles: dict[str, model.TextStyle], top: _Map, limit: float) -> None:
    """Every style colour must stay within the total-ink limit (PRINT.md: ≤ 240 % on newsprint)."""
    for name, style in styles.items():
        if style.color.total <= limit + _TOL:
            continue
        style_map = top.get("styles").mapping().get(name) if top.get("styles") else None
        color = style_map.mapping().get("color") if style_map is not None else None
        at = color or (top.get("print").mapping().get("ink_limit") if top.get("print") else None) or top.here
        c = style.color
        at.fail(f"style '{name}': colour C{c.c:g} M{c.m:g} Y{c.y:g} K{c.k:g} has {c.total:g} % total ink, "
                f"above the ink limit {limit:g} %",
                f"reduce the colour (C+M+Y+K ≤ {limit:g}) or raise print: ink_limit")


# ---------------------------------------------------------------- fonts, QA

def _font_overrides(value: _Value | None, root: Path) -> tuple[model.FontOverride, ...]:
    """Read `fonts:` overrides: role/weight → file (relative to the manifest) and face index."""
    if value is None:
        return ()
    overrides: dict[tuple[str, str], model.FontOverride] = {}
    for item in value.items():
        m = item.mapping(("role", "weight", "file", "index"), required=("role", "weight", "file"))
        role, weight = m.need("role").choice(model.ROLES), m.need("weight").choice(model.WEIGHTS)
        if (role, weight) in overrides:
            item.fail(f"font {role}/{weight} is overridden twice", "keep one entry per role and weight")
        index = m.get("index").integer(low=0, example="0") if m.get("index") else 0
        overrides[(role, weight)] = model.FontOverride(role, weight, _existing_file(m.need("file"), root, "font"),
                                                       index)
    return tuple(overrides.values())


def _ignore_regions(value: _Value | None) -> tuple[tuple[float, float, float, float], ...]:
    """Read `qa: {ignore: [[x0, y0, x1, y1], …]}`: rectangles (pt, PDF coordinates) the visual diff skips."""
    if value is None:
        return ()
    ignore = value.mapping(("ignore",)).get("ignore")
    regions = []
    for item in ignore.items() if ignore is not None else []:
        corners = item.items()
        if len(corners) != 4:
            item.fail(f"a region needs 4 numbers [x0, y0, x1, y1], not {len(corners)}",
                      "write e.g. [0, 0, 100mm, 20mm] (origin bottom-left)")
        x0, y0, x1, y1 = (corner.length(None) for corner in corners)
        if x1 <= x0 or y1 <= y0:
            item.fail("a region's x1/y1 must be greater than its x0/y0", "write [left, bottom, right, top]")
        regions.append((x0, y0, x1, y1))
    return tuple(regions)


# ---------------------------------------------------------------- pages and articles

@dataclass(frozen=True)
class _PageContext:
    """What pages are checked against: the grid, the issue folder, ids and page numbers seen so far."""

    grid: PageGrid
    root: Path
    hao_table: str = "clreq"
    article_ids: dict[str, str] = field(default_factory=dict)  # id → where first used
    page_numbers: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Placed:
    """An article read from the manifest and its slot node (for overlap messages)."""

    spec: model.ArticleSpec
    slot: _Value


def _pages(value: _Value, ctx: _PageContext) -> tuple[model.PageSpec, ...]:
    """Read `pages:` (at least one)."""
    items = value.items()
    if not items:
        value.fail("pages is empty", "add at least one page with number, section and articles")
    return tuple(_page(item, ctx) for item in items)


def _page(value: _Value, ctx: _PageContext) -> model.PageSpec:
    """One page: 版次, 版名, credits, masthead, articles; checks numbers, slots and overlaps."""
    m = value.mapping(_PAGE_KEYS, required=("number",))
    number = m.need("number").integer(low=1, example="2")
    if number in ctx.page_numbers:
        m.need("number").fail(f"page number {number} is used twice (first at {ctx.page_numbers[number]})",
                              "give every page its own number (版次)")
    ctx.page_numbers[number] = m.need("number").where()
    section = m.get("section").text("要闻") if m.get("section") else ""
    masthead = _masthead(m.get("masthead"), ctx.grid)
    articles = m.get("articles").items() if m.get("articles") else []
    placed = [_article(item, ctx) for item in articles]
    _check_slots(placed, masthead)
    return model.PageSpec(number, section, _credits(m.get("credits")), tuple(p.spec for p in placed),
                          value.where(), masthead)


def _credits(value: _Value | None) -> tuple[tuple[str, str], ...]:
    """Read `credits:` (责任编辑: 王静, …) as ordered pairs."""
    if value is None:
        return ()
    m = value.mapping()
    return tuple((key, m.need(key).text("王静")) for key in m.values)


def _masthead(value: _Value | None, grid: PageGrid) -> model.Masthead | None:
    """Read a page's `masthead:` (报头): title and the body lines it occupies."""
    if value is None:
        return None
    m = value.mapping(_MASTHEAD_KEYS, required=("title", "lines"))
    lines = m.need("lines").integer(low=1, example="10")
    if lines >= grid.rows:
        m.need("lines").fail(f"the masthead takes {lines} lines but the type area has only {grid.rows}",
                             f"give fewer than {grid.rows} lines")
    extra = {key: m.get(key).text() for key in ("subtitle", "publisher", "registration") if m.get(key)}
    return model.Masthead(m.need("title").text("济宁日报"), lines, **extra)


def _article(value: _Value, ctx: _PageContext) -> _Placed:
    """One article: unique id, file inside the issue folder, slot on the grid."""
    m = value.mapping(_ARTICLE_KEYS, required=("id", "file", "slot"))
    article_id = m.need("id").text("lead")
    if article_id in ctx.article_ids:
        m.need("id").fail(f"article id '{article_id}' is used twice (first at {ctx.article_ids[article_id]})",
                          "give every article of the issue its own id")
    ctx.article_ids[article_id] = m.need("id").where()
    path = _article_file(m.need("file"), ctx.root)
    slot = _slot(m.need("slot"), ctx.grid)
    align = m.get("headline_align").choice(model.ALIGNMENTS) if m.get("headline_align") else None
    lines = m.get("headline_lines").integer(low=1, example="3") if m.get("headline_lines") else None
    size = m.get("headline_size").size(ctx.hao_table) if m.get("headline_size") else None
    spec = model.ArticleSpec(article_id, path, slot, value.where(), align, lines, size)
    return _Placed(spec, m.need("slot"))


def _article_file(value: _Value, root: Path) -> Path:
    """The article's file: relative to the issue folder (or absolute), never outside it, must exist."""
    raw = value.text("articles/01.txt")
    full = (root / raw).resolve()
    if not full.is_relative_to(root):
        value.fail(f"article file '{raw}' is outside the issue folder {root}",
                   "keep article files inside the issue folder, e.g. articles/01.txt")
    if not full.is_file():
        value.fail(f"article file '{raw}' not found (looked for {full})",
                   "article paths are relative to the issue folder (where issue.yaml is); check the name")
    return full


def _slot(value: _Value, grid: PageGrid) -> model.Slot:
    """A slot on the grid: column and span within the columns, top and lines within the rows."""
    m = value.mapping(_SLOT_KEYS, required=_SLOT_KEYS)
    column = m.need("column").integer(low=1, example="1")
    span = m.need("span").integer(low=1, example="3")
    top = m.need("top").integer(low=0, example="0")
    raw_lines = m.need("lines")
    rest = isinstance(raw_lines.node, yaml.ScalarNode) and raw_lines.node.value.strip() == "rest"
    lines = None if rest else raw_lines.integer(low=1, example="24 (or rest)")
    if column > grid.columns:
        m.need("column").fail(f"column {column} is outside the grid of {grid.columns} columns",
                              f"columns are numbered 1–{grid.columns}")
    if column + span - 1 > grid.columns:
        last = column + span - 1
        m.need("span").fail(f"columns {column}–{last} run past the grid's {grid.columns} columns",
                            f"column + span - 1 must be ≤ {grid.columns}: use span ≤ {grid.columns - column + 1}")
    if top >= grid.rows:
        m.need("top").fail(f"top line {top} is below the type area ({grid.rows} body lines, "
                           f"0–{grid.rows - 1})", f"use top < {grid.rows}")
    if lines is not None and top + lines > grid.rows:
        raw_lines.fail(f"lines {top}–{top + lines - 1} run past the type area's {grid.rows} body lines",
                       f"top + lines must be ≤ {grid.rows}: use lines ≤ {grid.rows - top}, or lines: rest")
    return model.Slot(column, span, top, lines)


def _check_slots(placed: list[_Placed], masthead: model.Masthead | None) -> None:
    """No slot may overlap another slot of the page or the masthead's lines."""
    for index, item in enumerate(placed):
        slot = item.spec.slot
        if masthead is not None and slot.top < masthead.lines:
            item.slot.mapping().need("top").fail(
                f"article '{item.spec.id}' starts on line {slot.top}, inside the masthead (lines 0–"
                f"{masthead.lines - 1})", f"start it at top: {masthead.lines} or lower")
        for other in placed[:index]:
            if _overlap(slot, other.spec.slot):
                item.slot.fail(f"the slots of articles '{other.spec.id}' and '{item.spec.id}' overlap",
                               f"move or shrink one of them ('{other.spec.id}' is at {other.slot.where()})")


def _overlap(a: model.Slot, b: model.Slot) -> bool:
    """Whether two slots share a column and a body line ('rest' reaches the bottom)."""
    big = 1 << 30
    a_end = a.top + (a.lines if a.lines is not None else big)
    b_end = b.top + (b.lines if b.lines is not None else big)
    columns = a.column < b.column + b.span and b.column < a.column + a.span
    return columns and a.top < b_end and b.top < a_end


# ---------------------------------------------------------------- entry points

def load_issue(path: Path) -> model.Issue:
    """Read and validate issue.yaml into an Issue; the first problem raises a ManifestError."""
    path = Path(path)
    top = _read_yaml(path, _Source(str(path), ManifestError))
    if not isinstance(top.node, yaml.MappingNode):
        top.fail(f"the manifest must be a mapping of sections (issue:, grid:, pages: …), not {top.kind()}",
                 "see docs/manifest.md for an example")
    m = top.mapping(_TOP_KEYS, required=("issue", "grid", "pages"))
    root = path.resolve().parent
    head = _issue_head(m.need("issue"))
    typography = _typography(m.get("typography"))
    grid_spec = _grid_spec(m.need("grid"), typography.hao_table)
    margins = _margins(m.get("margins"), grid_spec.body_size)
    size = _page_size(m.get("format"))
    grid = _page_grid(m, size, margins, grid_spec)
    colors = _colors(m.get("colors"))
    print_spec = _print_spec(m.get("print"), root)
    styles = _styles(m.get("styles"), _StyleContext(grid_spec, typography.hao_table, colors))
    _check_ink(styles, m, print_spec.ink_limit)
    fonts = _font_overrides(m.get("fonts"), root)
    ignore = _ignore_regions(m.get("qa"))
    pages = _pages(m.need("pages"), _PageContext(grid, root, typography.hao_table))
    return model.Issue(
        id=head.id, paper=head.paper, date=head.date, number=head.number, total_number=head.total_number,
        edition=head.edition, page_width=size[0], page_height=size[1], margins=margins, grid=grid_spec,
        styles=tuple(styles.values()), typography=typography, print=print_spec, pages=pages,
        manifest=path.resolve(), fonts=fonts, colors=tuple(colors.items()), ignore_regions=ignore)


def load_font_table(path: Path = FONT_TABLE) -> FontTable:
    """Read fonts/fonts.yaml (faces: role → weight → file/index/sha256/package; fallback) into a FontTable."""
    path = Path(path)
    top = _read_yaml(path, _Source(str(path), FontError))
    m = top.mapping(("faces", "fallback"), required=("faces",))
    sources = _face_sources(m.need("faces"), path.resolve().parent)
    roles = tuple(dict.fromkeys(source.role for source in sources))
    fallback = m.get("fallback").mapping(roles) if m.get("fallback") else None
    chains = []
    for role in fallback.values if fallback is not None else {}:
        chains.append((role, tuple(item.choice(roles) for item in fallback.need(role).items())))
    return FontTable(sources, tuple(chains))


def _face_sources(value: _Value, folder: Path) -> tuple[FaceSource, ...]:
    """The `faces:` table: role → weight → {file, index, sha256, package}; files relative to fonts.yaml."""
    sources = []
    roles = value.mapping(model.ROLES)
    for role in roles.values:
        weights = roles.need(role).mapping(model.WEIGHTS)
        for weight in weights.values:
            face = weights.need(weight).mapping(("file", "index", "sha256", "package"), required=("file",))
            file = folder / face.need("file").text("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
            index = face.get("index").integer(low=0, example="2") if face.get("index") else 0
            sha = face.get("sha256").text() if face.get("sha256") else ""
            package = face.get("package").text() if face.get("package") else ""
            sources.append(FaceSource(role, weight, file, index, sha, package))
    return tuple(sources)
