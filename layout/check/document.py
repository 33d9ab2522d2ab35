"""Preflight document checks: the file's and each page's dictionaries, not their content streams.

PDF/X version keys (Info and XMP), Trapped and Info keys, the OutputIntent, encryption, JavaScript and LZW
for the file; TrimBox/BleedBox/MediaBox nesting, annotations and page actions for each page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pikepdf

from .report import Tally
from .rules import INFO_KEYS, MAX_PDF_VERSION, PDFX_VERSIONS, STANDARD_LABELS, CheckOptions
from .values import Rect, name_of, rect_of

# ---------------------------------------------------------------------------------------------------
# Document-level checks


def info_value(pdf: pikepdf.Pdf, key: str) -> str:
    """An Info dictionary entry as text ('' if absent); names lose their slash."""
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary) or key not in info:
        return ""
    value = info[key]
    return name_of(value) if isinstance(value, pikepdf.Name) else str(value)


_XMP_VERSION = re.compile(rb"GTS_PDFXVersion\s*(?:=\s*[\"']([^\"']*)[\"']|(?:\s[^>]*)?>([^<]*)<)")


def _xmp_version(pdf: pikepdf.Pdf) -> str | None:
    """pdfxid:GTS_PDFXVersion from the XMP metadata (element or attribute form), or None."""
    meta = pdf.Root.get("/Metadata")
    if not isinstance(meta, pikepdf.Stream):
        return None
    try:
        match = _XMP_VERSION.search(meta.read_bytes())
    except pikepdf.PdfError:
        return None
    if match is None:
        return None
    return (match.group(1) or match.group(2) or b"").decode("utf-8", "replace").strip()


def standard_of(declared: str, options: CheckOptions) -> tuple[str, str]:
    """The standard to check against and where it came from: the option, the file, or the default."""
    if options.standard:
        return options.standard, "option"
    if declared.startswith("PDF/X-4"):
        return "x-4", "file"
    if declared.startswith("PDF/X-1"):
        return "x-1a", "file"
    return "x-1a", "default"


def _check_version(pdf: pikepdf.Pdf, standard: str, tally: Tally) -> None:
    """GTS_PDFXVersion in Info and XMP, agreeing with each other and with the standard; PDF version."""
    declared = info_value(pdf, "/GTS_PDFXVersion")
    allowed = PDFX_VERSIONS[standard]
    if not declared:
        tally.add("no-pdfx-version")
    elif not declared.startswith(allowed):
        tally.add("wrong-pdfx-version", f"file declares {declared}, checked as {' / '.join(allowed)}")
    elif declared == "PDF/X-1:2001" and not info_value(pdf, "/GTS_PDFXConformance"):
        tally.add("no-pdfx-conformance")
    xmp = _xmp_version(pdf)
    if xmp is None:
        tally.add("no-xmp-pdfx-version")
    elif declared and xmp != declared:
        tally.add("xmp-version-mismatch", f"XMP says {xmp}, Info says {declared}")
    limit = MAX_PDF_VERSION[standard]
    if tuple(map(int, pdf.pdf_version.split("."))) > tuple(map(int, limit.split("."))):
        tally.add("pdf-version-too-new",
                  f"PDF {pdf.pdf_version} is newer than {STANDARD_LABELS[standard]} allows ({limit})")
    _check_info(pdf, tally)


def _check_info(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Trapped is /True or /False; Title, CreationDate and ModDate are present."""
    trapped = info_value(pdf, "/Trapped")
    if trapped not in ("True", "False"):
        tally.add("bad-trapped", trapped or "missing")
    for key in INFO_KEYS:
        if not info_value(pdf, "/" + key):
            tally.add("missing-info-key", key)


def _check_output_intent(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """A /GTS_PDFX OutputIntent with an OutputConditionIdentifier and a CMYK profile (or registry name)."""
    intents = pdf.Root.get("/OutputIntents")
    candidates = [oi for oi in (intents if isinstance(intents, pikepdf.Array) else [])
                  if isinstance(oi, pikepdf.Dictionary) and oi.get("/S") == pikepdf.Name.GTS_PDFX]
    if not candidates:
        tally.add("no-output-intent")
        return
    intent = candidates[0]
    condition = str(intent.get("/OutputConditionIdentifier", "")).strip()
    if not condition:
        tally.add("no-output-condition")
    profile = intent.get("/DestOutputProfile")
    if isinstance(profile, pikepdf.Stream):
        components = int(profile.get("/N", 0))
        if components != 4:
            tally.add("output-profile-not-cmyk", str(components))
    elif "/RegistryName" not in intent:
        tally.add("no-output-profile", condition)


def _is_js_action(action: Any, depth: int = 0) -> bool:
    """True if an action (or one chained by /Next) is JavaScript."""
    if not isinstance(action, pikepdf.Dictionary) or depth > 16:
        return False
    if action.get("/S") == pikepdf.Name.JavaScript or "/JS" in action:
        return True
    chained = action.get("/Next")
    if isinstance(chained, pikepdf.Array):
        return any(_is_js_action(a, depth + 1) for a in chained)
    return _is_js_action(chained, depth + 1)


def _has_js_trigger(aa: Any) -> bool:
    """True if an additional-actions (/AA) dictionary runs JavaScript on any trigger."""
    return isinstance(aa, pikepdf.Dictionary) and any(_is_js_action(aa[k]) for k in aa.keys())


def _check_document_js(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Document JavaScript: /Names /JavaScript, a JavaScript /OpenAction, catalog /AA."""
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        tally.add("javascript", "the document name tree (/Names /JavaScript)")
    if _is_js_action(pdf.Root.get("/OpenAction")):
        tally.add("javascript", "the document OpenAction")
    if _has_js_trigger(pdf.Root.get("/AA")):
        tally.add("javascript", "the document additional actions (/AA)")


def _lzw_streams(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Count streams with an LZWDecode filter anywhere in the file."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        filters = obj.get("/Filter")
        names = [filters] if isinstance(filters, pikepdf.Name) else list(filters or [])
        if any(str(n) in ("/LZWDecode", "/LZW") for n in names):
            tally.add("lzw", "")


def document_tally(pdf: pikepdf.Pdf, standard: str) -> Tally:
    """The findings about the file as a whole."""
    tally = Tally()
    _check_version(pdf, standard, tally)
    _check_output_intent(pdf, tally)
    if pdf.is_encrypted:
        tally.add("encrypted", f"encryption revision {pdf.encryption.R}, opened without a password")
    _check_document_js(pdf, tally)
    _lzw_streams(pdf, tally)
    return tally


# ---------------------------------------------------------------------------------------------------
# Page-level checks


def inherited(page: pikepdf.Dictionary, key: str) -> Any:
    """A page attribute, looked up through the /Parent chain (Resources, MediaBox, CropBox)."""
    node, depth = page, 0
    while isinstance(node, pikepdf.Dictionary) and depth < 64:
        if key in node:
            return node[key]
        node, depth = node.get("/Parent"), depth + 1
    return None


@dataclass(frozen=True)
class PageBoxes:
    """A page's trim (TrimBox, else ArtBox, else the crop area) and printed area (BleedBox, else trim)."""

    trim: Rect
    printed: Rect


def check_boxes(page: pikepdf.Dictionary, tally: Tally) -> PageBoxes:
    """TrimBox or ArtBox present; BleedBox ⊇ TrimBox ⊆ MediaBox."""
    media = rect_of(inherited(page, "/MediaBox")) or Rect(0, 0, 612, 792)
    crop = rect_of(inherited(page, "/CropBox")) or media
    trim_box, art, bleed = (rect_of(page.get(key)) for key in ("/TrimBox", "/ArtBox", "/BleedBox"))
    trim = trim_box or art
    if trim is None:
        tally.add("no-trim-box")
    elif trim_box is not None and art is not None:
        tally.add("trim-and-art-box")
    if trim is not None and not media.contains(trim):
        tally.add("box-not-nested", f"TrimBox {trim} is not inside the MediaBox {media}")
    if trim is not None and bleed is not None and not bleed.contains(trim):
        tally.add("box-not-nested", f"BleedBox {bleed} does not contain the TrimBox {trim}")
    return PageBoxes(trim or crop, bleed or trim or crop)


def check_annotations(page: pikepdf.Dictionary, trim: Rect, tally: Tally) -> None:
    """Annotations (except printer's marks) inside the trim; JavaScript in annotation and page actions."""
    if _has_js_trigger(page.get("/AA")):
        tally.add("javascript", "the page additional actions (/AA)")
    annots = page.get("/Annots")
    for annot in annots if isinstance(annots, pikepdf.Array) else []:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        subtype = name_of(annot.get("/Subtype"))
        if _is_js_action(annot.get("/A")) or _has_js_trigger(annot.get("/AA")):
            tally.add("javascript", f"a {subtype} annotation action")
        rect = rect_of(annot.get("/Rect"))
        if subtype != "PrinterMark" and rect is not None and trim.overlaps(rect):
            tally.add("annotation-in-trim", subtype)
