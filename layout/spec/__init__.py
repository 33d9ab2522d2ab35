"""Spec: the frozen input model of an issue (what the manifest says), shared by every later stage; no I/O."""

from .grid import GridSpec, Margins
from .issue import FontOverride, Issue, Masthead, PageSpec, PrintSpec, Typography
from .placement import AUTO, REST, ArticleSpec, FigureSpec, FitPolicy, Slot, StorySpec
from .style import BLACK, CMYK, TextStyle
from .vocab import (ALIGNMENTS, BREAKERS, FIGURE_FITS, FIGURE_PLACES, KINSOKU_LEVELS, PDFX, PDFX_STANDARDS, ROLES,
                    STYLE_NAMES, WEIGHTS, PdfxStandard)

__all__ = ["ALIGNMENTS", "AUTO", "ArticleSpec", "BLACK", "BREAKERS", "CMYK", "FIGURE_FITS", "FIGURE_PLACES",
           "FigureSpec", "FitPolicy", "FontOverride", "GridSpec", "Issue", "KINSOKU_LEVELS", "Margins", "Masthead",
           "PDFX", "PDFX_STANDARDS", "PageSpec", "PdfxStandard", "PrintSpec", "REST", "ROLES", "STYLE_NAMES", "Slot",
           "StorySpec", "TextStyle", "Typography", "WEIGHTS"]
