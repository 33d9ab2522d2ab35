"""Preflight rules: the checks, each finding's severity under PDF/X-1a and PDF/X-4 with its source, the limits.

RULES is the table docs/check.md explains; CheckOptions holds the limits the messages quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import LayoutError
from ..spec.vocab import PDFX, pdf_limits, pdfx_versions

ERROR, WARNING = "error", "warning"
STANDARDS = tuple(dict.fromkeys(s.family for s in PDFX.values() if s.writable))  # ('x-1a', 'x-4')
STANDARD_LABELS = {"x-1a": "PDF/X-1a", "x-3": "PDF/X-3", "x-4": "PDF/X-4"}  # x-3: from the file only
AS_X1A = "as-x1a"  # Rule.x3 default: the same severity as under X-1a
EPS = 1e-3  # colour components and sizes closer than this to a limit count as on it

# The parts of ISO 15930 each rule comes from. Clause numbers are not given: they could not be confirmed
# from a copy of the standards, so only the part is cited (docs/check.md lists the secondary sources).
X1A = "ISO 15930-1, ISO 15930-4 (PDF/X-1a)"
X3 = "ISO 15930-3, ISO 15930-6 (PDF/X-3)"
X4 = "ISO 15930-7 (PDF/X-4)"
PDFX = "ISO 15930-1, -3, -4, -6, -7 (PDF/X)"
X1A_X4 = "ISO 15930-1, -4, -7 (PDF/X-1a, PDF/X-4)"
COLDSET = "ISO 12647-3 (coldset newsprint); PRINT.md"
PDF17 = "ISO 32000-1 (PDF 1.7)"

# Versions a file may declare in GTS_PDFXVersion for each standard (PDF/X-1a:2001 files say
# 'PDF/X-1:2001' plus GTS_PDFXConformance 'PDF/X-1a:2001'), and the newest PDF version each allows.
PDFX_VERSIONS = {family: pdfx_versions(family) for family in ("x-1a", "x-3", "x-4")}  # from spec.vocab.PDFX
# The newest PDF version each declared version allows (ISO 15930-1/-3: PDF 1.3; -4/-6: PDF 1.4; -7: PDF
# 1.6), and for each standard when the declared version is not one of its own (the most lenient).
VERSION_PDF_LIMITS = pdf_limits()  # the one PDF/X table: spec.vocab.PDFX
MAX_PDF_VERSION = {family: max(VERSION_PDF_LIMITS[v] for v in versions) for family, versions in PDFX_VERSIONS.items()}
# Where the XMP metadata carries GTS_PDFXVersion: pdfx: (Adobe's PDF/X 1.3 schema, X-1a and X-3) or
# pdfxid: (the NPES PDF/X identification schema, ISO 15930-7); an element of that name in any other
# namespace does not count.
PDFX_NS, PDFXID_NS = "http://ns.adobe.com/pdfx/1.3/", "http://www.npes.org/pdfx/ns/id/"
XMP_VERSION_NS = {"x-1a": PDFX_NS, "x-3": PDFX_NS, "x-4": PDFXID_NS}
XMP_PREFIX = {PDFX_NS: "pdfx", PDFXID_NS: "pdfxid"}
INFO_KEYS = ("Title", "CreationDate", "ModDate")  # required in the Info dictionary of a PDF/X file
# ICC profile header (ICC.1): device class at bytes 12–15, data colour space at 16–19.
ICC_PRINTER_CLASS = b"prtr"
# HalftoneType values each standard allows (ISO 15930-1/-4: 1 or 5; X-4: the types PDF 1.6 defines).
HALFTONE_TYPES = {"x-1a": (1, 5), "x-3": (1, 5), "x-4": (1, 5, 6, 10, 16)}
# Colorants whose halftone may not carry a TransferFunction (PDF: only non-primary colorants may).
PRIMARY_COLORANTS = ("/Cyan", "/Magenta", "/Yellow", "/Black", "/Gray", "/Red", "/Green", "/Blue", "/Default")
# Annotation subtypes allowed inside the BleedBox: TrapNet (and PrinterMark, but only outside the TrimBox).
PRINT_ANNOTATIONS = ("TrapNet", "PrinterMark")

# The checks in report order, each with what it means when it passes.
CHECKS: dict[str, str] = {
    "syntax": "content streams parse",
    "stream-size": "every stream read decodes to at most 64 MiB (1 GiB in all)",
    "pdfx-version": "PDF/X version in Info and XMP, PDF version, trailer ID, Trapped and Info keys set",
    "output-intent": "GTS_PDFX OutputIntent with an OutputConditionIdentifier and a usable profile",
    "boxes": "TrimBox or ArtBox (not both), BleedBox ⊇ TrimBox ⊆ MediaBox",
    "fonts": "every font used is embedded",
    "colour-space": "only colour spaces the standard allows",
    "transparency": "no transparency the standard forbids",
    "transfer-halftone": "no transfer functions; halftones of an allowed type",
    "small-text": "small text in one solid colour",
    "black-overprint": "100 K text overprints",
    "line-width": "stroked lines at least {min_line_width:g} pt",
    "image-resolution": "images at least {min_image_ppi:g} ppi",
    "ink": "total ink at most {ink_limit:g} %",
    "encryption": "not encrypted",
    "javascript": "no JavaScript",
    "annotations": "no annotations inside the BleedBox (TrapNet, PrinterMark outside the TrimBox excepted)",
    "lzw": "no LZW-compressed streams",
}

# Checks whose messages end with the source they cite: the file-structure rules of ISO 15930 (fonts,
# colour and the rest say why in their own words, and docs/check.md gives their sources).
CITED_CHECKS = ("stream-size", "pdfx-version", "output-intent", "boxes", "transfer-halftone", "annotations")


@dataclass(frozen=True)
class Rule:  # positional on purpose: the rows of the RULES table read as a table
    """One kind of finding: its check, severity under X-1a, X-4 and X-3 (None: allowed), message and source.

    The message may use {detail} (what/where), {value} (the measured number), {count} (how many times
    on the page) and {limit} (the CheckOptions field named by `limit`).
    """

    check: str
    x1a: str | None
    x4: str | None
    text: str
    source: str
    worst: str = ""  # "min" or "max": which measured value a repeated finding keeps
    limit: str = ""  # CheckOptions field the message quotes as {limit}
    x3: str | None = AS_X1A  # X-3 is X-1a plus device-independent colour unless it says otherwise

    def severity(self, standard: str) -> str | None:
        """The severity of this finding when checking against `standard`."""
        if standard == "x-3":
            return self.x1a if self.x3 == AS_X1A else self.x3
        return self.x1a if standard == "x-1a" else self.x4


RULES: dict[str, Rule] = {
    "unparsable-content": Rule("syntax", ERROR, ERROR, "{detail}", PDF17),
    "stream-too-large": Rule("stream-size", ERROR, ERROR, "{detail}: not checked further", "PRINT.md (resource bounds)"),
    "no-pdfx-version": Rule("pdfx-version", ERROR, ERROR, "no GTS_PDFXVersion in the Info dictionary", PDFX),
    "wrong-pdfx-version": Rule("pdfx-version", ERROR, ERROR, "{detail}", PDFX),
    "no-pdfx-conformance": Rule("pdfx-version", WARNING, WARNING,
                                "PDF/X-1:2001 without GTS_PDFXConformance (PDF/X-1a:2001)", X1A),
    "no-xmp-pdfx-version": Rule("pdfx-version", WARNING, ERROR, "no {detail}:GTS_PDFXVersion in the XMP metadata",
                                X4),
    "xmp-version-mismatch": Rule("pdfx-version", ERROR, ERROR, "{detail}", PDFX),
    "pdf-version-too-new": Rule("pdfx-version", ERROR, ERROR, "{detail}", PDFX),
    "no-trailer-id": Rule("pdfx-version", ERROR, ERROR, "the file trailer has no /ID", PDFX),
    "bad-trapped": Rule("pdfx-version", ERROR, ERROR, "Info /Trapped must be /True or /False, is {detail}",
                        PDFX),
    "missing-info-key": Rule("pdfx-version", ERROR, ERROR, "Info dictionary has no /{detail}", PDFX),
    "no-output-intent": Rule("output-intent", ERROR, ERROR, "no OutputIntent with /S /GTS_PDFX", PDFX),
    "no-output-condition": Rule("output-intent", ERROR, ERROR,
                                "the GTS_PDFX OutputIntent has no OutputConditionIdentifier", PDFX),
    "no-output-profile": Rule("output-intent", ERROR, ERROR,
                              "OutputIntent '{detail}' has neither DestOutputProfile nor RegistryName "
                              "(only a registered condition such as IFRA26 may omit the profile)", PDFX),
    "no-embedded-profile": Rule("output-intent", None, ERROR,
                                "OutputIntent '{detail}' has no embedded DestOutputProfile", X4, x3=None),
    "output-profile-not-cmyk": Rule("output-intent", ERROR, None,
                                    "DestOutputProfile is {detail}, not CMYK", X1A, x3=None),
    "output-profile-not-printer": Rule("output-intent", ERROR, ERROR,
                                       "DestOutputProfile is a '{detail}' profile, not an output ('prtr') one",
                                       X1A_X4),
    "no-trim-box": Rule("boxes", ERROR, ERROR, "no TrimBox or ArtBox", PDFX),
    "trim-and-art-box": Rule("boxes", ERROR, ERROR, "both TrimBox and ArtBox (a page has one only)", PDFX),
    "box-not-nested": Rule("boxes", ERROR, ERROR, "{detail}", PDFX),
    "font-not-embedded": Rule("fonts", ERROR, ERROR, "font {detail} is not embedded", PDFX),
    "rgb-colour": Rule("colour-space", ERROR, ERROR,
                       "{detail} used {count}× (plates are CMYK: convert to CMYK)", PDFX),
    "icc-colour": Rule("colour-space", ERROR, None,
                       "{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)", X1A),
    "lab-colour": Rule("colour-space", ERROR, None,
                       "{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)", X1A),
    "cal-colour": Rule("colour-space", ERROR, None,
                       "{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)", X1A),
    "soft-mask": Rule("transparency", ERROR, None, "soft mask (SMask) in {detail}", X1A),
    "constant-alpha": Rule("transparency", ERROR, None, "constant alpha {value:g} in {detail}", X1A,
                           worst="min"),
    "blend-mode": Rule("transparency", ERROR, None, "blend mode {detail}", X1A),
    "transparency-group": Rule("transparency", ERROR, None, "transparency group on {detail}", X1A),
    "transfer-function": Rule("transfer-halftone", ERROR, ERROR, "transfer function ({detail})", PDFX),
    "halftone-phase": Rule("transfer-halftone", ERROR, ERROR, "halftone phase /HTP in {detail}", X1A_X4),
    "halftone-type": Rule("transfer-halftone", ERROR, ERROR, "{detail}", PDFX),
    "halftone-name": Rule("transfer-halftone", ERROR, None, "HalftoneName in {detail}", X1A),
    "halftone-transfer": Rule("transfer-halftone", ERROR, ERROR,
                              "TransferFunction in the halftone for a primary colorant ({detail})", PDFX),
    "multicolour-small-text": Rule("small-text", ERROR, ERROR,
                                   "text in {detail} below {limit:g} pt: {count} run(s), "
                                   "smallest {value:g} pt", COLDSET, "min", "min_coloured_text"),
    "rich-black-small-text": Rule("small-text", ERROR, ERROR,
                                  "rich black text ({detail}) below {limit:g} pt: {count} run(s), "
                                  "smallest {value:g} pt", COLDSET, "min", "min_coloured_text"),
    "knockout-small-text": Rule("small-text", WARNING, WARNING,
                                "white (knock-out) text below {limit:g} pt: {count} run(s), "
                                "smallest {value:g} pt", COLDSET, "min", "min_coloured_text"),
    "tiny-text": Rule("small-text", WARNING, WARNING,
                      "one-colour text below {limit:g} pt: {count} run(s), smallest {value:g} pt",
                      COLDSET, "min", "min_text"),
    "black-text-knockout": Rule("black-overprint", ERROR, ERROR,
                                "100 K text without overprint (/op true): {count} run(s), "
                                "smallest {value:g} pt", COLDSET, "min"),
    "black-text-opm0": Rule("black-overprint", ERROR, ERROR,
                            "100 K text overprints with OPM 0, so C/M/Y still knock out "
                            "(set /OPM 1): {count} run(s)", f"{PDF17} §8.6.7; PRINT.md"),
    "thin-line": Rule("line-width", ERROR, ERROR,
                      "stroke {value:.2f} pt is below {limit:g} pt ({count}×)", COLDSET, "min",
                      "min_line_width"),
    "low-resolution-image": Rule("image-resolution", WARNING, WARNING,
                                 "image {detail} at {value:.0f} ppi, below {limit:g} ppi", COLDSET, "min",
                                 "min_image_ppi"),
    "vector-ink": Rule("ink", ERROR, ERROR,
                       "{detail} with {value:.0f} % total ink, limit {limit:g} % ({count}×)", COLDSET,
                       "max", "ink_limit"),
    "image-ink": Rule("ink", ERROR, ERROR, "image {detail} reaches {value:.0f} % total ink, limit {limit:g} %",
                      COLDSET, "max", "ink_limit"),
    "image-ink-unknown": Rule("ink", WARNING, WARNING, "ink of image {detail} not measured", COLDSET),
    "encrypted": Rule("encryption", ERROR, ERROR, "the file is encrypted ({detail})", PDFX),
    "javascript": Rule("javascript", ERROR, ERROR, "JavaScript in {detail}", PDFX),
    "annotation-in-bleed": Rule("annotations", ERROR, ERROR, "{detail} annotation inside the BleedBox", PDFX),
    "printer-mark-in-trim": Rule("annotations", ERROR, ERROR, "PrinterMark annotation inside the TrimBox", PDFX),
    "lzw": Rule("lzw", ERROR, ERROR, "{count} LZW-compressed stream(s)", PDFX),
}

# Colour-space families that need a finding (others — DeviceCMYK, DeviceGray, Separation, DeviceN,
# Pattern — are allowed by both standards). ISO 15930-4: X-1a allows CMYK, gray and spot colour only;
# ISO 15930-7: X-4 also allows device-independent colour, but DeviceRGB only with an RGB output intent.
COLOUR_RULES = {"rgb": "rgb-colour", "icc": "icc-colour", "lab": "lab-colour", "cal": "cal-colour"}
# ISO 15930-3/-6: X-3 allows device-independent colour when the OutputIntent embeds a profile.
X3_WITH_PROFILE = ("icc-colour", "lab-colour", "cal-colour")
NORMAL_BLEND_MODES = ("/Normal", "/Compatible")  # ISO 32000-1 §11.3.5: the only opaque blend modes


@dataclass(frozen=True, kw_only=True)
class CheckOptions:
    """What to check against: the PDF/X flavour (None: from the file's GTS_PDFXVersion) and the limits."""

    standard: str | None = None
    ink_limit: float = 240.0  # % total area coverage (ISO 12647-3 / PRINT.md)
    min_line_width: float = 0.3  # pt (PRINT.md: thinner rules disappear on newsprint)
    min_image_ppi: float = 150.0  # at placed size (PRINT.md: warn below 150)
    min_coloured_text: float = 10.0  # pt: 4-colour, rich black and knock-out text (PRINT.md)
    min_text: float = 6.0  # pt: solid one-colour text (PRINT.md)

    def __post_init__(self) -> None:
        if self.standard is not None and self.standard not in STANDARDS:
            raise LayoutError(f"unknown standard '{self.standard}'", "check options",
                              f"use one of {', '.join(STANDARDS)}")
        if not 0 < self.ink_limit <= 400:
            raise LayoutError(f"ink limit {self.ink_limit:g} % is not between 0 and 400", "check options",
                              "newsprint plants ask for 220–240 %")
