"""The CLI in the editor's language (layout/cli/translated.py): every command's --help, click's own words
("Usage:", "Error: No such option") and the photo and font errors with their hints are in Chinese under
--lang zh or a Chinese locale; nothing English is left in a Chinese help but option names, metavars,
file names and code; English help and messages are as before."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from click.testing import CliRunner
from PIL import Image
from worlds import write_issue

from layout import i18n
from layout.cli import SUBCOMMANDS, main
from layout.cli.translated import CLICK_WORDS, columns, language_of, wrap_wide

ZH_ENV = {"LANG": "zh_CN.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
EN_ENV = {"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
# what may stay ASCII in a Chinese help: options, metavars and choices, file names and paths, `code`, PDF/X
# names, units and [default: …] values; an English sentence is three ASCII words in a row after these go
CODE = re.compile(r"`[^`]*`|\[[^\]\u4e00-\u9fff]*\]|--?[\w-]+(=\S+)?|<[^>]+>|\S*[/.]\S+|\b[A-Z][A-Z0-9_-]+\b")
SENTENCE = re.compile(r"\b[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}\b")


def invoke(args: list[str], env: dict[str, str]):
    """`layout ARGS` through click's test runner, in `env`."""
    return CliRunner().invoke(main, args, env=env, prog_name="layout")


def helps(language: str) -> dict[str, str]:
    """The --help of the group and of every subcommand, in `language`."""
    out = {}
    for name in ("", *SUBCOMMANDS):
        result = invoke(["--lang", language, *([name] if name else []), "--help"], EN_ENV)
        assert result.exit_code == 0, result.output
        out[name or "layout"] = result.output
    return out


def english_left(text: str) -> list[str]:
    """The English sentences left in a help text once options, metavars, paths and code are taken out."""
    found = []
    for line in text.splitlines():
        found += SENTENCE.findall(CODE.sub(" ", line))
    return found


def test_no_english_sentence_is_left_in_any_chinese_help():
    zh = helps("zh")
    assert {name: english_left(text) for name, text in zh.items() if english_left(text)} == {}
    for name, text in zh.items():
        assert text.startswith("用法: layout"), name
        assert "选项:" in text and "显示此帮助并退出。" in text, name
    assert "命令:" in zh["layout"] and "按版面清单 MANIFEST 排版" in zh["layout"]


def test_the_check_finds_the_english_of_every_english_help():
    en = helps("en")
    assert all(english_left(text) for text in en.values())  # the scan above can fail
    assert en["build"].startswith("Usage: layout build [OPTIONS] MANIFEST")
    assert "Show this message and" in en["build"]


def test_a_chinese_help_keeps_the_option_names_and_english_metavars():
    build = helps("zh")["build"]
    assert "用法: layout build [OPTIONS] MANIFEST" in build
    assert re.search(r"-o, --outdir DIRECTORY +输出文件夹（默认：清单旁边的 build/）。", build)
    assert re.search(r"--strict +开天窗和未分配版位的区域也算失败。", build)
    assert "退出码：0 成功；1 输入或排版错误" in build


def test_chinese_help_lines_fit_the_terminal_in_columns():
    for name, text in helps("zh").items():
        assert max(columns(line) for line in text.splitlines()) <= 80, name


def test_wide_wrapping_never_starts_a_line_with_closing_punctuation():
    lines = wrap_wide("开天窗" * 9 + "，溢出。", 20)
    assert all(columns(line) <= 20 for line in lines)
    assert not any(line[0] in "，。" for line in lines)
    assert "".join(lines) == "开天窗" * 9 + "，溢出。"


def test_a_chinese_locale_gives_chinese_help_in_a_real_process():
    env = {**os.environ, **ZH_ENV}
    script = Path(sys.executable).parent / "layout"  # the installed entry point
    result = subprocess.run([str(script), "build", "--help"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法: layout build [OPTIONS] MANIFEST")
    assert "按版面清单 MANIFEST 排版，输出 OUTDIR/<issue-id>.pdf" in result.stdout
    assert "另外每版输出一个 PDF" in result.stdout


def test_clicks_own_errors_are_in_chinese_and_english_is_unchanged():
    zh = invoke(["build", "--bogus", "x.yaml"], ZH_ENV)
    assert zh.exit_code == 2
    assert "用「layout build --help」查看帮助。" in zh.output
    assert "错误: 没有选项 '--bogus'。" in zh.output
    missing = invoke(["--lang", "zh", "fit", "nothing.yaml"], EN_ENV)
    assert missing.exit_code == 2
    assert "错误: 'MANIFEST' 的值无效：文件 'nothing.yaml' 不存在。" in missing.output
    en = invoke(["--lang", "en", "fit", "nothing.yaml"], ZH_ENV)
    assert "Error: Invalid value for 'MANIFEST': File 'nothing.yaml' does not exist." in en.output
    assert i18n.active() == "en"


def test_every_click_word_translated_is_one_click_marks():
    folder = Path(click.__file__).parent
    marked = set()
    for _, _, message, _, _ in extract_from_dir(str(folder)):
        marked |= set(message) if isinstance(message, tuple) else {message}
    core = (folder / "core.py").read_text(encoding="utf-8")
    assert sorted(w for w in CLICK_WORDS if w not in marked and f'"{w}"' not in core) == []


def issue_with_photo(folder, font, photo: str):
    """The tiny issue with a 2-column photo `photo` (a path in `folder`) in article a."""
    issue = write_issue(folder, font, lines=20)
    figure = (f"        figures:\n          - file: {photo}\n            span: 2\n            caption: 图为测试。\n"
              "            credit: 图片来源：测试\n")
    issue.write_text(issue.read_text(encoding="utf-8").replace("lines: 20}\n", "lines: 20}\n" + figure, 1),
                     encoding="utf-8")
    return issue


def test_a_photo_below_the_minimum_resolution_is_a_chinese_error_with_its_hint(tmp_path, tiny_font_path):
    Image.new("RGB", (40, 20), "white").save(tmp_path / "p.jpg")
    issue = issue_with_photo(tmp_path, tiny_font_path, "p.jpg")
    zh = invoke(["build", str(issue)], ZH_ENV)
    assert zh.exit_code == 1
    assert re.search(r"错误: \S*p\.jpg: 按版面尺寸分辨率为 \d+ ppi，低于最低要求 100 ppi\n"
                     r"  提示: 换用更大的原图，或把图片放小一些（最大 \d+ × \d+ mm）", zh.output), zh.output
    en = invoke(["build", str(issue)], EN_ENV)
    assert re.search(r"ppi at the placed size, below the 100 ppi minimum\n  hint: use a larger original", en.output)


def test_a_missing_character_is_a_chinese_font_error_with_its_hint(tmp_path, tiny_font_path):
    issue = write_issue(tmp_path, tiny_font_path)
    (tmp_path / "a.txt").write_text("headline: 标题\n\n记者王𠀀报道。\n", encoding="utf-8")
    zh = invoke(["--lang", "zh", "validate", str(issue)], EN_ENV)
    assert zh.exit_code == 1
    assert (f"错误: {tmp_path / 'a.txt'}: 稿件 a 第 1 段 缺字：没有字体含有 '𠀀' U+20000\n"
            "  提示: 替换这个字，或把含有它的字体加入后备字体（fonts/fonts.yaml 或清单的 fonts:）") in zh.output
    en = invoke(["validate", str(issue)], EN_ENV)
    assert "article a, paragraph 1: no font has '𠀀' U+20000\n  hint: replace the character" in en.output


@pytest.mark.parametrize("args", [["--lang", "zh", "build", "--help"], ["build", "--help"]])
def test_the_language_is_picked_before_click_parses(args):
    result = invoke(args, ZH_ENV)
    assert "用法: layout build" in result.output and i18n.active() == "en"


def test_english_help_after_a_chinese_one_in_the_same_process_is_english():
    invoke(["--lang", "zh", "build", "--help"], EN_ENV)  # click makes the --help option once, on first use
    again = invoke(["--lang", "en", "build", "--help"], EN_ENV).output
    assert re.search(r"-h, --help +Show this message and exit\.", again) and "显示" not in again


def test_warnings_kept_in_the_cache_are_in_the_language_of_the_build(tmp_path, tiny_font_path):
    issue = write_issue(tmp_path, tiny_font_path, lines=20)
    (tmp_path / "a.txt").write_text("headline: 标题\n\n见 https://example.org/" + "a" * 40 + " 一文。\n",
                                    encoding="utf-8")
    Image.new("RGB", (300, 150), "white").save(tmp_path / "p.jpg")  # about 103 ppi across two columns
    figure = ("        figures:\n          - file: p.jpg\n            span: 2\n            caption: 图为测试。\n"
              "            credit: 图片来源：测试\n")
    issue.write_text(issue.read_text(encoding="utf-8").replace("lines: 20}\n", "lines: 20}\n" + figure, 1),
                     encoding="utf-8")
    zh = invoke(["--lang", "zh", "build", str(issue), "--allow-overset"], EN_ENV)
    assert zh.exit_code == 0, zh.output
    assert "比栏宽还宽" in zh.output and "图片 p.jpg：按版面尺寸分辨率为 103 ppi，低于应有的 170 ppi" in zh.output
    assert (tmp_path / "build" / ".cache" / "store").is_dir()  # the second build reads what the first kept
    en = invoke(["--lang", "en", "build", str(issue), "--allow-overset"], EN_ENV)
    assert "is wider than the measure" in en.output and "photo p.jpg: 103 ppi at the placed size" in en.output
    assert "栏宽" not in en.output and "分辨率" not in en.output


@pytest.mark.parametrize("args, environ, expected", [
    (["--lang", "zh", "build", "x.yaml"], {}, "zh"), (["--lang=zh", "--help"], {}, "zh"),
    (["--lang", "en", "build"], {"LANG": "zh_CN.UTF-8"}, "en"), (["build", "--help"], {"LANG": "zh_CN.UTF-8"}, "zh"),
    (["build", "--lang", "zh"], {}, "en"),  # after the subcommand --lang is not the group's (a usage error)
    (["--lang", "fr", "build"], {"LANG": "zh_CN.UTF-8"}, "zh"),  # an unknown language: the locale's
])
def test_the_language_of_a_command_line(args, environ, expected):
    assert language_of(args, environ) == expected


def test_a_photo_not_found_is_a_chinese_error_at_its_yaml_path_with_its_hint(tmp_path, tiny_font_path):
    issue = issue_with_photo(tmp_path, tiny_font_path, "photos/q.jpg")
    zh = invoke(["validate", str(issue)], ZH_ENV)
    assert zh.exit_code == 1
    assert re.search(r"错误: \S+issue\.yaml:\d+ \(pages\[0\]\.articles\[0\]\.figures\[0\]\.file\): "
                     r"找不到图片「photos/q\.jpg」（查找的是 \S+q\.jpg）\n"
                     r"  提示: 图片路径相对于本期文件夹；检查文件名", zh.output), zh.output


def test_the_language_changes_the_messages_not_the_pdf(tmp_path, tiny_font_path):
    issue = write_issue(tmp_path, tiny_font_path)
    for language in ("en", "zh"):
        result = invoke(["--lang", language, "build", str(issue), "-q", "-o", str(tmp_path / language)], EN_ENV)
        assert result.exit_code == 0, result.output
    pdf = "tiny.pdf"
    assert (tmp_path / "zh" / pdf).read_bytes() == (tmp_path / "en" / pdf).read_bytes()
