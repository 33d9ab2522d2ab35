"""Paint: embeds a layout Face in a reportlab PDF as one subset Type0 font with Identity-H encoding.

reportlab's TTFont refuses CFF outlines and splits TrueType into 256-glyph simple fonts; CIDFont
instead writes, per face and per document, one Type0 font whose descendant is
  - CIDFontType0 + FontFile3/CIDFontType0C (the bare CFF table) for CFF faces (Noto CJK), or
  - CIDFontType2 + FontFile2 + CIDToGIDMap for TrueType faces (LXGW WenKai, the test font),
with a compact W array, a ToUnicode CMap and a FontDescriptor (PDF 32000-1 §9.7, §9.8, §9.10).
Codes written in content streams are two bytes (Identity-H): the CID of the glyph in a CID-keyed
CFF (from the font's charset, never assumed equal to the GID), else the glyph id, except that a
TrueType character sharing its glyph with a smaller code point gets a code of its own past the last
glyph (so ToUnicode can give every character back). Subsets are made with HarfBuzz.
"""

from __future__ import annotations

import hashlib
import pickle
import struct
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import uharfbuzz as hb
from reportlab.pdfbase import pdfdoc

from ... import store as _store
from ...errors import FontError
from ...fonts import Face, tables
from ...fonts.faces import font_where
from ...fonts.tables import DescriptorFields
from ...i18n import _
from . import backend

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

GLYPH_SPACE = 1000  # glyph space units per em for widths and metrics (PDF 32000-1 §9.2.4)
MAX_CODE = 0xFFFF  # Identity-H codes are two bytes (PDF 32000-1 §9.7.5.2, Table 118)
BFCHAR_BLOCK = 100  # at most 100 entries per beginbfchar block (Adobe TN 5014, "CMap" operators)
W_RANGE_MIN = 3  # same-width consecutive codes this many or more use the `first last w` form (§9.7.4.3)

# FontDescriptor Flags bits (PDF 32000-1 §9.8.2, Table 123).
FLAG_FIXED_PITCH = 1 << 0
FLAG_SERIF = 1 << 1
FLAG_SYMBOLIC = 1 << 2  # always set: a CID font's glyphs are outside the standard Latin set
FLAG_ITALIC = 1 << 6

# OS/2 sFamilyClass high byte 1–7 are serif classes, 8 is sans serif (OpenType spec, OS/2 sFamilyClass;
# IBM font classes); when the class is 0, PANOSE Latin Text (bFamilyType 2) with bSerifStyle 2–10
# (cove … rounded) is serif, 11–15 (sans, flared) is not (OpenType spec, OS/2 panose; PANOSE 2.0).
SERIF_FAMILY_CLASSES = frozenset(range(1, 8))
PANOSE_LATIN_TEXT = 2
PANOSE_SERIF_STYLES = frozenset(range(2, 11))

# Tables kept in a subset. TrueType: the tables a CIDFontType2 program needs (PDF 32000-1 §9.9,
# "glyf, head, hhea, hmtx, loca, maxp, cvt, prep, fpgm"). CFF: only `CFF ` is embedded; the metric
# tables are kept so HarfBuzz subsets the face as it would a whole font.
TRUETYPE_TABLES = frozenset({"glyf", "head", "hhea", "hmtx", "loca", "maxp", "cvt ", "prep", "fpgm"})
CFF_TABLES = frozenset({"CFF ", "head", "hhea", "hmtx", "maxp"})

TOUNICODE_HEAD = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
"""
TOUNICODE_TAIL = """endcmap
CMapName currentdict /CMapResource defineresource pop
end
end
"""


@dataclass(frozen=True, kw_only=True)
class Descriptor:
    """FontDescriptor numbers in glyph space (1000/em), read from head, OS/2 and post."""

    flags: int
    x_min: float  # FontBBox, from head
    y_min: float
    x_max: float
    y_max: float
    italic_angle: float
    ascent: float
    descent: float
    cap_height: float
    stem_v: int


@dataclass(frozen=True)
class CodeMap:
    """Which two-byte code writes each character, and which original glyph each code selects."""

    gid_code: dict[int, int]  # glyphs whose code is not their gid (CID-keyed CFF: gid → CID)
    extra: dict[str, int]  # TrueType: characters sharing a glyph with a smaller code point → own code
    code_gid: dict[int, int]  # inverse of both (codes absent here select the glyph of the same number)

    def code(self, char: str, gid: int) -> int:
        """The code that writes `char` (whose glyph is `gid`)."""
        extra = self.extra.get(char)
        return extra if extra is not None else self.gid_code.get(gid, gid)

    def gid(self, code: int) -> int:
        """The original glyph id that `code` selects."""
        return self.code_gid.get(code, code)


@dataclass(frozen=True, kw_only=True)
class Program:
    """How a face is embedded: outline kind, CID system, codes and descriptor numbers."""

    kind: str  # 'cff' or 'truetype'
    cid_keyed: bool
    ros: tuple[str, str]  # (Registry, Ordering); Supplement in `supplement`
    supplement: int
    codes: CodeMap
    descriptor: Descriptor


@dataclass(frozen=True)
class Subset:
    """A subset font program and where each kept original glyph went."""

    data: bytes  # whole sfnt (TrueType) or the bare CFF table
    new_gid: dict[int, int]  # original gid → gid in `data`


@dataclass(frozen=True)
class TypefaceInfo:
    """What reportlab reads from `font.face` (name for registerFont, ascent/descent for paragraphs)."""

    name: str
    ascent: float
    descent: float


@dataclass(frozen=True)
class EncodingInfo:
    """What reportlab reads from `font.encoding` (its name)."""

    name: str


IDENTITY_H = EncodingInfo("Identity-H")


@dataclass(frozen=True)
class Embedded:
    """What the last document saved with this font embedded: subset font name and program size."""

    base_font: str
    program_bytes: int


@dataclass
class DocState:
    """Per-document use of a font: its resource name and the first text written with each code."""

    internal_name: str | None = None
    chars: dict[int, str] = field(default_factory=dict)


def _tag(name: str) -> int:
    """An OpenType table tag as HarfBuzz's integer."""
    return int.from_bytes(name.encode("latin-1"), "big")


def _glyph_space(value: float, upem: int) -> float:
    """Font units → glyph space (1000/em), as an int when exact, else rounded to 1/1000."""
    scaled = value * GLYPH_SPACE / upem
    return int(scaled) if scaled == int(scaled) else round(scaled, 3)


def is_serif(family_class: int, panose_family: int, panose_serif: int) -> bool:
    """Whether OS/2 sFamilyClass (or, when unclassified, PANOSE) says the face has serifs."""
    klass = family_class >> 8
    if klass:
        return klass in SERIF_FAMILY_CLASSES
    return panose_family == PANOSE_LATIN_TEXT and panose_serif in PANOSE_SERIF_STYLES


def _descriptor(fields: DescriptorFields, face: Face) -> Descriptor:
    """FontDescriptor numbers of a face (Ascent/Descent from the OS/2 typo metrics Face uses)."""
    upem = face.upem
    flags = FLAG_SYMBOLIC
    flags |= FLAG_FIXED_PITCH if fields.fixed_pitch else 0
    flags |= FLAG_ITALIC if fields.italic_angle or fields.mac_style & 2 else 0
    flags |= FLAG_SERIF if is_serif(fields.family_class, fields.family_type, fields.serif_style) else 0
    return Descriptor(
        flags=flags,
        x_min=_glyph_space(fields.x_min, upem), y_min=_glyph_space(fields.y_min, upem),
        x_max=_glyph_space(fields.x_max, upem), y_max=_glyph_space(fields.y_max, upem),
        italic_angle=float(fields.italic_angle),
        ascent=_glyph_space(face.ascent, upem),
        descent=_glyph_space(face.descent, upem),
        cap_height=_glyph_space(fields.cap_height or face.ascent, upem),
        stem_v=50 + int((fields.weight_class / 65) ** 2),  # same estimate as reportlab's TTFont
    )


def fonttools_fields(tt: TTFont) -> DescriptorFields:
    """The FontDescriptor's source fields as fontTools reads them (a face fonts/tables.py declines)."""
    head, os2, post = tt["head"], tt["OS/2"], tt["post"]
    panose = os2.panose
    return DescriptorFields(
        x_min=head.xMin, y_min=head.yMin, x_max=head.xMax, y_max=head.yMax, mac_style=head.macStyle,
        italic_angle=post.italicAngle, fixed_pitch=post.isFixedPitch, os2_version=os2.version,
        family_class=os2.sFamilyClass, family_type=panose.bFamilyType, serif_style=panose.bSerifStyle,
        cap_height=getattr(os2, "sCapHeight", 0) if os2.version >= 2 else 0, weight_class=os2.usWeightClass)


@dataclass(frozen=True)
class CffCharset:
    """What embedding needs from a CFF table: its ROS (None if name-keyed) and its charset ranges."""

    ros: tuple[str, str, int] | None
    ranges: tuple[tuple[int, int, int], ...]  # (first gid, first SID/CID, count)


def _cff_index(data: bytes, pos: int) -> tuple[list[tuple[int, int]], int]:
    """A CFF INDEX at `pos` (CFF spec §5): its items as (start, end) offsets, and the position after it."""
    count = int.from_bytes(data[pos:pos + 2], "big")
    if count == 0:
        return [], pos + 2
    size = data[pos + 2]
    offsets = [int.from_bytes(data[pos + 3 + i * size:pos + 3 + (i + 1) * size], "big") for i in range(count + 1)]
    base = pos + 2 + (count + 1) * size
    return [(base + offsets[i], base + offsets[i + 1]) for i in range(count)], base + offsets[-1]


def _cff_dict(data: bytes) -> dict[int, list[int]]:
    """Operators of a CFF DICT (CFF spec §4) with their integer operands (reals read as 0); 12 x → 1200+x."""
    ops: dict[int, list[int]] = {}
    operands: list[int] = []
    i = 0
    while i < len(data):
        b0 = data[i]
        if b0 <= 21:
            op, i = (1200 + data[i + 1], i + 2) if b0 == 12 else (b0, i + 1)
            ops[op], operands = operands, []
        elif b0 in (28, 29):
            width = 2 if b0 == 28 else 4
            operands.append(int.from_bytes(data[i + 1:i + 1 + width], "big", signed=True))
            i += 1 + width
        elif b0 == 30:  # real number: nibbles up to an 0xf nibble
            i += 1
            while i < len(data) and (data[i] & 0x0F) != 0x0F and (data[i] >> 4) != 0x0F:
                i += 1
            operands.append(0)
            i += 1
        elif b0 <= 246:
            operands.append(b0 - 139)
            i += 1
        else:
            sign = 1 if b0 <= 250 else -1
            operands.append(sign * (((b0 - (247 if sign > 0 else 251)) << 8) + data[i + 1] + 108))
            i += 2
    return ops


def read_cff_charset(data: bytes, glyph_count: int) -> CffCharset:
    """The ROS and charset of a CFF table, read directly (fontTools would build 65 000 glyph names)."""
    names_end = _cff_index(data, data[2])[1]
    top_items, strings_pos = _cff_index(data, names_end)
    top = _cff_dict(data[top_items[0][0]:top_items[0][1]])
    strings = _cff_index(data, strings_pos)[0]

    def sid(number: int) -> str:
        start, end = strings[number - 391]  # CFF spec Appendix A: 391 standard strings come first
        return bytes(data[start:end]).decode("latin-1")
    ros = (sid(top[1230][0]), sid(top[1230][1]), top[1230][2]) if 1230 in top else None
    return CffCharset(ros, _charset_ranges(data, top.get(15, [0])[0], glyph_count))


def _charset_ranges(data: bytes, pos: int, glyph_count: int) -> tuple[tuple[int, int, int], ...]:
    """Charset formats 0, 1, 2 (CFF spec §13) as (first gid, first SID, count) ranges; gid 0 is .notdef."""
    if pos < 3:  # predefined charsets: only name-keyed fonts use them, and they need no codes
        return ()
    fmt, pos, gid, ranges = data[pos], pos + 1, 1, []
    while gid < glyph_count:
        if fmt == 0:
            first, count, pos = int.from_bytes(data[pos:pos + 2], "big"), 1, pos + 2
        else:
            width = 1 if fmt == 1 else 2
            first = int.from_bytes(data[pos:pos + 2], "big")
            count = int.from_bytes(data[pos + 2:pos + 2 + width], "big") + 1
            pos += 2 + width
        ranges.append((gid, first, count))
        gid += count
    return tuple(ranges)


def _cff_codes(charset: CffCharset) -> CodeMap:
    """CID-keyed CFF: each glyph's code is its CID from the charset (gid → CID where they differ)."""
    gid_code: dict[int, int] = {}
    for first_gid, first_cid, count in charset.ranges:
        if first_gid != first_cid:
            gid_code.update((first_gid + k, first_cid + k) for k in range(count))
    return CodeMap(gid_code, {}, {cid: gid for gid, cid in gid_code.items()})


def _truetype_codes(face: Face) -> CodeMap:
    """TrueType: code = gid, plus own codes past the last glyph for characters sharing a glyph."""
    hb_font = face.hb_font
    first: dict[int, int] = {}
    extra: dict[str, int] = {}
    code_gid: dict[int, int] = {}
    next_code = hb_font.face.glyph_count
    for cp in sorted(hb_font.face.unicodes):
        gid = hb_font.get_nominal_glyph(cp)
        if gid is None:
            continue
        if gid not in first:
            first[gid] = cp
        elif next_code <= MAX_CODE:
            extra[chr(cp)] = next_code
            code_gid[next_code] = gid
            next_code += 1
    return CodeMap({}, extra, code_gid)


def read_program(face: Face) -> Program:
    """What embedding needs from the face's tables (once per CIDFont): from the active store when this
    font file (path, size, mtime) and face index were read before, else read and stored."""
    store = _store.active()
    key = _store.key("program", _store.file_identity(face.source.file), face.source.index, face.key,
                     face.postscript_name, face.upem, face.outline)
    found = _store.unpickled(store.load("programs", key))
    if isinstance(found, Program):
        return found
    program = _read_program(face)
    store.save("programs", key, pickle.dumps(program, protocol=pickle.HIGHEST_PROTOCOL))
    return program


def _read_program(face: Face) -> Program:
    """Read what embedding needs from the face's tables (from HarfBuzz's table bytes, fonts/tables.py;
    fontTools only for a face those decline)."""
    if "CFF2" in face.hb_font.face.table_tags:
        raise FontError(_("font {file} has CFF2 (variable) outlines, which PDF cannot embed").format(
            file=face.source.file), font_where(face.source),
            _("use a static OpenType/CFF or TrueType instance of the font"))
    fields = tables.descriptor_fields(face.hb_font.face)
    if fields is None:
        from fontTools.ttLib import TTFont
        fields = fonttools_fields(TTFont(str(face.source.file), fontNumber=face.source.index, lazy=True))
    descriptor = _descriptor(fields, face)
    if face.outline != "cff":
        return Program(kind="truetype", cid_keyed=False, ros=("Adobe", "Identity"), supplement=0,
                       codes=_truetype_codes(face), descriptor=descriptor)
    hb_face = face.hb_font.face
    table = tables.table_view(face.source.file, face.source.index, "CFF ")
    if table is None or not len(table):  # not found in the file's directory: HarfBuzz's copy of the table
        table = memoryview(hb_face.reference_table("CFF ").data)
    charset = read_cff_charset(table, hb_face.glyph_count)
    if charset.ros is None:  # name-keyed CFF: CIDs are used as glyph ids, subset keeps glyph ids
        return Program(kind="cff", cid_keyed=False, ros=("Adobe", "Identity"), supplement=0,
                       codes=CodeMap({}, {}, {}), descriptor=descriptor)
    registry, ordering, supplement = charset.ros
    return Program(kind="cff", cid_keyed=True, ros=(registry, ordering), supplement=supplement,
                   codes=_cff_codes(charset), descriptor=descriptor)


def subset_face(face: Face, gids: set[int], program: Program) -> Subset:
    """Subset the face to `gids` with HarfBuzz (no layout closure, only the tables PDF needs)."""
    hb_face = face.hb_font.face
    keep = CFF_TABLES if program.kind == "cff" else TRUETYPE_TABLES
    inp = hb.SubsetInput()
    for gid in sorted(gids | {0}):
        inp.glyph_set.add(gid)
    for tag in hb_face.table_tags:
        if tag not in keep:
            inp.drop_table_tag_set.add(_tag(tag))
    flags = hb.SubsetFlags.NO_LAYOUT_CLOSURE
    if program.kind == "cff" and not program.cid_keyed:
        flags |= hb.SubsetFlags.RETAIN_GIDS  # a name-keyed CFF's CIDs are its glyph ids
    inp.flags = flags
    plan = hb.SubsetPlan(hb_face, inp)
    result = plan.execute()
    new_gid = dict(plan.old_to_new_glyph_mapping.items())
    if program.kind == "cff":
        return Subset(rename_cff(bytes(result.reference_table("CFF ").data), face.postscript_name), new_gid)
    return Subset(bytes(result.blob.data), new_gid)


def cff_name(data: bytes) -> str:
    """The font name in a CFF table's Name INDEX (CFF spec §7), '' if it holds not exactly one name."""
    items, _ = _cff_index(data, data[2])
    if len(items) != 1:
        return ""
    start, end = items[0]
    return data[start:end].decode("latin-1")


def rename_cff(data: bytes, name: str) -> bytes:
    """The CFF table with its font name set to `name`: a Noto CJK collection shares one CFF program
    (named …CJKjp-…) among its faces, so a subset of the SC face names the SC face as every tool reads it."""
    items, _ = _cff_index(data, data[2])
    if len(items) != 1 or not name or cff_name(data) == name:
        return data
    start, end = items[0]
    new = name.encode("latin-1")
    if len(new) == end - start:  # same length: the offsets of everything after the Name INDEX hold
        return data[:start] + new + data[end:]
    return _recompiled_cff(data, name)


def _recompiled_cff(data: bytes, name: str) -> bytes:
    """The CFF table recompiled by fontTools with another font name (names of a different length)."""
    import io
    from fontTools.cffLib import CFFFontSet
    from fontTools.ttLib import TTFont
    holder = TTFont(recalcBBoxes=False)  # fontTools asks the font it belongs to for compile options
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(data), holder)
    cff.fontNames = [name]
    out = io.BytesIO()
    cff.compile(out, holder)
    return out.getvalue()


def subset_tag(face_key: str, gids: set[int]) -> str:
    """Six uppercase letters naming a subset, derived from the face and its glyphs (PDF §9.6.4)."""
    digest = hashlib.sha256(f"{face_key}:{','.join(map(str, sorted(gids)))}".encode()).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def default_width(widths: dict[int, float]) -> float:
    """DW: the most common width (the smaller one on a tie), so W lists only the others."""
    if not widths:
        return GLYPH_SPACE
    counts = Counter(widths.values())
    return min(counts, key=lambda w: (-counts[w], w))


def _runs(codes: list[int]) -> list[list[int]]:
    """Split sorted codes into runs of consecutive codes."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][-1] + 1:
            runs[-1].append(code)
        else:
            runs.append([code])
    return runs


def compact_w(widths: dict[int, float], dw: float) -> list:
    """The W array in compact form: `c [w …]` for mixed runs, `c1 c2 w` for equal widths (§9.7.4.3)."""
    out: list = []
    for run in _runs(sorted(c for c, w in widths.items() if w != dw)):
        pending: list[int] = []
        start = 0
        while start < len(run):
            end = start
            while end + 1 < len(run) and widths[run[end + 1]] == widths[run[start]]:
                end += 1
            if end - start + 1 >= W_RANGE_MIN:
                if pending:
                    out += [pending[0], [widths[c] for c in pending]]
                    pending = []
                out += [run[start], run[end], widths[run[start]]]
            else:
                pending += run[start:end + 1]
            start = end + 1
        if pending:
            out += [pending[0], [widths[c] for c in pending]]
    return out


def _utf16_hex(text: str) -> str:
    """Text as UTF-16BE hex digits (surrogate pairs beyond the BMP)."""
    return text.encode("utf-16-be").hex().upper()


def tounicode_cmap(chars: dict[int, str]) -> bytes:
    """A ToUnicode CMap mapping each two-byte code to the text it was written for."""
    entries = [f"<{code:04X}> <{_utf16_hex(chars[code])}>" for code in sorted(chars)]
    blocks = []
    for start in range(0, len(entries), BFCHAR_BLOCK):
        block = entries[start:start + BFCHAR_BLOCK]
        blocks.append(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n")
    return (TOUNICODE_HEAD + "".join(blocks) + TOUNICODE_TAIL).encode("ascii")


def cid_to_gid_map(codes: list[int], codemap: CodeMap, new_gid: dict[int, int]) -> bytes | None:
    """CIDToGIDMap stream data (2 bytes per code up to the largest), None when it is the identity."""
    pairs = {code: new_gid[codemap.gid(code)] for code in codes}
    if all(code == gid for code, gid in pairs.items()):
        return None
    data = bytearray(2 * (max(pairs) + 1))
    for code, gid in pairs.items():
        data[2 * code:2 * code + 2] = gid.to_bytes(2, "big")
    return bytes(data)


def _pdf(value):
    """Python lists/ints/floats/strings → reportlab PDF objects (nested lists become arrays)."""
    if isinstance(value, list):
        return pdfdoc.PDFArrayCompact([_pdf(v) for v in value])
    return value


def _stream(doc, content: bytes, name: str, extra: dict | None = None):
    """A Flate-compressed stream registered in `doc` under `name`; returns its reference."""
    stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary(dict(extra or {})), content, [pdfdoc.PDFZCompress])
    return doc.Reference(stream, name)


class CIDFont:
    """A reportlab dynamic font for one layout Face: one subset Type0/Identity-H font per document."""

    _dynamicFont = 1  # reportlab: subset per document, objects added at save time (addObjects)
    _multiByte = 1  # reportlab: use our stringWidth
    shapable = False  # reportlab must not shape with HarfBuzz: the composer positions glyphs

    def __init__(self, face: Face) -> None:
        self.layout_face = face
        self.fontName = f"L-{face.key}"
        self.name = self.fontName
        scale = GLYPH_SPACE / face.upem
        self.face = TypefaceInfo(self.fontName, face.ascent * scale, face.descent * scale)
        self.encoding = IDENTITY_H
        self.substitutionFonts: list = []
        self._program: Program | None = None
        self._char_codes: dict[str, int] = {}
        self._states: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._current = None  # weak reference to the document last given to resource_name
        self.last_embedded: Embedded | None = None  # set by addObjects: what the last save embedded

    @property
    def program(self) -> Program:
        """The face's embedding data, read on first use."""
        if self._program is None:
            self._program = read_program(self.layout_face)
        return self._program

    def _state(self, doc) -> DocState:
        """This font's state in `doc` (made on first use), and `doc` becomes the current document."""
        state = self._states.get(doc)
        if state is None:
            state = self._states[doc] = DocState()
        self._current = weakref.ref(doc)
        return state

    def resource_name(self, doc) -> str:
        """The font's resource name in `doc` (e.g. '/F3'); registers the font to be written at save."""
        state = self._state(doc)
        if state.internal_name is None:
            if backend.uses_font(doc, self.fontName):
                raise RuntimeError(f"two different faces with key {self.layout_face.key} in one document")
            state.internal_name = backend.add_font_resource(doc, self)
        return "/" + state.internal_name

    def _char_code(self, char: str) -> int:
        """The two-byte code of `char` (cached); FontError when the face lacks it."""
        code = self._char_codes.get(char)
        if code is None:
            gid = self.layout_face.glyph(char)
            if gid is None:
                face = self.layout_face
                raise FontError(_("character {code} '{char}' is not in font {file}").format(
                    code=f"U+{ord(char):04X}", char=char, file=face.source.file), font_where(face.source),
                    _("the composer should have chosen a fallback face for it"))
            code = self._char_codes[char] = self.program.codes.code(char, gid)
        return code

    def encode(self, text: str, doc=None) -> bytes:
        """`text` as Identity-H codes (2 bytes a character), recorded as used in `doc`.

        `doc` defaults to the document last passed to resource_name (or splitString).
        """
        if doc is None:
            doc = self._current() if self._current is not None else None
            if doc is None:
                raise RuntimeError(f"{self.fontName}: call resource_name(doc) before encode()")
        chars, known = self._state(doc).chars, self._char_codes
        codes = [known.get(char) or self._char_code(char) for char in text]
        for code, char in zip(codes, text):
            if code not in chars:
                chars[code] = char
        return struct.pack(f">{len(codes)}H", *codes)

    def encode_run(self, text: str, doc) -> tuple[bytes, dict[int, str]]:
        """`text` encoded as `encode` does, and the {code: char} it records as used (first character of each
        code, in order), which `mark_used` records again when the run's operators are kept (output.memo)."""
        known = self._char_codes
        codes = [known.get(char) or self._char_code(char) for char in text]
        pairs: dict[int, str] = {}
        for code, char in zip(codes, text):
            if code not in pairs:
                pairs[code] = char
        self.mark_used(pairs, doc)  # the first character of each code, as `encode` records them
        return struct.pack(f">{len(codes)}H", *codes), pairs

    def mark_used(self, pairs: dict[int, str], doc) -> None:
        """Record the codes of a kept run as used in `doc`, exactly as encoding its text again would."""
        chars = self._state(doc).chars
        for code, char in pairs.items():
            if code not in chars:
                chars[code] = char

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        """Width of `text` in pt at `size` (reportlab protocol)."""
        face = self.layout_face
        return sum(face.advance_units(char) for char in text) * size / face.upem

    def splitString(self, text: str, doc, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        """reportlab protocol: one subset (0) holding the whole text's codes."""
        if isinstance(text, bytes):
            text = text.decode(encoding)
        return [(0, self.encode(text, doc))]

    def getSubsetInternalName(self, subset: int, doc) -> str:
        """reportlab protocol: the resource name of the (only) subset."""
        if subset != 0:
            raise IndexError(f"font {self.fontName} has only subset 0, not {subset}")
        return self.resource_name(doc)

    def addObjects(self, doc) -> None:
        """reportlab protocol, at save: write the Type0 font, its CIDFont, descriptor, program, CMaps."""
        state = self._states.pop(doc, None)
        if state is None or state.internal_name is None:
            return
        program = self.program
        gids = {program.codes.gid(code) for code in state.chars}
        subset = _subset(self.layout_face, gids, program)
        base = f"{subset_tag(self.layout_face.key, gids)}+{self.layout_face.postscript_name}"
        prefix = f"CIDFont.{state.internal_name}"
        font = pdfdoc.PDFDictionary({
            "Type": "/Font", "Subtype": "/Type0", "BaseFont": pdfdoc.PDFName(base),
            "Encoding": "/Identity-H",
            "DescendantFonts": pdfdoc.PDFArrayCompact([self._descendant(doc, prefix, base, state, subset)]),
            "ToUnicode": _stream(doc, tounicode_cmap(state.chars), prefix + ".ToUnicode"),
        })
        ref = doc.Reference(font, state.internal_name)
        backend.add_to_font_resources(doc, state.internal_name, ref)
        self.last_embedded = Embedded(base, len(subset.data))

    def _widths(self, codes) -> dict[int, float]:
        """Glyph-space advance of the glyph each code selects."""
        hb_font, upem = self.layout_face.hb_font, self.layout_face.upem
        gid = self.program.codes.gid
        return {code: _glyph_space(hb_font.get_glyph_h_advance(gid(code)), upem) for code in codes}

    def _descendant(self, doc, prefix: str, base: str, state: DocState, subset: Subset):
        """The CIDFont dictionary (CIDFontType0 or 2) with W, DW and, for TrueType, CIDToGIDMap."""
        program = self.program
        widths = self._widths(state.chars)
        dw = default_width(widths)
        cid = pdfdoc.PDFDictionary({
            "Type": "/Font",
            "Subtype": "/CIDFontType0" if program.kind == "cff" else "/CIDFontType2",
            "BaseFont": pdfdoc.PDFName(base),
            "CIDSystemInfo": pdfdoc.PDFDictionary({
                "Registry": pdfdoc.PDFString(program.ros[0]), "Ordering": pdfdoc.PDFString(program.ros[1]),
                "Supplement": program.supplement}),
            "FontDescriptor": self._descriptor(doc, prefix, base, subset),
            "DW": dw,
        })
        w = compact_w(widths, dw)
        if w:
            cid["W"] = _pdf(w)
        if program.kind == "truetype":
            gidmap = cid_to_gid_map(sorted(state.chars), program.codes, subset.new_gid)
            cid["CIDToGIDMap"] = "/Identity" if gidmap is None else _stream(
                doc, gidmap, prefix + ".CIDToGIDMap")
        return doc.Reference(cid, prefix + ".CIDFont")

    def _descriptor(self, doc, prefix: str, base: str, subset: Subset):
        """The FontDescriptor with the embedded subset program (FontFile2 or FontFile3)."""
        d = self.program.descriptor
        fields = {
            "Type": "/FontDescriptor", "FontName": pdfdoc.PDFName(base), "Flags": d.flags,
            "FontBBox": pdfdoc.PDFArrayCompact([d.x_min, d.y_min, d.x_max, d.y_max]),
            "ItalicAngle": d.italic_angle,
            "Ascent": d.ascent, "Descent": d.descent, "CapHeight": d.cap_height, "StemV": d.stem_v,
        }
        if self.program.kind == "cff":
            extra, key = {"Subtype": "/CIDFontType0C"}, "FontFile3"
        else:
            extra, key = {"Length1": len(subset.data)}, "FontFile2"
        fields[key] = _stream(doc, subset.data, f"{prefix}.{key}", extra)
        return doc.Reference(pdfdoc.PDFDictionary(fields), prefix + ".FontDescriptor")


_REGISTERED: dict[str, CIDFont] = {}
SUBSETS: list = []  # the output memo's Kept of subsets while a watch rebuild paints (page.paint sets it)


def _subset(face: Face, gids: set[int], program: Program) -> Subset:
    """subset_face, kept for one rebuild more in the watch's output memo when one is in use."""
    if not SUBSETS:
        return subset_face(face, gids, program)
    kept, key = SUBSETS[-1], frozenset(gids)
    return kept.of(face, key) or kept.keep(face, subset_face(face, gids, program), key)


def register(face: Face) -> CIDFont:
    """The CIDFont of `face`, made and registered with reportlab once per face per process."""
    name = f"L-{face.key}"
    font = _REGISTERED.get(name)
    if font is not None and font.layout_face is face:
        return font
    font = _REGISTERED[name] = CIDFont(face)
    # another Face under the same key (e.g. a manifest override) replaces the old registration
    backend.register_font(font)
    return font
