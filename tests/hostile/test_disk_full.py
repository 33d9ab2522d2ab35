"""A full disk while writing the output: the message names the file (or the output folder when the OS
error has no file name, as a failing write() has not) and the space left there; nothing is replaced."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from click.testing import CliRunner

import layout.files as files
import layout.output.sidecar as sidecar
from hostile_helpers import refused, snapshot
from layout.cli import main

SAMPLE_RAW = Path(__file__).resolve().parents[2] / "issues" / "jining" / "raw" / "jining-page.txt"

NO_SPACE = os.strerror(errno.ENOSPC)


def test_disk_full_without_a_file_name_names_the_output_folder_and_free_space(issue, monkeypatch):
    def full(path, record, memo=None):
        raise OSError(errno.ENOSPC, NO_SPACE)  # what file.write() raises: no filename
    monkeypatch.setattr(sidecar, "write", full)
    output = refused(issue, f"{issue.out}: {NO_SPACE} (writing into this folder)", "bytes) free there",
                     "free some space on that disk, or write into another folder with -o")
    assert "check the path and its permissions" not in output


def test_disk_full_with_a_file_name_names_the_file_and_the_bytes_needed(issue, monkeypatch):
    def full(path, record, memo=None):
        error = OSError(errno.ENOSPC, NO_SPACE, str(path))
        error.needed = 12345  # a writer that knows its size says so
        raise error
    monkeypatch.setattr(sidecar, "write", full)
    refused(issue, f"{issue.out / 'tiny.layout.json'}: {NO_SPACE}: 12.1 KiB (12,345 bytes) were needed",
            "bytes) free there")


def full_at(monkeypatch, call: int, where: str = "fsync") -> list[str]:
    """Make the `call`-th file layout writes (1-based) fail with ENOSPC, at its fsync (an OSError with no file
    name, as the kernel reports it) or at its write(); returns the names of the files written."""
    names: list[str] = []
    real_open, real_fsync = open, os.fsync

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])  # what fitted
            raise OSError(errno.ENOSPC, NO_SPACE)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    def opening(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        if "w" in mode:
            names.append(Path(path).name)
            if where == "write" and len(names) == call:
                return Full(handle)
        return handle

    def syncing(fd):
        if where == "fsync" and len(names) == call:
            raise OSError(errno.ENOSPC, NO_SPACE)
        return real_fsync(fd)

    monkeypatch.setattr(files, "open", opening, raising=False)
    monkeypatch.setattr(files.os, "fsync", syncing)
    return names


def bytes_needed(output: str) -> int:
    """The byte count of '…: 12.1 KiB (12,345 bytes) were needed' (or '123 bytes were needed')."""
    found = re.search(r"([\d,]+) bytes\)? were needed", output)
    assert found, output
    return int(found.group(1).replace(",", ""))


def test_a_full_disk_writing_the_pdf_names_it_and_the_bytes_it_needed(issue, monkeypatch, good_build):
    full_at(monkeypatch, 1)  # the issue PDF is the first file written
    output = refused(issue, f"{issue.out / 'tiny.pdf'}: {NO_SPACE}: ", "bytes) free there",
                     "free some space on that disk, or write into another folder with -o")
    assert bytes_needed(output) == len(good_build["tiny.pdf"])  # the same input makes the same PDF
    assert ".staging-" not in output


def test_a_full_disk_at_write_writing_the_sidecar_names_it_and_its_size(issue, monkeypatch, good_build):
    names = full_at(monkeypatch, 2, "write")
    output = refused(issue, f"{issue.out / 'tiny.layout.json'}: {NO_SPACE}: ", "bytes) free there")
    assert names == ["tiny.pdf", "tiny.layout.json"]
    assert bytes_needed(output) == len(good_build["tiny.layout.json"])


def test_a_full_disk_in_layout_clean_names_the_file_its_size_and_the_free_space(tmp_path, monkeypatch):
    out = tmp_path / "articles"
    first = CliRunner().invoke(main, ["clean", str(SAMPLE_RAW), "-o", str(out)])
    assert first.exit_code == 0, first.output
    before = snapshot(out)
    names = full_at(monkeypatch, 7)  # 6 of 11 written, as in the report of issue 16
    result = CliRunner().invoke(main, ["clean", str(SAMPLE_RAW), "-o", str(out)])
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    failed = names[6]
    assert f"error: {out / failed}: {NO_SPACE}: " in result.output
    assert bytes_needed(result.output) == len(before[failed])  # the same raw copy cleans to the same text
    assert "bytes) free there" in result.output or " bytes free there" in result.output
    assert snapshot(out) == before


def test_the_full_disk_message_is_in_the_editors_language(issue, monkeypatch):
    full_at(monkeypatch, 1)
    result = CliRunner().invoke(main, ["--lang", "zh", "build", str(issue.manifest), "-o", str(issue.out)])
    assert result.exit_code == 1
    assert f"{issue.out / 'tiny.pdf'}: 磁盘空间已满：需要 " in result.output and "那里还剩 " in result.output
