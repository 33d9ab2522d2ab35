"""Story: set an article at a shape (column measure, headline width and size) — headline rows 占行, body lines.

This is the question copy-fitting and page planning ask many times: *how deep is this story at a span of
3 columns, with this headline size?* It knows no page: the answer is a SetStory (headline block lines with
the rows each takes on the baseline grid, body lines broken once at the column measure, and what each
line needs), which make-up places and compose positions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

from ..article import ArticleText, TextSpan, visible_characters
from ..article.text import Paragraph
from ..cjk import CLOSING, OPENING
from ..errors import FontError, LayoutError
from ..fonts import FontBook, TextFont
from ..i18n import _
from ..spec import TextStyle
from .config import ComposeConfig
from .items import Span
from .lines import FLUSH_TOLERANCE, Line, SetParagraph, lone_latin, set_in_lines, set_paragraph
from .memo import ParagraphMemo

HEAD_ELEMENTS = ("label", "kicker", "headline", "deck")  # the headline block, top to bottom
JUMP_LABEL = "jump_label"  # the style of （下转第N版） and （上接第M版）: a paragraph of its own, one line
AIR_ROWS = 1  # rows between the headline block's last line and the body (占行: 1 line → 3 rows)


@dataclass(frozen=True)
class Setter:
    """What setting any story of an issue needs: its styles, fonts, composer options and grid row."""

    styles: Mapping[str, TextStyle]  # read-only (MappingProxyType)
    fonts: FontBook
    config: ComposeConfig
    row: float  # one body line of the baseline grid (pt)
    memo: ParagraphMemo | None = field(default=None, compare=False)  # set paragraphs kept across builds
    _configs: dict = field(default_factory=dict, init=False, compare=False, repr=False)  # config_for's, by call

    @classmethod
    def of(cls, styles, fonts: FontBook, config: ComposeConfig, row: float,
           memo: ParagraphMemo | None = None) -> "Setter":
        """A Setter from a sequence of styles."""
        return cls(MappingProxyType({s.name: s for s in styles}), fonts, config, row, memo)

    def paragraph(self, spans, measure: float, config: ComposeConfig, looseness: int = 0) -> SetParagraph:
        """set_paragraph, through the memo when the setter has one (the same lines either way)."""
        if self.memo is None:
            return set_paragraph(spans, measure, config, looseness=looseness)
        return self.memo.set(spans, measure, config, looseness)

    def font(self, name: str, size: float | None = None) -> TextFont:
        """The TextFont of style `name`, at `size` pt if given (e.g. an article's headline size)."""
        style = self.styles[name]
        try:
            return self.fonts.text_font(style.role, style.weight, size or style.size)
        except FontError as error:  # a role/weight not installed: say which style asked for it
            raise FontError(_("style '{name}' ({role} {weight}): {message}").format(
                name=name, role=style.role, weight=style.weight, message=error.message),
                f"styles.{name} (issue.yaml), {error.where}",
                error.hint + _("; or give styles.{name} another role or weight").format(name=name)) from None

    def config_for(self, name: str, **changes) -> ComposeConfig:
        """The composer options for style `name`: its alignment and prohibition level (one object per
        distinct call, so the memo digests each once)."""
        call = (name, tuple(sorted(changes.items())))
        found = self._configs.get(call)
        if found is None:
            style = self.styles[name]
            found = self._configs[call] = replace(self.config, kinsoku=style.kinsoku or self.config.kinsoku,
                                                  align=style.align, **changes)
        return found


@dataclass(frozen=True)
class Shape:
    """Where a story is set: the body column measure, the headline block's width, headline options."""

    measure: float  # one body column (pt)
    width: float  # the headline block: the slot's full width (pt)
    headline_size: float | None = None  # None: the headline style's size
    headline_align: str | None = None  # None: the headline style's alignment
    deck: bool = True  # False: the article's deck (副题) is not set (`deck: false`, or the planner dropped it)
    split: bool = False  # True: the headline's halves one per line even where they fit on one (`headline_split`)
    breaks: int = 0  # N: a headline of one part and one half broken into N lines between words (`headline_break`)


@dataclass(frozen=True, kw_only=True)
class HeadLine:
    """One headline-block line: its set Line, style, size and the rows (within the block) it occupies."""

    line: Line
    style: str
    size: float
    row: int
    rows: int


@dataclass(frozen=True)
class Unset:
    """The paragraphs after a story's setting stopped (its slot was full): counted, not set — their visible
    characters exactly, their lines estimated (≈: per paragraph its characters and indent ÷ 字 per line,
    rounded up)."""

    paragraphs: int
    characters: int
    lines: int  # an estimate


@dataclass(frozen=True, kw_only=True)
class SetStory:
    """A story set at one shape: headline block and body lines, ready to be placed on any page."""

    id: str
    shape: Shape
    head: tuple[HeadLine, ...]
    body: tuple[Line, ...]
    warnings: tuple[str, ...] = ()
    paragraphs: tuple[int, ...] = ()  # body lines of each paragraph, in order
    loosen: tuple[tuple[int, int], ...] = ()  # (paragraph index, lines added or removed): 拉行 / 缩行 applied
    unset: Unset | None = None  # None: every paragraph is set; else the paragraphs counted, not set

    @property
    def lines_needed(self) -> int:
        """Body lines the whole story needs: those set, plus the estimate for the paragraphs not set."""
        return len(self.body) + (self.unset.lines if self.unset else 0)

    @property
    def head_lines_rows(self) -> int:
        """Rows the headline block's lines take (0 without a headline)."""
        return self.head[-1].row + self.head[-1].rows if self.head else 0

    @property
    def head_rows(self) -> int:
        """The block's natural height 占行: its lines plus the air row before the body."""
        return self.head_lines_rows + (AIR_ROWS if self.head else 0)

    @property
    def needs(self) -> tuple[int, ...]:
        """Per body line, how many lines must fit in the column together from it (1: may stand alone)."""
        return (1,) * len(self.body)


def set_story(story_id: str, text: ArticleText, shape: Shape, setter: Setter,
              loosen: Mapping[int, int] = MappingProxyType({})) -> SetStory:
    """Set an article's headline block across the shape's width and its body at the column measure,
    with paragraph `i` set `loosen[i]` lines longer (拉行) or shorter (缩行) where that is possible."""
    head = set_head(story_id, text, shape, setter)
    body = set_body(story_id, text, shape.measure, setter, loosen)
    return assemble(story_id, shape, head, body)


def assemble(story_id: str, shape: Shape, head: tuple[HeadLine, ...], body: tuple["BodyParagraph", ...],
             unset: Unset | None = None) -> SetStory:
    """A SetStory from its headline block and its body paragraphs as set (and those counted, not set)."""
    lines = tuple(line for p in body for line in p.lines)
    warnings = tuple(w for p in body for w in p.warnings)
    achieved = tuple((i, p.looseness) for i, p in enumerate(body) if p.looseness)
    return SetStory(id=story_id, shape=shape, head=head, body=lines, warnings=warnings,
                    paragraphs=tuple(len(p.lines) for p in body), loosen=achieved, unset=unset)


def firm_lines(lines: int) -> int:
    """The lines a paragraph set in `lines` keeps however it is squared: 缩行 takes one line at most, and
    never the only one (makeup.square)."""
    return lines - 1 if lines > 1 else lines


def count_unset(paragraphs, measure: float, setter: Setter) -> Unset:
    """The paragraphs not set, counted: their visible characters exactly and, as an estimate, the lines
    each needs (its characters, plus the first-line indent, ÷ the 字 per line of the measure, rounded up)."""
    size = setter.styles["body"].size
    per_line = max(1, int(measure / size + 1e-9))  # 字 per column line, as geometry.PageGrid.characters
    characters = lines = 0
    for paragraph in paragraphs:
        count = visible_characters("".join(span.text for span in paragraph.spans))
        indent = math.ceil(setter.config.indent - 1e-9) if paragraph.indent and count else 0
        characters += count
        lines += math.ceil((count + indent) / per_line)
    return Unset(paragraphs=len(paragraphs), characters=characters, lines=lines)


def set_head(story_id: str, text: ArticleText, shape: Shape, setter: Setter) -> tuple[HeadLine, ...]:
    """Label, kicker, headline and deck across the block; each line takes whole grid rows (占行)."""
    parts = {"label": [text.label] if text.label else [], "kicker": [text.kicker] if text.kicker else [],
             "headline": list(text.headline), "deck": [text.deck] if text.deck and shape.deck else []}
    block, row = [], 0
    for name in HEAD_ELEMENTS:
        is_headline = name == "headline"
        style = setter.styles[text.headline_style if is_headline else name]
        size = (shape.headline_size if is_headline else None) or style.size
        font = setter.font(style.name, size)
        config = setter.config_for(style.name, indent=0.0)
        if is_headline and shape.headline_align:
            config = replace(config, align=shape.headline_align)
        leading = style.leading * size / style.size  # the style's leading, scaled to an article's size
        rows = max(1, math.ceil(leading / setter.row - 1e-9))
        for part in parts[name]:
            check_coverage(part.replace(" ", ""), font, story_id, text, name)
            part_size, part_rows = size, rows
            if is_headline and shape.breaks:
                head_lines = _broken_head(part, font, style.name, shape, config, story_id, text)
            else:
                head_lines = _head_text(part, font, style.name, shape.width, config, setter,
                                        is_headline and shape.split)
            for smaller in _smaller_sizes(size) if _lone_latin(head_lines) else ():
                trial = _head_text(part, setter.font(style.name, smaller), style.name, shape.width, config,
                                   setter, is_headline and shape.split)
                if not _lone_latin(trial):  # 缩字: the largest size at which no Latin word stands alone
                    part_size, head_lines = smaller, trial
                    part_rows = max(1, math.ceil(leading * smaller / size / setter.row - 1e-9))
                    break
            check_fits(head_lines, story_id, name)
            for line in head_lines:
                block.append(HeadLine(line=line, style=style.name, size=part_size, row=row, rows=part_rows))
                row += part_rows
    return tuple(block)


def _head_text(part: str, font: TextFont, style: str, width: float, config: ComposeConfig,
               setter: Setter, split: bool = False) -> tuple[Line, ...]:
    """A headline part on one line (halves joined by a 1-字 space) or, if too wide or `split`, one half
    per line; a half still too wide is broken between words (segmenter) into lines of balanced length.
    Spaces next to Latin stay word spaces (CJK–Latin or Latin word spacing), never a 1-字 space."""
    halves = split_halves(part)
    one_line = "\u3000".join(halves)
    if len(halves) == 1 or (not split and sum(font.advance(c) for c in one_line) <= width + 1e-6):
        return setter.paragraph([Span(one_line, font, style, words=True)], width, config).lines
    lines: list[Line] = []
    for half in halves:
        lines.extend(setter.paragraph([Span(half, font, style, words=True)], width, config).lines)
    return tuple(lines)


def _broken_head(part: str, font: TextFont, style: str, shape: Shape, config: ComposeConfig, story_id: str,
                 text: ArticleText) -> tuple[Line, ...]:
    """A headline of one part and one half broken into `shape.breaks` lines of balanced length between words
    (typeset.lines.set_in_lines); an error when the headline has more parts or halves, or no such breaking."""
    if len(text.headline) != 1 or len(split_halves(part)) != 1:
        raise LayoutError(_("article {story_id}: headline_break is for a headline of one line and one half, "
                            "this one has {parts} lines and {halves} halves").format(
                              story_id=story_id, parts=len(text.headline), halves=len(split_halves(part))),
                          story_id, _("remove headline_break (headline_split sets two halves one per line)"))
    found = set_in_lines([Span(part, font, style, words=True)], shape.width, config, shape.breaks)
    if found is None:
        raise LayoutError(_("article {story_id}: the headline '{headline}' cannot be broken into {count} lines "
                            "between words (two words or more a line)").format(
                              story_id=story_id, headline=part, count=shape.breaks),
                          story_id, _("give headline_break fewer lines, or remove it"))
    return found.lines


HEAD_SHRINK = (0.9, 0.8, 0.7)  # sizes tried, of the style's, when a headline line would be Latin words alone


def _smaller_sizes(size: float) -> tuple[float, ...]:
    """The smaller sizes a headline part is tried at (to the nearest ¼ pt)."""
    return tuple(round(size * f * 4) / 4 for f in HEAD_SHRINK)


def _lone_latin(lines) -> bool:
    """Whether a headline part set in more than one line has a line of Latin words alone (rule 5)."""
    return len(lines) > 1 and any(lone_latin(line.text) for line in lines)


def split_halves(headline: str) -> list[str]:
    """The parts of a headline separated by spaces between two Han phrases, outside quotes and brackets
    (两段式标题). A space with a Latin letter or digit on either side is a word space, kept in its part."""
    parts, depth, current = [], 0, ""
    for i, char in enumerate(headline):
        depth += (char in OPENING) - (char in CLOSING)
        if char == " " and depth <= 0 and not _latin_beside(headline, i):
            if current:
                parts.append(current)
            current = ""
        else:
            current += char
    return [p.strip(" ") for p in parts + ([current] if current else []) if p.strip(" ")]


def _latin_beside(text: str, i: int) -> bool:
    """Whether the space at i has a Latin letter or digit (or Latin punctuation) next to it."""
    left, right = text[:i].rstrip(" ")[-1:], text[i + 1:].lstrip(" ")[:1]
    return any(c and c.isascii() and not c.isspace() for c in (left, right))


def check_fits(lines, story_id: str, place: str) -> None:
    """Nothing past the column edge (issue 11 rule 1): a line wider than its measure is a build error."""
    for number, line in enumerate(lines, start=1):
        if line.width > line.measure + FLUSH_TOLERANCE:
            raise LayoutError(_("article {story_id}, {place}, line {number} '{text}' is "
                                "{value:.2f} pt wider than the {measure:.2f} pt measure").format(
                                  story_id=story_id, place=place, number=number, text=line.text,
                                  value=line.width - line.measure, measure=line.measure),
                              story_id, _("a character is wider than the column: widen the slot or change the copy"))


@dataclass(frozen=True)
class BodyParagraph:
    """One body paragraph as set: its lines, the composer's warnings (named), the looseness achieved."""

    lines: tuple[Line, ...]
    warnings: tuple[str, ...]
    looseness: int = 0


def set_body(story_id: str, text: ArticleText, measure: float, setter: Setter,
             loosen: Mapping[int, int] = MappingProxyType({})) -> tuple[BodyParagraph, ...]:
    """Every body paragraph set at the column measure (broken once, then distributed), with the
    composer's warnings naming article and paragraph."""
    return tuple(set_body_paragraph(story_id, text, index, measure, setter, loosen.get(index, 0))
                 for index in range(len(text.paragraphs)))


def set_body_paragraph(story_id: str, text: ArticleText, index: int, measure: float, setter: Setter,
                       looseness: int = 0, composed: Mapping | None = None) -> BodyParagraph:
    """Body paragraph `index` (0-based) set at the measure, `looseness` lines longer or shorter if it can be;
    `composed`: results of the composer by content (the same paragraph in another story is set once)."""
    number, paragraph = index + 1, text.paragraphs[index]
    spans = [_span(part, setter, story_id, text, number) for part in paragraph.spans]
    label = all(part.style == JUMP_LABEL for part in paragraph.spans)
    looseness = 0 if label else looseness  # a jump label is one line, never loosened
    config = setter.config_for(JUMP_LABEL if label else "body", **({} if paragraph.indent else {"indent": 0.0}))
    key = (tuple((s.text, s.style, s.font) for s in spans), measure, looseness, paragraph.indent)
    result = composed.get(key) if composed is not None else None
    if result is None:
        result = setter.paragraph(spans, measure, config, looseness)
        if composed is not None:
            composed[key] = result
    check_fits(result.lines, story_id, f"paragraph {number}")
    warnings = tuple(_("article {article}, paragraph {number}: {warning}").format(article=story_id, number=number,
                                                                                warning=w) for w in result.warnings)
    return BodyParagraph(result.lines, warnings, result.looseness)


def _span(part: TextSpan, setter: Setter, story_id: str, text: ArticleText, paragraph: int) -> Span:
    """A composer span for a text span, after checking every character has a glyph."""
    font = setter.font(part.style)
    check_coverage(part.text, font, story_id, text, _("paragraph {number}").format(number=paragraph))
    return Span(part.text, font, part.style, words=part.style == "dateline")  # dateline: names unbroken


def check_coverage(chars: str, font: TextFont, story_id: str, text: ArticleText, place: str) -> None:
    """A character no font of the chain has is an error naming article, place and U+ code."""
    missing = font.missing(chars)
    if missing:
        codes = ", ".join(f"'{c}' U+{ord(c):04X}" for c in missing)
        raise FontError(_("article {article}, {place}: no font has {codes}").format(
            article=story_id, place=place, codes=codes), f"{text.source}",
            _("replace the character, or add a font that has it to the fallback chain (fonts/fonts.yaml or "
              "the manifest's fonts:)"))


class StoryCache:
    """Accumulator of set stories, one per (article, shape): planning and building ask it, each story is set once."""

    def __init__(self, texts: Mapping[str, ArticleText], setter: Setter) -> None:
        self.texts, self.setter = texts, setter
        self._set: dict[tuple, SetStory] = {}
        self._paragraphs: dict[tuple, BodyParagraph] = {}
        self._composed: dict[tuple, object] = {}  # (spans, measure, looseness) → SetParagraph, by content
        self._heads: dict[tuple, tuple[HeadLine, ...]] = {}

    def retext(self, texts: Mapping[str, ArticleText]) -> tuple[str, ...]:
        """Take the article texts of a rebuild: stories whose text changed (or that are gone) are set again,
        the others keep what was set; paragraphs are shared by content, so unchanged ones stay set too.
        Returns the changed story ids (sorted)."""
        changed = {k for k in set(self.texts) | set(texts) if self.texts.get(k) != texts.get(k)}
        for store in (self._set, self._paragraphs, self._heads):
            for key in [k for k in store if k[0] in changed]:
                del store[key]
        self.texts = texts
        return tuple(sorted(changed))

    def story(self, story_id: str, shape: Shape, loosen: tuple[tuple[int, int], ...] = (),
              budget: int | None = None) -> SetStory:
        """The story `story_id` set at `shape`, with the paragraphs `loosen` names set longer or shorter
        (set now if it was not yet). With a `budget` of body lines (a fixed slot's capacity plus a margin),
        setting stops once the lines set keep more than the budget however they are squared: the rest is
        counted, not set (SetStory.unset); a story that ends within the budget is the whole story."""
        key = (story_id, shape, loosen, budget)
        found = self._set.get(key)
        if found is None:
            text, changes = self.texts[story_id], dict(loosen)
            head = self._head(story_id, shape)
            body, firm = [], 0
            for i in range(len(text.paragraphs)):
                if budget is not None and firm > budget:
                    break
                body.append(self.paragraph(story_id, i, shape.measure, changes.get(i, 0)))
                firm += firm_lines(len(body[-1].lines))
            rest = text.paragraphs[len(body):]
            unset = count_unset(rest, shape.measure, self.setter) if rest else None
            found = self._set[key] = assemble(story_id, shape, head, tuple(body), unset)
            if unset is None:
                self._set[(story_id, shape, loosen, None)] = found
        return found

    def add(self, story_id: str, text: ArticleText) -> None:
        """Set `text` under the key `story_id` from now on (a part of a jump: make-up splits the story); what
        was set of another text under that key is dropped."""
        if story_id in self.texts and self.texts[story_id] != text:
            self._drop(story_id)
        self.texts[story_id] = text

    def forget(self, story_id: str) -> None:
        """No text under the key `story_id` any more (a continuation make-up only tried), nothing set of it kept."""
        self._drop(story_id)
        self.texts.pop(story_id, None)

    def _drop(self, story_id: str) -> None:
        """Drop what was set of the text under `story_id` (its paragraphs stay shared by content)."""
        for store in (self._set, self._paragraphs, self._heads):
            for key in [k for k in store if k[0] == story_id]:
                del store[key]

    def _head(self, story_id: str, shape: Shape) -> tuple[HeadLine, ...]:
        """The headline block of a story at a shape (set once)."""
        key = (story_id, shape)
        found = self._heads.get(key)
        if found is None:
            found = self._heads[key] = set_head(story_id, self.texts[story_id], shape, self.setter)
        return found

    def set_paragraph(self, story_id: str, paragraph: Paragraph, measure: float, looseness: int = 0) -> BodyParagraph:
        """A paragraph of no text yet (a piece a jump may break one into) set at the measure for story `story_id`."""
        text = replace(self.texts[story_id], paragraphs=(paragraph,))
        return set_body_paragraph(story_id, text, 0, measure, self.setter, looseness, self._composed)

    def paragraph(self, story_id: str, index: int, measure: float, looseness: int) -> BodyParagraph:
        """One body paragraph set with a looseness (to find which paragraphs can give or take a line)."""
        key = (story_id, index, measure, looseness)
        found = self._paragraphs.get(key)
        if found is None:
            found = self._paragraphs[key] = set_body_paragraph(story_id, self.texts[story_id], index, measure,
                                                               self.setter, looseness, self._composed)
        return found
