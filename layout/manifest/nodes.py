"""Nodes: YAML nodes that remember their file, line and path; conversions that fail with a located message."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import yaml

from ..errors import LayoutError
from ..units import HAO_TABLES, font_size, length

_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_INT = re.compile(r"^[+-]?\d+$")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
TOL = 1e-6



@dataclass(frozen=True)
class Source:
    """The YAML file being read: its name as shown in messages and the error class to raise."""

    label: str
    error: type[LayoutError]


def located(label: str, line: int, path: str) -> str:
    """`file:line (yaml.path)` for a message."""
    return f"{label}:{line} ({path})" if path else f"{label}:{line}"


def close(word: str, options: Sequence[str]) -> str:
    """A 'did you mean' hint for a misspelt key or value, listing the allowed ones."""
    allowed = ", ".join(options) if options else "(none)"
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'? allowed: {allowed}" if match else f"allowed: {allowed}"


@dataclass(frozen=True)
class Value:
    """One YAML node with its file and path (pages[0].slot.span): converts itself or fails with a message."""

    node: yaml.Node
    path: str
    src: Source

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
        return located(self.src.label, self.line, self.path)

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
        if not NUMBER.match(raw):
            self.fail(f"{self.name} must be a number, not '{raw}'", f"write e.g. {self.name}: {example}")
        value = self._at_least(float(raw), low)
        if high is not None and value > high + TOL:
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
            self.fail(f"{self.name} '{raw}' is not one of {', '.join(options)}", close(raw, options))
        return raw

    def length(self, em: float | None, positive: bool = False) -> float:
        """A length in pt (number = pt, or text with mm/cm/pt/Q/字); never negative."""
        raw = self.scalar("a length", "12mm").strip()
        value = length(raw, self.where(), em)
        if value < 0 or (positive and value <= TOL):
            self.fail(f"{self.name} must be {'more than' if positive else 'at least'} 0, not '{raw}'",
                      "give a positive length, e.g. 12mm or 9pt")
        return value

    def size(self, table: str) -> float:
        """A type size in pt: number, '9pt', '13Q' or a 号 name (from `table`, else the other table)."""
        raw = self.scalar("a type size", "五号").strip()
        value = hao(raw, table)
        if value is None:
            value = font_size(raw, self.where(), table)
        if value <= TOL:
            self.fail(f"{self.name} must be more than 0, not '{raw}'", "give a size, e.g. 五号 or 10.5pt")
        return value

    def items(self) -> list[Value]:
        """The entries of a list."""
        if not isinstance(self.node, yaml.SequenceNode):
            self.fail(f"{self.name} must be a list, not {self.kind()}", "write one '- …' line per entry")
        return [Value(item, f"{self.path}[{i}]", self.src) for i, item in enumerate(self.node.value)]

    def mapping(self, allowed: Sequence[str] | None = None, required: Sequence[str] = ()) -> Map:
        """The node as a mapping; unknown keys (when `allowed` is given) and missing required keys fail."""
        if not isinstance(self.node, yaml.MappingNode):
            self.fail(f"{self.name} must be a mapping of 'key: value' entries, not {self.kind()}",
                      "indent its keys under it, or write {key: value, …}")
        table = Map(self)
        collect(self, self.node, table)
        for key, key_value in table.keys.items():
            if allowed is not None and key not in allowed:
                key_value.fail(f"unknown key '{key}' in {self.name}", close(key, allowed))
        for key in required:
            table.need(key)
        return table

    def child(self, key: str, node: yaml.Node) -> Value:
        """The value node of `key` in this mapping."""
        return Value(node, f"{self.path}.{key}" if self.path else key, self.src)


class Map:
    """A checked YAML mapping: key → value, in document order (filled once by `collect`, then read)."""

    def __init__(self, here: Value) -> None:
        self.here = here
        self.keys: dict[str, Value] = {}  # key nodes, for messages about keys
        self.values: dict[str, Value] = {}

    def get(self, key: str) -> Value | None:
        """The value of `key`, None when absent or empty."""
        value = self.values.get(key)
        return None if value is None or value.is_null else value

    def need(self, key: str) -> Value:
        """The value of a required key."""
        value = self.get(key)
        if value is None:
            at = self.values.get(key) or self.here
            raise self.here.src.error(
                f"{self.here.name} has no value for required key '{key}'" if key in self.values
                else f"missing required key '{key}' in {self.here.name}",
                located(at.src.label, at.line, self.here.child(key, at.node).path), f"add '{key}: …' here")
        return value


def collect(owner: Value, node: yaml.MappingNode, table: Map, merged: bool = False) -> None:
    """Fill `table` from a mapping node: duplicate keys fail; `<<:` merges fill keys not given."""
    merges = []
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            merges.append(value_node)
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL_TAG:
            Value(key_node, owner.path, owner.src).fail(f"a key in {owner.name} is not a plain name",
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
            collect(owner, part, table, merged=True)


def hao(text: str, table: str) -> float | None:
    """A 号 size from the selected table, else from the other one (小三 exists only in the office table)."""
    for name in (table, *sorted(HAO_TABLES)):
        if text in HAO_TABLES[name]:
            return float(HAO_TABLES[name][text])
    return None


def read_yaml(path: Path, src: Source) -> Value:
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
    return Value(node, "", src)


def _syntax_error(exc: yaml.MarkedYAMLError, src: Source) -> LayoutError:
    """A readable YAML syntax error with line and column."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    hint = ("YAML does not allow tabs for indentation: use spaces" if "\\t" in problem
            else "check indentation and quoting near this line; quote values containing ': ', '#', '[' or '{'")
    return src.error(f"YAML syntax error at column {column}: {problem}", f"{src.label}:{line}", hint)


def existing_file(value: Value, root: Path, what: str) -> Path:
    """A file path relative to the manifest's folder (or absolute) that must exist."""
    raw = value.text("profiles/ISOnewspaper26v4.icc")
    full = (root / raw).resolve()
    if not full.is_file():
        value.fail(f"{what} '{raw}' not found (looked for {full})",
                   "paths are relative to the folder of the manifest; check the name")
    return full
