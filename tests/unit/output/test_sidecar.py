"""The sidecar (layout/output/sidecar.py): typed records of a composed page, written and read back."""

from __future__ import annotations

import json

import pytest

from layout.errors import LayoutError
from layout.output import sidecar
from layout.output.sidecar import SIDECAR_FORMAT, Sidecar, page_record, sidecar_name
from worlds import article, make_issue, make_world

TEXT = "headline: 标题\n\n" + "正文内容，" * 40 + "。\n"


@pytest.fixture(scope="module")
def composed(tiny_font_path):
    """A page of two articles on the tiny font, the second overset."""
    issue = make_issue((article("a", 1, 2, 0, 20), article("b", 3, 2, 0, 3)))
    return make_world(tiny_font_path, issue, {"a": TEXT, "b": TEXT}).compose(issue.pages[0])


@pytest.fixture
def document(composed) -> Sidecar:
    return Sidecar("t", "t.pdf", (page_record(0, composed, composed.bleed),))


def test_write_then_read_gives_the_same_sidecar(tmp_path, document):
    path = sidecar.write(tmp_path / sidecar_name("t"), document)
    assert path.name == "t.layout.json"
    assert sidecar.read(path) == document
    assert document.pages[0].articles[1].overset.lines_over > 0


def test_the_json_is_sorted_compact_and_stable(document):
    text = sidecar.dumps(document)
    data = json.loads(text)
    assert data["format"] == SIDECAR_FORMAT and data["pages"][0]["articles"][0]["id"] == "a"
    assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    assert sidecar.dumps(sidecar.loads(text)) == text


def test_records_are_frozen_and_hold_no_lists(document):
    page = document.pages[0]
    with pytest.raises(AttributeError):
        page.label = "B01"  # type: ignore[misc]
    assert isinstance(page.articles, tuple) and isinstance(page.articles[0].slot, tuple)
    assert isinstance(page.articles[0].lines, tuple) and isinstance(page.furniture, tuple)


def test_another_format_is_refused(tmp_path):
    path = tmp_path / "x.layout.json"
    path.write_text(json.dumps({"format": "layout-sidecar/0", "issue": "x", "pdf": "x.pdf", "pages": []}))
    with pytest.raises(LayoutError, match="not a layout-sidecar/1 sidecar") as err:
        sidecar.read(path)
    assert err.value.where == str(path)


def test_garbage_is_a_located_error(tmp_path, document):
    path = tmp_path / "x.layout.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LayoutError, match="not JSON") as err:
        sidecar.read(path)
    assert err.value.where == str(path)
    data = json.loads(sidecar.dumps(document))
    data["pages"][0]["articles"][1]["slot"] = [1, 2, "three", 4]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"pages\[0\]\.articles\[1\]\.slot\[2\] is 'three', not a number"):
        sidecar.read(path)
    del data["pages"][0]["label"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"pages\[0\] has no 'label'"):
        sidecar.read(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(LayoutError, match="no sidecar") as err:
        sidecar.read(tmp_path / "gone.layout.json")
    assert err.value.where.endswith("gone.layout.json")
