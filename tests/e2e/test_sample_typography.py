"""The sample page read back from the PDF's glyph positions: an independent check of the composer.

Per page it counts lines starting/ending with prohibited characters, non-final lines not flush,
孤字, body baselines off a common grid, and glyphs whose ink overlaps — each must be 0. Only the
slot and column geometry comes from the build's sidecar; everything typographic is read from the PDF.
"""

from __future__ import annotations

import collections
import json
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from layout import cjk
from layout.build import BuildOptions, build

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "jining"
BODY_SIZE = 10.5
TOL = 0.01


@dataclass
class PdfLine:
    column: tuple[float, float]
    baseline: float
    chars: list

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    result = build(SAMPLE / "issue.yaml", BuildOptions(outdir=tmp_path_factory.mktemp("typo")))
    sidecar = json.loads(result.sidecar.read_text(encoding="utf-8"))
    with pdfplumber.open(result.issue_pdf) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"].strip()]
    return sidecar["pages"][0], chars, result


def article_lines(page: dict, chars: list) -> dict[str, list[PdfLine]]:
    """Body-size glyphs grouped into lines by slot column and baseline, in reading order per article."""
    out = {}
    for art in page["articles"]:
        lines = []
        for x0, y0, x1, y1 in art["columns"]:
            rows = collections.defaultdict(list)
            for c in chars:
                base = c["matrix"][5]
                if abs(c["size"] - BODY_SIZE) < TOL and x0 - 6 <= c["x0"] and c["x1"] <= x1 + 6 and y0 <= base <= y1:
                    rows[round(base, 2)].append(c)
            for base in sorted(rows, reverse=True):
                lines.append(PdfLine((x0, x1), base, sorted(rows[base], key=lambda c: c["x0"])))
        out[art["id"]] = lines
    return out


def paragraph_ends(lines: list[PdfLine]) -> list[bool]:
    """A line ends a paragraph when the next line is indented (2 字) or it is the article's last."""
    ends = []
    for line, nxt in zip(lines, lines[1:] + [None]):
        ends.append(nxt is None or nxt.chars[0]["x0"] > nxt.column[0] + 1.5 * BODY_SIZE)
    return ends


def ink(c) -> tuple[float, float]:
    """Where a glyph's ink is: the left half of stops and closing marks, the right half of openings."""
    kind = cjk.char_class(c["text"])
    half = c["size"] / 2
    if kind in ("C", "S") and c["x1"] - c["x0"] >= c["size"] - TOL:
        return c["x0"], c["x0"] + half
    if kind == "O" and c["x1"] - c["x0"] >= c["size"] - TOL:
        return c["x0"] + half, c["x1"]
    return c["x0"], c["x1"]


def test_the_sample_has_hundreds_of_body_lines(sample):
    page, chars, _ = sample
    assert sum(len(v) for v in article_lines(page, chars).values()) > 450


def test_no_line_starts_or_ends_with_a_prohibited_mark(sample):
    page, chars, _ = sample
    bad = []
    for lines in article_lines(page, chars).values():
        for line, end in zip(lines, paragraph_ends(lines)):
            if not line.chars[0]["x0"] > line.column[0] + 1.5 * BODY_SIZE:  # not a paragraph's first line
                if not cjk.may_start(cjk.line_start_unit(line.text), "strict"):
                    bad.append(("start", line.text))
            if not end and not cjk.may_end(cjk.line_end_unit(line.text), "strict"):
                bad.append(("end", line.text))
    assert bad == []


def test_every_non_final_line_is_flush_with_the_column_edge(sample):
    page, chars, _ = sample
    ragged = []
    for lines in article_lines(page, chars).values():
        for line, end in zip(lines, paragraph_ends(lines)):
            right = ink(line.chars[-1])[1] if cjk.char_class(line.chars[-1]["text"]) in "CS" else line.chars[-1]["x1"]
            if not end and abs(right - line.column[1]) > TOL:
                ragged.append((line.text, round(right - line.column[1], 3)))
    assert ragged == []


def test_no_orphan_character_on_a_paragraph_last_line(sample):
    page, chars, _ = sample
    orphans = []
    for lines in article_lines(page, chars).values():
        ends = paragraph_ends(lines)
        for i, (line, end) in enumerate(zip(lines, ends)):
            starts_paragraph = i == 0 or ends[i - 1]
            if end and not starts_paragraph and sum(cjk.is_counted(c) for c in line.text) < 2:
                orphans.append(line.text)
    assert orphans == []


def test_all_body_baselines_share_one_grid(sample):
    page, chars, result = sample
    bases = sorted({line.baseline for lines in article_lines(page, chars).values() for line in lines})
    leading = result.pages[0].baselines[0] - result.pages[0].baselines[1]
    off = [b for b in bases if abs((bases[0] - b) / leading - round((bases[0] - b) / leading)) > 0.001]
    assert len(bases) > 60 and off == []


def test_no_two_glyphs_ink_overlaps(sample):
    page, chars, _ = sample
    overlaps = []
    for lines in article_lines(page, chars).values():
        for line in lines:
            for a, b in zip(line.chars, line.chars[1:]):
                if ink(b)[0] < ink(a)[1] - TOL:
                    overlaps.append((a["text"] + b["text"], line.text))
    assert overlaps == []


def test_build_summary_counts_agree_with_the_pdf(sample):
    t = sample[2].summary.typesetting
    assert (t.prohibited_starts, t.prohibited_ends, t.not_flush, t.overfull, t.orphans, t.off_grid) == (0,) * 6
