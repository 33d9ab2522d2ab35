"""Separation of the photo sample with Ghostscript's tiffsep (one plate per ink, as a plant's RIP makes
them): total ink never above the limit, and the greyscale photo on the black plate only."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from layout.build import BuildOptions, build
from layout.output import sidecar

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining-photos"
PLATES = ("Cyan", "Magenta", "Yellow", "Black")
DPI = 72


@pytest.fixture(scope="module")
def plates(tmp_path_factory):
    """The page's four plates as ink percentages (0–100 per pixel), and the build."""
    out = tmp_path_factory.mktemp("sep")
    result = build(SAMPLE / "issue.yaml", BuildOptions(outdir=out))
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=tiffsep", f"-r{DPI}",
                    f"-sOutputFile={out / 'p%d.tif'}", str(result.issue_pdf)], check=True, timeout=300)
    inks = {c: (255 - np.asarray(Image.open(out / f"p1({c}).tif").convert("L"), dtype=np.float64)) * 100 / 255
            for c in PLATES}
    return inks, result


def test_no_pixel_carries_more_ink_than_the_limit(plates):
    inks, result = plates
    tac = sum(inks.values())
    assert tac.max() <= result.made.issue.print.ink_limit + 0.5  # 8-bit plates round by up to 0.4 % each


def pixel_box(box, height_pt: float):
    """A sidecar box (pt, origin bottom-left) as pixel slices, inset by 2 px from its edges."""
    x0, y0, x1, y1 = (v * DPI / 72 for v in box)
    top, bottom = height_pt * DPI / 72 - y1, height_pt * DPI / 72 - y0
    return slice(int(top) + 2, int(bottom) - 2), slice(int(x0) + 2, int(x1) - 2)


def test_the_greyscale_photo_is_on_the_black_plate_only(plates):
    inks, result = plates
    doc = sidecar.read(result.sidecar)
    page = doc.pages[0]
    figures = {f.file: f for a in page.articles for f in a.figures}
    grey = next(f for name, f in figures.items() if "grey" in name)
    rows, cols = pixel_box(grey.box, page.height)
    assert inks["Black"][rows, cols].max() > 20
    assert max(inks[c][rows, cols].max() for c in ("Cyan", "Magenta", "Yellow")) == 0
    colour = next(f for name, f in figures.items() if "bridge" in name)
    rows, cols = pixel_box(colour.box, page.height)
    assert inks["Cyan"][rows, cols].max() > 10  # a colour photo is separated into process inks


def test_a_changed_photo_is_a_region_change_of_its_article(tmp_path):
    import shutil
    from PIL import ImageOps
    from click.testing import CliRunner
    from layout.cli import main
    issue = tmp_path / "issue"
    shutil.copytree(SAMPLE, issue, ignore=shutil.ignore_patterns("build"))
    run = CliRunner().invoke
    assert run(main, ["build", str(issue / "issue.yaml"), "-o", str(tmp_path / "old"), "-q"]).exit_code == 0
    photo = issue / "photos" / "facade-grey-sigi-sagi.jpg"
    ImageOps.invert(Image.open(photo).convert("L")).save(photo, quality=90)
    assert run(main, ["build", str(issue / "issue.yaml"), "-o", str(tmp_path / "new"), "-q"]).exit_code == 0
    name = "jining-photos-2023-08-22.pdf"
    result = run(main, ["diff", str(tmp_path / "old" / name), str(tmp_path / "new" / name), "-o", str(tmp_path / "d")])
    assert result.exit_code == 1, result.output
    assert "0 text change(s)" in result.output and "articles: property" in result.output
    proof = run(main, ["proof", str(tmp_path / "new" / name), "-o", str(tmp_path / "p"), "--overlay"])
    assert proof.exit_code == 0, proof.output
