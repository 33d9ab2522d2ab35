"""Paint stage, font embedding on the real faces: Noto Serif CJK SC (CID-keyed CFF in a .ttc, face 2)
and LXGW WenKai (TrueType). Hundreds of distinct Han are drawn as the painter draws them; each glyph's
rendered ink box must match the outline bounds of that character in the original font (so every
code selected the right glyph after subsetting), and the extracted text must equal the drawn text.
"""

from __future__ import annotations

import functools
import io
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from layout.fonts import FaceSource, load_face
from layout.output.paint.cidfont import register, subset_face

pytestmark = pytest.mark.e2e

NOTO_SERIF = FaceSource(role="cidnoto", weight="regular",
                        file=Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"), index=2,
                        package="fonts-noto-cjk")
WENKAI = FaceSource(role="cidkai", weight="regular",
                    file=Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"),
                    package="fonts-lxgw-wenkai")

SIZE, PITCH, COLUMNS, ROWS, PAGE = 40, 48, 12, 16, (620, 800)
TOLERANCE = 2  # px at 72 dpi (anti-aliased edges)


def gb2312_level1() -> str:
    """The 3755 common Han of GB 2312 level 1, in code order."""
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def paint_grid(path: Path, font, text: str) -> None:
    """COLUMNS × ROWS characters a page, one TJ per row with adjustments to a fixed pitch."""
    face = font.layout_face
    canvas = Canvas(str(path), pagesize=PAGE, invariant=1, initialFontName=font.fontName)
    per_page = COLUMNS * ROWS
    for start in range(0, len(text), per_page):
        name = font.resource_name(canvas._doc)
        page = text[start:start + per_page]
        for row in range(0, len(page), COLUMNS):
            items = []
            for char in page[row:row + COLUMNS]:
                gap = (PITCH - face.advance(char, SIZE)) * 1000 / SIZE
                items.append(f"<{font.encode(char).hex()}> {-gap:g}")
            y = PAGE[1] - PITCH * (row // COLUMNS + 1)
            canvas._code.append(f"BT {name} {SIZE} Tf 1 0 0 1 20 {y} Tm [{' '.join(items)}] TJ ET")
        canvas.showPage()
    canvas.save()


@functools.cache
def outline_bounds(source: FaceSource) -> Callable[[int], tuple]:
    """Tight outline bounds (xMin, yMin, xMax, yMax) of a glyph id of the original font (fontTools)."""
    tt = TTFont(str(source.file), fontNumber=source.index, lazy=True)
    glyphs = tt.getGlyphSet()

    def bounds(gid: int) -> tuple:
        pen = BoundsPen(glyphs)
        glyphs[tt.getGlyphName(gid)].draw(pen)
        return pen.bounds
    return bounds


def expected_box(face, char: str, origin: tuple[float, float]) -> tuple[float, ...]:
    """Ink box (left, top, right, bottom) in px of `char` at baseline `origin` in the original font."""
    x_min, y_min, x_max, y_max = outline_bounds(face.source)(face.glyph(char))
    scale = SIZE / face.upem
    return (origin[0] + x_min * scale, origin[1] - y_max * scale,
            origin[0] + x_max * scale, origin[1] - y_min * scale)


def check_page(image: Image.Image, face, page_text: str) -> list[str]:
    """Characters whose rendered ink box differs from the expected one (empty when all match)."""
    bad = []
    ink = image.convert("L").point(lambda v: 255 if v < 230 else 0)
    for k, char in enumerate(page_text):
        x, y = 20 + PITCH * (k % COLUMNS), PITCH * (k // COLUMNS + 1)
        crop = (x - 4, y - SIZE, x + PITCH - 4, y + 6)  # clear of the rows above and below
        box = ink.crop(crop).getbbox()
        want = expected_box(face, char, (x, y))
        if box is None:
            bad.append(f"{char}: blank")
            continue
        got = (box[0] + crop[0], box[1] + crop[1], box[2] + crop[0], box[3] + crop[1])
        if any(abs(g - w) > TOLERANCE for g, w in zip(got, want)):
            bad.append(f"{char}: {got} != {tuple(round(w, 1) for w in want)}")
    return bad


def render(path: Path, page: int) -> Image.Image:
    """One page at 72 dpi by poppler."""
    out = subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", str(page), "-l", str(page), str(path)],
                         capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(out))


@pytest.mark.parametrize("source, kind", [(NOTO_SERIF, "CID Type 0C"), (WENKAI, "CID TrueType")],
                         ids=["noto-serif-cjk-sc", "lxgw-wenkai"])
def test_hundreds_of_han_render_and_extract(tmp_path, source, kind):
    assert source.file.is_file(), f"install the Debian package {source.package}"
    face = load_face(source)
    font = register(face)
    text = gb2312_level1()[::10][: 2 * COLUMNS * ROWS]  # 376 distinct Han over 2 pages
    assert len(set(text)) == len(text) > 300 and all(face.has(c) for c in text)
    path = tmp_path / f"{source.role}.pdf"
    paint_grid(path, font, text)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert len(rows) == 1 and kind in rows[0] and rows[0].split()[-5:-2] == ["yes", "yes", "yes"]
    assert rows[0].startswith(f"+{face.postscript_name}", 6)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    per_page = COLUMNS * ROWS
    for page in (1, 2):
        page_text = text[(page - 1) * per_page: page * per_page]
        assert check_page(render(path, page), face, page_text) == []
        out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                             capture_output=True, text=True, check=True).stdout
        assert "".join(out.split()) == page_text
    with pikepdf.open(str(path)) as pdf:
        descriptor = pdf.pages[0].Resources.Font.F1.DescendantFonts[0].FontDescriptor
        assert int(descriptor.Flags) == 6  # both faces: PANOSE cove serifs (2) + symbolic (4)


@pytest.mark.parametrize("source", [NOTO_SERIF, WENKAI], ids=["noto-serif-cjk-sc", "lxgw-wenkai"])
def test_subset_of_800_han_takes_tens_of_ms(source):
    face = load_face(source)
    program = register(face).program  # read once per face (fontTools), not part of the subset time
    gids = {face.glyph(c) for c in gb2312_level1()[:800]}
    subset_face(face, {1, 2}, program)  # warm-up
    start = time.perf_counter()
    subset = subset_face(face, gids, program)
    elapsed = time.perf_counter() - start
    print(f"\n{face.postscript_name}: subset of {len(gids)} glyphs in {elapsed * 1000:.1f} ms, "
          f"{len(subset.data) // 1024} KiB")
    assert set(subset.new_gid) >= gids | {0}
    assert elapsed < 0.5  # HarfBuzz: tens of ms (fontTools' subsetter takes seconds)
