"""Hostile input (issue 16): every bad input gets a located message, exit 1, no traceback, and leaves the
output folder exactly as it was. Each test builds its input inside itself; `refused` asserts all four."""

from __future__ import annotations


import pytest
from click.testing import CliRunner

from layout.cli import main

from hostile_helpers import Issue, _articles


@pytest.fixture(scope="session")
def good_build(tmp_path_factory, tiny_font_path) -> dict[str, bytes]:
    """The files of one good build of the tiny issue (name → bytes), built once."""
    folder = tmp_path_factory.mktemp("good")
    issue = Issue(folder, folder / "out", tiny_font_path)
    _articles(folder)
    issue.write(issue.good())
    result = CliRunner().invoke(main, ["build", str(issue.manifest), "-o", str(issue.out), "-q"])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in issue.out.iterdir() if p.is_file()}  # not the .cache/ folder


@pytest.fixture
def issue(tmp_path, tiny_font_path, good_build) -> Issue:
    """A fresh issue folder (good manifest written) whose output folder holds the previous good build."""
    folder = tmp_path / "issue"
    folder.mkdir()
    _articles(folder)
    made = Issue(folder, tmp_path / "out", tiny_font_path)
    made.out.mkdir()
    for name, data in good_build.items():
        (made.out / name).write_bytes(data)
    made.write(made.good())
    return made
