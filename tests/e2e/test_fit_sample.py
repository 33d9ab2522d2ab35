"""Fit and fill on the sample: every column ends on its slot's last baseline (read from the sidecar,
column by column), and copies of the sample that are too tall or too short are reported exactly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.cli import main

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def copy_sample(tmp_path: Path) -> Path:
    target = tmp_path / "jining"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("build"))
    return target / "issue.yaml"


def column_feet(sidecar: Path) -> dict[tuple[str, int], tuple[int, int]]:
    """Per (article, page column): (the row of its last body line, the row of its slot's last baseline),
    counted on the page's baseline grid from the top — read from the sidecar, not from the engine."""
    doc = json.loads(sidecar.read_text(encoding="utf-8"))
    out = {}
    for page in doc["pages"]:
        grid = sorted(page["baselines"], reverse=True)
        page_x0 = [round(c[0], 1) for c in page["columns"]]
        for article in page["articles"]:
            for col in article["columns"]:
                column = page_x0.index(round(col[0], 1)) + 1
                ys = [line["baseline"] for line in article["lines"] if line["kind"] == "body"
                      and col[0] - 0.5 <= line["x0"] <= col[2] + 0.5]
                foot = max(i for i, y in enumerate(grid) if y > col[1])  # the slot's last baseline
                last = max((grid.index(y) for y in ys), default=-1)
                out[(article["id"], column)] = (last, foot)
    return out


def build_copy(manifest: Path, *flags):
    result = run("build", manifest, "-o", manifest.parent / "out", *flags)
    return result, manifest.parent / "out" / "jining-2023-08-22.layout.json"


def test_every_article_column_of_the_sample_ends_on_its_slot_s_last_baseline(tmp_path):
    result, sidecar = build_copy(copy_sample(tmp_path))
    assert result.exit_code == 0, result.output
    feet = column_feet(sidecar)
    assert len(feet) == 32
    short = {key: v for key, v in feet.items() if v[0] != v[1]}
    assert short == {}


def test_layout_fit_reports_the_sample_fitting_exactly(tmp_path):
    result = run("fit", copy_sample(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["exact"] and all(s["status"] == "exact" for s in doc["stories"]) and len(doc["stories"]) == 10


def test_the_sample_sets_no_headline_lines_by_hand():
    assert "headline_lines" not in (SAMPLE / "issue.yaml").read_text(encoding="utf-8")


def test_a_slot_too_tall_is_reported_underfull_and_fails_strict(tmp_path):
    manifest = copy_sample(tmp_path)
    text = manifest.read_text(encoding="utf-8")
    # data-ip gets 5 rows more, property starts 5 rows lower and gives them up (it is the article that
    # must then fit in less: build with --allow-overset so only the underfull report is looked at)
    text = text.replace("slot: {column: 7, span: 2, top: 19, lines: 21}", "slot: {column: 7, span: 2, top: 19, lines: 26}")
    text = text.replace("slot: {column: 7, span: 2, top: 40, lines: 23}", "slot: {column: 7, span: 2, top: 45, lines: 18}")
    manifest.write_text(text, encoding="utf-8")
    fit = json.loads(run("fit", manifest, "--json").output)
    data = next(s for s in fit["stories"] if s["id"] == "data-ip")
    assert data["status"] == "short" and data["short_lines"] > 0
    built, sidecar = build_copy(manifest, "--allow-overset")
    assert built.exit_code == 0, built.output
    assert f"UNDERFULL article data-ip on page 2: {data['short_lines']} empty line" in built.output
    feet = column_feet(sidecar)
    empty = [feet[("data-ip", c)][1] - feet[("data-ip", c)][0] for c in (7, 8)]
    assert empty == data["empty_per_column"]
    strict, _ = build_copy(manifest, "--allow-overset", "--strict")
    assert strict.exit_code == 1 and "data-ip" in strict.output


def test_removing_a_paragraph_is_reported_as_lines_short(tmp_path):
    manifest = copy_sample(tmp_path)
    article = manifest.parent / "articles" / "06.txt"  # data-ip
    header, body = article.read_text(encoding="utf-8").split("\n\n", 1)
    paragraphs = body.strip().split("\n\n")
    article.write_text(header + "\n\n" + "\n\n".join(paragraphs[:-2] + paragraphs[-1:]) + "\n", encoding="utf-8")
    result = run("fit", manifest, "--json")
    assert result.exit_code == 1
    data = next(s for s in json.loads(result.output)["stories"] if s["id"] == "data-ip")
    built, sidecar = build_copy(manifest)
    assert built.exit_code == 0
    feet = column_feet(sidecar)
    empty = [feet[("data-ip", c)][1] - feet[("data-ip", c)][0] for c in (7, 8)]
    assert data["status"] == "short" and data["short_lines"] == sum(empty) > 0
    assert data["characters_to_add"] == data["short_lines"] * 11
