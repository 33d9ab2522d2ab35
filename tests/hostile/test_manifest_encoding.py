"""Case 6: a manifest that is not UTF-8 (GBK), holds a NUL, is UTF-16 with a BOM, or has a full-width colon
typed in a Chinese input method (`id： lead`): each named, at its line."""

from __future__ import annotations

from click.testing import CliRunner

from hostile_helpers import line_of, refused
from layout.cli import main


def test_gbk_manifest_names_line_and_byte_offset(issue):
    text = issue.good()
    data = text.encode("gbk")
    first = next(i for i, (a, b) in enumerate(zip(data, text.encode("utf-8"))) if a != b)
    issue.write(data)
    line = line_of(text, "paper:")  # 测试日报 is the first non-ASCII text
    refused(issue, f"{issue.manifest}:{line}: the file is not UTF-8 text (it looks like GBK/GB18030",
            f"at byte offset {first} (line {line}, byte 10 of the line)", "save the file as UTF-8")


def test_nul_byte_in_manifest_is_named_with_line_and_column(issue):
    text = issue.good().replace("paper: 测试日报", "paper: 测试\0日报")
    issue.write(text)
    line = line_of(text, "paper:")
    refused(issue, f"{issue.manifest}:{line}: a NUL byte (U+0000) at line {line}, column 12",
            "YAML does not allow it")


def test_utf16_manifest_without_bom_is_named_as_such(issue):
    issue.write(issue.good().encode("utf-16-le"))
    refused(issue, f"{issue.manifest}:1: the file looks like UTF-16 (little-endian) text without a byte-order "
            "mark", "save the file as UTF-8")


def test_utf16_manifest_with_bom_is_read(issue):
    issue.write(issue.good().encode("utf-16"))  # with its BOM: decoded as UTF-16
    result = CliRunner().invoke(main, ["build", str(issue.manifest), "-o", str(issue.out), "-q"])
    assert result.exit_code == 0, result.output


def test_full_width_colon_after_a_key_names_its_line(issue):
    """`id： lead` is one plain text running on into the next line; YAML's error is one line below."""
    text = issue.good().replace("  id: tiny", "  id： tiny")
    issue.write(text)
    refused(issue, f"{issue.manifest}:{line_of(text, 'id：')}: a full-width colon '：' (U+FF1A) ends a key",
            "type an ASCII ':'")


def test_full_width_colon_on_the_last_key_of_a_mapping(issue):
    text = issue.good().replace("  date: 2024-01-05", "  date：2024-01-05")
    issue.write(text)
    refused(issue, f"{issue.manifest}:{line_of(text, 'date：')}: a full-width colon '：'")


def test_full_width_colon_in_a_flow_mapping(issue):
    credits = "    credits: {责任编辑：王静, 美编: 李明}"
    text = issue.good().replace("    section: 要闻", "    section: 要闻\n" + credits)
    issue.write(text)
    where = f"{issue.manifest}:{line_of(text, '责任编辑')} (pages[0].credits.责任编辑：王静)"
    refused(issue, f"{where}: '责任编辑：王静' has a full-width colon '：'", "type an ASCII ':'")


def test_full_width_colon_as_the_only_key_of_a_block(issue):
    text = issue.good().replace("    section: 要闻", "    section: 要闻\n    masthead:\n      标题：值")
    issue.write(text)
    refused(issue, f"{issue.manifest}:{line_of(text, '标题')} (pages[0].masthead): masthead must be a mapping",
            "the full-width colon '：'")


def test_utf16_big_endian_manifest_without_bom_is_detected(issue):
    issue.write(issue.good().encode("utf-16-be"))
    refused(issue, f"{issue.manifest}:1: the file looks like UTF-16 (big-endian) text without a byte-order "
            "mark", "save the file as UTF-8")
