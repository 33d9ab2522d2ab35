"""Embedded CFF subsets name the face they were cut from (not the collection's shared 'CJK JP' program)."""

from __future__ import annotations

import io

from fontTools.cffLib import CFFFontSet
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen

from layout.output.paint.cidfont import cff_name, rename_cff


def cff_table(name: str) -> bytes:
    """A tiny name-keyed CFF font program called `name`."""
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "A"])
    fb.setupCharacterMap({65: "A"})
    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0)), pen.lineTo((500, 0)), pen.lineTo((250, 700)), pen.closePath()
    fb.setupCFF(name, {"FullName": name}, {".notdef": pen.getCharString(), "A": pen.getCharString()}, {})
    fb.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": name, "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    out = io.BytesIO()
    fb.save(out)
    from fontTools.ttLib import TTFont
    font = TTFont(io.BytesIO(out.getvalue()))
    return font.getTableData("CFF ")


def fonttools_name(data: bytes) -> str:
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(data), None)
    return cff.fontNames[0]


def test_a_same_length_name_is_written_in_place():
    data = cff_table("NotoSansCJKjp-Bold")
    renamed = rename_cff(data, "NotoSansCJKsc-Bold")
    assert len(renamed) == len(data) and fonttools_name(renamed) == cff_name(renamed) == "NotoSansCJKsc-Bold"


def test_a_name_of_another_length_is_recompiled():
    renamed = rename_cff(cff_table("NotoSansCJKjp-Bold"), "LayoutTestSC-Bold-Long")
    assert fonttools_name(renamed) == "LayoutTestSC-Bold-Long"


def test_the_right_name_is_left_alone():
    data = cff_table("NotoSansCJKsc-Bold")
    assert rename_cff(data, "NotoSansCJKsc-Bold") is data
