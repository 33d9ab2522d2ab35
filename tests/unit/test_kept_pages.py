"""Kept pages (layout/kept.py): a rebuild takes every page whose inputs did not change from the build's store,
composes only the others, and writes the same bytes as a build without the cache — never a stale page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from unit.compose.test_front_page import ad_manifest, cmyk_art

from layout import build as build_module
from layout.build import BuildOptions, build


@pytest.fixture
def composed(monkeypatch) -> list[int]:
    """The numbers of the pages the build composes (not taken from the store), in order."""
    calls: list[int] = []
    compose = build_module.compose_page

    def counted(plan, stories, ctx):
        calls.append(plan.number)
        return compose(plan, stories, ctx)
    monkeypatch.setattr(build_module, "compose_page", counted)
    return calls


def outputs(manifest: Path, out: Path, **options) -> dict[str, bytes]:
    """Every PDF and sidecar a build with --pages writes, by name."""
    build(manifest, BuildOptions(outdir=out, pages=True, **options))
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix in (".pdf", ".json")}


def fresh(manifest: Path, tmp_path: Path, name: str) -> dict[str, bytes]:
    """The same outputs from a build without the cache."""
    return outputs(manifest, tmp_path / f"fresh-{name}", cache=False)


def test_a_warm_build_composes_no_page_and_writes_the_same_bytes(tmp_path, tiny_font_path, composed):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    cold = outputs(manifest, tmp_path / "out")
    assert composed == [1, 3]
    assert len(list((tmp_path / "out" / ".cache" / "store" / "pages").rglob("*.bin"))) == 2
    composed.clear()
    assert outputs(manifest, tmp_path / "out") == cold
    assert composed == []
    assert fresh(manifest, tmp_path, "warm") == cold and composed == [1, 3]


def _bump(path: Path) -> None:
    """A new modification time (an editor saving the file)."""
    status = os.stat(path)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 10**9))


def _redraw_ad(tmp_path: Path) -> None:
    """Another ad under the same file name."""
    from reportlab.pdfgen.canvas import Canvas
    canvas = Canvas(str(tmp_path / "ads" / "bank.pdf"), pagesize=(200, 140), invariant=1, initialFontName="TinyAd")
    canvas.setFillColorCMYK(1, 0, 0, 0)
    canvas.rect(20, 20, 100, 60, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    _bump(tmp_path / "ads" / "bank.pdf")


@pytest.mark.parametrize("edit, recomposed", [
    # the text of the story on page 3 only
    (lambda tmp, m: (tmp / "b.txt").write_text("headline: 乙改\n\n" + "正文" * 25, encoding="utf-8"), [3]),
    # a.txt is set on both pages
    (lambda tmp, m: (tmp / "a.txt").write_text("headline: 头条\n\n" + "新闻" * 30, encoding="utf-8"), [1, 3]),
    # the supplied ad on page 1 (same name, new content): a file the manifest names, every page is composed again
    (lambda tmp, m: _redraw_ad(tmp), [1, 3]),
    # a field of page 3 that no story reads (its section, printed in the 报眉): a manifest edit, every page
    (lambda tmp, m: m.write_text(m.read_text(encoding="utf-8").replace("section: 要闻\n    articles", "section: 经济\n"
                                                                       "    articles", 1), encoding="utf-8"), [1, 3]),
])
def test_an_edit_recomposes_only_the_pages_it_reaches_and_changes_the_output(tmp_path, tiny_font_path, composed,
                                                                            edit, recomposed):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    before = outputs(manifest, tmp_path / "out")
    edit(tmp_path, manifest)
    composed.clear()
    after = outputs(manifest, tmp_path / "out")
    assert composed == recomposed
    assert after != before and after == fresh(manifest, tmp_path, "edited")


def test_a_damaged_page_entry_is_composed_again(tmp_path, tiny_font_path, composed):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    cold = outputs(manifest, tmp_path / "out")
    for entry in (tmp_path / "out" / ".cache" / "store" / "pages").rglob("*.bin"):
        entry.write_bytes(entry.read_bytes()[:-10])
    composed.clear()
    assert outputs(manifest, tmp_path / "out") == cold and composed == [1, 3]


def test_no_cache_and_the_watch_keep_no_pages(tmp_path, tiny_font_path):
    from layout.memory import Memory
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    build(manifest, BuildOptions(outdir=tmp_path / "watched", memory=Memory()))
    assert not (tmp_path / "watched" / ".cache" / "store" / "pages").exists()
    build(manifest, BuildOptions(outdir=tmp_path / "nocache", cache=False))
    assert not (tmp_path / "nocache" / ".cache" / "store").exists()


# --- the files the build's own preflight passed --------------------------------------------------------------

CHECKED = """import sys
from pathlib import Path
from layout.build import BuildOptions, build
build(Path(sys.argv[1]), BuildOptions(outdir=Path(sys.argv[2]), allow_overset=True))
print("pikepdf" in sys.modules)
"""


def checked_in_a_new_process(manifest: Path, out: Path) -> bool:
    """Build in a new process; whether its preflight opened the file (pikepdf loaded)."""
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-c", CHECKED, str(manifest), str(out)], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip() == "True"


def test_a_file_of_bytes_that_passed_is_not_checked_again_and_any_other_file_is(tmp_path, tiny_font_path):
    from worlds import write_issue
    manifest = write_issue(tmp_path, tiny_font_path)
    out = tmp_path / "out"
    assert checked_in_a_new_process(manifest, out)  # cold: checked
    assert list((out / ".cache" / "store" / "passed").rglob("*.bin"))
    assert not checked_in_a_new_process(manifest, out)  # the same bytes: passed before
    (tmp_path / "b.txt").write_text("headline: 另一篇\n\n改过的短文。\n", encoding="utf-8")
    assert checked_in_a_new_process(manifest, out)  # new bytes: checked


def test_a_painter_fault_is_refused_with_a_warm_cache(tmp_path, tiny_font_path, monkeypatch):
    """Neither the kept pages nor the files that passed hide an RGB colour the painter writes into a page."""
    from worlds import write_issue

    from layout.errors import PrintError
    from layout.output.paint import backend
    manifest = write_issue(tmp_path, tiny_font_path)
    build(manifest, BuildOptions(outdir=tmp_path / "out", allow_overset=True))
    build(manifest, BuildOptions(outdir=tmp_path / "out", allow_overset=True))  # warm: nothing checked or composed
    append = backend.append_operators
    monkeypatch.setattr(backend, "append_operators", lambda canvas, text: append(canvas, "1 0 0 rg " + text))
    with pytest.raises(PrintError) as refused:
        build(manifest, BuildOptions(outdir=tmp_path / "out", allow_overset=True))
    assert "does not pass preflight" in refused.value.message and "RGB" in refused.value.message
    assert (tmp_path / "out" / "tiny.failed.pdf").is_file()
