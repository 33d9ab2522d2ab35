"""Code cache: the methods `dataclasses` generates for the package's classes, compiled once and kept beside the
package's bytecode, so that a process start does not compile them again.

Python 3.11's `dataclasses` writes the source of each generated method (`__init__`, `__repr__`, `__eq__`,
`__hash__`, a frozen class's `__setattr__` …) and `exec`s it: for the package's ≈ 160 classes that is ≈ 820
compilations, 0.15 s of every command's start-up (bench/README.md). Here `dataclasses`' own `exec` is given
code objects compiled from the same text, looked up by that text's SHA-256 in `__pycache__/dataclass-code.*`,
so a method is exactly what `dataclasses` would have compiled (same source, same flags: none inherited).
The file is keyed by the interpreter's bytecode magic number and written, like bytecode, only where Python
writes bytecode (not under PYTHONDONTWRITEBYTECODE; `./setup.sh` fills it with `codecache.fill()`).
A missing, foreign or damaged file is an empty cache, never an error.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import hashlib
import importlib.util
import marshal
import os
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "__pycache__"
FILE = FOLDER / f"dataclass-code.{sys.implementation.cache_tag}.bin"
MAGIC = b"layout dataclass code\n" + importlib.util.MAGIC_NUMBER
LIMIT = 4000  # entries written at most: an edited package's old methods do not pile up

_known: dict[bytes, object] = {}  # SHA-256 of a method's source → its code object
_used: dict[bytes, object] = {}  # what this process compiled or took


def _read() -> dict[bytes, object]:
    """The cache file's entries; empty when the file is missing, of another interpreter, or damaged."""
    try:
        data = FILE.read_bytes()
    except OSError:
        return {}
    if not data.startswith(MAGIC):
        return {}
    try:
        entries = marshal.loads(data[len(MAGIC):])
    except (EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _exec(source, globals=None, locals=None):
    """`dataclasses`' exec: a source text is run as the code compiled from it (cached by its SHA-256)."""
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    digest = hashlib.sha256(source.encode()).digest()
    code = _known.get(digest)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
    _used[digest] = code
    return builtins.exec(code, globals, locals)


def write() -> bool:
    """Write the cache if this process compiled a method it did not hold; whether the file was written."""
    if all(digest in _known for digest in _used):
        return False
    entries = dict(_used) if len(_known) + len(_used) > LIMIT else {**_known, **_used}
    temporary = FILE.with_name(f"{FILE.name}.{os.getpid()}.tmp")
    try:
        FOLDER.mkdir(exist_ok=True)
        temporary.write_bytes(MAGIC + marshal.dumps(entries))
        os.replace(temporary, FILE)  # two processes at once: each writes a whole file, the last one stays
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True


def install() -> None:
    """Give `dataclasses` the cached exec (once); write new methods at exit where Python writes bytecode."""
    if getattr(dataclasses, "exec", None) is _exec:
        return
    _known.update(_read())
    dataclasses.exec = _exec  # a module global: shadows the builtin for dataclasses._create_fn only
    if not sys.dont_write_bytecode:
        atexit.register(write)


def fill() -> int:
    """Import every module of the package and write the cache (whatever PYTHONDONTWRITEBYTECODE says, as
    compileall does): the number of methods it holds."""
    import pkgutil

    import layout
    for module in pkgutil.walk_packages(layout.__path__, "layout."):
        if not module.name.endswith("__main__"):
            __import__(module.name)
    write()
    return len(_read())

