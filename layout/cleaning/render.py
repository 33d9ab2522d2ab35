"""Copy-desk cleaning (layout clean): article files and the manifest skeleton, as text.

Article files are written by the article format's owner (layout/article/format.py: header
`key: value` lines, a blank line, body paragraphs separated by blank lines), which checks them as
the build would. The skeleton is YAML written as plain text (only layout/manifest/ imports yaml).
"""

from __future__ import annotations

import json

from ..article import format as article_format
from .structure import Article


def article_text(article: Article, name: str = "article") -> str:
    """The article file `name`: header lines, blank line, paragraphs separated by blank lines, final LF."""
    header = article.header
    pairs: list[tuple[str, str]] = []
    if header is not None:
        pairs = [("label", header.label), ("kicker", header.kicker)]
        pairs += [("headline", line) for line in header.headlines]
        pairs += [("deck", header.deck), ("dateline", header.dateline)]
    return article_format.write(article_format.header_fields(pairs), article.body, name)


def file_names(count: int) -> tuple[str, ...]:
    """01.txt, 02.txt, … in page order (wider numbers beyond 99 articles)."""
    width = max(2, len(str(count)))
    return tuple(f"{index:0{width}d}.txt" for index in range(1, count + 1))


def skeleton_text(names: tuple[str, ...], articles: tuple[Article, ...], folder: str, source: str) -> str:
    """DIR/skeleton.yaml: the articles as manifest entries (ids a01…, files), no slots yet."""
    lines = [
        f"# Manifest skeleton written by `layout clean` from {source}: {len(names)} articles in page order.",
        f"# File paths are relative to the issue directory (the parent of {folder}/).",
        "# Copy the entries into a page's `articles:` list in issue.yaml and give each a slot.",
        "articles:",
    ]
    for index, (name, article) in enumerate(zip(names, articles), start=1):
        title = " ".join(article.header.headlines) if article.header else "(no headline)"
        lines.append(f"  - id: a{index:0{max(2, len(str(len(names))))}d}  # {title}")
        lines.append(f"    file: {json.dumps(folder + '/' + name, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
