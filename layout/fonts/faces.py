"""Faces: one loaded font face (metrics, cmap), a face chain at a size (TextFont), embedding permission."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb

from .. import store as _store
from ..errors import FontError
from ..i18n import _

# OS/2 fsType bits (OpenType spec, OS/2 table): 0x0002 = Restricted License embedding.
FSTYPE_RESTRICTED = 0x0002
FSTYPE_BITMAP_ONLY = 0x0200


@dataclass(frozen=True, kw_only=True)
class FaceSource:
    """Where a face comes from: file, face index in a collection, expected sha256, Debian package."""

    role: str
    weight: str
    file: Path
    index: int = 0
    sha256: str = ""
    package: str = ""


class Face:
    """One loaded font face: metrics in font units, cmap lookups and their per-character memo (an
    accumulator, so a plain class: identity-compared, one per process and source)."""

    __slots__ = ("key", "source", "postscript_name", "upem", "ascent", "descent", "outline", "fs_type",
                 "blob", "hb_font", "_gids", "_advances")

    def __init__(self, *, key: str, source: FaceSource, postscript_name: str, upem: int, ascent: int,
                 descent: int, outline: str, fs_type: int, blob: hb.Blob, hb_font: hb.Font) -> None:
        self.key = key  # e.g. 'song-regular': stable, used in resource names and dumps
        self.source = source
        self.postscript_name = postscript_name
        self.upem = upem
        self.ascent = ascent  # typographic ascender (font units)
        self.descent = descent  # typographic descender, negative
        self.outline = outline  # 'cff' or 'truetype'
        self.fs_type = fs_type
        self.blob, self.hb_font = blob, hb_font
        self._gids: dict[str, int | None] = {}
        self._advances: dict[str, int] = {}

    def __repr__(self) -> str:
        return f"Face({self.key!r}, {self.postscript_name!r})"

    def glyph(self, char: str) -> int | None:
        """Glyph id of `char` in this face, None when the face lacks it."""
        gid = self._gids.get(char, -1)
        if gid == -1:
            gid = self.hb_font.get_nominal_glyph(ord(char))
            self._gids[char] = gid
        return gid

    def has(self, char: str) -> bool:
        """Whether the face maps `char` to a glyph."""
        return self.glyph(char) is not None

    def advance_units(self, char: str) -> int:
        """Horizontal advance of `char` in font units (0 when missing)."""
        adv = self._advances.get(char)
        if adv is None:
            gid = self.glyph(char)
            adv = 0 if gid is None else self.hb_font.get_glyph_h_advance(gid)
            self._advances[char] = adv
        return adv

    def advance(self, char: str, size: float) -> float:
        """Horizontal advance of `char` in pt at `size` pt."""
        return self.advance_units(char) * size / self.upem


@dataclass(frozen=True)
class TextFont:
    """A face chain (role face first, then fallbacks) at one size: what the composer measures with."""

    faces: tuple[Face, ...]
    size: float

    @property
    def face(self) -> Face:
        """The role's own face (first in the chain)."""
        return self.faces[0]

    def face_for(self, char: str) -> Face | None:
        """The first face in the chain that has `char`; None if no face has it."""
        for face in self.faces:
            if face.has(char):
                return face
        return None

    def advance(self, char: str) -> float:
        """Advance of `char` in pt, from the face that will set it."""
        face = self.face_for(char)
        return 0.0 if face is None else face.advance(char, self.size)

    def missing(self, text: str) -> str:
        """Characters of `text` that no face of the chain has (in order, without duplicates)."""
        return _missing(self.faces, text)


@functools.lru_cache(maxsize=4096)
def _missing(faces: tuple[Face, ...], text: str) -> str:
    """TextFont.missing, once per chain and text (every page of an issue checks its stories' coverage)."""
    seen: dict[str, None] = {}
    for char in dict.fromkeys(text):
        if not char.isspace() and not any(face.has(char) for face in faces):
            seen[char] = None
    return "".join(seen)


@functools.cache
def load_face(source: FaceSource) -> Face:
    """Open a face once per process: HarfBuzz for cmap/advances, its table values from the build's store
    (read with fontTools the first time)."""
    if not source.file.is_file():
        hint = (_("install the Debian package {package}").format(package=source.package) if source.package
                else _("fix the path"))
        raise FontError(_("font file {file} not found").format(file=source.file), font_where(source), hint)
    blob = hb.Blob.from_file_path(str(source.file))
    hb_face = hb.Face(blob, source.index)
    metrics = face_metrics(source, hb_face)
    hb_font = hb.Font(hb_face)
    face = Face(key=f"{source.role}-{source.weight}", source=source, blob=blob, hb_font=hb_font, **metrics)
    _LOADED.append(face)
    return face


_LOADED: list[Face] = []  # every face load_face opened, in order


def loaded_faces() -> tuple[Face, ...]:
    """The faces opened so far in this process (layout/parallel.py reads their embedding data before forking)."""
    return tuple(_LOADED)


def face_metrics(source: FaceSource, hb_face: hb.Face | None = None) -> dict:
    """PostScript name, units per em, typographic ascent/descent, outline kind and fsType of a face: from
    the active store when this file (path, size, mtime) and face index were read before."""
    store = _store.active()
    key = _store.key("face", _store.file_identity(source.file), source.index, source.role, source.weight)
    cached = store.load("faces", key)
    if cached is not None:
        return json.loads(cached)
    metrics = _read_metrics(source, hb_face)
    store.save("faces", key, json.dumps(metrics, sort_keys=True).encode())
    return metrics


def _read_metrics(source: FaceSource, hb_face: hb.Face | None = None) -> dict:
    """The face's table values, from HarfBuzz's table bytes (fonts/tables.py), else with fontTools
    (imported only then)."""
    from . import tables
    found = tables.metrics(hb_face) if hb_face is not None else None
    if found is not None:
        return found | {"postscript_name": found["postscript_name"] or f"{source.role}-{source.weight}"}
    from fontTools.ttLib import TTFont
    try:
        tt = TTFont(str(source.file), fontNumber=source.index, lazy=True)
        os2, head, name = tt["OS/2"], tt["head"], tt["name"]
        outline = "cff" if ("CFF " in tt or "CFF2" in tt) else "truetype"
        ps_name = name.getDebugName(6) or f"{source.role}-{source.weight}"
        return {"postscript_name": ps_name, "upem": head.unitsPerEm, "ascent": os2.sTypoAscender,
                "descent": os2.sTypoDescender, "outline": outline, "fs_type": os2.fsType}
    except Exception as exc:  # fontTools raises many kinds on a bad file
        raise FontError(_("cannot read font {file} (face {index}): {reason}").format(
            file=source.file, index=source.index, reason=exc), font_where(source),
            _("check the file and face index")) from None


def check_embeddable(face: Face) -> None:
    """Refuse a face whose OS/2 fsType forbids embedding (restricted licence or bitmap-only)."""
    if face.fs_type & FSTYPE_RESTRICTED or face.fs_type & FSTYPE_BITMAP_ONLY:
        raise FontError(
            _("font {file} (face {index}) forbids embedding (OS/2 fsType {fs_type})").format(
                file=face.source.file, index=face.source.index, fs_type=f"0x{face.fs_type:04x}"),
            font_where(face.source), _("a print PDF must embed every font: choose a font licensed for embedding"))


def font_where(source: FaceSource) -> str:
    """Where a font error is: the role and weight of the face ('font song/bold')."""
    return _("font {role}/{weight}").format(role=source.role, weight=source.weight)


def file_sha256(path: Path) -> str:
    """sha256 of a font file, for `layout fonts` verification."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
