"""Jumps (转版): split a story that continues on a later page so that its first part fills its slot.

The break falls inside a paragraph at a sentence end — 。！？ first, then ； (with the closing quotes or
brackets after the mark) — and never leaves a single line of that paragraph on either side. The first
part ends with its label line （下转第N版） (one line of its own, reserved before the split is chosen, so
no reflow loop is needed); the continuation starts with the jump headline (转版题) and （上接第M版）, its
broken paragraph going on without a first-line indent. N and M are the edition's page names. A first
part shorter than a third of the story or 15 lines (whichever is more) is refused: cut or fit instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Callable, Mapping, Sequence

from ..article.text import ArticleText, Paragraph, TextSpan
from ..cjk import CLOSING
from ..errors import LayoutError
from ..i18n import _
from ..spec import ArticleSpec, PageSpec, story_key
from ..typeset.story import JUMP_LABEL, SetStory, StoryCache, split_halves
from .plan import Placement

SENTENCE_ENDS = ("。！？", "；")  # the marks a jump may break after, best first
MIN_FIRST_LINES = 15  # the first part keeps at least this many lines (or a third of the story, if more)
MIN_SIDE_LINES = 2  # lines of the broken paragraph on each side of the jump (never a single line)


@dataclass(frozen=True)
class JumpLabels:
    """The label lines of one jump, with the page names resolved from the final edition."""

    to: str  # （下转第N版）: the first part's last line
    back: str  # （上接第M版）: the continuation's first line


@dataclass(frozen=True)
class EditionJumps:
    """Every jump of an edition: the labels of each story that jumps, by article id."""

    labels: Mapping[str, JumpLabels] = field(default_factory=lambda: MappingProxyType({}))


def edition_jumps(pages: Sequence[PageSpec], page_name: Callable[[int], str]) -> EditionJumps:
    """The jumps of the edition with their labels from the pages' final numbers (named by `page_name`)."""
    labels = {a.id: JumpLabels(to=f"（下转第{page_name(a.jump_pages[1])}版）",
                               back=f"（上接第{page_name(a.jump_pages[0])}版）")
              for page in pages for a in page.articles if a.part == 1}
    labels |= {s.id: JumpLabels(to=f"（下转第{page_name(s.jump.page)}版）", back=f"（上接第{page_name(page.number)}版）")
               for page in pages for s in page.stories if s.jump is not None}  # the planner may jump them
    return EditionJumps(MappingProxyType(labels))


@dataclass(frozen=True)
class Cut:
    """A place a jump may break: after `offset` characters of paragraph `paragraph`, a sentence end of `tier`."""

    paragraph: int
    offset: int
    tier: int  # 0: 。！？, 1: ；


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """A cut as set: the first part's body lines (label line included) and the lines it must gain or lose."""

    cut: Cut
    lines: int  # body lines of the first part as set, its label line included
    delta: int  # lines to add (>0, 拉行) or remove (<0, 缩行) for the first part to fill its slot


@dataclass(frozen=True, kw_only=True)
class JumpSplit:
    """A story split for its jump: where, the two parts' texts, and the numbers behind the choice."""

    article: str
    cut: Cut
    first: ArticleText
    rest: ArticleText
    capacity: int  # body lines the first part's slot holds
    total: int  # body lines of the whole story
    delta: int  # lines the first part is squared by (0: it fills its slot as set)


def sentence_cuts(paragraph: Paragraph, index: int) -> list[Cut]:
    """Every sentence end inside a paragraph (not its last): after 。！？ (tier 0) or ； (tier 1) and the
    closing quotes and brackets that follow the mark; none inside or at the end of the paragraph's leading
    run-in (段首小标) or dateline, which would end the first part with a heading its text has left."""
    text, cuts, lead = paragraph.text, [], heading_length(paragraph)
    for i, char in enumerate(text):
        tier = next((t for t, marks in enumerate(SENTENCE_ENDS) if char in marks), None)
        if tier is None or (i + 1 < len(text) and text[i + 1] in SENTENCE_ENDS[0] + SENTENCE_ENDS[1]):
            continue
        end = i + 1
        while end < len(text) and text[end] in CLOSING:
            end += 1
        if end > lead and text[end:].strip():
            cuts.append(Cut(index, end, tier))
    return cuts


def heading_length(paragraph: Paragraph) -> int:
    """Characters of the paragraph's leading spans that are not body text (its dateline and run-in)."""
    length = 0
    for span in paragraph.spans:
        if span.style == "body":
            break
        length += len(span.text)
    return length


def cut_paragraph(paragraph: Paragraph, offset: int) -> tuple[Paragraph, Paragraph]:
    """A paragraph broken after `offset` characters: its head (indented as it was) and the rest (no indent),
    each span cut where the offset falls in it."""
    head, rest, start = [], [], 0
    for span in paragraph.spans:
        end = start + len(span.text)
        if end <= offset:
            head.append(span)
        elif start >= offset:
            rest.append(span)
        else:
            head.append(TextSpan(span.text[:offset - start], span.style))
            rest.append(TextSpan(span.text[offset - start:], span.style))
        start = end
    return (replace(paragraph, spans=tuple(head)),
            Paragraph(tuple(rest), paragraph.line, indent=False))


def jump_headline(text: ArticleText, given: str | None) -> str:
    """The continuation's 转版题: as given, else the headline's first part (两段式: its first half)."""
    if given:
        return given.strip()
    whole = " ".join(text.headline)
    halves = split_halves(whole)
    return (halves[0] if halves else whole).strip() or text.kicker


def part_texts(text: ArticleText, cut: Cut, labels: JumpLabels, headline: str) -> tuple[ArticleText, ArticleText]:
    """The two parts' texts: the headline block and the body up to the cut with the label （下转…）; the
    jump headline, the label （上接…） and the rest of the body."""
    head, rest = cut_paragraph(text.paragraphs[cut.paragraph], cut.offset)
    line = text.paragraphs[cut.paragraph].line
    first = replace(text, paragraphs=text.paragraphs[:cut.paragraph] + (head, _label(labels.to, line)))
    second = ArticleText(source=text.source, headline=(headline,), headline_style="jump_headline",
                         paragraphs=(_label(labels.back, line), rest) + text.paragraphs[cut.paragraph + 1:])
    return first, second


def exact_parts(article: str, story: SetStory, text: ArticleText, capacity: int, stories: StoryCache,
                labels: JumpLabels, given: str | None = None) -> tuple[ArticleText, ArticleText] | None:
    """The two parts' texts of a story cut where its first part fills `capacity` body lines exactly (the
    cut exact_cut chooses; `given`: the jump_headline), None when no cut does (the planner tries the rest
    on its later page before it jumps the story there)."""
    chosen = exact_cut(article, story, text, capacity, stories)
    if chosen is None:
        return None
    return part_texts(text, chosen.cut, labels, jump_headline(text, given))


def _label(text: str, line: int) -> Paragraph:
    """A jump label: one line of its own in style jump_label."""
    return Paragraph((TextSpan(text, JUMP_LABEL),), line, indent=False)


def minimum_first(total: int) -> int:
    """Body lines the first part keeps at least: a third of the story or 15 lines, whichever is more."""
    return max(MIN_FIRST_LINES, math.ceil(total / 3))


def body_capacity(placement: Placement) -> int:
    """Body lines a placement's slot holds: the rows under its headline block, outside its exclusions."""
    cell = placement.cell
    first = cell.top + placement.head_rows + placement.gap_rows
    return sum(1 for column in range(cell.column, cell.column + cell.span) for row in range(first, cell.bottom)
               if not any(e.column <= column < e.column + e.span and e.top <= row < e.bottom
                          for e in placement.exclusions))


def split_story(spec: ArticleSpec, whole: Placement, stories: StoryCache, labels: JumpLabels) -> JumpSplit:
    """Split the story of `spec` (part 1 of a jump) so that its first part fills the slot `whole` gives
    it, and register both parts' texts with the story cache under their keys."""
    story = stories.story(spec.id, whole.shape)
    capacity, total = body_capacity(whole), len(story.body)
    _check_worth(spec, capacity, total)
    text = stories.texts[spec.id]
    chosen = _choose(spec, story, text, capacity, stories)
    headline = jump_headline(text, spec.jump.headline if spec.jump else None)
    first, rest = part_texts(text, chosen.cut, labels, headline)
    stories.add(story_key(spec.id, 1), first)
    stories.add(story_key(spec.id, 2), rest)
    return JumpSplit(article=spec.id, cut=chosen.cut, first=first, rest=rest, capacity=capacity, total=total,
                     delta=chosen.delta)


def _check_worth(spec: ArticleSpec, capacity: int, total: int) -> None:
    """A jump needs overset, and a first part of at least a third of the story or 15 lines (plus its label)."""
    page, target = spec.jump_pages
    if total <= capacity:
        raise LayoutError(_("article {article} fits its slot on page {page} ({total} body lines, the slot holds "
                            "{capacity}): nothing is left to jump to page {target}").format(
            article=spec.id, page=page, total=total, capacity=capacity, target=target), spec.location,
            _("remove the jump and its continuation slot, or make the slot smaller"))
    least = minimum_first(total)
    if capacity - 1 < least:
        raise LayoutError(_("article {article}: its slot on page {page} holds {held} of its {total} body lines (and "
                            "the jump label); a jump keeps at least {least} lines before it (a third of the story or "
                            "{minimum} lines, whichever is more)").format(
            article=spec.id, page=page, held=capacity - 1, total=total, least=least, minimum=MIN_FIRST_LINES),
            spec.location, _("cut the story or fit it to its slot instead of jumping, or make the slot on page {page} "
                             "hold at least {lines} body lines").format(page=page, lines=least + 1))


def _choose(spec: ArticleSpec, story: SetStory, text: ArticleText, capacity: int, stories: StoryCache) -> Candidate:
    """The best cut: a full stop before a semicolon; filling the slot as set before by squaring (fewest
    lines changed), the later cut first; else the latest cut that leaves the slot short (reported by
    the copy-fit). No cut at all is an error."""
    exact = exact_cut(spec.id, story, text, capacity, stories)
    if exact is not None:
        return exact
    candidates = _candidates(spec.id, story, text, capacity, stories)
    least = minimum_first(len(story.body))
    short = [c for c in candidates if c.delta > 0 and c.lines - 1 >= least]
    if short:
        return max(short, key=lambda c: (c.lines, c.cut.paragraph, c.cut.offset))
    page, target = spec.jump_pages
    raise LayoutError(_("article {article}: no sentence end (。！？ or ；) lets its first part fill the {capacity} body "
                        "lines of its slot on page {page} with at least {side} lines of the broken paragraph on each "
                        "side (the story is {lines} lines, {over} over the slot with the jump label)").format(
        article=spec.id, capacity=capacity, page=page, side=MIN_SIDE_LINES, lines=len(story.body),
        over=len(story.body) - capacity + 1), spec.location,
        _("break a long paragraph into sentences, change the slot's height, or fit the story to page {page} instead "
          "of jumping to page {target}").format(page=page, target=target))


def exact_cut(article: str, story: SetStory, text: ArticleText, capacity: int, stories: StoryCache) -> Candidate | None:
    """The cut whose first part fills `capacity` body lines exactly (label line included, squared by a line
    per paragraph at most), as a jump chooses it: a full stop before a semicolon, fewest lines changed, the
    later cut first; None when no cut fills exactly."""
    candidates = _candidates(article, story, text, capacity, stories)
    for tier in range(len(SENTENCE_ENDS)):  # squared, the first part is the slot's lines: at least `least`
        fitting = [c for c in candidates if c.cut.tier == tier and _squarable(c, story, text, stories)]
        if fitting:
            return min(fitting, key=lambda c: (abs(c.delta), -c.cut.paragraph, -c.cut.offset))
    return None


def _candidates(article: str, story: SetStory, text: ArticleText, capacity: int,
                stories: StoryCache) -> list[Candidate]:
    """Every cut near the slot's end that keeps 2 lines of the broken paragraph on each side, as set."""
    found, before, most = [], 0, len(text.paragraphs) + 1
    measure = story.shape.measure
    for index, lines in enumerate(story.paragraphs):
        if before + MIN_SIDE_LINES + 1 <= capacity + most and before + lines + 1 >= capacity - most:
            for cut in sentence_cuts(text.paragraphs[index], index):
                head, rest = cut_paragraph(text.paragraphs[index], cut.offset)
                head_lines = len(stories.set_paragraph(article, head, measure).lines)
                rest_lines = len(stories.set_paragraph(article, rest, measure).lines)
                if head_lines >= MIN_SIDE_LINES and rest_lines >= MIN_SIDE_LINES:
                    count = before + head_lines + 1
                    found.append(Candidate(cut=cut, lines=count, delta=capacity - count))
        before += lines
    return found


def _squarable(candidate: Candidate, story: SetStory, text: ArticleText, stories: StoryCache) -> bool:
    """Whether the first part of a cut can be set `delta` lines longer or shorter (one line per paragraph,
    as makeup.square does it): the paragraphs before the cut and the broken paragraph's head."""
    delta = candidate.delta
    if delta == 0:
        return True
    if abs(delta) > candidate.cut.paragraph + 1:
        return False
    sign, measure, able = (1 if delta > 0 else -1), story.shape.measure, 0
    for index in range(candidate.cut.paragraph):
        if (sign > 0 or story.paragraphs[index] > 1) and stories.paragraph(story.id, index, measure, sign).looseness == sign:
            able += 1
    head, _ = cut_paragraph(text.paragraphs[candidate.cut.paragraph], candidate.cut.offset)
    if stories.set_paragraph(story.id, head, measure, sign).looseness == sign:
        able += 1
    return able >= abs(delta)
