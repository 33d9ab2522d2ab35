"""Hostile: a huge article fails fast with the limit named (it used to run past 90 s at 1.2 GB)."""

from __future__ import annotations

import time

from click.testing import CliRunner

from layout.article.format import MAX_ARTICLE_BYTES
from layout.cli import main
from worlds import write_issue


def test_an_article_over_the_limit_is_refused_at_once(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    (tmp_path / "a.txt").write_text("headline: 长文\n\n" + "正文内容。" * (MAX_ARTICLE_BYTES // 15 + 1000) + "\n",
                                    encoding="utf-8")
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["build", str(manifest)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "more than the limit of 1 MiB for one article" in result.output and "a.txt" in result.output
    assert time.perf_counter() - started < 30  # loose: the point is it does not set 1 MiB of text
    assert not (tmp_path / "build").exists()
