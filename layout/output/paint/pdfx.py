"""Paint stage, PDF/X: make a reportlab canvas write PDF/X-1a (default) or PDF/X-4 (ISO 15930).

Use: `prepare_canvas` right after the Canvas is made, `set_page_boxes` on every page before
`showPage`, `draw_marks` (optional) while painting, `finish_document` right before `canvas.save()`.
reportlab knows nothing of PDF/X, so this module swaps in its own Catalog (for /OutputIntents),
Info dictionary, XMP stream and trailer /ID, and checks what PDF/X forbids before the file is written.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfbase.pdfdoc import (PDFArray, PDFCatalog, PDFDictionary, PDFName, PDFObject,
                                      PDFStream, PDFString, PDFZCompress)
from reportlab.pdfbase.pdfmetrics import standardFonts

from ... import __version__
from ...spec import PDFX, PdfxStandard
from ...errors import PrintError
from ...i18n import _
from ...geometry import Rect
from . import backend


Standard = PdfxStandard  # the one PDF/X table lives in spec/vocab.py (PDFX)
STANDARDS = {key: standard for key, standard in PDFX.items() if standard.writable}  # what the painter writes

XMP_NAMESPACES = (  # prefix, URI (XMP specification part 1 and 2; pdfxid: ISO 15930-7 Annex)
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("xmp", "http://ns.adobe.com/xap/1.0/"),
    ("xmpMM", "http://ns.adobe.com/xap/1.0/mm/"),
    ("pdf", "http://ns.adobe.com/pdf/1.3/"),
    ("pdfx", "http://ns.adobe.com/pdfx/1.3/"),  # custom Info keys (GTS_PDFXVersion, GTS_PDFXConformance)
    ("pdfxid", "http://www.npes.org/pdfx/ns/id/"),
)


@dataclass(frozen=True, kw_only=True)
class MarkSpec:
    """Printer's marks geometry in pt: all of it lies outside the BleedBox."""

    weight: float = 0.3  # PRINT.md: lines under 0.3 pt disappear on newsprint (plants ask 0.25–0.3)
    gap: float = 3.0  # between the BleedBox and where a mark starts
    min_offset: float = 6.0  # from the trim at least (0.0833 in, the usual crop mark offset)
    length: float = 18.0  # 0.25 in
    target: float = 5.0  # registration target radius
    slug_size: float = 6.0  # PRINT.md: solid one-colour text at least 6 pt


MARKS = MarkSpec()
MARKS_MARGIN = 36.0  # pt of MediaBox beyond the BleedBox that the marks need (they end ≤ 24 pt out)
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All", alpha=None)  # alpha None: no ExtGState, no 1.4
_RECORD = "_layout_pdfx_pages"  # canvas attribute: page number → PageBoxes


@dataclass(frozen=True, kw_only=True)
class PdfxSettings:
    """What the document declares: standard, title, author (the paper), date, output condition."""

    standard: str
    title: str
    author: str
    created: _dt.datetime  # fixed: the issue date 00:00 UTC or SOURCE_DATE_EPOCH, never "now"
    output_condition: str  # OutputConditionIdentifier, e.g. 'IFRA26'
    registry: str  # RegistryName, e.g. 'http://www.color.org'
    output_condition_info: str  # human text, e.g. 'ISO 12647-3 coldset newsprint (IFRA26)'
    icc_profile: Path | None = None  # embedded as DestOutputProfile (CMYK output profile)
    trapped: bool = False
    revision: int = 1  # a corrected page: VersionID, and ModDate = created + (revision − 1) minutes
    output_condition_text: str = ""  # /OutputCondition, the condition in words ('' = not written)

    @property
    def modified(self) -> _dt.datetime:
        """ModDate: the creation date for the first version, a minute later per revision (deterministic)."""
        return self.created + _dt.timedelta(minutes=self.revision - 1)


@dataclass(frozen=True)
class PageBoxes:
    """The boxes of one page as asked (pt, the page's user space)."""

    media: Rect
    trim: Rect
    bleed: Rect


@dataclass(frozen=True)
class DocumentIds:
    """Stable identifiers: the document (title, date, standard) and this rendition (the content)."""

    document: uuid.UUID
    instance: uuid.UUID


class _PdfxCatalog(PDFCatalog):
    """reportlab's Catalog plus /OutputIntents (its Catalog writes only the keys it lists)."""

    __NoDefault__ = PDFCatalog.__NoDefault__ + ["OutputIntents"]


class _FixedInfo(PDFObject):
    """The Info dictionary exactly as given (reportlab's PDFInfo writes its own keys and dates)."""

    def __init__(self, entries: PDFDictionary) -> None:
        self.entries = entries

    def digest(self, md5object) -> None:
        """reportlab feeds Info into its /ID digest; ours is set by finish_document instead."""

    def format(self, document) -> bytes:
        return self.entries.format(document)


def standard_of(settings: PdfxSettings) -> Standard:
    """The Standard named by the settings, or a PrintError naming the choices."""
    try:
        return STANDARDS[settings.standard]
    except KeyError:
        raise PrintError(_("unknown PDF/X standard {standard!r}").format(standard=settings.standard), "print.standard",
                         _("use one of: {choices}").format(choices=', '.join(STANDARDS))) from None


def read_icc_profile(path: Path) -> bytes:
    """The bytes of a CMYK output ICC profile, checked by its header (ICC.1 §7.2)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PrintError(_("cannot read ICC profile {path}: {reason}").format(path=path, reason=exc.strerror),
                         "print.icc_profile", _("give the path of the plant's CMYK output profile (.icc)")) from None
    if len(data) < 128 or data[36:40] != b"acsp":
        raise PrintError(_("{path} is not an ICC profile (no 'acsp' signature)").format(path=path), "print.icc_profile",
                         _("give the plant's CMYK output profile (.icc)"))
    if data[16:20] != b"CMYK" or data[12:16] != b"prtr":
        raise PrintError(_("{path} is a {kind} profile; the output intent needs an output (prtr) profile of CMYK "
                           "data").format(path=path, kind=f"{data[12:16].decode('latin-1')}/"
                                                         f"{data[16:20].decode('latin-1')}"),
                         "print.icc_profile", _("use the newsprint profile, e.g. ISOnewspaper26v4.icc"))
    return data


def check_settings(settings: PdfxSettings) -> Standard:
    """Validate the settings before anything is painted; returns the Standard."""
    standard = standard_of(settings)
    if settings.icc_profile is not None:
        read_icc_profile(settings.icc_profile)
    elif standard.icc_required:
        raise PrintError(_("{standard} needs the ICC profile of the output condition embedded").format(
            standard=standard.version), "print.icc_profile", _("set print.icc_profile to the plant's CMYK profile"))
    elif not settings.registry:
        raise PrintError(_("output condition {condition} names no registry, so its ICC profile must be "
                           "embedded").format(condition=repr(settings.output_condition)), "print.icc_profile",
                         _("set print.registry (http://www.color.org) or print.icc_profile"))
    if not settings.output_condition:
        raise PrintError(_("the output condition identifier is empty"), "print.output_condition",
                         _("use the plant's characterization, e.g. IFRA26"))
    return standard


def prepare_canvas(canvas, settings: PdfxSettings) -> None:
    """Right after Canvas creation: check settings, set the PDF version, take over Catalog and Info."""
    standard = check_settings(settings)
    backend.set_pdf_version(canvas, standard.pdf_version)
    backend.install_catalog(canvas, _PdfxCatalog())
    backend.set_info(canvas, _FixedInfo(PDFDictionary({})))
    setattr(canvas, _RECORD, {})


def _rounded(box: Rect) -> list[float]:
    """A box as a PDF rectangle, rounded to 1/10000 pt so the numbers stay short and stable."""
    return [round(v, 4) + 0.0 for v in (box.x0, box.y0, box.x1, box.y1)]


def set_page_boxes(canvas, media: Rect, trim: Rect, bleed: Rect) -> None:
    """Per page, before showPage: MediaBox ⊇ BleedBox ⊇ TrimBox, written as asked."""
    number = backend.page_number(canvas)
    if not (bleed.contains(trim) and media.contains(bleed)) or trim.width <= 0 or trim.height <= 0:
        raise PrintError(_("boxes do not nest: media {media}, bleed {bleed}, trim {trim}").format(
                             media=_rounded(media), bleed=_rounded(bleed), trim=_rounded(trim)), f"page {number}",
                         _("the MediaBox must hold the BleedBox, which must hold the TrimBox"))
    canvas.setPageSize((media.width, media.height))
    canvas.setTrimBox(_rounded(trim))
    canvas.setBleedBox(_rounded(bleed))
    getattr(canvas, _RECORD)[number] = PageBoxes(media, trim, bleed)


def set_overprint(canvas, on: bool) -> None:
    """Fill and stroke overprint on (with OPM 1: zero CMYK components leave the ink below) or off."""
    canvas.setFillOverprint(on)
    canvas.setStrokeOverprint(on)
    canvas.setOverprintMask(1 if on else 0)


def marks_media(trim: Rect, bleed: Rect) -> Rect:
    """The MediaBox a page with marks needs: the BleedBox grown by MARKS_MARGIN on every side."""
    return Rect(bleed.x0 - MARKS_MARGIN, bleed.y0 - MARKS_MARGIN, bleed.x1 + MARKS_MARGIN,
               bleed.y1 + MARKS_MARGIN)


@dataclass(frozen=True)
class MarkStarts:
    """How far from the trim each side's marks start (beyond the bleed by MARKS.gap, ≥ min_offset)."""

    left: float
    bottom: float
    right: float
    top: float


def mark_starts(trim: Rect, bleed: Rect) -> MarkStarts:
    """Where marks start on each side, measured outward from the trim edge."""
    def start(bleed_width: float) -> float:
        return max(bleed_width + MARKS.gap, MARKS.min_offset)
    return MarkStarts(start(trim.x0 - bleed.x0), start(trim.y0 - bleed.y0),
                      start(bleed.x1 - trim.x1), start(bleed.y1 - trim.y1))


def _crop_lines(trim: Rect, s: MarkStarts) -> list[tuple[float, float, float, float]]:
    """Eight crop mark segments: each trim edge extended outward beyond the bleed at all four corners."""
    n = MARKS.length
    lines = []
    for y in (trim.y0, trim.y1):  # horizontal marks left and right
        lines += [(trim.x0 - s.left - n, y, trim.x0 - s.left, y), (trim.x1 + s.right, y, trim.x1 + s.right + n, y)]
    for x in (trim.x0, trim.x1):  # vertical marks below and above
        lines += [(x, trim.y0 - s.bottom - n, x, trim.y0 - s.bottom), (x, trim.y1 + s.top, x, trim.y1 + s.top + n)]
    return lines


def _registration_targets(canvas, trim: Rect, s: MarkStarts) -> None:
    """Circle-and-cross targets in the middle of the top, left and right mark bands."""
    half = MARKS.length / 2
    mid_x, mid_y = (trim.x0 + trim.x1) / 2, (trim.y0 + trim.y1) / 2
    for cx, cy in ((mid_x, trim.y1 + s.top + half), (trim.x0 - s.left - half, mid_y),
                   (trim.x1 + s.right + half, mid_y)):
        canvas.circle(cx, cy, MARKS.target, stroke=1, fill=0)
        canvas.line(cx - half, cy, cx + half, cy)
        canvas.line(cx, cy - half, cx, cy + half)


def draw_marks(canvas, trim: Rect, bleed: Rect, slug: str, slug_font_name: str) -> None:
    """Crop and registration marks (Separation /All) and the slug line, all outside the BleedBox."""
    s = mark_starts(trim, bleed)
    canvas.saveState()
    canvas.setLineWidth(MARKS.weight)
    canvas.setLineCap(0)
    canvas.setDash()
    canvas.setStrokeColor(REGISTRATION)
    for segment in _crop_lines(trim, s):  # one path each: a path's extent then stays outside the bleed
        canvas.line(*segment)
    _registration_targets(canvas, trim, s)
    if slug and slug_font_name:
        canvas.setFillColorCMYK(0, 0, 0, 1)
        canvas.setFont(slug_font_name, MARKS.slug_size)
        canvas.drawString(trim.x0 + MARKS.min_offset, trim.y0 - s.bottom - MARKS.slug_size, slug)
    canvas.restoreState()


def _check_document(canvas, standard: Standard) -> None:
    """What PDF/X forbids and reportlab could have written: pending drawing, encryption, fonts, boxes."""
    if backend.has_pending_operators(canvas):
        raise ValueError("finish_document: the last page is not finished; call showPage() first")
    if backend.is_encrypted(canvas):
        raise PrintError(_("the PDF is encrypted"), "print", _("PDF/X forbids encryption: drop the password"))
    for name in backend.font_names(backend.document(canvas)):
        if name in standardFonts:
            raise PrintError(_("font {name} is used but not embedded").format(name=name), "paint",
                             _("every font must be embedded: make the canvas with initialFontName=<embedded font>"))
    records = getattr(canvas, _RECORD)
    for number, page in enumerate(backend.written_pages(canvas), start=1):
        if number not in records:
            raise PrintError(_("page has no TrimBox/BleedBox"), f"page {number}",
                             _("call pdfx.set_page_boxes() before showPage()"))
        _check_page(page, number, standard)


def _check_page(page, number: int, standard: Standard) -> None:
    """No annotations; without live transparency (X-1a): no alpha, blend modes or soft masks."""
    if page.Annots:
        raise PrintError(_("the page has annotations (links, notes)"), f"page {number}",
                         _("PDF/X pages carry no annotations"))
    if standard.transparency or page.ExtGState is None:
        return
    for state in page.ExtGState.dict.values():
        for key, value in state.dict.items():
            if (key in ("CA", "ca") and value < 1) or (key == "BM" and value not in ("/Normal", "/Compatible")) \
                    or key == "SMask":
                raise PrintError(_("transparency ({key} {value}) in {version}").format(
                                     key=key, value=value, version=standard.version), f"page {number}",
                                 _("PDF/X-1a has no transparency: use opaque CMYK, or print.standard: x-4"))


def _check_images(doc, standard: Standard) -> None:
    """Without live transparency (X-1a): no image with a soft mask (alpha channel)."""
    if standard.transparency:
        return
    objects = backend.document_objects(doc)
    for name in sorted(objects):
        obj = objects[name]
        if getattr(obj, "smask", None) is not None or getattr(obj, "_smask", None) is not None:
            raise PrintError(_("image {name} has an alpha channel (soft mask)").format(name=name), "paint",
                             _("flatten the image to opaque CMYK, or print.standard: x-4"))


def _apply_media_boxes(canvas) -> None:
    """Write each page's MediaBox as asked (reportlab writes [0 0 w h] from the page size)."""
    records = getattr(canvas, _RECORD)
    for number, page in enumerate(backend.written_pages(canvas), start=1):
        page.MediaBox = PDFArray(_rounded(records[number].media))


def document_ids(canvas, settings: PdfxSettings) -> DocumentIds:
    """Name-based UUIDs: the document from title, date and standard; the instance from the content too."""
    base = f"layout:{settings.title}|{_xmp_date(settings.created)}|{settings.standard}"
    digest = hashlib.sha256("|".join((base, settings.author, settings.output_condition, settings.registry,
                                      settings.output_condition_info, str(settings.trapped))).encode())
    if settings.revision > 1:  # a corrected set is another instance of the same document
        digest.update(f"revision {settings.revision}".encode())
    if settings.output_condition_text:
        digest.update(f"condition {settings.output_condition_text}".encode())
    if settings.icc_profile is not None:  # the profile's bytes, not its path: same input, same id anywhere
        digest.update(read_icc_profile(settings.icc_profile))
    records = getattr(canvas, _RECORD)
    for number, page in enumerate(backend.written_pages(canvas), start=1):
        boxes = records[number]
        digest.update(repr([_rounded(b) for b in (boxes.media, boxes.trim, boxes.bleed)]).encode())
        digest.update(str(page.stream).encode("utf-8", "surrogatepass"))
    for name in backend.font_names(backend.document(canvas)):
        digest.update(name.encode("utf-8"))
    return DocumentIds(uuid.uuid5(uuid.NAMESPACE_URL, base),
                       uuid.uuid5(uuid.NAMESPACE_URL, base + "|" + digest.hexdigest()))


def _utc_if_naive(moment: _dt.datetime) -> _dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=_dt.timezone.utc)


def _pdf_date(moment: _dt.datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+HH'mm' (PDF 1.3 §3.8.2); naive means UTC."""
    moment = _utc_if_naive(moment)
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _xmp_date(moment: _dt.datetime) -> str:
    """The same instant as an XMP (ISO 8601) date."""
    return _utc_if_naive(moment).replace(microsecond=0).isoformat()


def producer() -> str:
    """Info /Producer and pdf:Producer."""
    return f"layout {__version__} (ReportLab {reportlab.Version})"


def info_entries(settings: PdfxSettings, standard: Standard) -> dict[str, str]:
    """The Info dictionary's text entries (Trapped, a name, is added separately)."""
    entries = {"Title": settings.title, "Author": settings.author, "Creator": "layout",
               "Producer": producer(), "CreationDate": _pdf_date(settings.created),
               "ModDate": _pdf_date(settings.modified), "GTS_PDFXVersion": standard.version}
    if standard.conformance:
        entries["GTS_PDFXConformance"] = standard.conformance
    return entries


def _info_dictionary(settings: PdfxSettings, standard: Standard) -> PDFDictionary:
    entries = {key: PDFString(value) for key, value in info_entries(settings, standard).items()}
    entries["Trapped"] = PDFName("True" if settings.trapped else "False")
    return PDFDictionary(entries)


def xmp_packet(settings: PdfxSettings, standard: Standard, ids: DocumentIds) -> bytes:
    """The XMP metadata packet (UTF-8) saying what the Info dictionary says, plus the XMP-only ids."""
    date, modified = _xmp_date(settings.created), _xmp_date(settings.modified)
    props = [
        "<dc:format>application/pdf</dc:format>",
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(settings.title)}</rdf:li></rdf:Alt></dc:title>',
        f"<dc:creator><rdf:Seq><rdf:li>{escape(settings.author)}</rdf:li></rdf:Seq></dc:creator>",
        f"<xmp:CreateDate>{date}</xmp:CreateDate>", f"<xmp:ModifyDate>{modified}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{modified}</xmp:MetadataDate>", "<xmp:CreatorTool>layout</xmp:CreatorTool>",
        f"<xmpMM:DocumentID>uuid:{ids.document}</xmpMM:DocumentID>",
        f"<xmpMM:InstanceID>uuid:{ids.instance}</xmpMM:InstanceID>",
        f"<xmpMM:VersionID>{settings.revision}</xmpMM:VersionID>",
        "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        f"<pdf:Producer>{escape(producer())}</pdf:Producer>",
        f"<pdf:Trapped>{'True' if settings.trapped else 'False'}</pdf:Trapped>",
        f"<pdfx:GTS_PDFXVersion>{standard.version}</pdfx:GTS_PDFXVersion>",
        f"<pdfxid:GTS_PDFXVersion>{standard.version}</pdfxid:GTS_PDFXVersion>",
    ]
    if standard.conformance:
        props.append(f"<pdfx:GTS_PDFXConformance>{standard.conformance}</pdfx:GTS_PDFXConformance>")
    xmlns = "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in XMP_NAMESPACES)
    body = "\n   ".join(props)
    text = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            f'  <rdf:Description rdf:about=""{xmlns}>\n   {body}\n  </rdf:Description>\n'
            ' </rdf:RDF>\n</x:xmpmeta>\n' + (" " * 99 + "\n") * 20 + '<?xpacket end="w"?>')
    return text.encode("utf-8")


def _output_intent(settings: PdfxSettings) -> PDFDictionary:
    """The /GTS_PDFX output intent: condition, registry, description and (if given) the ICC profile."""
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": PDFString(settings.output_condition),
        "Info": PDFString(settings.output_condition_info or settings.output_condition),
    })
    if settings.registry:
        intent["RegistryName"] = PDFString(settings.registry)
    if settings.output_condition_text:
        intent["OutputCondition"] = PDFString(settings.output_condition_text)
    if settings.icc_profile is not None:
        profile = PDFStream(PDFDictionary({"N": 4}), read_icc_profile(settings.icc_profile), [PDFZCompress])
        intent["DestOutputProfile"] = profile
    return intent


def _metadata_stream(packet: bytes) -> PDFStream:
    """The Catalog's /Metadata: an uncompressed XML stream (so prepress tools can read it as text)."""
    return PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), packet)


def finish_document(canvas, settings: PdfxSettings) -> None:
    """Right before canvas.save(): checks, MediaBoxes, Info, XMP, OutputIntents, /ID and header version."""
    standard = check_settings(settings)
    doc = backend.document(canvas)
    _check_document(canvas, standard)
    _check_images(doc, standard)
    _apply_media_boxes(canvas)
    ids = document_ids(canvas, settings)
    backend.set_info(canvas, _FixedInfo(_info_dictionary(settings, standard)))
    doc.Catalog.OutputIntents = PDFArray([_output_intent(settings)])
    doc.Catalog.Metadata = _metadata_stream(xmp_packet(settings, standard, ids))
    backend.set_document_id(canvas, ids.document.bytes, ids.instance.bytes)
    # reportlab raises the version to 1.4 when any colour carries alpha, even alpha 1; real
    # transparency was refused above, so the header is the standard's own.
    backend.set_pdf_version(canvas, standard.pdf_version)


# The packaged photo profile and the output intent its separations need (layout/output/profiles/README.md).
PHOTO_PROFILE = Path(__file__).resolve().parents[1] / "profiles" / "newsprint-tr002.icc"
TR002_CONDITION = "CGATS TR 002"
TR002_REGISTRY = "http://www.color.org"
TR002_TEXT = "Coldset offset printing on newsprint, CGATS TR 002 (SNAP); 240% TAC"
TR002_INFO = "layout newsprint TR002 (coldset, 240% TAC), derived from CGATS TR 002 characterization data"


def photo_intent(settings: PdfxSettings) -> PdfxSettings:
    """The settings of a document whose photos were separated with the packaged TR 002 profile (the
    manifest named no ICC profile): the intent names CGATS TR 002 and embeds that profile."""
    return replace(settings, output_condition=TR002_CONDITION, registry=TR002_REGISTRY,
                   output_condition_text=TR002_TEXT, output_condition_info=TR002_INFO, icc_profile=PHOTO_PROFILE)
