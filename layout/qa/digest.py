"""QA hash skip: a digest per page of its content, resources and boxes, so identical pages are not compared."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf

from ..errors import LayoutError
from ..i18n import _

PAGE_KEYS = ("/Contents", "/Resources", "/MediaBox", "/CropBox", "/TrimBox", "/BleedBox", "/Rotate")
INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")  # ISO 32000-1 §7.7.3.4
SKIPPED_KEYS = frozenset({"/Parent", "/Length"})  # back-references and encoding details
ENCODING_KEYS = frozenset({"/Filter", "/DecodeParms"})  # ignored when the stream decodes


def _digest(obj, memo: dict, visiting: set) -> bytes:
    """A digest of a PDF object by content: object numbers, stream encodings and /Length ignored."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        key = obj.objgen
        if key in memo:
            return memo[key]
        if key in visiting:
            return b"cycle"
        visiting.add(key)
        memo[key] = _digest_direct(obj, memo, visiting)
        visiting.discard(key)
        return memo[key]
    return _digest_direct(obj, memo, visiting)


def _digest_direct(obj, memo: dict, visiting: set) -> bytes:
    """_digest for the object itself (dictionary, array, stream or scalar)."""
    h = hashlib.sha256()
    if isinstance(obj, pikepdf.Stream):
        try:
            data, skip = obj.read_bytes(), SKIPPED_KEYS | ENCODING_KEYS
        except pikepdf.PdfError:
            data, skip = obj.read_raw_bytes(), SKIPPED_KEYS
        h.update(b"S" + hashlib.sha256(data).digest())
        h.update(_digest_dict(obj.stream_dict, memo, visiting, skip))
    elif isinstance(obj, pikepdf.Dictionary):
        h.update(_digest_dict(obj, memo, visiting, SKIPPED_KEYS))
    elif isinstance(obj, pikepdf.Array):
        h.update(b"A")
        for item in obj:
            h.update(_digest(item, memo, visiting))
    else:
        h.update(b"V" + (obj.unparse() if isinstance(obj, pikepdf.Object) else repr(obj).encode()))
    return h.digest()


def _digest_dict(obj, memo: dict, visiting: set, skip: frozenset) -> bytes:
    """Digest of a dictionary's entries in sorted key order."""
    h = hashlib.sha256(b"D")
    for key in sorted(obj.keys()):
        if key not in skip:
            h.update(key.encode() + b"=" + _digest(obj.get(key), memo, visiting))
    return h.digest()


def _page_entry(page: pikepdf.Dictionary, key: str):
    """A page attribute, looked up through the page tree when it is inheritable."""
    node, depth = page, 0
    while node is not None and depth < 64:
        if key in node:
            return node.get(key)
        if key not in INHERITED:
            return None
        node, depth = node.get("/Parent"), depth + 1
    return None


def _page_digest(page: pikepdf.Page, memo: dict) -> str:
    """The hex digest of one page's entries in PAGE_KEYS (inherited ones looked up in the page tree)."""
    h = hashlib.sha256()
    for key in PAGE_KEYS:
        value = _page_entry(page.obj, key)
        h.update(key.encode() + b"=" + (b"-" if value is None else _digest(value, memo, set())))
    return h.hexdigest()


def _encrypted(pdf: Path) -> LayoutError:
    """The error for an encrypted input (with or without a user password)."""
    return LayoutError(_("the PDF is encrypted"), str(pdf),
                       _("layout diff compares unencrypted PDFs: compare the builds themselves (layout never "
                         "encrypts)"))


def page_digests(pdf: Path) -> tuple[str, ...]:
    """One hex digest per page of its content stream, resources and boxes (shared objects hashed once)."""
    try:
        with pikepdf.open(pdf) as document:
            if document.is_encrypted:
                raise _encrypted(pdf)
            memo: dict = {}
            return tuple(_page_digest(page, memo) for page in document.pages)
    except pikepdf.PasswordError:
        raise _encrypted(pdf) from None
    except pikepdf.PdfError as err:
        raise LayoutError(_("cannot read the PDF: {err}").format(err=err), str(pdf),
                          _("is it a complete PDF file?")) from None


def _look_digest(page: pikepdf.Page, memo: dict) -> str:
    """The hex digest of what one page shows: its content, boxes and resources, each font by its resource
    name and base font without the subset tag (the issue's one subset per face grows with another page's
    text, yet this page's codes, glyph ids, draw the same glyphs)."""
    h = hashlib.sha256()
    for key in PAGE_KEYS:
        value = _page_entry(page.obj, key)
        if key == "/Resources" and value is not None:
            h.update(key.encode() + b"=" + _resources_look(value, memo))
        else:
            h.update(key.encode() + b"=" + (b"-" if value is None else _digest(value, memo, set())))
    return h.hexdigest()


def _resources_look(resources, memo: dict) -> bytes:
    """_look_digest of a resource dictionary: fonts by name, everything else (images, forms, colour) by content."""
    h = hashlib.sha256(b"R")
    for key in sorted(resources.keys()):
        if key == "/Font":
            fonts = resources.get(key)
            for name in sorted(fonts.keys()):
                base = str(fonts.get(name).get("/BaseFont", ""))
                h.update(f"{name}={base.split('+', 1)[-1]};".encode())
        else:
            h.update(key.encode() + b"=" + _digest(resources.get(key), memo, set()))
    return h.digest()


def page_looks(pdf: Path) -> tuple[str, ...]:
    """One hex digest per page of what it shows (`layout watch --proof` renders again only the pages whose
    digest changed; a replaced font file is not seen here: the watch then renders every page)."""
    try:
        with pikepdf.open(pdf) as document:
            memo: dict = {}
            return tuple(_look_digest(page, memo) for page in document.pages)
    except pikepdf.PdfError as err:
        raise LayoutError(_("cannot read the PDF: {err}").format(err=err), str(pdf),
                          _("is it a complete PDF file?")) from None
