"""End to end: issues/jining-photos builds with DeviceCMYK DCT photos, captions under them, no text over them."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from layout.build import BuildOptions, build
from layout.check import CheckOptions, preflight

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining-photos"
INVERTED = [1, 0, 1, 0, 1, 0, 1, 0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("photos")
    return build(SAMPLE / "issue.yaml", BuildOptions(outdir=out))


def placed_images(pdf: pikepdf.Pdf) -> list[tuple[pikepdf.Object, tuple[float, float, float, float]]]:
    """Every image XObject drawn on page 1 with its placed box (from the `cm` before its `Do`)."""
    page, out, matrix = pdf.pages[0], [], None
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "cm":
            matrix = [float(v) for v in operands]
        elif str(operator) == "Do":
            xobject = page.Resources.XObject[operands[0]]
            if xobject.Subtype == pikepdf.Name.Image:
                a, _, _, d, e, f = matrix
                out.append((xobject, (e, f, e + a, f + d)))
    return out


def test_every_photo_is_a_devicecmyk_dct_image_xobject(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        images = placed_images(pdf)
        assert len(images) == 3
        for xobject, _ in images:
            assert xobject.ColorSpace == pikepdf.Name.DeviceCMYK
            assert xobject.Filter == pikepdf.Name.DCTDecode
            assert int(xobject.BitsPerComponent) == 8
            assert [int(v) for v in xobject.Decode] == INVERTED
            assert xobject.read_raw_bytes()[:2] == b"\xff\xd8"  # the JPEG bytes as converted, not re-encoded


def test_photos_are_placed_at_170_to_300_ppi(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        for xobject, (x0, y0, x1, y1) in placed_images(pdf):
            ppi = min(int(xobject.Width) * 72 / (x1 - x0), int(xobject.Height) * 72 / (y1 - y0))
            assert 170 <= ppi <= 300


def _boxes(path: Path):
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        height = float(page.height)
        chars = [(c["x0"], height - c["bottom"], c["x1"], height - c["top"], c["fontname"]) for c in page.chars]
        images = [(i["x0"], height - i["bottom"], i["x1"], height - i["top"]) for i in page.images]
    return chars, images


def test_no_glyph_box_overlaps_an_image_box(built):
    chars, images = _boxes(built.issue_pdf)
    assert len(images) == 3
    tol = 0.01
    overlaps = [(c, i) for c in chars for i in images
                if c[0] < i[2] - tol and c[2] > i[0] + tol and c[1] < i[3] - tol and c[3] > i[1] + tol]
    assert overlaps == []


def test_a_caption_in_kai_sits_under_each_photo(built):
    chars, images = _boxes(built.issue_pdf)
    for x0, y0, x1, _ in images:
        under = [c for c in chars if x0 - 0.5 <= c[0] and c[2] <= x1 + 0.5 and y0 - 30 < c[3] <= y0 + 0.5]
        assert under and all(re.search("WenKai", c[4]) for c in under)


def test_the_sidecar_records_each_figure_under_its_article(built):
    from layout.output import sidecar
    records = sidecar.read(built.sidecar)
    figures = {a.id: [f.file for f in a.figures] for a in records.pages[0].articles if a.figures}
    assert figures == {"lead": ["photos/bridge-klootwijk.jpg"], "culture-safety": ["photos/boats-ian-hex.jpg"],
                       "property": ["photos/facade-grey-sigi-sagi.jpg"]}


def test_the_output_intent_names_tr002_and_embeds_its_profile(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "CGATS TR 002"
        assert str(intent.RegistryName) == "http://www.color.org"
        assert int(intent.DestOutputProfile.N) == 4


def test_the_build_fits_and_layout_check_passes(built):
    s = built.summary
    assert not s.oversets and not s.underfull and not s.unplaced
    t = s.typesetting
    assert (t.prohibited_starts, t.prohibited_ends, t.not_flush, t.overfull, t.orphans, t.off_grid) == (0,) * 6
    assert len(s.photos) == 3 and all(170 <= p.ppi <= 300 and p.max_tac <= 240 for p in s.photos)
    assert preflight(built.issue_pdf, CheckOptions(standard="x-1a", ink_limit=240)).passed


def test_a_rebuild_is_byte_identical(built, tmp_path):
    first = built.issue_pdf.read_bytes()
    again = build(SAMPLE / "issue.yaml", BuildOptions(outdir=built.issue_pdf.parent))  # from the photo cache
    assert again.issue_pdf.read_bytes() == first
    cold = build(SAMPLE / "issue.yaml", BuildOptions(outdir=tmp_path))  # converted again
    assert cold.issue_pdf.read_bytes() == first
    assert (tmp_path / ".cache" / "images").is_dir()
