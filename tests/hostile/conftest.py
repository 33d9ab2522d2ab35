"""Hostile input (issue 16): every bad input gets a located message, exit 1, no traceback, and leaves the
output folder exactly as it was. Each test builds its input inside itself; `refused` asserts all four."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.cli import main
from worlds import manifest_text  # noqa: F401  (the tests import it from here)

def line_of(text: str, marker: str) -> int:
    """1-based number of the first line holding `marker`."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if marker in line)


@dataclass
class Issue:
    """An issue folder with its articles, and an output folder holding a previous good build."""

    folder: Path
    out: Path
    font: Path

    @property
    def manifest(self) -> Path:
        return self.folder / "issue.yaml"

    def write(self, text: str | bytes) -> Path:
        """Write the manifest (text as UTF-8, or raw bytes)."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        self.manifest.write_bytes(data)
        return self.manifest

    def good(self, **fields: str) -> str:
        return manifest_text(self.font, **fields)


@pytest.fixture(scope="session")
def good_build(tmp_path_factory, tiny_font_path) -> dict[str, bytes]:
    """The files of one good build of the tiny issue (name → bytes), built once."""
    folder = tmp_path_factory.mktemp("good")
    issue = Issue(folder, folder / "out", tiny_font_path)
    _articles(folder)
    issue.write(issue.good())
    result = CliRunner().invoke(main, ["build", str(issue.manifest), "-o", str(issue.out), "-q"])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in issue.out.iterdir()}


def _articles(folder: Path) -> None:
    (folder / "a.txt").write_text("headline: 标题\n\n" + "正文内容，" * 30 + "。\n", encoding="utf-8")
    (folder / "b.txt").write_text("headline: 另一篇\n\n短文。\n", encoding="utf-8")


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


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative name → bytes), hidden temporaries included."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(issue: Issue, manifest: Path | None = None, env: dict[str, str] | None = None):
    """`layout build MANIFEST -o OUT` through the CLI."""
    return CliRunner().invoke(main, ["build", str(manifest or issue.manifest), "-o", str(issue.out)], env=env)


def refused(issue: Issue, where: str, *words: str, manifest: Path | None = None,
            env: dict[str, str] | None = None) -> str:
    """Build and assert: exit 1, a clean `error:` message (no traceback, no stray exception) starting at
    `where` and holding every one of `words`, and the output folder byte-identical to before."""
    before = snapshot(issue.out)
    result = build(issue, manifest, env)
    output = result.output
    assert result.exit_code == 1, output
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # not an uncaught exception
    assert "Traceback" not in output
    assert output.startswith(f"error: {where}"), output
    for word in words:
        assert word in output, (word, output)
    assert snapshot(issue.out) == before
    return output


