"""fonts/tables.py reads the same table values as fontTools (which it replaces on a cold build)."""

from __future__ import annotations

import struct

import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont

from layout.fonts import FaceSource, tables
from layout.fonts.faces import _read_metrics
from layout.manifest import load_font_table
from layout.output.paint.cidfont import fonttools_fields


def _sources() -> list[FaceSource]:
    """Every face of the packaged font table (fonts/fonts.yaml) whose file is installed."""
    return [s for s in load_font_table().sources if s.file.is_file()]


def _fonttools_metrics(path, index: int, role: str, weight: str) -> dict:
    tt = TTFont(str(path), fontNumber=index, lazy=True)
    os2, head = tt["OS/2"], tt["head"]
    return {"postscript_name": tt["name"].getDebugName(6) or f"{role}-{weight}", "upem": head.unitsPerEm,
            "ascent": os2.sTypoAscender, "descent": os2.sTypoDescender,
            "outline": "cff" if ("CFF " in tt or "CFF2" in tt) else "truetype", "fs_type": os2.fsType}


def _hb_face(path, index: int = 0) -> hb.Face:
    return hb.Face(hb.Blob.from_file_path(str(path)), index)


def _check(path, index: int, role: str = "song", weight: str = "regular") -> None:
    face = _hb_face(path, index)
    source = FaceSource(role=role, weight=weight, file=path, index=index)
    assert tables.metrics(face) is not None, "the fast path declined a well-formed face"
    assert _read_metrics(source, face) == _fonttools_metrics(path, index, role, weight)
    assert tables.descriptor_fields(face) == fonttools_fields(TTFont(str(path), fontNumber=index, lazy=True))


def test_tiny_font_reads_as_fonttools_reads_it(tiny_font_path):
    _check(tiny_font_path, 0)


def test_installed_faces_read_as_fonttools_reads_them():
    sources = _sources()
    if not sources:
        pytest.skip("no face of the font table is installed")
    for source in sources:
        _check(source.file, source.index, source.role, source.weight)


def _name_table(records: list[tuple[int, int, int, bytes]]) -> bytes:
    """A name table with nameID-6 records (platform, encoding, language, raw bytes) in this order."""
    head, strings = b"", b""
    for platform, encoding, language, raw in records:
        head += struct.pack(">HHHHHH", platform, encoding, language, 6, len(raw), len(strings))
        strings += raw
    return struct.pack(">HHH", 0, len(records), 6 + 12 * len(records)) + head + strings


def test_debug_name_prefers_english_records_as_fonttools_does():
    table = _name_table([(3, 1, 0x804, "思源宋体".encode("utf_16_be")), (3, 1, 0x409, "Source-Han".encode("utf_16_be")),
                         (1, 0, 0, b"Later")])
    assert tables.debug_name(table, 6) == "Source-Han"
    assert tables.debug_name(_name_table([(3, 1, 0x804, "思源".encode("utf_16_be"))]), 6) == "思源"
    assert tables.debug_name(_name_table([]), 6) is None


def test_debug_name_declines_what_fonttools_would_repair():
    assert tables.debug_name(_name_table([(3, 1, 0x409, b"\x00A\x00")]), 6) is False  # odd UTF-16 length
    assert tables.debug_name(_name_table([(1, 25, 33, b"\xc4\xe3")]), 6) is False  # another Mac encoding
    assert tables.metrics(hb.Face(hb.Blob(b""), 0)) is None  # no tables: the caller asks fontTools


def test_a_table_is_read_from_the_mapped_file_as_harfbuzz_gives_it(tiny_font_path):
    faces = [(s.file, s.index) for s in _sources()] + [(tiny_font_path, 0)]
    for path, index in faces:
        face = _hb_face(path, index)
        for tag in ("head", "OS/2", "CFF " if "CFF " in face.table_tags else "glyf"):
            assert bytes(tables.table_view(path, index, tag)) == bytes(face.reference_table(tag).data), (path, tag)
    assert tables.table_view(tiny_font_path, 0, "CFF ") is None  # a TrueType face has none
    assert tables.table_view(tiny_font_path, 3, "head") is None  # a single font has only face 0
