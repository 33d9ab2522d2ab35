"""Page ink (layout/output/paint/ink.py): a kept page's runs painted from text made once per page — the same
bytes as painting them run by run, and an ink that does not match its page is never used."""

from __future__ import annotations

import pickle
from pathlib import Path
from types import SimpleNamespace

import pytest
from unit.compose.test_front_page import ad_manifest, cmyk_art
from unit.test_kept_pages import fresh, outputs

from layout import kept
from layout.output.paint import page as paint_page
from layout.output.paint.ink import PageInk, page_ink, paint_ink
from layout.spec import CMYK

BLACK, RED = CMYK(0, 0, 0, 100), CMYK(0, 100, 100, 0)


class _Font:
    """A CIDFont stand-in that records what the painter asks of it."""

    def __init__(self, name: str, log: list) -> None:
        self.name, self.log = name, log

    def resource_name(self, doc) -> str:
        self.log.append(("name", self.name))
        return "/" + self.name

    def mark_used(self, pairs, doc) -> None:
        self.log.append(("mark", self.name, dict(pairs)))


def _run(face, text: str, color=BLACK, overprint=True):
    return SimpleNamespace(face=face, text=text, color=color, overprint=overprint)


def _page():
    """Five runs of two faces, the fill (colour, overprint) changing at the third and the fourth run."""
    song, hei = SimpleNamespace(key="song"), SimpleNamespace(key="hei")
    runs = [_run(hei, "头条"), _run(song, "正文正"), _run(song, "文", RED), _run(hei, "条", RED, False),
            _run(hei, "头", RED, False)]
    operators = [("a", {1: "头", 2: "条"}), ("b", {3: "正", 4: "文"}), ("c {x}", {4: "文"}), ("d", {2: "条"}),
                 ("e", {1: "头"})]
    return runs, operators


def test_the_ink_of_a_page_gathers_its_runs_by_fill_and_face():
    runs, operators = _page()
    ink = page_ink(runs, operators)
    assert ink == PageInk(runs=5, faces=(0, 1),
                          marks=(({1: "头", 2: "条"}, "头条"), ({3: "正", 4: "文"}, "文正")),
                          segments=((0, "BT {0} a\nBT {1} b"), (2, "BT {1} c {{x}}"), (3, "BT {0} d\nBT {0} e")))


def test_painting_the_ink_names_marks_and_writes_what_the_runs_would():
    runs, operators = _page()
    log: list = []
    fonts = {"song": _Font("F2", log), "hei": _Font("F1", log)}
    used: dict = {}
    fills: list = []
    texts: list = []
    paint_ink(object(), runs, page_ink(runs, operators), used, lambda face: fonts[face.key],
              lambda color, overprint: fills.append((color, overprint)), texts.append)
    assert log == [("name", "F1"), ("mark", "F1", {1: "头", 2: "条"}), ("name", "F2"),
                   ("mark", "F2", {3: "正", 4: "文"})]
    assert fills == [(BLACK, True), (RED, True), (RED, False)]
    assert texts == ["BT /F1 a\nBT /F2 b", "BT /F2 c {x}", "BT /F1 d\nBT /F1 e"]
    assert {key: chars for key, (_face, chars) in used.items()} == {"hei": {"头", "条"}, "song": {"正", "文"}}


def test_an_ink_fits_only_runs_like_those_it_was_made_from():
    runs, operators = _page()
    ink = page_ink(runs, operators)
    assert ink.fits(runs)
    assert not ink.fits(runs[:4])
    assert not PageInk(runs=5, faces=(0, 7), marks=(({}, ""), ({}, "")), segments=((0, ""),)).fits(runs)


@pytest.fixture
def runs_painted(monkeypatch) -> list[str]:
    """The text of every run the painter paints one by one (not from a page's ink)."""
    calls: list[str] = []
    paint_run = paint_page._paint_run

    def counted(canvas, run, used, memo=None):
        calls.append(run.text)
        return paint_run(canvas, run, used, memo)
    monkeypatch.setattr(paint_page, "_paint_run", counted)
    return calls


def test_a_warm_build_paints_kept_pages_from_their_ink_with_the_same_bytes(tmp_path, tiny_font_path, runs_painted):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    cold = outputs(manifest, tmp_path / "out")
    assert runs_painted  # composed pages are painted run by run
    runs_painted.clear()
    assert outputs(manifest, tmp_path / "out") == cold
    assert runs_painted == []  # issue PDF and page PDFs: every run from the ink
    assert fresh(manifest, tmp_path, "ink") == cold


def _page_entries(out: Path) -> list[Path]:
    return sorted((out / ".cache" / "store" / kept.KIND).rglob("*.bin"))


def test_a_kept_page_whose_ink_does_not_match_it_is_composed_again(tmp_path, tiny_font_path, runs_painted):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    cold = outputs(manifest, tmp_path / "out")
    store = kept._store.Store(tmp_path / "out" / ".cache" / "store")
    for entry in _page_entries(tmp_path / "out"):
        page, ink = kept.loads(store.load(kept.KIND, entry.stem))
        wrong = PageInk(ink.runs + 1, ink.faces, ink.marks, ink.segments)  # made from other runs
        store.save(kept.KIND, entry.stem, kept.dumps((page, wrong)))
        assert kept.load(store, entry.stem) is None
    runs_painted.clear()
    assert outputs(manifest, tmp_path / "out") == cold
    assert runs_painted  # composed and painted again, run by run


def test_an_entry_of_the_older_kind_is_a_miss(tmp_path, tiny_font_path):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    outputs(manifest, tmp_path / "out")
    store = kept._store.Store(tmp_path / "out" / ".cache" / "store")
    entry = _page_entries(tmp_path / "out")[0]
    page, _ink = kept.loads(store.load(kept.KIND, entry.stem))
    store.save(kept.KIND, entry.stem, kept.dumps((page, tuple(("ops", {}) for _ in page.runs))))
    assert kept.load(store, entry.stem) is None
    store.save(kept.KIND, entry.stem, pickle.dumps("not a page"))
    assert kept.load(store, entry.stem) is None
