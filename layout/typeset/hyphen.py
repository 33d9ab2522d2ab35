"""Hyphen: where an English word set in Chinese copy may be hyphenated (pyphen's patterns), lazily.

clreq allows Western words inside Chinese text to be hyphenated at their legal points; here it is a
last-resort lever of the even-colour pass only (typeset/lines.py re-breaks a paragraph that has a line
over ¼ em), with a visible hyphen and a cost (HYPHEN_PENALTY). Only words that read as names or terms
are hyphenated: letters only, capitalised (`Counterpoint`, `JetBrains`), at least HYPHEN_MIN_LETTERS
long, two letters before and three after the hyphen. All-capital acronyms (`NVIDIA`, `COMEX`) and
lower-case words are never hyphenated: in Chinese copy lower-case Latin is mostly a command, an
identifier or a file name (`git rebase`), which a hyphen would misquote.

The points are the en_US patterns' (Liang's, from a dictionary of common words: they know few names);
a word they give no point takes the en_GB patterns' (morphological: `Py-thon`, `Git-Hub`, `Ge-Force`),
so a name is still hyphenated at a syllable or word boundary a dictionary gives; a word en_US splits
keeps exactly its en_US points (`Vis-ual`, which en_GB does not split).
"""

from __future__ import annotations

import re
from functools import lru_cache

HYPHEN = "-"  # the visible hyphen set at the end of the line (the word's font)
HYPHEN_PENALTY = 500.0  # squared into the demerits (250 000): far below a loose line's 10⁷
HYPHEN_MIN_LETTERS = 6
_WORD = re.compile(r"[A-Z][A-Za-z]*[a-z][A-Za-z]*")
LANGUAGES = ("en_US", "en_GB")  # the first that gives a word any point is used
_DICTIONARIES: dict = {}


def _dictionary(lang: str):
    """pyphen's dictionary of `lang`, loaded on first use (≈ 0.08 s; en_GB only once en_US left a word whole)."""
    found = _DICTIONARIES.get(lang)
    if found is None:
        import pyphen
        found = _DICTIONARIES[lang] = pyphen.Pyphen(lang=lang, left=2, right=3)
    return found


def hyphenable(word: str) -> bool:
    """Whether `word` is an English word or name that may be hyphenated (see the module docstring)."""
    return len(word) >= HYPHEN_MIN_LETTERS and _WORD.fullmatch(word) is not None


@lru_cache(maxsize=4096)
def points(word: str) -> tuple[int, ...]:
    """Offsets inside `word` where a hyphen may go (`Counterpoint` → (4, 7)); () if it may not."""
    if not hyphenable(word):
        return ()
    for lang in LANGUAGES:
        found = tuple(_dictionary(lang).positions(word))
        if found:
            return found
    return ()
