"""Benchmark: planning time of `stories:` pages (makeup.placer) for 6, 12 and 20 stories on the broadsheet grid.

Run: .venv/bin/python bench/plan_bench.py
The stories are made of the sample's articles (issues/jining/articles: head lines of article k, body
paragraphs taken in turn), each cut at a sentence end to a length that together roughly fills the
8-column × 87-row page (the 头条 twice as long as the others).
`cold` is the first plan (setting every story at every span: the typesetting the planner asks for),
`search` a second plan of the same page (stories already set: the search alone). Target (issue 14):
≤ 1 s for 12 stories on the 2-core machine; the plan must be the same both times. The last line is the
headline levers' worst case on the 12-story page: every search of placer.LEVER_SEARCHES (headline lines,
then with the deck, then with a smaller headline too) run as when none fills exactly, measuring included.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "issues" / "jining"
CAPACITY = 8 * 87  # column lines on the broadsheet page
HEAD_LINES = 15  # a headline block of about 5 rows × 3 columns, per story


def story_text(k: int, characters: int) -> str:
    """Story k: the head lines of sample article k (cycled) and body paragraphs taken in turn from the
    sample's articles, cut at a sentence end, to about `characters` 字."""
    articles = [(SAMPLE / "articles" / f"{n:02d}.txt").read_text(encoding="utf-8").split("\n\n")
                for n in range(1, 11)]
    head = articles[k % 10][0]
    paragraphs = [p for n in range(10) for p in articles[(k + n) % 10][1:] if p.strip()]
    body, size = [], 0
    for paragraph in paragraphs:
        if size + len(paragraph) > characters:
            end = paragraph.rfind("。", 0, max(0, characters - size))
            if end > 20:
                body.append(paragraph[:end + 1])
            break
        body.append(paragraph)
        size += len(paragraph)
    return head + "\n\n" + "\n\n".join(body or [paragraphs[0]]) + "\n"


def issue_with(count: int, folder: Path) -> Path:
    """An issue folder whose page 2 lists `count` stories (priorities 1, 2, 2, 3, 3, 3, …) and no slots."""
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("build", "raw", "photos"))
    share = (CAPACITY - HEAD_LINES * count) * 11 / (count + 1)  # 字 per story, the 头条 taking two shares
    lines = []
    for k in range(count):
        name = f"story{k + 1:02d}.txt"
        (folder / "articles" / name).write_text(story_text(k, int(share * (2 if k == 0 else 1))), encoding="utf-8")
        priority = 1 if k == 0 else 2 + (k - 1) // 3
        lines.append(f"      - {{id: s{k + 1:02d}, file: articles/{name}, priority: {priority}}}")
    text = (SAMPLE / "issue.yaml").read_text(encoding="utf-8")
    head = text.split("\npages:\n", 1)[0]
    page = "\npages:\n  - number: 2\n    section: 高新区新闻\n    stories:\n" + "\n".join(lines) + "\n"
    path = folder / "issue.yaml"
    path.write_text(head + page, encoding="utf-8")
    return path


def run(count: int) -> str:
    """One line: stories, cold and search seconds, placed / held, white lines, score."""
    from layout import manifest
    from layout.build import _context
    from layout.makeup import placer
    with tempfile.TemporaryDirectory() as tmp:
        issue = manifest.load_issue(issue_with(count, Path(tmp) / "issue"))
        ctx, desk = _context(issue)
        page = issue.pages[0]
        t0 = time.perf_counter()
        first = placer.place(page, ctx.grid, desk, issue.fit)
        t1 = time.perf_counter()
        again = placer.place(page, ctx.grid, desk, issue.fit)
        t2 = time.perf_counter()
    white = sum(s.white * s.cell.span for s in first.spots)
    same = "same" if first == again else "DIFFERENT"
    return (f"{count:>3} stories: cold {t1 - t0:5.2f} s, search {t2 - t1:5.2f} s; {len(first.spots)} placed, "
            f"{len(first.held)} held over, {white} empty lines; {first.score.breakdown()}; plan {same} twice")


def levers(count: int) -> str:
    """One line: the worst case of the headline levers on the page of `count` stories — every search of
    placer.LEVER_SEARCHES run (as when none fills exactly; skipped sets as the placer skips them), seconds."""
    from layout import manifest
    from layout.build import _context
    from layout.makeup import placer
    with tempfile.TemporaryDirectory() as tmp:
        issue = manifest.load_issue(issue_with(count, Path(tmp) / "issue"))
        ctx, desk = _context(issue)
        page = issue.pages[0]
        placer.place(page, ctx.grid, desk, issue.fit)  # every story set at its natural variants
        area, walls = placer.free_and_walls(page, ctx.grid, desk, issue.fit)
        ordered = tuple(sorted(page.stories, key=lambda s: s.priority))
        sizes = placer.headline_sizes(ordered)
        variants = {s.id: placer.measure(s, sizes[s.id], area, ctx.grid, desk, issue.fit, s is ordered[0])
                    for s in ordered}
        t0 = time.perf_counter()
        searched, found, memo = set(), [], {}
        for chosen in placer.LEVER_SEARCHES:
            pool = placer._with_levers(ordered, variants, area, ctx.grid, desk, issue.fit, chosen, memo)
            used = placer.levers_used(pool)
            if used and used not in searched:
                searched.add(used)
                best = placer._search(ordered, pool, area, walls=walls)
                found.append(f"{'+'.join(sorted(used))} {'exact' if best else 'none'}")
        t1 = time.perf_counter()
    return f"{count:>3} stories, every lever search: {t1 - t0:5.2f} s ({'; '.join(found) or 'no lever applies'})"


def main() -> None:
    for count in (6, 12, 20):
        print(run(count), flush=True)
    print(levers(12), flush=True)


if __name__ == "__main__":
    main()
