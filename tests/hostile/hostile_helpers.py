"""Hostile-input helpers: an issue folder with a previous good build, and `refused`, which asserts a located
message, exit 1, no traceback and an unchanged output folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def _articles(folder: Path) -> None:
    (folder / "a.txt").write_text("headline: 标题\n\n" + "正文内容，" * 30 + "。\n", encoding="utf-8")
    (folder / "b.txt").write_text("headline: 另一篇\n\n短文。\n", encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative name → bytes), hidden temporaries included, but not the entries
    of the build cache (.cache/store/**/*.bin, docs/cache.md): a refused build may keep what it set."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not _cache_entry(p.relative_to(folder))}


def _cache_entry(name: Path) -> bool:
    """Whether `name` (relative to an output folder) is an entry of the build cache."""
    return name.parts[:2] == (".cache", "store") and name.suffix == ".bin"


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
