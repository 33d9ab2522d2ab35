"""Benchmark of the photo stage: a generated 9 MP photo (3600 × 2500, noise + gradient) into a 4-column figure.

Prints cold (no cache) and cached convert times, the ppi and the maximum TAC.
Run: /work/main/.venv/bin/python bench/photo_bench.py   (from the repository root)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from layout.images import PhotoSettings, convert  # noqa: E402

MM = 72 / 25.4
BOX = (175.2 * MM, 100.0 * MM)  # 4 columns of the sample broadsheet


def photo(path: Path) -> Path:
    """A 3600 × 2500 RGB JPEG: colour gradients with noise (hard for JPEG and the TAC check)."""
    y, x = np.mgrid[0:2500, 0:3600]
    rgb = np.stack([x * 255 / 3599, y * 255 / 2499, (x + y) * 255 / 6098], axis=-1)
    rgb += np.random.default_rng(0).normal(0, 40, rgb.shape)
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB").save(path, quality=92)
    return path


def timed(function):
    """(result, seconds)."""
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, cache = photo(Path(folder) / "nine.jpg"), Path(folder) / "build/.cache/images"
        settings = PhotoSettings()
        cold, t_cold = timed(lambda: convert(source, BOX, settings, cache))
        warm, t_warm = timed(lambda: convert(source, BOX, settings, cache))
        _, t_nocache = timed(lambda: convert(source, BOX, settings))
        assert warm == cold
        print(f"9 MP photo 3600×2500 → {cold.width_px}×{cold.height_px} px "
              f"({cold.source_ppi:.0f} → {cold.ppi:.0f} ppi), {len(cold.data) / 1e6:.2f} MB DCT")
        print(f"max TAC {cold.max_tac} % (embedded {cold.embedded_max_tac} %), warnings {list(cold.warnings)}")
        print(f"cold (first, incl. profile and transform set-up) {t_cold:.2f} s")
        print(f"cached {t_warm * 1000:.0f} ms")
        print(f"again without cache (transform built) {t_nocache:.2f} s")


if __name__ == "__main__":
    main()
