"""Copy-desk cleaning (layout clean): text that remembers where each character came from.

Every cleaning rule returns `Edit`s; `commit` applies them and turns each into a `Change` that names
the raw offset it happened at, so the report can give raw line numbers after any number of steps.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tracked:
    """Text plus the offset in the decoded raw text of each of its characters (not compared)."""

    text: str
    origin: array = field(compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> Tracked:
        """Raw text: every character comes from its own offset."""
        return cls(text, array("q", range(len(text))))

    def at(self, index: int) -> int:
        """Raw offset of character `index`, clamped to the text (0 for an empty text)."""
        if not self.origin:
            return 0
        return self.origin[max(0, min(index, len(self.origin) - 1))]

    def cut(self, start: int, end: int | None = None) -> Tracked:
        """The characters start..end with their origins."""
        end = len(self.text) if end is None else end
        return Tracked(self.text[start:end], self.origin[start:end])

    def joined(self, other: Tracked, glue: str = "") -> Tracked:
        """This text, `glue` (attributed to the other text's start), then the other text."""
        origin = array("q", self.origin)
        origin.extend([other.at(0)] * len(glue))
        origin.extend(other.origin)
        return Tracked(self.text + glue + other.text, origin)


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `new`; `kind` names the rule (a key of report.CHANGE_KINDS)."""

    start: int
    end: int
    new: str
    kind: str


@dataclass(frozen=True, kw_only=True)
class Change:
    """One change made to the copy, at a raw offset (offset2: a second place, e.g. a join's far side)."""

    kind: str
    offset: int
    before: str
    after: str
    offset2: int = -1


@dataclass(frozen=True)
class Notice:
    """Something an editor should look at that the cleaner did not (or could not safely) change."""

    kind: str
    offset: int
    text: str


@dataclass(frozen=True)
class Step:
    """The text after one cleaning step and the changes made by it."""

    text: Tracked
    changes: tuple[Change, ...]


def commit(tracked: Tracked, edits: list[Edit]) -> Step:
    """Apply non-overlapping edits, keeping origins; new characters inherit the replaced span's origin."""
    parts: list[str] = []
    origin = array("q")
    changes: list[Change] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:
            raise ValueError(f"overlapping edits at {edit.start} ({edit.kind})")
        parts.append(tracked.text[pos:edit.start])
        origin.extend(tracked.origin[pos:edit.start])
        parts.append(edit.new)
        origin.extend([tracked.at(edit.start)] * len(edit.new))
        changes.append(Change(kind=edit.kind, offset=tracked.at(edit.start), before=tracked.text[edit.start:edit.end],
                              after=edit.new))
        pos = edit.end
    parts.append(tracked.text[pos:])
    origin.extend(tracked.origin[pos:])
    return Step(Tracked("".join(parts), origin), tuple(changes))


@dataclass(frozen=True)
class Position:
    """A place in the raw file: 1-based line and column (columns count characters)."""

    line: int
    col: int

    def __str__(self) -> str:
        """line:col, as in the report."""
        return f"{self.line}:{self.col}"


class LineIndex:
    """Maps raw offsets of the decoded text to line:column (line ends: \\n, \\r\\n or \\r)."""

    def __init__(self, raw: str) -> None:
        """Index the line starts of the decoded raw text."""
        starts = [0]
        i = 0
        while i < len(raw):
            ch = raw[i]
            if ch == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
                i += 1
            if ch in "\r\n":
                starts.append(i + 1)
            i += 1
        self.starts = starts
        self._lines = len(starts) - 1 if raw and raw[-1] in "\r\n" else len(starts)

    def position(self, offset: int) -> Position:
        """Line and column of a raw offset."""
        line = bisect.bisect_right(self.starts, offset)
        return Position(line, offset - self.starts[line - 1] + 1)

    @property
    def lines(self) -> int:
        """Number of lines of the raw text."""
        return self._lines
