"""Book: the configured faces by role and weight (fonts.yaml plus overrides) and the fallback chains."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import FontError
from ..i18n import _
from ..spec import WEIGHTS
from .faces import FaceSource, Face, TextFont, check_embeddable, load_face

FONT_TABLE = Path(str(resources.files(__package__).joinpath("fonts.yaml")))  # package data


@dataclass(frozen=True)
class FontTable:
    """All configured faces and the fallback order of roles."""

    sources: tuple[FaceSource, ...]
    fallback: tuple[tuple[str, tuple[str, ...]], ...]

    def source(self, role: str, weight: str) -> FaceSource | None:
        """The configured face for role/weight, None when not configured."""
        for src in self.sources:
            if src.role == role and src.weight == weight:
                return src
        return None

    def with_overrides(self, overrides) -> "FontTable":
        """This table with the manifest's font overrides (role/weight → file) replacing entries."""
        replaced = {(o.role, o.weight): FaceSource(role=o.role, weight=o.weight, file=o.path, index=o.index)
                    for o in overrides}
        kept = tuple(s for s in self.sources if (s.role, s.weight) not in replaced)
        return FontTable(kept + tuple(replaced[k] for k in sorted(replaced)), self.fallback)

    def fallback_roles(self, role: str) -> tuple[str, ...]:
        for name, roles in self.fallback:
            if name == role:
                return roles
        return ()


class FontBook:
    """Resolves (role, weight, size) to a TextFont with its fallback chain; caches faces."""

    def __init__(self, table: FontTable) -> None:
        self.table = table
        self._chains: dict[tuple[str, str], tuple[Face, ...]] = {}  # (role, weight) → chain, once per book

    def face(self, role: str, weight: str) -> Face:
        """The face for role/weight (falling back to regular weight of that role)."""
        src = self.table.source(role, weight) or self.table.source(role, "regular")
        if src is None:
            raise FontError(_("no font configured for role '{role}' weight '{weight}'").format(
                role=role, weight=weight), "fonts/fonts.yaml",
                _("add the face to fonts/fonts.yaml or override it in the manifest's fonts:"))
        face = load_face(src)
        check_embeddable(face)
        return face

    def chain(self, role: str, weight: str) -> tuple[Face, ...]:
        """The role's face, then each fallback role's face of the same weight (else regular); resolved once
        per book (a failure is not kept, so it is raised again)."""
        found = self._chains.get((role, weight))
        if found is None:
            found = self._chains[(role, weight)] = self._resolve_chain(role, weight)
        return found

    def _resolve_chain(self, role: str, weight: str) -> tuple[Face, ...]:
        """chain without the book's memo."""
        faces = [self.face(role, weight)]
        for other in self.table.fallback_roles(role):
            face = self.face(other, weight)
            if face not in faces:
                faces.append(face)
        return tuple(faces)

    def text_font(self, role: str, weight: str, size: float) -> TextFont:
        """A TextFont for a style."""
        return TextFont(self.chain(role, weight), size)


def weight_warnings(styles, table: FontTable, manifest: str = "issue.yaml") -> tuple[str, ...]:
    """A style whose role has no face of its weight is set in the role's regular face (FontBook.face): said
    once per style, naming it, never silent (`kai black` would otherwise embed kai regular)."""
    out = []
    for style in styles:
        if table.source(style.role, style.weight) is None and table.source(style.role, "regular") is not None:
            weights = ", ".join(sorted((s.weight for s in table.sources if s.role == style.role), key=_weight_order))
            out.append(f"{manifest} (styles.{style.name}): " + _(
                "{role} {weight} has no face in fonts.yaml ({role} has {weights}): {role} regular is set instead; "
                "choose one of those weights, or give the face under fonts:").format(
                    role=style.role, weight=style.weight, weights=weights))
    return tuple(out)


def _weight_order(weight: str) -> int:
    """Light to black (WEIGHTS order); an unknown weight last."""
    return WEIGHTS.index(weight) if weight in WEIGHTS else len(WEIGHTS)
