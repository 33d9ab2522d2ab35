"""Copy-desk cleaning (layout clean): the change report — counts per kind and the places to check.

Positions are line (and column) numbers in the raw file, whatever later steps did to the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .tracked import Change, LineIndex, Notice

# Every kind of change, in report order, with what it means (and its source where there is one).
CHANGE_KINDS: tuple[tuple[str, str], ...] = (
    ("newline", "line ends → LF (form feed → blank line)"),
    ("invisible", "invisible characters removed (zero-width space, soft hyphen, stray BOM)"),
    ("fullwidth", "full-width letters/digits → ASCII (２０２３ → 2023)"),
    ("nfc", "lines normalised to Unicode NFC"),
    ("linebreak", "line breaks inside a paragraph joined"),
    ("article", "new articles found after a single line break (headline ⏎ dateline)"),
    ("duplicate", "duplicated fragments removed (column breaks)"),
    ("join", "broken paragraphs joined"),
    ("punctuation", "ASCII , ; : ? ! ( ) in Chinese → ，；：？！（） (GB/T 15834—2011 §4)"),
    ("quote", "straight quotes → “ ” ‘ ’ (GB/T 15834—2011 §4.8)"),
    ("ellipsis", "... 。。。 … → …… (GB/T 15834—2011 §4.11)"),
    ("dash", "-- ——— → —— (GB/T 15834—2011 §4.10)"),
    ("space", "stray spaces removed, runs of spaces collapsed"),
    ("dateline", "datelines moved into the header"),
    ("runin", "run-in heads marked **…**"),
)
NOTICE_KINDS: tuple[tuple[str, str], ...] = (
    ("unpaired-quote", "unpaired quotes (set by the documented rule — check them)"),
    ("unterminated", "paragraphs without terminal punctuation (nothing added)"),
    ("orphan-dateline", "datelines without a headline before them (left in the body)"),
    ("untitled", "text before the first headline (an article without header)"),
    ("stale", "files in the output directory this run does not write"),
)
LISTED: tuple[tuple[str, str], ...] = (
    ("article", "articles split off (headline, dateline)"),
    ("join", "joined paragraphs"),
    ("duplicate", "duplicates removed"),
    ("runin", "run-in heads"),
)


@dataclass(frozen=True)
class ReportInput:
    """What the report is about: a title line, the changes, the notices and the raw line index."""

    title: str
    changes: tuple[Change, ...]
    notices: tuple[Notice, ...]
    index: LineIndex


def format_report(report: ReportInput) -> str:
    """The report as text: counts per kind, then every join, duplicate, run-in head and notice."""
    lines = [report.title]
    lines += _counts(report.changes)
    for kind, title in LISTED:
        entries = [change for change in report.changes if change.kind == kind]
        if entries:
            lines.append(f"{len(entries)} {title}:")
            lines += [_change_line(change, report.index) for change in entries]
    for kind, title in NOTICE_KINDS:
        entries = [notice for notice in report.notices if notice.kind == kind]
        if entries:
            lines.append(f"{len(entries)} {title}:")
            lines += [_notice_line(notice, report.index) for notice in entries]
    return "\n".join(lines) + "\n"


def _counts(changes: tuple[Change, ...]) -> list[str]:
    """One line per kind of change that happened, in table order."""
    counts = Counter(change.kind for change in changes)
    if not counts:
        return ["changes: none"]
    known = [kind for kind, _ in CHANGE_KINDS]
    rows = [(kind, meaning) for kind, meaning in CHANGE_KINDS if counts[kind]]
    rows += [(kind, "") for kind in sorted(counts) if kind not in known]
    return ["changes:"] + [f"  {counts[kind]:5d}  {kind:<12} {meaning}".rstrip() for kind, meaning in rows]


def _change_line(change: Change, index: LineIndex) -> str:
    """One listed change with its raw position(s)."""
    here = index.position(change.offset)
    if change.kind == "join":
        there = index.position(change.offset2)
        return f"  line {here.line} → {there.line}  …{change.before} ⏎ {change.after}…"
    if change.kind == "duplicate":
        there = index.position(change.offset2)
        return (f"  line {here}  {change.before}  ({len(change.before)} characters, "
                f"repeating the end of line {there.line})")
    if change.kind == "article":
        return f"  line {here.line}  {change.before} ⏎ {change.after}…"
    return f"  line {here.line}  {change.before}"


def _notice_line(notice: Notice, index: LineIndex) -> str:
    """One notice with its raw position (notices about files have none: offset -1)."""
    if notice.offset < 0:
        return f"  {notice.text}"
    return f"  line {index.position(notice.offset)}  {notice.text}"
