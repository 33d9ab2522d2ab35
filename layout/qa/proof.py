"""QA proof stage: render a built PDF's pages to deterministic PNGs, optionally with a layout overlay.

The overlay is drawn from the sidecar JSON the build writes next to every PDF (`<id>.layout.json`,
format `layout-sidecar/1`, pt in the page's user space, origin bottom-left): column grid, slots with
article ids, baselines, overset markers, and lines whose break kinsoku forced.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from ..output import sidecar as sidecar_file
from ..output.sidecar import SIDECAR_SUFFIX, Sidecar, SidecarArticle, SidecarLine, SidecarPage, sidecar_path
from ..errors import LayoutError
from ..files import write_atomic
from ..i18n import _

MANIFEST_NAMES = ("issue.yaml", "issue.yml")
PNG_SETTINGS = {"format": "PNG", "compress_level": 1, "optimize": False}  # fixed settings: same image, same bytes

# Overlay colours (RGBA); docs/qa.md has the legend.
OVERLAY = {
    "column": (0, 160, 220, 150),
    "baseline": (220, 0, 180, 70),
    "slot": (255, 120, 0, 230),
    "label": (255, 120, 0, 255),
    "overset": (230, 0, 0, 90),
    "overset-edge": (230, 0, 0, 255),
    "kinsoku": (0, 170, 60, 110),
    "furniture": (120, 120, 120, 160),
    "ignore": (120, 120, 120, 60),
}


@dataclass(frozen=True, kw_only=True)
class Raster:
    """How a rendered page maps pt (user space, y up) to pixels (y down)."""

    scale: float  # px per pt
    left: float  # user-space x of pixel column 0
    top: float  # user-space y of pixel row 0
    width: int  # image size in px
    height: int

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point in pixel coordinates."""
        return (x - self.left) * self.scale, (self.top - y) * self.scale

    def box_px(self, box) -> tuple[int, int, int, int]:
        """A pt box [x0, y0, x1, y1] as a pixel box (left, upper, right, lower), clipped to the image."""
        x0, y1 = self.point(min(box[0], box[2]), min(box[1], box[3]))
        x1, y0 = self.point(max(box[0], box[2]), max(box[1], box[3]))
        clip = lambda v, hi: max(0, min(hi, v))  # noqa: E731
        return (clip(int(x0), self.width), clip(int(y0), self.height),
                clip(int(-(-x1 // 1)), self.width), clip(int(-(-y1 // 1)), self.height))

    def box_pt(self, px: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
        """A pixel box (left, upper, right, lower) as a pt box [x0, y0, x1, y1]."""
        left, upper, right, lower = px
        return (round(self.left + left / self.scale, 2), round(self.top - lower / self.scale, 2),
                round(self.left + right / self.scale, 2), round(self.top - upper / self.scale, 2))


@dataclass(frozen=True)
class Rendered:
    """One rendered page: the RGB image and its pt ↔ px mapping."""

    image: Image.Image
    raster: Raster


@dataclass(frozen=True)
class Source:
    """A PDF to proof or compare, and its sidecar (None when there is none)."""

    pdf: Path
    sidecar: Sidecar | None


@dataclass(frozen=True)
class ProofOptions:
    """What `layout proof` renders: resolution and whether to draw the layout overlay."""

    dpi: float = 100.0
    overlay: bool = False


@dataclass(frozen=True)
class ProofResult:
    """The PNG files written, in page order."""

    pages: tuple[Path, ...]
    overlay: bool


def load_sidecar(pdf: Path) -> Sidecar | None:
    """The sidecar next to `pdf`, else — for a page PDF `A02.pdf` without its own — the record of page A02 in
    an issue sidecar of the same folder; None when there is none (LayoutError when it is broken)."""
    path = sidecar_path(pdf)
    if path.is_file():
        return sidecar_file.read(path)
    for other in sorted(Path(pdf).parent.glob("*" + SIDECAR_SUFFIX)):
        try:
            found = sidecar_file.page_sidecar(sidecar_file.read(other), Path(pdf).stem)
        except LayoutError:  # another issue's sidecar, broken: not this page's
            continue
        if found is not None:
            return found
    return None


def sidecar_page(sidecar: Sidecar | None, index: int) -> SidecarPage | None:
    """The sidecar record of the PDF page at `index` (0-based), or None."""
    return sidecar.page(index) if sidecar is not None else None


def page_names(sidecar: Sidecar | None, count: int) -> tuple[str, ...]:
    """File stems for `count` pages: the sidecar label (made unique), else page-001, page-002, …."""
    names: list[str] = []
    for index in range(count):
        record = sidecar_page(sidecar, index)
        name = record.label if record else ""
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
        if not name or name in names:
            name = f"page-{index + 1:03d}"
        names.append(name)
    return tuple(names)


def find_manifest(path: Path) -> Path | None:
    """The issue manifest `path` names (a folder holding issue.yaml, or a .yaml file), else None."""
    if path.is_dir():
        for name in MANIFEST_NAMES:
            if (path / name).is_file():
                return path / name
        return None
    return path if path.suffix.lower() in (".yaml", ".yml") else None


def build_manifest(manifest: Path, outdir: Path) -> Path:
    """Build the issue `manifest` into `outdir` (overset allowed: QA shows it) and return the PDF."""
    from ..build import BuildOptions, build  # imported here: proofing a PDF needs no build stack
    result = build(manifest, BuildOptions(outdir=outdir, pages=False, allow_overset=True))
    return Path(result.issue_pdf)


def open_source(path: Path, workdir: Path) -> Source:
    """A PDF as given, or the issue a folder/manifest names built into `workdir`; with its sidecar."""
    path = Path(path)
    if not path.exists():
        raise LayoutError(_("no such file or folder"), str(path), _("give a PDF, an issue folder or issue.yaml"))
    manifest = find_manifest(path)
    if manifest is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        pdf = build_manifest(manifest, workdir)
    elif path.is_file() and path.suffix.lower() == ".pdf":
        pdf = path
    else:
        raise LayoutError(_("neither a PDF nor an issue manifest"), str(path),
                          _("give a .pdf, an issue folder holding issue.yaml, or the .yaml file"))
    return Source(pdf=pdf, sidecar=load_sidecar(pdf))


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open a PDF with pdfium, turning its failure into a LayoutError."""
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        raise LayoutError(_("cannot open the PDF: {err}").format(err=err), str(path),
                          _("is it a complete PDF file?")) from None


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> Rendered:
    """Render page `index` in colour (RGB, smoothing on) at `dpi`."""
    page = document[index]
    scale = dpi / 72.0
    left, _bottom, _right, top = page.get_bbox()
    image = page.render(scale=scale, rev_byteorder=True, may_draw_forms=False).to_pil().convert("RGB")
    page.close()
    return Rendered(image, Raster(scale=scale, left=left, top=top, width=image.width, height=image.height))


def save_png(image: Image.Image, path: Path, dpi: float) -> Path:
    """Write `image` as PNG with fixed encoder settings (no timestamp, no text chunks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = Image.frombytes(image.mode, image.size, image.tobytes())  # drops any info/metadata
    return write_atomic(path, lambda tmp: clean.save(tmp, dpi=(round(dpi), round(dpi)),
                                                     **PNG_SETTINGS))


def _label_font(raster: Raster) -> ImageFont.ImageFont:
    """Pillow's built-in font at about 9 pt (deterministic; no system fonts involved)."""
    return ImageFont.load_default(size=max(8, round(9 * raster.scale)))


def _rect(draw: ImageDraw.ImageDraw, raster: Raster, box, outline=None, fill=None, width: int = 1) -> None:
    """Draw a pt box on the overlay layer."""
    x0, y0, x1, y1 = raster.box_px(box)
    draw.rectangle((x0, y0, max(x0, x1 - 1), max(y0, y1 - 1)), outline=outline, fill=fill, width=width)


def _draw_grid(draw: ImageDraw.ImageDraw, raster: Raster, page: SidecarPage) -> None:
    """Column boxes, baselines across the type area, ignore regions and furniture boxes."""
    columns = page.columns
    if columns:
        left, right = min(c[0] for c in columns), max(c[2] for c in columns)
        for y in page.baselines:
            _x, py = raster.point(left, y)
            x1, _y = raster.point(right, y)
            draw.line((round(_x), round(py), round(x1), round(py)), fill=OVERLAY["baseline"])
    for column in columns:
        _rect(draw, raster, column, outline=OVERLAY["column"])
    for box in page.ignore:
        _rect(draw, raster, box, fill=OVERLAY["ignore"])
    for item in page.furniture:
        _rect(draw, raster, item.box, outline=OVERLAY["furniture"])


def _line_box(line: SidecarLine, leading: float) -> tuple[float, float, float, float]:
    """A set line's approximate ink box: from a fifth of a line below the baseline to 0.8 above."""
    return (line.x0, line.baseline - 0.2 * leading, line.x1, line.baseline + 0.8 * leading)


def _draw_article(draw: ImageDraw.ImageDraw, raster: Raster, article: SidecarArticle, leading: float) -> None:
    """An article's slot and id, its kinsoku-forced lines, and its overset marker."""
    for line in article.lines:
        if line.kinsoku:
            _rect(draw, raster, _line_box(line, leading), fill=OVERLAY["kinsoku"])
    slot = article.slot
    _rect(draw, raster, slot, outline=OVERLAY["slot"], width=max(1, round(raster.scale)))
    x0, y0, _x1, _y1 = raster.box_px(slot)
    font = _label_font(raster)
    draw.text((x0 + 3, y0 + 2), article.id, fill=OVERLAY["label"], font=font)
    over = article.overset
    if over:
        band = (slot[0], min(slot[1], slot[3]), slot[2], min(slot[1], slot[3]) + leading)
        _rect(draw, raster, band, fill=OVERLAY["overset"], outline=OVERLAY["overset-edge"], width=2)
        bx0, by0, _bx1, _by1 = raster.box_px(band)
        text = f"OVERSET +{over.lines_over} lines (~{over.characters_over} characters)"
        draw.text((bx0 + 3, by0 + 2), text, fill=OVERLAY["overset-edge"], font=font)


def _leading(page: SidecarPage) -> float:
    """The body line pitch from the baseline grid (10 pt when the sidecar has none)."""
    baselines = sorted(page.baselines)
    steps = [b - a for a, b in zip(baselines, baselines[1:]) if b - a > 0]
    return min(steps) if steps else 10.0


def draw_overlay(rendered: Rendered, page: SidecarPage) -> Image.Image:
    """The page image with the sidecar's grid, slots, baselines and markers drawn over it."""
    layer = Image.new("RGBA", rendered.image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    _draw_grid(draw, rendered.raster, page)
    for article in page.articles:
        _draw_article(draw, rendered.raster, article, _leading(page))
    return Image.alpha_composite(rendered.image.convert("RGBA"), layer).convert("RGB")


def proof_pdf(source: Source, outdir: Path, options: ProofOptions, progress=None) -> ProofResult:
    """Write one PNG per page of `source` into `outdir` (overlay needs the sidecar), calling
    `progress('proofing', done, total)` after each page if given."""
    if options.overlay and source.sidecar is None:
        raise LayoutError(_("--overlay needs the sidecar JSON next to the PDF"), str(sidecar_path(source.pdf)),
                          _("build the issue with `layout build` (it writes the sidecar) or proof the manifest"))
    document = open_pdf(source.pdf)
    try:
        names = page_names(source.sidecar, len(document))
        written = []
        for index, name in enumerate(names):
            rendered = render_page(document, index, options.dpi)
            record = sidecar_page(source.sidecar, index)
            image = draw_overlay(rendered, record) if options.overlay and record else rendered.image
            written.append(save_png(image, outdir / f"{name}.png", options.dpi))
            if progress is not None:
                progress("proofing", index + 1, len(names))
    finally:
        document.close()
    return ProofResult(pages=tuple(written), overlay=options.overlay)


def check_dpi(dpi: float) -> None:
    """Refuse resolutions that are useless or would exhaust memory on a broadsheet page."""
    if not 10 <= dpi <= 600:
        raise LayoutError(_("--dpi {dpi:g} is out of range").format(dpi=dpi), "--dpi",
                          _("use 10–600 (100 is the default)"))


def proof(path: Path, outdir: Path, options: ProofOptions, progress=None) -> ProofResult:
    """Proof a PDF, or build an issue folder/manifest into a temporary folder and proof that."""
    check_dpi(options.dpi)
    with tempfile.TemporaryDirectory(prefix="layout-proof-") as tmp:
        source = open_source(Path(path), Path(tmp))
        return proof_pdf(source, Path(outdir), options, progress)
