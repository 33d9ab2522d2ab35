"""Opening photos: formats, modes, alpha onto white, Adobe CMYK, and the errors (file named, hint)."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageChops
from photo_helpers import box_for, save

from layout.errors import LayoutError
from layout.images import PhotoError, PhotoSettings, convert
from layout.images.encode import decode_samples, markers
from layout.images.source import decode, open_photo


def opened(path, max_pixels=100_000_000):
    return decode(open_photo(path.read_bytes(), str(path), max_pixels))


def test_png_alpha_is_flattened_onto_white(png):
    image = Image.new("RGBA", (4, 2), (0, 0, 0, 0))
    image.putpixel((1, 0), (255, 0, 0, 255))
    image.putpixel((2, 0), (0, 0, 0, 128))
    source = opened(png(image))
    assert source.image.mode == "RGB" and "alpha flattened onto paper white" in source.notes
    assert source.image.getpixel((0, 0)) == (255, 255, 255)
    assert source.image.getpixel((1, 0)) == (255, 0, 0)
    assert source.image.getpixel((2, 0)) == (127, 127, 127)


def test_la_png_and_palette_with_transparency(png):
    assert opened(png(Image.new("LA", (2, 2), (0, 0)))).image.getpixel((0, 0)) == 255
    palette = Image.new("P", (2, 2), 1)
    palette.putpalette([0, 0, 0, 200, 10, 10] + [0] * 762)
    assert opened(png(palette)).image.getpixel((0, 0)) == (200, 10, 10)
    assert opened(png(palette, transparency=1)).image.getpixel((0, 0)) == (255, 255, 255)


def test_sixteen_bit_grey_is_scaled_not_clipped(png):
    values = np.array([[0, 32896, 65535]], dtype=np.uint16)
    image = Image.fromarray(values)
    assert image.mode == "I;16"
    source = opened(png(image))
    assert source.image.mode == "L" and np.asarray(source.image).tolist() == [[0, 128, 255]]


def test_tiff_rgb_and_cmyk_are_read(tmp_path):
    save(Image.new("RGB", (8, 8), (1, 2, 3)), tmp_path / "a.tif", "TIFF", compression="tiff_lzw")
    save(Image.new("CMYK", (8, 8), (10, 20, 30, 40)), tmp_path / "b.tif", "TIFF")
    assert opened(tmp_path / "a.tif").image.getpixel((0, 0)) == (1, 2, 3)
    assert opened(tmp_path / "b.tif").image.getpixel((0, 0)) == (10, 20, 30, 40)


def test_exif_orientation_is_applied(tmp_path):
    image = Image.new("RGB", (40, 20), (0, 0, 255))
    exif = Image.Exif()
    exif[0x0112] = 6
    save(image, tmp_path / "r.jpg", "JPEG", exif=exif)
    source = opened(tmp_path / "r.jpg")
    assert source.image.size == (20, 40) and any("orientation" in n for n in source.notes)


PATCH = (51, 153, 102, 26)  # C20 M60 Y40 K10


def cmyk_test_image() -> Image.Image:
    """Left half paper white, right half a known CMYK patch."""
    image = Image.new("CMYK", (200, 100), (0, 0, 0, 0))
    image.paste(PATCH, (100, 0, 200, 100))
    return image


def test_adobe_cmyk_jpeg_is_not_inverted(tmp_path):
    data = save(cmyk_test_image(), tmp_path / "adobe.jpg", "JPEG", quality=95)
    assert any(m == 0xEE and p.startswith(b"Adobe") for m, p in markers(data))  # Pillow writes APP14
    out = convert(tmp_path / "adobe.jpg", box_for((200, 100), 200))
    assert out.separation == "passthrough" and out.decode == (1, 0, 1, 0, 1, 0, 1, 0)
    ink = np.asarray(decode_samples(out.encoded, (200, 100))).astype(int)
    assert ink[50, 20].tolist() == [0, 0, 0, 0]
    assert np.abs(ink[50, 150] - PATCH).max() <= 3


def test_cmyk_jpeg_without_adobe_marker_is_read_as_ink(tmp_path):
    buffer = io.BytesIO()
    ImageChops.invert(cmyk_test_image()).save(buffer, "JPEG", quality=95)  # stored samples = ink
    data = buffer.getvalue()
    start = data.index(b"\xff\xee")
    length = int.from_bytes(data[start + 2:start + 4], "big")
    (tmp_path / "plain.jpg").write_bytes(data[:start] + data[start + 2 + length:])
    source = opened(tmp_path / "plain.jpg")
    assert any("without Adobe APP14" in n for n in source.notes)
    assert source.image.getpixel((20, 50)) == (0, 0, 0, 0)
    assert np.abs(np.asarray(source.image)[50, 150].astype(int) - PATCH).max() <= 3


def test_not_an_image(tmp_path):
    (tmp_path / "note.jpg").write_text("这不是图片")
    with pytest.raises(PhotoError) as error:
        convert(tmp_path / "note.jpg", (100, 100))
    assert isinstance(error.value, LayoutError)
    assert error.value.where.endswith("note.jpg") and "not an image" in error.value.message and error.value.hint


def test_missing_file(tmp_path):
    with pytest.raises(PhotoError, match="cannot read photo"):
        convert(tmp_path / "absent.jpg", (100, 100))


def test_truncated_jpeg(tmp_path):
    noise = np.random.default_rng(0).integers(0, 256, (400, 400, 3), dtype=np.uint8)
    data = save(Image.fromarray(noise, "RGB"), tmp_path / "full.jpg", "JPEG")
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    with pytest.raises(PhotoError) as error:
        convert(tmp_path / "cut.jpg", box_for((400, 400), 200))
    assert "truncated" in error.value.message and error.value.where.endswith("cut.jpg")


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size and has (almost) no pixel data: only the header is ever read."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b""))


def test_more_than_100_megapixels_is_refused_before_decoding(tmp_path):
    (tmp_path / "big.png").write_bytes(png_header(10_500, 10_000))
    with pytest.raises(PhotoError) as error:
        convert(tmp_path / "big.png", (1000, 1000))
    assert "105 MP" in error.value.message and "100 MP" in error.value.message


def test_pillow_decompression_bomb_is_caught(tmp_path):
    (tmp_path / "bomb.png").write_bytes(png_header(30_000, 30_000))
    with pytest.raises(PhotoError, match="more than the 100 MP allowed"):
        convert(tmp_path / "bomb.png", (1000, 1000))


def test_the_pixel_bound_is_a_setting(tmp_path, png):
    path = png(Image.new("RGB", (100, 100)))
    with pytest.raises(PhotoError, match="0.01 MP"):
        convert(path, (36, 36), PhotoSettings(max_pixels=5000))


def test_unsupported_mode(tmp_path):
    save(Image.new("F", (4, 4)), tmp_path / "f.tif", "TIFF")
    with pytest.raises(PhotoError, match="unsupported image mode F"):
        convert(tmp_path / "f.tif", box_for((4, 4), 200))
