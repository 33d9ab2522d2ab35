"""Case 3: an article path that no file system can open — located at pages[0].articles[0].file."""

from __future__ import annotations

import os

from hostile_helpers import line_of, refused


def at_file(issue) -> str:
    text = issue.manifest.read_text(encoding="utf-8")
    return f"{issue.manifest}:{line_of(text, '        file: ')} (pages[0].articles[0].file)"


def test_nul_byte_in_article_path(issue):
    issue.write(issue.good(file='"a\\0.txt"'))  # YAML's "\0" escape
    refused(issue, at_file(issue), "article file path 'a\\x00.txt' contains a NUL byte")


def test_article_name_too_long(issue):
    issue.write(issue.good(file="a" * 300 + ".txt"))
    refused(issue, at_file(issue), "a name of 304 bytes", "more than the 255", "shorten the file name")


def test_article_path_is_a_symlink_loop(issue):
    os.symlink("loop", issue.folder / "loop")
    issue.write(issue.good(file="loop"))
    refused(issue, at_file(issue), "article file 'loop' cannot be read: it is a symbolic link that loops")


def test_article_path_is_a_folder(issue):
    (issue.folder / "articles").mkdir()
    issue.write(issue.good(file="articles"))
    refused(issue, at_file(issue), "article file 'articles' is a folder, not a file")
