"""Stored output memo: a stream's Flate bytes and a face's subset program kept in the build's store, so a new
process that writes the same content again (a rebuild after editing one article: every other page's content,
and the fonts when no new glyph is used) neither compresses nor subsets it again.

Both are kept by value, as the watch's in-memory memo keeps them (output/memo.py): a stream under the SHA-256
of its bytes, a subset under its face's identity (key, file path, size, mtime, face index), the program kind and
the glyph ids. Each key also holds the engine version (layout/store.py: the versions of HarfBuzz and of the
package, zlib's is Python's), so a hit is the very bytes compressing or subsetting would give (docs/cache.md).
"""

from __future__ import annotations

import hashlib
import pickle

from .. import store as _store

STREAMS = "flate"
SUBSETS = "subsets"
SMALLEST = 4096  # bytes: a shorter stream is compressed afresh (cheaper than a file read)


class StoredStreams:
    """Flate bytes of a stream by its bytes, from the store (get/put as output.memo.Kept offers them)."""

    def __init__(self, store: _store.Store) -> None:
        self.store = store
        self.hits = 0

    def get(self, data: bytes) -> bytes | None:
        """The kept Flate bytes of `data`, None when not kept (or too short to be worth a file)."""
        if len(data) < SMALLEST:
            return None
        found = self.store.load(STREAMS, _stream_key(data))
        if found is not None:
            self.hits += 1
        return found

    def put(self, data: bytes, flate: bytes) -> bytes:
        """Keep `flate` for `data`; returns it."""
        if len(data) >= SMALLEST:
            self.store.save(STREAMS, _stream_key(data), flate)
        return flate


class StoredSubsets:
    """A face's subset program by face identity and glyph set, from the store (of/keep as output.memo.Kept)."""

    def __init__(self, store: _store.Store) -> None:
        self.store = store
        self.hits = 0

    def of(self, face, gids: frozenset):
        """The kept subset of `face` to `gids`, None when not kept or unreadable."""
        found = _store.unpickled(self.store.load(SUBSETS, _subset_key(face, gids)))
        if found is None or not hasattr(found, "new_gid"):
            return None
        self.hits += 1
        return found

    def keep(self, face, subset, gids: frozenset):
        """Keep `subset` of `face` to `gids`; returns it."""
        self.store.save(SUBSETS, _subset_key(face, gids), pickle.dumps(subset, protocol=pickle.HIGHEST_PROTOCOL))
        return subset


def _stream_key(data: bytes) -> str:
    """The store key of a stream's Flate bytes: the SHA-256 of its bytes (and the engine version)."""
    return _store.key(STREAMS, hashlib.sha256(data).hexdigest())


def _subset_key(face, gids: frozenset) -> str:
    """The store key of a subset: the face's identity and the sorted glyph ids."""
    source = face.source
    return _store.key(SUBSETS, face.key, _store.file_identity(source.file), source.index, face.outline,
                      face.postscript_name, tuple(sorted(gids)))
