"""Preflight (layout/check/): deliberately broken PDFs are flagged by the right check, page and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from layout.check import (CHECKS, COLOUR_RULES, ERROR, RULES, STANDARDS, WARNING, CheckOptions, ColourSpace,
                          UnusablePdfError, _colorant_inks, _inks, preflight)
from layout.cli.check import command
from layout.errors import LayoutError

PAGE = (300, 400)
TRIM = (10, 10, 290, 390)
BLEED = (5, 5, 295, 395)
FONT = "CheckTiny"


# --- building test PDFs ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def font(tiny_font_path) -> str:
    """The tiny test font registered with reportlab (embedded as a TrueType subset)."""
    pdfmetrics.registerFont(TTFont(FONT, str(tiny_font_path)))
    return FONT


def good(c: canvas.Canvas) -> None:
    """A page a plant accepts: 9 pt 100 K text with overprint (OPM 1), a 0.5 pt 100 K rule."""
    c.setFillOverprint(True)
    c.setOverprintMask(True)
    c.setFillColorCMYK(0, 0, 0, 1)
    c.setFont(FONT, 9)
    c.drawString(40, 300, "Body text 正文")
    c.setStrokeColorCMYK(0, 0, 0, 1)
    c.setLineWidth(0.5)
    c.line(40, 280, 260, 280)


def make_pdf(path: Path, *pages, pdfx: str | None = "PDF/X-1a:2003") -> Path:
    """A PDF with one page per draw function; Trim/Bleed boxes set before each (a draw may unset them)."""
    c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1, initialFontName=FONT, initialFontSize=9)
    for draw in pages:
        c.setTrimBox(TRIM)
        c.setBleedBox(BLEED)
        draw(c)
        c.showPage()
    c.save()
    if pdfx:
        add_pdfx(path, pdfx)
    return path


def icc_profile(device_class: bytes = b"prtr", space: bytes = b"CMYK") -> bytes:
    """The 128-byte header and empty tag table of an ICC profile (all the checker reads of it)."""
    header = (b"\0\0\0\x84" + b"none" + b"\x02\x10\0\0" + device_class + space + b"Lab " + b"\0" * 12
              + b"acsp" + b"\0" * 88)
    return header + b"\0\0\0\0"


def add_pdfx(path: Path, version: str) -> None:
    """Add the PDF/X keys with pikepdf: GTS_PDFXVersion in Info and XMP (pdfxid: for X-4, pdfx: for X-1a
    and X-3), an IFRA26 OutputIntent."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/GTS_PDFXVersion"] = version
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["pdfxid:GTS_PDFXVersion" if version.startswith("PDF/X-4") else "pdfx:GTS_PDFXVersion"] = version
        pdf.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
            OutputConditionIdentifier=pikepdf.String("IFRA26"),
            RegistryName=pikepdf.String("http://www.color.org"))])
        if version.startswith("PDF/X-4"):  # X-4 needs the profile embedded
            pdf.Root.OutputIntents[0].DestOutputProfile = pdf.make_stream(icc_profile(), N=4)
        pdf.save(path)


def add_to_page(path: Path, content: bytes, page: int = 0, **xobjects) -> None:
    """Append raw content (and XObject resources built by a function of the Pdf) to a page."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        target = pdf.pages[page]
        for name, build in xobjects.items():
            target.add_resource(build(pdf), pikepdf.Name.XObject, pikepdf.Name("/" + name))
        target.contents_add(pdf.make_stream(content))
        pdf.save(path)


def cmyk_image(pdf: pikepdf.Pdf, size: int, pixel: bytes, smask: bool = False) -> pikepdf.Stream:
    """A size×size DeviceCMYK image of one colour (optionally with a soft mask)."""
    image = pdf.make_stream(pixel * size * size, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                            Width=size, Height=size, ColorSpace=pikepdf.Name.DeviceCMYK, BitsPerComponent=8)
    if smask:
        image.SMask = pdf.make_stream(b"\x80" * size * size, Type=pikepdf.Name.XObject,
                                      Subtype=pikepdf.Name.Image, Width=size, Height=size,
                                      ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    return image


def by_check(report, check: str) -> list:
    """The report's findings of one check."""
    return [f for f in report.findings if f.check == check]


# --- the good file -----------------------------------------------------------------------------------

def test_good_pdf_passes_without_any_finding(tmp_path, font):
    report = preflight(make_pdf(tmp_path / "good.pdf", good, good), CheckOptions())
    assert report.findings == ()
    assert report.passed
    assert report.standard == "x-1a" and report.standard_from == "file"
    assert [p.number for p in report.pages] == [1, 2]
    assert report.pages[0].max_ink == 100.0
    assert report.pages[0].min_line_width == 0.5
    assert report.pages[0].colour_spaces == ("DeviceCMYK",)


# --- document-level checks ---------------------------------------------------------------------------

def test_missing_pdfx_keys_and_output_intent_fail(tmp_path, font):
    report = preflight(make_pdf(tmp_path / "plain.pdf", good, pdfx=None), CheckOptions())
    assert not report.passed
    version = by_check(report, "pdfx-version")
    assert any(f.severity == ERROR and "GTS_PDFXVersion" in f.message and f.page is None for f in version)
    intent = by_check(report, "output-intent")
    assert [f.severity for f in intent] == [ERROR] and "GTS_PDFX" in intent[0].message
    assert report.standard_from == "default" and report.standard == "x-1a"


def test_declared_x4_is_checked_as_x4_and_x1a_option_rejects_it(tmp_path, font):
    path = make_pdf(tmp_path / "x4.pdf", good, pdfx="PDF/X-4")
    assert preflight(path, CheckOptions()).standard == "x-4"
    report = preflight(path, CheckOptions(standard="x-1a"))
    assert any("declares PDF/X-4" in f.message for f in by_check(report, "pdfx-version"))


def test_xmp_version_must_agree_with_info(tmp_path, font):
    path = make_pdf(tmp_path / "mismatch.pdf", good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/GTS_PDFXVersion"] = "PDF/X-1a:2001"
        pdf.save(path)
    found = by_check(preflight(path, CheckOptions()), "pdfx-version")
    assert any("XMP says PDF/X-1a:2003" in f.message for f in found)


def test_javascript_open_action_is_a_document_error(tmp_path, font):
    path = make_pdf(tmp_path / "js.pdf", good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        pdf.save(path)
    [finding] = by_check(preflight(path, CheckOptions()), "javascript")
    assert finding.page is None and finding.severity == ERROR and "OpenAction" in finding.message


def test_lzw_compressed_stream_is_an_error(tmp_path, font):
    path = make_pdf(tmp_path / "lzw.pdf", good)
    empty_lzw = bytes([0x80, 0x40, 0x40])  # 9-bit codes: clear-table (256), end-of-data (257)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        form = pikepdf.Stream(pdf, b"")
        form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 1, 1]
        form.write(empty_lzw, filter=pikepdf.Name.LZWDecode)
        pdf.pages[0].add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/Fx0"))
        pdf.save(path, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    [finding] = by_check(preflight(path, CheckOptions()), "lzw")
    assert finding.severity == ERROR and finding.message.startswith("1 LZW")


def test_encryption_without_user_password_is_reported(tmp_path, font):
    path = make_pdf(tmp_path / "plain.pdf", good)
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(path) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="secret", user=""))
    [finding] = by_check(preflight(locked, CheckOptions()), "encryption")
    assert finding.severity == ERROR and finding.page is None


# --- page boxes and annotations ----------------------------------------------------------------------

def test_missing_trim_box_flags_only_that_page(tmp_path, font):
    def untrimmed(c):
        good(c)
        c.setTrimBox(None)
        c.setBleedBox(None)
    report = preflight(make_pdf(tmp_path / "notrim.pdf", good, untrimmed), CheckOptions())
    [finding] = by_check(report, "boxes")
    assert finding.page == 2 and finding.severity == ERROR and "TrimBox" in finding.message


def test_bleed_box_must_contain_trim_box(tmp_path, font):
    def small_bleed(c):
        good(c)
        c.setBleedBox((20, 20, 280, 380))
    [finding] = by_check(preflight(make_pdf(tmp_path / "bleed.pdf", small_bleed), CheckOptions()), "boxes")
    assert finding.page == 1 and "BleedBox [20 20 280 380] does not contain" in finding.message


def test_annotation_inside_trim_is_an_error_outside_is_not(tmp_path, font):
    def linked(c):
        good(c)
        c.linkURL("https://example.org", (50, 50, 100, 70))  # inside the trim
    def marked(c):
        good(c)
        c.linkURL("https://example.org", (0, 0, 4, 4))  # in the slug, outside the trim
    report = preflight(make_pdf(tmp_path / "annot.pdf", linked, marked), CheckOptions())
    [finding] = by_check(report, "annotations")
    assert finding.page == 1 and "Link annotation" in finding.message


# --- fonts -------------------------------------------------------------------------------------------

def test_unembedded_helvetica_is_flagged_where_it_is_used(tmp_path, font):
    def helvetica(c):
        good(c)
        c.setFont("Helvetica", 12)
        c.drawString(40, 200, "Headline")
    report = preflight(make_pdf(tmp_path / "helv.pdf", good, helvetica), CheckOptions())
    [finding] = by_check(report, "fonts")
    assert finding.page == 2 and finding.message == "font Helvetica is not embedded (ISO 15930-4:2003; ISO 32000-1 §9.9)"


def test_unembedded_font_inside_a_form_xobject_is_flagged(tmp_path, font):
    def with_form(c):
        c.beginForm("masthead")
        c.setFont("Times-Bold", 20)
        c.drawString(0, 0, "Daily")
        c.endForm()
        good(c)
        c.doForm("masthead")
    [finding] = by_check(preflight(make_pdf(tmp_path / "form.pdf", with_form), CheckOptions()), "fonts")
    assert finding.page == 1 and "Times-Bold" in finding.message


def test_type0_font_without_embedded_descendant_is_flagged(tmp_path, font):
    path = make_pdf(tmp_path / "type0.pdf", good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        descendant = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0,
                                        BaseFont=pikepdf.Name("/STSong-Light"),
                                        FontDescriptor=pikepdf.Dictionary(FontName=pikepdf.Name("/STSong-Light")))
        type0 = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
                                   BaseFont=pikepdf.Name("/STSong-Light"),
                                   Encoding=pikepdf.Name("/UniGB-UCS2-H"), DescendantFonts=[descendant])
        pdf.pages[0].add_resource(type0, pikepdf.Name.Font, pikepdf.Name("/F9"))
        pdf.pages[0].contents_add(pdf.make_stream(b"BT /F9 12 Tf 40 200 Td <4e2d> Tj ET"))
        pdf.save(path)
    [finding] = by_check(preflight(path, CheckOptions()), "fonts")
    assert "STSong-Light" in finding.message


# --- colour, transparency, ink -----------------------------------------------------------------------

def test_rgb_text_is_flagged_on_its_page(tmp_path, font):
    def red(c):
        good(c)
        c.setFillColorRGB(1, 0, 0)
        c.drawString(40, 100, "RGB")
    report = preflight(make_pdf(tmp_path / "rgb.pdf", good, red), CheckOptions())
    [finding] = by_check(report, "colour-space")
    assert finding.page == 2 and finding.severity == ERROR and "DeviceRGB used 1×" in finding.message


def test_icc_based_colour_fails_x1a_but_not_x4(tmp_path, font):
    path = make_pdf(tmp_path / "icc.pdf", good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        profile = pdf.make_stream(b"not a real profile", N=3)
        pdf.pages[0].add_resource(pikepdf.Array([pikepdf.Name.ICCBased, profile]),
                                  pikepdf.Name.ColorSpace, pikepdf.Name("/CS0"))
        pdf.pages[0].contents_add(pdf.make_stream(b"/CS0 cs 0.2 0.3 0.4 sc 50 50 20 20 re f"))
        pdf.save(path)
    [finding] = by_check(preflight(path, CheckOptions()), "colour-space")
    assert "ICCBased RGB" in finding.message
    assert by_check(preflight(path, CheckOptions(standard="x-4")), "colour-space") == []


def test_fill_alpha_is_transparency_in_x1a_but_allowed_in_x4(tmp_path, font):
    def translucent(c):
        good(c)
        c.setFillAlpha(0.5)
        c.rect(50, 50, 40, 40, stroke=0, fill=1)
    path = make_pdf(tmp_path / "alpha.pdf", translucent)
    [finding] = by_check(preflight(path, CheckOptions()), "transparency")
    assert finding.page == 1 and finding.value == 0.5 and "constant alpha 0.5" in finding.message
    assert by_check(preflight(path, CheckOptions(standard="x-4")), "transparency") == []


def test_image_soft_mask_is_transparency(tmp_path, font):
    path = make_pdf(tmp_path / "smask.pdf", good, good)
    add_to_page(path, b"q 100 0 0 100 50 50 cm /Im0 Do Q", page=1,
                Im0=lambda pdf: cmyk_image(pdf, 300, b"\x00\x00\x00\x80", smask=True))
    [finding] = by_check(preflight(path, CheckOptions()), "transparency")
    assert finding.page == 2 and "soft mask (SMask) in image Im0" in finding.message


def test_blend_mode_is_transparency(tmp_path, font):
    def multiply(c):
        good(c)
        c.setBlendMode("Multiply")
        c.rect(50, 50, 40, 40, stroke=0, fill=1)
    [finding] = by_check(preflight(make_pdf(tmp_path / "bm.pdf", multiply), CheckOptions()), "transparency")
    assert "blend mode Multiply" in finding.message


def test_400_percent_fill_exceeds_the_ink_limit(tmp_path, font):
    def heavy(c):
        good(c)
        c.setFillColorCMYK(1, 1, 1, 1)
        c.rect(50, 50, 40, 40, stroke=0, fill=1)
    report = preflight(make_pdf(tmp_path / "ink.pdf", good, heavy), CheckOptions())
    [finding] = by_check(report, "ink")
    assert finding.page == 2 and finding.value == pytest.approx(400) and "limit 240 %" in finding.message
    assert report.pages[1].max_ink == 400.0
    assert by_check(preflight(tmp_path / "ink.pdf", CheckOptions(ink_limit=400)), "ink") == []


def test_ink_just_under_the_limit_passes(tmp_path, font):
    def dark(c):
        good(c)
        c.setFillColorCMYK(0.6, 0.5, 0.3, 0.99)  # 239 %
        c.rect(50, 50, 40, 40, stroke=0, fill=1)
    assert by_check(preflight(make_pdf(tmp_path / "ink239.pdf", dark), CheckOptions()), "ink") == []


def test_registration_marks_outside_the_bleed_are_not_held_to_the_limits(tmp_path, font):
    def marks(c):
        good(c)
        c.setFillColorCMYK(1, 1, 1, 1)
        c.setStrokeColorCMYK(1, 1, 1, 1)
        c.setLineWidth(0.1)
        c.rect(0, 0, 4, 4, stroke=0, fill=1)
        c.line(0, 2, 4, 2)
    report = preflight(make_pdf(tmp_path / "marks.pdf", marks), CheckOptions())
    assert report.findings == ()


def test_heavy_cmyk_image_exceeds_the_ink_limit(tmp_path, font):
    path = make_pdf(tmp_path / "image.pdf", good)
    add_to_page(path, b"q 72 0 0 72 50 50 cm /Im0 Do Q",
                Im0=lambda pdf: cmyk_image(pdf, 300, b"\xff\xff\xff\xff"))
    [finding] = by_check(preflight(path, CheckOptions()), "ink")
    assert finding.page == 1 and finding.value == pytest.approx(400) and "image Im0" in finding.message


# --- text, lines, images -----------------------------------------------------------------------------

def test_rich_black_small_text_is_flagged_large_is_not(tmp_path, font):
    def rich(c):
        good(c)
        c.setFillColorCMYK(0.4, 0.3, 0.3, 1)
        c.setFont(FONT, 8)
        c.drawString(40, 200, "small rich black")
        c.setFont(FONT, 24)
        c.drawString(40, 100, "headline rich black")
    report = preflight(make_pdf(tmp_path / "rich.pdf", good, rich), CheckOptions())
    [finding] = by_check(report, "small-text")
    assert finding.page == 2 and finding.severity == ERROR and finding.value == 8
    assert "rich black text (C40 M30 Y30 K100) below 10 pt: 1 run(s)" in finding.message


def test_four_colour_small_text_is_flagged(tmp_path, font):
    def four(c):
        good(c)
        c.setFillColorCMYK(0.5, 0.5, 0, 0.2)
        c.setFont(FONT, 7)
        c.drawString(40, 200, "tinted caption")
    [finding] = by_check(preflight(make_pdf(tmp_path / "four.pdf", four), CheckOptions()), "small-text")
    assert "text in C50 M50 Y0 K20 below 10 pt" in finding.message and finding.value == 7


def test_text_size_follows_the_ctm(tmp_path, font):
    def scaled(c):
        good(c)
        c.scale(0.5, 0.5)
        c.setFillColorCMYK(0.4, 0.3, 0.3, 1)
        c.setFont(FONT, 16)  # 8 pt on the page
        c.drawString(80, 400, "scaled")
    [finding] = by_check(preflight(make_pdf(tmp_path / "ctm.pdf", scaled), CheckOptions()), "small-text")
    assert finding.value == pytest.approx(8)


def test_black_text_without_overprint_is_flagged(tmp_path, font):
    def knockout(c):
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont(FONT, 9)
        c.drawString(40, 300, "knocks out")
    report = preflight(make_pdf(tmp_path / "ko.pdf", good, knockout), CheckOptions())
    [finding] = by_check(report, "black-overprint")
    assert finding.page == 2 and finding.severity == ERROR and "without overprint" in finding.message


def test_black_text_overprint_needs_opm_1(tmp_path, font):
    def opm0(c):
        c.setFillOverprint(True)
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont(FONT, 9)
        c.drawString(40, 300, "overprint mode 0")
    [finding] = by_check(preflight(make_pdf(tmp_path / "opm.pdf", opm0), CheckOptions()), "black-overprint")
    assert "OPM 0" in finding.message


def test_overprint_is_undone_by_restore_state(tmp_path, font):
    def restored(c):
        c.saveState()
        c.setFillOverprint(True)
        c.setOverprintMask(True)
        c.restoreState()  # Q drops the ExtGState: the text below knocks out
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont(FONT, 9)
        c.drawString(40, 300, "after Q")
    report = preflight(make_pdf(tmp_path / "q.pdf", restored), CheckOptions())
    assert [f.check for f in report.findings] == ["black-overprint"]


def test_hairline_is_flagged_with_its_width(tmp_path, font):
    def hairline(c):
        good(c)
        c.setLineWidth(0.1)
        c.line(40, 100, 260, 100)
    report = preflight(make_pdf(tmp_path / "hair.pdf", good, hairline), CheckOptions())
    [finding] = by_check(report, "line-width")
    assert finding.page == 2 and finding.value == pytest.approx(0.1) and "below 0.3 pt" in finding.message


def test_line_width_is_scaled_by_the_ctm(tmp_path, font):
    def scaled(c):
        good(c)
        c.scale(0.5, 0.5)
        c.setLineWidth(0.5)  # 0.25 pt on the page
        c.line(80, 200, 500, 200)
        c.setLineWidth(1)  # 0.5 pt on the page
        c.line(80, 100, 500, 100)
    [finding] = by_check(preflight(make_pdf(tmp_path / "scaled.pdf", scaled), CheckOptions()), "line-width")
    assert finding.value == pytest.approx(0.25) and "(1×)" in finding.message


def test_low_resolution_image_is_a_warning_with_its_ppi(tmp_path, font):
    path = make_pdf(tmp_path / "lowres.pdf", good, good)
    add_to_page(path, b"q 144 0 0 144 50 50 cm /Im0 Do Q", page=1,
                Im0=lambda pdf: cmyk_image(pdf, 100, b"\x20\x20\x20\x20"))  # 100 px over 2 in
    report = preflight(path, CheckOptions())
    [finding] = by_check(report, "image-resolution")
    assert finding.page == 2 and finding.severity == WARNING and finding.value == pytest.approx(50)
    assert report.passed  # warnings allowed
    assert report.pages[1].min_image_ppi == pytest.approx(50)


def test_image_at_200_ppi_is_fine(tmp_path, font):
    path = make_pdf(tmp_path / "hires.pdf", good)
    add_to_page(path, b"q 72 0 0 72 50 50 cm /Im0 Do Q", Im0=lambda pdf: cmyk_image(pdf, 200, b"\x20" * 4))
    report = preflight(path, CheckOptions())
    assert report.findings == () and report.pages[0].min_image_ppi == pytest.approx(200)


def test_malformed_operators_are_syntax_errors_not_a_crash(tmp_path, font):
    path = make_pdf(tmp_path / "broken.pdf", good)
    add_to_page(path, b"q 1 0 0 cm Q BT /F1+0 Tf ET")
    report = preflight(path, CheckOptions())
    assert sorted(f.message for f in by_check(report, "syntax")) == [
        "bad operands for the 'Tf' operator", "bad operands for the 'cm' operator"]
    assert not report.passed


def test_inline_image_resolution_is_checked(tmp_path, font):
    path = make_pdf(tmp_path / "inline.pdf", good)
    add_to_page(path, b"q 144 0 0 144 50 50 cm BI /W 20 /H 20 /CS /CMYK /BPC 8 ID " + bytes(1600) + b" EI Q")
    [finding] = by_check(preflight(path, CheckOptions()), "image-resolution")
    assert finding.value == pytest.approx(10) and "image inline (20×20 px)" in finding.message


def test_indexed_rgb_image_is_rgb(tmp_path, font):
    def indexed(pdf):
        palette = pikepdf.String(b"\xff\x00\x00\x00\x00\xff")
        return pdf.make_stream(bytes(200 * 200), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                               Width=200, Height=200, BitsPerComponent=8,
                               ColorSpace=pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 1, palette]))
    path = make_pdf(tmp_path / "indexed.pdf", good)
    add_to_page(path, b"q 72 0 0 72 50 50 cm /Im0 Do Q", Im0=indexed)
    [finding] = by_check(preflight(path, CheckOptions()), "colour-space")
    assert "Indexed on DeviceRGB used 1×" in finding.message


def test_rgb_inside_a_tiling_pattern_is_found(tmp_path, font):
    path = make_pdf(tmp_path / "pattern.pdf", good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        tile = pdf.make_stream(b"1 0 0 rg 0 0 5 5 re f", Type=pikepdf.Name.Pattern, PatternType=1, PaintType=1,
                               TilingType=1, BBox=[0, 0, 10, 10], XStep=10, YStep=10,
                               Resources=pikepdf.Dictionary())
        pdf.pages[0].add_resource(tile, pikepdf.Name.Pattern, pikepdf.Name("/P0"))
        pdf.pages[0].contents_add(pdf.make_stream(b"/Pattern cs /P0 scn 50 50 40 40 re f"))
        pdf.save(path)
    [finding] = by_check(preflight(path, CheckOptions()), "colour-space")
    assert "DeviceRGB" in finding.message


def test_registration_colour_inside_the_trim_is_400_percent(tmp_path, font):
    path = make_pdf(tmp_path / "all.pdf", good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        tint = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1)
        space = pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name.All, pikepdf.Name.DeviceCMYK, tint])
        pdf.pages[0].add_resource(space, pikepdf.Name.ColorSpace, pikepdf.Name("/Reg"))
        pdf.pages[0].contents_add(pdf.make_stream(b"/Reg cs 1 sc 50 50 10 10 re f"))
        pdf.save(path)
    [finding] = by_check(preflight(path, CheckOptions()), "ink")
    assert finding.value == pytest.approx(400) and finding.message.startswith("vector fill")


def test_javascript_in_an_annotation_outside_the_trim(tmp_path, font):
    path = make_pdf(tmp_path / "annotjs.pdf", good, good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("print()"))
        pdf.pages[1].Annots = pdf.make_indirect(pikepdf.Array([pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 4, 4], A=action)]))
        pdf.save(path)
    report = preflight(path, CheckOptions())
    assert [(f.check, f.page) for f in report.findings] == [("javascript", 2)]
    assert "Link annotation action" in report.findings[0].message


def test_table_merges_a_finding_repeated_on_several_pages(tmp_path, font):
    def knockout(c):
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont(FONT, 9)
        c.drawString(40, 300, "knocks out")
    table = preflight(make_pdf(tmp_path / "ko3.pdf", knockout, knockout, good, knockout),
                      CheckOptions()).as_table()
    [row] = [line for line in table.splitlines() if "black-overprint" in line]
    assert row.split()[:3] == ["FAIL", "black-overprint", "1-2,4"]
    assert table.splitlines()[-1] == "  FAILED: 3 error(s), 0 warning(s)"


# --- tables and colour conversion --------------------------------------------------------------------

def test_every_rule_names_a_known_check_a_severity_and_a_source():
    for kind, rule in RULES.items():
        assert rule.check in CHECKS, kind
        assert {rule.x1a, rule.x4} <= {ERROR, WARNING, None}, kind
        assert rule.x1a is not None or rule.x4 is not None, kind
        assert rule.source, kind
        assert rule.worst in ("", "min", "max"), kind
        assert not rule.limit or hasattr(CheckOptions(), rule.limit), kind
        rule.text.format(detail="x", value=1.0, count=2, limit=3.0)  # every template formats


def test_x1a_is_never_more_lenient_than_x4():
    rank = {None: 0, WARNING: 1, ERROR: 2}
    for kind, rule in RULES.items():
        # X-4 requires XMP and an embedded output profile; X-1a only recommends XMP, accepts a registry name
        if kind not in ("no-xmp-pdfx-version", "no-embedded-profile"):
            assert rank[rule.x1a] >= rank[rule.x4], kind


def test_colour_rules_forbid_rgb_everywhere_and_device_independent_colour_in_x1a_only():
    assert {family: (RULES[k].x1a, RULES[k].x4) for family, k in COLOUR_RULES.items()} == {
        "rgb": (ERROR, ERROR), "icc": (ERROR, None), "lab": (ERROR, None), "cal": (ERROR, None)}


def test_ink_of_colours():
    gray = ColourSpace(family="gray", kind="DeviceGray", label="DeviceGray", n=1)
    cmyk = ColourSpace(family="cmyk", kind="DeviceCMYK", label="DeviceCMYK", n=4)
    rgb = ColourSpace(family="rgb", kind="DeviceRGB", label="DeviceRGB", n=3)
    assert _inks(gray, (0.0,)).solid_black
    assert _inks(cmyk, (0.4, 0.3, 0.3, 1.0)).total == pytest.approx(200)
    assert _inks(rgb, (0.0, 0.0, 0.0)) is None
    assert _colorant_inks(("Black",), (1.0,)).solid_black
    assert _colorant_inks(("All",), (1.0,)).total == pytest.approx(400)  # registration colour
    assert _colorant_inks(("PANTONE 485 C",), (0.5,)).spot == 0.5


def test_options_reject_unknown_standard_and_silly_ink_limit():
    assert STANDARDS == ("x-1a", "x-4")
    with pytest.raises(LayoutError, match="unknown standard"):
        CheckOptions(standard="x-3")
    with pytest.raises(LayoutError, match="ink limit"):
        CheckOptions(ink_limit=0)


def test_unusable_files_raise_a_clear_error(tmp_path):
    with pytest.raises(UnusablePdfError, match="no such file"):
        preflight(tmp_path / "missing.pdf", CheckOptions())
    (tmp_path / "text.pdf").write_text("hello")
    with pytest.raises(UnusablePdfError, match="not a PDF"):
        preflight(tmp_path / "text.pdf", CheckOptions())


# --- CLI ---------------------------------------------------------------------------------------------

def test_cli_exit_0_for_a_good_file_with_a_pass_table(tmp_path, font):
    result = CliRunner().invoke(command, [str(make_pdf(tmp_path / "good.pdf", good))])
    assert result.exit_code == 0, result.output
    assert "PASS    fonts" in result.output and "PASSED: 0 error(s)" in result.output


def test_cli_table_in_chinese_under_lang_zh(tmp_path, font):
    """The table's header, column heads, results and verdict in the editor's language, aligned by
    terminal columns (a CJK character is two); check ids stay as they are (they are what --json says)."""
    from layout.cli import main
    result = CliRunner().invoke(main, ["--lang", "zh", "check", str(make_pdf(tmp_path / "good.pdf", good))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "总墨量上限 240 %" in lines[0] and lines[1].split() == ["结果", "检查项", "版", "说明"]
    import unicodedata

    def columns(text):  # terminal columns of `text`
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    row = next(line for line in lines if " fonts " in line)
    assert row.split()[:2] == ["通过", "fonts"]
    assert columns(row[:row.index("fonts")]) == columns(lines[1][:lines[1].index("检查项")]) == 10
    assert "  检查通过：错误 0 项，警告 0 项" in lines


def test_cli_exit_1_for_a_failing_file_with_page_and_reason(tmp_path, font):
    def heavy(c):
        good(c)
        c.setFillColorCMYK(1, 1, 1, 1)
        c.rect(50, 50, 40, 40, stroke=0, fill=1)
    result = CliRunner().invoke(command, [str(make_pdf(tmp_path / "bad.pdf", good, heavy))])
    assert result.exit_code == 1
    row = next(line for line in result.output.splitlines() if "FAIL" in line)
    assert row.split()[:3] == ["FAIL", "ink", "2"] and "400 % total ink" in row


def test_cli_exit_2_for_unusable_files_with_one_line(tmp_path, font):
    (tmp_path / "notes.pdf").write_text("not a pdf")
    good_pdf = make_pdf(tmp_path / "good.pdf", good)
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(good_pdf) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="u"))
    for name, reason in (("missing.pdf", "no such file"), ("notes.pdf", "not a PDF"),
                         ("locked.pdf", "needs a password")):
        result = CliRunner().invoke(command, [str(tmp_path / name)])
        assert result.exit_code == 2, name
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.stderr.count("\n") == 1 and reason in result.stderr
    mixed = CliRunner().invoke(command, [str(good_pdf), str(tmp_path / "missing.pdf")])
    assert mixed.exit_code == 2


def test_cli_json_lists_findings_per_file_and_page(tmp_path, font):
    def hairline(c):
        good(c)
        c.setLineWidth(0.1)
        c.line(40, 100, 260, 100)
    path = make_pdf(tmp_path / "hair.pdf", good, hairline)
    result = CliRunner().invoke(command, ["--json", "--ink-limit", "220", str(path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["passed"] is False
    [report] = data["files"]
    assert report["ink_limit"] == 220 and report["standard"] == "x-1a"
    assert [p["findings"] for p in report["pages"]][0] == []
    [finding] = report["pages"][1]["findings"]
    assert finding == {"check": "line-width", "severity": "error", "page": 2,
                       "message": "stroke 0.10 pt is below 0.3 pt (1×)", "value": 0.1, "cites": ""}


def test_cli_standard_option_and_help(tmp_path, font):
    def translucent(c):
        good(c)
        c.setFillAlpha(0.5)
        c.rect(50, 50, 40, 40, stroke=0, fill=1)
    path = make_pdf(tmp_path / "alpha.pdf", translucent, pdfx="PDF/X-4")
    assert CliRunner().invoke(command, [str(path)]).exit_code == 0  # declared X-4: transparency allowed
    assert CliRunner().invoke(command, ["--standard", "x-1a", str(path)]).exit_code == 1
    help_text = CliRunner().invoke(command, ["--help"]).output
    assert "Exit codes" in help_text and "2  a file is unusable" in help_text
