"""Manifest: issue.yaml and fonts.yaml → the frozen spec; the only yaml importer; every schema message lives here.

Files are parsed with yaml.compose (SafeLoader) so every node keeps its line; the nodes are converted by hand
from their source text, which also sidesteps YAML 1.1 surprises (`no` → False, `2023-08-22` → date). The first
problem raises a ManifestError whose `where` is `<file>:<line> (<yaml path>)` and whose hint says how to fix it.
"""

from .fonts_yaml import load_font_table
from .issue import load_issue
from .styles import STYLE_DEFAULTS, StyleDefault

__all__ = ["STYLE_DEFAULTS", "StyleDefault", "load_font_table", "load_issue"]
