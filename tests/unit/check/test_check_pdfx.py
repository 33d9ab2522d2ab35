"""Preflight (layout/check/): the PDF/X rules of issue 16 and the stream bounds, each on a file broken here."""

from __future__ import annotations

import subprocess
import sys
import time
import zlib
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from layout.check import ERROR, WARNING, CheckOptions, preflight
from layout.cli.check import command
from test_check import BLEED, TRIM, by_check, good, icc_profile, make_pdf  # noqa: F401 (font fixture below)
from test_check import font  # noqa: F401


def edit(path: Path, change) -> Path:
    """Apply change(pdf) to a saved PDF in place."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        change(pdf)
        pdf.save(path)
    return path


def drop(dictionary: pikepdf.Dictionary, key: str) -> None:
    """Delete a key from a PDF dictionary."""
    del dictionary[key]


def messages(report, check: str, severity: str = ERROR) -> list[str]:
    """The messages of one check's findings of one severity."""
    return [f.message for f in by_check(report, check) if f.severity == severity]


def set_xmp(pdf: pikepdf.Pdf, key: str, value: str | None) -> None:
    """Set (or delete, with None) one XMP property, e.g. 'pdfxid:GTS_PDFXVersion'."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value


# --- 1. the PDF/X version is read from the right XMP namespace ---------------------------------------

def test_x4_without_pdfxid_entry_fails_even_with_a_pdfx_entry(tmp_path, font):
    def move(pdf):
        set_xmp(pdf, "pdfxid:GTS_PDFXVersion", None)
        set_xmp(pdf, "pdfx:GTS_PDFXVersion", "PDF/X-4")  # the wrong schema for X-4
    report = preflight(edit(make_pdf(tmp_path / "x4.pdf", good, pdfx="PDF/X-4"), move))
    [message] = messages(report, "pdfx-version")
    assert "no pdfxid:GTS_PDFXVersion" in message and "ISO 15930-7" in message


def test_version_in_a_foreign_namespace_is_not_read(tmp_path, font):
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description rdf:about="" xmlns:evil="http://example.org/evil/">'
           b'<evil:GTS_PDFXVersion>PDF/X-4</evil:GTS_PDFXVersion></rdf:Description></rdf:RDF></x:xmpmeta>')
    def foreign(pdf):
        pdf.Root.Metadata = pdf.make_stream(xmp, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
    report = preflight(edit(make_pdf(tmp_path / "x4.pdf", good, pdfx="PDF/X-4"), foreign))
    assert any("no pdfxid:GTS_PDFXVersion" in m for m in messages(report, "pdfx-version"))


def test_x1a_reads_the_pdfx_namespace_and_a_disagreeing_value_fails(tmp_path, font):
    path = make_pdf(tmp_path / "x1a.pdf", good)
    assert preflight(path).passed  # the pdfx: entry agrees with Info
    edit(path, lambda pdf: set_xmp(pdf, "pdfx:GTS_PDFXVersion", "PDF/X-1a:2001"))
    [message] = messages(preflight(path), "pdfx-version")
    assert "XMP says PDF/X-1a:2001, Info says PDF/X-1a:2003" in message


def test_x1a_with_only_a_pdfxid_entry_gets_a_warning_not_a_pass_of_the_xmp_check(tmp_path, font):
    def swap(pdf):
        set_xmp(pdf, "pdfx:GTS_PDFXVersion", None)
        set_xmp(pdf, "pdfxid:GTS_PDFXVersion", "PDF/X-4")  # ignored for X-1a
    report = preflight(edit(make_pdf(tmp_path / "x1a.pdf", good), swap))
    assert messages(report, "pdfx-version", WARNING)[0].startswith("no pdfx:GTS_PDFXVersion")
    assert report.passed


# --- 2. the output intent's profile --------------------------------------------------------------------

def test_x4_without_an_embedded_profile_fails(tmp_path, font):
    path = edit(make_pdf(tmp_path / "x4.pdf", good, pdfx="PDF/X-4"),
                lambda pdf: drop(pdf.Root.OutputIntents[0], "/DestOutputProfile"))
    [message] = messages(preflight(path), "output-intent")
    assert "no embedded DestOutputProfile" in message and "ISO 15930-7" in message
    assert not by_check(preflight(path, CheckOptions(standard="x-1a")), "output-intent")  # registry name is enough


@pytest.mark.parametrize("version", ["PDF/X-4", "PDF/X-1a:2003"])
def test_srgb_monitor_profile_fails_as_output_intent(tmp_path, font, version):
    def srgb(pdf):
        pdf.Root.OutputIntents[0].DestOutputProfile = pdf.make_stream(icc_profile(b"mntr", b"RGB "), N=3)
    report = preflight(edit(make_pdf(tmp_path / "srgb.pdf", good, pdfx=version), srgb))
    found = messages(report, "output-intent")
    assert any("'mntr' profile, not an output ('prtr') one" in m for m in found)
    assert ("x-1a" in report.standard) == any("not CMYK" in m for m in found)


def test_cmyk_printer_profile_passes_compressed(tmp_path, font):
    def cmyk(pdf):
        profile = pdf.make_stream(b"", N=4)
        profile.write(zlib.compress(icc_profile()), filter=pikepdf.Name.FlateDecode)
        pdf.Root.OutputIntents[0].DestOutputProfile = profile
    assert preflight(edit(make_pdf(tmp_path / "cmyk.pdf", good, pdfx="PDF/X-4"), cmyk)).passed


def test_output_intent_with_neither_profile_nor_registry_fails(tmp_path, font):
    path = edit(make_pdf(tmp_path / "noreg.pdf", good), lambda pdf: drop(pdf.Root.OutputIntents[0], "/RegistryName"))
    [message] = messages(preflight(path), "output-intent")
    assert "neither DestOutputProfile nor RegistryName" in message


# --- 3. the PDF version each PDF/X version allows --------------------------------------------------

@pytest.mark.parametrize("declared, header, passes", [
    ("PDF/X-1a:2001", "1.4", False), ("PDF/X-1a:2001", "1.3", True), ("PDF/X-1a:2003", "1.4", True),
    ("PDF/X-1a:2003", "1.5", False), ("PDF/X-3:2002", "1.4", False), ("PDF/X-4", "1.6", True),
    ("PDF/X-4", "1.7", False)])
def test_pdf_version_limit_follows_the_declared_version(tmp_path, font, declared, header, passes):
    path = make_pdf(tmp_path / "v.pdf", good, pdfx=declared)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.save(path, force_version=header)
    report = preflight(path)
    found = [m for m in messages(report, "pdfx-version") if "newer than" in m]
    assert (not found) == passes, found
    if not passes:
        assert f"PDF {header} is newer than {declared}" in found[0]


# --- 4. trailer ID and Info keys ---------------------------------------------------------------------

def test_missing_trailer_id_is_an_error(tmp_path, font):
    path = make_pdf(tmp_path / "noid.pdf", good)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.save(path, static_id=True)  # keep qpdf from writing a fresh one…
    data = path.read_bytes()
    start = data.rindex(b"/ID")
    end = data.index(b"]", start) + 1
    path.write_bytes(data[:start] + b" " * (end - start) + data[end:])  # …then blank it out
    [message] = messages(preflight(path), "pdfx-version")
    assert "trailer has no /ID" in message


@pytest.mark.parametrize("key", ["/Title", "/CreationDate"])
def test_missing_title_or_creation_date_is_an_error(tmp_path, font, key):
    path = edit(make_pdf(tmp_path / "info.pdf", good), lambda pdf: drop(pdf.docinfo, key))
    [message] = messages(preflight(path), "pdfx-version")
    assert f"Info dictionary has no {key}" in message


# --- 5. annotations ------------------------------------------------------------------------------------

def annotate(pdf: pikepdf.Pdf, subtype: str, rect: list) -> None:
    """Put one annotation of `subtype` at `rect` on the first page."""
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name("/" + subtype), Rect=rect)]))


@pytest.mark.parametrize("subtype, rect, expected", [
    ("Link", [6, 6, 9, 9], "Link annotation inside the BleedBox"),  # bleed, outside the trim
    ("Text", [0, 0, 4, 4], None),  # slug: outside the bleed
    ("TrapNet", [50, 50, 60, 60], None),
    ("PrinterMark", [6, 6, 9, 9], None),  # outside the trim
    ("PrinterMark", [50, 50, 60, 60], "PrinterMark annotation inside the TrimBox")])
def test_annotation_rules(tmp_path, font, subtype, rect, expected):
    path = edit(make_pdf(tmp_path / "annot.pdf", good), lambda pdf: annotate(pdf, subtype, rect))
    found = messages(preflight(path), "annotations")
    assert found == ([] if expected is None else [found[0]])
    if expected:
        clause = "14.11.3" if subtype == "PrinterMark" else "12.5"
        assert expected in found[0] and found[0].endswith(f"(ISO 15930-4:2003; ISO 32000-1 §{clause})")


# --- 6. transfer functions and halftones -------------------------------------------------------------

def with_gs(tmp_path, **entries) -> Path:
    """The good page with an ExtGState holding `entries` set by gs."""
    path = make_pdf(tmp_path / "gs.pdf", good)
    def add(pdf):
        page = pdf.pages[0]
        page.add_resource(pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, **entries), pikepdf.Name.ExtGState,
                          pikepdf.Name("/GsT"))
        page.contents_add(pdf.make_stream(b"/GsT gs"))
    return edit(path, add)


def identity_function() -> pikepdf.Dictionary:
    """A type 2 function y = x."""
    return pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0], C1=[1], N=1)


def test_tr_transfer_function_is_an_error(tmp_path, font):
    [message] = messages(preflight(with_gs(tmp_path, TR=identity_function())), "transfer-halftone")
    assert "/TR in ExtGState GsT" in message and message.endswith("(ISO 15930-4:2003; ISO 32000-1 §10.4)")


def test_tr2_default_is_allowed_other_tr2_is_not(tmp_path, font):
    assert preflight(with_gs(tmp_path, TR2=pikepdf.Name.Default)).passed
    assert messages(preflight(with_gs(tmp_path, TR2=identity_function())), "transfer-halftone")


def test_halftone_phase_is_an_error(tmp_path, font):
    [message] = messages(preflight(with_gs(tmp_path, HTP=[0, 0])), "transfer-halftone")
    assert "/HTP" in message


def halftone(kind: int, **entries) -> pikepdf.Dictionary:
    """A halftone dictionary (type 1 screens get frequency, angle and a spot function)."""
    if kind == 1:
        entries = {"Frequency": 85, "Angle": 45, "SpotFunction": pikepdf.Name.Round, **entries}
    return pikepdf.Dictionary(Type=pikepdf.Name.Halftone, HalftoneType=kind, **entries)


def test_type_1_halftone_is_allowed(tmp_path, font):
    assert preflight(with_gs(tmp_path, HT=halftone(1))).passed


def test_halftone_type_6_fails_x1a_passes_x4(tmp_path, font):
    path = with_gs(tmp_path, HT=halftone(6, Width=1, Height=1))
    [message] = messages(preflight(path), "transfer-halftone")
    assert "HalftoneType 6" in message and "allowed: 1, 5" in message
    assert message.endswith("(ISO 15930-4:2003; ISO 32000-1 §10.5)")
    assert not by_check(preflight(path, CheckOptions(standard="x-4")), "transfer-halftone")


def test_halftone_name_is_an_error_in_x1a(tmp_path, font):
    [message] = messages(preflight(with_gs(tmp_path, HT=halftone(1, HalftoneName=pikepdf.String("x")))),
                         "transfer-halftone")
    assert "HalftoneName" in message


def test_halftone_transfer_function_only_for_non_primary_colorants(tmp_path, font):
    spot = halftone(5, Default=halftone(1), Black=halftone(1), PANTONE=halftone(1, TransferFunction=identity_function()))
    assert preflight(with_gs(tmp_path, HT=spot)).passed
    black = halftone(5, Default=halftone(1), Black=halftone(1, TransferFunction=identity_function()))
    [message] = messages(preflight(with_gs(tmp_path, HT=black)), "transfer-halftone")
    assert "primary colorant" in message and "Black" in message


# --- 7. TrimBox and ArtBox ---------------------------------------------------------------------------

def test_trim_box_and_art_box_together_is_an_error(tmp_path, font):
    path = edit(make_pdf(tmp_path / "art.pdf", good), lambda pdf: setattr(pdf.pages[0].obj, "ArtBox", list(TRIM)))
    [finding] = by_check(preflight(path), "boxes")
    assert finding.severity == ERROR and "both TrimBox and ArtBox" in finding.message
    assert finding.message.endswith("(ISO 15930-4:2003; ISO 32000-1 §14.11.2)")


# --- 8. PDF/X-3 ----------------------------------------------------------------------------------------

def icc_fill(pdf: pikepdf.Pdf) -> None:
    """Fill a rectangle in an ICCBased CMYK colour space on the first page."""
    space = pikepdf.Array([pikepdf.Name.ICCBased, pdf.make_stream(icc_profile(), N=4)])
    page = pdf.pages[0]
    page.add_resource(space, pikepdf.Name.ColorSpace, pikepdf.Name("/CsI"))
    page.contents_add(pdf.make_stream(b"/CsI cs 0 0 0 1 sc 50 50 20 20 re f"))


@pytest.mark.parametrize("version", ["PDF/X-3:2002", "PDF/X-3:2003"])
def test_x3_is_recognised_and_checked_as_x3(tmp_path, font, version):
    path = make_pdf(tmp_path / "x3.pdf", good, pdfx=version)
    if version.endswith("2002"):
        edit(path, lambda pdf: None)
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.save(path, force_version="1.3")
    report = preflight(path)
    assert report.standard == "x-3" and report.standard_from == "file"
    assert report.passed, report.as_table()
    assert "PDF/X-3 (declared " + version in report.as_table()


def test_x3_allows_icc_colour_only_with_an_embedded_output_profile(tmp_path, font):
    path = edit(make_pdf(tmp_path / "x3icc.pdf", good, pdfx="PDF/X-3:2003"), icc_fill)
    assert messages(preflight(path), "colour-space")  # registry name only: no profile
    def embed(pdf):
        pdf.Root.OutputIntents[0].DestOutputProfile = pdf.make_stream(icc_profile(), N=4)
    assert preflight(edit(path, embed)).passed
    assert messages(preflight(path, CheckOptions(standard="x-1a")), "colour-space")  # X-1a never


def test_x3_forbids_transparency_like_x1a(tmp_path, font):
    def alpha(c):
        good(c)
        c.setFillAlpha(0.5)
        c.rect(50, 50, 40, 40, stroke=0, fill=1)
    assert messages(preflight(make_pdf(tmp_path / "x3a.pdf", alpha, pdfx="PDF/X-3:2003")), "transparency")


# --- resource bounds: flate bombs ---------------------------------------------------------------------

BOMB_SIZE = 100 * 1024 * 1024


def write_bomb(path: Path) -> Path:
    """A good page whose added content stream inflates to 100 MiB of spaces (about 100 KiB on disk)."""
    make_pdf(path, good)
    packed = zlib.compress(b" " * BOMB_SIZE, 9)
    def add(pdf):
        bomb = pikepdf.Stream(pdf, b"")
        bomb.write(packed, filter=pikepdf.Name.FlateDecode)
        pdf.pages[0].contents_add(pdf.make_indirect(bomb))
    edit(path, add)
    return path


def test_flate_bomb_content_stream_is_a_finding_quickly(tmp_path, font):
    path = write_bomb(tmp_path / "bomb.pdf")
    assert path.stat().st_size < 1024 * 1024
    start = time.monotonic()
    report = preflight(path)
    assert time.monotonic() - start < 10  # loose: it takes well under a second
    [message] = messages(report, "stream-size")
    assert "content stream object" in message and "decodes to" in message


def test_flate_bomb_memory_stays_bounded(tmp_path, font):
    path = write_bomb(tmp_path / "bomb.pdf")
    script = ("import resource, sys; from pathlib import Path; from layout.check import preflight; "
              "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
              "report = preflight(Path(sys.argv[1])); "
              "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
              "print(after - before, len(report.errors))")
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parents[3], check=True).stdout.split()
    growth_kib, errors = int(out[0]), int(out[1])
    assert errors == 1
    assert growth_kib < 256 * 1024  # KiB on Linux: far below the 100 MiB the stream inflates to


def test_flate_bomb_image_is_a_finding(tmp_path, font):
    path = make_pdf(tmp_path / "imgbomb.pdf", good)
    def add(pdf):
        image = pikepdf.Stream(pdf, b"")
        image.write(zlib.compress(b"\0" * (64 * 1024 * 1024)), filter=pikepdf.Name.FlateDecode)
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width = image.Height = 10
        image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceCMYK, 8
        page = pdf.pages[0]
        page.add_resource(pdf.make_indirect(image), pikepdf.Name.XObject, pikepdf.Name("/Im0"))
        page.contents_add(pdf.make_stream(b"q 20 0 0 20 50 50 cm /Im0 Do Q"))
    [message] = messages(preflight(edit(path, add)), "stream-size")
    assert message.startswith("image object") and "400 expected" in message


# --- encrypted files -----------------------------------------------------------------------------------

def test_password_encrypted_file_exits_2_saying_encrypted(tmp_path, font):
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(make_pdf(tmp_path / "good.pdf", good)) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="u"))
    result = CliRunner().invoke(command, [str(locked)])
    assert result.exit_code == 2
    assert "encrypted" in result.stderr and "Traceback" not in result.output + result.stderr



def test_a_form_drawn_many_times_is_measured_once(tmp_path, font, monkeypatch):
    import layout.check.streams as streams
    monkeypatch.setattr(streams, "MAX_TOTAL_BYTES", 64 * 1024)  # a budget the repeated form would exhaust
    path = make_pdf(tmp_path / "forms.pdf", good)
    def add(pdf):
        form = pikepdf.Stream(pdf, b"")
        form.write(zlib.compress(b"% padding\n" * 1000 + b"0 0 0 1 k 50 50 10 10 re f"), filter=pikepdf.Name.FlateDecode)
        form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 300, 400]
        page = pdf.pages[0]
        page.add_resource(pdf.make_indirect(form), pikepdf.Name.XObject, pikepdf.Name("/Fx"))
        page.contents_add(pdf.make_stream(b"/Fx Do " * 20))
    report = preflight(edit(path, add))
    assert not by_check(report, "stream-size") and report.passed


# --- citations: each finding names the part and edition it breaks, and the ISO 32000-1 clause ------------

def test_broken_files_cite_the_declared_edition_and_the_pdf_clause(tmp_path, font):
    x4 = edit(make_pdf(tmp_path / "x4.pdf", good, pdfx="PDF/X-4"),
              lambda pdf: drop(pdf.Root.OutputIntents[0], "/DestOutputProfile"))
    [message] = messages(preflight(x4), "output-intent")
    assert message.endswith("(ISO 15930-7:2010; ISO 32000-1 §14.11.5)")
    x1a = edit(make_pdf(tmp_path / "x1a.pdf", good), lambda pdf: drop(pdf.docinfo, "/Title"))  # PDF/X-1a:2003
    [message] = messages(preflight(x1a), "pdfx-version")
    assert message == "Info dictionary has no /Title (ISO 15930-4:2003; ISO 32000-1 §14.3.3)"
    x2001 = edit(make_pdf(tmp_path / "x2001.pdf", good, pdfx="PDF/X-1a:2001"),
                 lambda pdf: drop(pdf.Root.OutputIntents[0], "/RegistryName"))
    [message] = messages(preflight(x2001), "output-intent")
    assert message.endswith("(ISO 15930-1:2001; ISO 32000-1 §14.11.5)")


def test_a_file_checked_against_another_family_cites_every_edition_of_it(tmp_path, font):
    path = edit(make_pdf(tmp_path / "x4.pdf", good, pdfx="PDF/X-4"), lambda pdf: drop(pdf.docinfo, "/Title"))
    found = messages(preflight(path, CheckOptions(standard="x-1a")), "pdfx-version")
    assert any(m.startswith("Info dictionary has no /Title")
               and m.endswith("(ISO 15930-1:2001, ISO 15930-4:2003; ISO 32000-1 §14.3.3)") for m in found)


def test_a_confirmed_iso_15930_clause_is_shown_with_its_edition(tmp_path, font, monkeypatch):
    from layout.check import rules
    monkeypatch.setitem(rules.ISO15930_CLAUSES, ("missing-info-key", "ISO 15930-4:2003"), "6.9.9")
    path = edit(make_pdf(tmp_path / "x1a.pdf", good), lambda pdf: drop(pdf.docinfo, "/Title"))
    [message] = messages(preflight(path), "pdfx-version")
    assert message.endswith("(ISO 15930-4:2003 §6.9.9; ISO 32000-1 §14.3.3)")


def test_every_iso_15930_rule_cites_a_pdf_clause_and_coldset_rules_cite_nothing():
    from layout.check import rules
    for kind, rule in rules.RULES.items():
        cited = rules.citation(kind, rules.ISO_PARTS["x-4"])
        if rule.source in rules.ISO15930_SOURCES:
            assert cited.startswith("ISO 15930-7:2010; ISO 32000-1 §"), kind
        elif rule.check not in rules.CITED_CHECKS:
            assert cited == "", kind


def test_findings_and_passed_checks_are_in_the_editors_language(tmp_path, font):
    from layout.cli import main
    path = edit(make_pdf(tmp_path / "x1a.pdf", good), lambda pdf: drop(pdf.docinfo, "/Title"))
    result = CliRunner().invoke(main, ["--lang", "zh", "check", str(path)])
    assert result.exit_code == 1
    assert "Info 字典中没有 /Title (ISO 15930-4:2003; ISO 32000-1 §14.3.3)" in result.output
    assert "用到的字体都已嵌入" in result.output  # a PASS row
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(path)]).output
    assert "Info dictionary has no /Title (ISO 15930-4:2003" in english and "字典" not in english


@pytest.mark.parametrize("version, part", [("PDF/X-3:2002", "ISO 15930-3:2002"), ("PDF/X-3:2003", "ISO 15930-6:2003")])
def test_an_x3_file_cites_its_own_part(tmp_path, font, version, part):
    path = edit(make_pdf(tmp_path / "x3.pdf", good, pdfx=version), lambda pdf: drop(pdf.docinfo, "/Title"))
    [message] = [m for m in messages(preflight(path), "pdfx-version") if "/Title" in m]
    assert message.endswith(f"({part}; ISO 32000-1 §14.3.3)")


def test_the_json_report_gives_the_citation_apart(tmp_path, font):
    path = edit(make_pdf(tmp_path / "x4.pdf", good, pdfx="PDF/X-4"),
                lambda pdf: drop(pdf.Root.OutputIntents[0], "/DestOutputProfile"))
    result = CliRunner().invoke(command, ["--json", str(path)])
    import json
    [finding] = [f for f in json.loads(result.stdout)["files"][0]["document"] if f["check"] == "output-intent"]
    assert finding["cites"] == "ISO 15930-7:2010; ISO 32000-1 §14.11.5"
    assert finding["message"].endswith(f"({finding['cites']})")
