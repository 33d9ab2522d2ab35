"""End to end: issues/jining-planned (the sample's 10 stories as `stories:`) plans, builds with 0 violations of
the planner's rules (tests/planner_check.py) and 0 typography defects, and `layout plan` writes a manifest that
rebuilds to the same bytes; planning twice gives the same plan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from planner_check import check_page

from layout.build import BuildOptions, build
from layout.cli import main

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining-planned"


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """The sample copied, planned with `layout plan -o planned.yaml`, and both manifests built."""
    root = tmp_path_factory.mktemp("planned") / "issue"
    shutil.copytree(SAMPLE, root)
    result = CliRunner().invoke(main, ["plan", str(root / "issue.yaml"), "-o", str(root / "planned.yaml"), "-q"])
    assert result.exit_code == 0, result.output
    stories = build(root / "issue.yaml", BuildOptions(outdir=root / "out-stories"))
    slots = build(root / "planned.yaml", BuildOptions(outdir=root / "out-slots"))
    return root, stories, slots


def _sizes(manifest: Path) -> dict[str, float]:
    """Headline sizes (pt) of the planned manifest's articles, read as the YAML says them."""
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    return {a["id"]: float(str(a["headline_size"]).removesuffix("pt")) for a in data["pages"][0]["articles"]}


def _priorities(manifest: Path) -> dict[str, int]:
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    return {s["id"]: s["priority"] for s in data["pages"][0]["stories"]}


def test_the_planned_page_keeps_every_rule(planned):
    root, stories, _ = planned
    page = json.loads(stories.sidecar.read_text(encoding="utf-8"))["pages"][0]
    found = check_page(page, _sizes(root / "planned.yaml"), _priorities(root / "issue.yaml"))
    assert found.total == 0, found.details
    assert len(page["articles"]) == 10  # nothing held over
    assert len(page["column_rules"]) == 2  # the three openers under the 头条 side by side: two 栏线 part them


def test_without_its_column_rules_the_planned_page_shows_its_pengti(planned):
    """The 栏线 are what parts the openers: the same sidecar without them counts the 碰题."""
    root, stories, _ = planned
    page = json.loads(stories.sidecar.read_text(encoding="utf-8"))["pages"][0]
    rules = page.pop("column_rules")
    found = check_page(page, _sizes(root / "planned.yaml"), _priorities(root / "issue.yaml"))
    assert found.collisions == len(rules) == 2
    page["column_rules"] = [{**r, "box": [r["box"][0], r["box"][1], r["box"][2], r["box"][1] + 1]} for r in rules]
    assert check_page(page, _sizes(root / "planned.yaml"), _priorities(root / "issue.yaml")).collisions == 2  # too short


def test_the_planned_page_has_no_typography_defect_and_fits_exactly(planned):
    _, stories, _ = planned
    s = stories.summary
    t = s.typesetting
    assert (t.prohibited_starts, t.prohibited_ends, t.not_flush, t.orphans, t.overfull, t.off_grid) == (0,) * 6
    assert s.oversets == () and s.underfull == () and s.unplaced == () and s.warnings == ()
    assert s.articles == 10


def test_the_written_plan_rebuilds_to_the_same_bytes(planned):
    _, stories, slots = planned
    assert stories.issue_pdf.read_bytes() == slots.issue_pdf.read_bytes()
    assert stories.sidecar.read_bytes() == slots.sidecar.read_bytes()


def test_planning_twice_gives_the_same_plan(planned):
    root, _, _ = planned
    first = CliRunner().invoke(main, ["plan", str(root / "issue.yaml"), "-q"]).output
    again = CliRunner().invoke(main, ["plan", str(root / "issue.yaml"), "-q"]).output
    assert first == again == (root / "planned.yaml").read_text(encoding="utf-8")
    assert "slot: {column: 1, span: 8, top: 0" in first  # the 头条 across the top, a band of stacks under it


def test_the_hand_placed_sample_breaks_the_planner_rules(tmp_path):
    """The checker is not vacuous: the hand-placed sample has inversions (a 20pt head above a 24pt one) and
    three 碰题 with only the thin rules between the slots (no 栏线)."""
    sample = SAMPLE.parent / "jining"
    result = build(sample / "issue.yaml", BuildOptions(outdir=tmp_path))
    page = json.loads(result.sidecar.read_text(encoding="utf-8"))["pages"][0]
    data = yaml.safe_load((sample / "issue.yaml").read_text(encoding="utf-8"))
    sizes = {a["id"]: float(str(a.get("headline_size", "24pt")).removesuffix("pt")) for a in data["pages"][0]["articles"]}
    found = check_page(page, sizes, {})
    assert "column_rules" not in page
    assert sorted(d for d in found.details if d.startswith("碰题")) == [
        "碰题: mentor (rows 19–24) beside visits (rows 19–22)",  # the three openers under the 头条
        "碰题: talent (rows 46–50) beside huangtun-visits (rows 46–49)",
        "碰题: visits (rows 19–22) beside data-ip (rows 19–23)"]
    assert found.collisions == 3
    assert found.inversions >= 1 and found.empty_lines == 0 and found.overlaps == 0 and found.holes == 0


def test_the_plan_must_be_written_beside_its_manifest(planned, tmp_path):
    root, _, _ = planned
    result = CliRunner().invoke(main, ["plan", str(root / "issue.yaml"), "-o", str(tmp_path / "planned.yaml")])
    assert result.exit_code == 1
    assert "the planned manifest must go beside issue.yaml" in result.output
    assert not (tmp_path / "planned.yaml").exists()


def test_the_report_lists_every_story_and_the_score(planned):
    root, _, _ = planned
    result = CliRunner().invoke(main, ["plan", str(root / "issue.yaml"), "-o", str(root / "again.yaml")])
    assert result.exit_code == 0
    assert result.output.startswith("page 2: 10 stories placed, 0 held over; score ")
    assert "  lead               priority 1  columns 1–8, rows 0–" in result.output


def test_a_planned_story_with_a_photo_fills_exactly_and_rebuilds_the_same(tmp_path):
    """The sample with a photo on one story (visits, 2 columns × 10 rows under its headline): every story is
    placed, the page keeps every rule, and the written plan (with the story's figures:) rebuilds the same."""
    root = tmp_path / "issue"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("build"))
    shutil.copytree(SAMPLE.parent / "jining-photos" / "photos", root / "photos")
    text = (root / "issue.yaml").read_text(encoding="utf-8")
    story = "      - {id: visits,           file: articles/04.txt, priority: 3}"
    assert story in text
    (root / "issue.yaml").write_text(text.replace(story, (
        "      - id: visits\n        file: articles/04.txt\n        priority: 3\n        figures:\n"
        "          - {file: photos/boats-ian-hex.jpg, span: 2, rows: 10, caption: 图为湖边停靠的游船。（资料图片）,"
        " credit: 图片来源：Ian Hex / KDE（LGPL-3.0）}")), encoding="utf-8")
    result = CliRunner().invoke(main, ["plan", str(root / "issue.yaml"), "-o", str(root / "planned.yaml"), "-q"])
    assert result.exit_code == 0, result.output
    assert "figures:" in (root / "planned.yaml").read_text(encoding="utf-8")
    stories = build(root / "issue.yaml", BuildOptions(outdir=root / "out-stories"))
    slots = build(root / "planned.yaml", BuildOptions(outdir=root / "out-slots"))
    assert stories.issue_pdf.read_bytes() == slots.issue_pdf.read_bytes()
    page = json.loads(stories.sidecar.read_text(encoding="utf-8"))["pages"][0]
    visits = next(a for a in page["articles"] if a["id"] == "visits")
    assert len(visits["figures"]) == 1 and len(page["articles"]) == 10
    found = check_page(page, _sizes(root / "planned.yaml"), _priorities(root / "issue.yaml"))
    assert found.total == 0, found.details
    assert stories.summary.oversets == () and stories.summary.underfull == () and stories.summary.unplaced == ()
