"""The manifest's figures: key on the tiny manifest: what it reads, and located errors for what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from layout.errors import LayoutError
from layout.manifest import load_issue
from tests.worlds import write_issue

GOOD = """        figures:
          - file: p.jpg
            span: 2
            caption: 图为测试。
            credit: 图片来源：测试
"""


def issue_with(tmp_path: Path, font: Path, figure_yaml: str) -> Path:
    path = write_issue(tmp_path, font, lines=20)
    Image.new("RGB", (400, 200), "white").save(tmp_path / "p.jpg")
    text = path.read_text(encoding="utf-8").replace("lines: 20}}\n", "lines: 20}}\n" + figure_yaml, 1)
    text = text.replace("lines: 20}\n", "lines: 20}\n" + figure_yaml, 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_figure_is_read_with_its_photos_own_aspect(tmp_path, tiny_font_path):
    issue = load_issue(issue_with(tmp_path, tiny_font_path, GOOD))
    figure = issue.pages[0].articles[0].figures[0]
    assert (figure.span, figure.place, figure.fit, figure.rows) == (2, "before-body", "cover", None)
    assert figure.aspect == 2.0 and figure.credit == "图片来源：测试"
    assert figure.file == (tmp_path / "p.jpg").resolve()


def test_credit_none_is_no_credit(tmp_path, tiny_font_path):
    issue = load_issue(issue_with(tmp_path, tiny_font_path, GOOD.replace("图片来源：测试", "none")))
    assert issue.pages[0].articles[0].figures[0].credit is None


@pytest.mark.parametrize("change, message", [
    (("            credit: 图片来源：测试\n", ""), "missing required key 'credit'"),
    (("            caption: 图为测试。\n", ""), "missing required key 'caption'"),
    (("span: 2", "span: 3"), "slot has 2"),
    (("span: 2", "span: 2\n            rows: 4\n            aspect: 1.5"), "rows or aspect, not both"),
    (("span: 2", "span: 2\n            place: middle"), "place 'middle' is not one of before-body, top, bottom"),
    (("span: 2", "span: 1\n            place: top"), r"above the headline \(place: top\) spans the whole slot"),
    (("file: p.jpg", "file: ../p.jpg"), "outside the issue folder"),
    (("file: p.jpg", "file: q.jpg"), "not found"),
    (("span: 2", "span: 2\n            crop: {focus: [0.5, 2]}"), "more than the maximum 1"),
])
def test_a_bad_figure_is_a_located_error(tmp_path, tiny_font_path, change, message):
    path = issue_with(tmp_path, tiny_font_path, GOOD.replace(*change))
    with pytest.raises(LayoutError, match=message) as err:
        load_issue(path)
    assert "figures[0]" in str(err.value)
