"""`layout validate` and `layout build --dry-run`: the build's checks and messages, and not one file written."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from layout.cli import main
from layout.errors import FontError
from worlds import write_issue


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def files(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*"))


DRY = [["validate"], ["build", "--dry-run"]]  # one code, two names


@pytest.mark.parametrize("command", DRY)
def test_a_good_issue_is_valid_and_nothing_is_written(tmp_path, tiny_font_path, command):
    manifest = write_issue(tmp_path, tiny_font_path)
    before = files(tmp_path)
    result = run(*command, manifest)
    assert result.exit_code == 0, result.output
    assert files(tmp_path) == before and not (tmp_path / "build").exists()
    assert result.output.startswith(f"valid {manifest}: 1 page(s), 2 articles, ")


def test_dry_run_does_not_create_the_output_folder(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    result = run("build", manifest, "--dry-run", "--pages", "-o", tmp_path / "out" / "deeper")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "out").exists()


def test_the_summary_has_the_builds_counts_and_fit_lines(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    validated = run("validate", manifest).output.splitlines()
    built = run("build", manifest).output.splitlines()
    head = re.compile(r"(\d+ page\(s\), \d+ articles, \d+ lines, \d+ characters)")
    assert head.search(validated[0])[1] == head.search(built[0])[1]
    shared = [line for line in built if re.match(r"  (typesetting|fit|OVERSET|UNDERFULL|NO SLOT|warnings)", line)]
    assert validated[1:] == shared and len(shared) >= 4


@pytest.mark.parametrize("command", DRY)
def test_overset_fails_with_the_builds_message(tmp_path, tiny_font_path, command):
    manifest = write_issue(tmp_path, tiny_font_path, lines=4)
    built = run("build", manifest, "-o", tmp_path / "out")
    result = run(*command, manifest)
    assert result.exit_code == built.exit_code == 1
    assert result.stderr == built.stderr and "needs" in result.stderr and "--allow-overset" in result.stderr
    assert not (tmp_path / "build").exists()
    allowed = run(*command, manifest, "--allow-overset")
    assert allowed.exit_code == 0 and "OVERSET article a on page 3" in allowed.output


@pytest.mark.parametrize("command", DRY)
def test_strict_fails_on_white_with_the_builds_message(tmp_path, tiny_font_path, command):
    manifest = write_issue(tmp_path, tiny_font_path)
    built = run("build", manifest, "--strict", "-o", tmp_path / "out")
    result = run(*command, manifest, "--strict")
    assert result.exit_code == built.exit_code == 1
    assert result.stderr == built.stderr and "empty lines" in result.stderr and "in no slot" in result.stderr


def test_input_errors_are_the_builds(tmp_path, tiny_font_path, latin_only_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("section:", "sektion:"), encoding="utf-8")
    for name in ("m", "c"):
        (tmp_path / name).mkdir()
    missing = write_issue(tmp_path / "m", tiny_font_path)
    (tmp_path / "m" / "b.txt").unlink()
    uncovered = write_issue(tmp_path / "c", latin_only_font_path)  # the Han text has no font
    for path, expected in ((manifest, "did you mean"), (missing, "b.txt"), (uncovered, "no font has")):
        built = run("build", path, "-o", tmp_path / "out")
        result = run("validate", path)
        assert result.exit_code == built.exit_code == 1, result.output
        assert result.stderr == built.stderr and expected in result.stderr and "Traceback" not in result.output


def test_a_face_painting_would_refuse_fails_validation(tmp_path, tiny_font_path, monkeypatch):
    def refuse(face):
        raise FontError(f"font {face.source.file} has CFF2 (variable) outlines, which PDF cannot embed",
                        "font song/regular", "use a static instance")
    monkeypatch.setattr("layout.output.paint.cidfont.read_program", refuse)
    result = run("validate", write_issue(tmp_path, tiny_font_path))
    assert result.exit_code == 1 and "CFF2" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run("validate").exit_code == 2
    assert run("validate", tmp_path / "nope.yaml").exit_code == 2
    assert run("validate", tmp_path, "--bogus").exit_code == 2


def test_help_lists_validate_and_its_exit_codes():
    assert "validate" in run("--help").output
    assert "Exit codes: 0 ok; 1 input or layout error" in run("validate", "--help").output
    assert "--dry-run" in run("build", "--help").output


def test_quiet_and_verbose(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    assert run("validate", manifest, "-q").output == ""
    verbose = run("validate", manifest, "-v").output
    assert "page A03: type area" in verbose and re.search(r"a +\d+×2 @1,0 .*short by 12 lines", verbose)
