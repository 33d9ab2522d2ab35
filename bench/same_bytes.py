"""Same bytes: the sha256 of every PDF and sidecar a set of builds writes, to prove a speed step changed none.

Builds, each in a fresh process of this checkout (`PYTHON -m layout build`, working directory the checkout):
  issues/jining (with --pages), issues/jining-photos (--pages), issues/stress-mixed and its tabloid,
  the 4- and 16-page bench issues (bench/issues.py) and the golden cases (tests/golden/cases, built to PDF
  on one fixed copy of the tiny font, $TMPDIR/layout-same-bytes/tiny.ttf, overset allowed)
in the modes  cold (a fresh output folder), warm (the same folder built a second time), --no-cache and
--jobs 2 (cold). Every mode must give the same bytes as every other; `--save FILE` records them,
`--against FILE` compares with a recording (the tree before a change) and exits 1 on any difference.

Run: .venv/bin/python bench/same_bytes.py [--save FILE | --against FILE] [--quick]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "tests"))

MODES = {"cold": [], "warm": [], "no-cache": ["--no-cache"], "jobs2": ["--jobs", "2"]}


def sources(tmp: Path, quick: bool) -> dict[str, tuple[Path, list[str]]]:
    """name → (manifest, extra build flags) of every issue built."""
    from issues import make_issue
    from tinyfont import build_tiny_font

    found = {"jining": (ROOT / "issues/jining/issue.yaml", ["--pages"]),
             "pages-16": (make_issue(16, tmp / "pages-16"), [])}
    if quick:
        return found
    found |= {"jining-photos": (ROOT / "issues/jining-photos/issue.yaml", ["--pages"]),
              "stress-mixed": (ROOT / "issues/stress-mixed/issue.yaml", ["--allow-overset"]),
              "stress-mixed-tabloid": (ROOT / "issues/stress-mixed/tabloid/issue.yaml", ["--allow-overset"]),
              "pages-4": (make_issue(4, tmp / "pages-4"), [])}
    font = Path(tempfile.gettempdir()) / "layout-same-bytes" / "tiny.ttf"  # one fixed copy: the font's head
    if not font.is_file():                                                 # table holds its build time
        font.parent.mkdir(exist_ok=True)
        build_tiny_font(font)
    for case in sorted((ROOT / "tests/golden/cases").iterdir()):
        if (case / "issue.yaml").is_file():
            copy = tmp / "golden" / case.name
            shutil.copytree(case, copy, ignore=shutil.ignore_patterns("expected.txt"))
            shutil.copyfile(font, copy / "tiny.ttf")
            found[f"golden-{case.name}"] = (copy / "issue.yaml", ["--allow-overset"])
    return found


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every .pdf and .json in `folder` (not the cache)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix in (".pdf", ".json")}


def build(python: str, manifest: Path, out: Path, flags: list[str]) -> None:
    env = dict(os.environ)
    done = subprocess.run([python, "-m", "layout", "build", str(manifest), "-o", str(out), "-q", *flags],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed: {manifest} {flags}\n{done.stderr}")


def measure(python: str, quick: bool) -> dict[str, dict[str, dict[str, str]]]:
    """name → mode → file → sha256."""
    result: dict = {}
    with tempfile.TemporaryDirectory(prefix="same-bytes-") as tmp_name:
        tmp = Path(tmp_name)
        for name, (manifest, flags) in sources(tmp, quick).items():
            result[name] = {}
            for mode, extra in MODES.items():
                out = tmp / "out" / name / mode
                build(python, manifest, out, flags + extra)
                if mode == "warm":
                    build(python, manifest, out, flags + extra)
                result[name][mode] = digests(out)
            print(f"{name}: {len(result[name]['cold'])} files", file=sys.stderr)
    return result


def problems(result: dict, against: dict | None) -> list[str]:
    """Every file whose bytes differ between modes, or from the recording."""
    found = []
    for name, modes in result.items():
        first = modes["cold"]
        for mode, files in modes.items():
            if files != first:
                found.append(f"{name}: {mode} differs from cold")
        if against is not None:
            if name not in against:
                found.append(f"{name}: not in the recording")
            elif against[name]["cold"] != first:
                diff = sorted(k for k in set(first) | set(against[name]["cold"])
                              if first.get(k) != against[name]["cold"].get(k))
                found.append(f"{name}: differs from the recording ({', '.join(diff)})")
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--against", type=Path)
    ap.add_argument("--quick", action="store_true", help="only the sample and the 16-page issue")
    args = ap.parse_args()
    result = measure(args.python, args.quick)
    if args.save:
        args.save.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    against = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
    if against is not None and args.quick:
        against = {k: v for k, v in against.items() if k in result}
    found = problems(result, against)
    print("\n".join(found) if found else f"same bytes: {sum(len(m['cold']) for m in result.values())} files, "
          f"{len(MODES)} modes" + (", as recorded" if against else ""))
    print(f"issues/jining PDF: {result['jining']['cold'].get('jining-2023-08-22.pdf', '?')}")
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    main()
