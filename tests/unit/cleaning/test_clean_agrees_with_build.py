"""Copy desk and build agree on the article format: every format error, same message and place."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.article import read_article
from layout.cleaning.desk import clean_file
from layout.cli.clean import command
from layout.errors import LayoutError, ManifestError

CASES = {  # name → (file bytes, the build's message)
    "no headline": ("kicker: 引题\n\n正文。\n".encode(), "the header has no headline"),
    "duplicate key": ("headline: 题\nlabel: 甲\n栏目: 乙\n\n正文。\n".encode(), "header key 'label' given twice"),
    "dateline without body": ("headline: 题\ndateline: 本报济宁讯（记者 刘菲）\n".encode(),
                              "the article has a dateline but no body"),
    "unknown key": ("headline: 题\n作者: 某\n\n正文。\n".encode(), "unknown header key '作者', did you mean"),
    "not a header line": ("headline: 题\n这不是头部\n\n正文。\n".encode(), "'这不是头部' is not a header line"),
    "unclosed run-in": ("headline: 题\n\n一段。\n\n**抓精细服务，推动\n项目建设。\n".encode(),
                        "the run-in head `**` is not closed"),
    "empty": (b"", "the article file is empty"),
    "white space only": (b"\n \n\n", "the article file is empty"),
    "non-UTF-8 byte": ("headline: 题\n\n".encode() + "正文。".encode("gbk") + b"\n", "not UTF-8: byte 0xd5 at offset"),
}
TEXT_CASES = ("no headline", "duplicate key", "dateline without body", "unknown key", "not a header line",
              "unclosed run-in")


def build_error(path: Path) -> ManifestError:
    """The error the build raises reading the article file."""
    with pytest.raises(ManifestError) as info:
        read_article(path)
    return info.value


def write(folder: Path, name: str, data: bytes) -> Path:
    """An article file with these bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_check_of_an_article_file_reports_the_build_error(case, tmp_path):
    data, message = CASES[case]
    path = write(tmp_path, "05.txt", data)
    error = build_error(path)
    assert error.message.startswith(message)
    run = CliRunner().invoke(command, [str(path), "--check"])
    assert run.exit_code == 1
    assert run.stderr == f"error: {error}\n"


@pytest.mark.parametrize("case", list(CASES))
def test_check_of_an_output_dir_reports_the_build_error_of_each_file(case, tmp_path):
    source = write(tmp_path / "in", "05.txt", "headline: 题\n\n正文。\n".encode())
    target = write(tmp_path / "articles", "05.txt", CASES[case][0])
    error = build_error(target)
    run = CliRunner().invoke(command, [str(source), "-o", str(tmp_path / "articles"), "--check"])
    assert run.exit_code == 1
    assert f"error: {error}\n" in run.stderr
    assert "would change: 05.txt" in run.stdout


@pytest.mark.parametrize("case", TEXT_CASES)
def test_cleaning_an_article_file_raises_the_build_error(case, tmp_path):
    path = write(tmp_path, "05.txt", CASES[case][0])
    error = build_error(path)
    with pytest.raises(ManifestError) as info:
        clean_file(path)
    assert (info.value.message, info.value.where, info.value.hint) == (error.message, error.where, error.hint)


def test_check_passes_on_a_valid_clean_article(tmp_path):
    path = write(tmp_path, "05.txt", "headline: 题\ndateline: 本报讯\n\n正文。\n".encode())
    read_article(path)
    run = CliRunner().invoke(command, [str(path), "--check"])
    assert run.exit_code == 0, run.output


def test_a_raw_page_that_would_give_a_rejected_article_is_an_error(tmp_path):
    raw = write(tmp_path, "page.txt", "济宁高新区重点项目建设新闻发布会举行\n\n本报济宁讯（记者 刘菲）\n".encode())
    with pytest.raises(LayoutError, match="build would reject article file 01.txt:2: .*dateline but no body") as info:
        clean_file(raw)
    assert info.value.where == f"{raw}:1"
