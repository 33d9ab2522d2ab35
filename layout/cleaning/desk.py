"""Copy desk (layout clean): raw incoming text → clean article files, losing nothing.

Steps (helpers in layout/cleaning/, one module per concern):
  decode      bytes → text (UTF-8 ± BOM, UTF-16, GB18030; errors name the byte offset)
  normalize   line ends, odd spaces, invisible characters, full-width letters/digits, NFC
  paragraphs  blocks; duplicated fragments removed; broken paragraphs joined
  punct       ASCII punctuation in Chinese context → full-width; …… and ——
  quotes      straight quotes → paired “” ‘’
  spaces      stray spaces removed (headings, datelines and slogans keep theirs)
  structure   page → articles: label, kicker, headline, deck, dateline; run-in heads
  render      article files (written and checked by layout/article/format.py) + manifest skeleton
Text-level cleaning (`clean_text`) is idempotent and keeps every Han character except duplicated
fragments, which it reports; every change carries the raw offset it came from.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from . import CleanError
from .decode import Decoded, read_raw
from .normalize import normalize
from .paragraphs import Paragraphs, dedupe_and_join, heading_flags, split_blocks, unterminated
from .punct import punct_edits
from .quotes import quote_edits, unpaired_quotes
from .render import article_text, file_names, skeleton_text
from .report import ReportInput, format_report
from .rules import MAX_BYTES
from .spaces import space_edits
from .structure import Article, mark_runins, split_page
from .tracked import Change, LineIndex, Notice, Step, Tracked, commit
from ..article import format as article_format
from ..errors import ManifestError
from ..files import FULL, OutputSet, disk_full, final_path, write_bytes
from ..i18n import _

__all__ = ["CleanError", "CleanText", "CleanResult", "clean_text", "clean_file", "write_result",
           "check_result", "format_errors", "build_error", "diff_text", "report_text"]

MAX_PASSES = 8  # the passes reach a fixed point in 2–3; more means a rule fights another
SKELETON = "skeleton.yaml"


@dataclass(frozen=True)
class CleanText:
    """Cleaned copy: the text (paragraphs separated by blank lines), its paragraphs, changes, notices."""

    text: str
    paragraphs: tuple[Tracked, ...]
    changes: tuple[Change, ...]
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class OutputFile:
    """One file `layout clean` writes: name inside the output directory and its text."""

    name: str
    text: str


@dataclass(frozen=True, kw_only=True)
class CleanResult:
    """Everything one run produces: decoded input, cleaned copy, output files, changes and notices."""

    source: Path
    decoded: Decoded
    kind: str  # "page" (raw page → articles) or "article" (an article file cleaned again)
    cleaned: str
    files: tuple[OutputFile, ...]
    changes: tuple[Change, ...]
    notices: tuple[Notice, ...]


def clean_text(text: str) -> CleanText:
    """Clean copy at the text level (no article split): idempotent, keeps every Han character."""
    return clean_tracked(Tracked.of(text))


def clean_tracked(tracked: Tracked) -> CleanText:
    """Normalise, split into paragraphs, then run cleaning passes until nothing changes."""
    normal = normalize(tracked)
    blocks = split_blocks(normal.text)
    changes = list(normal.changes + blocks.changes)
    items = blocks.items
    for _pass in range(MAX_PASSES):
        step = _clean_pass(items)
        changes.extend(step.changes)
        if step.items == items:
            break
        items = step.items
    notices = _quote_notices(items) + unterminated(items)
    text = "\n\n".join(item.text for item in items) + ("\n" if items else "")
    return CleanText(text, items, tuple(changes), tuple(notices))


def _clean_pass(items: tuple[Tracked, ...]) -> Paragraphs:
    """One pass: duplicates and broken paragraphs, then punctuation, quotes and spaces per paragraph."""
    joined = dedupe_and_join(Paragraphs(items, ()))
    cleaned: list[Tracked] = []
    changes = list(joined.changes)
    for item, heading in zip(joined.items, heading_flags(joined.items)):
        step = clean_chars(item, heading)
        cleaned.append(step.text)
        changes.extend(step.changes)
    return Paragraphs(tuple(cleaned), tuple(changes))


def clean_chars(item: Tracked, heading: bool) -> Step:
    """Punctuation, quotes, then spaces of one paragraph (a heading keeps its spaces)."""
    changes: list[Change] = []
    for rule in (punct_edits, quote_edits, lambda text: space_edits(text, heading)):
        step = commit(item, rule(item.text))
        item = step.text
        changes.extend(step.changes)
    return Step(item, tuple(changes))


def _quote_notices(items: tuple[Tracked, ...]) -> list[Notice]:
    """A notice for every quote left without a partner."""
    return [Notice("unpaired-quote", item.at(index), _around(item.text, index))
            for item in items for index in unpaired_quotes(item.text)]


def _around(text: str, index: int) -> str:
    """A few characters either side of `index`, for the report."""
    return text[max(0, index - 8):index + 8]


def clean_file(path: Path, folder: str = "articles") -> CleanResult:
    """Clean a raw page into article files (named for output folder `folder`), or an article file."""
    decoded = read_raw(path)
    tracked = Tracked.of(decoded.text)
    if article_format.is_article(decoded.text):
        return _clean_article(path, decoded, tracked)
    clean = clean_tracked(tracked)
    page = split_page(clean.paragraphs)
    names = file_names(len(page.articles))
    index = LineIndex(decoded.text)
    files = [OutputFile(name, _render(article, name, f"{path}:{index.position(article.offset).line}"))
             for name, article in zip(names, page.articles)]
    files.append(OutputFile(SKELETON, skeleton_text(names, page.articles, folder, path.name)))
    return CleanResult(source=path, decoded=decoded, kind="page", cleaned=clean.text, files=tuple(files),
                       changes=clean.changes + page.changes, notices=clean.notices + page.notices)


def _render(article: Article, name: str, where: str) -> str:
    """The article file `name`; one the build would reject is an error at the raw line it starts on."""
    try:
        return article_text(article, name)
    except ManifestError as err:
        raise CleanError(_("the build would reject article file {where}: {message}").format(
                             where=err.where, message=err.message), where,
                         _("edit the raw page here: {hint}").format(hint=err.hint)) from None


def _clean_article(path: Path, decoded: Decoded, tracked: Tracked) -> CleanResult:
    """Clean an existing article file again: header values and body (run-in heads included)."""
    source = article_format.parse(tracked.text, str(path))
    changes: list[Change] = []
    header = []
    for field in source.header:
        if field.name == article_format.COMMENT:
            header.append(field)
            continue
        value = tracked.cut(field.offset, field.offset + len(field.value))
        step = clean_chars(normalize(value).text, heading=True)
        changes.extend(step.changes)
        header.append(article_format.Field(field.key, step.text.text))
    body = clean_tracked(tracked.cut(source.body_offset))
    texts, runins = mark_runins(body.paragraphs)
    text = article_format.write(header, texts, str(path))
    return CleanResult(source=path, decoded=decoded, kind="article", cleaned=text,
                       files=(OutputFile(path.name, text),), changes=tuple(changes) + body.changes + tuple(runins),
                       notices=body.notices)


def write_result(result: CleanResult, out_dir: Path) -> tuple[Path, ...]:
    """Write every output file into `out_dir`, all together or none (a full disk halfway leaves the
    previous files as they were): staged, then swapped in with the build's OutputSet."""
    if out_dir.exists() and not out_dir.is_dir():
        raise CleanError(_("output path exists and is not a directory"), str(out_dir), _("give a directory with -o"))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with OutputSet(out_dir) as staged:
            for output in result.files:
                write_bytes(staged.add(out_dir / output.name), output.text.encode("utf-8"))
            return staged.commit()
    except OSError as err:
        if err.errno in FULL:
            raise disk_full(err, out_dir, CleanError) from None
        where = str(final_path(Path(err.filename))) if err.filename else str(out_dir)
        raise CleanError(_("cannot write: {value}").format(value=err.strerror or err), where,
                         _("check the output directory's permissions and free space; nothing was changed")) from None


def stale_files(result: CleanResult, out_dir: Path) -> tuple[str, ...]:
    """Numbered article files in `out_dir` that this run would not write (a page that shrank)."""
    if result.kind != "page" or not out_dir.is_dir():
        return ()
    ours = {output.name for output in result.files}
    return tuple(sorted(p.name for p in out_dir.glob("*.txt") if p.stem.isdigit() and p.name not in ours))


def check_result(result: CleanResult, out_dir: Path | None) -> tuple[str, ...]:
    """What would change: output files that differ, are missing or are stale — or, without an output
    directory, whether cleaning changes the input text itself."""
    if out_dir is None:
        before = result.decoded.text
        return () if result.cleaned == before and not result.decoded.bom_length else (result.source.name,)
    differ = []
    for output in result.files:
        target = out_dir / output.name
        if not target.is_file() or target.read_bytes() != output.text.encode("utf-8"):
            differ.append(output.name)
    return tuple(differ) + stale_files(result, out_dir)


def format_errors(result: CleanResult, out_dir: Path) -> tuple[ManifestError, ...]:
    """The article-format errors the build would raise on the article files in `out_dir` (one per file)."""
    names = {output.name for output in result.files if output.name != SKELETON}
    names |= set(stale_files(result, out_dir))
    errors = (build_error(out_dir / name) for name in sorted(names))
    return tuple(err for err in errors if err is not None)


def build_error(path: Path) -> ManifestError | None:
    """The error the build would raise reading `path` as an article file (layout/article/format.py), if any."""
    if not path.is_file() or path.stat().st_size > MAX_BYTES:
        return None  # read_raw says why, in the copy desk's words
    try:
        article_format.read(path)
    except ManifestError as err:
        return err
    return None


def diff_text(result: CleanResult) -> str:
    """Unified diff raw → cleaned copy (for a page: the text-level cleaned copy, before the split)."""
    name = result.source.name
    lines = difflib.unified_diff(result.decoded.text.splitlines(keepends=True),
                                 result.cleaned.splitlines(keepends=True),
                                 fromfile=f"{name} (raw)", tofile=f"{name} (cleaned)")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def report_text(result: CleanResult, out_dir: Path | None) -> str:
    """The change report of a run (stale files in `out_dir` are listed as notices)."""
    index = LineIndex(result.decoded.text)
    count = sum(1 for output in result.files if output.name != SKELETON)
    what = _("{count} article files").format(count=count) if result.kind == "page" else _("1 article file")
    title = (_("layout clean: {source} ({encoding}, {lines} lines) → {what}").format(
        source=result.source, encoding=result.decoded.name, lines=index.lines, what=what)
             + (_(" in {folder}").format(folder=out_dir) if out_dir is not None else ""))
    stale = tuple(Notice("stale", -1, name) for name in stale_files(result, out_dir)) if out_dir else ()
    return format_report(ReportInput(title, result.changes, result.notices + stale, index))
