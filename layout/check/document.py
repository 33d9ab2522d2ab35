"""Preflight document checks: the file's and each page's dictionaries, not their content streams.

PDF/X version keys (Info and XMP, each in its own namespace), the PDF version, trailer ID, Trapped and Info
keys, the OutputIntent and its profile, encryption, JavaScript and LZW for the file; TrimBox/ArtBox/BleedBox/
MediaBox, annotations against the BleedBox and TrimBox, and page actions for each page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

import pikepdf

from ..i18n import _
from .report import Tally
from .rules import (ICC_PRINTER_CLASS, INFO_KEYS, MAX_PDF_VERSION, PDFX_VERSIONS, PRINT_ANNOTATIONS,
                    STANDARD_LABELS, VERSION_PDF_LIMITS, XMP_PREFIX, XMP_VERSION_NS, CheckOptions)
from .streams import Budget, head_bytes, label_of, stream_fits
from .values import BOX_TOLERANCE, Rect, name_of, rect_of

# ---------------------------------------------------------------------------------------------------
# Document-level checks


def info_value(pdf: pikepdf.Pdf, key: str) -> str:
    """An Info dictionary entry as text ('' if absent); names lose their slash."""
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary) or key not in info:
        return ""
    value = info[key]
    return name_of(value) if isinstance(value, pikepdf.Name) else str(value)


def _xmp_root(pdf: pikepdf.Pdf, budget: Budget, tally: Tally) -> ElementTree.Element | None:
    """The parsed XMP metadata packet, or None (absent, too big, or not well-formed XML)."""
    meta = pdf.Root.get("/Metadata")
    if not isinstance(meta, pikepdf.Stream):
        return None
    too_big = stream_fits(meta, budget)
    if too_big is not None:
        tally.add("stream-too-large", _("XMP metadata ({stream}) decodes to {size:,} bytes or more").format(
            stream=label_of(meta), size=too_big))
        return None
    try:
        return ElementTree.fromstring(meta.read_bytes())
    except (pikepdf.PdfError, ElementTree.ParseError, ValueError):
        return None


def xmp_version(root: ElementTree.Element | None, namespace: str) -> str | None:
    """GTS_PDFXVersion in exactly `namespace` (element or attribute form) from parsed XMP, or None."""
    if root is None:
        return None
    tag = f"{{{namespace}}}GTS_PDFXVersion"
    for element in root.iter():
        if element.tag == tag:
            return (element.text or "").strip()
        if tag in element.attrib:
            return element.attrib[tag].strip()
    return None


def standard_of(declared: str, options: CheckOptions) -> tuple[str, str]:
    """The standard to check against and where it came from: the option, the file, or the default."""
    if options.standard:
        return options.standard, "option"
    if declared.startswith("PDF/X-4"):
        return "x-4", "file"
    if declared.startswith("PDF/X-1"):
        return "x-1a", "file"
    if declared.startswith("PDF/X-3"):
        return "x-3", "file"
    return "x-1a", "default"


def _pdf_limit(declared: str, standard: str) -> str:
    """The newest PDF version allowed: by the declared PDF/X version if it is the standard's, else the standard's."""
    if declared.startswith(PDFX_VERSIONS[standard]):
        for version, limit in VERSION_PDF_LIMITS.items():
            if declared.startswith(version):
                return limit
    return MAX_PDF_VERSION[standard]


def _version_tuple(text: str) -> tuple[int, ...]:
    """'1.4' as (1, 4) (unreadable parts count as 0)."""
    return tuple(int(part) if part.isdigit() else 0 for part in text.split("."))


def _check_version(pdf: pikepdf.Pdf, standard: str, tally: Tally, budget: Budget) -> None:
    """GTS_PDFXVersion in Info and XMP, agreeing with each other and with the standard; PDF version; ID."""
    declared = info_value(pdf, "/GTS_PDFXVersion")
    allowed = PDFX_VERSIONS[standard]
    if not declared:
        tally.add("no-pdfx-version")
    elif not declared.startswith(allowed):
        tally.add("wrong-pdfx-version", _("file declares {declared}, checked as {allowed}").format(
            declared=declared, allowed=" / ".join(allowed)))
    elif declared == "PDF/X-1:2001" and not info_value(pdf, "/GTS_PDFXConformance"):
        tally.add("no-pdfx-conformance")
    namespace = XMP_VERSION_NS[standard]
    xmp = xmp_version(_xmp_root(pdf, budget, tally), namespace)
    if xmp is None:
        tally.add("no-xmp-pdfx-version", XMP_PREFIX[namespace])
    elif declared and xmp != declared:
        tally.add("xmp-version-mismatch", _("XMP says {xmp}, Info says {declared} ({prefix}:GTS_PDFXVersion)").format(
            xmp=xmp, declared=declared, prefix=XMP_PREFIX[namespace]))
    limit = _pdf_limit(declared, standard)
    if _version_tuple(pdf.pdf_version) > _version_tuple(limit):
        label = declared if declared.startswith(allowed) else STANDARD_LABELS[standard]
        tally.add("pdf-version-too-new", _("PDF {version} is newer than {label} allows ({limit})").format(
            version=pdf.pdf_version, label=label, limit=limit))
    trailer_id = pdf.trailer.get("/ID")
    if not isinstance(trailer_id, pikepdf.Array) or len(trailer_id) != 2:
        tally.add("no-trailer-id")
    _check_info(pdf, tally)


def _check_info(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Trapped is /True or /False; Title, CreationDate and ModDate are present."""
    trapped = info_value(pdf, "/Trapped")
    if trapped not in ("True", "False"):
        tally.add("bad-trapped", trapped or _("missing"))
    for key in INFO_KEYS:
        if not info_value(pdf, "/" + key):
            tally.add("missing-info-key", key)


def gts_output_intent(pdf: pikepdf.Pdf) -> pikepdf.Dictionary | None:
    """The first OutputIntent with /S /GTS_PDFX, or None."""
    intents = pdf.Root.get("/OutputIntents")
    for intent in intents if isinstance(intents, pikepdf.Array) else []:
        if isinstance(intent, pikepdf.Dictionary) and intent.get("/S") == pikepdf.Name.GTS_PDFX:
            return intent
    return None


def has_output_profile(pdf: pikepdf.Pdf) -> bool:
    """True if the GTS_PDFX OutputIntent embeds a DestOutputProfile."""
    intent = gts_output_intent(pdf)
    return intent is not None and isinstance(intent.get("/DestOutputProfile"), pikepdf.Stream)


def _check_profile(profile: pikepdf.Stream, tally: Tally) -> None:
    """An embedded output profile: an output ('prtr') profile, CMYK (4 components) for X-1a."""
    header = head_bytes(profile, 20)
    space = header[16:20].decode("latin-1").strip() if len(header) >= 20 else ""
    components = int(profile.get("/N", 0)) if isinstance(profile.get("/N"), int) else 0
    if components != 4 or (space and space != "CMYK"):
        tally.add("output-profile-not-cmyk", f"'{space}'" if space else _("{count} components").format(count=components))
    if len(header) >= 16 and header[12:16] != ICC_PRINTER_CLASS:
        tally.add("output-profile-not-printer", header[12:16].decode("latin-1"))


def _check_output_intent(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """A /GTS_PDFX OutputIntent with an OutputConditionIdentifier and a CMYK printer profile (or registry)."""
    intent = gts_output_intent(pdf)
    if intent is None:
        tally.add("no-output-intent")
        return
    condition = str(intent.get("/OutputConditionIdentifier", "")).strip()
    if not condition:
        tally.add("no-output-condition")
    profile = intent.get("/DestOutputProfile")
    if isinstance(profile, pikepdf.Stream):
        _check_profile(profile, tally)
        return
    tally.add("no-embedded-profile", condition)
    if "/RegistryName" not in intent:
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
        tally.add("javascript", _("the document name tree (/Names /JavaScript)"))
    if _is_js_action(pdf.Root.get("/OpenAction")):
        tally.add("javascript", _("the document OpenAction"))
    if _has_js_trigger(pdf.Root.get("/AA")):
        tally.add("javascript", _("the document additional actions (/AA)"))


def _lzw_streams(pdf: pikepdf.Pdf, tally: Tally) -> None:
    """Count streams with an LZWDecode filter anywhere in the file."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        filters = obj.get("/Filter")
        names = [filters] if isinstance(filters, pikepdf.Name) else list(filters or [])
        if any(str(n) in ("/LZWDecode", "/LZW") for n in names):
            tally.add("lzw", "")


def document_tally(pdf: pikepdf.Pdf, standard: str, budget: Budget | None = None) -> Tally:
    """The findings about the file as a whole."""
    tally = Tally()
    _check_version(pdf, standard, tally, budget or Budget())
    _check_output_intent(pdf, tally)
    if pdf.is_encrypted:
        tally.add("encrypted", _("encryption revision {revision}, opened without a password").format(
            revision=pdf.encryption.R))
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
    if trim is not None and not media.contains(trim, BOX_TOLERANCE):
        tally.add("box-not-nested", _("TrimBox {trim} is not inside the MediaBox {media}").format(trim=trim, media=media))
    if trim is not None and bleed is not None and not bleed.contains(trim, BOX_TOLERANCE):
        tally.add("box-not-nested", _("BleedBox {bleed} does not contain the TrimBox {trim}").format(bleed=bleed,
                                                                                             trim=trim))
    return PageBoxes(trim or crop, bleed or trim or crop)


def _annotation_finding(subtype: str, rect: Rect, boxes: PageBoxes) -> str | None:
    """The finding an annotation at `rect` makes: inside the BleedBox (TrapNet, PrinterMark excepted), or a
    PrinterMark inside the TrimBox."""
    if subtype not in PRINT_ANNOTATIONS and boxes.printed.overlaps(rect):
        return "annotation-in-bleed"
    if subtype == "PrinterMark" and boxes.trim.overlaps(rect):
        return "printer-mark-in-trim"
    return None


def check_annotations(page: pikepdf.Dictionary, boxes: PageBoxes | Rect, tally: Tally) -> None:
    """Annotations inside the BleedBox or PrinterMarks inside the TrimBox; JavaScript in actions."""
    if isinstance(boxes, Rect):  # callers that pass only the trim
        boxes = PageBoxes(boxes, boxes)
    if _has_js_trigger(page.get("/AA")):
        tally.add("javascript", _("the page additional actions (/AA)"))
    annots = page.get("/Annots")
    for annot in annots if isinstance(annots, pikepdf.Array) else []:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        subtype = name_of(annot.get("/Subtype"))
        if _is_js_action(annot.get("/A")) or _has_js_trigger(annot.get("/AA")):
            tally.add("javascript", _("a {subtype} annotation action").format(subtype=subtype))
        rect = rect_of(annot.get("/Rect"))
        kind = _annotation_finding(subtype, rect, boxes) if rect is not None else None
        if kind:
            tally.add(kind, subtype)
