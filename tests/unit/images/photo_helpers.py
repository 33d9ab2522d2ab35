"""Photo test helpers: generated ICC profiles, saving images, the box a size takes at a ppi."""

from __future__ import annotations

import io
import struct

from PIL import Image

PT_PER_MM = 72 / 25.4


def _s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + bytes(4) + _s15(x) + _s15(y) + _s15(z)


def _desc(text: str) -> bytes:
    ascii_ = text.encode() + b"\0"
    return b"desc" + bytes(4) + struct.pack(">I", len(ascii_)) + ascii_ + bytes(8) + bytes(3) + bytes(67)


def _curve(gamma: float) -> bytes:
    return b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256)) + bytes(2)


def icc_profile(space: str, gamma: float, description: str) -> bytes:
    """A minimal ICC v2 display profile: sRGB primaries (RGB) or a grey TRC (GRAY) with a pure gamma."""
    tags = [(b"desc", _desc(description)), (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
            (b"cprt", b"text" + bytes(4) + b"test\0\0\0\0")]
    if space == "RGB":
        tags += [(b"rXYZ", _xyz(0.4361, 0.2225, 0.0139)), (b"gXYZ", _xyz(0.3851, 0.7169, 0.0971)),
                 (b"bXYZ", _xyz(0.1431, 0.0606, 0.7141))]
        tags += [(name, _curve(gamma)) for name in (b"rTRC", b"gTRC", b"bTRC")]
    else:
        tags += [(b"kTRC", _curve(gamma))]
    table_size = 4 + 12 * len(tags)
    offset, table, body = 128 + table_size, b"", b""
    for name, data in tags:
        data += bytes(-len(data) % 4)
        table += name + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = 128 + table_size + len(body)
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntr"
              + (b"RGB " if space == "RGB" else b"GRAY") + b"XYZ " + bytes(12) + b"acsp" + bytes(24)
              + bytes(4) + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + bytes(4) + bytes(44))
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


def save(image: Image.Image, path, fmt: str, **options) -> bytes:
    """Save an image to `path` and return the bytes."""
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def box_for(size: tuple[int, int], ppi: float) -> tuple[float, float]:
    """The placed box (pt) at which an image of `size` pixels has `ppi`."""
    return (size[0] * 72 / ppi, size[1] * 72 / ppi)
