"""The sample issue's three photos at a 4-column (175 × 100 mm) and a 2-column (86 × 60 mm) figure."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from layout.images import convert

PHOTOS = Path(__file__).resolve().parents[3] / "issues/jining/photos"
MM = 72 / 25.4
BOXES = {"4 col": (175.2, 100.0), "2 col": (85.7, 60.0)}


@pytest.mark.parametrize("name", ["bridge-klootwijk.jpg", "boats-ian-hex.jpg", "facade-grey-sigi-sagi.jpg"])
@pytest.mark.parametrize("figure", list(BOXES))
def test_sample_photo(name, figure):
    width, height = BOXES[figure]
    start = time.perf_counter()
    image = convert(PHOTOS / name, (width * MM, height * MM))
    seconds = time.perf_counter() - start
    print(f"\n{name} {figure} {width}×{height} mm: {image.source_ppi:.0f} → {image.ppi:.0f} ppi, "
          f"{image.width_px}×{image.height_px} px, max TAC {image.max_tac} % (embedded {image.embedded_max_tac} %), "
          f"{image.separation}, {len(image.data) / 1e3:.0f} kB, {seconds:.2f} s")
    assert image.source_ppi > 300 and image.ppi == pytest.approx(200, abs=0.5)
    assert image.max_tac <= 240 and image.embedded_max_tac <= 240 and image.warnings == ()
    assert image.separation == ("k-only" if "grey" in name else "icc")
