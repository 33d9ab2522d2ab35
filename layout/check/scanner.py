"""Preflight scanner: interprets a page's content streams, forms and patterns, tallying what the checks need.

A small graphics-state machine (ISO 32000-1 §8.4, §9.3), so fonts, colours, sizes and widths are judged
where they are used, not where they are defined; paint outside the printed area is not held to the limits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

import pikepdf

from .colour import (BLACK, CMYK, GRAY, PATTERN, RGB, UNKNOWN, ColourSpace, Inks, colour_inks, initial_values,
                     sample_ink)
from ..i18n import _
from .report import Tally
from .resources import Resources
from .rules import COLOUR_RULES, EPS, HALFTONE_TYPES, RULES, CheckOptions
from .streams import Budget, label_of, stream_fits
from .values import (IDENTITY, UNIT_SQUARE, Rect, as_matrix, bounds_of, matrix_or_identity, multiply, name_of,
                     numbers_of, scale_of)

MAX_FORM_DEPTH = 12  # nested Form XObjects followed; deeper (or self-referencing) forms are skipped


class State:
    """The part of the graphics and text state (ISO 32000-1 §8.4, §9.3) the checks need; copied on q."""

    __slots__ = ("ctm", "fill_space", "fill", "stroke_space", "stroke", "line_width", "fill_overprint",
                 "stroke_overprint", "overprint_mode", "font_size", "render", "leading", "tm", "tlm")

    def __init__(self) -> None:
        self.ctm = IDENTITY
        self.fill_space, self.fill = GRAY, BLACK
        self.stroke_space, self.stroke = GRAY, BLACK
        self.line_width = 1.0
        self.fill_overprint = self.stroke_overprint = False
        self.overprint_mode = 0
        self.font_size, self.render, self.leading = 0.0, 0, 0.0
        self.tm = self.tlm = IDENTITY

    def copy(self) -> State:
        """An independent copy (for q, and around forms and patterns)."""
        other = State.__new__(State)
        for name in State.__slots__:
            setattr(other, name, getattr(self, name))
        return other


@dataclass(kw_only=True)
class DocumentCache:
    """What is shared by all pages of one file: options, standard, and per-object memos."""

    options: CheckOptions
    standard: str
    image_ink: dict = field(default_factory=dict)  # image objgen → % total ink or None
    budget: Budget = field(default_factory=Budget)  # decoded bytes the checker may still read
    output_profile: bool = False  # the GTS_PDFX OutputIntent embeds a DestOutputProfile (X-3 colour)
    parts: tuple[str, ...] = ()  # the ISO 15930 editions findings cite (rules.cited_parts)


class Scanner:
    """Interprets one page's content and the forms and patterns it draws, tallying what checks need."""

    def __init__(self, doc: DocumentCache, tally: Tally, area: Rect) -> None:
        self.doc, self.options, self.tally, self.area = doc, doc.options, tally, area
        self.state = State()
        self.stack: list[State] = []
        self.path: list[float] | None = None  # bounds of the current path in page space
        self.res = Resources(None)
        self.active: list[tuple[int, int]] = []  # forms/patterns being run (recursion guard)
        self.patterns_run: set[tuple[int, int]] = set()
        self.max_ink = 0.0
        self.min_ppi: float | None = None
        self.min_line: float | None = None
        self.colour_uses: dict[ColourSpace, int] = {}
        self.handlers = self._handlers()

    def _handlers(self) -> dict[str, Callable[[list], None]]:
        """Operator name → handler; operators not listed do not matter to any check."""
        s = self
        return {
            "q": s._save, "Q": s._restore, "cm": s._concat, "w": s._width, "gs": s._gs,
            "g": lambda o: s._device(GRAY, o, True), "G": lambda o: s._device(GRAY, o, False),
            "rg": lambda o: s._device(RGB, o, True), "RG": lambda o: s._device(RGB, o, False),
            "k": lambda o: s._device(CMYK, o, True), "K": lambda o: s._device(CMYK, o, False),
            "cs": lambda o: s._space(o, True), "CS": lambda o: s._space(o, False),
            "sc": lambda o: s._colour(o, True), "scn": lambda o: s._colour(o, True),
            "SC": lambda o: s._colour(o, False), "SCN": lambda o: s._colour(o, False),
            "m": s._points, "l": s._points, "c": s._points, "v": s._points, "y": s._points,
            "re": s._rectangle, "n": s._end_path,
            "S": lambda o: s._paint(False, True), "s": lambda o: s._paint(False, True),
            "f": lambda o: s._paint(True, False), "F": lambda o: s._paint(True, False),
            "f*": lambda o: s._paint(True, False), "B": lambda o: s._paint(True, True),
            "B*": lambda o: s._paint(True, True), "b": lambda o: s._paint(True, True),
            "b*": lambda o: s._paint(True, True),
            "BT": s._begin_text, "Tf": s._font, "Tm": s._text_matrix, "Td": s._move,
            "TD": s._move_leading, "T*": s._next_line, "TL": s._leading, "Tr": s._render,
            "Tj": s._show, "TJ": s._show, "'": s._next_line_show, '"': s._next_line_show,
            "Do": s._do, "sh": s._shading,
        }

    def _too_large(self, content: Any) -> bool:
        """True (and tallied) if a content stream of a page, form or pattern decodes beyond the bounds."""
        streams = content.get("/Contents") if isinstance(content, pikepdf.Dictionary) else content
        for stream in streams if isinstance(streams, pikepdf.Array) else [streams]:
            size = stream_fits(stream, self.doc.budget)
            if size is not None:
                self.tally.add("stream-too-large", _("content stream {stream} decodes to {size:,} bytes or more").format(
                    stream=label_of(stream), size=size))
                return True
        return False

    def run(self, content: Any, resources: Any) -> None:
        """Interpret a page or a content stream with `resources` (restores nesting state afterwards)."""
        if self._too_large(content):
            return
        try:
            instructions = pikepdf.parse_content_stream(content)
        except (pikepdf.PdfError, TypeError) as exc:
            self.tally.add("unparsable-content", _("content stream cannot be parsed: {reason}").format(
                reason=first_line(exc)))
            return
        saved_res, depth = self.res, len(self.stack)
        self.res = Resources(resources)
        handlers = self.handlers
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                self._inline_image(instruction.iimage)
                continue
            operator = str(instruction.operator)
            handler = handlers.get(operator)
            if handler is not None:
                try:
                    handler(instruction.operands)
                except (IndexError, TypeError, ValueError, ArithmeticError, pikepdf.PdfError):
                    self.tally.add("unparsable-content", _("bad operands for the '{operator}' operator").format(
                        operator=operator))
        del self.stack[depth:]
        self.res = saved_res

    # graphics state -----------------------------------------------------------------------------

    def _save(self, o: list) -> None:
        """q: push the graphics state."""
        self.stack.append(self.state.copy())

    def _restore(self, o: list) -> None:
        """Q: pop the graphics state (an unbalanced Q is ignored)."""
        if self.stack:
            self.state = self.stack.pop()

    def _concat(self, o: list) -> None:
        """cm: concatenate a matrix to the CTM."""
        self.state.ctm = multiply(as_matrix(o), self.state.ctm)

    def _width(self, o: list) -> None:
        """w: line width."""
        self.state.line_width = float(o[0])

    def _gs(self, o: list) -> None:
        """gs: apply an ExtGState; its transparency is tallied where it is set."""
        effect = self.res.ext_gstate(o[0])
        if effect is None:
            return
        for note in effect.notes:
            if note.kind == "halftone-type":
                self._halftone_type(note.value, note.detail)
            else:
                self.tally.add(note.kind, note.detail, note.value)
        s = self.state
        if effect.fill_overprint is not None:
            s.fill_overprint = effect.fill_overprint
        if effect.stroke_overprint is not None:
            s.stroke_overprint = effect.stroke_overprint
        if effect.overprint_mode is not None:
            s.overprint_mode = effect.overprint_mode
        if effect.line_width is not None:
            s.line_width = effect.line_width
        if effect.font_size is not None:
            s.font_size = effect.font_size
        if effect.font is not None and not effect.font.embedded:
            self.tally.add("font-not-embedded", effect.font.name)

    def _halftone_type(self, value: float | None, where: str) -> None:
        """Tally a halftone whose HalftoneType the standard does not allow."""
        allowed = HALFTONE_TYPES[self.doc.standard]
        if value not in allowed:
            shown = f"{value:g}" if value is not None and value >= 0 else _("missing")
            self.tally.add("halftone-type", _("HalftoneType {shown} in {where} (allowed: {allowed})").format(
                shown=shown, where=where, allowed=", ".join(map(str, allowed))))

    # colour -------------------------------------------------------------------------------------

    def _set(self, fill: bool, space: ColourSpace, inks: Inks | None) -> None:
        """Set the fill or stroke colour."""
        if fill:
            self.state.fill_space, self.state.fill = space, inks
        else:
            self.state.stroke_space, self.state.stroke = space, inks

    def _device(self, space: ColourSpace, o: list, fill: bool) -> None:
        """g/G, rg/RG, k/K: a device colour space and its colour in one operator."""
        self._set(fill, space, colour_inks(space, numbers_of(o)))

    def _space(self, o: list, fill: bool) -> None:
        """cs/CS: a colour space, with its initial colour."""
        space = self.res.colour_space(o[0])
        self._set(fill, space, colour_inks(space, initial_values(space)))

    def _colour(self, o: list, fill: bool) -> None:
        """sc/scn/SC/SCN: a colour in the current space; a trailing name selects a pattern."""
        space = self.state.fill_space if fill else self.state.stroke_space
        if o and isinstance(o[-1], pikepdf.Name):
            self._pattern(o, space, fill)
        else:
            self._set(fill, space, colour_inks(space, numbers_of(o)))

    def _pattern(self, o: list, space: ColourSpace, fill: bool) -> None:
        """Select a pattern: a shading pattern paints in its shading's space, a tiling one is run."""
        pattern = self.res.named("/Pattern", o[-1])
        if not isinstance(pattern, (pikepdf.Dictionary, pikepdf.Stream)):
            return
        if int(pattern.get("/PatternType", 0)) == 2:
            shading = pattern.get("/Shading")
            inner = self.res.colour_space(shading.get("/ColorSpace")) if shading is not None else UNKNOWN
            self._set(fill, inner, None)
            return
        if int(pattern.get("/PaintType", 1)) == 2 and space.base is not None:
            self._set(fill, space.base, colour_inks(space.base, numbers_of(o)))
            return
        self._set(fill, PATTERN, None)
        if pattern.objgen not in self.patterns_run:
            self.patterns_run.add(pattern.objgen)
            self._nested(pattern, matrix_or_identity(pattern.get("/Matrix")), replace_ctm=True)

    def _use(self, space: ColourSpace, inks: Inks | None, inside: bool, what: str) -> None:
        """Painting with a colour: count its colour space, measure its ink inside the printed area."""
        self.colour_uses[space] = self.colour_uses.get(space, 0) + 1
        if inside and inks is not None:
            self._ink(inks.total, what)

    def _ink(self, total: float, what: str) -> None:
        """Track the heaviest ink and tally vector paint above the limit."""
        self.max_ink = max(self.max_ink, total)
        if total > self.options.ink_limit + EPS:
            self.tally.add("vector-ink", what, total)

    # paths --------------------------------------------------------------------------------------

    def _extend(self, bounds: Rect) -> None:
        """Grow the current path's bounds."""
        if self.path is None:
            self.path = [bounds.x0, bounds.y0, bounds.x1, bounds.y1]
        else:
            p = self.path
            p[0], p[1] = min(p[0], bounds.x0), min(p[1], bounds.y0)
            p[2], p[3] = max(p[2], bounds.x1), max(p[3], bounds.y1)

    def _points(self, o: list) -> None:
        """m, l, c, v, y: add the points (control points included) to the path bounds."""
        values = numbers_of(o)
        points = tuple(zip(values[0::2], values[1::2]))
        if points:
            self._extend(bounds_of(self.state.ctm, points))

    def _rectangle(self, o: list) -> None:
        """re: add a rectangle to the path bounds."""
        x, y, w, h = numbers_of(o)[:4]
        self._extend(bounds_of(self.state.ctm, ((x, y), (x + w, y + h), (x, y + h), (x + w, y))))

    def _end_path(self, o: list) -> None:
        """n: end the path without painting (clipping)."""
        self.path = None

    def _paint(self, fill: bool, stroke: bool) -> None:
        """Fill and/or stroke the current path: colour, ink and line width."""
        path, self.path = self.path, None
        inside = path is None or self.area.overlaps(Rect(*path))
        s = self.state
        if fill:
            self._use(s.fill_space, s.fill, inside, "vector fill")
        if stroke:
            self._use(s.stroke_space, s.stroke, inside, "vector stroke")
            if inside:
                self._line_width(s.line_width * scale_of(s.ctm))

    def _line_width(self, width: float) -> None:
        """Track the thinnest stroke and tally those below the limit (0 is the thinnest device line)."""
        self.min_line = width if self.min_line is None else min(self.min_line, width)
        if width < self.options.min_line_width - EPS:
            self.tally.add("thin-line", "", round(width, 3))

    def _shading(self, o: list) -> None:
        """sh: paint a shading; its colour space counts as used."""
        shading = self.res.named("/Shading", o[0])
        if isinstance(shading, (pikepdf.Dictionary, pikepdf.Stream)):
            self._use(self.res.colour_space(shading.get("/ColorSpace")), None, False, "shading")

    # text ---------------------------------------------------------------------------------------

    def _begin_text(self, o: list) -> None:
        """BT: reset the text matrices."""
        self.state.tm = self.state.tlm = IDENTITY

    def _font(self, o: list) -> None:
        """Tf: the font (is it embedded?) and size."""
        self.state.font_size = abs(float(o[1]))
        font = self.res.font(o[0])
        if font is not None and not font.embedded:
            self.tally.add("font-not-embedded", font.name)

    def _text_matrix(self, o: list) -> None:
        """Tm: set the text matrix."""
        self.state.tm = self.state.tlm = as_matrix(o)

    def _move(self, o: list) -> None:
        """Td: move to the start of the next line."""
        tx, ty = numbers_of(o)[:2]
        self.state.tm = self.state.tlm = multiply((1.0, 0.0, 0.0, 1.0, tx, ty), self.state.tlm)

    def _move_leading(self, o: list) -> None:
        """TD: Td that also sets the leading."""
        self.state.leading = -numbers_of(o)[1]
        self._move(o)

    def _next_line(self, o: list) -> None:
        """T*: move down one leading."""
        self._move((0.0, -self.state.leading))

    def _leading(self, o: list) -> None:
        """TL: set the leading."""
        self.state.leading = float(o[0])

    def _render(self, o: list) -> None:
        """Tr: text rendering mode."""
        self.state.render = int(o[0])

    def _next_line_show(self, o: list) -> None:
        """' and ": next line, then show."""
        self._next_line(o)
        self._show(o)

    def _show(self, o: list) -> None:
        """Tj/TJ/'/": text painted at the current size and colour, judged where the run starts."""
        s = self.state
        if s.render in (3, 7):  # invisible (e.g. OCR layers)
            return
        m = multiply(s.tm, s.ctm)
        inside = self.area.x0 <= m[4] <= self.area.x1 and self.area.y0 <= m[5] <= self.area.y1
        fills = s.render in (0, 2, 4, 6)
        if fills:
            self._use(s.fill_space, s.fill, inside, "text")
        if s.render in (1, 2, 5, 6):
            self._use(s.stroke_space, s.stroke, inside, "text outline")
        if inside and fills and s.fill is not None:
            self._text_colour(s.fill, round(s.font_size * scale_of(m), 2))

    def _text_colour(self, inks: Inks, size: float) -> None:
        """Small text in several inks, rich black or white; 100 K text that does not overprint."""
        s, o = self.state, self.options
        if inks.solid_black:
            if not s.fill_overprint:
                self.tally.add("black-text-knockout", "", size)
            elif s.overprint_mode != 1 and s.fill_space.kind in ("DeviceCMYK", "ICCBased"):
                self.tally.add("black-text-opm0", "", size)
        channels = inks.channels
        if size < o.min_coloured_text - EPS:
            if channels > 1:
                kind = "rich-black-small-text" if inks.k >= 1 - EPS else "multicolour-small-text"
                self.tally.add(kind, inks.label, size)
            elif channels == 0:
                self.tally.add("knockout-small-text", "", size)
        if channels == 1 and size < o.min_text - EPS:
            self.tally.add("tiny-text", "", size)

    # XObjects and images ------------------------------------------------------------------------

    def _do(self, o: list) -> None:
        """Do: draw an image or run a Form XObject."""
        xobject = self.res.named("/XObject", o[0])
        if not isinstance(xobject, pikepdf.Stream):
            return
        subtype = xobject.get("/Subtype")
        if subtype == pikepdf.Name.Image:
            self._image(xobject, name_of(o[0]), xobject.objgen)
        elif subtype == pikepdf.Name.Form:
            group = xobject.get("/Group")
            if isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name.Transparency:
                self.tally.add("transparency-group", _("form {name}").format(name=name_of(o[0])))
            self._nested(xobject, matrix_or_identity(xobject.get("/Matrix")), replace_ctm=False)

    def _nested(self, stream: pikepdf.Stream, matrix: tuple, replace_ctm: bool) -> None:
        """Run a form (matrix × CTM) or a tiling pattern (its own matrix) in a saved graphics state."""
        key = stream.objgen
        if key in self.active or len(self.active) >= MAX_FORM_DEPTH:
            return
        saved, path = self.state.copy(), self.path
        self.state.ctm = matrix if replace_ctm else multiply(matrix, self.state.ctm)
        self.active.append(key)
        resources = stream.get("/Resources")
        self.run(stream, resources if resources is not None else self.res.obj)
        self.active.pop()
        self.state, self.path = saved, path

    def _inline_image(self, image: pikepdf.PdfInlineImage) -> None:
        """BI … ID … EI: an inline image (its LZW filter is a page finding)."""
        if any(f in ("/LZWDecode", "/LZW") for f in image.filters):
            self.tally.add("lzw", "")
        self._image(image.obj, "inline", None, image)

    def _image(self, obj: Any, label: str, key: Any, inline: Any = None) -> None:
        """An image: colour space, soft mask, resolution and ink at its placed size."""
        s = self.state
        inside = self.area.overlaps(bounds_of(s.ctm, UNIT_SQUARE))
        if bool(obj.get("/ImageMask", False)):  # a stencil painted in the fill colour
            self._use(s.fill_space, s.fill, inside, "image mask")
            return
        width, height = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
        label = f"{label} ({width}×{height} px)"
        space = self.res.colour_space(obj.get("/ColorSpace")) if "/ColorSpace" in obj else UNKNOWN
        self.colour_uses[space] = self.colour_uses.get(space, 0) + 1
        if "/SMask" in obj or int(obj.get("/SMaskInData", 0)) > 0:
            self.tally.add("soft-mask", _("image {label}").format(label=label))
        if inside:
            self._resolution(width, height, label)
            if inline is None and self._image_too_large(obj, width, height, space):
                return
            self._image_ink(obj, space, label, key, inline)

    def _image_too_large(self, obj: Any, width: int, height: int, space: ColourSpace) -> bool:
        """True (and tallied) if an image inflates beyond its declared samples or the per-file budget."""
        bits = int(obj.get("/BitsPerComponent", 8))
        components = space.n or 4  # an unresolved colour space: assume up to 4 components
        expected = (width * components * bits + 7) // 8 * height
        size = stream_fits(obj, self.doc.budget, limit=max(expected + 4096, 1))
        if size is None:
            return False
        self.tally.add("stream-too-large", _("image {stream} decodes to {size:,} bytes or more ({expected:,} expected)")
                       .format(stream=label_of(obj), size=size, expected=expected))
        return True

    def _resolution(self, width: int, height: int, label: str) -> None:
        """Effective ppi at the placed size (from the CTM at Do); images under 0.5 pt are ignored."""
        m = self.state.ctm
        placed_w, placed_h = math.hypot(m[0], m[1]), math.hypot(m[2], m[3])
        if placed_w < 0.5 or placed_h < 0.5 or not width or not height:
            return
        ppi = min(width * 72 / placed_w, height * 72 / placed_h)
        self.min_ppi = ppi if self.min_ppi is None else min(self.min_ppi, ppi)
        if ppi < self.options.min_image_ppi - EPS:
            self.tally.add("low-resolution-image", label, round(ppi, 1))

    def _image_ink(self, obj: Any, space: ColourSpace, label: str, key: Any, inline: Any) -> None:
        """Total ink of a CMYK (or Indexed-on-CMYK) image from its samples; others are not measured."""
        if space.kind == "Indexed":
            total = space.palette_ink
        elif space.kind == "DeviceCMYK" or (space.kind == "ICCBased" and space.n == 4):
            if key is not None and key in self.doc.image_ink:
                total = self.doc.image_ink[key]
            else:
                total = sample_ink(inline if inline is not None else pikepdf.PdfImage(obj))
                if key is not None:
                    self.doc.image_ink[key] = total
        elif space.family in ("gray", "separation"):
            return  # one ink, at most 100 %
        else:
            total = None
        if total is None:
            if space.family not in COLOUR_RULES or RULES[COLOUR_RULES[space.family]].severity(
                    self.doc.standard) is None:
                self.tally.add("image-ink-unknown", f"{label} ({space.label})")
            return
        self.max_ink = max(self.max_ink, total)
        if total > self.options.ink_limit + EPS:
            self.tally.add("image-ink", label, round(total, 1))


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
