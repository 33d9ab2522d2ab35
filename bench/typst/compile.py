"""`typst compile` for the PyPI package, which is a Python binding (typst-py) without a CLI.

Run with the bench venv's interpreter, one fresh process per measured run:
    bench/.venv-typst/bin/python bench/typst/compile.py MAIN.typ OUT.pdf [--root DIR]
        [--font-path DIR]… [--ignore-system-fonts]
The flags mirror the Typst CLI's; the root defaults to MAIN.typ's folder.
"""

import argparse
from pathlib import Path

import typst


def main() -> None:
    ap = argparse.ArgumentParser(description="typst compile (via typst-py)")
    ap.add_argument("input", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--root", type=Path)
    ap.add_argument("--font-path", action="append", default=[])
    ap.add_argument("--ignore-system-fonts", action="store_true")
    args = ap.parse_args()
    typst.compile(str(args.input), output=str(args.output), root=str(args.root or args.input.parent),
                  font_paths=args.font_path, ignore_system_fonts=args.ignore_system_fonts)


if __name__ == "__main__":
    main()
