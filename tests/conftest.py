"""Shared fixtures: the tiny test font (exact metrics) as a Face and as TextFonts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests derandomized (same examples every run: a red CI is reproducible);
# locally they explore new examples each run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

sys.path.insert(0, str(Path(__file__).parent))

from tinyfont import build_tiny_font  # noqa: E402

from layout.fonts import FaceSource, TextFont, load_face  # noqa: E402


@pytest.fixture(scope="session")
def tiny_font_path(tmp_path_factory) -> Path:
    """Path of the tiny TrueType test font (Han 1000, punctuation 1000, Latin/digits 500, ASCII 250)."""
    return build_tiny_font(tmp_path_factory.mktemp("fonts") / "LayoutTest-Regular.ttf")


@pytest.fixture(scope="session")
def latin_only_font_path(tmp_path_factory) -> Path:
    """A tiny font without Han (to test fallback chains and coverage errors)."""
    return build_tiny_font(tmp_path_factory.mktemp("fonts") / "LatinOnly.ttf", "LatinOnly", han=False)


@pytest.fixture(scope="session")
def tiny_face(tiny_font_path):
    """The tiny font loaded as a Face (role 'song', weight 'regular')."""
    return load_face(FaceSource(role="song", weight="regular", file=tiny_font_path))


@pytest.fixture
def tiny_font(tiny_face):
    """Factory: the tiny face as a TextFont at `size` pt (default 10: a Han is exactly 10 pt wide)."""
    def make(size: float = 10.0) -> TextFont:
        return TextFont((tiny_face,), size)
    return make


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/cases/*/expected.txt from the current output (review the diff!)")
