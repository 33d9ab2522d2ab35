"""Units: 号 sizes, length strings, errors."""

import pytest

from layout.errors import ManifestError
from layout.units import PT_PER_MM, font_size, length, mm


def test_hao_names_clreq_table():
    assert font_size("小五", "x") == 9
    assert font_size("五号", "x") == 10.5
    assert font_size("初号", "x") == 42


def test_hao_office_table_differs():
    assert font_size("一号", "x", table="clreq") == 27.5
    assert font_size("一号", "x", table="office") == 26


def test_lengths_in_every_unit():
    assert length("10mm", "x", em=None) == pytest.approx(10 * PT_PER_MM)
    assert length("1cm", "x", em=None) == pytest.approx(mm(10))
    assert length("4Q", "x", em=None) == pytest.approx(mm(1))
    assert length("2字", "x", em=10.5) == 21
    assert length(12, "x", em=None) == 12


def test_em_needs_a_body_size():
    with pytest.raises(ManifestError, match="not allowed"):
        length("1字", "grid.gutter", em=None)


def test_bad_length_names_the_place():
    with pytest.raises(ManifestError) as info:
        length("twelve", "margins.top", em=None)
    assert info.value.where == "margins.top"
    assert "mm" in info.value.hint


def test_bad_size_lists_hao_names():
    with pytest.raises(ManifestError) as info:
        font_size("大五", "styles.body.size")
    assert "小五" in info.value.hint
