"""Copy-desk cleaning (layout clean): character normalisation before any punctuation rule runs.

Line ends → LF (a form feed is a paragraph break); odd spaces (tab, NBSP, U+3000 …) → ASCII space;
invisible characters removed; full-width ASCII letters/digits (２０２３) → half-width; NFC; spaces at
line starts and ends trimmed. Control characters are refused earlier (decode) or here (CleanError).
"""

from __future__ import annotations

import re
import unicodedata

from . import CleanError
from .rules import ALLOWED_CONTROLS, INVISIBLE, SPACE_LIKE
from .tracked import Change, Edit, Step, Tracked, commit
from ..i18n import _

LINE_END_RE = re.compile(r"\r\n|\r|\f|\v")
LINE_END_MAP = {"\r\n": "\n", "\r": "\n", "\v": "\n", "\f": "\n\n"}
FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
EDGE_SPACES_RE = re.compile(r"^ +| +$", re.MULTILINE)


def normalize(tracked: Tracked) -> Step:
    """Run every normalisation in order; the result has only LF, ASCII spaces and NFC text."""
    _refuse_controls(tracked)
    changes: list[Change] = []
    for rule in (_line_end_edits, _char_edits, _nfc_edits, _edge_space_edits):
        step = commit(tracked, rule(tracked.text))
        tracked = step.text
        changes.extend(step.changes)
    return Step(tracked, tuple(changes))


def _refuse_controls(tracked: Tracked) -> None:
    """Control characters are not copy: refuse them (decode already did so for files)."""
    for index, ch in enumerate(tracked.text):
        code = ord(ch)
        if (code < 0x20 or 0x7F <= code <= 0x9F) and ch not in ALLOWED_CONTROLS:
            raise CleanError(_("control character U+{code:04X} at character {at}").format(
                                 code=code, at=tracked.at(index)),
                             hint=_("remove it from the copy"))


def _line_end_edits(text: str) -> list[Edit]:
    """CR LF, CR and vertical tab → LF; form feed (page break) → blank line."""
    return [Edit(m.start(), m.end(), LINE_END_MAP[m.group()], "newline") for m in LINE_END_RE.finditer(text)]


def _char_edits(text: str) -> list[Edit]:
    """Odd spaces → space, invisible characters removed, full-width letters/digits → ASCII."""
    edits = []
    for index, ch in enumerate(text):
        if ch in SPACE_LIKE:
            edits.append(Edit(index, index + 1, " ", "space"))
        elif ch in INVISIBLE:
            edits.append(Edit(index, index + 1, "", "invisible"))
        elif FULLWIDTH_ALNUM.match(ch):
            edits.append(Edit(index, index + 1, chr(ord(ch) - 0xFEE0), "fullwidth"))
    return edits


def _nfc_edits(text: str) -> list[Edit]:
    """Lines that are not in NFC are replaced by their NFC form (one edit per line)."""
    edits = []
    start = 0
    for line in text.split("\n"):
        if not unicodedata.is_normalized("NFC", line):
            edits.append(Edit(start, start + len(line), unicodedata.normalize("NFC", line), "nfc"))
        start += len(line) + 1
    return edits


def _edge_space_edits(text: str) -> list[Edit]:
    """Spaces at the start or end of a line carry nothing: trim them."""
    return [Edit(m.start(), m.end(), "", "space") for m in EDGE_SPACES_RE.finditer(text)]
