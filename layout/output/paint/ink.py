"""Page ink: a kept page's glyph runs as ready content-stream text, painted without any per-run work.

A page composed before (layout/kept.py) comes back with the operators its runs were painted with. Painting
it run by run repeats, for thousands of runs, what only depends on the page: the font's resource name, the
codes each run marks as used, the characters counted for the summary. `PageInk` holds instead, once per
page, the runs' `BT /F… …` text in segments of runs of one fill (colour and overprint), the font names left
as `{0}`, `{1}` … for the faces in the order the page first uses them, and per face the {code: char} the
page's runs mark used (first character of each code, in run order) and the distinct characters it writes.
`paint_ink` writes the same bytes as painting the runs one by one: the resource names are asked for in the
same order, a code's first character is the same, and the segments' text is what the runs appended
(reportlab joins a page's operators with newlines).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence


@dataclass(frozen=True)
class PageInk:
    """A page's glyph runs as content-stream text (see the module's docstring)."""

    runs: int  # how many runs the page has (an ink that does not match its page is not used)
    faces: tuple[int, ...]  # per face, in the order the page first uses it: the index of its first run
    marks: tuple[tuple[dict, str], ...]  # per face: {code: char} marked used, the distinct characters
    segments: tuple[tuple[int, str], ...]  # (first run of the segment, its text with {i} for face i's name)

    def fits(self, runs: Sequence) -> bool:
        """Whether this ink was made from runs like `runs` (same count, faces within them)."""
        return (self.runs == len(runs) and len(self.faces) == len(self.marks)
                and all(0 <= first < self.runs for first in self.faces)
                and all(0 <= first < self.runs for first, _text in self.segments))


def page_ink(runs: Sequence, operators: Sequence[tuple[str, dict]]) -> PageInk:
    """The ink of a page's `runs` from each run's (operators after the font name, {code: char} it uses)."""
    slots: dict[int, int] = {}  # id(face) → its slot
    faces: list[int] = []
    marks: list[tuple[dict, set]] = []
    segments: list[tuple[int, list[str]]] = []
    fill = None
    for index, (run, (ops, pairs)) in enumerate(zip(runs, operators)):
        slot = slots.get(id(run.face))
        if slot is None:
            slot = slots[id(run.face)] = len(faces)
            faces.append(index)
            marks.append(({}, set()))
        used, chars = marks[slot]
        for code, char in pairs.items():
            if code not in used:
                used[code] = char
        chars.update(run.text)
        if (run.color, run.overprint) != fill:
            fill = (run.color, run.overprint)
            segments.append((index, []))
        segments[-1][1].append(f"BT {{{slot}}} " + ops.replace("{", "{{").replace("}", "}}"))
    return PageInk(len(runs), tuple(faces), tuple((used, "".join(sorted(chars))) for used, chars in marks),
                   tuple((first, "\n".join(texts)) for first, texts in segments))


def paint_ink(doc, runs: Sequence, ink: PageInk, used: dict, register: Callable,
              set_fill: Callable[[object, bool], None], append: Callable[[str], None]) -> None:
    """Paint a page's runs from their ink: `register(face)` gives a face's CIDFont, `set_fill(colour,
    overprint)` sets the fill, `append(text)` adds operators to the page; `used` collects face key → (face,
    characters) as painting the runs does."""
    names = []
    for first, (pairs, chars) in zip(ink.faces, ink.marks):
        face = runs[first].face
        font = register(face)
        names.append(font.resource_name(doc))
        font.mark_used(pairs, doc)
        used.setdefault(face.key, (face, set()))[1].update(chars)
    for first, text in ink.segments:
        run = runs[first]
        set_fill(run.color, run.overprint)
        append(text.format(*names))
