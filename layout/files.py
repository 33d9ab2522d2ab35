"""Files: atomic writes — a temporary file beside the target, renamed into place only when complete."""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
from pathlib import Path
from typing import Callable, Iterator

from .errors import LayoutError
from .i18n import _

FULL = (errno.ENOSPC, errno.EDQUOT)  # a full disk, or the user's quota on it
# Whether write_bytes makes each file durable (fsync) before it is renamed into place: a build's outputs
# are what the plant receives; `layout watch` writes without it (a save is rebuilt at once, and an fsync
# per file cost its one-article rebuild of 16 pages 0.19 → 0.29 s).
_DURABLE: contextvars.ContextVar[bool] = contextvars.ContextVar("durable", default=True)


@contextlib.contextmanager
def without_fsync() -> Iterator[None]:
    """Inside this block write_bytes leaves flushing to disk to the operating system (for the watch)."""
    token = _DURABLE.set(False)
    try:
        yield
    finally:
        _DURABLE.reset(token)


def temporary(path: Path) -> Path:
    """The temporary name used while `path` is being written (hidden, beside it, per process)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


_TEMPORARY = re.compile(r"^\.(.+)\.[0-9]+\.tmp$")
STAGING_PREFIX = ".staging-"


def final_path(path: Path) -> Path:
    """The file a temporary (see `temporary`) or a staged file (see OutputSet) becomes when written."""
    if path.parent.name.startswith(STAGING_PREFIX):
        return path.parent.parent / path.name
    temp = _TEMPORARY.match(path.name)
    return path.with_name(temp.group(1)) if temp else path


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Let `write` fill a temporary file, then rename it over `path`; on failure nothing is replaced."""
    tmp = temporary(path)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    return write_atomic(path, lambda tmp: write_bytes(tmp, text.encode("utf-8")))


def write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path`; when the disk is full the OSError names the file and carries `needed`, the
    bytes the whole file needed (disk_full reports both)."""
    try:
        with open(path, "wb") as handle:
            handle.write(data)
            handle.flush()
            if _DURABLE.get():
                os.fsync(handle.fileno())
    except OSError as error:
        if error.errno in FULL:
            error.filename = error.filename or str(path)
            error.needed = len(data)
        raise
    return Path(path)


class FileSink:
    """A file-like target that writes what it is given to `path` in one piece (write_bytes): reportlab saves
    a PDF into it, so a full disk says which file and how many bytes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = str(path)  # reportlab reads .name for its messages

    def write(self, data: bytes) -> int:
        """Write the whole of `data` to the file."""
        write_bytes(self.path, data)
        return len(data)


def disk_full(error: OSError, folder: Path | None = None, kind: type[LayoutError] = LayoutError) -> LayoutError:
    """A full-disk OSError as a message: the file (its final name, not the staged one) or the output
    folder, the bytes the write needed when known (`needed`), and the bytes free on that file system."""
    target = final_path(Path(error.filename)) if error.filename else None
    folder = target.parent if target is not None else folder
    message = _("Disk quota exceeded") if error.errno == errno.EDQUOT else _("No space left on device")
    if target is None and folder is not None:
        message += _(" (writing into this folder)")
    needed = getattr(error, "needed", None)
    if isinstance(needed, int):
        message += _(": {size} were needed").format(size=byte_size(needed))
    free = free_bytes(folder)
    hint = _("free some space on that disk, or write into another folder with -o")
    if free is not None:
        hint = _("{size} free there: ").format(size=byte_size(free)) + hint
    return kind(message, str(target or folder or ""), hint)


def byte_size(count: int) -> str:
    """A byte count for people: '12,345 bytes', '3.2 MiB (3,355,443 bytes)'."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.1f} {unit} ({count:,} bytes)"
    return f"{count:,} bytes"


def free_bytes(folder: Path | None) -> int | None:
    """Free bytes on the file system of `folder` (or of its nearest existing parent; os.statvfs: the
    blocks available to an unprivileged user), None if unknown."""
    if folder is None:
        return None
    for path in (folder, *Path(folder).resolve().parents):
        try:
            stat = os.statvfs(path)
        except OSError:
            continue
        return stat.f_bavail * stat.f_frsize
    return None


class OutputSet:
    """A set of output files that land together or not at all.

    Files are written into a staging folder inside the output folder; `commit` then takes the folder's
    lock (a second build of the same folder waits for the first), moves every existing target aside,
    renames each staged file into place, and on any failure puts every previous file back — so the
    PDFs and the sidecar never fall out of step. The staging folder is removed in every case.
    """

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.staging = outdir / f"{STAGING_PREFIX}{os.getpid()}-{id(self):x}"
        self.files: list[tuple[Path, Path]] = []  # (staged, final)

    def __enter__(self) -> "OutputSet":
        self.staging.mkdir(parents=True, exist_ok=False)
        return self

    def add(self, final: Path) -> Path:
        """Where to write the file that will become `final` (renamed into place by commit)."""
        staged = self.staging / final.name
        self.files.append((staged, final))
        return staged

    def commit(self) -> tuple[Path, ...]:
        """Rename every staged file into place under the folder's lock; on failure restore the old set."""
        with _locked(self.outdir):
            moved: list[tuple[Path, Path | None]] = []  # (final, its previous file set aside or None)
            final = self.outdir
            try:
                for staged, final in self.files:
                    backup = self._set_aside(final)
                    moved.append((final, backup))
                    os.replace(staged, final)
            except OSError as error:
                _restore(moved)
                if not error.filename:
                    error.filename = str(final)  # say which output could not be put in place
                raise
            for _, backup in moved:
                if backup is not None:
                    backup.unlink(missing_ok=True)
        return tuple(final for _, final in self.files)

    def _set_aside(self, final: Path) -> Path | None:
        """Move an existing regular file `final` into the staging folder; None if there is none."""
        if not final.is_file() or final.is_symlink():
            return None
        backup = self.staging / f"previous-{final.name}"
        os.replace(final, backup)
        return backup

    def __exit__(self, *exc) -> None:
        for path in sorted(self.staging.glob("*")) if self.staging.exists() else ():
            path.unlink(missing_ok=True)
        if self.staging.exists():
            self.staging.rmdir()


def _restore(moved: list[tuple[Path, Path | None]]) -> None:
    """Undo a partial commit: remove the new files and put the previous ones back, last first."""
    for final, backup in reversed(moved):
        if backup is not None:
            os.replace(backup, final)
        elif final.is_file():
            final.unlink()


class _locked:
    """An exclusive advisory lock (flock) on a folder itself, held for a `with` block (no lock file)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __enter__(self) -> "_locked":
        import fcntl
        self.fd = os.open(self.folder, os.O_RDONLY)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        import fcntl
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
