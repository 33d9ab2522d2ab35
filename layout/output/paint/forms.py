"""Forms: a supplied PDF page (an ad, a logo) copied into our PDF as a form XObject — its content and every
object its resources reach, stream bytes untouched (filters kept), scaled to its box and clipped to it."""

from __future__ import annotations

import hashlib
import zlib

import pikepdf
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFObject,
    PDFStream,
)
from reportlab.pdfgen.canvas import Canvas

from ...placed import Form
from . import backend


class _Raw(PDFObject):
    """A direct PDF object (number, string, name, boolean, null) written as its source bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document) -> bytes:
        """The object's bytes as pikepdf unparses them."""
        return self.data


class _Copier:
    """Copies pikepdf objects into reportlab ones; an indirect object is written once (a cycle is cut)."""

    def __init__(self, doc: PDFDocument, prefix: str) -> None:
        self.doc, self.prefix, self.done = doc, prefix, {}

    def value(self, obj):
        """The reportlab object (or reference) for a pikepdf object."""
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)) and obj.is_indirect:
            key = obj.objgen
            if key not in self.done:
                name = f"{self.prefix}o{key[0]}g{key[1]}"
                self.done[key] = None
                self.done[key] = self.doc.Reference(self.direct(obj), name)
            return self.done[key] if self.done[key] is not None else _Raw(b"null")
        return self.direct(obj)

    def direct(self, obj):
        """A pikepdf object copied, its members through `value`."""
        if isinstance(obj, pikepdf.Stream):
            entries = {k[1:]: self.value(v) for k, v in sorted(obj.items()) if k != "/Length"}
            return PDFStream(PDFDictionary(entries), obj.read_raw_bytes())
        if isinstance(obj, pikepdf.Dictionary):
            return PDFDictionary({k[1:]: self.value(v) for k, v in sorted(obj.items())})
        if isinstance(obj, pikepdf.Array):
            return PDFArray([self.value(v) for v in obj])
        return _Raw(_scalar(obj))


def _scalar(obj) -> bytes:
    """A direct scalar's PDF syntax: pikepdf objects unparse themselves, Python values (bool, int,
    Decimal, None) as PDF writes them."""
    if isinstance(obj, pikepdf.Object):
        return obj.unparse()
    if isinstance(obj, bool):
        return b"true" if obj else b"false"
    if obj is None:
        return b"null"
    if isinstance(obj, int):
        return str(obj).encode()
    return _num(float(obj)).encode()


def _content(page: pikepdf.Page) -> bytes:
    """The page's content streams decoded and joined (a page may have several)."""
    contents = page.obj.get("/Contents")
    if contents is None:
        return b""
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    return b"\n".join(s.read_bytes() for s in streams)


def form_stream(pdf: pikepdf.Pdf, doc: PDFDocument, prefix: str, form: Form) -> PDFStream:
    """The form XObject of the file's page: BBox the imported box, its resources copied, content flated."""
    page = pdf.pages[0]
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    s = form.source
    entries = {"Type": PDFName("XObject"), "Subtype": PDFName("Form"), "FormType": 1,
               "BBox": PDFArray([_Raw(_num(v).encode()) for v in (s.x0, s.y0, s.x1, s.y1)]),
               "Resources": _Copier(doc, prefix).value(resources), "Filter": PDFName("FlateDecode")}
    return PDFStream(PDFDictionary(entries), zlib.compress(_content(page), 9))


def paint_form(canvas: Canvas, form: Form) -> None:
    """The supplied page drawn into its box: scaled uniformly, clipped to the imported box."""
    data = form.file.read_bytes()
    key = "Form" + hashlib.sha256(data).hexdigest()[:16]
    doc = backend.document(canvas)
    stream = None
    if doc.getXObjectName(key) not in backend.document_objects(doc):  # the first use of this file: copy it
        with pikepdf.open(form.file) as pdf:
            stream = form_stream(pdf, doc, key, form)
    name = backend.add_image_xobject(canvas, key, stream)
    s, b = form.source, form.box
    scale = b.width / s.width
    tx, ty = b.x0 - s.x0 * scale, b.y0 - s.y0 * scale
    backend.append_operators(canvas, f"q {_num(b.x0)} {_num(b.y0)} {_num(b.width)} {_num(b.height)} re W n "
                             f"{_num(scale)} 0 0 {_num(scale)} {_num(tx)} {_num(ty)} cm /{name} Do Q")


def _num(value: float) -> str:
    """A number of a placed form (BBox, matrix): 4 decimals at most (backend.number)."""
    return backend.number(value, 4)
