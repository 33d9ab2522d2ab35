"""`--json` of `layout build`, `layout validate`, `layout fonts`: the formats of docs/json.md, exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from layout.cli import main
from layout.cli.summary import to_json
from layout.fonts import FaceSource, file_sha256
from layout.fonts.book import FontTable
from worlds import write_issue

DOC = Path(__file__).parents[3] / "docs" / "json.md"
BUILD_ONLY = ("fonts", "seconds", "outputs")  # the keys validate leaves out


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def as_document(result) -> dict:
    """stdout as JSON, printed in the stable form: sorted keys, UTF-8 as is, two-space indent."""
    document = json.loads(result.stdout)
    assert result.stdout == to_json(document) + "\n", "keys sorted, indent 2, no \\u escapes"
    return document


def key_paths(value, prefix: str = "") -> set[str]:
    """Every key path of a JSON value: `a`, `a.b`, `a[]` lists as `a`, `a[].b` keys of its objects."""
    paths = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            paths |= {path} | key_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            paths |= key_paths(item, prefix + "[]")
    return paths


def documented(title: str) -> list[list[str]]:
    """The key table under the docs/json.md heading naming `title`: its rows, cells stripped of `…`."""
    text = DOC.read_text(encoding="utf-8")
    section = re.search(rf"^## [^\n]*{re.escape(title)}[^\n]*$(.*?)(?=^## |\Z)", text, re.M | re.S).group(1)
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.splitlines() if re.match(r"\| `", line)]
    return [[row[0].strip("`"), *row[1:]] for row in rows]


def text_counts(output: str) -> dict:
    """The numbers of the text summary (build or validate)."""
    head = re.search(r"(\d+) page\(s\), (\d+) articles, (\d+) lines, (\d+) characters", output)
    typesetting = re.search(r"typesetting: (\d+) body lines; prohibited line starts (\d+), ends (\d+); "
                            r"non-flush lines (\d+); overfull (\d+); 孤字 (\d+); off the baseline grid (\d+); "
                            r"squeezed \(先挤进\) (\d+)", output)
    t = list(map(int, typesetting.groups()))
    return {"pages": int(head[1]), "articles": int(head[2]), "lines": int(head[3]), "characters": int(head[4]),
            "typesetting": {"lines": t[0], "prohibited_starts": t[1], "prohibited_ends": t[2], "not_flush": t[3],
                            "overfull": t[4], "orphans": t[5], "off_grid": t[6], "squeezed": t[7]},
            "underfull": re.findall(r"UNDERFULL (.*)", output), "unplaced": re.findall(r"NO SLOT (.*)", output),
            "overset": re.findall(r"OVERSET (.*)", output)}


def test_build_json_is_the_text_summary_as_data(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    text = run("build", manifest, "-o", tmp_path / "text")
    result = run("build", manifest, "--json", "--pages")
    assert result.exit_code == 0 and text.exit_code == 0, result.output
    doc = as_document(result)
    counts = text_counts(text.output)
    fit = json.loads(run("fit", manifest, "--json").stdout)
    short = [s for s in fit["stories"] if s["status"] == "short"]
    out = tmp_path / "build"
    assert doc["format"] == "layout-build-summary/1"
    assert {k: doc[k] for k in ("pages", "articles", "lines", "characters", "typesetting")} == \
        {k: counts[k] for k in ("pages", "articles", "lines", "characters", "typesetting")}
    assert (doc["pages"], doc["articles"]) == (1, 2)
    assert doc["overset"] == [] and doc["warnings"] == []
    assert doc["underfull"] == [{"article": s["id"], "page": s["page"], "where": s["where"],
                                 "empty_per_column": s["empty_per_column"], "short_lines": s["short_lines"],
                                 "characters_to_add": s["characters_to_add"]} for s in short]
    assert [f"article {u['article']} on page {u['page']}: {u['short_lines']} empty lines"
            for u in doc["underfull"]] == [re.sub(r" at the foot.*", "", u) for u in counts["underfull"]]
    assert [u["message"] for u in doc["unplaced"]] == counts["unplaced"] == fit["unplaced"]
    assert [(u["page"], u["column"], u["span"], u["top"], u["rows"]) for u in doc["unplaced"]] == [(3, 1, 2, 20, 2)]
    fonts = re.findall(r"^    (\S+) +([A-Z]{6}\+\S+) +(\d+) characters, subset (\d+) KiB", text.output, re.M)
    assert [(f["key"], f["postscript_name"][7:], f["characters"], round(f["subset_bytes"] / 1024))
            for f in doc["fonts"]] == [(k, p[7:], int(c), int(b)) for k, p, c, b in fonts]
    assert isinstance(doc["seconds"], float) and doc["seconds"] > 0
    assert doc["outputs"] == {"issue_pdf": str(out / "tiny.pdf"), "issue_pdf_bytes": (out / "tiny.pdf").stat().st_size,
                              "page_pdfs": [str(out / "A03.pdf")], "sidecar": str(out / "tiny.layout.json"),
                              "page_sidecars": [str(out / "A03.layout.json")]}


def test_build_json_lists_overset_with_the_messages_numbers(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path, lines=4)
    doc = as_document(run("build", manifest, "--json", "--allow-overset"))
    text = run("build", manifest, "--allow-overset")
    [message] = text_counts(text.output)["overset"]
    [over] = doc["overset"]
    assert message == (f"article {over['article']} on page {over['page']}: needs {over['lines_needed']} lines, "
                       f"slot holds {over['lines_available']} ({over['lines_needed'] - over['lines_available']} "
                       f"lines ≈ {over['characters_over']} characters over)")
    assert (over["article"], over["page"], over["lines_available"]) == ("a", 3, 2)
    assert over["where"] == f"{manifest}:21 (pages[0].articles[0].slot)"


def test_validate_json_is_the_build_summary_without_the_build_keys(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path, lines=4)
    built = as_document(run("build", manifest, "--json", "--allow-overset", "-o", tmp_path / "out"))
    validated = run("validate", manifest, "--json", "--allow-overset")
    assert validated.exit_code == 0, validated.output
    doc = as_document(validated)
    assert doc == {**{k: v for k, v in built.items() if k not in BUILD_ONLY},
                   "format": "layout-validate-summary/1"}
    assert doc["overset"] and doc["underfull"] and doc["unplaced"]
    dry = run("build", manifest, "--json", "--allow-overset", "--dry-run")
    assert dry.exit_code == 0 and as_document(dry) == doc
    assert not (tmp_path / "build").exists()


def test_an_error_with_json_is_an_object_on_stdout_and_the_message_on_stderr(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path, lines=4)
    plain = run("build", manifest)
    for command in (["build", manifest, "--json"], ["validate", manifest, "--json"]):
        result = run(*command)
        assert result.exit_code == 1
        assert result.stderr == plain.stderr, "the message is unchanged by --json"
        error = as_document(result)
        assert error == {"format": "layout-error/1", "where": "",
                         "error": plain.stderr.removeprefix("error: ").split("\n  hint: ")[0],
                         "hint": plain.stderr.split("\n  hint: ")[1].rstrip("\n")}
    assert not (tmp_path / "build").exists()


def test_a_manifest_error_with_json_names_where(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("section:", "sektion:"), encoding="utf-8")
    result = run("validate", manifest, "--json")
    assert result.exit_code == 1
    error = as_document(result)
    assert error["where"].startswith(f"{manifest}:") and "pages[0]" in error["where"]
    assert result.stderr.startswith(f"error: {error['where']}: {error['error']}")
    assert "did you mean" in error["hint"] or "section" in error["error"] + error["hint"]


def test_an_os_error_with_json_is_the_wrappers_message(tmp_path, tiny_font_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    manifest = write_issue(tmp_path, tiny_font_path)
    plain = run("build", manifest, "-o", blocker / "out")
    result = run("build", manifest, "-o", blocker / "out", "--json")
    assert result.exit_code == plain.exit_code == 1
    assert result.stderr == plain.stderr and "Traceback" not in result.output
    assert as_document(result)["format"] == "layout-error/1"


def _font_table(monkeypatch, font: Path, tmp_path: Path) -> None:
    sha = file_sha256(font)
    table = FontTable((FaceSource(role="song", weight="regular", file=font, index=0, sha256=sha, package="fonts-test"),
                       FaceSource(role="hei", weight="regular", file=font, index=0, sha256="0" * 64,
                                  package="fonts-test"),
                       FaceSource(role="kai", weight="regular", file=tmp_path / "missing.ttf", index=0, sha256="",
                                  package="fonts-gone")), ())
    monkeypatch.setattr("layout.manifest.load_font_table", lambda *args: table)


def test_fonts_json_lists_every_face_with_both_sha256(tmp_path, tiny_font_path, monkeypatch):
    _font_table(monkeypatch, tiny_font_path, tmp_path)
    sha = file_sha256(tiny_font_path)
    result = run("fonts", "--json")
    assert result.exit_code == 1
    doc = as_document(result)
    text = run("fonts")
    assert doc["format"] == "layout-fonts/1" and doc["ok"] is False and doc["verified"] is True
    missing = doc["fonts"][2]["status"]
    assert "not found" in missing and missing in text.output
    assert doc["fonts"] == [
        {"role": "song", "weight": "regular", "file": str(tiny_font_path), "index": 0, "package": "fonts-test",
         "sha256_expected": sha, "sha256_found": sha, "status": "ok"},
        {"role": "hei", "weight": "regular", "file": str(tiny_font_path), "index": 0, "package": "fonts-test",
         "sha256_expected": "0" * 64, "sha256_found": sha, "status": "sha256 differs from fonts.yaml"},
        {"role": "kai", "weight": "regular", "file": str(tmp_path / "missing.ttf"), "index": 0,
         "package": "fonts-gone", "sha256_expected": None, "sha256_found": None, "status": missing}]
    unverified = as_document(run("fonts", "--json", "--no-verify"))
    assert unverified["verified"] is False and [f["sha256_found"] for f in unverified["fonts"]] == [None] * 3
    assert [f["status"] for f in unverified["fonts"]] == ["ok", "ok", missing]


def test_every_documented_key_is_in_the_output_and_every_output_key_is_documented(tmp_path, tiny_font_path,
                                                                                   monkeypatch):
    manifest = write_issue(tmp_path, tiny_font_path, lines=4)  # overset, underfull and an area in no slot
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("leading: 15pt", "leading: 15pt, "
                                                                     "measure: 95pt"), encoding="utf-8")
    build = as_document(run("build", manifest, "--json", "--allow-overset", "--pages"))
    validate = as_document(run("validate", manifest, "--json", "--allow-overset"))
    error = as_document(run("validate", manifest, "--json"))
    _font_table(monkeypatch, tiny_font_path, tmp_path)
    fonts = as_document(run("fonts", "--json"))
    assert build["warnings"] and build["overset"] and build["underfull"] and build["unplaced"] and build["fonts"]
    table = documented("layout-build-summary/1")
    assert key_paths(build) == {row[0] for row in table}
    assert key_paths(validate) == {row[0] for row in table if row[2] == "yes"}
    assert {row[2] for row in table} == {"yes", "no"}
    assert key_paths(error) == {row[0] for row in documented("layout-error/1")}
    assert key_paths(fonts) == {row[0] for row in documented("layout-fonts/1")}
    for title, document in (("layout-build-summary/1", build), ("layout-error/1", error),
                            ("layout-fonts/1", fonts)):
        assert f'`"{document["format"]}"`' in dict((row[0], row[-1]) for row in documented(title))["format"]
        types = {row[0]: row[1] for row in documented(title)}
        for path in key_paths(document):
            assert _types_of(document, path) <= set(types[path].split(" or ")), (title, path)


def _types_of(document, path: str) -> set[str]:
    """The JSON type names of the values at `path` (all elements of the lists on the way)."""
    values = [document]
    for part in path.split("."):
        listed = part.endswith("[]")
        values = [v[part.removesuffix("[]")] for v in values]
        if listed:
            values = [item for v in values for item in v]
    return {{bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "object",
             type(None): "null"}[type(v)] for v in values}
