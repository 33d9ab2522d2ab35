"""Unit tests of the QA diff stage (layout/diff.py, layout/report.py, `layout diff`) on small PDFs
made with reportlab and the tiny font (a Han glyph at 10 pt is a box from x+0.5 to x+9.5, y-1 to y+7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from layout.cli.diff import command
from layout.errors import LayoutError
from layout.output import sidecar
from layout.output.sidecar import SidecarPage, sidecar_path
from layout.qa.diff import DiffOptions, diff, diff_sources, pair_pages, parse_mask
from layout.qa.digest import page_digests
from layout.qa.model import Glyph, Mask
from layout.qa.pixels import changed_mask, pixel_regions, raster_regions
from layout.qa.proof import Raster, Source, open_pdf
from layout.qa.text import page_glyphs, text_changes

PAGE = (600.0, 800.0)


# --- tiny world -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def font_name(tiny_font_path) -> str:
    """The tiny font registered with reportlab."""
    pdfmetrics.registerFont(TTFont("QaTiny", str(tiny_font_path)))
    return "QaTiny"


def make_pdf(path: Path, pages: list[list[tuple]], font: str = "QaTiny") -> Path:
    """A PDF of 600 × 800 pt pages; ops are ('text', x, y, str) or ('rect', x0, y0, x1, y1) in pt."""
    pdf = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    for ops in pages:
        for op in ops:
            if op[0] == "text":
                pdf.setFont(font, 10)
                pdf.drawString(op[1], op[2], op[3])
            else:
                pdf.rect(op[1], op[2], op[3] - op[1], op[4] - op[2], stroke=0, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def sidecar_json(pdf: Path, pages: list[dict]) -> str:
    """A layout-sidecar/1 JSON text for `pdf` with the given page records (index filled in)."""
    records = [{"index": i, "number": i + 1, "label": f"A{i + 1:02d}", "width": PAGE[0], "height": PAGE[1],
                "trim": [0, 0, *PAGE], "columns": [], "baselines": [], "ignore": [], "furniture": [],
                "articles": [], **page} for i, page in enumerate(pages)]
    return json.dumps({"format": "layout-sidecar/1", "issue": pdf.stem, "pdf": pdf.name, "pages": records})


def write_sidecar(pdf: Path, pages: list[dict]) -> Path:
    """A layout-sidecar/1 file next to `pdf` with the given page records (index filled in)."""
    path = sidecar_path(pdf)
    path.write_text(sidecar_json(pdf, pages), encoding="utf-8")
    return path


def page_record(page: dict) -> SidecarPage:
    """One typed sidecar page record from the given fields (the rest empty)."""
    return sidecar.loads(sidecar_json(Path("x.pdf"), [page])).pages[0]


def article(id_: str, slot: list[float]) -> dict:
    """A sidecar article record with a slot and nothing else."""
    return {"id": id_, "slot": slot, "columns": [slot], "overset": None, "lines": []}


BASE = [("text", 100, 700, "一二三四五六"), ("text", 100, 400, "七八九十")]


def run(tmp_path: Path, old_pages, new_pages, **options):
    """Make old.pdf and new.pdf and compare them in-process."""
    (tmp_path / "a").mkdir(parents=True, exist_ok=True)
    (tmp_path / "b").mkdir(parents=True, exist_ok=True)
    old = make_pdf(tmp_path / "a" / "issue.pdf", old_pages)
    new = make_pdf(tmp_path / "b" / "issue.pdf", new_pages)
    return diff(old, new, tmp_path / "report", DiffOptions(**options))


def glyphs(text: str, x: float, y: float, article: str = "", step: float = 10.0) -> tuple[Glyph, ...]:
    """A line of tiny-font Han glyph boxes at 10 pt starting at pen position (x, y)."""
    return tuple(Glyph(c, (x + i * step + 0.5, y - 1, x + i * step + 9.5, y + 7), article) for i, c in enumerate(text))


# --- hash skip --------------------------------------------------------------------------------

def test_page_digests_ignore_object_numbers_and_stream_compression(tmp_path, font_name):
    original = make_pdf(tmp_path / "a.pdf", [BASE, [("rect", 10, 10, 50, 50)]])
    with pikepdf.open(original) as src, pikepdf.new() as copy:
        for i in range(7):  # shift every object number of the copied pages
            copy.make_indirect(pikepdf.Dictionary(Dummy=i))
        for page in src.pages:
            copy.pages.append(page)
        copy.save(tmp_path / "b.pdf", compress_streams=False)
    assert (tmp_path / "a.pdf").read_bytes() != (tmp_path / "b.pdf").read_bytes()
    assert page_digests(tmp_path / "a.pdf") == page_digests(tmp_path / "b.pdf")


def test_page_digests_see_a_changed_content_stream_only_on_its_page(tmp_path, font_name):
    a = page_digests(make_pdf(tmp_path / "a.pdf", [BASE, BASE]))
    b = page_digests(make_pdf(tmp_path / "b.pdf", [BASE, BASE + [("rect", 10, 10, 11, 11)]]))
    assert a[0] == b[0]
    assert a[1] != b[1]


def test_page_digests_see_changed_resource_stream_data(tmp_path, font_name):
    make_pdf(tmp_path / "a.pdf", [BASE])
    with pikepdf.open(tmp_path / "a.pdf") as pdf:
        [font_file] = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/Length1" in o]
        font_file.write(font_file.read_bytes() + b"\0")  # same content stream, other font data
        pdf.save(tmp_path / "b.pdf")
    assert page_digests(tmp_path / "a.pdf") != page_digests(tmp_path / "b.pdf")


def test_diff_skips_hash_identical_pages_and_renders_only_the_changed_one(tmp_path, font_name):
    extra = [("rect", 300, 300, 340, 320)]
    result = run(tmp_path, [BASE, BASE, BASE], [BASE, BASE + extra, BASE])
    assert [p.status for p in result.pages] == ["identical", "changed", "identical"]
    assert sorted(p.name for p in (tmp_path / "report" / "pages").iterdir()) == [
        "page-002-new.png", "page-002-old.png", "page-002-overlay.png"]


# --- text and glyphs --------------------------------------------------------------------------

OLD_LINE = glyphs("甲乙丙丁戊", 100, 700)


def test_inserted_text_is_reported_with_its_new_box():
    [insert] = text_changes(OLD_LINE, glyphs("甲乙丙丁戊己", 100, 700))
    assert (insert.kind, insert.old_text, insert.new_text) == ("insert", "", "己")
    assert (insert.old_box, insert.new_box) == (None, (150.5, 699, 159.5, 707))


def test_deleted_text_is_reported_with_its_old_box():
    [delete] = text_changes(OLD_LINE, glyphs("甲乙丙丁", 100, 700))
    assert (delete.kind, delete.old_text, delete.new_text) == ("delete", "戊", "")
    assert (delete.old_box, delete.new_box) == ((140.5, 699, 149.5, 707), None)


def test_changed_text_is_reported_with_both_boxes():
    [change] = text_changes(OLD_LINE, glyphs("甲乙子丁戊", 100, 700))
    assert (change.kind, change.old_text, change.new_text) == ("change", "丙", "子")
    assert change.old_box == change.new_box == (120.5, 699, 129.5, 707)


def test_moved_text_is_one_move_with_its_shift():
    [move] = text_changes(OLD_LINE, glyphs("甲乙丙丁戊", 100, 683.5))
    assert (move.kind, move.new_text, move.shift) == ("move", "甲乙丙丁戊", (0.0, -16.5))
    assert (move.old_box, move.new_box) == ((100.5, 699, 149.5, 707), (100.5, 682.5, 149.5, 690.5))


def test_moves_within_the_threshold_are_not_changes_and_above_it_are():
    old = glyphs("甲乙丙", 100, 700)
    assert text_changes(old, glyphs("甲乙丙", 100.09, 700), threshold=0.1) == ()
    [move] = text_changes(old, glyphs("甲乙丙", 100.2, 700), threshold=0.1)
    assert move.shift == (0.2, 0.0)


def test_a_reflowed_line_gives_one_move_per_distinct_shift():
    old = glyphs("甲乙丙", 100, 700) + glyphs("丁戊", 100, 683.5)
    new = glyphs("甲乙", 100, 700) + glyphs("丙丁戊", 100, 683.5)  # 丙 went down to the next line
    moves = text_changes(old, new)
    assert [(m.new_text, m.shift) for m in moves] == [("丙", (-20.0, -16.5)), ("丁戊", (10.0, 0.0))]


def test_changes_are_grouped_by_article():
    old = glyphs("甲乙", 100, 700, "lead") + glyphs("丙丁", 300, 700, "mentor")
    new = glyphs("甲子", 100, 700, "lead") + glyphs("丙丁", 300, 690, "mentor")
    changes = text_changes(old, new)
    assert [(c.kind, c.article) for c in changes] == [("change", "lead"), ("move", "mentor")]


def test_a_differing_block_that_spans_two_articles_is_split_per_article():
    old = glyphs("甲乙", 100, 700, "lead") + glyphs("丙丁", 300, 700, "mentor")
    new = glyphs("甲子", 100, 700, "lead") + glyphs("寅丁", 300, 700, "mentor")
    changes = text_changes(old, new)
    assert [(c.article, c.old_text, c.new_text) for c in changes] == [("lead", "乙", "子"), ("mentor", "丙", "寅")]


def test_page_glyphs_gives_tight_boxes_articles_and_drops_masked_characters(tmp_path, font_name):
    pdf = make_pdf(tmp_path / "a.pdf", [[("text", 100, 700, "一二"), ("text", 100, 400, "三A")]])
    record = page_record({"articles": [article("top", [90, 650, 500, 750])]})
    document = open_pdf(pdf)
    try:
        found = page_glyphs(document, 0, record, masks=((95, 390, 109, 420),))
    finally:
        document.close()
    assert [(g.char, g.article) for g in found] == [("一", "top"), ("二", "top"), ("A", "")]
    assert found[1].box == pytest.approx((110.5, 699, 119.5, 707), abs=0.05)


def test_characters_beyond_the_bmp_come_back_whole(tmp_path):
    wenkai = Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")
    if not wenkai.is_file():
        pytest.skip("needs fonts-lxgw-wenkai (a TrueType font with CJK Extension B)")
    pdfmetrics.registerFont(TTFont("QaWenKai", str(wenkai)))
    make_pdf(tmp_path / "raw.pdf", [[("text", 100, 700, "一\U0002000B二")]], font="QaWenKai")
    with pikepdf.open(tmp_path / "raw.pdf") as pdf:  # reportlab writes <2000B>; UTF-16BE is <D840DC0B>
        [cmap] = [o.ToUnicode for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and "/ToUnicode" in o]
        cmap.write(cmap.read_bytes().replace(b"<2000B>", b"<D840DC0B>"))
        pdf.save(tmp_path / "fixed.pdf")
    document = open_pdf(tmp_path / "fixed.pdf")
    try:
        assert [g.char for g in page_glyphs(document, 0, None, ())] == ["一", "\U0002000B", "二"]
    finally:
        document.close()


# --- raster -----------------------------------------------------------------------------------

def _white(size=(200, 100)) -> Image.Image:
    return Image.new("RGB", size, (255, 255, 255))


def test_a_single_changed_pixel_is_anti_aliasing_and_ignored():
    old, new = _white(), _white()
    new.putpixel((50, 50), (0, 0, 0))
    assert changed_mask(old, new).getbbox() is None


def test_a_faint_one_pixel_wide_edge_difference_is_tolerated():
    old, new = _white(), _white()
    ImageDraw.Draw(new).line((40, 10, 40, 90), fill=(230, 230, 230))  # 25 levels: below tolerance 32
    assert changed_mask(old, new, tolerance=32).getbbox() is None
    assert changed_mask(old, new, tolerance=20).getbbox() == (40, 10, 41, 91)


def test_a_colour_change_that_grey_would_hide_is_found():
    old, new = Image.new("RGB", (50, 50), (200, 40, 40)), Image.new("RGB", (50, 50), (40, 120, 40))
    assert old.convert("L").getpixel((0, 0)) == pytest.approx(new.convert("L").getpixel((0, 0)), abs=25)
    assert changed_mask(old, new).getbbox() == (0, 0, 50, 50)


@pytest.mark.parametrize("dpi", [72, 144])
def test_a_real_change_is_one_region_with_its_box_in_pt(dpi):
    scale = dpi / 72
    size = (round(600 * scale), round(800 * scale))
    old, new = _white(size), _white(size)
    ImageDraw.Draw(new).rectangle((100 * scale, 200 * scale, 150 * scale - 1, 230 * scale - 1), fill=(0, 0, 0))
    raster = Raster(scale=scale, left=0.0, top=800.0, width=size[0], height=size[1])
    record = page_record({"articles": [article("x", [90, 560, 160, 610])]})
    [region] = raster_regions(changed_mask(old, new), raster, (record,))
    assert region.box == (100.0, 570.0, 150.0, 600.0)
    assert region.pixels == round(50 * scale) * round(30 * scale)
    assert region.articles == ("x",)


def test_far_apart_changes_are_separate_regions_and_touching_ones_merge():
    mask = Image.new("L", (300, 300), 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle((10, 10, 29, 19), fill=255)
    draw.rectangle((30, 20, 39, 29), fill=255)  # touches the first one diagonally
    draw.rectangle((200, 200, 209, 209), fill=255)
    assert pixel_regions(mask, cell=4) == [(10, 10, 40, 30), (200, 200, 210, 210)]


def test_rendered_change_is_found_at_the_right_place(tmp_path, font_name):
    result = run(tmp_path, [BASE], [BASE + [("rect", 300, 100, 360, 130)]])
    [page] = result.pages
    assert page.status == "changed" and page.text == ()
    [region] = page.regions
    assert region.box == pytest.approx((300, 100, 360, 130), abs=72 / 100 + 0.01)  # within a pixel


def test_a_sub_threshold_shift_of_the_text_is_no_change(tmp_path, font_name):
    moved = [("text", 100.04, 700, "一二三四五六"), ("text", 100, 400, "七八九十")]
    result = run(tmp_path, [BASE], [moved])
    assert [p.status for p in result.pages] == ["unchanged"]
    assert not result.changed


# --- masks ------------------------------------------------------------------------------------

def test_parse_mask_reads_boxes_and_kinds_and_rejects_the_rest():
    assert parse_mask("10,20.5,30,40") == Mask(box=(10.0, 20.5, 30.0, 40.0))
    assert parse_mask("folio-date") == Mask(kind="folio-date")
    for bad in ("10,20,30", "30,20,10,40", "a,b,c,d", "", "x y"):
        with pytest.raises(LayoutError):
            parse_mask(bad)


def test_a_command_line_mask_hides_the_change(tmp_path, font_name):
    changed = BASE + [("rect", 300, 100, 360, 130)]
    assert run(tmp_path, [BASE], [changed]).changed
    masked = run(tmp_path, [BASE], [changed], masks=(Mask(box=(290, 90, 370, 140)),))
    assert [p.status for p in masked.pages] == ["unchanged"]


def test_sidecar_ignore_boxes_and_furniture_kinds_hide_changes(tmp_path, font_name):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    old = make_pdf(tmp_path / "a" / "x.pdf", [BASE + [("text", 400, 770, "八月")]])
    new = make_pdf(tmp_path / "b" / "x.pdf", [BASE + [("text", 400, 770, "九月"), ("rect", 420, 780, 440, 784),
                                                      ("rect", 20, 20, 60, 40)]])
    page = {"ignore": [[10, 10, 70, 50]], "furniture": [{"kind": "folio-date", "box": [390, 760, 450, 785]}]}
    write_sidecar(old, [page])
    write_sidecar(new, [page])
    sources = Source(old, sidecar.read(sidecar_path(old))), Source(new, sidecar.read(sidecar_path(new)))
    unmasked = diff_sources(*sources, tmp_path / "r1", DiffOptions())
    assert [c.new_text for c in unmasked.pages[0].text] == ["九"]
    # the sidecar's ignore box hides the rect at (20, 20); the one in the date box is found
    assert [r.box for r in unmasked.pages[0].regions] == [pytest.approx((420, 780, 440, 784), abs=0.73)]
    masked = diff_sources(*sources, tmp_path / "r2", DiffOptions(masks=(Mask(kind="folio-date"),)))
    assert masked.pages[0].status == "unchanged"
    with pytest.raises(LayoutError, match="no page furniture of kind 'folio'"):
        diff_sources(*sources, tmp_path / "r3", DiffOptions(masks=(Mask(kind="folio"),)))


# --- pages, processes, report -----------------------------------------------------------------

def test_pages_pair_by_label_with_sidecars_and_by_position_without():
    pairs = pair_pages(("A01", "A02"), ("A02", "A03"), by_label=True)
    assert [(p.key, p.old_index, p.new_index) for p in pairs] == [("A02", 1, 0), ("A03", None, 1), ("A01", 0, None)]
    pairs = pair_pages(("page-001",), ("page-001", "page-002"), by_label=False)
    assert [(p.key, p.old_index, p.new_index) for p in pairs] == [("page-001", 0, 0), ("page-002", None, 1)]


def test_added_pages_are_changes(tmp_path, font_name):
    result = run(tmp_path, [BASE], [BASE, BASE])
    assert [p.status for p in result.pages] == ["identical", "added"]
    assert result.pages[1].images.new == "pages/page-002-new.png"


def test_two_worker_processes_give_the_same_report_as_one(tmp_path, font_name):
    old = [BASE, BASE, BASE]
    new = [BASE + [("rect", 10 * i, 10, 10 * i + 30, 40)] for i in range(1, 4)]
    one = run(tmp_path / "one", old, new, jobs=1)
    two = run(tmp_path / "two", old, new, jobs=2)
    assert one.pages == two.pages
    assert (tmp_path / "one" / "report" / "report.json").read_text().replace(str(tmp_path / "one"), "") == \
        (tmp_path / "two" / "report" / "report.json").read_text().replace(str(tmp_path / "two"), "")


def test_report_is_self_contained_and_states_the_same_facts(tmp_path, font_name):
    result = run(tmp_path, [BASE], [[("text", 100, 700, "一二三四五七"), ("text", 100, 400, "七八九十")]])
    report = tmp_path / "report"
    facts = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert facts["changed"] is True and facts["exit_code"] == 1
    [change] = facts["pages"][0]["text"]
    assert (change["kind"], change["article"], change["old"], change["new"]) == ("change", "", "六", "七")
    assert change["old_box"] == change["new_box"] == pytest.approx([150.5, 699, 159.5, 707], abs=0.02)
    html = (report / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=\"(https?:|//)", html) and "<link" not in html and "<script src" not in html
    sources = re.findall(r'<img src="([^"]+)"', html)
    assert sources == [result.pages[0].images.old, result.pages[0].images.new, result.pages[0].images.overlay]
    assert all((report / s).is_file() for s in sources)


# --- command line -----------------------------------------------------------------------------

def _cli(tmp_path: Path, *args: str):
    return CliRunner().invoke(command, [*args, "-o", str(tmp_path / "out")])


def test_exit_codes_0_same_1_changed_2_error(tmp_path, font_name):
    a = make_pdf(tmp_path / "a.pdf", [BASE])
    same = make_pdf(tmp_path / "same.pdf", [BASE])
    b = make_pdf(tmp_path / "b.pdf", [BASE + [("rect", 300, 100, 360, 130)]])
    assert _cli(tmp_path, str(a), str(same)).exit_code == 0
    changed = _cli(tmp_path, str(a), str(b))
    assert changed.exit_code == 1 and "page-001" in changed.output and "changed" in changed.output
    assert _cli(tmp_path, str(a), str(tmp_path / "missing.pdf")).exit_code == 2
    assert _cli(tmp_path, str(a), str(b), "--mask", "1,2,3").exit_code == 2
    (tmp_path / "junk.pdf").write_text("not a pdf")
    junk = _cli(tmp_path, str(a), str(tmp_path / "junk.pdf"))
    assert junk.exit_code == 2 and "Traceback" not in junk.output
    assert _cli(tmp_path, str(a), str(b), "--mask", "290,90,370,140").exit_code == 0


def test_help_documents_the_exit_codes():
    text = CliRunner().invoke(command, ["--help"]).output
    assert "0 no visible change" in text and "1 changes found" in text and "2 error" in text


@pytest.mark.parametrize("user_password", ["", "secret"])
def test_an_encrypted_pdf_is_a_clear_error(tmp_path, font_name, user_password):
    plain = make_pdf(tmp_path / "plain.pdf", [BASE])
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="owner", user=user_password))
    result = CliRunner().invoke(command, [str(plain), str(locked), "-o", str(tmp_path / "report")])
    assert result.exit_code == 2
    assert f"{locked}: the PDF is encrypted" in result.output
    assert "Traceback" not in result.output
