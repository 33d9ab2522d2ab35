"""Cases 4 and 5: nesting depth (PyYAML's composer recurses per level) and alias/merge bombs, each refused
fast with its line and the limit named (layout/manifest/limits.py, docs/limits.md)."""

from __future__ import annotations

import time

from hostile_helpers import refused


def test_thousands_of_nested_brackets_are_refused_not_a_recursion_error(issue):
    text = issue.good() + "qa: {ignore: " + "[" * 5000 + "]" * 5000 + "}\n"
    issue.write(text)
    line = text.count("\n")  # the qa: line, the last one
    refused(issue, f"{issue.manifest}:{line}:", "nested more than 100 levels deep", "docs/limits.md")


def test_deep_block_nesting_is_refused(issue):
    nested = "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(150))
    issue.write(issue.good() + "qa:\n" + "".join("  " + row + "\n" for row in nested.splitlines()))
    refused(issue, f"{issue.manifest}:", "nested more than 100 levels deep")


def test_merge_key_bomb_fails_fast(issue):
    """`<<:` merges nested 7 deep, ×10 each: 10**7 mappings to read if every merge were expanded."""
    rows = ["m0: &m0 {k: v}"]
    for level in range(1, 8):
        rows.append(f"m{level}: &m{level} {{<<: [{', '.join([f'*m{level - 1}'] * 10)}]}}")
    issue.write("\n".join(rows) + "\n" + issue.good().replace("issue:\n", "issue:\n  <<: *m7\n", 1))
    started = time.perf_counter()
    refused(issue, f"{issue.manifest}:", "more than 100,000 values once its aliases (*name) and merges (<<:) are "
            "expanded")
    assert time.perf_counter() - started < 1.0


def test_billion_laughs_fails_fast(issue):
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        rows.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    issue.write("\n".join(rows) + "\n" + issue.good() + "qa: {ignore: *a9}\n")
    started = time.perf_counter()
    output = refused(issue, f"{issue.manifest}:", "more than 100,000 values")
    assert time.perf_counter() - started < 1.0
    assert f"{issue.manifest}:5:" in output  # a4 (10**4 lols, 111,111 values) is where the count passes the limit


def test_alias_inside_its_own_anchor_is_a_loop(issue):
    issue.write(issue.good() + "qa: &q {ignore: [*q]}\n")
    line = issue.manifest.read_text(encoding="utf-8").count("\n")
    refused(issue, f"{issue.manifest}:{line}:", "alias *q is used inside the node &q it refers to: a loop")


def test_more_than_a_thousand_aliases_are_refused(issue):
    issue.write(issue.good() + "qa: {ignore: &r [0, 0, 1, 1]}\nx: [" + ", ".join(["*r"] * 1001) + "]\n")
    refused(issue, f"{issue.manifest}:", "more than 1,000 aliases (*name) in one file")


def test_merges_chained_past_the_depth_limit_are_refused(issue):
    chain = ["&c0 {edition: A}"] + [f"&c{n} {{<<: *c{n - 1}}}" for n in range(1, 150)]
    text = "qa: {ignore: [], x: [" + ", ".join(chain) + "]}\n" + issue.good()  # qa is read after issue
    issue.write(text.replace("issue:\n", "issue:\n  <<: *c149\n", 1))
    refused(issue, f"{issue.manifest}:", "'<<' merges are chained more than 100 deep")
