"""Memo: page reports of the build's own preflight, kept in the build's store, keyed by the page's content.

A page's report depends on the page dictionary, everything it reaches (content streams, colour spaces,
ExtGStates, images, forms — raw stream bytes included; of a font, what the checker reads of it: subtype,
name and whether its program is embedded, so a new subset of a face elsewhere in the issue does not
make every page new), what it inherits from its Pages nodes,
its number, the standard, whether the file has an output profile, the options and the checker's own code
(the store's engine version). `digest` hashes all of that, so a page painted again with the same bytes is
not interpreted again, and any change to it is another key. `layout check` on a file never uses the memo.
"""

from __future__ import annotations

import hashlib
import pickle

import pikepdf

from .. import i18n
from .. import store as _store
from .report import PageReport
from .resources import _font_info

KIND = "preflight"


def digest(page: pikepdf.Dictionary) -> str:
    """SHA-256 over the page, what it reaches and what it inherits (Pages nodes without their /Kids)."""
    sha = hashlib.sha256()
    seen: set[tuple[int, int]] = set()
    _feed(sha, page, seen, skip=("/Parent",))
    parent = page.get("/Parent")
    while isinstance(parent, pikepdf.Dictionary):
        sha.update(b"parent")
        _feed(sha, parent, seen, skip=("/Parent", "/Kids"))
        parent = parent.get("/Parent")
    return sha.hexdigest()


def _feed(sha, obj, seen: set, skip: tuple[str, ...] = ()) -> None:
    """Hash one object: an indirect object once (then by its number), a stream's dictionary and raw bytes."""
    if not isinstance(obj, pikepdf.Object):  # pikepdf gives numbers and booleans as Python values
        sha.update(repr((type(obj).__name__, obj)).encode() + b"\0")
        return
    if obj.is_indirect:
        ref = obj.objgen
        sha.update(f"@{ref[0]} {ref[1]}".encode())
        if ref in seen:
            return
        seen.add(ref)
    if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
        sha.update(repr(("font", str(obj.get("/Subtype")), _font_info(obj))).encode())  # all the checker reads
    elif isinstance(obj, pikepdf.Stream):
        sha.update(b"stream")
        _feed_dict(sha, obj.stream_dict, seen, ())
        sha.update(obj.read_raw_bytes())
    elif isinstance(obj, pikepdf.Dictionary):
        _feed_dict(sha, obj, seen, skip)
    elif isinstance(obj, pikepdf.Array):
        sha.update(b"[")
        for item in obj:
            _feed(sha, item, seen)
        sha.update(b"]")
    else:
        sha.update(obj.unparse() + b"\0")


def _feed_dict(sha, obj: pikepdf.Dictionary, seen: set, skip: tuple[str, ...]) -> None:
    """Hash a dictionary's keys in order and their values."""
    sha.update(b"<<")
    for name in sorted(obj.keys()):
        if name not in skip:
            sha.update(name.encode() + b"\0")
            _feed(sha, obj[name], seen)
    sha.update(b">>")


def key(page_digest: str, number: int, doc) -> str:
    """The store key of a page's report: its content, number, the file-level facts, the options and the
    language of its messages."""
    return _store.key(KIND, page_digest, number, doc.standard, doc.output_profile, doc.parts, doc.options,
                      i18n.active())


def load(store: _store.Store, entry: str) -> tuple[PageReport, int] | None:
    """The stored (report, decoded bytes its scan consumed), None when absent or unreadable."""
    found = _store.unpickled(store.load(KIND, entry))
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], PageReport):
        return found
    return None


def save(store: _store.Store, entry: str, report: PageReport, consumed: int) -> None:
    """Keep a page's report and what its scan consumed of the file's budget."""
    store.save(KIND, entry, pickle.dumps((report, consumed), protocol=pickle.HIGHEST_PROTOCOL))
