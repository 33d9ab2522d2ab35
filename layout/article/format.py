"""Article file format: the one owner of its keys, parsing (with offsets), checks and writing (docs/article-format.md).

Both the build (layout/article/text.py) and the copy desk (layout/cleaning/) read and write article
files only through this module, so `layout clean --check` rejects exactly what the build rejects.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ManifestError
from ..i18n import _

KEYS: tuple[tuple[str, str], ...] = (  # (English key, Chinese key), in the order they are written
    ("label", "栏目"), ("kicker", "引题"), ("headline", "主题"), ("deck", "副题"), ("dateline", "电头"),
)
HEADER_KEYS: dict[str, str] = {  # every key as written → its English (canonical) name
    written: english for english, chinese in KEYS for written in (english, chinese)
}
SYNONYMS: dict[str, str] = {  # words an editor types for a header key → the key meant (did-you-mean only)
    "标题": "主题", "正题": "主题", "肩题": "引题", "眉题": "引题", "副标题": "副题", "作者": "电头", "署名": "电头",
    "title": "headline", "subtitle": "deck", "author": "dateline", "byline": "dateline", "section": "label",
}
REPEATABLE = frozenset({"headline"})  # one line each of a two-line headline
COMMENT = "#"  # key of a comment line in the header
HEADER_LINE = re.compile(r"^\s*([A-Za-z\u4e00-\u9fff]+)\s*[:：]\s*(.*?)\s*$")  # `key: value`
RUNIN = re.compile(r"^\*\*(.+?)\*\*")  # a run-in head (段首小标) opening a paragraph
RUNIN_MARK = "**"
_LINE_END = re.compile(r"\r\n|\r|\n")
_KEY_LIST = ", ".join(f"{english}/{chinese}" for english, chinese in KEYS)


@dataclass(frozen=True)
class Line:
    """One physical line of the file: its text (no line end), 1-based number and character offset."""

    text: str
    number: int
    offset: int


@dataclass(frozen=True)
class Field:
    """One header line: key as written (`#` for a comment), value (a comment's whole text), place."""

    key: str
    value: str
    line: int = 0
    offset: int = 0  # character offset of the value in the file text

    @property
    def name(self) -> str:
        """The English key (label, kicker, headline, deck, dateline), or `#` for a comment."""
        return COMMENT if self.key == COMMENT else HEADER_KEYS[self.key]


@dataclass(frozen=True)
class Block:
    """One body paragraph: its lines joined, the run-in head (without `**`, '' if none), its place."""

    text: str  # as written, `**…**` included
    runin: str
    line: int
    offset: int  # character offset of its first character in the file text

    @property
    def rest(self) -> str:
        """The paragraph text after the run-in head and its marks."""
        return self.text[len(self.runin) + 2 * len(RUNIN_MARK):] if self.runin else self.text


@dataclass(frozen=True)
class ArticleFile:
    """A parsed article file: header lines (comments included, in order), body paragraphs, body start."""

    source: str
    header: tuple[Field, ...]
    body: tuple[Block, ...]
    body_offset: int  # character offset where the body starts (len(text) when there is none)

    def value(self, name: str) -> str:
        """The value of a single header key ('' when absent)."""
        return next((f.value for f in self.header if f.name == name), "")

    @property
    def headline(self) -> tuple[str, ...]:
        """The headline lines, in order."""
        return tuple(f.value for f in self.header if f.name == "headline")


# --- reading -------------------------------------------------------------------------------------


MAX_ARTICLE_BYTES = 1024 * 1024  # 1 MiB ≈ 350 000 字: some 40 broadsheet pages, no article is that long


def read(path: Path) -> ArticleFile:
    """Read an article file as the build does: UTF-8 (BOM allowed), NFC, then parse and check; a file
    over MAX_ARTICLE_BYTES is refused before it is read (it would take minutes to set into any slot)."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ManifestError(_("the article file is {value:.1f} MiB, more than the limit of "
                                  "{value2} MiB for one article").format(
                                    value=size / 1048576, value2=MAX_ARTICLE_BYTES // 1048576), str(path),
                                _("split it into several articles, or check that the right file is named"))
        data = path.read_bytes()
    except OSError as exc:
        raise ManifestError(_("cannot read article file: {strerror}").format(strerror=exc.strerror), str(path),
                            _("check the file: path in issue.yaml")) from None
    return parse(unicodedata.normalize("NFC", decode(data, str(path))), str(path))


def decode(data: bytes, source: str) -> str:
    """UTF-8 text of an article file (a BOM is dropped); a non-UTF-8 byte is an error naming its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ManifestError(_("not UTF-8: byte 0x{data:02x} at offset {start}").format(
                                data=data[exc.start], start=exc.start),
                            f"{source}:{line}", _("save the file as UTF-8, or run `layout clean` on it")) from None


def parse(text: str, source: str) -> ArticleFile:
    """Parse and check article text: header lines up to the first blank line, then paragraphs."""
    lines = split_lines(text)
    header_lines = _header_block(lines)
    header = tuple(_field(line, source) for line in header_lines)
    rest = lines[len(header_lines):]
    body = tuple(_blocks(rest))
    article = ArticleFile(source, header, body, rest[0].offset if rest else len(text))
    check(article)
    return article


def split_lines(text: str) -> tuple[Line, ...]:
    """The physical lines of a text (line ends LF, CR LF or CR), with numbers and offsets."""
    lines, start = [], 0
    for number, match in enumerate(_LINE_END.finditer(text), start=1):
        lines.append(Line(text[start:match.start()], number, start))
        start = match.end()
    lines.append(Line(text[start:], len(lines) + 1, start))
    return tuple(lines)


def is_header_line(text: str) -> bool:
    """True for a `key: value` line with a known key."""
    match = HEADER_LINE.match(text)
    return bool(match) and match.group(1) in HEADER_KEYS


def is_article(text: str) -> bool:
    """True when a text starts like an article file: its first line, after `#` comments, is a header line."""
    for line in split_lines(text.lstrip("\ufeff")):
        if not line.text.strip().startswith(COMMENT):
            return is_header_line(line.text)
    return False


def _header_block(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The header's lines: the leading block (up to the first blank line) if it has a header line.

    Otherwise the file is body only (a body may start with `#话题#` or `记者：…`).
    """
    end = next((i for i, line in enumerate(lines) if not line.text.strip()), len(lines))
    block = lines[:end]
    return block if any(is_header_line(line.text) or _mistaken_key(line.text) for line in block) else ()


def _mistaken_key(text: str) -> bool:
    """A `key: value` line whose key is a word editors use for a header key (作者, 标题, title …): the block
    is a header with a wrong key (reported), not the first paragraph."""
    match = HEADER_LINE.match(text)
    return bool(match) and match.group(1).lower() in SYNONYMS


def _field(line: Line, source: str) -> Field:
    """One header line as a Field; a line that is not `key: value` with a known key is an error."""
    stripped = line.text.strip()
    if stripped.startswith(COMMENT):
        return Field(COMMENT, stripped, line.number, line.offset + line.text.index(COMMENT))
    match = HEADER_LINE.match(line.text)
    where = f"{source}:{line.number}"
    if match is None:
        raise ManifestError(_("'{text}' is not a header line").format(text=stripped[:20]), where,
                            _("header lines are 'key: value' ({keys}); leave a blank line before the body"
                              ).format(keys=_KEY_LIST))
    if match.group(1) not in HEADER_KEYS:
        raise ManifestError(unknown_key_message(match.group(1)), where,
                            _("the header keys are {keys}; leave a blank line before the body").format(keys=_KEY_LIST))
    return Field(match.group(1), match.group(2), line.number, line.offset + match.start(2))


def unknown_key_message(key: str) -> str:
    """'unknown header key X, did you mean …': the closest keys, else every key in X's script."""
    meant = SYNONYMS.get(key.lower())
    if meant is not None:
        english = HEADER_KEYS[meant]
        pair = next(f"{e}/{c}" for e, c in KEYS if e == english)
        return _("unknown header key '{key}', did you mean '{meant}' ({pair})?").format(key=key, meant=meant, pair=pair)
    close = difflib.get_close_matches(key.lower(), list(HEADER_KEYS), n=3, cutoff=0.5)
    if close:
        return _("unknown header key '{key}', did you mean {keys}?").format(
            key=key, keys=_(" or ").join(f"'{k}'" for k in close))
    names = [chinese if not key.isascii() else english for english, chinese in KEYS]
    return _("unknown header key '{key}', did you mean one of {keys}?").format(key=key, keys=", ".join(names))


def _blocks(lines: Iterable[Line]) -> Iterable[Block]:
    """Body paragraphs: runs of non-blank lines, joined by `join_lines`."""
    group: list[Line] = []
    for line in (*lines, Line("", 0, 0)):
        if line.text.strip():
            group.append(line)
        elif group:
            yield _block(group)
            group = []


def _block(group: list[Line]) -> Block:
    """One paragraph from its physical lines (each stripped) and its run-in head."""
    first = group[0]
    text = join_lines([line.text.strip() for line in group])
    match = RUNIN.match(text)
    offset = first.offset + len(first.text) - len(first.text.lstrip())
    return Block(text, match.group(1) if match else "", first.number, offset)


def glue(left: str, right: str) -> str:
    """What joins two pieces of one paragraph: a space only between two Latin letters/digits."""
    return " " if _latin(left[-1:]) and _latin(right[:1]) else ""


def _latin(char: str) -> bool:
    """True for an ASCII letter or digit."""
    return char.isascii() and char.isalnum()


def join_lines(parts: list[str]) -> str:
    """Join the physical lines of one paragraph (the paragraph-join rule, `glue`)."""
    text = parts[0]
    for part in parts[1:]:
        text += glue(text, part) + part
    return text


# --- checks --------------------------------------------------------------------------------------


def check(article: ArticleFile) -> None:
    """Every check of the format; the first failing one raises ManifestError at file:line."""
    fields = [f for f in article.header if f.name != COMMENT]
    _check_repeats(fields, article.source)
    _check_headline(fields, article.source)
    _check_body(article)


def _check_repeats(fields: list[Field], source: str) -> None:
    """Each header key at most once, except headline."""
    seen: set[str] = set()
    for field in fields:
        if field.name in seen and field.name not in REPEATABLE:
            raise ManifestError(_("header key '{key}' given twice").format(key=field.name), f"{source}:{field.line}",
                                _("keep one; only headline may repeat (one line each)"))
        seen.add(field.name)


def _check_headline(fields: list[Field], source: str) -> None:
    """A header with any key needs a headline."""
    if fields and not any(field.name == "headline" for field in fields):
        raise ManifestError(_("the header has no headline"), f"{source}:{fields[0].line}",
                            _("add a line 'headline: …' (主题) to the header"))


def _check_body(article: ArticleFile) -> None:
    """A dateline needs a body; a run-in mark `**` must be closed; the file must not be empty."""
    dateline = next((f for f in article.header if f.name == "dateline"), None)
    if dateline is not None and not article.body:
        raise ManifestError(_("the article has a dateline but no body"), f"{article.source}:{dateline.line}",
                            _("add the body text after a blank line"))
    for block in article.body:
        if block.text.startswith(RUNIN_MARK) and not block.runin:
            raise ManifestError(_("the run-in head `**` is not closed"), f"{article.source}:{block.line}",
                                _("close the run-in head (段首小标) with `**`: **抓精细服务，推动项目建设。**正文"))
    if not article.headline and not article.body:
        raise ManifestError(_("the article file is empty (no headline, no body)"), f"{article.source}:1",
                            _("write the article text, or remove the file from issue.yaml"))


# --- writing -------------------------------------------------------------------------------------


def header_fields(pairs: Iterable[tuple[str, str]]) -> tuple[Field, ...]:
    """Header fields from (key, value) pairs, leaving out empty values (what the copy desk writes)."""
    return tuple(Field(key, value) for key, value in pairs if value)


def write(header: Iterable[Field], paragraphs: Iterable[str], source: str) -> str:
    """An article file's text: header lines, blank line, paragraphs separated by blank lines, final LF.

    The text is parsed back and checked, so nothing writes a file the build would reject.
    """
    lines = [field.value if field.key == COMMENT else f"{field.key}: {field.value}" for field in header]
    parts = (["\n".join(lines)] if lines else []) + list(paragraphs)
    text = "\n\n".join(parts) + "\n"
    parse(text, source)
    return text
