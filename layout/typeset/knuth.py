"""Knuth: the box/glue/penalty vocabulary of Knuth & Plass's line breaking (what items are made of)."""

from __future__ import annotations

from dataclasses import dataclass

INF = float("inf")
EPS = 1e-6  # pt


@dataclass(frozen=True, slots=True, kw_only=True)
class Box:
    """Material never broken: an ideograph, a mark's ink, a Latin word or number, the first-line indent."""

    width: float
    start: int = 0  # first character (index into Prepared.text)
    end: int = 0  # one past the last character (start == end: no glyphs, e.g. the indent)
    count: int = 0  # characters counted for 孤字 (letters, digits, Han; not punctuation)
    hang: float = 0.0  # width that may hang past the measure when a line ends right after this box


@dataclass(frozen=True, slots=True)
class Glue:
    """Space between boxes: natural width, stretch and shrink (pt); a line break here discards it."""

    width: float
    stretch: float = 0.0
    shrink: float = 0.0
    index: int = -1  # the space character this glue sets (-1: none, e.g. a mark's blank half)
    give: float = 0.0  # widening taken before any stretch (a Latin word space up to ½ em: jlreq §3.8)


@dataclass(frozen=True, slots=True)
class Penalty:
    """A possible break with a cost (inf: never, -inf: forced); `kind` names the rule that put it here."""

    cost: float
    kind: str = ""  # 'kinsoku' | 'unit' | 'separator' | 'anywhere' | 'end'
    width: float = 0.0


Item = Box | Glue | Penalty
