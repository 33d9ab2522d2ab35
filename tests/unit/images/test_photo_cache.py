"""The cache: a second convert is a hit, every input changes the key, two processes writing at once."""

from __future__ import annotations

import dataclasses
import multiprocessing
import shutil

import numpy as np
from PIL import Image
from photo_helpers import box_for

from layout.images import PhotoSettings, convert
from layout.images import cache as cache_module
from layout.images import stage
from layout.images.separate import OutputProfile, output_profile


def photo(tmp_path, seed=1):
    noise = np.random.default_rng(seed).integers(0, 256, (300, 450, 3), dtype=np.uint8)
    Image.fromarray(noise, "RGB").save(tmp_path / "p.png")
    return tmp_path / "p.png"


def counting(monkeypatch):
    calls = []
    original = stage.render

    def render(*args, **kwargs):
        calls.append(args[1])
        return original(*args, **kwargs)
    monkeypatch.setattr(stage, "render", render)
    return calls


def test_second_convert_is_a_hit(tmp_path, monkeypatch):
    calls, path, folder = counting(monkeypatch), photo(tmp_path), tmp_path / "build/.cache/images"
    box = box_for((450, 300), 250)
    first = convert(path, box, PhotoSettings(), folder)
    second = convert(path, box, PhotoSettings(), folder)
    assert len(calls) == 1 and first == second
    assert len(list(folder.glob("*.pimg"))) == 1 and not list(folder.glob("*.tmp"))


def test_a_changed_source_is_converted_again(tmp_path, monkeypatch):
    calls, folder = counting(monkeypatch), tmp_path / "c"
    box = box_for((450, 300), 250)
    convert(photo(tmp_path, 1), box, cache=folder)
    convert(photo(tmp_path, 2), box, cache=folder)  # same path, other bytes
    assert len(calls) == 2


def test_a_profile_at_another_path_with_the_same_bytes_is_a_hit(tmp_path, monkeypatch):
    calls, path, folder = counting(monkeypatch), photo(tmp_path), tmp_path / "c"
    shutil.copy(_default(), tmp_path / "plant.icc")
    box = box_for((450, 300), 250)
    convert(path, box, PhotoSettings(), folder)
    convert(path, box, PhotoSettings(profile=tmp_path / "plant.icc"), folder)
    assert len(calls) == 1


def _default():
    from importlib import resources
    return resources.files("layout.output").joinpath("profiles/newsprint-tr002.icc")


def test_every_input_changes_the_key():
    out = output_profile(None)
    base = cache_module.key("a" * 64, (100.0, 50.0), PhotoSettings(), out)
    other = OutputProfile(out.data + b" ", "b" * 64, out.description, "x")
    variants = [cache_module.key("b" * 64, (100.0, 50.0), PhotoSettings(), out),
                cache_module.key("a" * 64, (100.0, 50.01), PhotoSettings(), out),
                cache_module.key("a" * 64, (100.0, 50.0), PhotoSettings(), other)]
    changes = dict(intent="relative", black_point_compensation=False, grey_curve="linear", ink_limit=220.0,
                   warn_ppi=150.0, min_ppi=90.0, max_ppi=310.0, target_ppi=210.0, quality=90, line_art=True,
                   fit="contain", focus=(0.4, 0.5), max_pixels=10)
    assert set(changes) == {f.name for f in dataclasses.fields(PhotoSettings)} - {"profile"}
    variants += [cache_module.key("a" * 64, (100.0, 50.0), PhotoSettings(**{k: v}), out) for k, v in changes.items()]
    assert len(set(variants) | {base}) == len(variants) + 1


def test_a_corrupt_cache_file_is_replaced(tmp_path, monkeypatch):
    calls, path, folder = counting(monkeypatch), photo(tmp_path), tmp_path / "c"
    box = box_for((450, 300), 250)
    first = convert(path, box, cache=folder)
    file = next(folder.glob("*.pimg"))
    file.write_bytes(file.read_bytes()[:-10])  # truncated by a crash
    assert convert(path, box, cache=folder) == first and len(calls) == 2
    assert cache_module.load(file) == first


def _worker(path, box, folder, barrier, results):
    barrier.wait()
    results.put(convert(path, box, cache=folder).source_sha256)


def test_two_processes_converting_at_once(tmp_path):
    path, folder = photo(tmp_path), tmp_path / "c"
    box = box_for((450, 300), 250)
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_worker, args=(path, box, folder, barrier, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    hashes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    files = list(folder.iterdir())
    assert len(hashes) == 2 and len(set(hashes)) == 1
    assert [f.suffix for f in files] == [".pimg"]
    assert cache_module.load(files[0]) == convert(path, box)
