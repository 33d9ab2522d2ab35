"""Output memo: what `layout watch` keeps of the last rebuild's painting and sidecar work, so an unchanged
page (the same composed objects, kept by the watch's Memory) costs almost nothing to write again.

Everything is kept by the identity of the objects it was computed from (a glyph run, a composed page, a
sidecar record) or by value (a stream's bytes → its Flate bytes, a face and glyph set → its subset), and
only for one rebuild more: what the next rebuild does not ask for is dropped. The bytes written are the
same as without the memo (tests/unit/output/test_memo.py).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class Kept:
    """A memo that lives one rebuild: entries asked for (or made) in this rebuild survive into the next."""

    def __init__(self) -> None:
        self._now: dict = {}
        self._last: dict = {}
        self.hits = 0  # objects found kept in this rebuild (for tests and benchmarks)

    def next(self) -> None:
        """Start a rebuild: what the last one used is kept for it, the rest is dropped."""
        self._last, self._now, self.hits = self._now, {}, 0

    def get(self, key: Hashable) -> Any:
        """The value kept under `key` (by value), or None."""
        found = self._now.get(key)
        if found is None:
            found = self._last.get(key)
            if found is not None:
                self._now[key] = found
        return found

    def put(self, key: Hashable, value: Any) -> Any:
        """Keep `value` under `key`; returns it."""
        self._now[key] = value
        return value

    def of(self, obj: object, extra: Hashable = ()) -> Any:
        """The value kept for the object `obj` itself (identity, not equality) and `extra`, or None."""
        found = self.get((id(obj), extra))
        if found is None or found[0] is not obj:
            return None
        self.hits += 1
        return found[1]

    def keep(self, obj: object, value: Any, extra: Hashable = ()) -> Any:
        """Keep `value` for the object `obj` (held, so its id stays its own) and `extra`; returns it."""
        self.put((id(obj), extra), (obj, value))
        return value


class OutputMemo:
    """The watch's output memo: glyph runs as operators, Flate streams, font subsets, sidecar records."""

    def __init__(self) -> None:
        self.runs = Kept()  # GlyphRun → (operators after the font name, {code: char} it uses)
        self.streams = Kept()  # stream bytes → Flate bytes
        self.subsets = Kept()  # (face, glyph ids) → cidfont.Subset
        self.records = Kept()  # (page, index, media, ignore) → sidecar.SidecarPage; record → its JSON

    def next(self) -> OutputMemo:
        """Start a rebuild (see Kept.next); returns self."""
        for kept in (self.runs, self.streams, self.subsets, self.records):
            kept.next()
        return self
