"""A glyph run's operators (layout/output/paint/page.py): one TJ whose kerning numbers put every glyph at its
offset, the codes between two numbers written as one string; numbers with at most 3 decimals, never -0."""

from __future__ import annotations

from layout.output.paint import backend, cidfont
from layout.output.paint import page as paint_page
from layout.placed import GlyphRun
from layout.spec import CMYK


def _run(face, text: str, offsets: tuple, size: float = 10.0) -> GlyphRun:
    return GlyphRun(face=face, size=size, color=CMYK(0, 0, 0, 100), x=12.5, y=-0.0, text=text, offsets=offsets,
                    style="body")


def _operators(run: GlyphRun) -> str:
    """The run's operators as a worker makes them (page.prepare_run)."""
    return paint_page.prepare_run(run)[0]


def _codes(face, text: str) -> list[str]:
    encoded, _pairs = cidfont.register(face).encode_run(text, object.__new__(paint_page._Scratch))
    hexed = encoded.hex()
    return [hexed[i:i + 4] for i in range(0, len(hexed), 4)]


def test_glyphs_at_their_advances_are_one_string(tiny_face):
    a, b, c = _codes(tiny_face, "中文字")  # a Han is 1000 units: 10 pt at 10 pt
    run = _run(tiny_face, "中文字", (0.0, 10.0, 20.0))
    assert _operators(run) == f"10 Tf 1 0 0 1 12.5 0 Tm [<{a}{b}{c}>] TJ ET"


def test_a_glyph_off_its_advance_gets_a_kerning_number_before_it(tiny_face):
    a, b, c = _codes(tiny_face, "中文字")
    # the second glyph 2.5 pt late (−250/1000 em), the third back at its advance after it
    run = _run(tiny_face, "中文字", (0.0, 12.5, 22.5))
    assert _operators(run) == f"10 Tf 1 0 0 1 12.5 0 Tm [<{a}> -250 <{b}{c}>] TJ ET"
    # the first glyph off the pen (a hanging start) and the last one 0.12345 pt early
    run = _run(tiny_face, "中文字", (-1.0, 9.0, 18.87655))
    assert _operators(run) == f"10 Tf 1 0 0 1 12.5 0 Tm [100 <{a}{b}> 12.345 <{c}>] TJ ET"


def test_an_empty_run_is_an_empty_string(tiny_face):
    assert _operators(_run(tiny_face, "", ())) == "10 Tf 1 0 0 1 12.5 0 Tm [<>] TJ ET"


def test_a_number_is_written_as_backend_number_writes_it_whatever_is_held():
    values = [0.0, -0.0, -0.0001, 1.0, 1, 2.5, -12.3456, 1e-9, 123456.7895]
    assert [paint_page._num(v) for v in values] == [backend.number(v, 3) for v in values]
    assert [paint_page._num(v) for v in values] == ["0", "0", "0", "1", "1", "2.5", "-12.346", "0", "123456.789"]
    paint_page._NUMBERS.clear()
    assert [paint_page._num(v) for v in reversed(values)] == [backend.number(v, 3) for v in reversed(values)]
