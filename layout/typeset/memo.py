"""Memo: set paragraphs kept in the build's store, keyed by everything the composer reads.

The key is (each span's text, style, word-breaking flag and font — every face of its chain by file
identity and face index, at its size), the measure, the whole ComposeConfig, the looseness and the
engine version (layout/store.py). The value is the SetParagraph pickled with each glyph's Face written
as its position in the spans' face chains, so a hit gives back lines whose glyphs point at this
process's faces: the same objects the composer would have produced, hence the same output bytes.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Sequence

from .. import store as _store
from .. import i18n
from ..fonts import Face, TextFont
from .config import ComposeConfig
from .items import Span
from .lines import SetParagraph, set_paragraph

KIND = "paragraphs"


class ParagraphMemo:
    """set_paragraph through the store: in memory for this process, on disk across builds."""

    def __init__(self, store: _store.Store | None = None) -> None:
        self.store = store or _store.Store()
        self._known: dict[str, SetParagraph] = {}
        self.hits = self.misses = 0  # counted for tests and the bench

    def set(self, spans: Sequence[Span], measure: float, config: ComposeConfig, looseness: int = 0) -> SetParagraph:
        """The paragraph set as set_paragraph sets it, from the store when it was set before."""
        faces = _faces(spans)
        key = _store.key(KIND, tuple((s.text, s.style, s.words, _font_id(s.font, faces)) for s in spans),
                         measure, _config_id(config), looseness, tuple(_face_id(f) for f in faces),
                         i18n.active())  # the paragraph's warnings are in the language they were made in
        found = self._known.get(key)
        if found is None and self.store.enabled:
            found = _loads(self.store.load(KIND, key), faces)
            if found is not None:
                self.hits += 1
        if found is None:
            self.misses += 1
            found = set_paragraph(spans, measure, config, looseness=looseness)
            if self.store.enabled:
                self.store.save(KIND, key, _dumps(found, faces))
        self._known[key] = found
        return found


def _faces(spans: Sequence[Span]) -> list[Face]:
    """Every face of the spans' chains, in first-seen order: a glyph's face is one of them."""
    seen: dict[int, Face] = {}
    for span in spans:
        for face in span.font.faces:
            seen.setdefault(id(face), face)
    return list(seen.values())


_FACE_IDS: dict[int, tuple[Face, tuple]] = {}


def _face_id(face: Face) -> tuple:
    """A face's identity across processes: key, file identity (path, size, mtime) and face index."""
    found = _FACE_IDS.get(id(face))
    if found is None:  # the face is kept with its identity, so its id() is never reused for another
        found = _FACE_IDS[id(face)] = (face, (face.key, _store.file_identity(face.source.file), face.source.index))
    return found[1]


_CONFIG_IDS: dict[int, tuple[ComposeConfig, str]] = {}


def _config_id(config: ComposeConfig) -> str:
    """A config's repr (exact: every field), made once per config object rather than once per paragraph."""
    found = _CONFIG_IDS.get(id(config))
    if found is None:  # the config is kept with its repr, so its id() is never reused for another
        found = _CONFIG_IDS[id(config)] = (config, repr(config))
    return found[1]


def _font_id(font: TextFont, faces: list[Face]) -> tuple:
    """A TextFont as positions in `faces` and its size."""
    return tuple(faces.index(f) for f in font.faces), font.size


class _Pickler(pickle.Pickler):
    """Pickles a paragraph with each Face replaced by its position in the face list (a dispatch table: no
    Python call for the other objects, and each face written once, then referenced)."""

    def __init__(self, stream, faces: list[Face]) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        positions = {id(f): i for i, f in enumerate(faces)}
        self.dispatch_table = {Face: lambda face: (_face_at, (positions[id(face)],))}


_LOADING: list[list[Face]] = []  # the face list of the paragraph being unpickled (see _face_at)


def _face_at(position: int) -> Face:
    """The face at `position` of the list the paragraph being read was pickled with."""
    return _LOADING[-1][position]


def _unpickle(data: bytes, faces: list[Face]) -> object:
    """A stored paragraph read back, each face position becoming this process's Face."""
    _LOADING.append(faces)
    try:
        return pickle.loads(data)
    finally:
        _LOADING.pop()


def _dumps(paragraph: SetParagraph, faces: list[Face]) -> bytes:
    """The paragraph's bytes for the store."""
    out = io.BytesIO()
    _Pickler(out, faces).dump(paragraph)
    return out.getvalue()


def _loads(payload: bytes | None, faces: list[Face]) -> SetParagraph | None:
    """The stored paragraph, None when absent or unreadable (then it is set again)."""
    found = _store.unpickled(payload, lambda data: _unpickle(data, faces))
    return found if isinstance(found, SetParagraph) else None
