"""The embedded form of a photo: DeviceCMYK, DCT (JPEG, Adobe-inverted: /Decode) or Flate, deterministic bytes."""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass

from PIL import Image, ImageChops

DCT = "DCTDecode"
FLATE = "FlateDecode"
INVERTED = (1, 0, 1, 0, 1, 0, 1, 0)  # /Decode for Adobe CMYK JPEGs (APP14): samples are 255 − ink


@dataclass(frozen=True, kw_only=True)
class PrintImage:
    """A print-ready photo for a PDF image XObject: DeviceCMYK, 8 bits, `data` under `filter`."""

    width_px: int
    height_px: int
    components: int  # 4: DeviceCMYK (greyscale photos too, with C = M = Y = 0)
    filter: str  # 'DCTDecode' | 'FlateDecode'
    data: bytes
    decode: tuple[int, ...] | None  # the XObject's /Decode array, None = default
    ppi: float  # at the placed size, as embedded
    source_ppi: float  # of the crop at the placed size, before resampling
    max_tac: float  # percent, of the separated pixels (checked against the ink limit)
    embedded_max_tac: float  # percent, of the samples decoded back from `data` (JPEG ringing can add a little)
    warnings: tuple[str, ...]
    source_sha256: str
    profile_sha256: str  # the output profile separated for: the page's OutputIntent must embed it
    separation: str  # 'icc' | 'k-only' | 'passthrough' | 'icc-cmyk'
    notes: tuple[str, ...] = ()
    bits_per_component: int = 8

    @property
    def colorspace(self) -> str:
        """The PDF colour space of the XObject."""
        return "DeviceCMYK"

    @property
    def encoded(self) -> Encoded:
        """The filter, bytes and /Decode of the image."""
        return Encoded(self.filter, self.data, self.decode)


@dataclass(frozen=True)
class Encoded:
    """Compressed CMYK samples: filter, bytes and the /Decode array they need."""

    filter: str
    data: bytes
    decode: tuple[int, ...] | None


def encode(image: Image.Image, quality: int = 85, lossless: bool = False) -> Encoded:
    """A CMYK image as baseline 4:4:4 JPEG (DCT) or as Flate-compressed samples."""
    if image.mode != "CMYK":
        raise ValueError(f"encode wants CMYK, got {image.mode}")
    if lossless:
        return Encoded(FLATE, zlib.compress(image.tobytes(), 6), None)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, subsampling=0, optimize=True, progressive=False)
    data = buffer.getvalue()
    return Encoded(DCT, data, INVERTED if adobe_inverted(data) else None)


def adobe_inverted(data: bytes) -> bool:
    """True when a CMYK JPEG carries the Adobe APP14 marker (libjpeg/Pillow then store 255 − ink)."""
    return any(marker == 0xEE and payload.startswith(b"Adobe") for marker, payload in markers(data))


def markers(data: bytes) -> list[tuple[int, bytes]]:
    """The (marker, payload) segments of a JPEG before its first scan."""
    out, at = [], 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
        out.append((marker, data[at + 4:at + 2 + length]))
        if marker == 0xDA:
            break
        at += 2 + length
    return out


def decode_samples(encoded: Encoded, size: tuple[int, int]) -> Image.Image:
    """The CMYK ink values (0 = no ink) a PDF reader gets from the bytes, their filter and /Decode."""
    if encoded.filter == FLATE:
        return Image.frombytes("CMYK", size, zlib.decompress(encoded.data))
    raw = Image.open(io.BytesIO(encoded.data))
    raw.tile = [raw.tile[0]._replace(args=("CMYK", ""))]  # what a PDF DCT filter delivers: no inversion
    raw.load()
    return ImageChops.invert(raw) if encoded.decode == INVERTED else raw
