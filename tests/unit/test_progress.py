"""Progress (layout/progress.py): a bar per stage with pages done/total on a terminal, nothing elsewhere;
the stages that take long (compose, paint, preflight, proof, diff) report page by page."""

from __future__ import annotations

import io

from click.testing import CliRunner
from worlds import write_issue

from layout.cli import main
from layout.progress import TerminalBar, terminal_progress
from layout.qa.diff import DiffOptions, diff
from layout.qa.proof import ProofOptions, proof


class Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def two_pages(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    text = manifest.read_text(encoding="utf-8")
    second = text[text.index("  - number: 3"):].replace("number: 3", "number: 4").replace("id: a", "id: a2") \
        .replace("id: b", "id: b2")
    manifest.write_text(text + second, encoding="utf-8")
    return manifest


def test_nothing_on_a_non_terminal_or_when_quiet():
    assert terminal_progress(stream=io.StringIO()) is None
    assert terminal_progress(quiet=True, stream=Tty()) is None
    assert isinstance(terminal_progress(stream=Tty()), TerminalBar)


def test_one_bar_per_stage_with_pages_done_of_total():
    stream = Tty()
    bar = TerminalBar(stream)
    for stage in ("composing", "painting"):
        for done in (1, 2, 3):
            bar(stage, done, 3)
    bar("proofing", 1, 1)  # one page: no bar
    text = stream.getvalue()
    assert "composing" in text and "painting" in text and "proofing" not in text
    assert "3/3" in text and text.count("\n") == 2  # each finished bar ends its line


def test_a_build_through_the_cli_prints_no_bar_when_not_on_a_terminal(tmp_path, tiny_font_path):
    result = CliRunner().invoke(main, ["build", str(two_pages(tmp_path, tiny_font_path))])
    assert result.exit_code == 0 and result.stderr == ""


def test_proof_and_diff_report_page_by_page(tmp_path, tiny_font_path):
    manifest = two_pages(tmp_path, tiny_font_path)
    calls = []
    proof(manifest, tmp_path / "png", ProofOptions(dpi=20), lambda *call: calls.append(call))
    assert calls == [("proofing", 1, 2), ("proofing", 2, 2)]
    (tmp_path / "b.txt").write_text("headline: 另一篇\n\n改了。\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(manifest), "-o", str(tmp_path / "new"), "-q"]).exit_code == 0
    calls.clear()
    (tmp_path / "a.txt").write_text("headline: 标题\n\n" + "正文内容，" * 29 + "。\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(manifest), "-o", str(tmp_path / "newer"), "-q"]).exit_code == 0
    diff(tmp_path / "new" / "tiny.pdf", tmp_path / "newer" / "tiny.pdf", tmp_path / "d", DiffOptions(dpi=20, jobs=1),
         lambda *call: calls.append(call))
    assert calls == [("comparing", 1, 2), ("comparing", 2, 2)]
