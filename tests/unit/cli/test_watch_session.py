"""`layout watch` between rebuilds (cli/watch.Session): --proof renders again only the pages whose look
changed, and a replaced font file is watched and gives the next rebuild fresh faces."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tinyfont import build_tiny_font
from worlds import write_issue

from layout.build import BuildOptions
from layout.cli.watch import Session, WatchOptions
from layout.memory import Memory
from layout.qa.proof import ProofOptions, Source, proof_pdf

SECOND_PAGE = """\
  - number: 4
    section: 本地
    articles:
      - id: c
        file: c.txt
        slot: {column: 1, span: 4, top: 0, lines: rest}
"""


def two_pages(folder: Path, font: Path) -> Path:
    """The tiny issue with a second page (4, story c beside nothing)."""
    manifest = write_issue(folder, font)
    (folder / "c.txt").write_text("headline: 第二版\n\n" + "本地新闻，" * 20 + "。\n", encoding="utf-8")
    manifest.write_text(manifest.read_text(encoding="utf-8") + SECOND_PAGE, encoding="utf-8")
    return manifest


def session(manifest: Path, proof: bool = False) -> Session:
    options = BuildOptions(outdir=manifest.parent / "build", memory=Memory(), cache=False)
    return Session(manifest.resolve(), options, WatchOptions(proof=proof, quiet=True, dpi=20))


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_proof_renders_again_only_the_changed_page(tmp_path, tiny_font_path, capsys):
    manifest = two_pages(tmp_path, tiny_font_path)
    watch = session(manifest, proof=True)
    assert watch.rebuild().ok and watch.rendered == 2
    proofs = tmp_path / "build" / "proof"
    assert sorted(p.name for p in proofs.iterdir()) == ["A03.png", "A04.png"]
    assert "proofs: 2 PNG at 20 dpi" in capsys.readouterr().out
    stamps = {p.name: p.stat().st_mtime_ns for p in proofs.iterdir()}

    assert watch.rebuild().ok and watch.rendered == 0  # nothing saved: nothing rendered
    edit(tmp_path / "c.txt", "本地新闻，", "本地要闻，")  # page 4's story only
    watch.saved({(tmp_path / "c.txt").resolve()})
    assert watch.rebuild().ok and watch.rendered == 1
    assert "(1 rendered, 1 unchanged)" in capsys.readouterr().out
    assert proofs.joinpath("A03.png").stat().st_mtime_ns == stamps["A03.png"]
    assert proofs.joinpath("A04.png").stat().st_mtime_ns != stamps["A04.png"]

    fresh = proof_pdf(Source(pdf=tmp_path / "build" / "tiny.pdf", sidecar=None), tmp_path / "fresh",
                      ProofOptions(dpi=20))  # every kept PNG shows the current PDF
    assert [p.read_bytes() for p in fresh.pages] == [proofs.joinpath(n).read_bytes() for n in ("A03.png", "A04.png")]

    proofs.joinpath("A03.png").unlink()  # a proof deleted by hand comes back
    assert watch.rebuild().ok and watch.rendered == 1 and proofs.joinpath("A03.png").is_file()


def test_a_page_taken_out_loses_its_proof(tmp_path, tiny_font_path):
    manifest = two_pages(tmp_path, tiny_font_path)
    watch = session(manifest, proof=True)
    watch.rebuild()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(SECOND_PAGE, ""), encoding="utf-8")
    watch.saved({manifest.resolve()})
    assert watch.rebuild().ok
    assert sorted(p.name for p in (tmp_path / "build" / "proof").iterdir()) == ["A03.png"]


def embedded_fonts(pdf: Path) -> set[str]:
    import pikepdf
    with pikepdf.open(pdf) as document:
        return {str(font.get("/BaseFont")).split("+", 1)[-1] for page in document.pages
                for font in page.obj.Resources.Font.values()}


def test_a_replaced_font_file_is_watched_and_reloaded(tmp_path, tiny_font_path):
    font = tmp_path / "fonts" / "Tiny.ttf"
    font.parent.mkdir()
    shutil.copy(tiny_font_path, font)
    manifest = write_issue(tmp_path, font)
    watch = session(manifest)
    assert watch.rebuild().ok
    assert font.resolve() in watch.files and font.resolve() in watch.fonts
    assert embedded_fonts(tmp_path / "build" / "tiny.pdf") == {"LayoutTest-Regular"}

    build_tiny_font(font, family="Replaced")  # the 美编 installs a corrected font over the old file
    os.utime(font, ns=(font.stat().st_atime_ns, font.stat().st_mtime_ns + 10**9))
    assert watch.rebuild().ok  # not told of the save: the faces loaded before are kept
    assert embedded_fonts(tmp_path / "build" / "tiny.pdf") == {"LayoutTest-Regular"}
    watch.saved({font.resolve()})
    assert watch.rebuild().ok
    assert embedded_fonts(tmp_path / "build" / "tiny.pdf") == {"Replaced-Regular"}


def test_a_font_that_breaks_the_build_is_still_watched_and_its_fix_builds(tmp_path, tiny_font_path):
    font = tmp_path / "Tiny.ttf"
    shutil.copy(tiny_font_path, font)
    manifest = write_issue(tmp_path, font)
    watch = session(manifest)
    assert watch.rebuild().ok
    build_tiny_font(font, family="NoHan", han=False)  # a wrong file: no Han
    watch.saved({font.resolve()})
    assert not watch.rebuild().ok and font.resolve() in watch.files
    shutil.copy(tiny_font_path, font)
    watch.saved({font.resolve()})
    assert watch.rebuild().ok
