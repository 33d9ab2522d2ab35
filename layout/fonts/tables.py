"""Tables: the few sfnt table values the engine needs, read from HarfBuzz's table bytes (no fontTools).

A cold build reads, per face, the PostScript name, units per em, typographic ascent/descent, fsType and
outline kind (fonts/faces.py), and the FontDescriptor numbers (output/paint/cidfont.py). Importing
fontTools and opening the face with it costs ≈ 0.1 s of a cold sample build; these fixed-offset fields
are read here with `struct` instead, giving exactly what fontTools gives (tests/unit/test_font_tables.py
compares both on every face of the font table). Anything unusual — a short table, a name record whose
decoding fontTools would repair — answers None, and the caller reads the face with fontTools as before.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb


@dataclass(frozen=True)
class DescriptorFields:
    """The head/post/OS-2 fields a PDF FontDescriptor is made from (as fontTools reads them)."""

    x_min: int
    y_min: int
    x_max: int
    y_max: int
    mac_style: int
    italic_angle: float
    fixed_pitch: int
    os2_version: int
    family_class: int
    family_type: int
    serif_style: int
    cap_height: int
    weight_class: int


def _table(face: hb.Face, tag: str) -> bytes:
    """The bytes of table `tag` ('' when absent)."""
    return bytes(face.reference_table(tag).data)


def _tags(face: hb.Face) -> set[str]:
    """The face's table tags."""
    return set(face.table_tags)


def metrics(face: hb.Face) -> dict | None:
    """PostScript name (None if the face has none), units per em, typographic ascent/descent, outline
    kind and fsType; None when a table is missing or short (the caller asks fontTools)."""
    head, os2 = _table(face, "head"), _table(face, "OS/2")
    if len(head) < 54 or len(os2) < 78:
        return None
    name = _table(face, "name")
    ps_name = debug_name(name, 6) if name else None
    if ps_name is False:
        return None
    tags = _tags(face)
    return {"postscript_name": ps_name, "upem": struct.unpack_from(">H", head, 18)[0],
            "ascent": struct.unpack_from(">h", os2, 68)[0], "descent": struct.unpack_from(">h", os2, 70)[0],
            "outline": "cff" if ("CFF " in tags or "CFF2" in tags) else "truetype",
            "fs_type": struct.unpack_from(">H", os2, 8)[0]}


def descriptor_fields(face: hb.Face) -> DescriptorFields | None:
    """The FontDescriptor's source fields; None when a table is missing or short."""
    head, os2, post = _table(face, "head"), _table(face, "OS/2"), _table(face, "post")
    if len(head) < 54 or len(os2) < 78 or len(post) < 32:
        return None
    version = struct.unpack_from(">H", os2, 0)[0]
    if version >= 2 and len(os2) < 96:
        return None
    x_min, y_min, x_max, y_max, mac_style = struct.unpack_from(">hhhhH", head, 36)
    italic = struct.unpack_from(">i", post, 4)[0] / 65536
    return DescriptorFields(
        x_min=x_min, y_min=y_min, x_max=x_max, y_max=y_max, mac_style=mac_style, italic_angle=italic,
        fixed_pitch=struct.unpack_from(">I", post, 12)[0], os2_version=version,
        family_class=struct.unpack_from(">h", os2, 30)[0], family_type=os2[32], serif_style=os2[33],
        cap_height=struct.unpack_from(">h", os2, 88)[0] if version >= 2 else 0,
        weight_class=struct.unpack_from(">H", os2, 4)[0])


_UTF16 = {(0, e) for e in range(7)} | {(3, 0), (3, 1), (3, 10)}  # platform, encoding decoded as UTF-16BE


def debug_name(table: bytes, name_id: int) -> str | None | bool:
    """fontTools' `name.getDebugName(name_id)`: the first English record (Mac Roman 1/0 or Windows
    0x409), else the last decodable one, else None; False when a record would need fontTools' repair
    heuristics or another encoding (the caller then asks fontTools)."""
    if len(table) < 6:
        return False
    count, offset = struct.unpack_from(">HH", table, 2)
    strings, some = table[offset:], None
    for i in range(count):
        at = 6 + 12 * i
        if at + 12 > len(table):
            return False
        platform, encoding, language, nid, length, start = struct.unpack_from(">HHHHHH", table, at)
        if nid != name_id:
            continue
        raw = strings[start:start + length]
        if len(raw) != length:
            return False
        text = _decoded(raw, platform, encoding, language)
        if text is False:
            return False
        some = text
        if (platform, language) in ((1, 0), (3, 0x409)):
            return text or None
    return some or None


def _decoded(raw: bytes, platform: int, encoding: int, language: int) -> str | bool:
    """A name record's text as fontTools decodes it, False when fontTools would do something else."""
    if (platform, encoding) in _UTF16 and len(raw) % 2 == 0:
        try:
            text = raw.decode("utf_16_be")
        except UnicodeDecodeError:
            return False
    elif (platform, encoding, language) == (1, 0, 0):
        text = raw.decode("mac_roman")
    else:
        return False
    if text and all(ord(c) == 0 if i % 2 == 0 else _ascii(ord(c)) for i, c in enumerate(text)):
        return False  # double-encoded UTF-16: fontTools narrows it
    return text


def _ascii(code: int) -> bool:
    return 0x20 <= code <= 0x7E or code in (0x09, 0x0A, 0x0D)


def table_view(path: Path, index: int, tag: str) -> memoryview | None:
    """Table `tag` of face `index` of the font file at `path` as a read-only view of the mapped file (no
    copy: HarfBuzz's `reference_table(...).data` copies the whole table, 23 MB for a Noto CJK CFF);
    None when the file is not an sfnt or a collection holding that face and table."""
    try:
        with open(path, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    view = memoryview(mapped)
    start = _face_offset(view, index)
    if start is None or start + 12 > len(view):
        return None
    count = struct.unpack_from(">H", view, start + 4)[0]
    for record in range(start + 12, start + 12 + 16 * count, 16):
        if record + 16 > len(view):
            return None
        if bytes(view[record:record + 4]) == tag.encode("latin-1"):
            offset, length = struct.unpack_from(">II", view, record + 8)
            return view[offset:offset + length] if offset + length <= len(view) else None
    return None


def _face_offset(view: memoryview, index: int) -> int | None:
    """Where face `index`'s table directory starts: 0 in a single font, from the header in a collection."""
    if len(view) < 12:
        return None
    if bytes(view[:4]) != b"ttcf":
        return 0 if index == 0 else None
    faces = struct.unpack_from(">I", view, 8)[0]
    if index >= faces or 12 + 4 * (index + 1) > len(view):
        return None
    return struct.unpack_from(">I", view, 12 + 4 * index)[0]
