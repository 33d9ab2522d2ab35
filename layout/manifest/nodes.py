"""Nodes: YAML nodes that remember their file, line and path; conversions that fail with a located message."""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import yaml

from ..errors import LayoutError
from ..i18n import N_, _
from ..units import HAO_TABLES, font_size, length
from .limits import MAX_DEPTH, MAX_NAME_BYTES

_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_INT = re.compile(r"^[+-]?[0-9]+$")  # ASCII digits only: str.isdigit() and \d accept '¹' and '２'
NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
FULLWIDTH_COLON = "："
# what the manifest's file paths name (the `what` of inside / regular_file), said in the active language
FILE_KINDS = (N_("photo"), N_("font"), N_("logo"), N_("ad file"), N_("ICC profile"), N_("article file"))
_COLON_HINT = N_("the full-width colon '：' (Chinese input method) is not a YAML ':': type an ASCII ':' and a space")
_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
TOL = 1e-6



@dataclass(frozen=True)
class Source:
    """The YAML file being read: its name as shown in messages and the error class to raise."""

    label: str
    error: type[LayoutError]


def _write(name: str, example: str) -> str:
    """The hint 'write e.g. name: example'."""
    return _("write e.g. {name}: {example}").format(name=name, example=example)


def located(label: str, line: int, path: str) -> str:
    """`file:line (yaml.path)` for a message."""
    return f"{label}:{line} ({path})" if path else f"{label}:{line}"


def close(word: str, options: Sequence[str]) -> str:
    """A 'did you mean' hint for a misspelt key or value, listing the allowed ones."""
    allowed = ", ".join(options) if options else _("(none)")
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if match:
        return _("did you mean '{word}'? allowed: {allowed}").format(word=match[0], allowed=allowed)
    return _("allowed: {allowed}").format(allowed=allowed)


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

    @property
    def has_fullwidth_colon(self) -> bool:
        """Whether the node is a text holding a full-width '：' (`id： lead` typed in a Chinese IME)."""
        return isinstance(self.node, yaml.ScalarNode) and FULLWIDTH_COLON in str(self.node.value)

    def where(self) -> str:
        """Location of the node for a message."""
        return located(self.src.label, self.line, self.path)

    def fail(self, message: str, hint: str = "") -> NoReturn:
        """Raise the source's error class at this node."""
        raise self.src.error(message, self.where(), hint)

    def kind(self) -> str:
        """What the node is, in words, for type errors."""
        if isinstance(self.node, yaml.MappingNode):
            return _("a mapping")
        if isinstance(self.node, yaml.SequenceNode):
            return _("a list")
        return _("empty") if self.is_null else f"'{self.node.value}'"

    def scalar(self, what: str, example: str) -> str:
        """The node's source text (one value, not a list or mapping)."""
        if not isinstance(self.node, yaml.ScalarNode) or self.is_null:
            self.fail(_("{name} must be {what}, not {kind}").format(name=self.name, what=_(what), kind=self.kind()),
                      _write(self.name, example))
        return self.node.value

    def text(self, example: str = "…") -> str:
        """A string value, as written (`no` stays 'no')."""
        return self.scalar(N_("text"), example).strip()

    def integer(self, low: int | None = None, example: str = "3") -> int:
        """A whole number, at least `low`."""
        raw = self.scalar(N_("a whole number"), example).strip()
        if not _INT.match(raw):
            self.fail(_("{name} must be a whole number, not '{raw}'").format(name=self.name, raw=raw),
                      _write(self.name, example))
        return self._at_least(int(raw), low)

    def number(self, low: float | None = None, high: float | None = None, example: str = "1") -> float:
        """A plain number between `low` and `high` (inclusive)."""
        raw = self.scalar(N_("a number"), example).strip()
        if not NUMBER.match(raw):
            self.fail(_("{name} must be a number, not '{raw}'").format(name=self.name, raw=raw),
                      _write(self.name, example))
        value = self._at_least(float(raw), low)
        if high is not None and value > high + TOL:
            self.fail(_("{name} is {raw}, more than the maximum {high}").format(name=self.name, raw=raw,
                                                                               high=f"{high:g}"),
                      _("give a value ≤ {high}").format(high=f"{high:g}"))
        return value

    def _at_least(self, value: float, low: float | None) -> float:
        """`value` if it is at least `low`, else fail."""
        if low is not None and value < low:
            self.fail(_("{name} is {value}, less than the minimum {low}").format(name=self.name, value=f"{value:g}",
                                                                                  low=f"{low:g}"),
                      _("give a value ≥ {low}").format(low=f"{low:g}"))
        return value

    def flag(self) -> bool:
        """A yes/no value (true/false, yes/no, on/off)."""
        raw = self.scalar(N_("true or false"), "true").strip().lower()
        if raw not in _BOOLS:
            self.fail(_("{name} must be true or false, not '{raw}'").format(name=self.name, raw=raw),
                      _("write {name}: true or false").format(name=self.name))
        return _BOOLS[raw]

    def choice(self, options: Sequence[str]) -> str:
        """One of `options`, listing them when the value is not one."""
        raw = self.scalar(_("one of {options}").format(options=", ".join(options)), options[0]).strip()
        if raw not in options:
            self.fail(_("{name} '{raw}' is not one of {options}").format(name=self.name, raw=raw,
                                                                        options=", ".join(options)),
                      close(raw, options))
        return raw

    def length(self, em: float | None, positive: bool = False) -> float:
        """A length in pt (number = pt, or text with mm/cm/pt/Q/字); never negative."""
        raw = self.scalar(N_("a length"), "12mm").strip()
        value = length(raw, self.where(), em)
        if value < 0 or (positive and value <= TOL):
            message = (_("{name} must be more than 0, not '{raw}'") if positive
                       else _("{name} must be at least 0, not '{raw}'"))
            self.fail(message.format(name=self.name, raw=raw),
                      _("give a positive length, e.g. 12mm or 9pt"))
        return value

    def size(self, table: str) -> float:
        """A type size in pt: number, '9pt', '13Q' or a 号 name (from `table`, else the other table)."""
        raw = self.scalar(N_("a type size"), "五号").strip()
        value = hao(raw, table)
        if value is None:
            value = font_size(raw, self.where(), table)
        if value <= TOL:
            self.fail(_("{name} must be more than 0, not '{raw}'").format(name=self.name, raw=raw),
                      _("give a size, e.g. 五号 or 10.5pt"))
        return value

    def items(self) -> list[Value]:
        """The entries of a list."""
        if not isinstance(self.node, yaml.SequenceNode):
            self.fail(_("{name} must be a list, not {kind}").format(name=self.name, kind=self.kind()),
                      _("write one '- …' line per entry"))
        return [Value(item, f"{self.path}[{i}]", self.src) for i, item in enumerate(self.node.value)]

    def mapping(self, allowed: Sequence[str] | None = None, required: Sequence[str] = ()) -> Map:
        """The node as a mapping; unknown keys (when `allowed` is given) and missing required keys fail."""
        if not isinstance(self.node, yaml.MappingNode):
            self.fail(_("{name} must be a mapping of 'key: value' entries, not {kind}").format(name=self.name,
                                                                                              kind=self.kind()),
                      _(_COLON_HINT) if self.has_fullwidth_colon
                      else _("indent its keys under it, or write {key: value, …}"))
        table = Map(self)
        collect(self, self.node, table)
        for key, key_value in table.keys.items():
            if allowed is not None and key not in allowed:
                key_value.fail(_("unknown key '{key}' in {name}").format(key=key, name=self.name),
                               _(_COLON_HINT) if FULLWIDTH_COLON in key else close(key, allowed))
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
        self.merged: set[int] = set()  # ids of the mapping nodes merged in so far

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
                _("{name} has no value for required key '{key}'").format(name=self.here.name, key=key)
                if key in self.values
                else _("missing required key '{key}' in {name}").format(key=key, name=self.here.name),
                located(at.src.label, at.line, self.here.child(key, at.node).path),
                _("add '{key}: …' here").format(key=key))
        return value


def collect(owner: Value, node: yaml.MappingNode, table: Map, merged: int = 0) -> None:
    """Fill `table` from a mapping node: duplicate keys fail; `<<:` merges fill keys not given (`merged`
    counts how deep merges are chained; each merged mapping is read once however often it is merged)."""
    if merged > MAX_DEPTH:
        owner.fail(_("'<<' merges are chained more than {MAX_DEPTH} deep").format(MAX_DEPTH=MAX_DEPTH),
                   _("see docs/limits.md"))
    merges = []
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            merges.append(value_node)
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL_TAG:
            Value(key_node, owner.path, owner.src).fail(_("a key in {name} is not a plain name").format(
                                                            name=owner.name),
                                                         _("write keys as plain words"))
        key = str(key_node.value)
        key_value = owner.child(key, key_node)
        if FULLWIDTH_COLON in key and isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL_TAG:
            key_value.fail(_("'{key}' has a full-width colon '：' where the key should end").format(key=key),
                           _(_COLON_HINT))
        if key in table.keys:
            if merged:
                continue
            key_value.fail(_("key '{key}' appears twice in {name} (first on line {line})").format(
                               key=key, name=owner.name, line=table.keys[key].line),
                           _("YAML would silently keep only the last one: remove or rename one of them"))
        table.keys[key] = key_value
        table.values[key] = owner.child(key, value_node)
    seen = table.merged
    for source in merges:
        parts = source.value if isinstance(source, yaml.SequenceNode) else [source]
        for part in parts:
            if not isinstance(part, yaml.MappingNode):
                owner.fail(_("'<<' must merge a mapping (an &anchor of key: value entries)"))
            if id(part) not in seen:  # merging the same mapping again adds nothing
                seen.add(id(part))
                collect(owner, part, table, merged + 1)


def hao(text: str, table: str) -> float | None:
    """A 号 size from the selected table, else from the other one (小三 exists only in the office table)."""
    for name in (table, *sorted(HAO_TABLES)):
        if text in HAO_TABLES[name]:
            return float(HAO_TABLES[name][text])
    return None


def existing_file(value: Value, root: Path, what: str) -> Path:
    """A file path relative to the manifest's folder (or absolute) that must exist."""
    raw = value.text("profiles/ISOnewspaper26v4.icc")
    return regular_file(value, raw, resolved(value, root, raw, what), what,
                        N_("paths are relative to the folder of the manifest; check the name"))


def resolved(value: Value, root: Path, raw: str, what: str) -> Path:
    """`raw` (relative to `root`, or absolute) made absolute; a NUL, a control character or an over-long
    name fails at `value` (the OS would refuse them with a ValueError or ENAMETOOLONG)."""
    bad = next((c for c in raw if ord(c) < 0x20 or ord(c) == 0x7F), None)
    if bad is not None:
        name = _("a NUL byte") if bad == "\0" else _("the control character U+{code:04X}").format(code=ord(bad))
        value.fail(_("{what} path {raw!r} contains {name}").format(what=_(what), raw=raw, name=name),
                   _("write the file name without it (a NUL can never be "
                     "part of a file name)"))
    long = next((part for part in Path(raw).parts if len(os.fsencode(part)) > MAX_NAME_BYTES), None)
    if long is not None:
        value.fail(_("{what} path has a name of {count} bytes ('{long}…'), more than the "
                     "{MAX_NAME_BYTES} a file system allows").format(
                       what=_(what), count=len(os.fsencode(long)), long=long[:20], MAX_NAME_BYTES=MAX_NAME_BYTES),
                   _("shorten the file name"))
    try:
        return (root / raw).resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on older Pythons
        value.fail(_("{what} '{raw}' cannot be read: {reason}").format(what=what, raw=raw, reason=_reason(exc)),
                   _fix(exc))


def inside(value: Value, root: Path, raw: str, what: str, hint: str) -> Path:
    """`raw` resolved (as `resolved`), which must lie inside the issue folder `root`; else fails at `value`."""
    full = resolved(value, root, raw, what)
    if not full.is_relative_to(root):
        value.fail(_("{what} '{raw}' is outside the issue folder {root}").format(what=_(what), raw=raw, root=root),
                   _(hint))
    return full


def regular_file(value: Value, raw: str, full: Path, what: str, hint: str) -> Path:
    """`full` if it is a readable regular file; a missing file, a folder, a symlink loop, a FIFO or a
    device fails at `value` saying which."""
    try:
        info = os.stat(full)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            value.fail(_("{what} '{raw}' not found (looked for {full})").format(what=_(what), raw=raw, full=full),
                       _(hint))
        value.fail(_("{what} '{raw}' cannot be read: {reason}").format(what=_(what), raw=raw, reason=_reason(exc)),
                   _fix(exc))
    if stat.S_ISDIR(info.st_mode):
        value.fail(_("{what} '{raw}' is a folder, not a file ({full})").format(what=_(what), raw=raw, full=full),
                   _("give the path of a file in it"))
    if not stat.S_ISREG(info.st_mode):
        value.fail(_("{what} '{raw}' is not a regular file (a FIFO, device or socket: {full})").format(
            what=_(what), raw=raw, full=full), _("give the path of an ordinary file"))
    return full


def _fix(exc: BaseException) -> str:
    """How to fix an OS error on a path."""
    if getattr(exc, "errno", None) == errno.ELOOP or isinstance(exc, RuntimeError):
        return _("replace the link by the file, or point it at the file (ls -l shows where it points)")
    return _("check the path and its permissions")


def _reason(exc: BaseException) -> str:
    """An OS error in words; a symlink loop and an over-long name said plainly."""
    number = getattr(exc, "errno", None)
    if number == errno.ELOOP or isinstance(exc, RuntimeError):
        return _("it is a symbolic link that loops (points back to itself)")
    if number == errno.ENAMETOOLONG:
        return _("the name is too long")
    return getattr(exc, "strerror", None) or str(exc)
