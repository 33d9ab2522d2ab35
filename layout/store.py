"""Store: the build's persistent, content-addressed cache of derived data (set paragraphs, font metrics).

A value is filed under the SHA-256 of everything it was computed from plus the engine version (a digest
of the package's own source and of the libraries whose output it keeps), so an entry is never stale: a
changed input or a changed engine is another key. Files are `<folder>/<kind>/<k[:2]>/<k>.bin`, each a
magic line, the SHA-256 of the payload and the payload; a truncated or corrupt file is a miss. Writes
are atomic (a unique temporary file renamed into place), so two builds sharing a folder never see a
half-written entry and the last writer of an identical value wins harmlessly.

`active()` is the store of the build in progress (set with `using`), for caches that are per process
anyway and keyed by file identity (font faces); the paragraph memo gets its store explicitly.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

MAGIC = b"layout-store 1\n"
DIGEST = 32  # bytes of SHA-256
PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("uharfbuzz", "fonttools", "rjieba")  # their results are kept: their versions are part of the key


@dataclass(frozen=True)
class Store:
    """A cache folder; `folder=None` is the disabled store (`--no-cache`): every lookup misses, nothing is
    written. A store that is not `writable` only reads (`layout validate` and `fit` write no file). A build
    that fails before its output folder exists creates none: entries wait in `pending` until `flush`."""

    folder: Path | None = None
    writable: bool = True
    anchor: Path | None = None  # the output folder: entries wait in memory until it exists (see flush)
    pending: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def enabled(self) -> bool:
        """Whether this store reads and writes files."""
        return self.folder is not None

    def path(self, kind: str, key: str) -> Path:
        """The file of entry `key` of `kind`."""
        assert self.folder is not None
        return self.folder / kind / key[:2] / f"{key}.bin"

    def load(self, kind: str, key: str) -> bytes | None:
        """The payload filed under `key`, None when absent, disabled or not intact."""
        if self.folder is None:
            return None
        try:
            blob = self.path(kind, key).read_bytes()
        except OSError:
            return None
        head = len(MAGIC)
        payload = blob[head + DIGEST:]
        if not blob.startswith(MAGIC) or blob[head:head + DIGEST] != hashlib.sha256(payload).digest():
            return None
        return payload

    def save(self, kind: str, key: str, payload: bytes) -> None:
        """File `payload` under `key` atomically; a folder that cannot be written is no error (a cache)."""
        if self.folder is None or not self.writable:
            return
        if self.anchor is not None and not self.anchor.is_dir():
            self.pending[(kind, key)] = payload
            return
        file = self.path(kind, key)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=file.parent)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, file)
        except OSError:
            pass
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


UNREADABLE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, KeyError, TypeError,
              ValueError)  # what unpickling an entry another version wrote can raise


def unpickled(payload: bytes | None, load: Callable[[bytes], object] = pickle.loads) -> object | None:
    """A stored payload unpickled with `load`; None when absent or unreadable (a miss, never an error)."""
    if payload is None:
        return None
    try:
        return load(payload)
    except UNREADABLE:
        return None


def flush(store: Store) -> None:
    """Write the entries that waited for the output folder (call once it exists)."""
    waiting = dict(store.pending)
    store.pending.clear()
    for (kind, entry), payload in sorted(waiting.items()):
        store.save(kind, entry, payload)


def key(*parts: object) -> str:
    """The SHA-256 key of `parts` (their repr, which is exact for str, int, float, tuples and dataclasses)
    and of the engine version."""
    return hashlib.sha256(repr((engine(), parts)).encode("utf-8")).hexdigest()


_ENGINE: list[str] = []


def engine() -> str:
    """The engine version: a digest of every module of the package and the versions of the libraries
    whose results are stored (computed once per process)."""
    if not _ENGINE:
        digest = hashlib.sha256(f"{sys.version}\n{_library_versions()}".encode())
        for source in sorted(PACKAGE.rglob("*.py")):
            digest.update(str(source.relative_to(PACKAGE)).encode() + b"\0" + source.read_bytes() + b"\0")
        _ENGINE.append(digest.hexdigest())
    return _ENGINE[0]


def _library_versions() -> str:
    """`name version` of each library in LIBRARIES, read from its installed metadata folder's name."""
    found = []
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        found.extend(n for n in names if n.endswith(".dist-info") and n.split("-")[0].lower() in LIBRARIES)
    return " ".join(sorted(set(found)))


def file_identity(path: Path) -> tuple:
    """What names a file's content without reading it: resolved path, size and modification time (ns)."""
    status = os.stat(path)
    return (str(Path(path).resolve()), status.st_size, status.st_mtime_ns)


_ACTIVE: list[Store] = [Store()]


def active() -> Store:
    """The store of the build in progress (the disabled store outside a build)."""
    return _ACTIVE[-1]


@contextmanager
def using(store: Store) -> Iterator[Store]:
    """Make `store` the active one for a `with` block."""
    _ACTIVE.append(store)
    try:
        yield store
    finally:
        _ACTIVE.pop()
