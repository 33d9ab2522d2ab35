"""layout: turns a newspaper issue described in YAML into print-ready PDF pages of a Chinese newspaper."""

__version__ = "0.1.0"
