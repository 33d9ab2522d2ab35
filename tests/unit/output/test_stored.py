"""Stored output memo (layout/output/stored.py): a rebuild in a new process takes unchanged streams' Flate bytes
and unchanged subsets from the build's store — the same bytes as a build without the cache, never a stale one."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit.compose.test_front_page import ad_manifest, cmyk_art
from unit.test_kept_pages import fresh, outputs

from layout.output import stored
from layout.output.paint import cidfont


@pytest.fixture
def subsetting(monkeypatch) -> list[int]:
    """How many subsets the painter makes (not taken from the store); every stream is worth keeping."""
    calls: list[int] = []
    subset = cidfont.subset_face

    def counted(face, gids, program):
        calls.append(len(gids))
        return subset(face, gids, program)
    monkeypatch.setattr(cidfont, "subset_face", counted)
    monkeypatch.setattr(stored, "SMALLEST", 0)
    return calls


def _entries(out: Path, kind: str) -> list[Path]:
    return sorted((out / ".cache" / "store" / kind).rglob("*.bin"))


def test_a_rebuild_takes_streams_and_subsets_from_the_store_and_writes_the_same_bytes(tmp_path, tiny_font_path,
                                                                                   subsetting):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    cold = outputs(manifest, tmp_path / "out")
    made = len(subsetting)
    assert made and _entries(tmp_path / "out", stored.SUBSETS) and _entries(tmp_path / "out", stored.STREAMS)
    subsetting.clear()
    assert outputs(manifest, tmp_path / "out") == cold
    assert subsetting == []  # every subset from the store
    assert fresh(manifest, tmp_path, "stored") == cold and len(subsetting) >= made  # no store: all afresh


def test_damaged_entries_are_made_again(tmp_path, tiny_font_path, subsetting):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    cold = outputs(manifest, tmp_path / "out")
    made = len(subsetting)
    for kind in (stored.STREAMS, stored.SUBSETS):
        for entry in _entries(tmp_path / "out", kind):
            data = bytearray(entry.read_bytes())
            data[-1] ^= 0xFF
            entry.write_bytes(bytes(data))
    subsetting.clear()
    assert outputs(manifest, tmp_path / "out") == cold
    assert len(subsetting) == made


def test_an_edit_with_new_glyphs_makes_a_new_subset_and_equals_a_build_without_cache(tmp_path, tiny_font_path,
                                                                                    subsetting):
    manifest = ad_manifest(tmp_path, tiny_font_path, cmyk_art)
    cold = outputs(manifest, tmp_path / "out")
    article = manifest.parent / "b.txt"
    text = article.read_text(encoding="utf-8")
    used = {c for c in text if "\u4e00" <= c <= "\u9fff"}
    new = next((c for c in "一二三四五六七八九十中国人大小山水火" if c not in used), None)
    assert new is not None
    article.write_text(text.rstrip("\n") + new + "。\n", encoding="utf-8")
    subsetting.clear()
    warm = outputs(manifest, tmp_path / "out")
    assert warm != cold and subsetting  # a new glyph set: subset afresh
    assert fresh(manifest, tmp_path, "edit") == warm
