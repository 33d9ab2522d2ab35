"""Paint backend: every use of reportlab's private API (canvas._code, _doc, _pdfVersion, _ID, …) in one place.

reportlab has no public way to write raw operators, set the header version or the trailer /ID, or
replace a registered font; the paint modules call these small functions instead, and
tests/unit/output/test_backend.py pins each private attribute on the pinned reportlab (4.4.4), so an
upgrade that removes one fails there, loudly, and not somewhere in a PDF.
"""

from __future__ import annotations

from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfdoc import NoEncryption, PDFCatalog, PDFDocument
from reportlab.pdfgen.canvas import Canvas


def use_binary_streams() -> None:
    """Write Flate streams without the ASCII85 wrapper (it only adds 25 % size and pure-Python time)."""
    rl_config.useA85 = 0


def document(canvas: Canvas) -> PDFDocument:
    """The PDFDocument a canvas writes into."""
    return canvas._doc


def append_operators(canvas: Canvas, text: str) -> None:
    """Append raw content-stream operators to the current page."""
    canvas._code.append(text)


def has_pending_operators(canvas: Canvas) -> bool:
    """Whether the current page has operators not yet closed by showPage()."""
    return bool(canvas._code)


def page_number(canvas: Canvas) -> int:
    """The 1-based number of the page being drawn."""
    return canvas._pageNumber


def set_pdf_version(canvas: Canvas, version: tuple[int, int]) -> None:
    """The version written in the file header (%PDF-1.3 for (1, 3))."""
    canvas._doc._pdfVersion = version


def set_document_id(canvas: Canvas, document_id: bytes, instance_id: bytes) -> None:
    """The trailer /ID [<document> <instance>] (reportlab would write an MD5 of its own)."""
    canvas._doc._ID = b"[<" + document_id.hex().encode() + b"><" + instance_id.hex().encode() + b">]"


def install_catalog(canvas: Canvas, catalog: PDFCatalog) -> PDFCatalog:
    """Replace the document's Catalog by `catalog`, which takes over the old one's entries."""
    doc = canvas._doc
    catalog.__dict__.update(doc.Catalog.__dict__)
    doc.Catalog = doc._catalog = catalog
    return catalog


def set_info(canvas: Canvas, info) -> None:
    """The object written as the document's Info dictionary."""
    canvas._doc.info = info


def written_pages(canvas: Canvas) -> list:
    """The PDFPage objects of the pages finished so far (showPage), in order."""
    return canvas._doc.Pages.pages


def font_names(doc: PDFDocument) -> list[str]:
    """The names of the fonts the document uses, sorted."""
    return sorted(doc.fontMapping)


def is_encrypted(canvas: Canvas) -> bool:
    """Whether the document will be written encrypted."""
    return not isinstance(canvas._doc.encrypt, NoEncryption)


def document_objects(doc: PDFDocument) -> dict:
    """The document's named objects (images, fonts, …) by name."""
    return doc.idToObject


def uses_font(doc: PDFDocument, font_name: str) -> bool:
    """Whether `font_name` already has a resource name in the document."""
    return font_name in doc.fontMapping


def add_font_resource(doc: PDFDocument, font) -> str:
    """Give a dynamic font the next resource name (F1, F2, …) and have its addObjects() called at save."""
    internal_name = f"F{len(doc.fontMapping) + 1}"
    doc.fontMapping[font.fontName] = "/" + internal_name
    doc.delayedFonts.append(font)
    return internal_name


def add_to_font_resources(doc: PDFDocument, internal_name: str, reference) -> None:
    """Put a written font object into the document's shared font resource dictionary."""
    doc.idToObject["BasicFonts"].dict[internal_name] = reference


def register_font(font) -> None:
    """Register `font` with reportlab under its fontName, replacing any font registered under it before."""
    pdfmetrics._fonts.pop(font.fontName, None)
    pdfmetrics._dynFaceNames.pop(font.fontName, None)
    pdfmetrics.registerFont(font)


def add_image_xobject(canvas: Canvas, key: str, stream) -> str:
    """Register an image XObject stream under `key` (once per document) and list it in the current page's
    /XObject resources (reportlab's drawImage would re-encode the samples); returns its resource name."""
    doc = canvas._doc
    name = doc.getXObjectName(key)
    if name not in doc.idToObject:
        doc.Reference(stream, name)
    if key not in canvas._formsinuse:
        canvas._formsinuse.append(key)
    return name


def number(value: float, places: int = 3) -> str:
    """A number as PDF operator text: `places` decimals at most, no exponent, no trailing zeros, never -0
    (deterministic)."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@contextmanager
def kept_compression(kept):
    """While painting: reportlab's Flate filter (PDFZCompress, every stream it compresses) looks each stream's
    bytes up in `kept` (output.memo.Kept) first, so an unchanged page's content is not compressed again."""
    flate = pdfdoc.PDFZCompress
    plain = flate.encode

    def encode(text):
        data = text.encode("utf8") if isinstance(text, str) else text
        found = kept.get(data)
        return found if found is not None else kept.put(data, plain(data))
    flate.encode = encode  # an instance attribute over the class's method
    try:
        yield
    finally:
        del flate.encode
