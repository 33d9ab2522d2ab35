"""Messages in the editor's language (layout/i18n.py): every message id marked in layout/ has its Chinese in
the catalog with the same placeholders; LANG=zh_CN.UTF-8 or --lang zh gives Chinese errors, hints and
summaries, English otherwise; library calls stay English after a Chinese command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner
from worlds import write_issue

from layout import i18n
from layout.cli import main
from layout.errors import ManifestError
from layout.manifest import load_issue

PACKAGE = Path(i18n.__file__).resolve().parent
FIELD = re.compile(r"\{(\w*)\}")


def extracted() -> set:
    return {message for _, _, message, _, _ in extract_from_dir(str(PACKAGE))}


def catalog():
    with open(i18n.catalog_path("zh"), "rb") as handle:
        return read_po(handle, locale="zh_CN")


def test_every_message_id_has_both_languages():
    po = catalog()
    ids = extracted()
    assert len(ids) >= 80
    missing = sorted(str(m) for m in ids if not (po.get(m) and po.get(m).string
                                                 and all(po.get(m).string if isinstance(m, tuple) else [1])))
    assert missing == []
    stale = sorted(str(m.id) for m in po if m.id and m.id not in ids)
    assert stale == []  # no translation of a message the code no longer has


def test_translations_keep_every_placeholder():
    for message in catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if "{key: value" in ids[0]:
            continue  # braces shown to the user, not a placeholder
        for text in strings:
            assert set(FIELD.findall(text)) == set(FIELD.findall(ids[-1])), message.id


@pytest.mark.parametrize("environ,expected", [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"),
                                              ({"LANGUAGE": "zh_TW:en", "LANG": "C"}, "zh"), ({}, "en"),
                                              ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en")])
def test_the_locale_picks_the_language(environ, expected):
    assert i18n.from_environment(environ) == expected


def bad_key(tmp_path, tiny_font_path) -> Path:
    issue = write_issue(tmp_path, tiny_font_path)
    issue.write_text(issue.read_text(encoding="utf-8").replace("    section: 要闻", "    sectoin: 要闻"),
                     encoding="utf-8")
    return issue


def test_a_chinese_locale_gives_the_error_and_hint_in_chinese(tmp_path, tiny_font_path):
    issue = bad_key(tmp_path, tiny_font_path)
    result = CliRunner().invoke(main, ["validate", str(issue)], env={"LANG": "zh_CN.UTF-8", "LANGUAGE": "",
                                                                     "LC_ALL": "", "LC_MESSAGES": ""})
    assert result.exit_code == 1
    assert (f"错误: {issue}:17 (pages[0].sectoin): pages[0] 中有未知的键「sectoin」\n"
            "  提示: 是不是要写「section」？可用的有：number, section, section_front, credits, masthead, index, weather, ads, articles") in result.output


def test_lang_zh_gives_the_summary_in_chinese_and_lang_en_overrides_the_locale(tmp_path, tiny_font_path):
    issue = write_issue(tmp_path, tiny_font_path, lines=4)
    zh = CliRunner().invoke(main, ["--lang", "zh", "build", str(issue), "--allow-overset"])
    assert zh.exit_code == 0, zh.output
    assert "已生成" in zh.output and "容量：溢出 1 篇" in zh.output
    assert "  溢出 第 3 版稿件 a：需要 16 行，版位只容 2 行（溢出 14 行 ≈ 134 字）" in zh.output
    en = CliRunner().invoke(main, ["--lang", "en", "validate", str(issue), "--allow-overset"],
                            env={"LANG": "zh_CN.UTF-8"})
    assert en.output.startswith("valid ") and "OVERSET article a on page 3" in en.output


def test_library_calls_stay_english_after_a_chinese_command(tmp_path, tiny_font_path):
    issue = bad_key(tmp_path, tiny_font_path)
    CliRunner().invoke(main, ["--lang", "zh", "validate", str(issue)])
    assert i18n.active() == "en"
    with pytest.raises(ManifestError, match="unknown key 'sectoin' in pages"):
        load_issue(issue)
