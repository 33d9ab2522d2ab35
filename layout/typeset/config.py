"""Config: the composer's options — one frozen object, validated once, defaults from spec.Typography."""

from __future__ import annotations

from dataclasses import dataclass

from .. import cjk
from ..errors import LayoutError
from ..spec import ALIGNMENTS, BREAKERS, Typography
from ..i18n import _

_T = Typography()  # the one list of typography defaults (the manifest's defaults too)


@dataclass(frozen=True, kw_only=True)
class ComposeConfig:
    """Everything the composer needs besides the text and the measure (one object, computed once)."""

    kinsoku: str = _T.kinsoku  # none | basic | gb | strict (clreq levels)
    pair_compression: float = _T.pair_compression  # em removed between two adjacent full-width marks
    latin_spacing: float = _T.latin_spacing  # em between Han and Latin/digits
    hanging: bool = _T.hanging
    breaker: str = _T.breaker  # total-fit | greedy
    indent: float = _T.indent  # first-line indent in em of the body size (the first 'body' span, else the first)
    orphan_min: int = _T.orphan_min  # 孤字: minimum characters on a paragraph's last line
    align: str = "justify"  # justify | left | center | right (last line: start, or centred for center)

    def __post_init__(self) -> None:
        """Refuse options outside their vocabulary once, when the configuration is made."""
        cjk.check_level(self.kinsoku)
        if self.breaker not in BREAKERS:
            raise LayoutError(_("unknown breaker '{breaker}'").format(breaker=self.breaker), "typography.breaker",
                              _("use one of: {choices}").format(choices=', '.join(BREAKERS)))
        if self.align not in ALIGNMENTS:
            raise LayoutError(_("unknown alignment '{align}'").format(align=self.align), "styles",
                              _("use one of: {choices}").format(choices=', '.join(ALIGNMENTS)))

    @classmethod
    def from_typography(cls, typography: Typography) -> "ComposeConfig":
        """The issue's typography options as a composer configuration (alignment: justify)."""
        t = typography
        return cls(kinsoku=t.kinsoku, pair_compression=t.pair_compression, latin_spacing=t.latin_spacing,
                   hanging=t.hanging, breaker=t.breaker, indent=t.indent, orphan_min=t.orphan_min)
