"""PDF/X stage of the painter: small PDFs made on a reportlab canvas, read back with pikepdf/pdfium/qpdf."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.errors import PrintError
from layout.output.paint import pdfx
from layout.geometry import Rect as Box

FONT = "PdfxTiny"
UTC = dt.timezone.utc
TRIM = Box(0, 0, 300, 400)
BLEED = Box(-8.5, -8.5, 308.5, 408.5)  # 3 mm
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/", "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "pdf": "http://ns.adobe.com/pdf/1.3/", "pdfx": "http://ns.adobe.com/pdfx/1.3/",
    "pdfxid": "http://www.npes.org/pdfx/ns/id/",
}


@pytest.fixture(scope="module", autouse=True)
def tiny_ttf(tiny_font_path):
    """The tiny test font as a plain reportlab TTFont (the real painter uses cidfont.py)."""
    pdfmetrics.registerFont(TTFont(FONT, str(tiny_font_path)))


def settings(**changes) -> pdfx.PdfxSettings:
    base = pdfx.PdfxSettings(
        standard="x-1a", title="济宁日报 2024-05-01 A01", author="济宁日报",
        created=dt.datetime(2024, 5, 1, tzinfo=UTC), output_condition="IFRA26",
        registry="http://www.color.org", output_condition_info="ISO 12647-3 coldset newsprint (IFRA26)")
    return replace(base, **changes)


def icc_header(device: bytes = b"prtr", space: bytes = b"CMYK") -> bytes:
    """A 132-byte ICC profile: header (ICC.1 §7.2) and an empty tag table; enough for the checks."""
    header = bytearray(128)
    header[0:4] = struct.pack(">I", 132)
    header[8:12] = bytes([4, 0x20, 0, 0])
    header[12:16], header[16:20], header[20:24], header[36:40] = device, space, b"Lab ", b"acsp"
    return bytes(header) + struct.pack(">I", 0)


def build(path: Path, s: pdfx.PdfxSettings, draw=None, pages=((TRIM, BLEED),), marks=False,
          **canvas_options) -> Path:
    """One small PDF: per page set the boxes, draw a rule, a fill, text (and `draw`), finish, save."""
    canvas = Canvas(str(path), invariant=1, **({"initialFontName": FONT} | canvas_options))
    pdfx.prepare_canvas(canvas, s)
    for trim, bleed in pages:
        media = pdfx.marks_media(trim, bleed) if marks else bleed
        pdfx.set_page_boxes(canvas, media, trim, bleed)
        canvas.setFillColorCMYK(0.2, 0, 0, 0)
        canvas.rect(trim.x0 + 20, trim.y0 + 20, 100, 50, stroke=0, fill=1)
        pdfx.set_overprint(canvas, True)
        canvas.setStrokeColorCMYK(0, 0, 0, 1)
        canvas.setLineWidth(0.5)
        canvas.line(trim.x0 + 20, trim.y0 + 100, trim.x0 + 200, trim.y0 + 100)
        canvas.setFillColorCMYK(0, 0, 0, 1)
        canvas.setFont(FONT, 10)
        canvas.drawString(trim.x0 + 20, trim.y0 + 120, "新闻 News 2024")
        if marks:
            pdfx.draw_marks(canvas, trim, bleed, "济宁日报 2024-05-01 A01", FONT)
        if draw:
            draw(canvas)
        canvas.showPage()
    pdfx.finish_document(canvas, s)
    canvas.save()
    return path


def xmp(pdf: pikepdf.Pdf) -> ET.Element:
    return ET.fromstring(pdf.Root.Metadata.read_bytes())


def xmp_text(root: ET.Element, path: str) -> str:
    found = root.find(f".//rdf:Description/{path}", NS)
    assert found is not None, path
    return found.text


def pdf_date(text: str) -> dt.datetime:
    """Parse D:YYYYMMDDHHmmSS+HH'mm'."""
    sign = 1 if text[16] == "+" else -1
    offset = dt.timedelta(hours=int(text[17:19]), minutes=int(text[20:22])) * sign
    return dt.datetime.strptime(text[2:16], "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone(offset))


# -- the standards table ---------------------------------------------------------------------------

def test_standards_table_versions_and_identification():
    assert pdfx.STANDARDS["x-1a"].pdf_version == (1, 3)
    assert (pdfx.STANDARDS["x-1a"].version, pdfx.STANDARDS["x-1a"].conformance) == ("PDF/X-1:2001", "PDF/X-1a:2001")
    assert pdfx.STANDARDS["x-1a:2003"].pdf_version == (1, 4)
    assert pdfx.STANDARDS["x-1a:2003"].conformance is None
    assert pdfx.STANDARDS["x-4"].pdf_version == (1, 6)
    assert [s.key for s in pdfx.STANDARDS.values() if s.transparency] == ["x-4"]
    assert [s.key for s in pdfx.STANDARDS.values() if s.icc_required] == ["x-4"]
    assert all(s.iso.startswith("ISO 15930-") for s in pdfx.STANDARDS.values())


def test_unknown_standard_is_refused(tmp_path):
    with pytest.raises(PrintError) as err:
        build(tmp_path / "a.pdf", settings(standard="x-3"))
    assert err.value.where == "print.standard" and "x-1a" in err.value.hint


# -- header, Info, OutputIntents ---------------------------------------------------------------------

def test_x1a_header_is_pdf_1_3(tmp_path):
    path = build(tmp_path / "a.pdf", settings())
    assert path.read_bytes().startswith(b"%PDF-1.3\n")
    assert pikepdf.open(path).pdf_version == "1.3"


def test_opaque_colour_objects_keep_pdf_1_3(tmp_path):
    # reportlab raises the version to 1.4 for any colour object with alpha, even alpha 1
    path = build(tmp_path / "a.pdf", settings(), draw=lambda c: c.setFillColor(CMYKColor(0, 0, 0, 1)))
    assert path.read_bytes().startswith(b"%PDF-1.3\n")


def test_x1a_refuses_transparency(tmp_path):
    with pytest.raises(PrintError) as err:
        build(tmp_path / "a.pdf", settings(), draw=lambda c: c.setFillAlpha(0.5))
    assert err.value.where == "page 1" and "x-4" in err.value.hint


def test_x4_keeps_transparency(tmp_path):
    icc = tmp_path / "news.icc"
    icc.write_bytes(icc_header())
    path = build(tmp_path / "a.pdf", settings(standard="x-4", icc_profile=icc), draw=lambda c: c.setFillAlpha(0.5))
    pdf = pikepdf.open(path)
    page = pdf.pages[0]
    assert any(state.get("/ca") == 0.5 for state in page.Resources.ExtGState.values())


def test_output_intent_without_profile(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings()))
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1
    intent = intents[0]
    assert intent.Type == pikepdf.Name.OutputIntent and intent.S == pikepdf.Name.GTS_PDFX
    assert str(intent.OutputConditionIdentifier) == "IFRA26"
    assert str(intent.RegistryName) == "http://www.color.org"
    assert str(intent.Info) == "ISO 12647-3 coldset newsprint (IFRA26)"
    assert "/DestOutputProfile" not in intent


def test_icc_profile_embedded_as_dest_output_profile(tmp_path):
    icc = tmp_path / "news.icc"
    icc.write_bytes(icc_header())
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(icc_profile=icc)))
    profile = pdf.Root.OutputIntents[0].DestOutputProfile
    assert profile.N == 4
    assert profile.read_bytes() == icc.read_bytes()


@pytest.mark.parametrize("device, space", [(b"mntr", b"RGB "), (b"prtr", b"GRAY")])
def test_icc_profile_must_be_cmyk_output(tmp_path, device, space):
    icc = tmp_path / "screen.icc"
    icc.write_bytes(icc_header(device, space))
    with pytest.raises(PrintError) as err:
        pdfx.prepare_canvas(Canvas(str(tmp_path / "a.pdf")), settings(icc_profile=icc))
    assert err.value.where == "print.icc_profile"


def test_missing_icc_profile_file_is_refused(tmp_path):
    with pytest.raises(PrintError) as err:
        pdfx.prepare_canvas(Canvas(str(tmp_path / "a.pdf")), settings(icc_profile=tmp_path / "none.icc"))
    assert err.value.where == "print.icc_profile" and "none.icc" in err.value.message


def test_unregistered_condition_needs_a_profile(tmp_path):
    with pytest.raises(PrintError) as err:
        pdfx.prepare_canvas(Canvas(str(tmp_path / "a.pdf")), settings(registry=""))
    assert err.value.where == "print.icc_profile"


def test_info_dictionary_x1a(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings()))
    info = pdf.trailer.Info
    assert str(info.Title) == "济宁日报 2024-05-01 A01"
    assert str(info.Author) == "济宁日报"
    assert str(info.Creator) == "layout"
    assert str(info.Producer).startswith("layout ")
    assert str(info.CreationDate) == str(info.ModDate) == "D:20240501000000+00'00'"
    assert info.Trapped == pikepdf.Name("/False")
    assert str(info.GTS_PDFXVersion) == "PDF/X-1:2001"
    assert str(info.GTS_PDFXConformance) == "PDF/X-1a:2001"


def test_trapped_true_when_asked(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(trapped=True)))
    assert pdf.trailer.Info.Trapped == pikepdf.Name("/True")
    assert xmp_text(xmp(pdf), "pdf:Trapped") == "True"


def test_dates_keep_their_offset(tmp_path):
    beijing = dt.timezone(dt.timedelta(hours=8))
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(created=dt.datetime(2024, 5, 1, 6, 30, tzinfo=beijing))))
    assert str(pdf.trailer.Info.CreationDate) == "D:20240501063000+08'00'"
    assert xmp_text(xmp(pdf), "xmp:CreateDate") == "2024-05-01T06:30:00+08:00"


# -- XMP ----------------------------------------------------------------------------------------------

def test_xmp_is_an_uncompressed_metadata_stream(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings()))
    stream = pdf.Root.Metadata
    assert stream.Type == pikepdf.Name.Metadata and stream.Subtype == pikepdf.Name.XML
    assert "/Filter" not in stream
    assert stream.read_raw_bytes().startswith(b'<?xpacket begin="\xef\xbb\xbf"')


def test_xmp_matches_info(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings()))
    info, root = pdf.trailer.Info, xmp(pdf)
    assert xmp_text(root, "dc:title/rdf:Alt/rdf:li") == str(info.Title)
    assert xmp_text(root, "dc:creator/rdf:Seq/rdf:li") == str(info.Author)
    assert xmp_text(root, "pdf:Producer") == str(info.Producer)
    assert xmp_text(root, "pdf:Trapped") == "False"
    for tag in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
        assert dt.datetime.fromisoformat(xmp_text(root, tag)) == pdf_date(str(info.CreationDate))
    assert xmp_text(root, "pdfx:GTS_PDFXVersion") == str(info.GTS_PDFXVersion)
    assert xmp_text(root, "pdfxid:GTS_PDFXVersion") == str(info.GTS_PDFXVersion)
    assert xmp_text(root, "pdfx:GTS_PDFXConformance") == str(info.GTS_PDFXConformance)


def test_xmp_escapes_markup_in_the_title(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(title="A & B <1>")))
    assert xmp_text(xmp(pdf), "dc:title/rdf:Alt/rdf:li") == "A & B <1>"


def test_document_ids_are_stable_and_follow_content(tmp_path):
    first = pikepdf.open(build(tmp_path / "a.pdf", settings()))
    other = pikepdf.open(build(tmp_path / "b.pdf", settings(), draw=lambda c: c.line(0, 0, 10, 10)))
    ids = [(xmp_text(xmp(p), "xmpMM:DocumentID"), xmp_text(xmp(p), "xmpMM:InstanceID")) for p in (first, other)]
    assert ids[0][0] == ids[1][0]  # same title, date and standard: the same document
    assert ids[0][1] != ids[1][1]  # different content: another instance
    assert all(i.startswith("uuid:") for pair in ids for i in pair)
    trailer_id = [bytes(x).hex() for x in first.trailer.ID]
    assert trailer_id == [ids[0][0][5:].replace("-", ""), ids[0][1][5:].replace("-", "")]


# -- boxes ------------------------------------------------------------------------------------------

def test_boxes_written_as_asked_per_page(tmp_path):
    small = Box(0, 0, 200, 250)
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(), pages=((TRIM, BLEED), (small, small))))
    first, second = pdf.pages
    assert [float(v) for v in first.TrimBox] == [0, 0, 300, 400]
    assert [float(v) for v in first.BleedBox] == [-8.5, -8.5, 308.5, 408.5]
    assert [float(v) for v in first.MediaBox] == [-8.5, -8.5, 308.5, 408.5]
    assert [float(v) for v in second.MediaBox] == [float(v) for v in second.TrimBox] == [0, 0, 200, 250]


def test_boxes_that_do_not_nest_are_refused(tmp_path):
    canvas = Canvas(str(tmp_path / "a.pdf"), initialFontName=FONT)
    pdfx.prepare_canvas(canvas, settings())
    with pytest.raises(PrintError) as err:
        pdfx.set_page_boxes(canvas, TRIM, TRIM, BLEED)  # media smaller than the bleed
    assert err.value.where == "page 1"


def test_page_without_boxes_is_refused(tmp_path):
    canvas = Canvas(str(tmp_path / "a.pdf"), initialFontName=FONT)
    pdfx.prepare_canvas(canvas, settings())
    canvas.line(0, 0, 10, 10)
    canvas.showPage()
    with pytest.raises(PrintError) as err:
        pdfx.finish_document(canvas, settings())
    assert err.value.where == "page 1" and "set_page_boxes" in err.value.hint


# -- marks ------------------------------------------------------------------------------------------

def dark_pixels(path: Path, box: Box, scale: float = 4.0) -> tuple[int, int]:
    """(inside, outside): dark pixels of the rendered page inside `box` (shrunk 1 px) and outside it."""
    pdfium = pytest.importorskip("pypdfium2")
    page = pdfium.PdfDocument(str(path))[0]
    with pikepdf.open(path) as pdf:
        media = [float(v) for v in pdf.pages[0].MediaBox]
    image = page.render(scale=scale).to_pil().convert("L")
    inside = outside = 0
    pixels = image.load()
    for px, py in ((x, y) for y in range(image.height) for x in range(image.width)):
        if pixels[px, py] > 128:
            continue
        x, y = media[0] + (px + 0.5) / scale, media[3] - (py + 0.5) / scale
        if box.x0 + 1 / scale < x < box.x1 - 1 / scale and box.y0 + 1 / scale < y < box.y1 - 1 / scale:
            inside += 1
        elif not (box.x0 - 1 / scale <= x <= box.x1 + 1 / scale and box.y0 - 1 / scale <= y <= box.y1 + 1 / scale):
            outside += 1
    return inside, outside


def test_marks_enlarge_the_media_box(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(), marks=True))
    page = pdf.pages[0]
    media = [float(v) for v in page.MediaBox]
    m = pdfx.MARKS_MARGIN
    assert media == [BLEED.x0 - m, BLEED.y0 - m, BLEED.x1 + m, BLEED.y1 + m]
    assert [float(v) for v in page.BleedBox] == [-8.5, -8.5, 308.5, 408.5]


def test_marks_stay_outside_the_bleed_box(tmp_path):
    path = tmp_path / "marks.pdf"
    canvas = Canvas(str(path), invariant=1, initialFontName=FONT)
    pdfx.prepare_canvas(canvas, settings())
    pdfx.set_page_boxes(canvas, pdfx.marks_media(TRIM, BLEED), TRIM, BLEED)
    pdfx.draw_marks(canvas, TRIM, BLEED, "济宁日报 2024-05-01 A01", FONT)
    canvas.showPage()
    pdfx.finish_document(canvas, settings())
    canvas.save()
    inside, outside = dark_pixels(path, BLEED)
    assert inside == 0
    assert outside > 200


def test_crop_marks_start_beyond_the_bleed_and_the_minimum_offset():
    starts = pdfx.mark_starts(TRIM, BLEED)
    assert starts.left == starts.bottom == starts.right == starts.top == 8.5 + pdfx.MARKS.gap
    no_bleed = pdfx.mark_starts(TRIM, TRIM)
    assert no_bleed.left == pdfx.MARKS.min_offset
    assert 8.5 + pdfx.MARKS.gap + pdfx.MARKS.length < pdfx.MARKS_MARGIN + 8.5


def test_slug_line_is_text_below_the_bleed(tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    path = build(tmp_path / "a.pdf", settings(), marks=True)
    media_y0 = BLEED.y0 - pdfx.MARKS_MARGIN  # pdfplumber's y0/y1 count from the MediaBox bottom
    with pdfplumber.open(path) as doc:
        chars = doc.pages[0].chars
    slug = [ch for ch in chars if ch["y1"] + media_y0 < BLEED.y0]  # the whole glyph box below the bleed
    assert "".join(ch["text"] for ch in slug).replace(" ", "") == "济宁日报2024-05-01A01"
    assert len(slug) == len(chars) - len("新闻 News 2024")  # nothing else outside, no slug inside
    assert {round(ch["size"], 2) for ch in slug} == {pdfx.MARKS.slug_size}


def test_registration_colour_is_separation_all(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(), marks=True))
    page = pdf.pages[0]
    spaces = [cs for cs in page.Resources.ColorSpace.values()]
    assert any(cs[0] == pikepdf.Name.Separation and cs[1] == pikepdf.Name.All for cs in spaces)
    assert b"/All CS" in page.Contents.read_bytes()


def test_mark_lines_are_thin_but_visible(tmp_path):
    assert 0.25 <= pdfx.MARKS.weight <= 0.3
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings(), marks=True))
    widths = [float(operands[0]) for operands, op in pikepdf.parse_content_stream(pdf.pages[0]) if str(op) == "w"]
    assert widths == [0.5, pdfx.MARKS.weight]  # the test rule, then the marks


# -- overprint, forbidden things ------------------------------------------------------------------

def test_set_overprint_sets_fill_and_stroke_overprint_with_opm_1(tmp_path):
    pdf = pikepdf.open(build(tmp_path / "a.pdf", settings()))
    page = pdf.pages[0]
    states = {key: value for state in page.Resources.ExtGState.values() for key, value in state.items()}
    assert states["/op"] is True and states["/OP"] is True and states["/OPM"] == 1
    used = [op for _, op in pikepdf.parse_content_stream(page) if str(op) == "gs"]
    assert len(used) == 3


def test_unembedded_standard_font_is_refused(tmp_path):
    with pytest.raises(PrintError) as err:
        build(tmp_path / "a.pdf", settings(), initialFontName="Helvetica")
    assert "Helvetica" in err.value.message and "initialFontName" in err.value.hint


def test_annotations_are_refused(tmp_path):
    with pytest.raises(PrintError) as err:
        build(tmp_path / "a.pdf", settings(), draw=lambda c: c.linkURL("https://example.org", (0, 0, 50, 50)))
    assert err.value.where == "page 1"


def test_encryption_is_refused(tmp_path):
    with pytest.raises(PrintError) as err:
        build(tmp_path / "a.pdf", settings(), encrypt="secret")
    assert "encrypt" in err.value.message


def test_unfinished_page_is_a_programming_error(tmp_path):
    canvas = Canvas(str(tmp_path / "a.pdf"), initialFontName=FONT)
    pdfx.prepare_canvas(canvas, settings())
    pdfx.set_page_boxes(canvas, BLEED, TRIM, BLEED)
    canvas.line(0, 0, 10, 10)
    with pytest.raises(ValueError):
        pdfx.finish_document(canvas, settings())


# -- X-4 and X-1a:2003 ---------------------------------------------------------------------------------

def test_x4_needs_an_icc_profile(tmp_path):
    with pytest.raises(PrintError) as err:
        pdfx.prepare_canvas(Canvas(str(tmp_path / "a.pdf")), settings(standard="x-4"))
    assert err.value.where == "print.icc_profile"


def test_x4_variant(tmp_path):
    icc = tmp_path / "news.icc"
    icc.write_bytes(icc_header())
    path = build(tmp_path / "a.pdf", settings(standard="x-4", icc_profile=icc))
    assert path.read_bytes().startswith(b"%PDF-1.6\n")
    pdf = pikepdf.open(path)
    assert str(pdf.trailer.Info.GTS_PDFXVersion) == "PDF/X-4"
    assert "/GTS_PDFXConformance" not in pdf.trailer.Info
    root = xmp(pdf)
    assert xmp_text(root, "pdfxid:GTS_PDFXVersion") == "PDF/X-4"
    assert xmp_text(root, "xmpMM:VersionID") == "1"
    assert xmp_text(root, "xmpMM:RenditionClass") == "default"
    assert root.find(".//pdfx:GTS_PDFXConformance", NS) is None
    assert pdf.Root.OutputIntents[0].DestOutputProfile.N == 4


def test_x1a_2003_variant(tmp_path):
    path = build(tmp_path / "a.pdf", settings(standard="x-1a:2003"))
    assert path.read_bytes().startswith(b"%PDF-1.4\n")
    pdf = pikepdf.open(path)
    info = pdf.trailer.Info
    assert str(info.GTS_PDFXVersion) == "PDF/X-1a:2003" and "/GTS_PDFXConformance" not in info


# -- validity and determinism -------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
@pytest.mark.parametrize("marks", [False, True])
def test_qpdf_check_is_clean(tmp_path, marks):
    path = build(tmp_path / "a.pdf", settings(), marks=marks, pages=((TRIM, BLEED), (TRIM, TRIM)))
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_two_builds_are_byte_identical(tmp_path):
    icc = tmp_path / "news.icc"
    icc.write_bytes(icc_header())
    s = settings(icc_profile=icc)
    first = build(tmp_path / "a.pdf", s, marks=True).read_bytes()
    second = build(tmp_path / "b.pdf", s, marks=True).read_bytes()
    assert first == second


def test_profile_location_does_not_change_the_bytes(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    for folder in ("x", "y"):
        (tmp_path / folder / "news.icc").write_bytes(icc_header())
    first = build(tmp_path / "a.pdf", settings(icc_profile=tmp_path / "x" / "news.icc")).read_bytes()
    second = build(tmp_path / "b.pdf", settings(icc_profile=tmp_path / "y" / "news.icc")).read_bytes()
    assert first == second


def test_nothing_forbidden_in_the_file(tmp_path):
    data = build(tmp_path / "a.pdf", settings(), marks=True).read_bytes()
    for forbidden in (b"/LZWDecode", b"/Encrypt", b"/Annots", b"/JavaScript", b"/SMask", b"/CA ", b"/ca ",
                      b"DeviceRGB", b"/Lang"):
        assert forbidden not in data, forbidden


def test_every_standard_the_manifest_offers_is_written_by_the_painter():
    from layout.spec import PDFX_STANDARDS
    assert set(pdfx.STANDARDS) == set(PDFX_STANDARDS)
