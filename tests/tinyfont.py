"""A tiny test font built with fontTools FontBuilder: exact, known metrics for layout tests.

Metrics (units per em 1000):
  Han U+4E00–U+9FFF, U+3400–U+4DBF ........ 1000 (one shared glyph)
  CJK punctuation and full-width forms ...... 1000 (U+3000–U+303F, U+FF01–U+FF5E, “”‘’—…·, etc.)
  Latin letters A–Z a–z ...................... 500
  digits 0–9 ................................. 500
  other printable ASCII (incl. space) ........ 250
Characters not listed are missing (to test fallback and coverage errors).
"""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

UPEM = 1000
HAN_ADVANCE, PUNCT_ADVANCE, LATIN_ADVANCE, DIGIT_ADVANCE, ASCII_ADVANCE = 1000, 1000, 500, 500, 250

FULLWIDTH_EXTRA = "“”‘’—…·–～■"


def _box(width: int) -> object:
    pen = TTGlyphPen(None)
    pen.moveTo((50, -100))
    pen.lineTo((50, 700))
    pen.lineTo((max(60, width - 50), 700))
    pen.lineTo((max(60, width - 50), -100))
    pen.closePath()
    return pen.glyph()


def _cmap(han: bool) -> dict[int, str]:
    cmap: dict[int, str] = {}
    if han:
        for cp in list(range(0x4E00, 0xA000)) + list(range(0x3400, 0x4DC0)):
            cmap[cp] = "han"
    for cp in list(range(0x3000, 0x3040)) + list(range(0xFF01, 0xFF5F)):
        cmap[cp] = "punct"
    for ch in FULLWIDTH_EXTRA:
        cmap[ord(ch)] = "punct"
    for cp in range(0x20, 0x7F):
        ch = chr(cp)
        cmap[cp] = "latin" if ch.isalpha() else "digit" if ch.isdigit() else "ascii"
    return cmap


def build_tiny_font(path: Path, family: str = "LayoutTest", han: bool = True, fs_type: int = 0) -> Path:
    """Write the tiny TrueType test font to `path` and return it."""
    names = [".notdef", "han", "punct", "latin", "digit", "ascii"]
    advances = {".notdef": 500, "han": HAN_ADVANCE, "punct": PUNCT_ADVANCE, "latin": LATIN_ADVANCE,
                "digit": DIGIT_ADVANCE, "ascii": ASCII_ADVANCE}
    fb = FontBuilder(UPEM, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap(_cmap(han))
    fb.setupGlyf({name: _box(advances[name]) for name in names})
    fb.setupHorizontalMetrics({name: (advances[name], 50) for name in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular", "psName": f"{family}-Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=fs_type)
    fb.setupPost()
    fb.save(str(path))
    return path
