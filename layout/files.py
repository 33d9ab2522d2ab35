"""Files: atomic writes — a temporary file beside the target, renamed into place only when complete."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable


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
    return write_atomic(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))


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
