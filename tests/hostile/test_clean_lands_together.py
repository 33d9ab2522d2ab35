"""Hostile: `layout clean` onto a disk that fills up halfway writes none of the article files (the previous
ones all stay), instead of leaving 6 of 11 new files beside 5 old ones."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from layout.cleaning import CleanError
from layout.cleaning.desk import clean_file, write_result

SAMPLE_RAW = Path(__file__).resolve().parents[2] / "issues" / "jining" / "raw" / "jining-page.txt"


def test_a_full_disk_halfway_leaves_the_previous_articles(tmp_path, monkeypatch):
    result = clean_file(SAMPLE_RAW)
    assert len(result.files) >= 10
    out = tmp_path / "articles"
    write_result(result, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    written = []
    real = os.fsync

    def filling(fd):
        written.append(fd)
        if len(written) == 7:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", filling)
    with pytest.raises(CleanError, match="No space left"):
        write_result(result, out)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
