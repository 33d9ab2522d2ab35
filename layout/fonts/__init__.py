"""Fonts: roles → faces (fonts.yaml, package data), metrics, fallback chains, coverage and embedding checks."""

from .book import FONT_TABLE, FontBook, FontTable
from .faces import (FSTYPE_BITMAP_ONLY, FSTYPE_RESTRICTED, Face, FaceSource, TextFont, check_embeddable,
                    file_sha256, load_face)

__all__ = ["FONT_TABLE", "FSTYPE_BITMAP_ONLY", "FSTYPE_RESTRICTED", "Face", "FaceSource", "FontBook", "FontTable",
           "TextFont", "check_embeddable", "file_sha256", "load_face"]
