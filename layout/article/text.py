"""Text: article files → normalised header fields and paragraphs of styled spans (docs/article-format.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import ManifestError

HEADER_KEYS = {  # article header keys, English and Chinese (docs/article-format.md)
    "label": "label", "栏目": "label",
    "kicker": "kicker", "引题": "kicker",
    "headline": "headline", "主题": "headline",
    "deck": "deck", "副题": "deck",
    "dateline": "dateline", "电头": "dateline",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z\u4e00-\u9fff]+)\s*[:：]\s*(.*?)\s*$")
_RUNIN = re.compile(r"^\*\*(.+?)\*\*")


@dataclass(frozen=True)
class TextSpan:
    """Text in one style: 'body', 'runin' (段首小标) or 'dateline' (电头)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph as styled spans; `line` is its first line in the article file."""

    spans: tuple[TextSpan, ...]
    line: int

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class ArticleText:
    """An article as the editor wrote it: header fields and body paragraphs (dateline run in)."""

    source: Path
    label: str = ""
    kicker: str = ""
    headline: tuple[str, ...] = ()
    deck: str = ""
    dateline: str = ""
    paragraphs: tuple[Paragraph, ...] = ()


def visible_characters(text: str) -> int:
    """Characters that are set, not counting spaces (ASCII or ideographic): how text is counted
    in summaries and overset messages."""
    return sum(1 for char in text if not char.isspace())


def read_article(path: Path) -> ArticleText:
    """Read and parse an article file; a non-UTF-8 byte is an error naming its line and offset."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"cannot read article file: {exc.strerror}", str(path),
                            "check the file: path in issue.yaml") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ManifestError(f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
                            f"{path}:{line}", "save the file as UTF-8, or run `layout clean` on it") from None
    return parse_article(text, path)


def parse_article(text: str, source: Path) -> ArticleText:
    """Parse article text (header lines, blank line, paragraphs) into an ArticleText."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, body_start = _parse_header(lines, source)
    paragraphs = _parse_body(lines, body_start, header.get("dateline", ""), source)
    headline = tuple(header.get("headline", ()))
    if not headline and any(k in header for k in ("label", "kicker", "deck", "dateline")):
        raise ManifestError("the header has no headline", f"{source}:1",
                            "add a line 'headline: …' (主题) to the header")
    return ArticleText(source, header.get("label", ""), header.get("kicker", ""), headline,
                       header.get("deck", ""), header.get("dateline", ""), paragraphs)


def _is_header_line(raw: str) -> bool:
    match = _HEADER_LINE.match(raw)
    return bool(match) and match.group(1) in HEADER_KEYS


def _parse_header(lines: list[str], source: Path) -> tuple[dict, int]:
    """Header fields from the leading `key: value` lines; returns fields and the body's first index.

    The leading block (up to the first blank line) is a header only if it has a header key; then `#`
    lines in it are comments. Otherwise the file is body only (a body may start with `#话题#`).
    """
    block = lines[: next((i for i, raw in enumerate(lines) if not raw.strip()), len(lines))]
    if not any(_is_header_line(raw) for raw in block):
        return {}, 0
    fields: dict = {}
    for index, raw in enumerate(block):
        if raw.lstrip().startswith("#"):
            continue
        if not _is_header_line(raw):
            raise ManifestError(f"'{raw.strip()[:20]}' is not a header line", f"{source}:{index + 1}",
                                "header lines are 'key: value' (label, kicker, headline, deck, dateline); "
                                "leave a blank line before the body")
        match = _HEADER_LINE.match(raw)
        key, value = HEADER_KEYS[match.group(1)], match.group(2)
        if key == "headline":
            fields.setdefault("headline", []).append(value)
        elif key in fields:
            raise ManifestError(f"header key '{key}' given twice", f"{source}:{index + 1}",
                                "keep one; only headline may repeat (one line each)")
        else:
            fields[key] = value
    return fields, len(block)


def _parse_body(lines: list[str], start: int, dateline: str, source: Path) -> tuple[Paragraph, ...]:
    """Paragraphs separated by blank lines; run-in heads and the dateline become styled spans."""
    blocks: list[tuple[int, list[str]]] = []
    for number, raw in enumerate(lines[start:], start=start + 1):
        if not raw.strip():
            blocks.append((number + 1, []))
        elif blocks and blocks[-1][1]:
            blocks[-1][1].append(raw.strip())
        else:
            blocks.append((number, [raw.strip()]))
    paragraphs = []
    for line, parts in blocks:
        if parts:
            spans = _spans(_join_lines(parts))
            if dateline and not paragraphs:
                spans = (TextSpan(dateline, "dateline"),) + spans
            paragraphs.append(Paragraph(spans, line))
    if dateline and not paragraphs:
        raise ManifestError("the article has a dateline but no body", str(source), "add the body text")
    return tuple(paragraphs)


def _join_lines(parts: list[str]) -> str:
    """Join the lines of one paragraph: a space only between two Latin/digit characters."""
    text = parts[0]
    for part in parts[1:]:
        sep = " " if text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii() and part[:1].isalnum() else ""
        text += sep + part
    return text


def _spans(text: str) -> tuple[TextSpan, ...]:
    """A paragraph's spans: an optional `**run-in head**` then body text."""
    match = _RUNIN.match(text)
    if not match:
        return (TextSpan(text),)
    rest = text[match.end():]
    return (TextSpan(match.group(1), "runin"),) + ((TextSpan(rest),) if rest else ())
