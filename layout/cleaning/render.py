"""Copy-desk cleaning (layout clean): article files and the manifest skeleton, as text.

Writes the article format of docs/article-format.md (header `key: value` lines, a blank line, body
paragraphs separated by blank lines) and reads it back for cleaning an existing article file. The
skeleton is YAML written as plain text (only layout/manifest.py imports yaml).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import CleanError
from .rules import HEADER_KEYS, HEADER_LINE_RE
from .structure import Article
from .tracked import Tracked


def article_text(article: Article) -> str:
    """The article file: header lines, blank line, paragraphs separated by blank lines, final LF."""
    lines: list[str] = []
    header = article.header
    if header is not None:
        fields = [("label", header.label), ("kicker", header.kicker)]
        fields += [("headline", line) for line in header.headlines]
        fields += [("deck", header.deck), ("dateline", header.dateline)]
        lines = [f"{key}: {value}" for key, value in fields if value]
    parts = ["\n".join(lines)] if lines else []
    parts.extend(article.body)
    return "\n\n".join(parts) + "\n"


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


@dataclass(frozen=True)
class HeaderField:
    """One header line of an article file: key as written, canonical key, value (with origins).

    A comment line (starting with #) has canonical key "#" and is kept verbatim in `key`.
    """

    key: str
    canonical: str
    value: Tracked


@dataclass(frozen=True)
class ArticleSource:
    """An existing article file split into header fields and body text."""

    fields: tuple[HeaderField, ...]
    body: Tracked


def is_article(text: str) -> bool:
    """True when the text already is an article file (its first line, after comments, is a header line)."""
    for line in text.lstrip("\ufeff").split("\n"):
        if not line.strip().startswith("#"):
            return HEADER_LINE_RE.match(line.strip()) is not None
    return False


def parse_article(tracked: Tracked, where: str) -> ArticleSource:
    """Split an article file into header fields (up to the first blank line) and body."""
    fields: list[HeaderField] = []
    pos = 0
    text = tracked.text
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if not line:
            break
        if line.startswith("#"):
            fields.append(HeaderField(line, "#", tracked.cut(pos, pos)))
        else:
            fields.append(_field(tracked, pos, end, f"{where}:{text.count(chr(10), 0, pos) + 1}"))
        pos = end + 1
    _check_fields(fields, where)
    return ArticleSource(tuple(fields), tracked.cut(min(pos, len(text))))


def _field(tracked: Tracked, start: int, end: int, where: str) -> HeaderField:
    """One `key: value` header line; anything else in the header is an error."""
    line = tracked.text[start:end]
    match = HEADER_LINE_RE.match(line.strip())
    if match is None:
        raise CleanError(f"not a header line: {line.strip()[:30]}", where,
                         "header lines are `key: value` (label kicker headline deck dateline); "
                         "leave a blank line before the body")
    value_start = start + (len(line) - len(line.lstrip())) + match.start(2)
    value = tracked.cut(value_start, value_start + len(match.group(2).rstrip()))
    return HeaderField(match.group(1), HEADER_KEYS[match.group(1)], value)


def _check_fields(fields: list[HeaderField], where: str) -> None:
    """Each key at most once except headline; a header needs a headline."""
    keys = [field.canonical for field in fields if field.canonical != "#"]
    for key in sorted(set(keys)):
        if key != "headline" and keys.count(key) > 1:
            raise CleanError(f"header key `{key}` appears {keys.count(key)} times", where, "keep one")
    if keys and "headline" not in keys:
        raise CleanError("the header has no `headline:` line", where, "add the headline (主题)")
