"""Import graph of layout/, read with ast: no cycle; reportlab only in output/paint/, yaml only in manifest/."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "layout"


def modules() -> dict[str, Path]:
    """Module name → file, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports(name: str, path: Path, known: dict[str, Path]) -> tuple[set[str], set[str]]:
    """(modules of the package, top-level external packages) that `name` imports, TYPE_CHECKING included."""
    inner, outer = set(), set()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            targets = [module] + [f"{module}.{a.name}" for a in node.names]
        for target in targets:
            if target.split(".")[0] != "layout":
                outer.add(target.split(".")[0])
                continue
            parts = target.split(".")
            while parts and ".".join(parts) not in known:
                parts.pop()
            found = ".".join(parts)
            if found and found != name and not name.startswith(found + "."):
                inner.add(found)
    return inner, outer


def graph():
    known = modules()
    edges, external = {}, {}
    for name, path in known.items():
        edges[name], external[name] = imports(name, path, known)
    return edges, external


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle():
    assert cycles(graph()[0]) == []


def test_only_the_painter_imports_reportlab():
    _, external = graph()
    assert sorted(m for m, ext in external.items() if "reportlab" in ext and not m.startswith("layout.output.paint")) == []


def test_only_the_manifest_reader_imports_yaml():
    _, external = graph()
    assert sorted(m for m, ext in external.items() if "yaml" in ext and not m.startswith("layout.manifest")) == []


def test_the_stages_import_only_upstream():
    """spec knows nothing later; typeset knows no page; makeup knows no compose; compose knows no painter."""
    edges, _ = graph()
    later = {"layout.spec": ("layout.manifest", "layout.typeset", "layout.makeup", "layout.compose", "layout.output"),
             "layout.typeset": ("layout.makeup", "layout.compose", "layout.output", "layout.placed"),
             "layout.makeup": ("layout.compose", "layout.output"),
             "layout.compose": ("layout.output", "layout.build")}
    wrong = sorted((m, t) for m, targets in edges.items() for stage, banned in later.items()
                   if m.startswith(stage) for t in targets if t.startswith(banned))
    assert wrong == []


def test_the_detector_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
