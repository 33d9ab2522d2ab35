"""Square: make a story's columns end level by setting chosen paragraphs a line shorter (缩行) or longer (拉行).

A Chinese compositor squares a slot this way instead of leaving short columns: the paragraphs whose change
costs least are picked first — for a line less, those with the shortest last line (little to pull up);
for a line more, those with the fullest last line (little to push down). Each paragraph changes by one
line at most, within the composer's spacing bounds and never into a 孤字 (typeset.lines looseness).
"""

from __future__ import annotations

from ..typeset.story import SetStory, StoryCache


def square(cache: StoryCache, story: SetStory, delta: int) -> SetStory | None:
    """The story with `delta` lines more (>0) or fewer (<0), or None when its paragraphs cannot give that."""
    if delta == 0:
        return story
    sign, chosen = (1 if delta > 0 else -1), []
    for index in _candidates(story, sign):
        if cache.paragraph(story.id, index, story.shape.measure, sign).looseness == sign:
            chosen.append(index)
            if len(chosen) == abs(delta):
                return cache.story(story.id, story.shape, tuple((i, sign) for i in sorted(chosen)))
    return None


def _candidates(story: SetStory, sign: int) -> list[int]:
    """Paragraph indexes in the order to try: by how full their last line is (emptiest first to lose a
    line, fullest first to gain one); a one-line paragraph cannot lose a line."""
    fills, start = [], 0
    for index, count in enumerate(story.paragraphs):
        last = story.body[start + count - 1] if count else None
        fill = last.width / last.measure if last is not None and last.measure else 1.0
        if not (sign < 0 and count < 2):
            fills.append((fill if sign < 0 else -fill, index))
        start += count
    return [index for _, index in sorted(fills)]
