"""Golden: small issues built through the real pipeline on the tiny font, dumped as text.

Each case is a folder `cases/<name>/` holding `issue.yaml`, `articles/*.txt` and `expected.txt`. The
manifests map every font role and weight to `tiny.ttf` beside them; the test copies the case into a
temporary folder, writes the tiny test font (tests/tinyfont.py) there as `tiny.ttf`, builds it with
`layout.build.build` (overset allowed: an overset shows in the dump) and compares
`layout.output.dump.text_dump` of the pages with `expected.txt` — one line per line record and per
glyph run with every glyph offset, so a glyph that moves inside a justified line fails the case.

A failure prints a unified diff. Rewrite with `pytest tests/golden --update-golden` only after
reviewing the change."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from layout.build import BuildOptions, build
from layout.output.dump import text_dump

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "issue.yaml").is_file())
FONT_NAME = "tiny.ttf"  # what every case's `fonts:` section names


def build_case(name: str, workdir: Path, font: Path) -> str:
    """Build case `name` in a copy under `workdir` with the tiny font; return its text dump."""
    case = workdir / name
    shutil.copytree(CASES / name, case, ignore=shutil.ignore_patterns("expected.txt"))
    shutil.copyfile(font, case / FONT_NAME)
    result = build(case / "issue.yaml", BuildOptions(outdir=workdir / "build", allow_overset=True))
    return text_dump(result.pages)


def golden_diff(expected: str, actual: str, name: str) -> str:
    """A unified diff of the expected and the actual dump ('' when they are equal)."""
    if expected == actual:
        return ""
    lines = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                 f"{name} (expected)", f"{name} (actual)", n=1)
    return "".join(lines)


def test_every_case_has_an_expected_dump_or_is_new():
    assert {"sample-page", "overset", "two-line-headline", "hanging", "latin-mix", "auto-stack"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_golden_case(name, tmp_path, tiny_font_path, request):
    actual = build_case(name, tmp_path, tiny_font_path)
    expected_path = CASES / name / "expected.txt"
    if request.config.getoption("--update-golden"):
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"{expected_path} missing: run pytest tests/golden --update-golden and review it"
    problems = golden_diff(expected_path.read_text(encoding="utf-8"), actual, str(expected_path))
    if problems:
        pytest.fail(f"the dump differs (pytest tests/golden --update-golden after review):\n{problems}",
                    pytrace=False)


def test_a_glyph_moved_inside_a_line_fails_with_that_line_in_the_diff():
    expected = (CASES / "sample-page" / "expected.txt").read_text(encoding="utf-8")
    run = next(line for line in expected.splitlines() if line.startswith("  run ") and " body " in line)
    head, offsets = run.split(" @ ")
    values = offsets.split()
    values[2] = f"{float(values[2]) + 0.01:.2f}"
    moved = head + " @ " + " ".join(values)
    report = golden_diff(expected, expected.replace(run, moved, 1), "sample-page")
    assert f"\n-{run}\n" in report and f"\n+{moved}\n" in report
    assert golden_diff(expected, expected, "sample-page") == ""
