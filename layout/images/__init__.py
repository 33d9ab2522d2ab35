"""Photo conversion: a photo file into a print-ready DeviceCMYK image for a placed box (see docs/photos.md).

The names that need Pillow, NumPy and LittleCMS (`convert`, `PrintImage`, `Resolution`) are imported on
first use (PEP 562), so a build without photos does not load the imaging stack."""

from importlib import import_module

from .crop import Crop
from .errors import PhotoError, PhotoInkError, PhotoResolutionError
from .settings import PhotoSettings

_LAZY = {"convert": ".cache", "PrintImage": ".encode", "Resolution": ".resolution"}  # name → module

__all__ = ["Crop", "PhotoError", "PhotoInkError", "PhotoResolutionError", "PhotoSettings", "PrintImage",
           "Resolution", "convert"]


def __getattr__(name: str):
    """A lazily imported name of the package (the imaging stack loads on first use)."""
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
