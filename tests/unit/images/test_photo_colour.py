"""Separation into newsprint-tr002: K-only greys, RGB greys near K, saturated colours within 240 %, profiles."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageCms
from photo_helpers import box_for, icc_profile

from layout.images import PhotoError, PhotoInkError, PhotoSettings, convert
from layout.images.encode import decode_samples
from layout.images.separate import output_profile, separate

RAMP = [255, 240, 224, 192, 160, 128, 96, 64, 32, 16, 0]
S = PhotoSettings()
OUT = output_profile(None)


def separated(image: Image.Image, icc: bytes | None = None, settings: PhotoSettings = S) -> np.ndarray:
    """The CMYK percentages of a separated image, one row."""
    return np.asarray(separate(image, icc, OUT, settings).image)[0].astype(float) * 100 / 255


def test_the_packaged_profile_is_the_documented_one():
    assert OUT.sha256 == "585d0bb8002e09cf90f7ecf21c157876e97ddf966853f42b528029acd9072f9a"
    assert OUT.description == "layout newsprint TR002 (coldset, 240% TAC)"


def test_greyscale_ramp_is_k_only():
    ink = separated(Image.frombytes("L", (11, 1), bytes(RAMP)))
    assert (ink[:, :3] == 0).all()
    assert ink[0, 3] == 0 and ink[-1, 3] == 100
    assert (np.diff(ink[:, 3]) > 0).all()  # darker grey, more K
    print("\ngrey → K %:", dict(zip(RAMP, ink[:, 3].round(1))))


def test_linear_grey_curve_is_255_minus_l():
    ink = separated(Image.frombytes("L", (11, 1), bytes(RAMP)), settings=PhotoSettings(grey_curve="linear"))
    assert (ink[:, :3] == 0).all() and np.allclose(ink[:, 3], [(255 - v) / 2.55 for v in RAMP])


def test_rgb_greys_are_nearly_k_only():
    ink = separated(Image.frombytes("L", (11, 1), bytes(RAMP)).convert("RGB"))
    print("\nsRGB grey → CMYK %:", {g: tuple(row.round(1)) for g, row in zip(RAMP, ink)})
    mid = ink[: RAMP.index(96) + 1]  # white .. sRGB 96: the profile carries greys on K
    assert mid[:, 0].max() <= 12 and mid[:, 1].max() <= 3 and mid[:, 2].max() == 0
    assert ink[0].tolist() == [0, 0, 0, 0] and ink[-1, 3] == 100


@pytest.mark.parametrize("rgb", [(255, 0, 0), (0, 255, 0), (0, 0, 255), (0, 0, 0), (255, 128, 0), (0, 0, 128)])
def test_saturated_colours_stay_within_240(rgb):
    ink = separated(Image.new("RGB", (1, 1), rgb))[0]
    assert ink.sum() <= 240, (rgb, ink)


def test_whole_srgb_cube_sample_within_240():
    axis = np.linspace(0, 255, 17).round().astype(np.uint8)
    cube = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), -1).reshape(1, -1, 3)
    ink = separated(Image.fromarray(cube, "RGB"))
    assert ink.sum(axis=1).max() <= 240


def test_untagged_rgb_is_srgb(tmp_path):
    noise = np.random.default_rng(3).integers(0, 256, (50, 80, 3), dtype=np.uint8)
    image = Image.fromarray(noise, "RGB")
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(tmp_path / "plain.png")
    image.save(tmp_path / "tagged.png", icc_profile=srgb)
    box = box_for((80, 50), 200)
    plain, tagged = convert(tmp_path / "plain.png", box), convert(tmp_path / "tagged.png", box)
    assert plain.data == tagged.data


def test_a_different_rgb_profile_is_used(tmp_path):
    linear = icc_profile("RGB", 1.0, "linear-light sRGB primaries")
    Image.new("RGB", (4, 4), (128, 128, 128)).save(tmp_path / "linear.png", icc_profile=linear)
    Image.new("RGB", (4, 4), (128, 128, 128)).save(tmp_path / "srgb128.png")
    Image.new("RGB", (4, 4), (188, 188, 188)).save(tmp_path / "srgb188.png")  # sRGB 188 ≈ linear 0.50
    box = box_for((4, 4), 200)
    ink = {name: np.asarray(decode_samples(convert(tmp_path / f"{name}.png", box, PhotoSettings(line_art=True)).encoded,
                                           (4, 4)))[2, 2].astype(int) for name in ("linear", "srgb128", "srgb188")}
    assert np.abs(ink["linear"] - ink["srgb188"]).max() <= 3
    assert ink["srgb128"][3] - ink["linear"][3] > 40  # untagged 128 is much darker


def test_a_grey_profile_sets_the_grey_tone_curve(tmp_path):
    Image.new("L", (4, 4), 128).save(tmp_path / "linear.png", icc_profile=icc_profile("GRAY", 1.0, "linear grey"))
    Image.new("L", (4, 4), 188).save(tmp_path / "srgb188.png")
    box, lossless = box_for((4, 4), 200), PhotoSettings(line_art=True)
    linear = np.asarray(decode_samples(convert(tmp_path / "linear.png", box, lossless).encoded, (4, 4)))[2, 2]
    plain = np.asarray(decode_samples(convert(tmp_path / "srgb188.png", box, lossless).encoded, (4, 4)))[2, 2]
    assert linear[:3].tolist() == [0, 0, 0] and abs(int(linear[3]) - int(plain[3])) <= 2


def test_a_mismatched_embedded_profile_is_ignored_with_a_note():
    result = separate(Image.new("L", (2, 2), 100), icc_profile("RGB", 2.2, "rgb"), OUT, S)
    assert result.method == "k-only" and "does not fit" in result.notes[0]


def test_cmyk_over_the_limit_fails_with_the_file_named(tmp_path):
    Image.new("CMYK", (10, 10), (200, 200, 200, 255)).save(tmp_path / "heavy.tif")
    with pytest.raises(PhotoInkError) as error:
        convert(tmp_path / "heavy.tif", box_for((10, 10), 200))
    assert error.value.where.endswith("heavy.tif") and "335.3 %" in error.value.message
    assert "240 % limit" in error.value.message


def test_the_plants_profile_path_is_used(tmp_path):
    shutil.copy(_default_path(), tmp_path / "plant.icc")
    Image.new("RGB", (10, 10), (200, 30, 30)).save(tmp_path / "red.png")
    box = box_for((10, 10), 200)
    assert convert(tmp_path / "red.png", box, PhotoSettings(profile=tmp_path / "plant.icc")).data == \
        convert(tmp_path / "red.png", box).data
    (tmp_path / "srgb.icc").write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    with pytest.raises(PhotoError, match="not a CMYK output profile"):
        convert(tmp_path / "red.png", box, PhotoSettings(profile=tmp_path / "srgb.icc"))


def _default_path():
    from importlib import resources
    return resources.files("layout.output").joinpath("profiles/newsprint-tr002.icc")


def test_settings_are_validated():
    with pytest.raises(PhotoError, match="intent"):
        PhotoSettings(intent="vivid")
    with pytest.raises(PhotoError, match="min_ppi"):
        PhotoSettings(min_ppi=180)
    with pytest.raises(PhotoError, match="focus"):
        PhotoSettings(focus=(1.2, 0.5))
