"""Schema (`layout schema`): the JSON Schema generated from the manifest model validates every manifest of the
repository and rejects what the reader rejects for unknown keys and wrong types."""

from __future__ import annotations

import copy
import re
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from layout.cli import main
from layout.errors import ManifestError
from layout.manifest import figures, front, issue, jumps, load_issue, pages, styles
from layout.manifest.schema import issue_schema, schema_text

ROOT = Path(__file__).resolve().parents[3]
MANIFESTS = sorted([*ROOT.glob("issues/*/issue.yaml"), *ROOT.glob("tests/golden/cases/*/issue.yaml")])
BASE = """\
issue: {id: test-2024-01-05, paper: 测试日报, date: 2024-01-05}
format: {width: 300pt, height: 400pt}
margins: {top: 20, right: 20, bottom: 20, left: 20}
grid: {columns: 4, gutter: 10pt, body: 10pt, leading: 18pt}
typography: {kinsoku: strict}
print: {ink_limit: 240}
fit: {body_gap: 1}
styles: {body: {role: song}, headline: {size: 小一}}
pages:
  - number: 1
    section: 要闻
    articles:
      - {id: a, file: articles/a.txt, slot: {column: 1, span: 2, top: 0, lines: 10}}
      - {id: b, file: articles/b.txt, slot: {column: 3, span: 2, top: 0, lines: rest}}
"""


class TextDates(yaml.SafeLoader):
    """YAML as an editor's language server reads it: a date stays text (the reader reads its source text)."""


TextDates.yaml_implicit_resolvers = {first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
                                     for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def parsed(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=TextDates)  # noqa: S506 (a SafeLoader)


def validator():
    return jsonschema.Draft202012Validator(issue_schema())


def test_the_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(issue_schema())


def test_layout_schema_prints_it_and_writes_it(tmp_path):
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and result.output == schema_text()
    assert json.loads(result.output)["required"] == ["issue", "grid", "pages"]
    out = tmp_path / "issue.schema.json"
    assert CliRunner().invoke(main, ["schema", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == schema_text()


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.parent.name)
def test_every_manifest_of_the_repository_is_valid(manifest):
    assert len(MANIFESTS) >= 9
    errors = [f"{list(e.path)}: {e.message}" for e in validator().iter_errors(parsed(manifest))]
    assert errors == []


def test_the_mappings_are_the_readers_key_tuples():
    schema = issue_schema()
    top = schema["properties"]
    page = top["pages"]["items"]
    article, continuation = page["properties"]["articles"]["items"]["anyOf"]  # a story, or a jump's continuation
    figure = article["properties"]["figures"]["items"]
    assert tuple(schema["properties"]) == issue._TOP_KEYS
    assert tuple(top["issue"]["properties"]) == issue._ISSUE_KEYS
    assert tuple(top["grid"]["properties"]) == issue._GRID_KEYS
    assert tuple(top["typography"]["properties"]) == issue._TYPOGRAPHY_KEYS
    assert tuple(top["print"]["properties"]) == issue._PRINT_KEYS
    assert tuple(page["properties"]) == pages._PAGE_KEYS
    assert tuple(article["properties"]) == pages._ARTICLE_KEYS
    assert tuple(article["properties"]["slot"]["properties"]) == pages._SLOT_KEYS
    assert tuple(figure["properties"]) == figures._FIGURE_KEYS
    assert tuple(top["styles"]["properties"]["body"]["properties"]) == styles._STYLE_KEYS
    assert article["required"] == list(pages._ARTICLE_REQUIRED)
    assert tuple(continuation["properties"]) == jumps.CONTINUATION_KEYS
    assert tuple(page["properties"]["masthead"]["properties"]) == front.MASTHEAD_KEYS


def test_every_key_says_what_its_value_is():
    """No key of the model is left without a kind (ANY): completion and hover have something to say."""
    def walk(kind, path):
        for key, sub in kind.get("properties", {}).items():
            assert sub, f"{path}.{key} has no kind next to its key tuple"
            walk(sub, f"{path}.{key}")
        for key in ("items", "additionalProperties"):
            if isinstance(kind.get(key), dict):
                walk(kind[key], f"{path}[]")
        for sub in kind.get("anyOf", []):
            walk(sub, path)
    walk(issue_schema(), "")


def _base(tmp_path: Path):
    """A small valid manifest (as test_manifest.py's), parsed, with its article files written."""
    (tmp_path / "articles").mkdir()
    for name in ("a", "b"):
        (tmp_path / "articles" / f"{name}.txt").write_text("headline: 标题\n\n正文。\n", encoding="utf-8")
    return yaml.load(BASE, Loader=TextDates)  # noqa: S506


def _at(data, path: str):
    """The mapping at a dotted path with list indexes (pages.0.articles.1)."""
    for part in path.split(".") if path else []:
        data = data[int(part)] if part.isdigit() else data.setdefault(part, {})
    return data


# (where, key, value): an unknown key or a wrong type at `where`; the reader and the schema both refuse it
REFUSED = [
    ("", "isue", {"id": "x"}),
    ("issue", "author", "李振华"),
    ("grid", "colums", 8),
    ("pages.0", "sectoin", "要闻"),
    ("pages.0.articles.0", "headline_szie", "小一"),
    ("pages.0.articles.0.slot", "rows", 3),
    ("styles.body", "colour", "black"),
    ("styles", "headlines", {"size": "小一"}),
    ("grid", "columns", "eight"),
    ("grid", "columns", 0),
    ("pages.0.articles.0.slot", "span", [2]),
    ("pages.0.articles.0.slot", "lines", "most"),
    ("typography", "kinsoku", "loose"),
    ("typography", "hanging", "maybe"),
    ("print", "ink_limit", 500),
    ("fit", "body_gap", -1),
    ("pages.0", "articles", {"id": "a"}),
    ("styles.headline", "align", "middle"),
    ("issue", "number", "12a"),
]


@pytest.mark.parametrize("where,key,value", REFUSED, ids=[f"{w}.{k}={v!r}" for w, k, v in REFUSED])
def test_the_schema_refuses_what_the_reader_refuses(tmp_path, where, key, value):
    data = _base(tmp_path)
    assert list(validator().iter_errors(data)) == []
    changed = copy.deepcopy(data)
    _at(changed, where)[key] = value
    path = tmp_path / "issue.yaml"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ManifestError):
        load_issue(path)
    assert list(validator().iter_errors(parsed(path))), "the schema accepted it"


def test_the_reader_and_the_schema_accept_the_base(tmp_path):
    data = _base(tmp_path)
    path = tmp_path / "issue.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert load_issue(path).pages[0].articles[1].slot.lines == "rest"
    assert list(validator().iter_errors(parsed(path))) == []


def test_every_manifest_key_is_documented():
    """docs/manifest.md names every key of the model (as `key`): a key added to a reader's tuple needs a line."""
    doc = (ROOT / "docs" / "manifest.md").read_text(encoding="utf-8")
    keys: set[str] = set()

    def walk(kind):
        for key, sub in kind.get("properties", {}).items():
            keys.add(key)
            walk(sub)
        for sub in [kind.get("items"), kind.get("additionalProperties"), *kind.get("anyOf", [])]:
            if isinstance(sub, dict):
                walk(sub)
    walk(issue_schema())
    assert sorted(k for k in keys if f"`{k}`" not in doc and f"`{k}:" not in doc) == []


def test_the_docs_link_only_inside_the_repository():
    links = [(path.name, target) for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
             for target in re.findall(r"\]\(([^)#]+)", path.read_text(encoding="utf-8"))
             if not target.startswith(("http://", "https://"))]
    outside = [(name, target) for name, target in links
               if not (ROOT / ("docs" if name != "README.md" else "") / target).resolve().is_relative_to(ROOT)
               or not (ROOT / ("docs" if name != "README.md" else "") / target).resolve().exists()]
    assert outside == []
