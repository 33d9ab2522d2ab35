"""Preflight rules: the checks, each finding's severity under PDF/X-1a and PDF/X-4 with its source, the limits.

RULES is the table docs/check.md explains; CheckOptions holds the limits the messages quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import LayoutError
from ..i18n import N_
from ..spec.vocab import PDFX, pdf_limits, pdfx_versions
from ..i18n import _

ERROR, WARNING = "error", "warning"
STANDARDS = tuple(dict.fromkeys(s.family for s in PDFX.values() if s.writable))  # ('x-1a', 'x-4')
STANDARD_LABELS = {"x-1a": "PDF/X-1a", "x-3": "PDF/X-3", "x-4": "PDF/X-4"}  # x-3: from the file only
AS_X1A = "as-x1a"  # Rule.x3 default: the same severity as under X-1a
EPS = 1e-3  # colour components and sizes closer than this to a limit count as on it

# The parts of ISO 15930 each rule comes from (Rule.source, for docs/check.md). A finding's message names the
# part and edition of the standard it was checked against (`citation`: the declared edition, else every
# edition of the family), then the clause of ISO 32000-1 that defines the feature (PDF_CLAUSES).
X1A = "ISO 15930-1:2001, ISO 15930-4:2003 (PDF/X-1a)"
X3 = "ISO 15930-3:2002, ISO 15930-6:2003 (PDF/X-3)"
X4 = "ISO 15930-7:2010 (PDF/X-4)"
ANY_X = "ISO 15930-1, -3, -4, -6, -7 (PDF/X)"
X1A_X4 = "ISO 15930-1, -4, -7 (PDF/X-1a, PDF/X-4)"
ISO15930_SOURCES = (X1A, X3, X4, ANY_X, X1A_X4)
# The editions of each check family, from the one PDF/X table (spec.vocab.PDFX).
ISO_PARTS = {family: tuple(dict.fromkeys(s.iso for s in PDFX.values() if s.family == family))
             for family in ("x-1a", "x-3", "x-4")}
# ISO 15930 clause numbers, by (rule, edition). None is given, because no public source quoting the clauses
# of ISO 15930-1, -3, -4, -6 or -7 was found. The search covered the standards' sample pages on
# standards.iteh.ai and iso.org, which show only the front matter; the PDF/X-3 draft quoted on the pdftex list
# (its "2.9 Box usage and management" is not the numbering of ISO 15930-3, where clause 2 is the normative
# references); Prinect's, Acrobat's and callas' preflight messages, which name no clause; and open-source
# checkers that print "ISO 15930-7:2010 6.x" but contradict each other (one number for both encryption and
# XMP, three different numbers for the output intent), so they are not a source. A finding therefore names
# the part and edition only. Add a clause here once a copy of the text confirms it. (The one clause found
# from a credible source is about a rule this checker does not have: rendering intents other than the four
# standard ones, ISO 15930-7:2010 6.23, as cited by Martin Bailey in
# https://github.com/pdf-association/pdf-issues/issues/197, written there as "15930-9:2010 6.23" about what
# PDF/X-4 prohibited.)
ISO15930_CLAUSES: dict[tuple[str, str], str] = {}
# Where ISO 32000-1 (PDF 1.7) defines what each rule is about, by clause. Source: Adobe's copy of
# ISO 32000-1:2008, https://opensource.adobe.com/dc-acrobat-sdk-docs/pdfstandards/PDF32000_2008.pdf
# (the clause numbers as quoted by pdfcpu, iText, Setasign and the raku PDF-ISO_32000 tables).
PDF_CLAUSES = {
    "no-pdfx-version": "14.3.3", "wrong-pdfx-version": "14.3.3", "no-pdfx-conformance": "14.3.3",
    "no-xmp-pdfx-version": "14.3.2", "xmp-version-mismatch": "14.3.2", "pdf-version-too-new": "7.5.2",
    "no-trailer-id": "14.4", "bad-trapped": "14.3.3", "missing-info-key": "14.3.3",
    "no-output-intent": "14.11.5", "no-output-condition": "14.11.5", "no-output-profile": "14.11.5",
    "no-embedded-profile": "14.11.5", "output-profile-not-cmyk": "14.11.5", "output-profile-not-printer": "14.11.5",
    "no-trim-box": "14.11.2", "trim-and-art-box": "14.11.2", "box-not-nested": "14.11.2",
    "font-not-embedded": "9.9", "rgb-colour": "8.6", "icc-colour": "8.6", "lab-colour": "8.6", "cal-colour": "8.6",
    "soft-mask": "11", "constant-alpha": "11", "blend-mode": "11", "transparency-group": "11",
    "transfer-function": "10.4", "halftone-phase": "10.5", "halftone-type": "10.5", "halftone-name": "10.5",
    "halftone-transfer": "10.5", "encrypted": "7.6", "javascript": "12.6.4.16", "annotation-in-bleed": "12.5",
    "printer-mark-in-trim": "14.11.3", "lzw": "7.4.4",
}
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
    "syntax": N_("content streams parse"),
    "stream-size": N_("every stream read decodes to at most 64 MiB (1 GiB in all)"),
    "pdfx-version": N_("PDF/X version in Info and XMP, PDF version, trailer ID, Trapped and Info keys set"),
    "output-intent": N_("GTS_PDFX OutputIntent with an OutputConditionIdentifier and a usable profile"),
    "boxes": N_("TrimBox or ArtBox (not both), BleedBox ⊇ TrimBox ⊆ MediaBox"),
    "fonts": N_("every font used is embedded"),
    "colour-space": N_("only colour spaces the standard allows"),
    "transparency": N_("no transparency the standard forbids"),
    "transfer-halftone": N_("no transfer functions; halftones of an allowed type"),
    "small-text": N_("small text in one solid colour"),
    "black-overprint": N_("100 K text overprints"),
    "line-width": N_("stroked lines at least {min_line_width:g} pt"),
    "image-resolution": N_("images at least {min_image_ppi:g} ppi"),
    "ink": N_("total ink at most {ink_limit:g} %"),
    "encryption": N_("not encrypted"),
    "javascript": N_("no JavaScript"),
    "annotations": N_("no annotations inside the BleedBox (TrapNet, PrinterMark outside the TrimBox excepted)"),
    "lzw": N_("no LZW-compressed streams"),
}

# Checks whose findings cite their source even when it is not ISO 15930 (stream-size: PRINT.md); a rule
# from ISO 15930 always cites the part it was checked against (`citation`).
CITED_CHECKS = ("stream-size", "pdfx-version", "output-intent", "boxes", "transfer-halftone", "annotations")


def cited_parts(declared: str, standard: str) -> tuple[str, ...]:
    """The ISO 15930 editions a finding cites: the one the file declares when it is `standard`'s, else all."""
    for row in PDFX.values():
        if row.family == standard and declared and declared in (row.version, row.conformance):
            return (row.iso,)
    return ISO_PARTS[standard]


def citation(kind: str, parts: tuple[str, ...]) -> str:
    """What a finding of `kind` cites: the ISO 15930 editions (with the clause where one is confirmed) and
    the ISO 32000-1 clause of the feature; a rule from another source cites it only in CITED_CHECKS."""
    rule = RULES[kind]
    if rule.source not in ISO15930_SOURCES:
        return rule.source if rule.check in CITED_CHECKS else ""
    cited = ", ".join(f"{part} §{ISO15930_CLAUSES[kind, part]}" if (kind, part) in ISO15930_CLAUSES else part
                      for part in parts)
    return f"{cited}; ISO 32000-1 §{PDF_CLAUSES[kind]}" if kind in PDF_CLAUSES else cited


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
    "stream-too-large": Rule("stream-size", ERROR, ERROR, N_("{detail}: not checked further"), "PRINT.md (resource bounds)"),
    "no-pdfx-version": Rule("pdfx-version", ERROR, ERROR, N_("no GTS_PDFXVersion in the Info dictionary"), ANY_X),
    "wrong-pdfx-version": Rule("pdfx-version", ERROR, ERROR, "{detail}", ANY_X),
    "no-pdfx-conformance": Rule("pdfx-version", WARNING, WARNING,
                                N_("PDF/X-1:2001 without GTS_PDFXConformance (PDF/X-1a:2001)"), X1A),
    "no-xmp-pdfx-version": Rule("pdfx-version", WARNING, ERROR, N_("no {detail}:GTS_PDFXVersion in the XMP metadata"),
                                X4),
    "xmp-version-mismatch": Rule("pdfx-version", ERROR, ERROR, "{detail}", ANY_X),
    "pdf-version-too-new": Rule("pdfx-version", ERROR, ERROR, "{detail}", ANY_X),
    "no-trailer-id": Rule("pdfx-version", ERROR, ERROR, N_("the file trailer has no /ID"), ANY_X),
    "bad-trapped": Rule("pdfx-version", ERROR, ERROR, N_("Info /Trapped must be /True or /False, is {detail}"),
                        ANY_X),
    "missing-info-key": Rule("pdfx-version", ERROR, ERROR, N_("Info dictionary has no /{detail}"), ANY_X),
    "no-output-intent": Rule("output-intent", ERROR, ERROR, N_("no OutputIntent with /S /GTS_PDFX"), ANY_X),
    "no-output-condition": Rule("output-intent", ERROR, ERROR,
                                N_("the GTS_PDFX OutputIntent has no OutputConditionIdentifier"), ANY_X),
    "no-output-profile": Rule("output-intent", ERROR, ERROR,
                              N_("OutputIntent '{detail}' has neither DestOutputProfile nor RegistryName "
                                 "(only a registered condition such as IFRA26 may omit the profile)"), ANY_X),
    "no-embedded-profile": Rule("output-intent", None, ERROR,
                                N_("OutputIntent '{detail}' has no embedded DestOutputProfile"), X4, x3=None),
    "output-profile-not-cmyk": Rule("output-intent", ERROR, None,
                                    N_("DestOutputProfile is {detail}, not CMYK"), X1A, x3=None),
    "output-profile-not-printer": Rule("output-intent", ERROR, ERROR,
                                       N_("DestOutputProfile is a '{detail}' profile, not an output ('prtr') one"),
                                       X1A_X4),
    "no-trim-box": Rule("boxes", ERROR, ERROR, N_("no TrimBox or ArtBox"), ANY_X),
    "trim-and-art-box": Rule("boxes", ERROR, ERROR, N_("both TrimBox and ArtBox (a page has one only)"), ANY_X),
    "box-not-nested": Rule("boxes", ERROR, ERROR, "{detail}", ANY_X),
    "font-not-embedded": Rule("fonts", ERROR, ERROR, N_("font {detail} is not embedded"), ANY_X),
    "rgb-colour": Rule("colour-space", ERROR, ERROR,
                       N_("{detail} used {count}× (plates are CMYK: convert to CMYK)"), ANY_X),
    "icc-colour": Rule("colour-space", ERROR, None,
                       N_("{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)"), X1A),
    "lab-colour": Rule("colour-space", ERROR, None,
                       N_("{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)"), X1A),
    "cal-colour": Rule("colour-space", ERROR, None,
                       N_("{detail} used {count}× (PDF/X-1a allows only CMYK, gray and spot colour)"), X1A),
    "soft-mask": Rule("transparency", ERROR, None, N_("soft mask (SMask) in {detail}"), X1A),
    "constant-alpha": Rule("transparency", ERROR, None, N_("constant alpha {value:g} in {detail}"), X1A,
                           worst="min"),
    "blend-mode": Rule("transparency", ERROR, None, N_("blend mode {detail}"), X1A),
    "transparency-group": Rule("transparency", ERROR, None, N_("transparency group on {detail}"), X1A),
    "transfer-function": Rule("transfer-halftone", ERROR, ERROR, N_("transfer function ({detail})"), ANY_X),
    "halftone-phase": Rule("transfer-halftone", ERROR, ERROR, N_("halftone phase /HTP in {detail}"), X1A_X4),
    "halftone-type": Rule("transfer-halftone", ERROR, ERROR, "{detail}", ANY_X),
    "halftone-name": Rule("transfer-halftone", ERROR, None, N_("HalftoneName in {detail}"), X1A),
    "halftone-transfer": Rule("transfer-halftone", ERROR, ERROR,
                              N_("TransferFunction in the halftone for a primary colorant ({detail})"), ANY_X),
    "multicolour-small-text": Rule("small-text", ERROR, ERROR,
                                   N_("text in {detail} below {limit:g} pt: {count} run(s), "
                                      "smallest {value:g} pt"), COLDSET, "min", "min_coloured_text"),
    "rich-black-small-text": Rule("small-text", ERROR, ERROR,
                                  N_("rich black text ({detail}) below {limit:g} pt: {count} run(s), "
                                     "smallest {value:g} pt"), COLDSET, "min", "min_coloured_text"),
    "knockout-small-text": Rule("small-text", WARNING, WARNING,
                                N_("white (knock-out) text below {limit:g} pt: {count} run(s), "
                                   "smallest {value:g} pt"), COLDSET, "min", "min_coloured_text"),
    "tiny-text": Rule("small-text", WARNING, WARNING,
                      N_("one-colour text below {limit:g} pt: {count} run(s), smallest {value:g} pt"),
                      COLDSET, "min", "min_text"),
    "black-text-knockout": Rule("black-overprint", ERROR, ERROR,
                                N_("100 K text without overprint (/op true): {count} run(s), "
                                   "smallest {value:g} pt"), COLDSET, "min"),
    "black-text-opm0": Rule("black-overprint", ERROR, ERROR,
                            N_("100 K text overprints with OPM 0, so C/M/Y still knock out "
                               "(set /OPM 1): {count} run(s)"), f"{PDF17} §8.6.7; PRINT.md"),
    "thin-line": Rule("line-width", ERROR, ERROR,
                      N_("stroke {value:.2f} pt is below {limit:g} pt ({count}×)"), COLDSET, "min",
                         "min_line_width"),
    "low-resolution-image": Rule("image-resolution", WARNING, WARNING,
                                 N_("image {detail} at {value:.0f} ppi, below {limit:g} ppi"), COLDSET, "min",
                                    "min_image_ppi"),
    "vector-ink": Rule("ink", ERROR, ERROR,
                       N_("{detail} with {value:.0f} % total ink, limit {limit:g} % ({count}×)"), COLDSET,
                       "max", "ink_limit"),
    "image-ink": Rule("ink", ERROR, ERROR, N_("image {detail} reaches {value:.0f} % total ink, limit {limit:g} %"),
                      COLDSET, "max", "ink_limit"),
    "image-ink-unknown": Rule("ink", WARNING, WARNING, N_("ink of image {detail} not measured"), COLDSET),
    "encrypted": Rule("encryption", ERROR, ERROR, N_("the file is encrypted ({detail})"), ANY_X),
    "javascript": Rule("javascript", ERROR, ERROR, N_("JavaScript in {detail}"), ANY_X),
    "annotation-in-bleed": Rule("annotations", ERROR, ERROR, N_("{detail} annotation inside the BleedBox"), ANY_X),
    "printer-mark-in-trim": Rule("annotations", ERROR, ERROR, N_("PrinterMark annotation inside the TrimBox"), ANY_X),
    "lzw": Rule("lzw", ERROR, ERROR, N_("{count} LZW-compressed stream(s)"), ANY_X),
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
            raise LayoutError(_("unknown standard '{standard}'").format(standard=self.standard), "check options",
                              _("use one of {choices}").format(choices=', '.join(STANDARDS)))
        if not 0 < self.ink_limit <= 400:
            raise LayoutError(_("ink limit {ink_limit:g} % is not between 0 and 400").format(
                                  ink_limit=self.ink_limit), "check options",
                              _("newsprint plants ask for 220–240 %"))
