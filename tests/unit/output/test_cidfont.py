"""Paint stage, font embedding: one subset Type0/Identity-H font per face (layout/output/paint/cidfont.py).

Uses the tiny TrueType test font (tests/tinyfont.py) and a tiny CID-keyed CFF font built here whose
CIDs differ from its glyph ids, so a code written as a GID instead of a CID would select the wrong
glyph. Every check reads the PDF back with independent tools (pdffonts, qpdf, pikepdf, fontTools,
pypdfium2, pdftoppm).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from fontTools.cffLib import CFFFontSet
from fontTools.cffLib.CFF2ToCFF import convertCFF2ToCFF
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from layout.errors import FontError
from layout.fonts import FaceSource, load_face
from layout.output.paint import backend, cidfont
from layout.output.paint.cidfont import (CIDFont, compact_w, default_width, is_serif, register, subset_tag,
                                         tounicode_cmap)

from tinyfont import ASCII_ADVANCE, DIGIT_ADVANCE, HAN_ADVANCE, LATIN_ADVANCE, PUNCT_ADVANCE

ROOT = Path(__file__).resolve().parents[3]

# The tiny CID-keyed CFF font: character → (CID, advance); glyph k (1-based, in this order) is a box
# 100·(k+1) units tall, so a rendering tells which glyph was drawn.
CFF_CHARS = {"中": 700, "文": 3, "字": 1500, "体": 2, "排": 65000, "版": 9, "A": 40, "i": 1}
CFF_ADVANCE = {"A": 500, "i": 250}  # others 1000


def _cff_box(width: int, height: int, cff2: bool = True):
    """A box glyph 50 units in from each side of `width`, from 0 to `height` (CFF2 or CFF charstring)."""
    pen = T2CharStringPen(None if cff2 else width, None, CFF2=cff2)
    pen.moveTo((50, 0))
    pen.lineTo((50, height))
    pen.lineTo((width - 50, height))
    pen.lineTo((width - 50, 0))
    pen.closePath()
    return pen.getCharString()


def build_cid_cff_font(path: Path) -> Path:
    """A CID-keyed CFF (ROS Adobe-Identity-0) font whose charset maps glyph k to CFF_CHARS' CIDs."""
    order = [".notdef"] + [f"g{k}" for k in range(1, len(CFF_CHARS) + 1)]
    advances = {".notdef": 500} | {f"g{k}": CFF_ADVANCE.get(ch, 1000) for k, ch in enumerate(CFF_CHARS, 1)}
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({ord(ch): f"g{k}" for k, ch in enumerate(CFF_CHARS, 1)})
    fb.setupCFF2({name: _cff_box(advances[name], 100 * (k + 1)) for k, name in enumerate(order)})
    fb.setupHorizontalMetrics({name: (advances[name], 50) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "LayoutCID", "styleName": "Regular", "psName": "LayoutCID-Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=0)
    fb.setupPost()
    buf = io.BytesIO()
    fb.font.save(buf)
    buf.seek(0)
    font = TTFont(buf)
    cmap, hmtx = font["cmap"], font["hmtx"]  # decompiled while the glyph names are still g1…
    for table in cmap.tables:
        table.cmap = dict(table.cmap)
    convertCFF2ToCFF(font)  # CID-keyed, but CID = GID: give the glyphs other CIDs
    top = font["CFF "].cff.topDictIndex[0]
    names = [".notdef"] + [f"cid{cid:05d}" for cid in CFF_CHARS.values()]
    strings = top.CharStrings.charStrings
    top.CharStrings.charStrings = {new: strings[old] for old, new in zip(top.charset, names)}
    top.charset, top.CIDCount = names, max(CFF_CHARS.values()) + 1
    rename = dict(zip(order, names))
    font.setGlyphOrder(names)
    hmtx.metrics = {rename[k]: v for k, v in hmtx.metrics.items()}
    for table in cmap.tables:
        table.cmap = {cp: rename[name] for cp, name in table.cmap.items()}
    font.save(str(path))
    return path


@pytest.fixture(scope="module")
def cff_face(tmp_path_factory):
    """The tiny CID-keyed CFF font as a Face (role 'cidcff')."""
    path = build_cid_cff_font(tmp_path_factory.mktemp("fonts") / "LayoutCID-Regular.otf")
    return load_face(FaceSource(role="cidcff", weight="regular", file=path))


# ---------------------------------------------------------------- helpers reading a PDF back


def paint(path: Path, lines: list, size: float = 20.0, pagesize=(600, 300)) -> Path:
    """Write `lines` of (CIDFont, text) as the painter does: raw BT … [<hex>] TJ ET operators."""
    first = lines[0][0]
    canvas = Canvas(str(path), pagesize=pagesize, invariant=1, initialFontName=first.fontName)
    for row, (font, text) in enumerate(lines):
        name = font.resource_name(backend.document(canvas))
        hexcodes = font.encode(text).hex()
        y = pagesize[1] - (row + 1) * size * 2
        backend.append_operators(canvas, f"BT {name} {size} Tf 1 0 0 1 20 {y} Tm [<{hexcodes}>] TJ ET")
    canvas.showPage()
    canvas.save()
    return path


def pdffonts(path: Path) -> list[dict]:
    """pdffonts rows as dicts: name, type, encoding, emb, sub, uni."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        m = re.match(r"(\S+)\s+(.+?)\s+(Identity-H|\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert m, line
        rows.append(dict(zip(("name", "type", "encoding", "emb", "sub", "uni"), m.groups())))
    return rows


def extracted_lines(path: Path) -> list[str]:
    """Text of page 1 as pypdfium2 extracts it (through ToUnicode), one entry per line."""
    pdf = pdfium.PdfDocument(str(path))
    text = pdf[0].get_textpage().get_text_range()
    return [line for line in text.replace("\r", "").split("\n") if line]


def page_fonts(pdf: pikepdf.Pdf) -> list:
    """The Type0 font dictionaries of page 1's /Font resources, by resource name."""
    fonts = pdf.pages[0].Resources.Font
    return [fonts[key] for key in sorted(fonts.keys())]


def tj_codes(path: Path) -> list[list[int]]:
    """The two-byte codes of each TJ string on page 1, in order."""
    pdf = pikepdf.open(str(path))
    runs = []
    for operands, op in pikepdf.parse_content_stream(pdf.pages[0]):
        if str(op) in ("TJ", "Tj"):
            items = operands[0] if str(op) == "TJ" else [operands[0]]
            data = b"".join(bytes(x) for x in items if isinstance(x, pikepdf.String))
            runs.append([int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)])
    return runs


def widths_from_w(w) -> dict[int, float]:
    """Decode a CIDFont W array (both `c [w…]` and `c1 c2 w` forms)."""
    items, out, i = list(w), {}, 0
    while i < len(items):
        if isinstance(items[i + 1], pikepdf.Array):
            for k, width in enumerate(items[i + 1]):
                out[int(items[i]) + k] = float(width)
            i += 2
        else:
            for code in range(int(items[i]), int(items[i + 1]) + 1):
                out[code] = float(items[i + 2])
            i += 3
    return out


def ink_boxes(image: Image.Image, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(width, height) in px of the dark pixels in each cell (x0, x1) of a grayscale rendering."""
    boxes = []
    for x0, x1 in cells:
        crop = image.crop((x0, 0, x1, image.height)).point(lambda v: 255 if v < 128 else 0)
        box = crop.getbbox()
        boxes.append((0, 0) if box is None else (box[2] - box[0], box[3] - box[1]))
    return boxes


def renderings(path: Path) -> list[Image.Image]:
    """Page 1 at 72 dpi, grayscale, by poppler (pdftoppm) and by pdfium."""
    out = subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", "1", "-l", "1", str(path)],
                         capture_output=True, check=True).stdout
    poppler = Image.open(io.BytesIO(out)).convert("L")
    pdfium_img = pdfium.PdfDocument(str(path))[0].render(scale=1).to_pil().convert("L")
    return [poppler, pdfium_img]


def paint_cells(path: Path, font: CIDFont, text: str, size: float = 100, pitch: int = 120) -> list:
    """Each character of `text` alone at x = 20 + k·pitch (size pt); returns the cells' x ranges."""
    canvas = Canvas(str(path), pagesize=(40 + pitch * len(text), 200), invariant=1,
                    initialFontName=font.fontName)
    name = font.resource_name(backend.document(canvas))
    for k, char in enumerate(text):
        codes = font.encode(char).hex()
        backend.append_operators(canvas, f"BT {name} {size} Tf 1 0 0 1 {20 + k * pitch} 60 Tm <{codes}> Tj ET")
    canvas.save()
    return [(20 + k * pitch - 5, 20 + (k + 1) * pitch - 5) for k in range(len(text))]


# ---------------------------------------------------------------- the PDF as other tools see it


def test_one_embedded_subset_type0_font_per_face(tmp_path, tiny_face, cff_face):
    tiny, cff = register(tiny_face), register(cff_face)
    path = paint(tmp_path / "two.pdf", [(tiny, "中文A!"), (cff, "中文A"), (tiny, "排版")])
    rows = pdffonts(path)
    assert [(r["type"], r["encoding"], r["emb"], r["sub"], r["uni"]) for r in rows] == [
        ("CID TrueType", "Identity-H", "yes", "yes", "yes"),
        ("CID Type 0C", "Identity-H", "yes", "yes", "yes"),
    ]
    assert re.fullmatch(r"[A-Z]{6}\+LayoutTest-Regular", rows[0]["name"])
    assert re.fullmatch(r"[A-Z]{6}\+LayoutCID-Regular", rows[1]["name"])
    pdf = pikepdf.open(str(path))
    fonts = page_fonts(pdf)
    assert [str(f.Subtype) for f in fonts] == ["/Type0", "/Type0"]
    assert {str(f.DescendantFonts[0].Subtype) for f in fonts} == {"/CIDFontType2", "/CIDFontType0"}


def test_qpdf_check_is_clean(tmp_path, tiny_face, cff_face):
    path = paint(tmp_path / "q.pdf", [(register(tiny_face), "中文Ab1 !"), (register(cff_face), "字体i")])
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_extracted_text_equals_drawn_text_even_when_characters_share_a_glyph(tmp_path, tiny_face, cff_face):
    # every Han of the tiny font is one glyph: each character still needs its own ToUnicode entry
    lines = [(register(tiny_face), "中文排版：“济宁”Ab 12!"),
             (register(cff_face), "排版A字i体")]
    path = paint(tmp_path / "text.pdf", lines)
    assert extracted_lines(path) == [text for _, text in lines]
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert [line.strip() for line in out.splitlines() if line.strip()] == [text for _, text in lines]


def test_w_widths_match_the_face_advances(tmp_path, tiny_face, cff_face):
    tiny_text, cff_text = "中。Aa1!~ 文", "中Ai文"
    path = paint(tmp_path / "w.pdf", [(register(tiny_face), tiny_text), (register(cff_face), cff_text)])
    expected_tiny = [HAN_ADVANCE, PUNCT_ADVANCE, LATIN_ADVANCE, LATIN_ADVANCE, DIGIT_ADVANCE,
                     ASCII_ADVANCE, ASCII_ADVANCE, ASCII_ADVANCE, HAN_ADVANCE]
    expected_cff = [1000, 500, 250, 1000]
    fonts = page_fonts(pdf := pikepdf.open(str(path)))
    assert len(pdf.pages) == 1
    for font, codes, expected in zip(fonts, tj_codes(path), (expected_tiny, expected_cff)):
        cid = font.DescendantFonts[0]
        table = widths_from_w(cid.get("/W", []))
        assert [table.get(code, float(cid.DW)) for code in codes] == expected


def test_cff_codes_are_the_charset_cids_and_select_the_right_glyphs(tmp_path, cff_face):
    font = register(cff_face)
    path = tmp_path / "cells.pdf"
    cells = paint_cells(path, font, "中文字体排版Ai")
    # glyph k is 100·(k+1) units tall (k = 1 … 8), boxes 50 units in from each side of the advance
    expected = [(90, 10 * (k + 1)) for k in range(1, 7)] + [(40, 80), (15, 90)]
    for image in renderings(path):
        for got, want in zip(ink_boxes(image, cells), expected):
            assert abs(got[0] - want[0]) <= 1 and abs(got[1] - want[1]) <= 1, (got, want)
    assert [codes[0] for codes in tj_codes(path)] == list(CFF_CHARS.values())


def test_cff_subset_keeps_only_used_glyphs_under_their_cids(tmp_path, cff_face):
    path = paint(tmp_path / "sub.pdf", [(register(cff_face), "中A中")])
    descriptor = page_fonts(pdf := pikepdf.open(str(path)))[0].DescendantFonts[0].FontDescriptor
    program = descriptor.FontFile3
    assert str(program.Subtype) == "/CIDFontType0C"
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(program.read_bytes()), None)
    top = cff.topDictIndex[0]
    assert top.ROS == ("Adobe", "Identity", 0)
    assert sorted(top.charset) == [".notdef", "cid00040", "cid00700"]


def test_truetype_codes_reach_the_right_glyph_through_cidtogidmap(tmp_path, tiny_face):
    font = register(tiny_face)
    path = tmp_path / "tt.pdf"
    cells = paint_cells(path, font, "中A1!文。")
    # boxes from 50 to advance−50 (ASCII: 60 to 200), -100 to 700 units; 100 pt at 72 dpi: 1 px = 10 units
    expected = [(90, 80), (40, 80), (40, 80), (14, 80), (90, 80), (90, 80)]
    for image in renderings(path):
        got = ink_boxes(image, cells)
        assert all(abs(g[0] - w[0]) <= 1 and abs(g[1] - w[1]) <= 1 for g, w in zip(got, expected)), got


def _embedded_truetype(pdf: pikepdf.Pdf):
    """(CIDFont dictionary, embedded subset as a fontTools TTFont) of the page's first font."""
    cid = page_fonts(pdf)[0].DescendantFonts[0]
    return cid, TTFont(io.BytesIO(cid.FontDescriptor.FontFile2.read_bytes()))


def test_truetype_subset_has_only_used_glyphs_and_a_cidtogidmap_stream(tmp_path, tiny_face):
    path = paint(tmp_path / "map.pdf", [(register(tiny_face), "A中A")])
    cid, subset = _embedded_truetype(pdf := pikepdf.open(str(path)))
    assert subset["maxp"].numGlyphs == 3  # .notdef, han, latin
    assert "GSUB" not in subset and "cmap" not in subset
    gidmap = cid.CIDToGIDMap.read_bytes()
    advances = [subset["hmtx"][subset.getGlyphName(int.from_bytes(gidmap[2 * c:2 * c + 2], "big"))][0]
                for c in tj_codes(path)[0]]
    assert advances == [LATIN_ADVANCE, HAN_ADVANCE, LATIN_ADVANCE]


def test_cidtogidmap_is_identity_only_when_codes_equal_subset_glyph_ids(tmp_path, tiny_face):
    # glyphs 1, 2, 3 of the tiny font: han (first code point U+3400), punct (U+00B7), latin (A)
    path = paint(tmp_path / "id.pdf", [(register(tiny_face), "\u3400\u00b7A")])
    cid, subset = _embedded_truetype(pdf := pikepdf.open(str(path)))
    assert cid.CIDToGIDMap == pikepdf.Name.Identity
    assert tj_codes(path) == [[1, 2, 3]]
    assert [subset["hmtx"][subset.getGlyphName(g)][0] for g in (1, 2, 3)] == [
        HAN_ADVANCE, PUNCT_ADVANCE, LATIN_ADVANCE]


def test_font_descriptor_numbers(tmp_path, tiny_face):
    path = paint(tmp_path / "fd.pdf", [(register(tiny_face), "中")])
    font = page_fonts(pdf := pikepdf.open(str(path)))[0]
    fd = font.DescendantFonts[0].FontDescriptor
    # tiny font: not fixed pitch, no serif class or PANOSE, upright → Symbolic (4) only
    assert int(fd.Flags) == 4
    assert [float(v) for v in fd.FontBBox] == [50, -100, 950, 700]  # glyph boxes of tinyfont
    assert (float(fd.Ascent), float(fd.Descent), float(fd.ItalicAngle)) == (880, -120, 0)
    assert float(fd.CapHeight) == 880  # OS/2 has no sCapHeight: ascent
    assert int(fd.StemV) == 50 + int((400 / 65) ** 2)  # usWeightClass 400
    assert str(fd.FontName) == str(font.BaseFont) and len(pdf.pages) == 1


def test_initial_font_leaves_no_helvetica_or_unembedded_font(tmp_path, tiny_face):
    font = register(tiny_face)
    path = tmp_path / "initial.pdf"
    canvas = Canvas(str(path), invariant=1, initialFontName=font.fontName)
    canvas.drawString(72, 720, "济宁日报 2024")  # no setFont: the initial font draws
    canvas.showPage()
    canvas.drawString(72, 720, "第二版")
    canvas.save()
    assert b"Helvetica" not in path.read_bytes()
    rows = pdffonts(path)
    assert len(rows) == 1 and rows[0]["emb"] == "yes" and rows[0]["type"] == "CID TrueType"
    pdf = pikepdf.open(str(path))
    subtypes = {str(o.get("/Subtype")) for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                and o.get("/Type") == pikepdf.Name.Font}
    assert subtypes == {"/Type0", "/CIDFontType2"}


def test_reportlab_textobject_and_drawstring_work_with_the_font(tmp_path, tiny_face):
    font = register(tiny_face)
    path = tmp_path / "textobject.pdf"
    canvas = Canvas(str(path), pagesize=(400, 200), invariant=1, initialFontName=font.fontName)
    text = canvas.beginText(20, 150)
    text.setFont(font.fontName, 12)
    text.textLine("文本对象 Text(1)")
    canvas.drawText(text)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(20, 100, "画字符串\\")
    canvas.save()
    assert extracted_lines(path) == ["文本对象 Text(1)", "画字符串\\"]
    assert pdfmetrics.stringWidth("中A!", font.fontName, 10) == 10 + 5 + 2.5


def test_byte_identical_rebuild(tmp_path, tiny_face, cff_face):
    lines = [(register(tiny_face), "中文排版 Ab"), (register(cff_face), "字体A")]
    first = paint(tmp_path / "a.pdf", lines).read_bytes()
    second = paint(tmp_path / "b.pdf", lines).read_bytes()
    assert first == second


SCRIPT = """
import sys
from pathlib import Path
sys.path[:0] = [{root!r}]
from layout.fonts import FaceSource, load_face
from layout.output.paint.cidfont import register
from reportlab.pdfgen.canvas import Canvas
font = register(load_face(FaceSource(role="song", weight="regular", file=Path(sys.argv[1]))))
canvas = Canvas(sys.argv[2], invariant=1, initialFontName=font.fontName)
canvas.drawString(72, 720, "排版中文“济宁”Ab 12!" * 3)
canvas.save()
"""


def test_byte_identical_across_processes_and_hash_seeds(tmp_path, tiny_font_path):
    script = tmp_path / "build.py"
    script.write_text(SCRIPT.format(root=str(ROOT)))
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"p{seed}.pdf"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, str(script), str(tiny_font_path), str(out)],
                       check=True, env=env)
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_glyph_use_is_kept_per_document(tmp_path, tiny_face):
    font = register(tiny_face)
    a = Canvas(str(tmp_path / "a.pdf"), invariant=1, initialFontName=font.fontName)
    b = Canvas(str(tmp_path / "b.pdf"), invariant=1, initialFontName=font.fontName)
    for row, (canvas, text) in enumerate(((a, "中中"), (b, "1!"), (a, "A"))):  # interleaved
        name = font.resource_name(backend.document(canvas))
        codes = font.encode(text).hex()
        backend.append_operators(canvas, f"BT {name} 20 Tf 1 0 0 1 20 {700 - 40 * row} Tm <{codes}> Tj ET")
    a.save()
    b.save()
    assert extracted_lines(tmp_path / "a.pdf") == ["中中", "A"]
    assert extracted_lines(tmp_path / "b.pdf") == ["1!"]
    _, subset_a = _embedded_truetype(pikepdf.open(str(tmp_path / "a.pdf")))
    _, subset_b = _embedded_truetype(pikepdf.open(str(tmp_path / "b.pdf")))
    assert subset_a["maxp"].numGlyphs == 3 and subset_b["maxp"].numGlyphs == 3  # .notdef + 2 each
    assert pdffonts(tmp_path / "a.pdf")[0]["name"] != pdffonts(tmp_path / "b.pdf")[0]["name"]


# ---------------------------------------------------------------- API behaviour


def test_register_once_per_face_and_replaced_for_another_face_under_the_same_key(
        tiny_font_path, latin_only_font_path):
    first = load_face(FaceSource(role="cidreg", weight="regular", file=tiny_font_path))
    other = load_face(FaceSource(role="cidreg", weight="regular", file=latin_only_font_path))
    font = register(first)
    assert register(first) is font and pdfmetrics.getFont("L-cidreg-regular") is font
    replaced = register(other)
    assert replaced is not font and pdfmetrics.getFont("L-cidreg-regular") is replaced
    assert replaced.layout_face is other


def test_missing_character_is_a_font_error(tmp_path, tiny_face):
    font = register(tiny_face)
    canvas = Canvas(str(tmp_path / "x.pdf"), invariant=1, initialFontName=font.fontName)
    font.resource_name(backend.document(canvas))
    with pytest.raises(FontError, match=r"U\+00E9 'é' is not in font"):
        font.encode("café")


def test_encode_needs_a_document(tiny_face):
    with pytest.raises(RuntimeError, match="resource_name"):
        CIDFont(tiny_face).encode("中")


def test_encode_is_two_bytes_per_character_and_the_same_in_every_document(tmp_path, tiny_face):
    font = register(tiny_face)
    docs = [backend.document(Canvas(str(tmp_path / f"{k}.pdf"), initialFontName=font.fontName)) for k in range(2)]
    codes = [font.encode("A中文", doc) for doc in docs]
    assert codes[0] == codes[1] and len(codes[0]) == 6
    assert codes[0][:2] == (3).to_bytes(2, "big")  # 'A' is glyph 3 of the tiny font


# ---------------------------------------------------------------- tables and encoders


@pytest.mark.parametrize("family_class, panose_family, panose_serif, serif", [
    (0x0100, 0, 0, True),  # sFamilyClass 1: oldstyle serifs
    (0x0705, 2, 11, True),  # class wins over PANOSE
    (0x0800, 2, 2, False),  # class 8: sans serif
    (0, 2, 2, True),  # PANOSE Latin Text, cove serifs (Noto Serif CJK)
    (0, 2, 11, False),  # PANOSE normal sans (Noto Sans CJK)
    (0, 0, 0, False),  # nothing known
])
def test_serif_flag_table(family_class, panose_family, panose_serif, serif):
    assert is_serif(family_class, panose_family, panose_serif) is serif


def test_compact_w_uses_ranges_for_equal_runs_and_arrays_otherwise():
    widths = {1: 250, 2: 250, 3: 250, 4: 500, 6: 1000, 7: 1000, 9: 500, 10: 250}
    assert compact_w(widths, 1000) == [1, 3, 250, 4, [500], 9, [500, 250]]
    assert compact_w({5: 500, 6: 250, 7: 500}, 1000) == [5, [500, 250, 500]]
    assert compact_w({1: 1000, 2: 1000}, 1000) == []


def test_default_width_is_the_most_common_width():
    assert default_width({1: 500, 2: 1000, 3: 1000, 4: 250}) == 1000
    assert default_width({1: 500, 2: 250}) == 250  # tie: the smaller
    assert default_width({}) == 1000


def test_tounicode_cmap_blocks_of_100_and_surrogates():
    chars = {code: chr(0x4E00 + code) for code in range(250)} | {300: "\U00020000"}
    cmap = tounicode_cmap(chars).decode("ascii")
    assert re.findall(r"(\d+) beginbfchar", cmap) == ["100", "100", "51"]
    assert "<0000> <4E00>" in cmap and "<012C> <D840DC00>" in cmap


def test_subset_tag_is_six_letters_from_face_and_glyph_set():
    tag = subset_tag("song-regular", {5, 1, 3})
    assert re.fullmatch(r"[A-Z]{6}", tag)
    assert subset_tag("song-regular", {3, 5, 1}) == tag
    assert subset_tag("song-regular", {1, 3}) != tag
    assert subset_tag("hei-regular", {1, 3, 5}) != tag


def test_variable_cff_is_refused(tmp_path):
    # CFF2 cannot be embedded in PDF: a clear FontError rather than a broken file
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "a"])
    fb.setupCharacterMap({ord("a"): "a"})
    fb.setupCFF2({".notdef": _cff_box(500, 500), "a": _cff_box(500, 600)})
    fb.setupHorizontalMetrics({".notdef": (500, 50), "a": (500, 50)})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Var", "styleName": "Regular", "psName": "Var-Regular"})
    fb.setupOS2(fsType=0)
    fb.setupPost()
    fb.save(str(tmp_path / "v.otf"))
    face = load_face(FaceSource(role="cidvar", weight="regular", file=tmp_path / "v.otf"))
    with pytest.raises(FontError, match="CFF2"):
        cidfont.read_program(face)


def test_name_keyed_cff_codes_are_glyph_ids_kept_by_the_subset(tmp_path):
    fb = FontBuilder(1000, isTTF=False)
    order = [".notdef", "b", "a", "c"]  # 'a' is glyph 2, 'b' glyph 1
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({ord(name): name for name in order[1:]})
    boxes = {name: _cff_box(1000, 200 * (k + 1), cff2=False) for k, name in enumerate(order)}
    fb.setupCFF("Named-Regular", {}, boxes, {})
    fb.setupHorizontalMetrics({name: (1000, 50) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Named", "styleName": "Regular", "psName": "Named-Regular"})
    fb.setupOS2(fsType=0)
    fb.setupPost()
    fb.save(str(tmp_path / "n.otf"))
    font = CIDFont(load_face(FaceSource(role="cidnamed", weight="regular", file=tmp_path / "n.otf")))
    pdfmetrics.registerFont(font)
    path = tmp_path / "named.pdf"
    cells = paint_cells(path, font, "ac")
    assert tj_codes(path) == [[2], [3]]
    assert pdffonts(path)[0]["type"] == "CID Type 0C"
    for image in renderings(path):
        heights = [h for _, h in ink_boxes(image, cells)]
        assert abs(heights[0] - 60) <= 1 and abs(heights[1] - 80) <= 1, heights  # glyphs 2, 3


def test_direct_charset_reader_agrees_with_fonttools(cff_face):
    """read_cff_charset (ranges, no glyph names) gives the CIDs fontTools' glyph order names."""
    from fontTools.ttLib import TTFont

    from layout.output.paint.cidfont import _cff_codes, read_cff_charset
    hb_face = cff_face.hb_font.face
    charset = read_cff_charset(hb_face.reference_table("CFF ").data, hb_face.glyph_count)
    tt = TTFont(str(cff_face.source.file), fontNumber=cff_face.source.index, lazy=True)
    expected = {gid: int(name[3:]) for gid, name in enumerate(tt.getGlyphOrder())
                if name.startswith("cid") and int(name[3:]) != gid}
    assert expected, "the test font's CIDs differ from its glyph ids"
    assert _cff_codes(charset).gid_code == expected
    assert charset.ros[:2] == tuple(str(x) for x in tt["CFF "].cff.topDictIndex[0].ROS[:2])
