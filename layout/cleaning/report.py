"""Copy-desk cleaning (layout clean): the change report — counts per kind and the places to check.

Positions are line (and column) numbers in the raw file, whatever later steps did to the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..i18n import N_, _
from .tracked import Change, LineIndex, Notice

# Every kind of change, in report order, with what it means (and its source where there is one).
CHANGE_KINDS: tuple[tuple[str, str], ...] = (
    ("newline", N_("line ends → LF (form feed → blank line)")),
    ("invisible", N_("invisible characters removed (zero-width space, soft hyphen, stray BOM)")),
    ("fullwidth", N_("full-width letters/digits → ASCII (２０２３ → 2023)")),
    ("nfc", N_("lines normalised to Unicode NFC")),
    ("linebreak", N_("line breaks inside a paragraph joined")),
    ("article", N_("new articles found after a single line break (headline ⏎ dateline)")),
    ("duplicate", N_("duplicated fragments removed (column breaks)")),
    ("join", N_("broken paragraphs joined")),
    ("punctuation", N_("ASCII , ; : ? ! ( ) in Chinese → ，；：？！（） (GB/T 15834—2011 §4)")),
    ("quote", N_("straight quotes → “ ” ‘ ’ (GB/T 15834—2011 §4.8)")),
    ("ellipsis", N_("... 。。。 … → …… (GB/T 15834—2011 §4.11)")),
    ("dash", N_("-- ——— → —— (GB/T 15834—2011 §4.10)")),
    ("space", N_("stray spaces removed, runs of spaces collapsed")),
    ("dateline", N_("datelines moved into the header")),
    ("runin", N_("run-in heads marked **…**")),
)
NOTICE_KINDS: tuple[tuple[str, str], ...] = (
    ("unpaired-quote", N_("unpaired quotes (set by the documented rule — check them)")),
    ("unterminated", N_("paragraphs without terminal punctuation (nothing added)")),
    ("orphan-dateline", N_("datelines without a headline before them (left in the body)")),
    ("untitled", N_("text before the first headline (an article without header)")),
    ("stale", N_("files in the output directory this run does not write")),
)
LISTED: tuple[tuple[str, str], ...] = (
    ("article", N_("articles split off (headline, dateline)")),
    ("join", N_("joined paragraphs")),
    ("duplicate", N_("duplicates removed")),
    ("runin", N_("run-in heads")),
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
            lines.append(_("{count} {title}:").format(count=len(entries), title=_(title)))
            lines += [_change_line(change, report.index) for change in entries]
    for kind, title in NOTICE_KINDS:
        entries = [notice for notice in report.notices if notice.kind == kind]
        if entries:
            lines.append(_("{count} {title}:").format(count=len(entries), title=_(title)))
            lines += [_notice_line(notice, report.index) for notice in entries]
    return "\n".join(lines) + "\n"


def _counts(changes: tuple[Change, ...]) -> list[str]:
    """One line per kind of change that happened, in table order."""
    counts = Counter(change.kind for change in changes)
    if not counts:
        return [_("changes: none")]
    known = [kind for kind, _meaning in CHANGE_KINDS]
    rows = [(kind, meaning) for kind, meaning in CHANGE_KINDS if counts[kind]]
    rows += [(kind, "") for kind in sorted(counts) if kind not in known]
    return [_("changes:")] + [f"  {counts[kind]:5d}  {kind:<12} {_(meaning) if meaning else ''}".rstrip()
                              for kind, meaning in rows]


def _change_line(change: Change, index: LineIndex) -> str:
    """One listed change with its raw position(s)."""
    here = index.position(change.offset)
    if change.kind == "join":
        there = index.position(change.offset2)
        return _("  line {line} → {line2}  …{before} ⏎ {after}…").format(
            line=here.line, line2=there.line, before=change.before, after=change.after)
    if change.kind == "duplicate":
        there = index.position(change.offset2)
        return _("  line {line}  {before}  ({count} characters, repeating the end of line {line2})").format(
            line=here, before=change.before, count=len(change.before), line2=there.line)
    if change.kind == "article":
        return _("  line {line}  {before} ⏎ {after}…").format(line=here.line, before=change.before,
                                                               after=change.after)
    return _("  line {line}  {before}").format(line=here.line, before=change.before)


def _notice_line(notice: Notice, index: LineIndex) -> str:
    """One notice with its raw position (notices about files have none: offset -1)."""
    if notice.offset < 0:
        return f"  {notice.text}"
    return _("  line {line}  {before}").format(line=index.position(notice.offset), before=notice.text)
