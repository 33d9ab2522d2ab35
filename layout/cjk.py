"""CJK rules: clreq / GB/T 15834 tables (prohibitions, punctuation classes, spacing) with their sources.

Every rule the composer applies is a table here, citing W3C *Requirements for Chinese Text Layout*
(clreq, https://www.w3.org/TR/clreq/, section ids in brackets), GB/T 15834—2011 and TYPOGRAPHY.md.
The tables are tested against TYPOGRAPHY.md §2–§4 in tests/unit/test_cjk.py.
"""

from __future__ import annotations

import unicodedata
from .i18n import _

# --- Punctuation classes (TYPOGRAPHY.md §1; clreq [#punctuation_width_adjustment]) -----------------
# GB style, horizontal: a full-width mark's ink sits on one side of its em box, the other half is
# adjustable blank. Opening marks: blank on the left. Closing marks and stops (点号): blank on the right.
OPENING = "“‘『「（【〖〔［｛《〈"
CLOSING = "”’』」）】〗〕］｝》〉"
STOPS = "。，、：；！？"  # 点号 [#punctuation_marks]; GB/T 15834—2011 §4.1–4.7
# Never adjusted (TYPOGRAPHY.md §3 "Not adjustable"): dashes, ellipsis, connectors, interpuncts, solidus.
FIXED = "—…–～·／⸺・‧"
# Runs of these are one unit and never split: 破折号 —— and 省略号 ……
# [#prohibition_rules_for_unbreakable_marks]
UNBREAKABLE_RUNS = "—…"
# Number ranges `1—6`, `3–5`, `10～20` stay together (TYPOGRAPHY.md §2, number integrity).
RANGE_JOINERS = "—–～"

# Character classes used by the composer (one letter each):
#   H ideograph or other full-width letter (Han, kana, U+3000, 〇)      W breakable white space
#   O / C / S adjustable opening / closing / stop mark                 L Latin, digits, symbols (one token)
#   o / c / s the same marks set proportionally (font gives < ¾ em): classed, never adjusted
#   N fixed CJK punctuation (FIXED)
CLASSES = "HOCSocsNLW"
ADJUSTABLE_MIN = 0.75  # a mark is "full-width" (adjustable) when its advance is ≥ ¾ em

# --- Line-break prohibitions 避头尾 [#prohibition_rules_for_line_start_end], TYPOGRAPHY.md §2 ---------
# Entries are units: one character, or a two-em mark (—— ……; ⸺ is the one-character two-em dash).
_BASIC_NOT_AT_START = ("、", "，", "。", "：", "；", "！", "？",
                       "”", "’", "』", "」",
                       "）", "】", "〗", "〕", "］", "｝",
                       "》", "〉",
                       "–", "—", "～", "·", "/", "／",
                       ")", "]", "}")  # ASCII closing brackets follow their full-width forms (issue 11)
_BASIC_NOT_AT_END = ("“", "‘", "『", "「", "（", "【", "〖", "〔", "［", "｛", "《", "〈",
                     "(", "[", "{")  # ASCII opening brackets follow their full-width forms (issue 11)
_TWO_EM_MARKS = ("——", "……", "⸺")
LEVELS = ("none", "basic", "gb", "strict")
NOT_AT_START: dict[str, frozenset[str]] = {
    "none": frozenset(),
    "basic": frozenset(_BASIC_NOT_AT_START),
    "gb": frozenset(_BASIC_NOT_AT_START),
    "strict": frozenset(_BASIC_NOT_AT_START + _TWO_EM_MARKS),
}
NOT_AT_END: dict[str, frozenset[str]] = {
    "none": frozenset(),
    "basic": frozenset(_BASIC_NOT_AT_END),
    "gb": frozenset(_BASIC_NOT_AT_END + ("/", "／")),
    "strict": frozenset(_BASIC_NOT_AT_END + ("/", "／")),
}
# Number marks (TYPOGRAPHY.md §2): units and per-mille never start a line, currency never ends one.
# Applied at every level but `none`. Inside a number they are part of the token anyway.
POSTFIX = frozenset("%‰℃°％℉")
PREFIX = frozenset("¥$£￥€")

# --- Breaking costs (TYPOGRAPHY.md §2 number integrity; long tokens, issue item 9) -----------------
NUMBER_UNIT_PENALTY = 1000.0  # `171.42|亿元`: break before the unit only if nothing else works
SEPARATOR_PENALTY = 200.0  # a token wider than the measure, after / . - _ @
ANYWHERE_PENALTY = 5000.0  # the same token anywhere (last resort, with a warning)
RELAXED_PENALTY = 10000.0  # a prohibited break, when prohibitions leave no way to fit the measure
# A URL, path, e-mail or file name is one token; it may break *after* one of these (issue 11 rule 2).
# A `/` inside such a token is a token separator, not the solidus mark of the prohibition tables: the
# tables' `/` is a free-standing solidus (`和/或`), see token_unit(). `?` and `#` only in URLs.
TOKEN_SEPARATORS = "/\\.-_@=&"
URL_SEPARATORS = "?#"
# Cost of a break after each separator inside a token (squared into the demerits). Paths break best
# after `/` `\`; a line ending after a `.` looks like a sentence end, so that break is discouraged
# (greedy: only if nothing else fits, cost ≥ BreakParams.discouraged) and the `/` or `-` before it is
# preferred (rule 6). A `.` between two letters or digits (not two digits) may instead break before
# it, the dot starting the next line (`example` | `.com/`, Chicago Manual of Style 14.18): nothing
# then reads as a full stop, so it costs less (DOT_BEFORE_PENALTY), still more than a `/` or `-`.
CUT_PENALTY = {"/": 150.0, "\\": 150.0, "-": 300.0, "_": 300.0, "@": 300.0, "=": 300.0, "&": 300.0,
               "?": 300.0, "#": 300.0, ".": 1000.0}
DOT_BEFORE_PENALTY = 500.0
SCHEME_PENALTY = 600.0  # right after `://` (the line would end in `https://`)
NBSP_PENALTY = 800.0  # a no-break-space phrase wider than the measure (or eager), at its no-break space
CUT_MIN = 3  # characters kept on each side of a cut inside a token (rule 6)
# A token fitting the measure is cut only when it looks like a URL/path/file name (one of these in it)
# and is at least BREAKABLE_EM wide: a Latin word, a number or `SHA-256` never breaks.
URLISH = frozenset("/\\@_=&")
BREAKABLE_EM = 5.0
NO_BREAK_SPACES = "\u00a0\u202f\u2007"
# ASCII brackets and quotes take the line-start/end rules of their full-width forms; an ASCII quote is
# opening when nothing (a space, Han, the line start) precedes it on its left, else closing.
ASCII_OPENING = "([{"
ASCII_CLOSING = ")]}"
ASCII_QUOTES = "\"'"

# --- Spacing (clreq [#mixed_text_composition_in_horizontal_writing_mode]: ≤ ¼ em between Han and
# Latin/digits, none at line start/end, none next to Chinese punctuation) and 均排 (inter-character
# expansion: never inside a Latin word or number, not after an opening or before a closing mark/stop).
INTER_CHAR_STRETCH = 0.1  # em of stretch per gap between characters for 均排 (relative weights)
SPACE_STRETCH = 0.5  # a Latin word space stretches by half its width …
SPACE_SHRINK = 1 / 3  # … and shrinks by a third (TeX's interword conventions)
# The one CJK–Latin space (issue 11 rule 4): `latin_spacing` em, typed ASCII space or not. It stretches
# a tenth of the inter-character glue (so on a line whose Han gaps open by ½ em, the most allowed, it
# is 0.30 em) and keeps LATIN_SPACING_KEEP of its width when a line is squeezed (¼ → 0.2 em; ⅛ → 0.1 em).
LATIN_SPACING_STRETCH = INTER_CHAR_STRETCH / 10
LATIN_SPACING_KEEP = 0.8
# Even colour (rule 3): a justified line may open its Han gaps by at most this much (em) before the
# paragraph is re-broken with every token break allowed; past it the build warns with the worst line.
MAX_LETTERSPACING = 0.5

# --- Hanging punctuation (TYPOGRAPHY.md §3; clreq [#hanging_punctuation_marks_at_line_end]) ------------
# Only 、，。 and one mark at most; an option, mainland publications usually do not hang.
HANGABLE = frozenset("、，。")

_TABLE = {**{c: "O" for c in OPENING}, **{c: "C" for c in CLOSING}, **{c: "S" for c in STOPS},
          **{c: "N" for c in FIXED}}
_CLASS_CACHE: dict[str, str] = {}


def char_class(char: str) -> str:
    """The composer class of `char` (one of CLASSES, before the width check that lowercases marks)."""
    cls = _CLASS_CACHE.get(char)
    if cls is None:
        cls = _classify(char)
        _CLASS_CACHE[char] = cls
    return cls


def _classify(char: str) -> str:
    """Classify one character from the tables and Unicode properties."""
    if char in _TABLE:
        return _TABLE[char]
    if char in POSTFIX or char in PREFIX:
        return "L"
    if char in "\u00a0\u202f\u2007":  # no-break spaces glue their neighbours into one token
        return "L"
    if char == "\u3000":  # ideographic space: a 1-字 box (e.g. between a headline's halves)
        return "H"
    if char.isspace() or char == "\u200b":
        return "W"
    if unicodedata.east_asian_width(char) in ("W", "F"):
        # Han, kana, hangul, 〇, U+3000 and full-width symbols; full-width digits/Latin join tokens.
        if not char.isalnum() or unicodedata.category(char) in ("Lo", "Lm", "Nl"):
            return "H"
    return "L"


def check_level(level: str) -> None:
    """Refuse an unknown prohibition level (the manifest validates too; this guards direct callers)."""
    if level not in LEVELS:
        from .errors import LayoutError
        raise LayoutError(_("unknown kinsoku level '{level}'").format(level=level), "typography.kinsoku",
                          _("use one of: {choices}").format(choices=', '.join(LEVELS)))


def may_start(unit: str, level: str) -> bool:
    """Whether a line may begin with `unit` (a character or a two-em mark) at prohibition `level`."""
    if unit in NOT_AT_START[level]:
        return False
    return level == "none" or unit[:1] not in POSTFIX


def may_end(unit: str, level: str) -> bool:
    """Whether a line may end with `unit` at prohibition `level`."""
    if unit in NOT_AT_END[level]:
        return False
    return level == "none" or unit[-1:] not in PREFIX


def is_counted(char: str) -> bool:
    """Whether `char` counts as a character for 孤字 (letters, digits, Han; not punctuation or space)."""
    return char.isalnum()


def line_start_unit(text: str) -> str:
    """The unit a line of `text` starts with: a two-em mark if it begins with one, a URL/path token if
    it begins with a `/` or `\\` that is part of one (`/usr/bin`), else one character."""
    for mark in _TWO_EM_MARKS:
        if text.startswith(mark):
            return mark
    if text[:1] in _TOKEN_SLASHES and _token_char(text[1:2]):
        return _token_head(text)
    return text[:1]


def line_end_unit(text: str) -> str:
    """The unit a line of `text` ends with: a two-em mark if it ends with one, a URL/path token if it
    ends with a `/` or `\\` inside one (`https://`, `local/lib/`), else one character."""
    for mark in _TWO_EM_MARKS:
        if text.endswith(mark):
            return mark
    if text[-1:] in _TOKEN_SLASHES:
        head = text.rstrip(_TOKEN_SLASHES)
        if head and _token_char(head[-1]):
            return _token_tail(text)
    return text[-1:]


_TOKEN_SLASHES = "/\\"


def _token_char(char: str) -> bool:
    """Whether `char` may be part of a Latin token (ASCII letter, digit or token punctuation)."""
    return bool(char) and char.isascii() and (char.isalnum() or char in ":.-_@=&?#~%+")


def _token_tail(text: str) -> str:
    """The Latin token `text` ends with (slashes included)."""
    i = len(text)
    while i > 0 and (_token_char(text[i - 1]) or text[i - 1] in _TOKEN_SLASHES):
        i -= 1
    return text[i:]


def _token_head(text: str) -> str:
    """The Latin token `text` begins with (slashes included)."""
    i = 0
    while i < len(text) and (_token_char(text[i]) or text[i] in _TOKEN_SLASHES):
        i += 1
    return text[:i]


def token_unit(token: str, at_end: bool) -> str:
    """The prohibition unit at one edge of a Latin token (one atom): its last (`at_end`) or first
    character, except that a `/` or `\\` belonging to a longer token is a separator, not the solidus
    mark, and the unit is then the whole token (never prohibited). A lone `/` stays a solidus."""
    if len(token) > 1 and token.strip(_TOKEN_SLASHES):
        edge = token[-1] if at_end else token[0]
        if edge in _TOKEN_SLASHES:
            return token
    return token[-1:] if at_end else token[:1]
