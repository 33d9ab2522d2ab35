"""Unit tests of the QA proof stage (layout/proof.py, `layout proof`) on small reportlab PDFs."""

from __future__ import annotations

import json
import struct
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from layout.cli.proof import command
from layout.errors import LayoutError
from layout.output.sidecar import Sidecar, SidecarPage, sidecar_path
from layout.qa.proof import ProofOptions, Raster, find_manifest, load_sidecar, page_names, proof

PAGE = (600.0, 800.0)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory, tiny_font_path) -> Path:
    """A two-page PDF in the tiny font, 600 × 800 pt."""
    pdfmetrics.registerFont(TTFont("ProofTiny", str(tiny_font_path)))
    path = tmp_path_factory.mktemp("pdf") / "issue.pdf"
    doc = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    for text in ("一二三四", "五六七八"):
        doc.setFont("ProofTiny", 10)
        doc.drawString(100, 700, text)
        doc.showPage()
    doc.save()
    return path


def sidecar(pdf: Path) -> dict:
    """Write a sidecar with a slot, a kinsoku line and an overset article on page 0; return it."""
    lines = [{"column": 1, "baseline": 700, "x0": 100, "x1": 140, "text": "一二三四", "kind": "body",
              "first": True, "last": True, "kinsoku": "push-in"}]
    page0 = {"index": 0, "number": 1, "label": "A01", "width": PAGE[0], "height": PAGE[1], "trim": [0, 0, *PAGE],
             "columns": [[50, 50, 290, 750], [310, 50, 550, 750]], "baselines": [700 - 20 * i for i in range(30)],
             "ignore": [], "furniture": [{"kind": "folio-date", "box": [400, 760, 500, 780]}],
             "articles": [{"id": "lead", "slot": [50, 400, 550, 750], "columns": [], "lines": lines, "overset": None},
                          {"id": "brief", "slot": [310, 50, 550, 390], "columns": [], "lines": [],
                           "overset": {"lines_needed": 20, "lines_available": 17, "characters_over": 40}}]}
    page1 = {**page0, "index": 1, "number": 2, "label": "A02", "articles": []}
    data = {"format": "layout-sidecar/1", "issue": "issue", "pdf": pdf.name, "pages": [page0, page1]}
    sidecar_path(pdf).write_text(json.dumps(data), encoding="utf-8")
    return data


def png_chunks(path: Path) -> list[str]:
    """The chunk types of a PNG file, in order."""
    data, pos, kinds = path.read_bytes(), 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        kinds.append(kind.decode())
        pos += 12 + length
    return kinds


def test_pages_without_sidecar_are_page_001_and_sized_by_dpi(tmp_path, pdf):
    result = proof(pdf, tmp_path / "out", ProofOptions(dpi=100))
    assert [p.name for p in result.pages] == ["page-001.png", "page-002.png"]
    with Image.open(result.pages[0]) as image:
        assert (image.mode, image.size) == ("RGB", (834, 1112))  # ceil(600 × 100/72), ceil(800 × 100/72)


def test_png_bytes_are_deterministic_and_carry_no_time_or_text(tmp_path, pdf):
    first = proof(pdf, tmp_path / "one", ProofOptions(dpi=100)).pages
    second = proof(pdf, tmp_path / "two", ProofOptions(dpi=100)).pages
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert png_chunks(first[0]) == ["IHDR", "pHYs"] + ["IDAT"] * (png_chunks(first[0]).count("IDAT")) + ["IEND"]


def test_sidecar_labels_name_the_pages_and_overlay_draws_slots_and_markers(tmp_path, pdf):
    sidecar(pdf)
    try:
        plain = proof(pdf, tmp_path / "plain", ProofOptions(dpi=72)).pages
        over = proof(pdf, tmp_path / "over", ProofOptions(dpi=72, overlay=True)).pages
        again = proof(pdf, tmp_path / "again", ProofOptions(dpi=72, overlay=True)).pages
    finally:
        sidecar_path(pdf).unlink()
    assert [p.name for p in over] == ["A01.png", "A02.png"]
    assert over[0].read_bytes() == again[0].read_bytes()
    with Image.open(plain[0]) as before, Image.open(over[0]) as after:
        assert before.getpixel((300, 50)) == (255, 255, 255)
        slot_edge = after.getpixel((300, 50))  # top edge of slot 'lead' at y = 750 pt
        assert slot_edge[0] > 200 and slot_edge[2] < 100  # orange
        overset = after.getpixel((400, 800 - 55))  # inside the red overset band at the bottom of 'brief'
        assert overset[0] > 200 and overset[1] < 200 and overset[2] < 200
        kinsoku = after.getpixel((120, 800 - 712))  # the kinsoku line's band, above the glyphs
        assert kinsoku[1] > kinsoku[0] and kinsoku[1] > kinsoku[2]  # green tint
        assert after.getpixel((50, 450)) != before.getpixel((50, 450))  # the left edge of column 1


def test_overlay_without_sidecar_is_a_clear_error(tmp_path, pdf):
    with pytest.raises(LayoutError, match="--overlay needs the sidecar"):
        proof(pdf, tmp_path / "out", ProofOptions(overlay=True))
    result = CliRunner().invoke(command, [str(pdf), "-o", str(tmp_path / "out"), "--overlay"])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_cli_writes_the_pngs_and_rejects_bad_input(tmp_path, pdf):
    result = CliRunner().invoke(command, [str(pdf), "-o", str(tmp_path / "out"), "--dpi", "50"])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["page-001.png", "page-002.png"]
    assert CliRunner().invoke(command, [str(tmp_path / "nope.pdf"), "-o", str(tmp_path / "x")]).exit_code == 1
    assert CliRunner().invoke(command, [str(pdf), "-o", str(tmp_path / "x"), "--dpi", "0"]).exit_code == 1


def test_a_broken_sidecar_is_reported_with_its_path(tmp_path):
    pdf = tmp_path / "x.pdf"
    sidecar_path(pdf).write_text("{not json", encoding="utf-8")
    with pytest.raises(LayoutError) as err:
        load_sidecar(pdf)
    assert err.value.where == str(tmp_path / "x.layout.json")
    sidecar_path(pdf).write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(LayoutError, match="layout-sidecar/1"):
        load_sidecar(pdf)


def test_page_names_are_labels_made_safe_and_unique():
    base = SidecarPage(index=0, number=1, label="", width=600.0, height=800.0, trim=(0, 0, 600, 800), columns=(),
                       baselines=(), ignore=(), furniture=(), articles=())
    labels = ("A01", "A01", "B/03", "")
    data = Sidecar("issue", "issue.pdf", tuple(replace(base, index=i, label=label) for i, label in enumerate(labels)))
    assert page_names(data, 5) == ("A01", "page-002", "B_03", "page-004", "page-005")


def test_raster_maps_pt_boxes_to_pixels_and_back():
    raster = Raster(scale=2.0, left=0.0, top=800.0, width=1200, height=1600)
    assert raster.box_px((100, 570, 150, 600)) == (200, 400, 300, 460)
    assert raster.box_pt((200, 400, 300, 460)) == (100.0, 570.0, 150.0, 600.0)
    assert raster.box_px((-10, -10, 10000, 10000)) == (0, 0, 1200, 1600)


def test_find_manifest_accepts_a_folder_or_a_yaml_file(tmp_path):
    assert find_manifest(tmp_path) is None
    (tmp_path / "issue.yaml").write_text("issue: {}\n", encoding="utf-8")
    assert find_manifest(tmp_path) == tmp_path / "issue.yaml"
    assert find_manifest(tmp_path / "issue.yaml") == tmp_path / "issue.yaml"
    assert find_manifest(tmp_path / "x.pdf") is None

