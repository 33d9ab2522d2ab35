"""Vocabularies: every closed set of names the manifest, the composer, the painter and the CLI share.

One owner for each: a name listed here is accepted by the manifest reader, offered by the CLI and
understood by the stage that uses it; nothing else keeps its own list.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from .. import cjk

ALIGNMENTS = ("justify", "left", "center", "right")
KINSOKU_LEVELS = cjk.LEVELS  # clreq prohibition levels, defined with their tables
BREAKERS = ("total-fit", "greedy")
ROLES = ("song", "hei", "kai")  # 书宋, 黑体, 楷体: the roles fonts/fonts.yaml gives faces for
FIGURE_PLACES = ("before-body", "top", "bottom")  # under the headline block; above it at the slot's top; at the foot
MASTHEAD_ALIGNS = ("center", "left")  # 报头: title centred over the issue data, or left with the data beside it
BOX_KINDS = ("index", "weather", "ad")  # boxed slots: 导读, 天气, 广告
FIGURE_FITS = ("cover", "contain")  # crop to the box, or letterbox the whole photo on paper white
WEIGHTS = ("light", "regular", "medium", "semibold", "bold", "black")


@dataclass(frozen=True, kw_only=True)
class PdfxStandard:
    """One PDF/X flavour: what the painter declares and which rule family `layout check` applies."""

    key: str  # the manifest/CLI name: x-1a, x-1a:2003, x-4
    iso: str  # ISO 15930 part and year
    version: str  # GTS_PDFXVersion written in Info (and XMP)
    conformance: str | None  # GTS_PDFXConformance (PDF/X-1a:2001 only)
    pdf_version: tuple[int, int]  # the PDF header version written (and the newest allowed)
    family: str  # the check family: 'x-1a', 'x-3' or 'x-4'
    transparency: bool  # live transparency allowed
    icc_required: bool  # the output intent must embed a profile
    writable: bool = True  # the painter writes it (`layout check` recognises every row)


# ISO 15930-1:2001 (X-1a:2001, PDF 1.3), ISO 15930-4:2003 (X-1a:2003, PDF 1.4), ISO 15930-7:2010 (X-4, PDF 1.6)
PDFX: MappingProxyType = MappingProxyType({
    "x-1a": PdfxStandard(key="x-1a", iso="ISO 15930-1:2001", version="PDF/X-1:2001", conformance="PDF/X-1a:2001",
                         pdf_version=(1, 3), family="x-1a", transparency=False, icc_required=False),
    "x-1a:2003": PdfxStandard(key="x-1a:2003", iso="ISO 15930-4:2003", version="PDF/X-1a:2003", conformance=None,
                              pdf_version=(1, 4), family="x-1a", transparency=False, icc_required=False),
    "x-3:2002": PdfxStandard(key="x-3:2002", iso="ISO 15930-3:2002", version="PDF/X-3:2002", conformance=None,
                             pdf_version=(1, 3), family="x-3", transparency=False, icc_required=False,
                             writable=False),
    "x-3:2003": PdfxStandard(key="x-3:2003", iso="ISO 15930-6:2003", version="PDF/X-3:2003", conformance=None,
                             pdf_version=(1, 4), family="x-3", transparency=False, icc_required=False,
                             writable=False),
    "x-4": PdfxStandard(key="x-4", iso="ISO 15930-7:2010", version="PDF/X-4", conformance=None,
                        pdf_version=(1, 6), family="x-4", transparency=True, icc_required=True),
    "x-4p": PdfxStandard(key="x-4p", iso="ISO 15930-7:2010", version="PDF/X-4p", conformance=None,
                         pdf_version=(1, 6), family="x-4", transparency=True, icc_required=False, writable=False),
})
PDFX_STANDARDS = tuple(k for k, s in PDFX.items() if s.writable)  # PDF/X-1a:2001 (default), X-1a:2003, X-4


def pdfx_versions(family: str) -> tuple[str, ...]:
    """The GTS_PDFXVersion (and conformance) strings a file of a check family may declare."""
    out = []
    for standard in PDFX.values():
        if standard.family == family:
            out += [standard.version] + ([standard.conformance] if standard.conformance else [])
    return tuple(out)


def pdf_limits() -> dict[str, str]:
    """The newest PDF version each declared PDF/X version (or conformance) allows, as 'major.minor'."""
    out = {}
    for standard in PDFX.values():
        for name in (standard.version, standard.conformance):
            if name:
                out[name] = "%d.%d" % standard.pdf_version
    return out

# Style names the engine uses; the manifest may override any of them.
STYLE_NAMES = (
    "body", "runin", "dateline", "label", "kicker", "headline", "deck",
    "folio", "page_number", "masthead", "masthead_info", "overset", "caption",
    "jump_label", "jump_headline",
    "box_title", "box",
)
