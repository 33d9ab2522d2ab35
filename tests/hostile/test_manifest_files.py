"""Cases 7 and 8: a manifest over the size limit, a FIFO or a device instead of a file: refused, not read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hostile_helpers import build, refused, snapshot

ROOT = Path(__file__).resolve().parents[2]


def test_manifest_over_10_mib_is_refused_with_the_limit(issue):
    issue.write(issue.good() + ("# " + "x" * 1022 + "\n") * (10 * 1024 + 1))
    refused(issue, f"{issue.manifest}: the file is 10.0 MiB, more than the limit of 10 MiB")


def test_manifest_that_is_a_fifo_is_refused_not_waited_on(issue):
    fifo = issue.folder / "pipe.yaml"
    os.mkfifo(fifo)
    before = snapshot(issue.out)
    run = subprocess.run([sys.executable, "-m", "layout", "build", str(fifo), "-o", str(issue.out)],
                         capture_output=True, text=True, timeout=60, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})  # this checkout's layout, not an installed one
    assert run.returncode == 1, run.stderr
    assert run.stderr.startswith(f"error: {fifo}: {fifo} is not a regular file (a named pipe (FIFO))"), run.stderr
    assert "Traceback" not in run.stderr
    assert snapshot(issue.out) == before


def test_manifest_that_is_a_device_is_refused(issue):
    refused(issue, "/dev/zero: /dev/zero is not a regular file (a character device)", manifest="/dev/zero")


def usage_refused(issue, manifest: Path, words: str) -> None:
    """`layout build` on `manifest` stops at the argument: exit 2 naming the path, no traceback, nothing written."""
    before = snapshot(issue.out)
    result = build(issue, manifest)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert f"'{manifest}' {words}" in result.output
    assert snapshot(issue.out) == before


def test_manifest_that_is_a_symlink_loop_is_refused_as_a_usage_error(issue):
    loop = issue.folder / "loop.yaml"
    os.symlink("loop.yaml", loop)
    usage_refused(issue, loop, "does not exist")  # click's check of the argument: it cannot be opened


def test_manifest_that_is_a_folder_is_refused_as_a_usage_error(issue):
    folder = issue.folder / "sub.yaml"
    folder.mkdir()
    usage_refused(issue, folder, "is a directory")
