"""Print readiness of the sample issue, read back from the PDF: PDF/X-1a keys, boxes, fonts, colour, marks."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from layout.units import mm
from worlds import fake_cmyk_profile
from click.testing import CliRunner

from layout.build import BuildOptions, build
from layout.check import CheckOptions, preflight
from layout.cli import main

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(SAMPLE / "issue.yaml", BuildOptions(outdir=tmp_path_factory.mktemp("print"), pages=True))


def copy_sample(tmp_path: Path, replace: tuple[str, str] | None = None, append: str = "") -> Path:
    dest = tmp_path / "issue"
    shutil.copytree(SAMPLE, dest, ignore=shutil.ignore_patterns("build"))
    text = (dest / "issue.yaml").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    (dest / "issue.yaml").write_text(text + append, encoding="utf-8")
    return dest / "issue.yaml"


def test_header_is_pdf_1_3_for_pdfx_1a(built):
    assert built.issue_pdf.read_bytes().startswith(b"%PDF-1.3")


def test_info_dictionary_declares_pdfx_1a(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        info = pdf.docinfo
        assert str(info["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert str(info["/GTS_PDFXConformance"]) == "PDF/X-1a:2001"
        assert info["/Trapped"] == pikepdf.Name("/False")
        assert str(info["/Title"]).startswith("济宁日报 2023-08-22")
        assert str(info["/CreationDate"]).startswith("D:20230822000000")
        assert str(info["/ModDate"]) == str(info["/CreationDate"])


def test_output_intent_names_newsprint(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == pikepdf.Name("/GTS_PDFX")
        assert str(intent.OutputConditionIdentifier) == "IFRA26"
        assert str(intent.RegistryName) == "http://www.color.org"


def test_xmp_matches_the_info_dictionary(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-1:2001"
        assert meta["dc:title"] == str(pdf.docinfo["/Title"])


def test_boxes_trim_is_the_page_and_bleed_0_only_rounds_out_to_a_tenth_of_a_point(built):
    with pikepdf.open(built.issue_pdf) as pdf:
        page = pdf.pages[0].obj
        trim = [float(v) for v in page.TrimBox]
        assert trim[:2] == [0, 0] and trim[2:] == pytest.approx([mm(390), mm(540)], abs=0.001)
        assert [float(v) for v in page.BleedBox] == [float(v) for v in page.MediaBox] == [0, 0, 1105.6, 1530.8]


def test_every_font_is_an_embedded_subset_with_tounicode(built):
    out = subprocess.run(["pdffonts", str(built.issue_pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert len(rows) >= 3
    assert all(row.split()[-5:-2] == ["yes", "yes", "yes"] for row in rows), out


def test_own_preflight_passes_with_no_findings(built):
    for path in (built.issue_pdf, *built.page_pdfs):
        report = preflight(path, CheckOptions(standard="x-1a", ink_limit=240))
        assert report.passed, report.as_table()
        assert not [f for f in report.findings if f.severity == "error"]


def test_check_cli_json_on_the_sample(built):
    result = CliRunner().invoke(main, ["check", str(built.issue_pdf), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["passed"] is True


def test_qpdf_check_is_clean_for_every_file(built):
    for path in (built.issue_pdf, *built.page_pdfs):
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout


def test_text_and_rules_are_100k_overprinted(built):
    """Every colour operator on the page is 0 0 0 1 (k/K), and an overprint ExtGState is in force."""
    with pikepdf.open(built.issue_pdf) as pdf:
        page = pdf.pages[0]
        ops = pikepdf.parse_content_stream(page)
        colours = {tuple(float(x) for x in operands) for operands, op in ops if str(op) in ("k", "K")}
        red = (0.0, 1.0, 1.0, 0.0)  # the house-red 栏目 labels
        assert colours <= {(0.0, 0.0, 0.0, 1.0), red}
        states = [page.Resources.ExtGState[k] for k in page.Resources.ExtGState.keys()]
        entries = {(str(k), s[k]) for s in states for k in s.keys()}
        assert {("/OP", True), ("/op", True), ("/OPM", 1)} <= entries


def test_marks_enlarge_the_mediabox_outside_the_trim(tmp_path):
    manifest = copy_sample(tmp_path, ("  marks: false", "  marks: true"))
    result = build(manifest, BuildOptions(outdir=tmp_path / "out"))
    with pikepdf.open(result.issue_pdf) as pdf:
        page = pdf.pages[0].obj
        media, trim = [float(v) for v in page.MediaBox], [float(v) for v in page.TrimBox]
        assert media[0] < trim[0] and media[1] < trim[1] and media[2] > trim[2] and media[3] > trim[3]
        assert trim[2] - trim[0] == pytest.approx(390 * 72 / 25.4, abs=0.01)


def test_pdfx4_option_with_an_icc_profile(tmp_path):
    manifest = copy_sample(tmp_path)
    fake_cmyk_profile(manifest.parent / "newsprint.icc")
    text = manifest.read_text(encoding="utf-8").replace("  standard: x-1a", "  standard: x-4\n  icc_profile: newsprint.icc")
    manifest.write_text(text, encoding="utf-8")
    result = build(manifest, BuildOptions(outdir=tmp_path / "out"))
    data = result.issue_pdf.read_bytes()
    assert data.startswith(b"%PDF-1.6")
    with pikepdf.open(result.issue_pdf) as pdf:
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-4"
        assert "/DestOutputProfile" in pdf.Root.OutputIntents[0]


def test_build_fails_and_keeps_the_file_aside_when_its_own_preflight_fails(tmp_path):
    # rich black (4-colour) 报眉 text at 9 pt: within the ink limit, but a plant rejects it
    manifest = copy_sample(tmp_path, ("  folio:     {role: hei, weight: regular, size: 小五}",
                                      "  folio:     {role: hei, weight: regular, size: 小五, color: [40, 30, 30, 100]}"))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(manifest), "-o", str(out)])
    assert result.exit_code == 1
    assert "does not pass preflight" in result.output and "small-text" in result.output
    assert (out / "jining-2023-08-22.failed.pdf").is_file()
    assert not (out / "jining-2023-08-22.pdf").exists()


def test_ghostscript_pdfx_mode_accepts_the_boxes_with_bleed_0(built, tmp_path):
    """gs -dPDFX sizes the page in 1/720 in device pixels; a MediaBox not on that grid used to come out
    smaller than the TrimBox ("TrimBox does not fit inside BleedBox … reverting to normal PDF output")."""
    done = subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-dPDFX", "-sDEVICE=pdfwrite",
                           "-sColorConversionStrategy=CMYK", f"-sOutputFile={tmp_path / 'gs.pdf'}",
                           str(built.issue_pdf)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "not permitted" not in done.stderr and "reverting" not in done.stderr, done.stderr
    with pikepdf.open(built.issue_pdf) as pdf:
        page = pdf.pages[0].obj
        trim, bleed = [float(v) for v in page.TrimBox], [float(v) for v in page.BleedBox]
        assert bleed[0] <= trim[0] and bleed[1] <= trim[1] and bleed[2] >= trim[2] and bleed[3] >= trim[3]
        assert bleed[2] - trim[2] < 0.1 and bleed[3] - trim[3] < 0.1  # bleed 0: only the rounding


def test_embedded_cff_programs_name_the_simplified_chinese_faces(built):
    from layout.output.paint.cidfont import cff_name
    with pikepdf.open(built.issue_pdf) as pdf:
        names = {str(o.FontName).split("+", 1)[1]: cff_name(o.FontFile3.read_bytes()) for o in pdf.objects
                 if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor" and "/FontFile3" in o}
    assert names and all(name == program and "CJKsc" in name for name, program in names.items())
