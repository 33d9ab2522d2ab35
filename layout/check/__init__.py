"""Preflight stage: reads any PDF back and reports, per page, what a newspaper print plant would reject.

Independent of the painter: it knows nothing about our layout and works on any PDF (pikepdf only).
Content streams (page, Form XObjects, tiling patterns) are interpreted with a small graphics-state
machine, so fonts, colours, sizes and widths are judged where they are used, not where they are defined.
What is checked, and how severe each finding is under PDF/X-1a, PDF/X-3 and PDF/X-4, is the RULES table,
which cites its sources: ISO 15930-1/-4 (PDF/X-1a:2001/2003), ISO 15930-3/-6 (PDF/X-3:2002/2003),
ISO 15930-7 (PDF/X-4), ISO 32000-1 (PDF 1.7), ISO 12647-3 (coldset newsprint) and design/PRINT.md.
docs/check.md explains every check. Every stream the checker reads is first measured by inflating it in
small chunks (streams.py), so a flate bomb becomes a finding instead of a hang.
Paint outside the printed area (BleedBox, else TrimBox) — crop and registration marks, slug lines — is
not held to the ink, line-width, small-text, overprint and image-resolution limits.

This package is the public API (CheckOptions, preflight, PreflightReport, Finding, UnusablePdfError) and
the entry point that runs the checks page by page; the work is in its modules:

rules      the checks, RULES (severity under X-1a and X-4, message, source) and CheckOptions (the limits)
values     rectangles, matrices, numbers and names read from PDF objects
colour     colour spaces as the rules judge them; the ink of a colour or a CMYK image
resources  colour spaces, fonts and ExtGStates looked up in a /Resources dictionary
scanner    the content-stream interpreter: fonts, colours, text sizes, line widths, images, ink
document   checks on the file's and the pages' dictionaries: PDF/X keys, OutputIntent, boxes, JavaScript…
streams    decoded stream sizes measured incrementally, and the per-file budget of decoded bytes
report     tallies become findings; the per-file report as a table or JSON
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from ..errors import LayoutError
from ..i18n import _
from ..store import Store
from . import memo as page_memo
from .colour import ColourSpace, Inks, _colorant_inks
from .colour import colour_inks as _inks
from .document import (check_annotations, check_boxes, document_tally, has_output_profile, info_value, inherited,
                       standard_of)
from .report import Finding, PageReport, PreflightReport, Tally, findings_of
from .rules import (CHECKS, COLOUR_RULES, ERROR, RULES, STANDARD_LABELS, STANDARDS, WARNING, X3_WITH_PROFILE,
                    CheckOptions, Rule, cited_parts)
from .scanner import DocumentCache, Scanner, first_line
from .streams import Budget

__all__ = [
    "CHECKS", "COLOUR_RULES", "ERROR", "RULES", "STANDARD_LABELS", "STANDARDS", "WARNING",
    "CheckOptions", "ColourSpace", "Finding", "Inks", "PageReport", "PreflightReport", "Rule",
    "UnusablePdfError", "preflight", "standard_of",
    "_colorant_inks", "_inks",  # private helpers the unit tests exercise directly
]


class UnusablePdfError(LayoutError):
    """The file cannot be checked at all: missing, not a PDF, damaged, or needs a password to open."""


def _colour_findings(uses: dict[ColourSpace, int], tally: Tally, doc: DocumentCache) -> None:
    """Tally the colour spaces painted with that a rule forbids, with how often."""
    x3_allowed = doc.standard == "x-3" and doc.output_profile
    for space, count in uses.items():
        kind = COLOUR_RULES.get(space.family)
        if kind and not (x3_allowed and kind in X3_WITH_PROFILE):
            tally.add(kind, space.label, count=count)


def _checked(doc: DocumentCache, number: int, page: pikepdf.Dictionary, total: int, progress,
             memo: Store | None) -> PageReport:
    """One page checked (through the memo when given), then reported to `progress`."""
    found = _checked_page(doc, number, page, memo)
    if progress is not None:
        progress("preflight", number, total)
    return found


def _check_page(doc: DocumentCache, number: int, page: pikepdf.Dictionary) -> PageReport:
    """All page-level checks: boxes, annotations, and the content interpreted (fonts, colour, …)."""
    tally = Tally()
    boxes = check_boxes(page, tally)
    resources = inherited(page, "/Resources")
    check_annotations(page, boxes, tally)
    group = page.get("/Group")
    if isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name.Transparency:
        tally.add("transparency-group", _("the page"))
    scanner = Scanner(doc, tally, boxes.printed)
    if "/Contents" in page:
        scanner.run(page, resources)
    _colour_findings(scanner.colour_uses, tally, doc)
    spaces = tuple(sorted({space.label for space in scanner.colour_uses}))
    return PageReport(number=number, findings=findings_of(tally, number, doc.standard, doc.options, doc.parts),
                      max_ink=round(scanner.max_ink, 1),
                      min_image_ppi=None if scanner.min_ppi is None else round(scanner.min_ppi, 1),
                      min_line_width=None if scanner.min_line is None else round(scanner.min_line, 3),
                      colour_spaces=spaces)


def _checked_page(doc: DocumentCache, number: int, page: pikepdf.Dictionary, memo: Store | None) -> PageReport:
    """A page's report: from the memo when this content was checked before and the file's budget still
    holds what its scan consumed, else checked (and kept in the memo)."""
    if memo is None or not memo.enabled:
        return _check_page(doc, number, page)
    entry = page_memo.key(page_memo.digest(page), number, doc)
    found = page_memo.load(memo, entry)
    if found is not None and found[1] < doc.budget.left:
        doc.budget.left -= found[1]
        return found[0]
    before = doc.budget.left
    report = _check_page(doc, number, page)
    if doc.budget.left > 0 and not any(f.check in ("stream-size", "stream-too-large") for f in report.findings):
        page_memo.save(memo, entry, report, before - doc.budget.left)
    return report


def _open(path: Path) -> pikepdf.Pdf:
    """Open a PDF, or raise UnusablePdfError saying why it cannot be checked."""
    where = str(path)
    if not path.exists():
        raise UnusablePdfError(_("no such file"), where)
    if not path.is_file():
        raise UnusablePdfError(_("not a file"), where)
    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            raise UnusablePdfError(_("not a PDF (no %PDF- header)"), where)
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise UnusablePdfError(_("encrypted: needs a password to open"), where) from None
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise UnusablePdfError(_("cannot be read as PDF: {exc}").format(exc=first_line(exc)), where) from None
    if len(pdf.pages) == 0:
        pdf.close()
        raise UnusablePdfError(_("has no pages"), where)
    return pdf


def preflight(path: Path, options: CheckOptions = CheckOptions(), progress=None,
              memo: Store | None = None) -> PreflightReport:
    """Check one PDF against the print requirements (calling `progress('preflight', done, total)` after each
    page if given); raises UnusablePdfError if it cannot be read. With a `memo` store (the build checking its
    own output) a page whose content was checked before is not interpreted again (check/memo.py); `layout
    check` runs every check on every page."""
    path = Path(path)
    with _open(path) as pdf:
        try:
            declared = info_value(pdf, "/GTS_PDFXVersion")
            standard, source = standard_of(declared, options)
            doc = DocumentCache(options=options, standard=standard, budget=Budget(),
                                output_profile=has_output_profile(pdf), parts=cited_parts(declared, standard))
            document = findings_of(document_tally(pdf, standard, doc.budget), None, doc.standard, doc.options,
                                   doc.parts)
            pages = tuple(_checked(doc, number, page.obj, len(pdf.pages), progress, memo)
                          for number, page in enumerate(pdf.pages, 1))
        except (pikepdf.PdfError, TypeError, ValueError, KeyError, AttributeError) as exc:
            # an object of the wrong type where the PDF standard requires another one
            raise UnusablePdfError(_("damaged beyond checking: {exc}").format(exc=first_line(exc)), str(path)) from None
    return PreflightReport(path=path, standard=standard, standard_from=source, declared_version=declared,
                           options=options, document=document, pages=pages)
