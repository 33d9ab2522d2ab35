"""Mixed-copy figures (issue 11): the stress issues built with both breakers and read back from the PDF.

    /work/main/.venv/bin/python bench/mixed_copy.py [ISSUE.yaml ...]

Per issue and breaker: body lines, lines whose Han gaps open past ¼ em and past ½ em, how many of the
former are forced by the copy (their paragraph holds as many as `colour_bound`, the most even colour of
any legal breaking of it), the widest gap, and the Latin word spaces (narrowest, widest, how many past ½ em).
Default issues: issues/stress-mixed (broadsheet and tabloid), issues/stress-finance and issues/stress-science.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from e2e.pdfcheck import Report, check_pdf, is_han, is_latin  # noqa: E402
import layout.typeset.memo as memo  # noqa: E402
import layout.typeset.story as story  # noqa: E402
from layout.build import BuildOptions, build  # noqa: E402
from layout.typeset.lines import colour_bound, letterspacing, set_paragraph  # noqa: E402

ISSUES = ("issues/stress-mixed/issue.yaml", "issues/stress-mixed/tabloid/issue.yaml",
          "issues/stress-finance/issue.yaml", "issues/stress-science/issue.yaml")


def with_breaker(manifest: Path, breaker: str, into: Path) -> Path:
    """A copy of the issue's folder whose manifest asks for `breaker`."""
    shutil.copytree(manifest.parent, into, ignore=shutil.ignore_patterns("build", "tabloid"))
    copy = into / manifest.name
    text = copy.read_text(encoding="utf-8")
    text = (re.sub(r"breaker: *\S+", f"breaker: {breaker}", text) if "breaker:" in text
            else text.replace("typography:\n", f"typography:\n  breaker: {breaker}\n", 1))
    copy.write_text(text, encoding="utf-8")
    return copy


def word_spaces(report: Report) -> list[float]:
    """Widths (em) of the typed spaces between Latin glyphs on body lines."""
    out = []
    for line in report.lines_checked:
        if line.kind == "body":
            for a, b in zip(line.glyphs, line.glyphs[1:]):
                if b.space_before and not (is_han(a.text) or is_han(b.text)) and (is_latin(a.text) or is_latin(b.text)):
                    out.append((b.x0 - a.x1) / a.size)
    return out


def forced_lines(manifest: Path, outdir: Path) -> set[str]:
    """Build the issue; the texts (spaces dropped) of the loose lines of paragraphs that hold no more
    of them than colour_bound allows: lines the copy forces."""
    out: set[str] = set()

    def spy(spans, measure, config, looseness=0):
        result = set_paragraph(spans, measure, config, looseness=looseness)
        loose = [ln.text for ln in result.lines if not ln.last and letterspacing(ln) > 0.25 + 1e-6]
        bound = colour_bound(spans, measure, config) if loose and config.align == "justify" else None
        if bound is not None and bound.holes == bound.over_half == 0 and bound.over_quarter == len(loose):
            out.update("".join(t.split()) for t in loose)
        return result

    saved = memo.set_paragraph, story.set_paragraph
    memo.set_paragraph = story.set_paragraph = spy
    try:
        build(manifest, BuildOptions(outdir=outdir, allow_overset=True, cache=False))
    finally:
        memo.set_paragraph, story.set_paragraph = saved
    return out


def main(paths: list[str]) -> None:
    """Print one row per issue and breaker."""
    print("| issue | breaker | body lines | > ¼ em | of them forced | > ½ em | widest gap | word spaces (min–max, > ½ em) |")
    print("|---|---|---|---|---|---|---|---|")
    for path in paths or ISSUES:
        for breaker in ("total-fit", "greedy"):
            with tempfile.TemporaryDirectory() as tmp:
                manifest = with_breaker(ROOT / path, breaker, Path(tmp) / "issue")
                result = build(manifest, BuildOptions(outdir=Path(tmp) / "build", allow_overset=True))
                report = check_pdf(result.issue_pdf, result.sidecar)
                forced = forced_lines(manifest, Path(tmp) / "forced")
                quarter = report.over_quarter_em
                n_forced = sum("".join(d.text.split()) in forced for d in quarter)
                worst = report.worst_letterspacing
                ws = word_spaces(report)
                spaces = f"{min(ws):.2f}–{max(ws):.2f}, {sum(w > 0.5 + 1e-6 for w in ws)} of {len(ws)}" if ws else "none"
                print(f"| {path} | {breaker} | {report.body_lines} | {len(quarter)} | {n_forced} | "
                      f"{len(report.over_half_em)} | {worst.value if worst else 0:.3f} em | {spaces} |")


if __name__ == "__main__":
    main(sys.argv[1:])
