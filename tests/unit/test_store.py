"""The build's persistent cache (layout/store.py, typeset/memo.py): never stale, same bytes, --no-cache, two builds at once."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from fontTools.ttLib import TTFont
from worlds import write_issue

from layout import store
from layout.build import BuildOptions, build
from layout.cli import main

TEXT = "headline: 标题\n\n" + "正文内容，" * 30 + "。\n"


def cli_build(manifest: Path, out: Path, *flags: str) -> bytes:
    """`layout build` through the CLI; the issue PDF's bytes."""
    result = CliRunner().invoke(main, ["build", str(manifest), "-o", str(out), "-q", "--allow-overset", *flags])
    assert result.exit_code == 0, result.output
    return (out / "tiny.pdf").read_bytes()


ROOT = Path(__file__).resolve().parents[2]


def process_build(manifest: Path, out: Path, *flags: str) -> bytes:
    """`layout build` in a new process (faces are loaded once per process: a font edit needs a new one)."""
    done = subprocess.run([sys.executable, "-m", "layout", "build", str(manifest), "-o", str(out), "-q",
                           "--allow-overset", *flags], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return (out / "tiny.pdf").read_bytes()


def entries(out: Path, kind: str) -> list[Path]:
    """The cache files of `kind` in a build folder."""
    return sorted((out / ".cache" / "store" / kind).rglob("*.bin"))


def test_a_stored_payload_comes_back_and_a_damaged_one_is_a_miss(tmp_path):
    cache = store.Store(tmp_path)
    cache.save("k", "ab" * 32, b"payload")
    assert cache.load("k", "ab" * 32) == b"payload"
    file = cache.path("k", "ab" * 32)
    assert file == tmp_path / "k" / "ab" / f"{'ab' * 32}.bin"
    assert [p.name for p in file.parent.iterdir()] == [file.name]  # no temporary left behind
    file.write_bytes(file.read_bytes()[:-1])  # truncated: the digest no longer matches
    assert cache.load("k", "ab" * 32) is None
    assert cache.load("k", "cd" * 32) is None


def test_the_disabled_and_the_read_only_store_write_nothing(tmp_path):
    store.Store().save("k", "ab" * 32, b"x")
    store.Store(tmp_path / "ro", writable=False).save("k", "ab" * 32, b"x")
    assert not (tmp_path / "ro").exists()
    assert store.Store().load("k", "ab" * 32) is None


def test_keys_change_with_every_part():
    assert store.key("a", 1.0) == store.key("a", 1.0)
    assert len({store.key("a", 1.0), store.key("a", 1.0000001), store.key("b", 1.0), store.key("a", 1)}) == 4


def test_a_warm_build_sets_nothing_again_and_writes_the_same_bytes(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    out = tmp_path / "out"
    cold = build(manifest, BuildOptions(outdir=out, allow_overset=True))
    assert cold.made.ctx.setter.memo.misses > 0 and cold.made.ctx.setter.memo.hits == 0
    assert entries(out, "paragraphs") and entries(out, "preflight")  # faces: once per process (test below)
    warm = build(manifest, BuildOptions(outdir=out, allow_overset=True))
    memo = warm.made.ctx.setter.memo
    assert memo.misses == 0 and memo.hits == cold.made.ctx.setter.memo.misses
    fresh = build(manifest, BuildOptions(outdir=tmp_path / "fresh", allow_overset=True, cache=False))
    assert warm.issue_pdf.read_bytes() == cold.issue_pdf.read_bytes() == fresh.issue_pdf.read_bytes()
    assert warm.sidecar.read_bytes() == fresh.sidecar.read_bytes()


def test_a_refused_build_creates_no_output_folder_but_keeps_its_work_once_it_exists(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path, lines=4)  # overset: refused
    result = CliRunner().invoke(main, ["build", str(manifest), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    (tmp_path / "out").mkdir()
    assert CliRunner().invoke(main, ["build", str(manifest), "-o", str(tmp_path / "out"), "-q"]).exit_code == 1
    assert entries(tmp_path / "out", "paragraphs")  # the next attempt after a cut starts warm


def test_no_cache_neither_reads_nor_writes_the_store(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    cli_build(manifest, tmp_path / "out", "--no-cache")
    assert not (tmp_path / "out" / ".cache" / "store").exists()


def test_validate_reads_the_store_but_writes_no_file(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    result = CliRunner().invoke(main, ["validate", str(manifest), "-q", "--allow-overset"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "build").exists()


def _edit_font(path: Path) -> None:
    """Another version of the tiny font under the same name: wider Han, another PostScript name."""
    font = TTFont(str(path))
    advance, lsb = font["hmtx"]["han"]
    font["hmtx"]["han"] = (advance + 100, lsb)
    font["name"].setName("LayoutTestB-Regular", 6, 3, 1, 0x409)
    font.save(str(path))
    status = os.stat(path)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 10**9))


def test_the_cache_is_never_stale_edit_each_input_kind(tmp_path, tiny_font_path):
    """Each edit (article text, a style in the manifest, the typography, the font file) changes the cached
    build's output, and the cached build equals a build without the cache every time."""
    font = tmp_path / "tiny.ttf"
    font.write_bytes(tiny_font_path.read_bytes())
    manifest = write_issue(tmp_path, font)
    out = tmp_path / "out"
    seen = [process_build(manifest, out)]
    assert entries(out, "faces") and entries(out, "programs") and entries(out, "paragraphs")
    text = manifest.read_text(encoding="utf-8")
    edits = {
        "article": lambda: (tmp_path / "a.txt").write_text(TEXT.replace("正文内容，", "正文内容、", 1), encoding="utf-8"),
        "style": lambda: manifest.write_text(text.replace("fonts:", "styles:\n  headline: {size: 14pt}\nfonts:"),
                                             encoding="utf-8"),
        "typography": lambda: manifest.write_text(manifest.read_text(encoding="utf-8").replace(
            "fonts:", "typography:\n  pair_compression: 0.0\n  breaker: greedy\nfonts:"), encoding="utf-8"),
        "font": lambda: _edit_font(font),
    }
    for name, edit in edits.items():
        edit()
        cached = process_build(manifest, out)
        assert cached == process_build(manifest, tmp_path / f"fresh-{name}", "--no-cache"), name
        assert cached not in seen, f"{name}: the output did not change"
        seen.append(cached)


def _build_into(args: tuple[str, str]) -> tuple[int, str]:
    """A child process's build (for the two-builds-at-once test); its exit code and what it printed."""
    manifest, out = args
    result = CliRunner().invoke(main, ["build", manifest, "-o", out, "-q", "--allow-overset"])
    return result.exit_code, result.output + (repr(result.exception) if result.exit_code else "")


def test_two_builds_sharing_a_cache_at_once_both_succeed_with_the_same_bytes(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    out = tmp_path / "out"
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(_build_into, [(str(manifest), str(out))] * 2)
    assert [code for code, _ in results] == [0, 0], results
    expected = cli_build(manifest, tmp_path / "fresh", "--no-cache")
    assert (out / "tiny.pdf").read_bytes() == expected
    assert cli_build(manifest, out) == expected  # the entries both wrote are intact
    assert not [p for p in (out / ".cache").rglob("*.tmp")]


def test_the_preflight_memo_gives_the_same_report_and_never_hides_a_change(tmp_path, tiny_font_path):
    import pikepdf

    from layout.check import CheckOptions, preflight
    manifest = write_issue(tmp_path, tiny_font_path)
    pdf = build(manifest, BuildOptions(outdir=tmp_path / "out", allow_overset=True)).issue_pdf
    memo, options = store.Store(tmp_path / "memo"), CheckOptions(standard="x-1a", ink_limit=240)
    complete = preflight(pdf, options)
    assert preflight(pdf, options, memo=memo) == complete  # stored
    assert len(list((tmp_path / "memo" / "preflight").rglob("*.bin"))) == len(complete.pages)
    assert preflight(pdf, options, memo=memo) == complete  # from the memo
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:  # paint a rule in RGB on the page
        page = doc.pages[0]
        page.obj.Contents = doc.make_stream(page.obj.Contents.read_bytes() + b"\n1 0 0 RG 0 0 m 100 0 l S\n")
        doc.save(pdf)
    changed = preflight(pdf, options, memo=memo)
    assert changed == preflight(pdf, options)
    assert "rgb-colour" not in {f.check for f in complete.pages[0].findings}
    assert any("RGB" in f.message for f in changed.pages[0].findings)
