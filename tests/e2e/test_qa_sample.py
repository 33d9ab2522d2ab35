"""QA on the sample issue: a copy with one paragraph edited and another article's slot moved down one
body line must diff as exactly those two changes; an identical rebuild must diff as nothing."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.cli.diff import command as diff_command
from layout.cli.proof import command as proof_command
from layout.qa.diff import DiffOptions, diff
from layout.build import BuildOptions, build
from layout.output import sidecar
from layout.output.sidecar import SidecarPage

pytestmark = pytest.mark.e2e

SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining"
HAN = re.compile(r"[\u4e00-\u9fff]")
NEW_CHARS = "甲乙"


@dataclass(frozen=True)
class ArticleEntry:
    """An article of the manifest as the test edits it: id, file and its lines in issue.yaml."""

    id: str
    file: str
    start: int  # index of its '- id:' line
    end: int  # index after its last line


@dataclass(frozen=True)
class Edit:
    """What the modified copy changed."""

    edited: str
    old_chars: str
    shifted: str


def articles_of_first_page(lines: list[str]) -> list[ArticleEntry]:
    """The articles of the manifest's first page, found in the YAML text (tests do not import yaml)."""
    found, current = [], None
    for i, line in enumerate(lines + ["- number: end"]):
        item = re.match(r"^(\s*)- (id|number):\s*(\S+)", line)
        if item and current:
            found.append(ArticleEntry(current[0], current[1], current[2], i))
            current = None
            if item.group(2) == "number" and found:
                break
        if item and item.group(2) == "id":
            current = [item.group(3), "", i]
        elif current and (file := re.match(r"^\s*file:\s*(\S+)", line)):
            current[1] = file.group(1)
    return found


def shift_slot(lines: list[str], entry: ArticleEntry) -> None:
    """Move an article's slot down one body line: top + 1, and lines − 1 when lines is a number."""
    shifted = 0
    for i in range(entry.start, entry.end):
        lines[i], n = re.subn(r"\btop:\s*(\d+)", lambda m: f"top: {int(m.group(1)) + 1}", lines[i])
        lines[i] = re.sub(r"\blines:\s*(\d+)", lambda m: f"lines: {int(m.group(1)) - 1}", lines[i])
        shifted += n
    assert shifted == 1, f"article {entry.id}: no 'top: N' (in body lines) to shift in issue.yaml"


def edit_paragraph(path: Path) -> str:
    """Replace two Han characters inside the first long body paragraph; return the replaced ones."""
    text = path.read_text(encoding="utf-8")
    header_end = text.find("\n\n") if re.match(r"^\S+\s*[:：]", text) else 0
    for paragraph in text[header_end:].split("\n\n"):
        body = paragraph.strip()
        spots = [m.start() for m in HAN.finditer(body) if m.start() >= 6]
        for spot in spots:
            pair = body[spot:spot + 2]
            if len(pair) == 2 and HAN.fullmatch(pair[1]) and not set(pair) & set(NEW_CHARS):
                new_body = body[:spot] + NEW_CHARS + body[spot + 2:]
                path.write_text(text[:header_end] + text[header_end:].replace(body, new_body, 1), encoding="utf-8")
                return pair
    raise AssertionError(f"no paragraph to edit in {path}")


def modified_copy(target: Path) -> Edit:
    """Copy the sample issue to `target`, edit the first article's text and shift the last one's slot."""
    shutil.copytree(SAMPLE, target)
    manifest = target / "issue.yaml"
    lines = manifest.read_text(encoding="utf-8").split("\n")
    entries = articles_of_first_page(lines)
    assert len(entries) >= 2, "the sample's first page needs two articles"
    edited, shifted = entries[0], entries[-1]
    old_chars = edit_paragraph(target / edited.file)
    shift_slot(lines, shifted)
    manifest.write_text("\n".join(lines), encoding="utf-8")
    return Edit(edited.id, old_chars, shifted.id)


def build_into(manifest: Path, outdir: Path):
    """Build an issue for QA (overset allowed, so a shifted slot still builds)."""
    return build(manifest, BuildOptions(outdir=outdir, pages=False, allow_overset=True))


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    """The sample issue built once."""
    if not (SAMPLE / "issue.yaml").is_file():
        pytest.skip("no sample issue")
    return build_into(SAMPLE / "issue.yaml", tmp_path_factory.mktemp("old"))


def _leading(sidecar_page: SidecarPage) -> float:
    baselines = sorted(sidecar_page.baselines)
    return min(b - a for a, b in zip(baselines, baselines[1:]))


def _slots(result, article_id: str) -> list[tuple[float, ...]]:
    """The slot of an article in the sidecar of a build (as written to disk)."""
    return [a.slot for p in sidecar.read(result.sidecar).pages for a in p.articles if a.id == article_id]


def _inside(box, slots, tol: float = 1.0) -> bool:
    return any(s[0] - tol <= box[0] and s[1] - tol <= box[1] and box[2] <= s[2] + tol and box[3] <= s[3] + tol
               for s in slots)


def test_the_diff_reports_exactly_the_edit_and_the_shift(sample_build, tmp_path):
    edit = modified_copy(tmp_path / "issue")
    new_build = build_into(tmp_path / "issue" / "issue.yaml", tmp_path / "new")
    result = diff(Path(sample_build.issue_pdf), Path(new_build.issue_pdf), tmp_path / "report", DiffOptions())
    changed = [p for p in result.pages if p.changed]
    assert len(changed) == 1, [(p.key, p.status) for p in result.pages]
    page = changed[0]
    assert page.key == sample_build.pages[0].label

    touched = {c.article for c in page.text} | {a for r in page.regions for a in r.articles}
    assert touched == {edit.edited, edit.shifted}

    edits = [c for c in page.text if c.article == edit.edited]
    assert [(c.kind, c.old_text, c.new_text) for c in edits] == [("change", edit.old_chars, NEW_CHARS)]

    record = sidecar.read(new_build.sidecar).pages[0]
    moves = [c for c in page.text if c.article == edit.shifted]
    assert moves and {c.kind for c in moves} <= {"move", "delete"}  # delete: text pushed into overset
    by_shift = Counter()
    for move in moves:
        if move.kind == "move":
            by_shift[move.shift] += len(move.new_text)
    (dx, dy), _count = by_shift.most_common(1)[0]
    assert (dx, dy) == pytest.approx((0.0, -_leading(record)), abs=0.05)

    shifted_slots = _slots(sample_build, edit.shifted) + _slots(new_build, edit.shifted)
    edited_slots = _slots(new_build, edit.edited)
    # the rules between articles sit in the gutter or on the slot edge, and a slot that the shift
    # overfills gets the overset sign in the gutter after it: allow one gutter around the slots
    gutter = record.columns[1][0] - record.columns[0][2]
    for region in page.regions:
        tol = gutter + 1
        assert _inside(region.box, shifted_slots, tol) or _inside(region.box, edited_slots, tol), region
    edit_box = edits[0].new_box
    assert any(r.box[0] <= edit_box[2] and edit_box[0] <= r.box[2] and r.box[1] <= edit_box[3]
               and edit_box[1] <= r.box[3] for r in page.regions if edit.edited in r.articles)
    assert (tmp_path / "report" / "index.html").is_file()


def test_an_identical_rebuild_reports_nothing(sample_build, tmp_path):
    shutil.copytree(SAMPLE, tmp_path / "copy")
    result = CliRunner().invoke(diff_command, [str(SAMPLE), str(tmp_path / "copy"), "-o", str(tmp_path / "r"),
                                               "--mask", "folio-date"])
    assert result.exit_code == 0, result.output
    assert "changes found" not in result.output


def test_proof_of_the_sample_with_overlay_names_pages_by_label(sample_build, tmp_path):
    result = CliRunner().invoke(proof_command, [str(sample_build.issue_pdf), "-o", str(tmp_path / "p"), "--overlay"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == sorted(f"{p.label}.png" for p in sample_build.pages)
