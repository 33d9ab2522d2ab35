"""The manifest reader's libyaml path composes exactly the nodes of the pure-Python path, and leaves every
error to the pure-Python path so messages stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from layout.manifest import reader

ROOT = Path(__file__).resolve().parents[3]
MANIFESTS = sorted((ROOT / "issues").glob("*/issue.yaml"))
fast = pytest.mark.skipif(reader.CParser is None, reason="PyYAML without libyaml")


def _shape(node):
    """A node as plain data: kind, tag, value, and where it starts and ends (line, column, offset)."""
    marks = tuple((m.line, m.column, m.index) for m in (node.start_mark, node.end_mark))
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("sequence", node.tag, tuple(_shape(n) for n in node.value), marks)
    return ("mapping", node.tag, tuple((_shape(k), _shape(v)) for k, v in node.value), marks)


@fast
@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.parent.name)
def test_the_fast_path_composes_the_nodes_of_the_pure_python_path(manifest):
    text = manifest.read_text(encoding="utf-8")
    node = reader._compose_fast(text)
    assert node is not None
    assert _shape(node) == _shape(yaml.compose(text, Loader=reader._BoundedLoader))


@fast
def test_anchors_aliases_and_merges_compose_alike():
    text = "base: &b {columns: 8, gutter: 1}\npages:\n  - grid: *b\n  - grid: {<<: *b, columns: 6}\n"
    assert _shape(reader._compose_fast(text)) == _shape(yaml.compose(text, Loader=reader._BoundedLoader))


@fast
@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: b: c\n", "a: *missing\n", "a: &x [*x]\n",
                                  "- " * 300 + "x\n"])
def test_invalid_or_over_the_limits_is_left_to_the_pure_python_path(text):
    assert reader._compose_fast(text) is None
    with pytest.raises(yaml.YAMLError):
        yaml.compose(text, Loader=reader._BoundedLoader)
