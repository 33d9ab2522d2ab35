"""Fuzz loops (issue 16): seeded mutations of the sample manifest and of raw copy never give a traceback,
a hang or an exit code outside the documented ones. Derandomized on CI (tests/conftest.py), 40 examples each;
a longer run: `LAYOUT_FUZZ_EXAMPLES=300 pytest tests/hostile/test_fuzz.py` (300 each: 27 s here, nothing found)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "issues" / "jining"
MANIFEST = (SAMPLE / "issue.yaml").read_text(encoding="utf-8")
RAW = (SAMPLE / "raw" / "jining-page.txt").read_text(encoding="utf-8")[:3000]
EXAMPLES = int(os.environ.get("LAYOUT_FUZZ_EXAMPLES", "40"))
NOISE = st.sampled_from(["", " ", ":", "：", "-", "[", "]", "{", "}", "&a", "*a", "<<: *a", "\t", "\x00", "99999",
                         "-1", "rest", "auto", "null", "'", '"', "#", "\n", "｜", "版", "1e308", "0x10"])


@st.composite
def mutated(draw, text: str) -> str:
    """`text` with a few random edits: characters deleted, replaced or inserted, lines swapped or dropped."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "replace", "drop", "swap"]))
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        at = draw(st.integers(0, len(line)))
        if kind == "insert":
            lines[i] = line[:at] + draw(NOISE) + line[at:]
        elif kind == "delete":
            lines[i] = line[:at] + line[at + draw(st.integers(1, 5)):]
        elif kind == "replace":
            lines[i] = line[:at] + draw(NOISE) + line[at + 1:]
        elif kind == "drop" and len(lines) > 1:
            del lines[i]
        elif kind == "swap" and len(lines) > 1:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def issue_copy(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "jining"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("build", "raw"))
    return folder


def no_traceback(result) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output[-500:])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated(MANIFEST))
def test_a_mutated_manifest_is_refused_or_built_never_a_traceback(issue_copy, text):
    manifest = issue_copy / "issue.yaml"
    manifest.write_text(text, encoding="utf-8")
    no_traceback(CliRunner().invoke(main, ["validate", str(manifest), "--allow-overset"]))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated(RAW))
def test_mutated_raw_copy_is_cleaned_or_refused_never_a_traceback(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("raw")
    raw = folder / "page.txt"
    raw.write_text(text, encoding="utf-8")
    no_traceback(CliRunner().invoke(main, ["clean", str(raw), "-o", str(folder / "out")]))
