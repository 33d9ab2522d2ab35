"""The ppi policy with exact numbers: warn below 170, refuse below 100, downsample above 300 to 200, never up."""

from __future__ import annotations

import pytest
from PIL import Image

from layout.images.crop import cover
from layout.images.errors import PhotoResolutionError
from layout.images.resolution import Resolution, assess, effective_ppi, resample
from layout.images.settings import PhotoSettings

S = PhotoSettings()
BOX = (360.0, 144.0)  # 5 × 2 inches


def at(ppi: float) -> Resolution:
    """The policy for a crop of exactly `ppi` in BOX."""
    crop = cover((round(5 * ppi), round(2 * ppi)), BOX)
    return assess(crop, BOX, S, "x.jpg")


def test_effective_ppi_in_points():
    assert effective_ppi((1000, 400), BOX) == 200.0
    assert effective_ppi((1000, 300), BOX) == 150.0  # the lower axis


def test_between_170_and_300_is_kept_as_is():
    assert at(170) == Resolution(ppi_before=170.0, ppi_after=170.0, resampled=False, size=(850, 340), warnings=())
    assert at(300) == Resolution(ppi_before=300.0, ppi_after=300.0, resampled=False, size=(1500, 600), warnings=())
    assert at(200) == Resolution(ppi_before=200.0, ppi_after=200.0, resampled=False, size=(1000, 400), warnings=())


def test_below_170_warns():
    result = at(169.8)
    assert not result.resampled and result.size == (849, 340)
    assert len(result.warnings) == 1 and "170 ppi" in result.warnings[0]


def test_exactly_100_warns_but_passes():
    result = at(100)
    assert result.ppi_after == 100.0 and result.warnings


def test_below_100_is_refused_with_the_file_named():
    with pytest.raises(PhotoResolutionError) as error:
        at(99.8)
    assert error.value.where == "x.jpg" and "100 ppi minimum" in str(error.value)
    assert "hint" in str(error.value)


def test_above_300_downsamples_to_200():
    result = assess(cover((1502, 601), BOX), BOX, S)  # 300.4 ppi
    assert result == Resolution(ppi_before=300.4, ppi_after=200.0, resampled=True, size=(1000, 400), warnings=())
    assert at(1000).size == (1000, 400)


def test_never_upsamples():
    assert at(120).size == (600, 240)
    assert at(120).ppi_after == 120.0


def test_resample_uses_the_crop_and_the_size():
    image = Image.new("RGB", (3000, 1000), (10, 20, 30))
    crop = cover(image.size, BOX)
    result = assess(crop, BOX, S)
    out = resample(image, crop, result, (255, 255, 255))
    assert out.size == (1000, 400) and out.getpixel((500, 200)) == (10, 20, 30)


def test_contain_letterbox_is_paper_white():
    from layout.images.crop import contain
    image = Image.new("L", (3000, 600), 0)
    crop = contain(image.size, BOX)
    result = assess(crop, BOX, S)
    out = resample(image, crop, result, 255)
    assert out.size == (1000, 400)
    assert out.getpixel((500, 10)) == 255 and out.getpixel((500, 390)) == 255 and out.getpixel((500, 200)) == 0
