"""Copy desk (layout clean), command line: writing, report, --check, --diff, errors, atomic writes."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import layout.files as files_module
from layout.cleaning.desk import CleanError, clean_file, write_result
from layout.cli.clean import command

PAGE = """积极推动项目建设提质提速提效

济宁高新区重点项目建设新闻发布会举行

本报济宁讯(记者 刘菲)8月17日,发布会举行。

抓精细服务,推动项目建设提速增

效。2023年高新区全面实施推进体系。

抓项目落地,突出高效投资引领。 2023年高新区聚焦重点项目建设"主战场"。

黄屯街道

听取社情民意 收集意见建议

本报济宁讯(记者 刘菲 通讯员 张瑞)会上讲解了政策及要求,并传达

了《黄屯街道访民情、解民忧、转作风、促发展"大走访活动实施方案》。
"""


@pytest.fixture
def raw(tmp_path) -> Path:
    """A small raw page in UTF-8 made of seed fragments."""
    path = tmp_path / "raw" / "page.txt"
    path.parent.mkdir()
    path.write_text(PAGE, encoding="utf-8")
    return path


def invoke(*args: str):
    """Run `layout clean` with these arguments."""
    return CliRunner().invoke(command, [str(arg) for arg in args])


def test_writes_article_files_and_skeleton(raw, tmp_path):
    out = tmp_path / "articles"
    result = invoke(raw, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["01.txt", "02.txt", "skeleton.yaml"]
    assert (out / "02.txt").read_text(encoding="utf-8").startswith("label: 黄屯街道\nheadline: 听取社情民意 收集意见建议\n")
    assert 'file: "articles/02.txt"' in (out / "skeleton.yaml").read_text(encoding="utf-8")


def test_report_counts_and_positions(raw, tmp_path):
    output = invoke(raw, "-o", tmp_path / "articles").output
    assert "2 joined paragraphs:" in output
    assert "  line 7 → 9  " in output
    assert "  line 17 → 19  " in output
    assert "2 run-in heads:" in output
    assert "  line 7  抓精细服务，推动项目建设提速增效。" in output
    assert "1 unpaired quotes" in output
    assert "  line 19:22  " in output
    assert "      2  dateline" in output


def test_check_passes_on_fresh_output_and_fails_after_an_edit(raw, tmp_path):
    out = tmp_path / "articles"
    invoke(raw, "-o", out)
    assert invoke(raw, "-o", out, "--check").exit_code == 0
    (out / "01.txt").write_text("headline: 改过\n\n正文。\n", encoding="utf-8")
    result = invoke(raw, "-o", out, "--check")
    assert result.exit_code == 1
    assert "would change: 01.txt" in result.output


def test_check_reports_stale_article_files(raw, tmp_path):
    out = tmp_path / "articles"
    invoke(raw, "-o", out)
    (out / "03.txt").write_text("headline: 旧稿\n", encoding="utf-8")
    result = invoke(raw, "-o", out, "--check")
    assert result.exit_code == 1
    assert "would change: 03.txt" in result.output


def test_check_without_output_dir_checks_the_input_itself(raw, tmp_path):
    assert invoke(raw, "--check").exit_code == 1
    out = tmp_path / "articles"
    invoke(raw, "-o", out)
    assert invoke(out / "02.txt", "--check").exit_code == 0


def test_check_and_diff_write_nothing(raw, tmp_path):
    out = tmp_path / "articles"
    invoke(raw, "-o", out, "--check")
    invoke(raw, "-o", out, "--diff")
    assert not out.exists()


def test_diff_is_unified_raw_to_cleaned(raw):
    result = invoke(raw, "--diff")
    assert result.exit_code == 0
    assert result.stdout.startswith("--- page.txt (raw)\n+++ page.txt (cleaned)\n")
    assert "-抓精细服务,推动项目建设提速增\n" in result.stdout
    assert "+抓精细服务，推动项目建设提速增效。2023年高新区全面实施推进体系。\n" in result.stdout
    assert "joined paragraphs" in result.stderr


def test_article_file_is_cleaned_under_its_own_name(tmp_path):
    article = tmp_path / "in" / "story.txt"
    article.parent.mkdir()
    article.write_text("headline: 济宁高新区\"才聚蓼河 企望有你\"博硕开放日\n\n来自中国药科大学,上海交通大学。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(article, "-o", out).exit_code == 0
    assert (out / "story.txt").read_text(encoding="utf-8") == (
        "headline: 济宁高新区“才聚蓼河 企望有你”博硕开放日\n\n来自中国药科大学，上海交通大学。\n")


def test_binary_input_is_an_error_and_nothing_is_written(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    out = tmp_path / "articles"
    result = invoke(binary, "-o", out)
    assert result.exit_code == 1
    assert "error:" in result.stderr and "binary" in result.stderr and "hint:" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_file_over_50_mb_is_an_error_and_nothing_is_written(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    out = tmp_path / "articles"
    result = invoke(big, "-o", out)
    assert result.exit_code == 1 and "50 MB" in result.stderr
    assert not out.exists()


def test_empty_file_is_an_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = invoke(empty, "-o", tmp_path / "articles")
    assert result.exit_code == 1 and "empty" in result.stderr


def test_missing_output_dir_is_an_error(raw):
    result = invoke(raw)
    assert result.exit_code == 1 and "-o DIR" in result.stderr


def test_output_path_that_is_a_file_is_an_error(raw, tmp_path):
    target = tmp_path / "taken"
    target.write_text("x")
    result = invoke(raw, "-o", target)
    assert result.exit_code == 1 and "not a directory" in result.stderr


def test_writes_leave_no_temporary_files(raw, tmp_path):
    out = tmp_path / "articles"
    invoke(raw, "-o", out)
    invoke(raw, "-o", out)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_a_failed_rename_keeps_the_old_file(raw, tmp_path, monkeypatch):
    out = tmp_path / "articles"
    out.mkdir()
    (out / "01.txt").write_text("old\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files_module.os, "replace", broken_replace)
    with pytest.raises(CleanError, match="cannot write") as info:
        write_result(clean_file(raw), out)
    assert info.value.where == str(out / "01.txt")
    assert (out / "01.txt").read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(out)) == ["01.txt"]


def test_article_header_comments_and_chinese_keys_are_kept(tmp_path):
    article = tmp_path / "in" / "05.txt"
    article.parent.mkdir()
    article.write_text("# 来稿：黄屯街道\n栏目： 黄屯街道\n主题: 听取社情民意 收集意见建议\n\n会上讲解了政策,并传达了方案。\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(article, "-o", out).exit_code == 0
    assert (out / "05.txt").read_text(encoding="utf-8") == (
        "# 来稿：黄屯街道\n栏目: 黄屯街道\n主题: 听取社情民意 收集意见建议\n\n会上讲解了政策，并传达了方案。\n")


def test_article_header_errors_name_the_line(tmp_path):
    article = tmp_path / "bad.txt"
    article.write_text("headline: 标题\nlabel: 甲\nlabel: 乙\n\n正文。\n", encoding="utf-8")
    result = invoke(article, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "bad.txt:3: header key 'label' given twice" in result.stderr
    article.write_text("headline: 标题\n这不是头部\n\n正文。\n", encoding="utf-8")
    result = invoke(article, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "bad.txt:2" in result.stderr and "not a header line" in result.stderr
    assert not (tmp_path / "out").exists()
