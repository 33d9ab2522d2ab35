"""The embedded form: deterministic DCT bytes, the /Decode array proved by rendering a PDF, exact K-only zeros."""

from __future__ import annotations

import io

import numpy as np
import pikepdf
import pypdfium2
from PIL import Image
from photo_helpers import box_for

from layout.images import PhotoSettings, convert
from layout.images.encode import FLATE, INVERTED, Encoded, decode_samples, encode


def noise(size=(120, 80), seed=5) -> Image.Image:
    return Image.fromarray(np.random.default_rng(seed).integers(0, 256, (size[1], size[0], 3), dtype=np.uint8))


def render_pdf(encoded: Encoded, size: tuple[int, int]) -> Image.Image:
    """Render a one-image PDF (image XObject, DeviceCMYK) with pdfium at 1 px per image pixel."""
    pdf = pikepdf.new()
    fields = dict(Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=size[0], Height=size[1],
                  ColorSpace=pikepdf.Name.DeviceCMYK, BitsPerComponent=8, Filter=pikepdf.Name(f"/{encoded.filter}"))
    if encoded.decode:
        fields["Decode"] = pikepdf.Array(encoded.decode)
    page = pdf.add_blank_page(page_size=size)
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=pikepdf.Stream(pdf, encoded.data, **fields)))
    page.Contents = pdf.make_stream(f"q {size[0]} 0 0 {size[1]} 0 0 cm /Im0 Do Q".encode())
    buffer = io.BytesIO()
    pdf.save(buffer)
    return pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=1).to_pil().convert("RGB")


def half_white_half_black() -> Image.Image:
    image = Image.new("CMYK", (64, 32), (0, 0, 0, 0))
    image.paste((0, 0, 0, 255), (0, 0, 32, 32))
    return image


def test_pillow_cmyk_jpeg_needs_the_inverting_decode_array():
    image = half_white_half_black()
    encoded = encode(image)
    assert encoded.decode == INVERTED
    rendered = render_pdf(encoded, image.size)
    assert rendered.getpixel((48, 16)) == (255, 255, 255)  # paper stays white
    assert max(rendered.getpixel((16, 16))) < 80  # K 100 is dark
    wrong = render_pdf(Encoded(encoded.filter, encoded.data, None), image.size)
    assert wrong.getpixel((48, 16)) == (0, 0, 0)  # without /Decode the plate would be inverted


def test_flate_needs_no_decode_array_and_is_exact():
    image = half_white_half_black()
    encoded = encode(image, lossless=True)
    assert encoded.filter == FLATE and encoded.decode is None
    assert decode_samples(encoded, image.size).tobytes() == image.tobytes()
    assert render_pdf(encoded, image.size).getpixel((48, 16)) == (255, 255, 255)


def test_same_input_same_bytes(tmp_path):
    noise().save(tmp_path / "n.png")
    box = box_for((120, 80), 400)
    first, second = convert(tmp_path / "n.png", box), convert(tmp_path / "n.png", box)
    assert first == second and first.data.startswith(b"\xff\xd8")
    assert (first.width_px, first.height_px, first.ppi) == (60, 40, 200.0)  # downsampled from 400 ppi


def test_greyscale_photo_has_exactly_zero_cmy_after_jpeg():
    grey = Image.fromarray(np.random.default_rng(1).integers(0, 256, (80, 120), dtype=np.uint8), "L")
    buffer = io.BytesIO()
    grey.save(buffer, "PNG")
    path = io.BytesIO(buffer.getvalue())
    from layout.images.separate import output_profile
    from layout.images.stage import render
    out = render(path.getvalue(), "grey.png", box_for((120, 80), 200), PhotoSettings(), output_profile(None))
    ink = np.asarray(decode_samples(out.encoded, (120, 80)))
    assert out.separation == "k-only" and out.components == 4 and (ink[..., :3] == 0).all()


def test_embedded_tac_is_measured_and_kept_within_the_limit(tmp_path):
    noise((200, 200), 9).point(lambda v: v // 4).save(tmp_path / "dark.png")  # dark, busy: ringing near 240 %
    out = convert(tmp_path / "dark.png", box_for((200, 200), 200))
    from layout.images.separate import ink
    assert out.max_tac <= 240
    assert ink(decode_samples(out.encoded, (200, 200))).max_tac == out.embedded_max_tac
    assert out.embedded_max_tac <= 240 or any("ringing" in w for w in out.warnings)
