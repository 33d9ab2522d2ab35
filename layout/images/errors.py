"""Errors of the photo stage: the file is named in `where`, the fix in `hint`."""

from __future__ import annotations

from ..errors import LayoutError, PrintError


class PhotoError(LayoutError):
    """A photo cannot be read or converted (not an image, truncated, unsupported, too large)."""


class PhotoResolutionError(PhotoError):
    """A photo has too few pixels for its placed size (below the refusal ppi)."""


class PhotoInkError(PhotoError, PrintError):
    """A converted photo exceeds the total ink limit."""
