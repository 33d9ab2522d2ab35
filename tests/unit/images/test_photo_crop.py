"""Crop arithmetic: the box aspect from a focus point, clamped to the image; contain letterboxes."""

from __future__ import annotations

from layout.images.crop import Crop, contain, cover, plan


def test_cover_centre_of_a_wide_image():
    assert cover((4000, 2000), (300, 200)) == Crop(left=500, top=0, width=3000, height=2000, canvas_width=3000,
                                                   canvas_height=2000)


def test_cover_centre_of_a_tall_image():
    assert cover((2000, 4000), (200, 100)) == Crop(left=0, top=1500, width=2000, height=1000, canvas_width=2000,
                                                   canvas_height=1000)


def test_cover_focus_moves_the_window():
    assert cover((4000, 2000), (100, 100), (0.25, 0.5)) == Crop(left=0, top=0, width=2000, height=2000,
                                                                canvas_width=2000, canvas_height=2000)
    assert cover((4000, 2000), (100, 100), (0.6, 0.5)) == Crop(left=1400, top=0, width=2000, height=2000,
                                                               canvas_width=2000, canvas_height=2000)


def test_cover_focus_is_clamped_to_the_image():
    assert cover((4000, 2000), (100, 100), (0.0, 0.0)).left == 0
    assert cover((4000, 2000), (100, 100), (1.0, 1.0)).left == 2000
    assert cover((1000, 3000), (100, 100), (0.5, 1.0)) == Crop(left=0, top=2000, width=1000, height=1000,
                                                               canvas_width=1000, canvas_height=1000)
    assert cover((1000, 3000), (100, 100), (0.5, 0.1)).top == 0


def test_cover_same_aspect_keeps_everything():
    assert cover((1600, 1000), (160, 100)) == Crop(left=0, top=0, width=1600, height=1000, canvas_width=1600,
                                                   canvas_height=1000)
    assert not cover((1600, 1000), (160, 100)).letterboxed


def test_cover_never_distorts():
    crop = cover((4352, 2448), (496.6, 283.5))
    assert abs(crop.width / crop.height - 496.6 / 283.5) < 1 / crop.height


def test_contain_letterboxes_top_and_bottom():
    crop = contain((4000, 2000), (100, 100))
    assert crop == Crop(left=0, top=0, width=4000, height=2000, canvas_width=4000, canvas_height=4000, offset_x=0,
                        offset_y=1000)
    assert crop.letterboxed


def test_contain_pillarboxes_left_and_right():
    assert contain((1000, 2000), (200, 100)) == Crop(left=0, top=0, width=1000, height=2000, canvas_width=4000,
                                                     canvas_height=2000, offset_x=1500, offset_y=0)


def test_plan_dispatches_on_fit():
    assert plan((4000, 2000), (100, 100), "contain") == contain((4000, 2000), (100, 100))
    assert plan((4000, 2000), (100, 100), "cover", (0.6, 0.5)) == cover((4000, 2000), (100, 100), (0.6, 0.5))
    assert cover((4000, 2000), (100, 100)).box == (1000, 0, 3000, 2000)
