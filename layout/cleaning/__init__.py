"""Copy-desk cleaning (layout clean): the desk (desk.py) and its helpers, one module per concern.

decode     bytes → text (encoding detection, errors with byte offsets)
rules      data tables: character classes, punctuation map, dateline forms, limits (with sources)
tracked    text that remembers the raw offset of every character; edits and change records
normalize  line ends, odd spaces, invisible characters, full-width letters/digits, NFC, trimming
punct      ASCII punctuation in Chinese context → full-width marks, ellipsis, dashes
quotes     straight quotes → paired “” ‘’, unpaired quotes
spaces     stray spaces between Han characters and marks
paragraphs blocks, duplicated fragments, broken paragraphs
structure  page → articles: label, kicker, headline, deck, dateline, run-in heads
render     article files (through layout/article/format.py), the manifest skeleton
desk       clean_text / clean_file / check / write: the steps above in order
report     the change report
"""

from __future__ import annotations

from ..errors import LayoutError


class CleanError(LayoutError):
    """Raw copy that `layout clean` cannot read or clean (binary, empty, too big, bad encoding)."""
