"""Fonts: metrics of a face, fallback chains, coverage, embedding permission, role table overrides."""

from pathlib import Path

import pytest

from layout.errors import FontError
from layout.fonts import FaceSource, FontBook, FontTable, TextFont, check_embeddable, load_face
from layout.spec import FontOverride
from tinyfont import build_tiny_font


def test_face_metrics_are_read_from_the_font(tiny_face):
    assert tiny_face.upem == 1000
    assert (tiny_face.ascent, tiny_face.descent) == (880, -120)
    assert tiny_face.outline == "truetype"
    assert tiny_face.advance("中", 10.5) == 10.5
    assert tiny_face.advance("A", 10) == 5
    assert tiny_face.advance(" ", 10) == 2.5


def test_face_is_loaded_once_per_process(tiny_font_path):
    source = FaceSource(role="song", weight="regular", file=tiny_font_path)
    assert load_face(source) is load_face(FaceSource(role="song", weight="regular", file=tiny_font_path))


def test_fallback_chain_takes_the_first_face_that_has_the_character(tiny_face, latin_only_font_path):
    latin = load_face(FaceSource(role="hei", weight="regular", file=latin_only_font_path))
    font = TextFont((latin, tiny_face), 10)
    assert font.face_for("A") is latin
    assert font.face_for("中") is tiny_face
    assert font.advance("中") == 10


def test_missing_lists_each_uncovered_character_once(tiny_font):
    assert tiny_font().missing("中é文é \u00fc") == "éü"


def test_a_font_that_forbids_embedding_is_refused(tmp_path):
    path = build_tiny_font(tmp_path / "Restricted.ttf", "Restricted", fs_type=0x0002)
    face = load_face(FaceSource(role="song", weight="regular", file=path))
    with pytest.raises(FontError, match="forbids embedding") as info:
        check_embeddable(face)
    assert "0x0002" in info.value.message


def test_missing_font_file_names_the_debian_package(tmp_path):
    with pytest.raises(FontError) as info:
        load_face(FaceSource(role="kai", weight="regular", file=tmp_path / "nope.ttf", package="fonts-lxgw-wenkai"))
    assert "fonts-lxgw-wenkai" in info.value.hint


def table(song: Path, hei: Path) -> FontTable:
    return FontTable((FaceSource(role="song", weight="regular", file=song),
                      FaceSource(role="hei", weight="regular", file=hei),
                      FaceSource(role="hei", weight="bold", file=hei)), (("song", ("hei",)),))


def test_font_book_chain_follows_the_fallback_roles(tiny_font_path, latin_only_font_path):
    book = FontBook(table(latin_only_font_path, tiny_font_path))
    chain = book.chain("song", "regular")
    assert [f.source.role for f in chain] == ["song", "hei"]
    assert book.text_font("song", "regular", 9).face_for("中").source.role == "hei"


def test_missing_weight_falls_back_to_regular_of_the_role(tiny_font_path):
    book = FontBook(table(tiny_font_path, tiny_font_path))
    assert book.face("song", "bold").source.weight == "regular"


def test_unconfigured_role_is_an_error(tiny_font_path):
    with pytest.raises(FontError, match="no font configured for role 'kai'"):
        FontBook(table(tiny_font_path, tiny_font_path)).face("kai", "regular")


def test_manifest_overrides_replace_a_role(tiny_font_path, latin_only_font_path):
    base = table(tiny_font_path, tiny_font_path)
    changed = base.with_overrides((FontOverride("hei", "bold", latin_only_font_path),))
    assert changed.source("hei", "bold").file == latin_only_font_path
    assert changed.source("hei", "regular").file == tiny_font_path
