"""The watch's kept output (output.memo): a rebuild after one article is saved writes the same bytes as a
fresh `layout build` of the same input, and it does reuse the unchanged pages' painted runs."""

import sys
from pathlib import Path

from layout.build import BuildOptions, build
from layout.memory import Memory

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from issues import make_issue


def outputs(folder: Path) -> dict[str, bytes]:
    """Every PDF and sidecar written in `folder`, by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".pdf", ".json")}


def fresh(manifest: Path, outdir: Path) -> dict[str, bytes]:
    """A fresh build (no cache, no memory) with per-page PDFs."""
    build(manifest, BuildOptions(outdir=outdir, pages=True, cache=False))
    return outputs(outdir)


def test_a_watch_rebuild_writes_the_bytes_of_a_fresh_build(tmp_path):
    manifest = make_issue(3, tmp_path / "issue", distinct=True)
    article = manifest.parent / "articles" / "p2" / "03.txt"
    memory = Memory()
    watched = BuildOptions(outdir=tmp_path / "watch", pages=True, memory=memory)
    build(manifest, watched)
    assert outputs(tmp_path / "watch") == fresh(manifest, tmp_path / "fresh0")
    original = article.read_text(encoding="utf-8")
    for number, text in enumerate((original.replace("。", "，", 1), original.replace("，", "。", 2), original)):
        article.write_text(text, encoding="utf-8")
        build(manifest, watched)
        expected = fresh(manifest, tmp_path / f"fresh{number + 1}")
        got = outputs(tmp_path / "watch")
        assert got.keys() == expected.keys() and all(got[k] == expected[k] for k in got), number
        runs = memory.output.runs
        assert runs.hits >= len(runs._now) // 2  # pages 1 and 3 (of 3) painted from the memo
