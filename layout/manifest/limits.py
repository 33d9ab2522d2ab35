"""Limits: how large, deep and strange a manifest may be before it is refused (see docs/limits.md).

A real issue.yaml is a few KiB with a few thousand values, nested 6–8 levels, with a handful of anchors;
the limits are orders of magnitude above that and only stop hostile or broken input (a file that is not a
manifest, a YAML alias bomb, a runaway generator) before it costs memory, time or a RecursionError.
"""

from __future__ import annotations

MAX_MANIFEST_BYTES = 10 * 1024 * 1024  # a YAML file (issue.yaml, fonts.yaml) is read only up to 10 MiB
MAX_DEPTH = 100  # nested lists/mappings (and chained `<<:` merges) below the top level
MAX_NODES = 100_000  # values in the document after expanding every alias (and so every `<<:` merge)
MAX_ALIASES = 1_000  # `*name` uses in one document
MIN_YEAR, MAX_YEAR = 1900, 2099  # issue.date: a newspaper date
MAX_NAME_BYTES = 255  # one component of an article/font/profile path (NAME_MAX on Linux and macOS)
