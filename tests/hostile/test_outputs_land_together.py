"""Hostile: when any output of a build cannot be written, the previous PDFs and sidecar all stay as they were."""

from __future__ import annotations

import shutil

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
