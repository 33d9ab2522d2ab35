"""CLI: `layout build` on a tiny issue set in the tiny font — exit codes, messages, files written."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from layout.cli import main
from worlds import fake_cmyk_profile, write_issue
from layout.spec import PDFX, PDFX_STANDARDS

def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_build_writes_pdf_sidecar_and_page_files(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    result = run("build", manifest, "--pages")
    assert result.exit_code == 0, result.output
    out = tmp_path / "build"
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["A03.layout.json", "A03.pdf", "tiny.layout.json",
                                                                    "tiny.pdf"]
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [".cache"]  # the build cache (docs/cache.md)
    assert "1 page(s), 2 articles" in result.output


def test_quiet_prints_nothing(tmp_path, tiny_font_path):
    result = run("build", write_issue(tmp_path, tiny_font_path), "-q")
    assert result.exit_code == 0 and result.output == ""


def test_overset_exits_1_with_exact_counts_and_no_pdf(tmp_path, tiny_font_path):
    # slot a: 2 columns × (4 rows − 3 headline rows) = 2 lines of 10 字; the text is 151 characters
    result = run("build", write_issue(tmp_path, tiny_font_path, lines=4))
    assert result.exit_code == 1
    found = re.search(r"article a on page 3: needs (\d+) lines, slot holds 2 \((\d+) lines ≈ (\d+) characters over",
                      result.output)
    needed, over, chars = map(int, found.groups())
    assert needed >= 151 // 10 and over == needed - 2
    assert 151 - 2 * 10 <= chars <= 151 - 2 * 8  # all but the two lines that fit
    assert "Traceback" not in result.output
    assert not (tmp_path / "build" / "tiny.pdf").exists()


def test_allow_overset_builds_and_reports(tmp_path, tiny_font_path):
    result = run("build", write_issue(tmp_path, tiny_font_path, lines=4), "--allow-overset")
    assert result.exit_code == 0, result.output
    over = int(re.search(r"OVERSET article a on page 3: .*≈ (\d+) characters over", result.output).group(1))
    sidecar = json.loads((tmp_path / "build" / "tiny.layout.json").read_text(encoding="utf-8"))
    body = [l for a in sidecar["pages"][0]["articles"] if a["id"] == "a" for l in a["lines"] if l["kind"] == "body"]
    assert len(body) == 2
    assert sum(len(l["text"]) for l in body) + over == 151, "every character is either set or counted over"


def test_manifest_error_exits_1_naming_file_line_and_path(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("section:", "sektion:"), encoding="utf-8")
    result = run("build", manifest)
    assert result.exit_code == 1
    assert f"{manifest}:" in result.output and "pages[0]" in result.output
    assert "did you mean" in result.output and "section" in result.output
    assert "Traceback" not in result.output


def test_missing_article_file_exits_1(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    (tmp_path / "b.txt").unlink()
    result = run("build", manifest)
    assert result.exit_code == 1 and "b.txt" in result.output


def test_usage_error_exits_2(tmp_path):
    assert run("build").exit_code == 2
    assert run("build", tmp_path / "nope.yaml").exit_code == 2


def test_help_documents_exit_codes():
    result = run("build", "--help")
    assert "Exit codes: 0 ok; 1 input or layout error" in result.output


@pytest.mark.parametrize("standard", PDFX_STANDARDS)
def test_every_offered_pdfx_standard_builds_and_passes_check(tmp_path, tiny_font_path, standard):
    manifest = write_issue(tmp_path, tiny_font_path)
    if PDFX[standard].icc_required:
        fake_cmyk_profile(tmp_path / "press.icc")
        manifest.write_text(manifest.read_text(encoding="utf-8") + "print: {icc_profile: press.icc}\n",
                            encoding="utf-8")
    result = run("build", manifest, "--pdfx", standard)
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "build" / "tiny.pdf"
    major, minor = PDFX[standard].pdf_version
    assert pdf.read_bytes().startswith(f"%PDF-{major}.{minor}".encode())
    checked = run("check", pdf)
    assert checked.exit_code == 0, checked.output
    assert PDFX[standard].version in checked.output


def test_summary_lists_each_embedded_subset_with_its_size(tmp_path, tiny_font_path):
    result = run("build", write_issue(tmp_path, tiny_font_path))
    row = re.search(r"song-regular +([A-Z]{6})\+LayoutTest-Regular +(\d+) characters, subset (\d+) KiB", result.output)
    assert row, result.output
    assert int(row.group(2)) > 5


def test_unwritable_output_folder_is_a_clean_error(tmp_path, tiny_font_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("build", write_issue(tmp_path, tiny_font_path), "-o", blocker / "out")
    assert result.exit_code == 1 and "error:" in result.output
    assert "Traceback" not in result.output


def test_version_works_without_installing():
    result = run("--version")
    assert result.exit_code == 0 and "0.1.0" in result.output


def test_bad_source_date_epoch_is_a_clean_error(tmp_path, tiny_font_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run("build", write_issue(tmp_path, tiny_font_path))
    assert result.exit_code == 1 and "SOURCE_DATE_EPOCH" in result.output


def test_source_date_epoch_sets_the_pdf_dates(tmp_path, tiny_font_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    assert run("build", write_issue(tmp_path, tiny_font_path)).exit_code == 0
    assert b"D:20231114221320" in (tmp_path / "build" / "tiny.pdf").read_bytes()


@pytest.mark.parametrize("command", ["proof", "clean"])
def test_unwritable_output_of_other_commands_is_a_message(tmp_path, tiny_font_path, command):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    source = tmp_path / "raw.txt"
    source.write_text("标题\n\n本报讯（记者 某）正文。\n", encoding="utf-8")
    if command == "proof":
        assert run("build", write_issue(tmp_path, tiny_font_path)).exit_code == 0
        source = tmp_path / "build" / "tiny.pdf"
    result = run(command, source, "-o", blocker / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_failing_page_pdf_leaves_every_earlier_output_untouched(tmp_path, tiny_font_path, monkeypatch):
    """Outputs are staged and land together: a failure after the issue PDF replaces nothing."""
    manifest = write_issue(tmp_path, tiny_font_path)
    assert run("build", manifest, "--pages").exit_code == 0
    out = tmp_path / "build"
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (tmp_path / "a.txt").write_text("headline: 新标题\n\n新的正文。\n", encoding="utf-8")
    import layout.build as build_module
    real = build_module._stage_sidecar

    def broken(*args):
        real(*args)
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(build_module, "_stage_sidecar", broken)
    result = run("build", manifest, "--pages")
    assert result.exit_code == 1 and "No space left" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_build_reports_progress_page_by_page(tmp_path, tiny_font_path):
    from layout.build import BuildOptions, build
    manifest = write_issue(tmp_path, tiny_font_path)
    text = manifest.read_text(encoding="utf-8")
    second = text[text.index("  - number: 3"):].replace("number: 3", "number: 4").replace("id: a", "id: a2") \
        .replace("id: b", "id: b2")
    manifest.write_text(text + second, encoding="utf-8")
    calls = []
    result = build(manifest, BuildOptions(progress=lambda stage, done, total: calls.append((stage, done, total))))
    assert calls == [(stage, n, 2) for stage in ("composing", "painting", "preflight") for n in (1, 2)]
    assert [p.label for p in result.pages] == ["A03", "A04"]


def test_a_command_runs_with_the_cli_collector_thresholds_and_restores_the_callers(monkeypatch):
    import gc

    from layout import cli
    seen = []
    monkeypatch.setattr(cli.LayoutGroup, "invoke", lambda self, ctx: seen.append(gc.get_threshold()))
    before = gc.get_threshold()
    CliRunner().invoke(main, ["fit", "x.yaml"])
    assert seen == [cli.GC_THRESHOLDS] and gc.get_threshold() == before != cli.GC_THRESHOLDS
