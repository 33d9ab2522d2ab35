"""Spec: the frozen input model of an issue (what the manifest says), shared by every later stage; no I/O."""

from .grid import GridSpec, Margins
from .issue import BoxSpec, ColumnRule, FontOverride, Issue, Masthead, PageSpec, PrintSpec, Typography
from .placement import AUTO, REST, ArticleSpec, FigureSpec, FitPolicy, JumpSpec, Slot, StorySpec, story_key
from .style import BLACK, CMYK, TextStyle
from .vocab import (ALIGNMENTS, BOX_KINDS, BREAKERS, MASTHEAD_ALIGNS, FIGURE_FITS, FIGURE_PLACES, KINSOKU_LEVELS, PDFX, PDFX_STANDARDS, ROLES,
                    STYLE_NAMES, WEIGHTS, PdfxStandard)

__all__ = ["ALIGNMENTS", "AUTO", "BOX_KINDS", "BoxSpec", "MASTHEAD_ALIGNS", "ArticleSpec", "BLACK", "BREAKERS", "CMYK", "FIGURE_FITS", "FIGURE_PLACES",
           "FigureSpec", "FitPolicy", "FontOverride", "GridSpec", "Issue", "JumpSpec", "KINSOKU_LEVELS", "Margins", "Masthead",
           "ColumnRule", "PDFX", "PDFX_STANDARDS", "PageSpec", "PdfxStandard", "PrintSpec", "REST", "ROLES", "STYLE_NAMES", "Slot",
           "StorySpec", "TextStyle", "Typography", "WEIGHTS", "story_key"]
