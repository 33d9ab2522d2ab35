"""Copy desk (layout clean), properties: text-level cleaning never loses a Han character and is idempotent."""

import unicodedata
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.cleaning.desk import clean_text
from layout.cleaning.rules import HAN_RE

SEED = Path(__file__).resolve().parents[2] / "issues" / "jining" / "raw" / "jining-page.txt"
SEED_LINES = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
ALPHABET = list(
    "济宁高新区数据知识产权是指资源持有人或处理者对其黄屯街道"  # Han
    "豈〇"  # a compatibility ideograph (NFC maps it to 豈 U+8C48) and 〇
    "，。、；：？！“”‘’（）《》…—·"  # full-width marks
    ",.;:?!()\"'-*%+/@"  # ASCII marks
    "0123456789AbcXyz"  # Latin letters, digits
    "２０Ａｂ"  # full-width letters/digits
    "   \n\n\n\u3000\u00a0\t\u200b\r"  # spaces, line ends, invisible
)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def han(text: str) -> Counter:
    """Multiset of the Han characters of a text."""
    return Counter(HAN_RE.findall(text))


def removed(result) -> Counter:
    """Han characters in the duplicated fragments the cleaner removed (and reported)."""
    counts: Counter = Counter()
    for change in result.changes:
        if change.kind == "duplicate":
            counts.update(HAN_RE.findall(change.before))
    return counts


@st.composite
def pages(draw) -> str:
    """Seed lines in random order, with random blank lines, broken lines and duplicated fragments."""
    lines = draw(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=8))
    parts = []
    for line in lines:
        cut = draw(st.integers(0, len(line)))
        if draw(st.booleans()):  # a column break: the end of one block repeated at the start of the next
            parts.append(line[:cut])
            parts.append(line[max(0, cut - draw(st.integers(0, 30))):])
        else:
            parts.append(line)
    separators = st.sampled_from(["\n", "\n\n", "\n\n\n\n", " \n\n"])
    return "".join(part + draw(separators) for part in parts)


random_text = st.text(alphabet=st.sampled_from(ALPHABET), max_size=160)


@SETTINGS
@given(random_text)
def test_random_text_keeps_every_han_character(text):
    result = clean_text(text)
    assert han(result.text) + removed(result) == han(unicodedata.normalize("NFC", text))


@SETTINGS
@given(random_text)
def test_random_text_cleaning_is_idempotent(text):
    once = clean_text(text).text
    assert clean_text(once).text == once


@SETTINGS
@given(pages())
def test_seed_pages_keep_every_han_character_but_reported_duplicates(text):
    result = clean_text(text)
    assert han(result.text) + removed(result) == han(text)


@SETTINGS
@given(pages())
def test_seed_pages_cleaning_is_idempotent(text):
    once = clean_text(text)
    twice = clean_text(once.text)
    assert twice.text == once.text
    assert twice.changes == ()
