"""The paint backend (layout/output/paint/backend.py) pins reportlab's private API, and is its only user."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pikepdf
import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFCatalog, PDFDocument
from reportlab.pdfgen.canvas import Canvas

import layout
from layout.output.paint import backend
from layout.output.paint.cidfont import CIDFont, register

PRIVATE_ATTRIBUTES = ("_code", "_doc", "_pdfVersion", "_ID", "_catalog", "_pageNumber")
PRIVATE_MODULE_USES = (("pdfmetrics", "_fonts"), ("pdfmetrics", "_dynFaceNames"))
BACKEND = Path(backend.__file__).resolve()


def _canvas(out: io.BytesIO | None = None) -> Canvas:
    return Canvas(out if out is not None else io.BytesIO(), pagesize=(200, 100), invariant=1)


def test_reportlab_is_the_pinned_version():
    assert reportlab.Version == "4.4.4"


def test_the_private_attributes_exist_with_their_types():
    canvas = _canvas()
    doc = canvas._doc
    assert isinstance(doc, PDFDocument) and backend.document(canvas) is doc
    assert isinstance(canvas._code, list) and isinstance(canvas._pageNumber, int)
    assert isinstance(doc._pdfVersion, tuple) and doc._ID is None
    assert isinstance(doc._catalog, PDFCatalog) and doc._catalog is doc.Catalog
    assert isinstance(doc.fontMapping, dict) and isinstance(doc.delayedFonts, list)
    assert isinstance(doc.idToObject, dict) and isinstance(doc.Pages.pages, list)
    assert isinstance(pdfmetrics._fonts, dict) and isinstance(pdfmetrics._dynFaceNames, dict)
    assert isinstance(rl_config.useA85, int)


def test_the_backend_functions_reach_the_written_file():
    out = io.BytesIO()
    canvas = _canvas(out)
    backend.set_pdf_version(canvas, (1, 3))
    backend.install_catalog(canvas, PDFCatalog())
    backend.append_operators(canvas, "0 0 m 10 10 l S")
    assert backend.has_pending_operators(canvas) and backend.page_number(canvas) == 1
    canvas.showPage()
    assert not backend.has_pending_operators(canvas) and len(backend.written_pages(canvas)) == 1
    assert not backend.is_encrypted(canvas) and "BasicFonts" in backend.document_objects(backend.document(canvas))
    info = backend.document(canvas).info
    backend.set_info(canvas, info)
    assert backend.document(canvas).info is info
    backend.set_document_id(canvas, b"\x01" * 16, b"\x02" * 16)
    canvas.save()
    data = out.getvalue()
    assert data.startswith(b"%PDF-1.3")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert [bytes(v) for v in pdf.trailer.ID] == [b"\x01" * 16, b"\x02" * 16]
        assert b"10 10 l" in pdf.pages[0].Contents.read_bytes()


def test_register_font_replaces_a_font_of_the_same_name(tiny_face):
    first, second = CIDFont(tiny_face), CIDFont(tiny_face)
    backend.register_font(first)
    backend.register_font(second)
    assert pdfmetrics.getFont(first.fontName) is second
    backend.register_font(register(tiny_face))  # leave the process-wide registration as cidfont keeps it


def _private_uses(tree: ast.AST) -> list[str]:
    """`x._code`-style attribute uses, `pdfmetrics._fonts` and any rl_config name in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr in PRIVATE_ATTRIBUTES:
                found.append(f"line {node.lineno}: .{node.attr}")
            if isinstance(node.value, ast.Name) and (node.value.id, node.attr) in PRIVATE_MODULE_USES:
                found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
        if isinstance(node, ast.Name) and node.id == "rl_config":
            found.append(f"line {node.lineno}: rl_config")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if any(n.endswith("rl_config") for n in names):
                found.append(f"line {node.lineno}: imports rl_config")
    return found


def test_no_module_but_the_backend_touches_reportlab_private_api():
    root = Path(layout.__file__).resolve().parent
    offenders = {}
    for path in sorted(root.rglob("*.py")):
        if path.resolve() == BACKEND:
            continue
        uses = _private_uses(ast.parse(path.read_text(encoding="utf-8")))
        if uses:
            offenders[str(path.relative_to(root))] = uses
    assert offenders == {}
    assert _private_uses(ast.parse(BACKEND.read_text(encoding="utf-8")))  # the check does see them
