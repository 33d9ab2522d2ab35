"""Reader: a YAML file → its root node, refusing what is not a small UTF-8 text manifest with a located message.

Every way a file can be hostile is checked before or while composing: not a regular file (a FIFO or a device
would hang or never end), too big, not UTF-8 (a GBK file from Windows), control characters (a NUL), a
full-width colon typed in a Chinese IME (`id： lead`), nesting deeper than MAX_DEPTH (PyYAML's composer
recurses once per level: a few thousand `[` would end in RecursionError), and alias bombs (an alias is
one node in the composed graph but is visited in full by every reader: the expanded size is counted).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.resolver import Resolver

try:  # libyaml's scanner and parser (in the PyYAML wheel); without it every file takes the pure-Python path
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    CParser = None

from ..errors import LayoutError
from ..i18n import N_, _
from .limits import MAX_ALIASES, MAX_DEPTH, MAX_MANIFEST_BYTES, MAX_NODES
from .nodes import FULLWIDTH_COLON, Source, Value

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # what YAML refuses: C0/C1 controls but tab, LF, CR, NEL …
_CHARACTER_NAMES = {0: "a NUL byte", 0x1B: "an ESC character", 0x7F: "a DEL character", 0xFFFE: "a byte-order "
                    "mark in the wrong byte order", 0xFFFF: "the non-character U+FFFF"}
# A line whose first ':'-like mark is a full-width '：' where a key ends: `id： lead`, `- 标题：值`.
_FULLWIDTH_KEY = re.compile(r"^\s*(?:-\s+)*[^\s#:'\"{}\[\]][^#:]*?" + FULLWIDTH_COLON)


class _Limit(yaml.MarkedYAMLError):
    """A manifest limit exceeded while composing (a MarkedYAMLError so it keeps the line; `note` = the hint)."""

    def __init__(self, problem: str, mark, hint: str) -> None:
        super().__init__(None, None, problem, mark, hint)


_BIG = "a manifest has a few thousand values nested a few levels deep: see docs/limits.md"


class _Bounds(Composer):
    """A composer that bounds nesting depth, alias uses and the node count after alias expansion, and refuses
    an alias to a node that contains it (a cycle no reader could finish)."""

    def _start_bounds(self) -> None:
        self._depth = 0
        self._nodes = 0  # expanded so far
        self._aliases = 0
        self._sizes: dict[str, int] = {}  # anchor → expanded node count of its node
        self._open: set[str] = set()  # anchors whose node is being composed

    def _grow(self, count: int, mark) -> None:
        self._nodes += count
        if self._nodes > MAX_NODES:
            raise _Limit(f"the file has more than {MAX_NODES:,} values once its aliases (*name) and merges "
                         "(<<:) are expanded — an alias bomb, or not a manifest", mark,
                         "aliases are for repeating a slot or a style a few times; " + _BIG)

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            if event.anchor in self._open:
                raise _Limit(f"alias *{event.anchor} is used inside the node &{event.anchor} it refers to: a loop",
                             event.start_mark, f"an alias may only repeat a node defined before it, not its own "
                             f"container: remove *{event.anchor} here")
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Limit(f"more than {MAX_ALIASES:,} aliases (*name) in one file", event.start_mark,
                             "write the values out, or repeat fewer: see docs/limits.md")
            self._grow(self._sizes.get(event.anchor, 1), event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Limit(f"lists and mappings are nested more than {MAX_DEPTH} levels deep", event.start_mark,
                         "check for unclosed '[' or '{', or runaway indentation; " + _BIG)
        before = self._nodes
        self._grow(1, event.start_mark)
        anchor = event.anchor
        if anchor is not None:
            self._open.add(anchor)
        node = super().compose_node(parent, index)
        if anchor is not None:
            self._open.discard(anchor)
            self._sizes[anchor] = self._nodes - before
        self._depth -= 1
        return node


class _BoundedLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _Bounds, SafeConstructor,
                     Resolver):
    """SafeLoader with the bounded composer: the pure-Python path, whose error messages a located error quotes."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._start_bounds()


def _compose_fast(text: str):
    """The root node composed from libyaml's events by the same bounded composer (≈ 8 × faster than the
    pure-Python scanner on a 16-page manifest); None when libyaml is missing or the file is not valid YAML
    within the limits, so that the pure-Python path composes it again and words the error as always."""
    if CParser is None:
        return None
    loader = _FastLoader(text)
    try:
        return Composer.get_single_node(loader)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


if CParser is not None:
    class _FastLoader(CParser, _Bounds, SafeConstructor, Resolver):
        """libyaml's parser under the bounded composer (nodes with the same lines, columns and values)."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._start_bounds()


def read_yaml(path: Path, src: Source) -> Value:
    """Compose a YAML file into its root node; anything but a small UTF-8 YAML text file fails, located."""
    text = _read_text(path, src)
    label = src.label
    try:
        node = _compose_fast(text) or yaml.compose(text, Loader=_BoundedLoader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, src) from None
    except yaml.YAMLError as exc:
        raise src.error(_("YAML error: {exc}").format(exc=exc), label, _("check the file's syntax")) from None
    if node is None:
        raise src.error(_("the file is empty"), label, _("see docs/manifest.md for an example"))
    return Value(node, "", src)


def _read_text(path: Path, src: Source) -> str:
    """The file's text: a regular file of at most MAX_MANIFEST_BYTES, UTF-8 (or UTF-16/32 with a BOM)."""
    label = src.label
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise src.error(_("{path} is a folder, not a YAML file").format(path=path), label,
                            _("give the .yaml file in it"))
        if not stat.S_ISREG(info.st_mode):
            raise src.error(_("{path} is not a regular file ({file_kind})").format(
                                path=path, file_kind=_file_kind(info.st_mode)), label,
                            _("give the path of the issue.yaml file itself"))
        if info.st_size > MAX_MANIFEST_BYTES:
            raise src.error(_too_big(info.st_size), label, _("a manifest is a few KiB: is this the right file?"))
        with open(path, "rb") as file:
            data = file.read(MAX_MANIFEST_BYTES + 1)
    except FileNotFoundError:
        raise src.error(_("{path} not found").format(path=path), label, _("check the path")) from None
    except OSError as exc:
        raise src.error(_("cannot read {path}: {os_reason}").format(path=path, os_reason=_os_reason(exc)), label,
                        _("check the path and its permissions")) \
            from None
    if len(data) > MAX_MANIFEST_BYTES:  # grew while being read
        raise src.error(_too_big(len(data)), label, _("a manifest is a few KiB: is this the right file?"))
    text = _decode(data, src)
    bad = _NON_PRINTABLE.search(text)
    if bad:
        raise _control_character(text, bad.start(), src)
    return text


def _too_big(size: int) -> str:
    return (f"the file is {size / 1024 / 1024:.1f} MiB, more than the limit of "
            f"{MAX_MANIFEST_BYTES // 1024 // 1024} MiB for a YAML file")


def _file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in ((stat.S_ISFIFO, N_("a named pipe (FIFO)")), (stat.S_ISCHR, N_("a character device")),
                       (stat.S_ISBLK, N_("a block device")), (stat.S_ISSOCK, N_("a socket"))):
        if test(mode):
            return _(name)
    return _("not a plain file")


def _os_reason(exc: OSError) -> str:
    """An OSError's reason in words (a symlink loop and an over-long name said plainly)."""
    if exc.errno == errno.ELOOP:
        return _("it is a symbolic link that loops (points back to itself)")
    if exc.errno == errno.ENAMETOOLONG:
        return _("the file name is too long")
    return exc.strerror or str(exc)


def _decode(data: bytes, src: Source) -> str:
    """Bytes → text: a BOM (UTF-8, UTF-16, UTF-32) decides, else strict UTF-8, failing at the first bad byte."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                name = encoding.replace("-sig", "").upper()
                raise src.error(_("the file starts with a {name} byte-order mark but is not "
                                  "valid {name}: bad bytes at byte offset {start}").format(
                                    name=name, start=exc.start), src.label, _("save the file as UTF-8")) from None
    order = "little" if data[1:4:2] == b"\0\0" else "big" if data[0:3:2] == b"\0\0" else ""
    if len(data) >= 4 and order and b"\0\0" not in data[:4]:  # 'i\0s\0': ASCII in UTF-16, no BOM
        raise src.error(_("the file looks like UTF-16 ({order}-endian) text without a byte-order "
                          "mark, not UTF-8").format(order=order),
                        f"{src.label}:1", _("save the file as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data[:start].count(b"\n") + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        bad = data[start:exc.end].hex(" ")
        guess = ""
        try:
            data.decode("gb18030")
            guess = _(" (it looks like GBK/GB18030, the Windows “ANSI” encoding for Chinese)")
        except UnicodeDecodeError:
            pass
        raise src.error(_("the file is not UTF-8 text{guess}: byte {bad} at byte offset {start} "
                          "(line {line}, byte {column} of the line) is not valid UTF-8").format(
                            guess=guess, bad=bad, start=start, line=line, column=column),
                        f"{src.label}:{line}",
                        _("save the file as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)")) from None


def _control_character(text: str, offset: int, src: Source) -> LayoutError:
    """A located error for a character YAML does not allow (a NUL, an escape …)."""
    code = ord(text[offset])
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    name = _CHARACTER_NAMES.get(code, "a control character")
    hint = (_("a NUL in a text file usually means it was saved as UTF-16 without a byte-order mark, or is "
              "damaged: save it as UTF-8") if code == 0 else
            _("remove it: YAML allows only printable characters, tab and line breaks"))
    return src.error(_("{name} (U+{code:04X}) at line {line}, column {column} (character offset "
                       "{offset}): YAML does not allow it in a text file").format(
                         name=name, code=code, line=line, column=column, offset=offset), f"{src.label}:{line}", hint)


def fullwidth_colon_line(text: str, first: int, last: int) -> int | None:
    """The last line in first..last (1-based) where a key ends in a full-width '：' instead of ':',
    provided the lines after it up to `last` hold no ':' of their own (they were read as its continuation)."""
    lines = text.splitlines()
    for number in range(min(last, len(lines)), max(first, 1) - 1, -1):
        line = lines[number - 1]
        if _FULLWIDTH_KEY.match(line):
            return number
        if number != last and ":" in line.split("#", 1)[0]:
            return None
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, src: Source) -> LayoutError:
    """A readable YAML syntax error with line and column (or a limit's message at its line)."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, _Limit):
        return src.error(exc.problem, f"{src.label}:{line}", exc.note)
    start = exc.context_mark.line + 1 if exc.context_mark else max(1, line - 20)
    colon = fullwidth_colon_line(text, min(start, line), line)
    if colon is not None:
        return src.error(_("a full-width colon '：' (U+FF1A) ends a key on this line: YAML reads the line as one "
                           "text and the error shows up below it"),
                         f"{src.label}:{colon}", _("type an ASCII ':' followed by a space after the key (switch the "
                                                   "input method to English/半角 for it)"))
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    hint = (_("YAML does not allow tabs for indentation: use spaces") if "\\t" in problem
            else _("check indentation and quoting near this line; quote values containing ': ', '#', '[' or '{'"))
    return src.error(_("YAML syntax error at column {column}: {problem}").format(column=column, problem=problem),
                     f"{src.label}:{line}", hint)

