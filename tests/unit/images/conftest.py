"""Generated test photos and ICC profiles for the photo stage (no network, no sample files needed)."""

from __future__ import annotations


import pytest
from PIL import Image

from photo_helpers import save


@pytest.fixture
def png(tmp_path):
    """Write an image as PNG (keyword options passed to Pillow) and return its path."""
    def make(image: Image.Image, name: str = "photo.png", **options):
        path = tmp_path / name
        save(image, path, "PNG", **options)
        return path
    return make
