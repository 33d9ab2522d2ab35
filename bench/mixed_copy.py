"""Mixed-copy figures (issue 11): the stress issues built with both breakers and read back from the PDF.

    /work/main/.venv/bin/python bench/mixed_copy.py [ISSUE.yaml ...]

Per issue and breaker: body lines, lines whose Han gaps open past ¼ em and past ½ em, the widest gap,
and the Latin word spaces (narrowest, widest, how many past ½ em).
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
from layout.build import BuildOptions, build  # noqa: E402

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


def main(paths: list[str]) -> None:
    """Print one row per issue and breaker."""
    print("| issue | breaker | body lines | > ¼ em | > ½ em | widest gap | word spaces (min–max, > ½ em) |")
    print("|---|---|---|---|---|---|---|")
    for path in paths or ISSUES:
        for breaker in ("total-fit", "greedy"):
            with tempfile.TemporaryDirectory() as tmp:
                manifest = with_breaker(ROOT / path, breaker, Path(tmp) / "issue")
                result = build(manifest, BuildOptions(outdir=Path(tmp) / "build", allow_overset=True))
                report = check_pdf(result.issue_pdf, result.sidecar)
                worst = report.worst_letterspacing
                ws = word_spaces(report)
                spaces = f"{min(ws):.2f}–{max(ws):.2f}, {sum(w > 0.5 + 1e-6 for w in ws)} of {len(ws)}" if ws else "none"
                print(f"| {path} | {breaker} | {report.body_lines} | {len(report.over_quarter_em)} | "
                      f"{len(report.over_half_em)} | {worst.value if worst else 0:.3f} em | {spaces} |")


if __name__ == "__main__":
    main(sys.argv[1:])
