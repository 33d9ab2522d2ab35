"""Kept pages: composed pages, with their glyph runs' PDF operators and sidecar records, in the build's store.

A page is composed from its plan, the stories set at its placements, and the issue-wide context (the issue as
read, the grid, the styles, the composer options, the font table, how photos are converted). Its entry is keyed
by all of that — the plan's and the context's values, the text of every story placed on it (the set story is a
function of its text, its shape and the setter, all in the key), the identity (path, size, mtime) of every file
composing can read (font files, photos, logos, ads, the ICC profiles), the language of its warnings and the
engine version (layout/store.py) — so an entry is never stale: any change is another key. The value is the
page (each Face as its FaceSource) and its ink: its runs' operators, as the painter made them, gathered into the
page's content-stream text (layout/output/paint/ink.py), so painting a kept page gives the same bytes as
painting a fresh one without any work per run. A page's sidecar record and its JSON text are kept under the
page's key and the record's own arguments (docs/cache.md).
"""

from __future__ import annotations

import copyreg
import io
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from . import i18n
from . import store as _store
from .fonts import Face, load_face
from .output.paint.ink import PageInk, page_ink

KIND = "pages"
RECORDS = "records"
PROFILES = Path(__file__).resolve().parent / "output" / "profiles"  # the packaged ICC profiles photos use


def _identity(path: Path) -> tuple:
    """A file's identity, or its absence (an ad not in yet is a placeholder)."""
    try:
        return _store.file_identity(path)
    except OSError:
        return (str(path), None)


def context_key(ctx) -> str:
    """The digest of everything composing any page of the issue reads besides its plan and stories."""
    setter, issue = ctx.setter, ctx.issue
    files = [s.file for s in setter.fonts.table.sources] + list(issue.read_files)
    files += sorted(PROFILES.glob("*.icc")) + ([Path(issue.print.icc_profile)] if issue.print.icc_profile else [])
    return _store.key(KIND, repr(issue), repr(ctx.grid), ctx.grid_warnings, repr(ctx.photos),
                      repr(sorted(setter.styles.items())), repr(setter.config), setter.row, repr(setter.fonts.table),
                      tuple(_identity(Path(f)) for f in files), i18n.active())


def page_key(context: str, plan, texts: Mapping) -> str:
    """The store key of a page: the context's digest, the plan, and the text of each story placed on it."""
    return _store.key(KIND, context, repr(plan), tuple((p.story, repr(texts[p.story])) for p in plan.placements))


def load(store: _store.Store, key: str):
    """The kept (page, its ink), None when absent, unreadable or not matching (the page is composed again).
    The ink (output/paint/ink.PageInk) comes as a one-item sequence: `build` files it, zipped with the page's
    runs, under the first run, where the painter looks for a kept page's ink."""
    found = _store.unpickled(store.load(KIND, key), loads)
    if not (isinstance(found, tuple) and len(found) == 2):
        return None
    page, ink = found
    if not (isinstance(ink, PageInk) and ink.fits(getattr(page, "runs", ()))):
        return None
    return page, (ink,)


def save(store: _store.Store, key: str, page, operators: tuple) -> None:
    """Keep a composed page with its runs' operators as the page's ink (output/paint/ink.py)."""
    store.save(KIND, key, dumps((page, page_ink(page.runs, operators))))


@dataclass
class Records:
    """Sidecar records of kept pages, as `output/memo.Kept` offers them to the sidecar writer (`of`/`keep`):
    a page's record under its key and the record's arguments, a record's JSON text under the same key."""

    store: _store.Store
    keys: dict = field(default_factory=dict)  # id(page) → (page, its store key)
    _json: dict = field(default_factory=dict)  # id(record) → (record, its store key)

    def of(self, obj, extra=()):
        """The kept record of a page (extra: index, media, ignore) or the JSON text of a record ('json')."""
        if extra == "json":
            found = self._json.get(id(obj))
            return found[2] if found is not None and found[0] is obj else None
        key = self._key(obj, extra)
        found = _store.unpickled(self.store.load(RECORDS, key)) if key else None
        if not (isinstance(found, tuple) and len(found) == 2):
            return None
        self._json[id(found[0])] = (found[0], key, found[1])
        return found[0]

    def keep(self, obj, value, extra=()):
        """Keep a page's record (and, when its JSON is kept, both in the store); returns `value`."""
        if extra == "json":
            found = self._json.get(id(obj))
            if found is not None and found[0] is obj and found[1]:
                self.store.save(RECORDS, found[1], pickle.dumps((obj, value), protocol=pickle.HIGHEST_PROTOCOL))
            return value
        self._json[id(value)] = (value, self._key(obj, extra), None)
        return value

    def _key(self, page, extra) -> str | None:
        found = self.keys.get(id(page))
        if found is None or found[0] is not page:
            return None
        return _store.key(RECORDS, found[1], extra)


def _face(face: Face) -> tuple:
    """A Face pickled as its FaceSource: unpickled by `load_face`, this process's Face of that source."""
    return load_face, (face.source,)


class _Pickler(pickle.Pickler):
    """Pickles a page (or a worker's result) with each Face as its FaceSource (a dispatch table: only Faces
    reduced)."""

    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Face] = _face


def dumps(value: object) -> bytes:
    """A page (or a worker's result, layout/parallel.py) pickled with each Face as its FaceSource."""
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


def loads(blob: bytes):
    """What `dumps` pickled, each FaceSource this process's Face."""
    return pickle.loads(blob)
