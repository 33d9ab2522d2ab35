"""A full disk while writing the output: the message names the file (or the output folder when the OS
error has no file name, as a failing write() has not) and the space left there; nothing is replaced."""

from __future__ import annotations

import errno
import os

import layout.output.sidecar as sidecar
from hostile_helpers import refused

NO_SPACE = os.strerror(errno.ENOSPC)


def test_disk_full_without_a_file_name_names_the_output_folder_and_free_space(issue, monkeypatch):
    def full(path, record):
        raise OSError(errno.ENOSPC, NO_SPACE)  # what file.write() raises: no filename
    monkeypatch.setattr(sidecar, "write", full)
    output = refused(issue, f"{issue.out}: {NO_SPACE} (writing into this folder)", "bytes) free there",
                     "free some space on that disk, or build into another folder with -o")
    assert "check the path and its permissions" not in output


def test_disk_full_with_a_file_name_names_the_file_and_the_bytes_needed(issue, monkeypatch):
    def full(path, record):
        error = OSError(errno.ENOSPC, NO_SPACE, str(path))
        error.needed = 12345  # a writer that knows its size says so
        raise error
    monkeypatch.setattr(sidecar, "write", full)
    refused(issue, f"{issue.out / 'tiny.layout.json'}: {NO_SPACE}: 12.1 KiB (12,345 bytes) were needed",
            "bytes) free there")
