"""Words: where a headline or a dateline may break — a Chinese word segmenter (jieba-rs), loaded lazily.

Body text breaks between any two ideographs (clreq); a headline breaks like an editor breaks it, between
words, and a dateline never inside a person's name. `keep_positions` answers, for a run of text, where
it may *not* break: inside a word (between its characters); `credit_positions` where it should rather
not: between a credit (记者, 通讯员 …) and the name after it (`记者 刘菲` moves to the next line whole).

The segmenter is jieba's dictionary and algorithm (DAG over the dictionary, HMM for unknown words) as
jieba-rs, through its binding `rjieba` (Rust, dictionary built in): 0.25 s to load against 0.66 s for
the pure-Python jieba on this machine, the same cuts. It is imported only when a line break actually
falls inside a headline run (typeset/lines.py asks only then), once per process, and not at all for a run
the build's store holds the cut of (`words/`, docs/cache.md); a dateline needs only
the credit–name rule, which needs no dictionary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import store as _store

# Credits of a dateline or byline that a name follows (GB/T … house practice: `记者 刘菲`, `通讯员 王小明`).
CREDITS = ("本报记者", "特约记者", "见习记者", "记者", "通讯员", "实习生", "摄影", "摄", "编辑", "整理")
_CREDIT_SPACE = re.compile("(?:" + "|".join(CREDITS) + ")( +)(?=\\S)")

_SEGMENTER = None
KIND = "words"  # the store's folder of cut texts


def _segmenter():
    """rjieba (jieba-rs), imported on first use."""
    global _SEGMENTER
    if _SEGMENTER is None:
        import rjieba
        _SEGMENTER = rjieba
    return _SEGMENTER


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """`text` cut into words (spaces are words of their own; Latin runs are one word each): from the
    build's store when this text was cut before (its key holds rjieba's version), so a warm build that
    sets a headline again — at another measure, in another slot — does not load the segmenter."""
    if not text:
        return ()
    store = _store.active()
    key = _store.key(KIND, text)
    found = store.load(KIND, key)
    if found is not None:
        cut = tuple(found.decode("utf-8").split("\x00"))
        if "".join(cut) == text:
            return cut
    cut = tuple(_segmenter().cut(text, True))
    store.save(KIND, key, "\x00".join(cut).encode("utf-8"))
    return cut


@lru_cache(maxsize=4096)
def keep_positions(text: str, segment: bool = True) -> frozenset[int]:
    """Offsets p in `text` where no line may break between text[p−1] and text[p]: inside a word (with
    the segmenter) and inside a name that follows a credit (without it: a dateline needs only that)."""
    out, at = set(), 0
    for word in words(text) if segment else ():
        if not word.isspace():
            out.update(range(at + 1, at + len(word)))
        at += len(word)
    if segment:
        out.update(_phrase_positions(text))
    for match in _CREDIT_SPACE.finditer(text):  # the name after a credit is one word (`周明亮`, not 周|明亮)
        out.update(range(match.start() + 1, match.start(1)))  # and so is the credit (`记者`, not 记|者)
        end = match.end(1)
        while end < len(text) and not text[end].isspace() and text[end] not in "）)，、":
            end += 1
        out.update(range(match.end(1) + 1, end))
    return frozenset(out)


PHRASE_MAX = 4  # a phrase of up to four Han set off by spaces or quotes (四字格 such as 企望有你) stays whole
_PHRASE = re.compile(r"(?<=[\s“‘「『《（])[\u4e00-\u9fff]{2,%d}(?=[\s”’」』》）])" % PHRASE_MAX)


def _phrase_positions(text: str) -> set[int]:
    """Offsets inside the short phrases a headline sets off by spaces or quotes (`才聚蓼河 企望有你`): the
    editor's own units, which a segmenter may cut (企望|有|你)."""
    return {p for m in _PHRASE.finditer(text) for p in range(m.start() + 1, m.end())}


def credit_positions(text: str) -> frozenset[int]:
    """Offsets of the names that follow a credit (`记者 刘菲`: the offset of 刘): a break there costs as
    much as a number–unit break, so the credit moves to the next line with its name unless the line
    before would be very loose (no segmenter needed)."""
    return frozenset(match.end(1) for match in _CREDIT_SPACE.finditer(text))
