"""Fonts table: fonts.yaml (role → weight → face) and the manifest's `fonts:` overrides."""

from __future__ import annotations

from pathlib import Path

from ..spec import FontOverride, ROLES, WEIGHTS
from ..errors import FontError
from ..fonts import FONT_TABLE, FaceSource, FontTable
from . import kinds
from .nodes import Source, Value, existing_file
from .reader import read_yaml
from ..i18n import _

_OVERRIDE_KEYS, _OVERRIDE_REQUIRED = ("role", "weight", "file", "index"), ("role", "weight", "file")
_OVERRIDE_KINDS = {"role": kinds.choice(ROLES), "weight": kinds.choice(WEIGHTS),
                   "file": kinds.text("the font file, relative to the manifest"), "index": kinds.integer(0)}
FONTS_KIND = kinds.listing(kinds.mapping(_OVERRIDE_KEYS, _OVERRIDE_KINDS, _OVERRIDE_REQUIRED),
                           "font files replacing a role/weight of fonts.yaml")


def font_overrides(value: Value | None, root: Path) -> tuple[FontOverride, ...]:
    """Read `fonts:` overrides: role/weight → file (relative to the manifest) and face index."""
    if value is None:
        return ()
    overrides: dict[tuple[str, str], FontOverride] = {}
    for item in value.items():
        m = item.mapping(_OVERRIDE_KEYS, required=_OVERRIDE_REQUIRED)
        role, weight = m.need("role").choice(ROLES), m.need("weight").choice(WEIGHTS)
        if (role, weight) in overrides:
            item.fail(_("font {role}/{weight} is overridden twice").format(role=role, weight=weight),
                      _("keep one entry per role and weight"))
        index = m.get("index").integer(low=0, example="0") if m.get("index") else 0
        overrides[(role, weight)] = FontOverride(role, weight, existing_file(m.need("file"), root, "font"),
                                                       index)
    return tuple(overrides.values())


def load_font_table(path: Path = FONT_TABLE) -> FontTable:
    """Read fonts/fonts.yaml (faces: role → weight → file/index/sha256/package; fallback) into a FontTable."""
    path = Path(path)
    top = read_yaml(path, Source(str(path), FontError))
    m = top.mapping(("faces", "fallback"), required=("faces",))
    sources = _face_sources(m.need("faces"), path.resolve().parent)
    roles = tuple(dict.fromkeys(source.role for source in sources))
    fallback = m.get("fallback").mapping(roles) if m.get("fallback") else None
    chains = []
    for role in fallback.values if fallback is not None else {}:
        chains.append((role, tuple(item.choice(roles) for item in fallback.need(role).items())))
    return FontTable(sources, tuple(chains))


def _face_sources(value: Value, folder: Path) -> tuple[FaceSource, ...]:
    """The `faces:` table: role → weight → {file, index, sha256, package}; files relative to fonts.yaml."""
    sources = []
    roles = value.mapping(ROLES)
    for role in roles.values:
        weights = roles.need(role).mapping(WEIGHTS)
        for weight in weights.values:
            face = weights.need(weight).mapping(("file", "index", "sha256", "package"), required=("file",))
            file = folder / face.need("file").text("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
            index = face.get("index").integer(low=0, example="2") if face.get("index") else 0
            sha = face.get("sha256").text() if face.get("sha256") else ""
            package = face.get("package").text() if face.get("package") else ""
            sources.append(FaceSource(role=role, weight=weight, file=file, index=index, sha256=sha, package=package))
    return tuple(sources)
