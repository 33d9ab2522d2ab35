"""Copy-desk cleaning (layout clean): raw bytes → text, detecting UTF-8, UTF-16 and GB18030.

Order: a BOM decides (UTF-8, UTF-16 LE/BE); BOM-less UTF-16 is recognised by its NUL pattern; then
strict UTF-8; then strict GB18030 (a superset of GBK and GB2312). Nothing is ever replaced: a byte that
does not decode is an error naming its offset, and so is a file mixing UTF-8 with GB18030.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from . import CleanError
from .rules import ALLOWED_CONTROLS, CJK_PUNCT, MAX_BYTES, is_han
from ..i18n import _

BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE with BOM"),
)
UTF8_HAN_RUN = re.compile("[\u3400-\u9fff]{4,}")  # real UTF-8 Chinese: runs of Han; GBK misread: none
TEXT_SHARE = 0.9  # a GB18030 decoding must be ≥ 90 % plain text characters, else it is not text


@dataclass(frozen=True)
class Decoded:
    """Decoded raw text, the codec used and a human name for the report."""

    text: str
    codec: str
    name: str
    bom_length: int = 0


def read_raw(path: Path) -> Decoded:
    """Read and decode a raw file, refusing missing, oversized, empty and binary files."""
    where = str(path)
    if not path.is_file():
        raise CleanError(_("no such file"), where, _("give the path of a raw text page or an article file"))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise CleanError(_("file is {size} bytes, more than the {value} MB limit").format(
                             size=size, value=MAX_BYTES // (1024 * 1024)),
                         where, _("a newspaper page is a few tens of kB: is this the right file?"))
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CleanError(_("cannot read the file: {strerror}").format(strerror=err.strerror), where,
                         _("check the path and permissions"))
    return decode_bytes(data, where)


def decode_bytes(data: bytes, where: str) -> Decoded:
    """Decode raw bytes or raise CleanError naming the byte offset of the first problem."""
    if not data:
        raise CleanError(_("file is empty"), where, _("export the page text again"))
    decoded = _by_bom(data, where) or _as_utf16(data, where) or _as_utf8_or_gb(data, where)
    _check_controls(decoded, where)
    if not decoded.text.strip():
        raise CleanError(_("file contains no text (only white space)"), where, _("export the page text again"))
    return decoded


def _by_bom(data: bytes, where: str) -> Decoded | None:
    """Decode by byte-order mark, if there is one."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom):], codec, where, len(bom)), codec, name, len(bom))
    return None


def _as_utf16(data: bytes, where: str) -> Decoded | None:
    """BOM-less UTF-16: plenty of NULs, (nearly) all at odd (LE) or all at even (BE) offsets."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if max(even, odd) < max(2, len(data) // 40) or min(even, odd) * 4 > max(even, odd):
        return None
    codec, name = ("utf-16-le", "UTF-16 LE (no BOM)") if odd else ("utf-16-be", "UTF-16 BE (no BOM)")
    return Decoded(_strict(data, codec, where, 0), codec, name)


def _as_utf8_or_gb(data: bytes, where: str) -> Decoded:
    """Strict UTF-8, else strict GB18030 — unless the file has real UTF-8 text too (mixed)."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CleanError(_("NUL byte at byte offset {nul}: this is a binary file, not text").format(nul=nul), where,
                         _("give the text export of the page (UTF-8, GB18030, or UTF-16 with a BOM)"))
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "UTF-8")
    except UnicodeDecodeError as err:
        bad = err.start
    if UTF8_HAN_RUN.search(data.decode("utf-8", errors="replace")):
        _raise_bad_utf8(data, bad, where)
    text = _strict(data, "gb18030", where, 0)
    _check_text_share(text, where)
    return Decoded(text, "gb18030", "GB18030")


def _raise_bad_utf8(data: bytes, bad: int, where: str) -> None:
    """UTF-8 text with a byte that is not UTF-8: mixed encodings if it reads as GB18030 there."""
    if _gb_han_prefix(data[bad:bad + 8]) >= 2:
        raise CleanError(_("mixed encodings: UTF-8 text, but the bytes at byte offset {bad} are "
                           "GB18030/GBK").format(bad=bad),
                         where, _("convert the whole file to one encoding (UTF-8) and run again"))
    raise CleanError(_("invalid UTF-8 byte 0x{data:02X} at byte offset {bad}").format(data=data[bad], bad=bad), where,
                     _("the file is damaged or not text; export it again as UTF-8"))


def _gb_han_prefix(chunk: bytes) -> int:
    """How many Han characters `chunk` starts with when read strictly as GB18030."""
    try:
        text = codecs.getincrementaldecoder("gb18030")().decode(chunk, final=False)
    except UnicodeDecodeError:
        return 0
    count = 0
    while count < len(text) and is_han(text[count]):
        count += 1
    return count


def _strict(data: bytes, codec: str, where: str, base: int) -> str:
    """Decode strictly; a failure names the byte offset in the file (after any BOM)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        offset = base + err.start
        raise CleanError(_("bytes that are not {upper} at byte offset {offset} ({reason})").format(
                             upper=codec.upper(), offset=offset, reason=err.reason),
                         where, _("the file is damaged, binary, or in another encoding")) from None


def _check_text_share(text: str, where: str) -> None:
    """A GB18030 decoding of non-text decodes to junk: require mostly Han, marks and ASCII."""
    plain = sum(1 for ch in text if ch.isascii() or is_han(ch) or ch in CJK_PUNCT or "\uff00" <= ch <= "\uffef")
    if plain < TEXT_SHARE * len(text):
        raise CleanError(_("this does not look like text (not UTF-8; as GB18030 it decodes to junk)"), where,
                         _("give the text export of the page (UTF-8, GB18030 or UTF-16)"))


def _check_controls(decoded: Decoded, where: str) -> None:
    """Control characters (other than tab, line ends, form feed) mean a binary file."""
    for index, ch in enumerate(decoded.text):
        code = ord(ch)
        if (code < 0x20 or 0x7F <= code <= 0x9F) and ch not in ALLOWED_CONTROLS:
            offset = decoded.bom_length + len(decoded.text[:index].encode(decoded.codec))
            raise CleanError(_("control character U+{code:04X} at byte offset {offset}: not a "
                               "text file").format(code=code, offset=offset),
                             where, _("give the text export of the page, not a binary file"))
