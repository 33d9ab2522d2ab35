"""Hostile: when any output of a build cannot be written, the previous PDFs and sidecar all stay as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.cli import main
from worlds import write_issue


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("blocked", ["tiny.pdf", "A03.pdf", "tiny.layout.json"])
def test_an_unwritable_output_restores_the_previous_set(tmp_path, tiny_font_path, blocked):
    manifest = write_issue(tmp_path, tiny_font_path)
    out = tmp_path / "build"
    assert run("build", manifest, "--pages").exit_code == 0
    target = out / blocked
    target.unlink()
    target.mkdir()
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (tmp_path / "a.txt").write_text("headline: 新标题\n\n新的正文。\n", encoding="utf-8")
    result = run("build", manifest, "--pages")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert blocked in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    shutil.rmtree(target)


@pytest.mark.parametrize("owned", ["tiny.pdf", "tiny.layout.json"])
def test_another_users_file_in_a_sticky_folder_restores_the_previous_set(tmp_path, tiny_font_path, monkeypatch,
                                                                         owned):
    """In a sticky shared folder (/tmp-like, mode 1777) a file of another user can be neither renamed nor
    replaced: rename(2) gives EPERM. Simulated here (a test cannot own a file as someone else): the
    output named `owned` cannot be moved aside, so nothing of the new set may land."""
    import errno
    import os

    import layout.files as files
    manifest = write_issue(tmp_path, tiny_font_path)
    out = tmp_path / "build"
    assert run("build", manifest, "--pages").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    real = os.replace

    def sticky(src, dst):
        if Path(src) == out / owned or Path(dst) == out / owned:
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(src), None, str(dst))
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", sticky)
    (tmp_path / "a.txt").write_text("headline: 新标题\n\n新的正文。\n", encoding="utf-8")
    result = run("build", manifest, "--pages")
    monkeypatch.undo()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"error: {out / owned}: {os.strerror(errno.EPERM)}"), result.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]
