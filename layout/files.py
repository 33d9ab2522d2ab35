"""Files: atomic writes — a temporary file beside the target, renamed into place only when complete."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable


def temporary(path: Path) -> Path:
    """The temporary name used while `path` is being written (hidden, beside it, per process)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


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
