"""Photo conversion: a photo file into a print-ready DeviceCMYK image for a placed box (see docs/photos.md)."""

from .cache import convert
from .crop import Crop
from .encode import PrintImage
from .errors import PhotoError, PhotoInkError, PhotoResolutionError
from .resolution import Resolution
from .settings import PhotoSettings

__all__ = ["Crop", "PhotoError", "PhotoInkError", "PhotoResolutionError", "PhotoSettings", "PrintImage",
           "Resolution", "convert"]
