"""Text: article files → header fields and paragraphs of styled spans, on top of format.py (docs/article-format.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import format as article_format
from .format import ArticleFile, Block


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
    indent: bool = True  # False: the rest of a paragraph broken by a jump (it continues, no first-line indent)

    @property
    def text(self) -> str:
        """The paragraph's text, all spans joined."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, kw_only=True)
class ArticleText:
    """An article as the editor wrote it: header fields and body paragraphs (dateline run in)."""

    source: Path
    label: str = ""
    kicker: str = ""
    headline: tuple[str, ...] = ()
    deck: str = ""
    dateline: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    headline_style: str = "headline"  # 'jump_headline' for the continuation of a jump (转版题)


def visible_characters(text: str) -> int:
    """Characters that are set, not counting spaces (ASCII or ideographic): how text is counted
    in summaries and overset messages (str.split() cuts at exactly the characters str.isspace() names)."""
    return len("".join(text.split()))


def read_article(path: Path) -> ArticleText:
    """Read, check and parse an article file (format.read); errors name the file and line."""
    return _article_text(article_format.read(path), path)


def parse_article(text: str, source: Path) -> ArticleText:
    """Parse and check article text (NFC first) into an ArticleText."""
    return _article_text(article_format.parse(unicodedata.normalize("NFC", text), str(source)), source)


# A news dateline (电头) names where and by whom the news was sent and runs into the first paragraph:
# `本报讯`, `本报济宁讯（记者 刘菲）`, `新华社北京3月5日电（记者 张三）`, ending in 讯 or 电 and an optional
# bracketed credit. Anything else in that field is a byline (署名: `文/林晚`, `本报记者 刘菲`, `□ 林晚`),
# which a paper sets on a line of its own above the text: run in, `文/林晚风从江面来，` reads as a name.
_NEWS_DATELINE = re.compile(r".*[讯电]\s*(?:[（(][^）)]*[）)])?\s*")


def is_news_dateline(text: str) -> bool:
    """Whether a dateline field is a 电头 (run in) rather than a byline (a line of its own)."""
    return _NEWS_DATELINE.fullmatch(text) is not None


def _article_text(parsed: ArticleFile, source: Path) -> ArticleText:
    """The header values and styled paragraphs of a parsed file (a 电头 runs in, a byline stands alone)."""
    dateline = parsed.value("dateline")
    run_in = dateline if is_news_dateline(dateline) else ""
    paragraphs = tuple(Paragraph(_spans(block, run_in if index == 0 else ""), block.line)
                       for index, block in enumerate(parsed.body))
    if dateline and not run_in:
        line = next((f.line for f in parsed.header if f.name == "dateline"), parsed.body[0].line)
        paragraphs = (Paragraph((TextSpan(dateline, "dateline"),), line), *paragraphs)
    return ArticleText(source=source, label=parsed.value("label"), kicker=parsed.value("kicker"),
                       headline=parsed.headline, deck=parsed.value("deck"), dateline=dateline, paragraphs=paragraphs)


def _spans(block: Block, dateline: str) -> tuple[TextSpan, ...]:
    """A paragraph's spans: the dateline (first paragraph only), the run-in head, then body text."""
    spans = (TextSpan(dateline, "dateline"),) if dateline else ()
    if block.runin:
        spans += (TextSpan(block.runin, "runin"),)
    rest = block.rest
    return spans + ((TextSpan(rest),) if rest or not block.runin else ())
