"""Style: process colours (CMYK) and named text styles — what a run of text looks like."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CMYK:
    """A process colour in percent (0–100 per channel)."""

    c: float
    m: float
    y: float
    k: float

    @property
    def total(self) -> float:
        """Total area coverage in percent (C+M+Y+K)."""
        return self.c + self.m + self.y + self.k

    @property
    def is_pure_black(self) -> bool:
        """100 K and nothing else: the colour of body text and thin rules (overprinted)."""
        return self.c == 0 and self.m == 0 and self.y == 0 and self.k == 100


BLACK = CMYK(0, 0, 0, 100)


@dataclass(frozen=True, kw_only=True)
class TextStyle:
    """One named text style: font role and weight, size, leading, alignment, colour."""

    name: str
    role: str
    weight: str
    size: float
    leading: float
    align: str = "justify"
    color: CMYK = BLACK
    kinsoku: str | None = None  # overrides Typography.kinsoku for this style
