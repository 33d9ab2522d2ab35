"""Copy desk (layout clean), decoding: UTF-8 ± BOM, GB18030/GBK, UTF-16; bad bytes name their offset."""

import codecs

import pytest

from layout.cleaning import CleanError
from layout.cleaning.decode import decode_bytes, read_raw
from layout.errors import LayoutError

SEED = "本报济宁讯(记者 刘菲)8月17日,济宁高新区数说发展看高新主题系列(第2场)高新区重点项目建设新闻发布会举行。\n"


def test_utf8_without_and_with_bom():
    assert decode_bytes(SEED.encode("utf-8"), "x").text == SEED
    decoded = decode_bytes(codecs.BOM_UTF8 + SEED.encode("utf-8"), "x")
    assert (decoded.text, decoded.name) == (SEED, "UTF-8 with BOM")


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gbk_and_gb18030(codec):
    decoded = decode_bytes(SEED.encode(codec), "x")
    assert (decoded.text, decoded.codec) == (SEED, "gb18030")


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, bom):
    decoded = decode_bytes(bom + SEED.encode(codec), "x")
    assert (decoded.text, decoded.codec) == (SEED, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_by_nul_pattern(codec):
    decoded = decode_bytes(SEED.encode(codec), "x")
    assert (decoded.text, decoded.codec) == (SEED, codec)


def test_invalid_utf8_byte_names_its_offset():
    data = SEED.encode("utf-8")
    bad = data[:30] + b"\xff" + data[30:]
    with pytest.raises(CleanError, match="0xFF at byte offset 30"):
        decode_bytes(bad, "raw.txt")


def test_mixed_utf8_and_gbk_is_an_error_at_the_switch():
    first = "济宁高新区重点项目建设新闻发布会举行。\n".encode("utf-8")
    data = first + "黄屯街道听取社情民意。\n".encode("gbk")
    with pytest.raises(CleanError, match=f"mixed encodings.*byte offset {len(first)}"):
        decode_bytes(data, "raw.txt")


def test_undecodable_gb18030_names_its_offset():
    data = "黄屯街道".encode("gbk") + b"\x81\x20" + "听取".encode("gbk")
    with pytest.raises(CleanError, match="not GB18030 at byte offset 8"):
        decode_bytes(data, "raw.txt")


def test_truncated_utf16_names_its_offset():
    data = codecs.BOM_UTF16_LE + "黄屯街道".encode("utf-16-le") + b"\x41"
    with pytest.raises(CleanError, match="byte offset 10"):
        decode_bytes(data, "raw.txt")


def test_binary_file_with_nul_bytes():
    with pytest.raises(CleanError, match="NUL byte at byte offset 4.*binary"):
        decode_bytes(b"\x89PNG\x00\x00\x00\rIHDR", "image.png")


def test_control_character_names_its_byte_offset():
    data = "黄屯".encode("utf-8") + b"\x07" + "街道".encode("utf-8")
    with pytest.raises(CleanError, match="U\\+0007 at byte offset 6"):
        decode_bytes(data, "raw.txt")


def test_gb18030_junk_is_not_text():
    with pytest.raises(CleanError, match="does not look like text"):
        decode_bytes("😀".encode("gb18030") * 20 + b"\xb0\xa1", "raw.bin")


@pytest.mark.parametrize("data", [b"", b"  \n\n\t "])
def test_empty_file(data):
    with pytest.raises(CleanError, match="empty|no text"):
        decode_bytes(data, "raw.txt")


def test_file_over_50_mb_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: takes no disk space
    with pytest.raises(CleanError, match="more than the 50 MB limit") as info:
        read_raw(big)
    assert info.value.where == str(big)
    assert info.value.hint


def test_missing_file(tmp_path):
    with pytest.raises(LayoutError, match="no such file"):
        read_raw(tmp_path / "nope.txt")
