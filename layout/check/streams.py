"""Preflight streams: the decoded size of a stream measured incrementally, so a flate bomb is a finding.

qpdf decodes a stream in one piece when it is parsed or read; a 100 KiB stream that inflates to gigabytes
would take minutes and all the memory. Before the checker reads a stream it measures the decoded size by
inflating the raw data in small chunks (zlib.decompressobj with max_length), keeping nothing, and stops at
the per-stream limit; a per-file budget bounds the sum.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from dataclasses import dataclass, field
from typing import Any

import pikepdf

MAX_STREAM_BYTES = 64 * 1024 * 1024  # decoded size of one content stream, form, pattern or metadata stream
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # decoded bytes the checker reads from one file in all
CHUNK = 1024 * 1024  # inflated per step while measuring
FLATE = ("/FlateDecode", "/Fl")
ASCII_FILTERS = {"/ASCIIHexDecode": "hex", "/AHx": "hex", "/ASCII85Decode": "a85", "/A85": "a85"}


@dataclass
class Budget:
    """What is left of the per-file budget of decoded bytes, and the streams already measured and passed."""

    left: int = field(default_factory=lambda: MAX_TOTAL_BYTES)
    passed: set = field(default_factory=set)  # objgen of indirect streams that fit (read again for free)


def filters_of(stream: pikepdf.Stream) -> list[str]:
    """The stream's filter names, in decoding order."""
    value = stream.get("/Filter")
    if isinstance(value, pikepdf.Name):
        return [str(value)]
    return [str(f) for f in value] if isinstance(value, pikepdf.Array) else []


def _ascii_decode(data: bytes, kind: str) -> bytes:
    """Undo an ASCIIHex or ASCII85 filter (both shrink the data, so they are safe to run whole)."""
    text = bytes(c for c in data if c not in b" \t\r\n\f\x00")
    if kind == "hex":
        text = text.split(b">")[0]
        return binascii.unhexlify(text + b"0" * (len(text) % 2))
    text = text.split(b"~>")[0].removeprefix(b"<~")
    return base64.a85decode(text)


def _inflated_size(data: bytes, limit: int) -> int:
    """Bytes a zlib stream inflates to, counted in chunks; stops just past `limit`."""
    inflater, total = zlib.decompressobj(), 0
    while data and total <= limit:
        total += len(inflater.decompress(data, CHUNK))
        data = inflater.unconsumed_tail
    if total <= limit:
        total += len(inflater.flush())
    return total


def decoded_size(stream: pikepdf.Stream, limit: int) -> int | None:
    """The decoded size of a stream (just past `limit` when bigger); None when it cannot be measured."""
    try:
        data = stream.read_raw_bytes()
        names = filters_of(stream)
        while names and names[0] in ASCII_FILTERS:
            data = _ascii_decode(data, ASCII_FILTERS[names.pop(0)])
        if not names:
            return len(data)
        if names[0] in FLATE:
            return _inflated_size(data, limit)
    except (pikepdf.PdfError, zlib.error, ValueError, binascii.Error):
        return None
    return None  # other filters (DCT, CCITT, JBIG2…) are left to the decoder


def stream_fits(stream: Any, budget: Budget, limit: int = MAX_STREAM_BYTES) -> int | None:
    """None if a stream may be read; else its decoded size (over `limit`, or over what the budget has left)."""
    if not isinstance(stream, pikepdf.Stream):
        return None
    key = stream.objgen
    if key[0] and key in budget.passed:
        return None  # a form or image drawn again
    size = decoded_size(stream, min(limit, budget.left))
    if size is None:
        return None
    if size > limit or size > budget.left:
        return size
    budget.left -= size
    if key[0]:
        budget.passed.add(key)
    return None


def head_bytes(stream: pikepdf.Stream, count: int) -> bytes:
    """The first `count` decoded bytes of a stream (an ICC header), inflating no more than that."""
    try:
        data, names = stream.read_raw_bytes(), filters_of(stream)
        while names and names[0] in ASCII_FILTERS:
            data = _ascii_decode(data, ASCII_FILTERS[names.pop(0)])
        if not names:
            return data[:count]
        if names[0] in FLATE:
            return zlib.decompressobj().decompress(data, count)
    except (pikepdf.PdfError, zlib.error, ValueError, binascii.Error):
        return b""
    return b""


def label_of(stream: Any) -> str:
    """'object 12 0' for an indirect object, else 'a direct stream'."""
    number, generation = stream.objgen
    return f"object {number} {generation}" if number else "a direct stream"
