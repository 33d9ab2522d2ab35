"""Conversions cached by content hash (source, box, profile, settings, stage version), written atomically."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path

import PIL
from PIL import ImageCms

from .. import i18n
from . import stage
from .encode import PrintImage
from .separate import OutputProfile, output_profile
from .settings import PhotoSettings
from .source import read_bytes

STAGE_VERSION = 1  # bump when the conversion changes for the same inputs
SUFFIX = ".pimg"
MAGIC = b"layout-print-image 1\n"


def convert(path: Path | str, box_pt: tuple[float, float], settings: PhotoSettings = PhotoSettings(),
            cache: Path | str | None = None) -> PrintImage:
    """The print-ready photo for a box of `box_pt` (width, height in pt), from the cache folder when given."""
    name = str(path)
    data = read_bytes(Path(path))
    out = output_profile(settings.profile)
    box = (float(box_pt[0]), float(box_pt[1]))
    if cache is None:
        return stage.render(data, name, box, settings, out)
    file = Path(cache) / (key(hashlib.sha256(data).hexdigest(), box, settings, out) + SUFFIX)
    hit = load(file)
    if hit is not None:
        return hit
    image = stage.render(data, name, box, settings, out)
    store(file, image)
    return image


def key(source_sha256: str, box_pt: tuple[float, float], settings: PhotoSettings, out: OutputProfile) -> str:
    """The cache key: a SHA-256 over every input of the conversion."""
    fields = dataclasses.asdict(settings)
    fields["profile"] = out.sha256  # the profile's bytes count, not its path
    material = {"stage": STAGE_VERSION, "pillow": PIL.__version__, "lcms": ImageCms.core.littlecms_version,
                "source": source_sha256, "box_pt": [repr(v) for v in box_pt], "settings": fields}
    if i18n.active() != "en":  # the warnings kept with the conversion are in the language they were made in
        material["language"] = i18n.active()
    return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()


def dump(image: PrintImage) -> bytes:
    """The cache file: magic, one JSON line of the fields (with the data's SHA-256), the data."""
    fields = {f.name: getattr(image, f.name) for f in dataclasses.fields(image) if f.name != "data"}
    fields["data_sha256"] = hashlib.sha256(image.data).hexdigest()
    return MAGIC + json.dumps(fields, sort_keys=True).encode() + b"\n" + image.data


def parse(blob: bytes) -> PrintImage | None:
    """A PrintImage from a cache file's bytes; None when the file is not complete and valid."""
    if not blob.startswith(MAGIC):
        return None
    header, _, data = blob[len(MAGIC):].partition(b"\n")
    try:
        fields = json.loads(header)
    except ValueError:
        return None
    if fields.pop("data_sha256", None) != hashlib.sha256(data).hexdigest():
        return None
    for name in ("warnings", "notes"):
        fields[name] = tuple(fields[name])
    fields["decode"] = tuple(fields["decode"]) if fields["decode"] is not None else None
    try:
        return PrintImage(data=data, **fields)
    except TypeError:
        return None


def load(file: Path) -> PrintImage | None:
    """The cached PrintImage, or None when absent or invalid (then it is converted again)."""
    try:
        return parse(file.read_bytes())
    except OSError:
        return None


def store(file: Path, image: PrintImage) -> None:
    """Write the cache file atomically: a unique temporary file in the folder, renamed into place."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{file.stem[:16]}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(dump(image))
        os.replace(tmp, file)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
