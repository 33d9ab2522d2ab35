"""Texts: what a built PDF says, read back with pdfium (the conserve tests' side of the multiset)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium


def pdf_text(path: Path) -> str:
    """Every page's text as pdfium extracts it (form XObjects, e.g. a placed ad, included)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
