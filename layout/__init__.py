"""layout: turns a newspaper issue described in YAML into print-ready PDF pages of a Chinese newspaper."""

__version__ = "0.1.0"

from . import codecache as _codecache  # noqa: E402 - before any module of the package defines a dataclass

_codecache.install()
